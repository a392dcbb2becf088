"""`klarsida address BUILT`: refuse to publish a site whose addresses point to a placeholder host."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..address import problems
from ..project import ProjectNotFound, load_project
from ..settings import SettingsInvalid

NAME = "address"
HELP = ("Kontrollera att den byggda webbplatsen har sin riktiga adress (check the built site has its real "
        "address, not example.org): klarsida address site")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("built", type=Path, help="den byggda webbplatsen / the built site (site)")
    parser.add_argument("--config", type=Path, help="webbplatsens inställningsfil (standard: närmaste uppåt) / the site's configuration file (default: nearest upwards)")


def run(args: argparse.Namespace) -> int:
    try:
        project = load_project(args.config)
    except (ProjectNotFound, SettingsInvalid) as exc:
        print(exc, file=sys.stderr)
        return 2
    config = project.config_file.name if project.config_file else "the configuration"
    found = problems(project.site_url, args.built, config)
    if found:
        print("Webbplatsen publiceras inte (the site is not published):", file=sys.stderr)
        for problem in found:
            print(f"- {problem}", file=sys.stderr)
        return 1
    print(f"Adressen är {project.site_url} (the address is {project.site_url}).")
    return 0
