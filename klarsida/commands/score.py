"""`klarsida score [--json] [--lang CODE] [PATH...]`: readability of files, as the build scores them.

PATH may be files or folders (folders are searched for *.md and *.txt); without PATH, content/.
The language comes from the suffix (`.sv.md`, `.en.md`, `.ar.md`: any language CLDR knows) or
--lang (any code of 2-3 lowercase letters). Markdown files have their front matter removed; other
files are read as plain text. Terms in the glossary of the same language (`glossary.<lang>.md` in
the file's folder or a folder above it) count as explained.

Swedish pages get LIX, English pages Flesch (klarsida/readability/languages.py); a page in another
language is counted and the command says it has no readability measure. Figures are described in
Swedish for Swedish pages and in English for the others, as the findings' notes are.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import ContentError
from ..frontmatter import read_source
from ..i18n import LANGUAGE_CODE, is_language
from ..readability.languages import FLESCH, LIX, rules_for
from ..readability.report import note_text, text
from ..readability.scorer import LONG_SENTENCE, Scorer

NAME = "score"
HELP = "Mät hur lätt texten är att läsa (score readability: LIX, Flesch, long sentences, passive voice, ...)."


def language_code(value: str) -> str:
    """--lang: a language code of two or three lowercase letters ("sv", "en", "ar", "swl")."""
    if not LANGUAGE_CODE.match(value):
        raise argparse.ArgumentTypeError(
            f"{value!r} är ingen språkkod: två eller tre små bokstäver, som sv, en eller ar. "
            f"(en) {value!r} is not a language code: two or three lowercase letters, such as sv, en or ar."
        )
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="filer eller mappar (standard: content/) / files or folders (default: content/)")
    parser.add_argument("--json", action="store_true", help="skriv en JSON-lista / print a JSON list, one object per file")
    parser.add_argument("--lang", type=language_code, metavar="CODE",
                        help="språk för alla filer, t.ex. sv, en, ar / language of every file, e.g. sv, en, ar "
                             "(default: from the suffix)")


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
    return parts[-2] if len(parts) >= 3 and is_language(parts[-2]) else None


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


def _lix_lines(row: dict) -> list[str]:
    """LIX, in Swedish: the klarspråk group's measure of Swedish pages."""
    return [f"  LIX {row['lix']}, {row['band']}; {row['words']} ord, {row['sentences']} meningar, "
            f"{row['long_words']} långa ord",
            f"  {row['avg_sentence_length']} ord per mening; {row['long_sentence_share']:.0%} av meningarna "
            f"har fler än {LONG_SENTENCE} ord"]


def _flesch_lines(row: dict) -> list[str]:
    """Flesch reading ease (and LIX), in English."""
    return [f"  Flesch {row['flesch']}, {row['band']}; LIX {row['lix']}; {row['words']} words, "
            f"{row['sentences']} sentences, {row['syllables']} syllables",
            *_counts(row)]


def _counts(row: dict) -> list[str]:
    return [f"  {row['avg_sentence_length']} words per sentence; {row['long_sentence_share']:.0%} of "
            f"sentences have more than {LONG_SENTENCE} words"]


def _no_measure_lines(row: dict) -> list[str]:
    """A language without a readability measure: said in Swedish and English, then the counts."""
    return [f"  {text('sv', 'no_measure')} / {text('en', 'no_measure')}; "
            f"{row['words']} words, {row['sentences']} sentences", *_counts(row)]


# How each measure is described (its words are in the language it measures).
DESCRIBE = {LIX.name: _lix_lines, FLESCH.name: _flesch_lines}


def describe(row: dict) -> str:
    lang = row["lang"]
    measure = rules_for(lang).measure
    lines = [row["path"], *(DESCRIBE[measure.name] if measure else _no_measure_lines)(row)]
    words = "sv" if measure is LIX else "en"  # the language of the lines above and of the notes
    if row["exception"]:
        lines.append(f"  {text(words, 'exception')}: {row['exception']}")
    for finding in row["findings"]:
        lines.append(f"  - {note_text(finding, words)}: {finding['text']}")
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
                "Vi vet inte vilket språk filen har. Låt namnet sluta på språkets kod, som .sv.md, .en.md eller "
                ".ar.md, eller använd --lang.",
                "We cannot tell the file's language. End its name in the language's code, such as .sv.md, .en.md "
                "or .ar.md, or use --lang.",
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
