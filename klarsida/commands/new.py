"""`klarsida new <type>`: start an item of a content type (meeting, event, ...) in every language."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..project import ProjectNotFound, load_project
from ..settings import SettingsInvalid
from ..scaffold import ScaffoldError, new_item
from ..session import Session

NAME = "new"
HELP = "Skapa en ny mötesanteckning eller ett evenemang från mallen (create a meeting or event from the template)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="webbplatsens inställningsfil (standard: närmaste uppåt) / the site's configuration file (default: nearest upwards)")
    parser.add_argument("kind", metavar="TYP",
                        help="innehållstyp, t.ex. meeting (mötesanteckning) eller event (evenemang) / content type")
    parser.add_argument("--title", required=True, help='rubriken, t.ex. "Möte om nya lokaler"')
    parser.add_argument("--date", help="dagen, t.ex. 2026-12-03 (meeting)")
    parser.add_argument("--start", help='när det börjar, t.ex. "2026-12-03 17:30" (bara datum = heldag) (event)')
    parser.add_argument("--end", help='när det slutar, t.ex. "2026-12-03 20:00" (annars fyller du i det i filen) (event)')


def run(args: argparse.Namespace) -> int:
    try:
        project = load_project(args.config)
        session = Session(project)
        ctype = session.types.get(args.kind)
        if ctype is None or ctype.scaffold is None:
            kinds = ", ".join(t.name for t in session.types if t.scaffold)
            raise ScaffoldError(f"{args.kind} är ingen innehållstyp med mall. Välj en av: {kinds}.",
                                f"{args.kind} is not a content type with a template. Choose one of: {kinds}.",
                                f'klarsida new {kinds.split(", ")[0]} --title "…"')
        made = new_item(project.content_dir, ctype, args.title, date=args.date, start=args.start, end=args.end,
                        languages=project.languages)
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
    print("Ändrar du sidan efter att den är publicerad, och rättar en uppgift eller lägger till en ny: "
          "skriv en rad under changes (datum och vad som ändrades). Rättar du bara stavning behövs ingen.")
    print("(Changing the page after it is published, to correct a fact or add a new one: write an item under "
          "changes, the date and what changed. A spelling fix needs none.)")
    if len(made.files) > 1:
        print("När översättningen är klar: klarsida translated " + " ".join(show(p) for p in made.files[1:]))
        print("(When the translation is done: klarsida translated, as above)")
    return 0
