"""`klarsida diff [--comment] OLD.json NEW.json`: what a change does to readability, in Swedish.

Takes two outputs of `klarsida score --json` (or two site/klarsprak.json files) and prints, for the
pages whose figures or findings changed, a Markdown table for a CI job summary: score before →
after (LIX for Swedish pages, Flesch for English ones: klarsida/readability/languages.py), easier or
harder, and new findings. With --comment it prints the pull request comment instead: LIX före →
efter, what got worse and the sentences behind it (klarsida/readability/changes.py). Every value
from the files is escaped, so the output is safe to post whatever the pages hold.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..readability.changes import comment_markdown, diff_markdown

NAME = "diff"
HELP = "Jämför två mätningar av läsbarhet (compare two readability reports as a Markdown table)."
EXAMPLE = '[{"path": "content/about.sv.md", "lang": "sv", "lix": 33.5, "long_sentence_share": 0.0, "findings": []}]'


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", type=Path, metavar="OLD.json", help="före / before (klarsida score --json)")
    parser.add_argument("new", type=Path, metavar="NEW.json", help="efter / after")
    parser.add_argument("--comment", action="store_true",
                        help="skriv kommentaren till pull requesten / print the pull request comment")


def load(path: Path) -> list[dict] | str:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return f"{path}: filen finns inte. (en) {path}: no such file."
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return f"{path}: är inte JSON ({exc}). (en) {path} is not JSON. Skapa den med klarsida score --json."
    if not isinstance(rows, list) or not all(isinstance(r, dict) and "lang" in r and "lix" in r for r in rows):
        return (f"{path}: ska vara en lista med ett objekt per sida med lang och lix. "
                f"(en) {path} must be a list of objects with lang and lix. Exempel/example: {EXAMPLE}")
    return rows


def run(args: argparse.Namespace) -> int:
    old, new = load(args.old), load(args.new)
    bad = [r for r in (old, new) if isinstance(r, str)]
    if bad:
        print("\n".join(bad), file=sys.stderr)
        return 2
    sys.stdout.write((comment_markdown if args.comment else diff_markdown)(old, new))
    return 0
