"""`klarsida reference`: print the front-matter reference (docs/front-matter.md) from the schemas."""

from __future__ import annotations

import argparse
import sys

from ..reference import render_reference

NAME = "reference"
HELP = "Skriv ut fältreferensen från scheman (print the front-matter reference): klarsida reference > docs/front-matter.md"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(render_reference())
    return 0
