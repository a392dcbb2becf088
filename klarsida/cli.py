"""The `klarsida` command. Each subcommand lives in its own module in `klarsida/commands/`.

A command module defines `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`.
Content mistakes are reported as messages with exit code 1, never as tracebacks.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from . import __version__, commands
from .errors import ContentInvalid


def command_modules():
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            yield importlib.import_module(f"{commands.__name__}.{info.name}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="klarsida", description="Klarsida: plain-language sites, checked and scored.")
    parser.add_argument("--version", action="version", version=f"klarsida {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def _utf8_output() -> None:
    """Messages are Swedish (å, ä, ö): under LC_ALL=C Python would write ASCII and fail on the first
    å. Terminals and CI logs read UTF-8, so write that whatever the locale says."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    _utf8_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except ContentInvalid as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
