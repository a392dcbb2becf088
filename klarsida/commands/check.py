"""`klarsida check [PATH...]`: the build's content checks in seconds, without the generator.

Runs exactly what the build runs (a session loads the site, then every check) with the same
project and settings, and prints the same messages. With PATHs the whole site is still
loaded, so links between pages resolve, but only those files' problems are shown.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import changes, pasted
from ..errors import ContentError, format_errors
from ..project import ProjectNotFound, load_project
from ..session import Session
from ..settings import SettingsInvalid
from ..site import walk_content

NAME = "check"
HELP = "Kontrollera innehållet som bygget gör, utan att bygga (check content like the build does, without building)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="filer eller mappar att visa fel för (standard: hela content/) / files or folders to report on")
    parser.add_argument("--fix", action="store_true",
                        help="rätta tecken från Word först (hårda mellanslag, tabbar, typografiska citattecken, "
                             "osynliga mellanslag, Windows-radslut) och visa vad som ändrades / repair pasted "
                             "characters in place first and show what changed")
    parser.add_argument("--config", type=Path, help="webbplatsens inställningsfil (standard: närmaste uppåt) / the site's configuration file (default: nearest upwards)")


def _wanted(paths: list[Path], root: Path) -> list[str] | None:
    """Repository-relative prefixes for the PATHs, as ContentError.path spells them."""
    if not paths:
        return None
    wanted = []
    for path in paths:
        resolved = path.resolve()
        if not resolved.exists():
            raise ProjectNotFound(f"{path} finns inte. (en) {path} does not exist.")
        try:
            wanted.append(resolved.relative_to(root).as_posix())
        except ValueError:
            raise ProjectNotFound(
                f"{path} ligger inte i webbplatsens mapp {root}. (en) {path} is outside the site folder {root}."
            ) from None
    return wanted


def _in_wanted(path: str, wanted: list[str] | None) -> bool:
    """Is `path` (relative to the site's folder) one of the paths asked for, or below one?"""
    if wanted is None:
        return True
    return any(p in (".", "") or path == p or path.startswith(p + "/") for p in wanted)


def _matches(problem: ContentError, wanted: list[str] | None) -> bool:
    return _in_wanted(problem.path, wanted)


def run(args: argparse.Namespace) -> int:
    try:
        project = load_project(args.config)
        wanted = _wanted(args.paths, project.root)
        session = Session(project)  # its content types may be the site's own files: SettingsInvalid
    except (ProjectNotFound, SettingsInvalid) as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.fix:
        fix_files(project.content_dir, project.root, wanted)
    checks_ran = True
    found = session.read_partial()
    site = found.site
    if found.errors:
        # Every error in one run: the checks run on the pages that loaded (see PartialLoad); their
        # warnings come once the errors are fixed, as in the build.
        problems = found.errors + (session.check(site) if site is not None else [])
        checks_ran = site is not None
        site = None
    else:
        problems = session.check(site)

    shown = [p for p in problems if _matches(p, wanted)]
    hidden = len(problems) - len(shown)
    errors = sorted({p for p in shown if p.level == "error"}, key=_order)
    warnings = sorted({p for p in shown if p.level == "warning"}, key=_order)
    notices = sorted({p for p in shown if p.level == "notice"}, key=_order)
    held_back = 0
    if any(p.level == "error" for p in problems):
        # Like the build, which stops at the errors: warnings come once the errors are fixed.
        held_back, warnings = len(warnings), []  # notices too wait until then
        hidden = len([p for p in problems if p.level == "error"]) - len(errors)

    if errors:
        print(format_errors(errors))
    for warning in warnings:
        print(f"Varning (warning): {warning.format()}")
    for notice in notices if not errors else ():
        print(f"Påminnelse (notice): {notice.format()}")
    status = changes.base_status(session)
    if status and not errors:
        print(status)
    if held_back:
        print(f"Det finns också {held_back} varningar. Du ser dem när felen är rättade. "
              f"(en) There are also {held_back} warning(s), shown once the errors are fixed.")
    if hidden:
        print(f"Andra filer har {hidden} fel eller varningar; kör klarsida check utan sökväg för att se dem. "
              f"(en) Other files have {hidden} problem(s); run klarsida check without a path to see them.")
    if not checks_ran and hidden and not errors:
        # Loading stopped on another file's error, so links, readability etc. were not checked yet.
        print("Alla kontroller kunde inte köras förrän de felen är rättade. "
              "(en) Not every check could run until those errors are fixed.")
        return 1
    if errors or held_back and project.strict:
        return 1
    if warnings and project.strict:
        print("Bygget är strikt (strict: true), så varningar stoppar det också. "
              "(en) The build is strict, so warnings stop it too.")
        return 1
    count = len(site.documents) if site else 0
    if wanted is not None:
        print("Inga fel i filerna du valde. (en) No problems in the files you chose.")
    else:
        print(f"Inga fel. Sidor som vi kontrollerade: {count}. (en) No problems in {count} pages.")
    return 0


def _order(problem: ContentError):
    return (problem.path, problem.line or 0, problem.field or "", problem.sv)


def fix_files(content_dir: Path, root: Path, wanted: list[str] | None) -> int:
    """`--fix`: mend Word-paste problems in the page sources (klarsida/pasted.py) and say what changed
    in each file, by line. Returns the number of files changed."""
    changed = 0
    # The loader's walk: page sources only, no dot-folders (.obsidian/), links never followed.
    for relative in walk_content(content_dir, root).files:
        file = content_dir / relative
        if file.is_symlink() or not file.is_file():
            continue  # links are the loader's to report, never written through
        rel = file.relative_to(root).as_posix()
        if not _in_wanted(rel, wanted):
            continue
        try:
            raw = file.read_bytes()
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the check says why the file cannot be read
        fixed, repairs = pasted.repair(text)
        if not repairs:
            continue
        file.write_bytes(fixed.encode("utf-8"))
        changed += 1
        for repair in repairs:
            where = f"{rel}:{repair.line}" if repair.line else rel
            print(f"Rättat (fixed): {where}: {repair.sv}. (en) {repair.en}.")
    if changed:
        print(f"--fix ändrade {changed} filer. Kolla ändringarna, till exempel med git diff. "
              f"(en) --fix changed {changed} file(s). Review the changes, e.g. with git diff.")
    else:
        print("--fix hittade inget att rätta. (en) --fix found nothing to repair.")
    return changed
