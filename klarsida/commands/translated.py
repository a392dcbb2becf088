"""`klarsida translated PATH...`: record that a translation is up to date with its Swedish original.

Writes `translated_from: <version of the Swedish text>` into each translation's front matter
(klarsida/translations.py). Run it when you have translated or checked a page: the check then
stops reminding you, and the page stops telling readers that the Swedish page is newer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ContentInvalid
from ..model import LANG_SUFFIX
from ..project import ProjectNotFound, load_project
from ..session import Session
from ..settings import SettingsInvalid
from ..translations import record, source_hash

NAME = "translated"
HELP = ("Markera att översättningen är klar med den svenska sidan som den är nu "
        "(record that a translation matches its Swedish page as it is now).")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="översättningen, t.ex. content/about.en.md (eller en mapp: alla översättningar i den) "
                             "/ the translation, or a folder: every translation in it")
    parser.add_argument("--config", type=Path, help="webbplatsens inställningsfil / the site's configuration file")


def run(args: argparse.Namespace) -> int:
    try:
        project = load_project(args.config)
        session = Session(project)
        site = session.read_site()
    except (ProjectNotFound, SettingsInvalid) as exc:
        print(exc, file=sys.stderr)
        return 2
    except ContentInvalid as exc:
        print(exc, file=sys.stderr)
        print("Rätta felen först, sedan kan översättningen markeras. "
              "(en) Fix the errors first; then the translation can be recorded.", file=sys.stderr)
        return 1
    content = project.content_dir.resolve()
    files: list[Path] = []
    for path in args.paths:
        resolved = path.resolve()
        if resolved.is_dir():
            files += sorted(p for p in resolved.rglob("*.md") if p.is_file())
        elif resolved.is_file():
            files.append(resolved)
        else:
            print(f"{path} finns inte. (en) {path} does not exist.", file=sys.stderr)
            return 2
    marked = 0
    for file in files:
        try:
            doc_path = file.relative_to(content).as_posix()
        except ValueError:
            print(f"{file} ligger inte i {project.content_dir}. (en) {file} is outside the content folder.", file=sys.stderr)
            return 2
        match = LANG_SUFFIX.match(doc_path)
        if not match or match["lang"] == site.default_lang:
            if len(files) == 1:
                print(f"{doc_path} är ingen översättning: det är originalet. Ange översättningen, t.ex. "
                      f"{doc_path.replace('.sv.md', '.en.md')}. (en) {doc_path} is not a translation.", file=sys.stderr)
                return 1
            continue
        original = site.get(match["stem"], site.default_lang)
        if original is None:
            print(f"{doc_path} har ingen svensk sida att vara översättning av. "
                  f"(en) {doc_path} has no Swedish original.", file=sys.stderr)
            return 1
        version = source_hash(original)
        with open(file, encoding="utf-8", newline="") as source:  # as written: Windows line ends stay
            text = source.read()
        updated = record(text, version)
        if updated != text:
            with open(file, "w", encoding="utf-8", newline="") as target:
                target.write(updated)
            marked += 1
        shown = file.relative_to(project.root).as_posix()
        print(f"{shown}: översätter {original.rel} som den är nu ({version}). "
              f"(en) translates {original.rel} as it is now.")
    if marked == 0:
        print("Inget behövde ändras. (en) Nothing needed changing.")
    return 0
