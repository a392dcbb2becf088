"""`klarsida score [--json] [--lang sv|en] [PATH...]`: readability of files, as the build scores them.

PATH may be files or folders (folders are searched for *.md and *.txt); without PATH, content/.
The language comes from the suffix (`.sv.md`, `.en.md`) or --lang. Markdown files have their front
matter removed; other files are read as plain text. Terms in the glossary of the same language
(`glossary.<lang>.md` in the file's folder or a folder above it) count as explained.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import ContentError
from ..frontmatter import read_source
from ..readability.report import text
from ..readability.scorer import Scorer

NAME = "score"
HELP = "Mät hur lätt texten är att läsa (score readability: LIX, Flesch, long sentences, passive voice, ...)."
LANGS = ("sv", "en")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="filer eller mappar (standard: content/) / files or folders (default: content/)")
    parser.add_argument("--json", action="store_true", help="skriv en JSON-lista / print a JSON list, one object per file")
    parser.add_argument("--lang", choices=LANGS, help="språk för alla filer / language of every file (default: from the suffix)")


def files_in(paths: list[Path]) -> tuple[list[Path], list[str]]:
    found, missing = [], []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".md", ".txt") and p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            missing.append(str(path))
    return found, missing


def language_of(path: Path, forced: str | None) -> str | None:
    if forced:
        return forced
    parts = path.name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in LANGS else None


def glossary_for(scorer: Scorer, path: Path, lang: str) -> frozenset[str]:
    for folder in path.resolve().parents:
        glossary = folder / f"glossary.{lang}.md"
        if glossary.is_file():
            source, _ = read_source(glossary, str(glossary))
            return scorer.glossary_terms(source.body, lang) if source else frozenset()
    return frozenset()


def score_file(scorer: Scorer, path: Path, lang: str) -> tuple[dict | None, list[ContentError]]:
    name = path.as_posix()
    if path.suffix == ".md":
        source, errors = read_source(path, name)
        if source is None:
            return None, errors
        body, exception = source.body, source.meta.get("readability_exception")
    else:
        try:
            body, exception = path.read_text(encoding="utf-8"), None
        except UnicodeDecodeError:
            return None, [ContentError(name, None, None, "Filen är inte sparad som UTF-8.", "The file is not UTF-8.",
                                       "Spara filen som UTF-8 i din editor")]
    score = scorer.score_text(body, lang, glossary_for(scorer, path, lang), markdown=path.suffix == ".md")
    return {"path": name, **score.to_dict(), "exception": str(exception) if exception else None}, []


def describe(row: dict) -> str:
    lang = row["lang"]
    lines = [row["path"]]
    if lang == "sv":
        lines.append(f"  LIX {row['lix']}, {row['band']}; {row['words']} ord, {row['sentences']} meningar, "
                     f"{row['long_words']} långa ord")
        lines.append(f"  {row['avg_sentence_length']} ord per mening; {row['long_sentence_share']:.0%} av meningarna "
                     f"har fler än 20 ord")
    else:
        lines.append(f"  Flesch {row['flesch']}, {row['band']}; LIX {row['lix']}; {row['words']} words, "
                     f"{row['sentences']} sentences, {row['syllables']} syllables")
        lines.append(f"  {row['avg_sentence_length']} words per sentence; {row['long_sentence_share']:.0%} of "
                     f"sentences have more than 20 words")
    if row["exception"]:
        lines.append(f"  {text(lang, 'exception')}: {row['exception']}")
    for finding in row["findings"]:
        note = finding["note_sv"] if lang == "sv" else finding["note_en"]
        lines.append(f"  - {note}: {finding['text']}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    paths = args.paths or [Path("content")]
    files, missing = files_in(paths)
    problems: list[ContentError] = [
        ContentError(m, None, None, "Filen eller mappen finns inte.", "No such file or folder.", "content/about.sv.md")
        for m in missing
    ]
    rows = []
    scorer = Scorer()  # this command's session of scores: each glossary is read once
    for path in files:
        lang = language_of(path, args.lang)
        if lang is None:
            problems.append(ContentError(
                path.as_posix(), None, None,
                "Vi vet inte vilket språk filen har. Låt namnet sluta på .sv.md eller .en.md, eller använd --lang.",
                "We cannot tell the file's language. End its name in .sv.md or .en.md, or use --lang.",
                "klarsida score --lang sv text.txt",
            ))
            continue
        row, errors = score_file(scorer, path, lang)
        problems.extend(errors)
        if row:
            rows.append(row)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        print("\n\n".join(describe(row) for row in rows))
    if problems:
        print("\n".join(p.format() for p in problems), file=sys.stderr)
        return 1
    return 0
