"""`klarsida new meeting|event`: start a meeting summary or an event, in Swedish and English."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..project import ProjectNotFound, load_project
from ..settings import SettingsInvalid
from ..scaffold import ScaffoldError, new_event, new_meeting

NAME = "new"
HELP = "Skapa en ny mötesanteckning eller ett evenemang från mallen (create a meeting or event from the template)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="webbplatsens inställningsfil (standard: närmaste uppåt) / the site's configuration file (default: nearest upwards)")
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    meeting = kinds.add_parser("meeting", help="mötesanteckning (meeting summary)")
    meeting.add_argument("--date", required=True, help="mötesdagen, t.ex. 2026-12-03")
    meeting.add_argument("--title", required=True, help='rubriken, t.ex. "Möte om nya lokaler"')
    event = kinds.add_parser("event", help="evenemang (event)")
    event.add_argument("--start", required=True, help='när det börjar, t.ex. "2026-12-03 17:30" (bara datum = heldag)')
    event.add_argument("--end", help='när det slutar, t.ex. "2026-12-03 20:00" (annars fyller du i det i filen)')
    event.add_argument("--title", required=True, help='namnet, t.ex. "Film och samtal"')


def run(args: argparse.Namespace) -> int:
    try:
        project = load_project(args.config)
        if args.kind == "meeting":
            made = new_meeting(project.content_dir, args.date, args.title)
        else:
            made = new_event(project.content_dir, args.start, args.title, args.end)
    except (ScaffoldError, ProjectNotFound, SettingsInvalid) as exc:
        print(exc, file=sys.stderr)
        return 1
    root = project.root

    def show(path: Path) -> str:
        try:
            return path.resolve().relative_to(root).as_posix()
        except ValueError:
            return str(path)

    print("Skapade / created:")
    for path in made.files:
        print(f"  {show(path)}")
    print(f"Byt ut FYLL I på de här {len(made.todos)} raderna (replace FYLL I on these lines):")
    for todo in made.todos:
        what = f"{todo.field}: {todo.description}" if todo.field else todo.description
        print(f"  {show(todo.path)}:{todo.line}: {what}")
    print("Rader som börjar med # är valfria fält. Kolla sedan med: klarsida check")
    print("(Lines starting with # are optional fields. Then check with: klarsida check)")
    return 0
