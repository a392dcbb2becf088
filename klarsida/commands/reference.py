"""`klarsida reference`: print the front-matter reference (docs/front-matter.md) from the schemas."""

from __future__ import annotations

import argparse
import sys

from pathlib import Path

from ..project import ProjectNotFound, load_project
from ..reference import render_reference
from ..session import Session
from ..settings import SettingsInvalid

NAME = "reference"
HELP = "Skriv ut fältreferensen från scheman (print the front-matter reference): klarsida reference > docs/front-matter.md"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="webbplatsens inställningsfil (standard: närmaste uppåt) / the site's configuration file (default: nearest upwards)")


def run(args: argparse.Namespace) -> int:
    """The site's own content types when a site is found here; the built-in ones otherwise."""
    types = None
    try:
        types = Session(load_project(args.config)).types
    except ProjectNotFound:
        pass
    except SettingsInvalid as exc:
        print(exc, file=sys.stderr)
        return 2
    sys.stdout.write(render_reference(types))
    return 0
