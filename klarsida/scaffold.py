"""Starting an item of a content type from a template: `klarsida new meeting|event|<type>`.

The front matter is built from the JSON Schema at run time, so a field added to the schema shows up
in new files without touching this module. What we cannot know is written as a placeholder that
starts with PLACEHOLDER; `klarsida.placeholders` (a registered check) and the schema (for dates)
fail the build until every placeholder is replaced, so a half-done page cannot be published.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from . import schema
from .model import DEFAULT_LANG, parse_date, parse_local
from .types import ContentType

PLACEHOLDER = "FYLL I"
# Upper case and a word boundary, so ordinary text such as "fyll i blanketten" is not caught.
PLACEHOLDER_RE = re.compile(r"\bFYLL I\b")
SLUG_MAX = 50
LANGS = (DEFAULT_LANG, "en")


class ScaffoldError(Exception):
    """A wrong argument or an existing file; carries a Swedish and an English message."""

    def __init__(self, sv: str, en: str, example: str | None = None):
        self.sv, self.en, self.example = sv, en, example
        super().__init__(self.format())

    def format(self) -> str:
        example = f" Exempel: {self.example}" if self.example else ""
        example_en = f" Example: {self.example}" if self.example else ""
        return f"{self.sv}{example}\n    (en) {self.en}{example_en}"


@dataclass
class Todo:
    """One placeholder the editor must replace: file, line and the field (None for the text)."""

    path: Path
    line: int
    field: str | None
    description: str


@dataclass
class Scaffold:
    files: list[Path]
    todos: list[Todo] = field(default_factory=list)


def slugify(title: str) -> str:
    """`Film: I, Daniel Blake på Röda kvarn` → `film-i-daniel-blake-pa-roda-kvarn` (å/ä → a, ö → o)."""
    # NFKD splits å, ä, ö, é into a base letter and a mark; dropping the marks keeps a, a, o, e.
    plain = "".join(c for c in unicodedata.normalize("NFKD", title) if not unicodedata.combining(c))
    plain = plain.lower().replace("æ", "ae").replace("ø", "o").replace("ß", "ss")
    words = re.findall(r"[a-z0-9]+", plain)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > SLUG_MAX and slug:
            break
        slug = candidate[:SLUG_MAX]
    if not slug:
        raise ScaffoldError(
            "Titeln måste ha minst en bokstav eller siffra, så att filen kan få ett namn.",
            "The title needs at least one letter or digit so the file can be named.",
            '--title "Möte om nya lokaler"',
        )
    return slug


def parse_day(value: str) -> date:
    day = parse_date(value.strip()) if len(value.strip()) == 10 else None
    if day is None:
        raise ScaffoldError(
            f"{value!r} är inte ett datum. Skriv år-månad-dag.",
            f"{value!r} is not a date. Write year-month-day.",
            "--date 2026-12-03",
        )
    return day


def parse_moment(value: str, option: str) -> str:
    """`2026-12-03 17:30`, `2026-12-03T17:30` or `2026-12-03` → the form the schema wants."""
    text = value.strip().replace(" ", "T", 1)
    shape_ok = re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?", text) is not None
    moment, _ = parse_local(text) if shape_ok else (None, False)
    if moment is None:
        raise ScaffoldError(
            f"{value!r} är inte en tid som finns. Skriv år-månad-dag och klockslag, eller bara datum för heldag.",
            f"{value!r} is not a valid time. Write year-month-day and a time, or only the date for all day.",
            f'{option} "2026-12-03 17:30"',
        )
    return text


def _fields(kind: ContentType | str, path: list[str]) -> list[tuple[str, dict[str, Any], bool]]:
    """(name, resolved schema, required) for the properties at `path`, in schema order."""
    node = schema.resolve(kind, path)
    required = set(node.get("required", []))
    # Fields required unless something else is said (e.g. a venue's address unless tbd: true).
    required |= set(node.get("then", {}).get("required", []))
    return [(name, schema.resolve(kind, [*path, name]), name in required) for name in node.get("properties", {})]


def _quote(value: str) -> str:
    # JSON strings are valid YAML double-quoted strings: safe for colons, quotes and #.
    return json.dumps(value, ensure_ascii=False)


def _placeholder(spec: dict[str, Any], lang: str) -> str:
    description = spec.get("description") if lang == DEFAULT_LANG else spec.get("x-description-en")
    return f"{PLACEHOLDER}: {description or spec.get('description') or ''}".rstrip(": ")


def _example_hint(spec: dict[str, Any], lang: str) -> str:
    """` (t.ex. 2018-08-23T20:00)` for the output of `klarsida new`, so the form is clear at once."""
    examples = schema.examples_in(spec, lang)
    if not examples or isinstance(examples[0], (list, dict, bool)):
        return ""
    return f" ({'t.ex.' if lang == DEFAULT_LANG else 'e.g.'} {examples[0]})"


def front_matter(kind: ContentType | str, lang: str, known: dict[str, str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """YAML lines for every schema field, and (index, field, description) of each placeholder.

    Required fields get their known value or a placeholder. Optional fields are written as comments
    (with a placeholder too), so the editor sees every field and switches one on by removing `# `.
    """
    lines: list[str] = []
    todos: list[tuple[int, str, str]] = []
    optional: list[str] = []

    def emit(path: list[str], indent: str, target: list[str], active: bool) -> None:
        for name, spec, required in _fields(kind, path):
            dotted = ".".join([*path, name])
            out = target if (required and active) else optional if not path else target
            prefix = indent if (required and active) else f"{indent}# "
            if spec.get("x-scaffold") is False:
                continue  # written by a command (translated_from), never by hand
            if spec.get("type") == "object" and spec.get("properties"):
                out.append(f"{prefix}{name}:")
                emit([*path, name], indent + "  ", out, required and active)
                continue
            items = spec.get("items") or {}
            if spec.get("type") == "array" and items.get("type") == "object" and items.get("properties"):
                # A list of fields (changes): one item written out, as the editor will write it.
                out.append(f"{prefix}{name}:")
                for number, (field, field_spec) in enumerate(items["properties"].items()):
                    resolved = schema.resolve(kind, [*path, name, 0, field])
                    lead = "- " if number == 0 else "  "
                    out.append(f"{prefix}  {lead}{field}: {_quote(_placeholder(resolved, lang))}")
                continue
            value = known.get(dotted)
            if value is not None and PLACEHOLDER_RE.search(value) and required and active:
                todos.append((len(out), dotted, spec.get("x-description-en") or spec.get("description") or ""))
            if value is None:
                text = _placeholder(spec, lang)
                if spec.get("type") == "boolean" and not (required and active):
                    value = "true"  # commented out: switching it on means exactly this
                elif spec.get("type") == "array":
                    value = f"[{_quote(text)}]"
                else:
                    value = _quote(text)
                if required and active:
                    todos.append((len(out), dotted, text.removeprefix(f"{PLACEHOLDER}: ") + _example_hint(spec, lang)))
            out.append(f"{prefix}{name}: {value}")

    emit([], "", lines, True)
    if optional:
        lines.append("# Valfria fält: ta bort # först på raden och fyll i. (Optional: remove the # and fill in.)")
        lines.extend(optional)
    return lines, todos


def _body(ctype: ContentType, lang: str) -> list[str]:
    bodies = ctype.scaffold.bodies if ctype.scaffold else {}
    if lang in bodies:
        return list(bodies[lang])
    return [f"{PLACEHOLDER}: Translate the Swedish text into plain {lang}." if lang != DEFAULT_LANG
            else f"{PLACEHOLDER}: Skriv korta meningar. Skriv vi och du. Skriv ut förkortningar."]


def render(kind: ContentType | str, lang: str, known: dict[str, str]) -> tuple[str, list[tuple[int, str | None, str]]]:
    """The whole file text, and (1-based line, field or None, description) of each placeholder."""
    ctype = schema._type(kind)
    yaml_lines, fm_todos = front_matter(ctype, lang, known)
    body = _body(ctype, lang)
    lines = ["---", *yaml_lines, "---", "", *body]
    todos: list[tuple[int, str | None, str]] = [(index + 2, name, text) for index, name, text in fm_todos]
    first_body = len(yaml_lines) + 4
    todos += [
        (first_body + i, None, "texten" if lang == DEFAULT_LANG else "the text")
        for i, line in enumerate(body)
        if PLACEHOLDER_RE.search(line)
    ]
    return "\n".join(lines) + "\n", todos


def create(content_dir: Path, kind: ContentType | str, name_date: date, title: str, known: dict[str, str],
           languages: tuple[str, ...] = LANGS) -> Scaffold:
    """Write the file in the default language and its twins; refuse if any exists."""
    ctype = schema._type(kind)
    slug = slugify(title)
    folder = Path(content_dir) / (ctype.folder or "")
    paths = {lang: folder / f"{name_date.isoformat()}-{slug}.{lang}.md" for lang in languages}
    existing = [p for p in paths.values() if p.exists()]
    if existing:
        raise ScaffoldError(
            f"Filen {existing[0]} finns redan. Vi skriver inte över den. Välj en annan titel eller ändra i filen.",
            f"{existing[0]} already exists and is not overwritten. Choose another title or edit that file.",
        )
    folder.mkdir(parents=True, exist_ok=True)
    result = Scaffold(files=[])
    for lang, path in paths.items():
        values = dict(known)
        if lang != DEFAULT_LANG:
            # The English title is a translation the editor writes; keep the Swedish one as a hint.
            values["title"] = _quote(f"{PLACEHOLDER}: English title (Swedish: {title})")
        text, todos = render(ctype, lang, values)
        path.write_text(text, encoding="utf-8")
        result.files.append(path)
        result.todos += [Todo(path, line, name, desc) for line, name, desc in todos]
    return result


def new_item(content_dir: Path, kind: ContentType | str, title: str, *, date: str | None = None,
             start: str | None = None, end: str | None = None, languages: tuple[str, ...] = LANGS) -> Scaffold:
    """`klarsida new <type>`: the files of a new item, with what the type's scaffold asks for (a day
    with --date, or a start with --start and maybe --end). Archive pages are made by the build."""
    ctype = schema._type(kind)
    spec = ctype.scaffold
    if spec is None or not ctype.folder:
        raise ScaffoldError(f"Det finns ingen mall för {ctype.name}.", f"There is no template for {ctype.name}.")
    known = {"title": _quote(title)}
    if spec.when_option == "date":
        if not date:
            raise ScaffoldError(f"Skriv dagen med --date.", "Give the day with --date.", f"klarsida new {ctype.name} --date 2026-12-03 --title \"…\"")
        day = parse_day(date)
        known["date"] = day.isoformat()
    else:
        if not start:
            raise ScaffoldError(f"Skriv när det börjar med --start.", "Give the start with --start.",
                                f'klarsida new {ctype.name} --start "2026-12-03 17:30" --title "…"')
        start_text = parse_moment(start, "--start")
        known["start"] = start_text
        if end and spec.end_option:
            known["end"] = parse_moment(end, "--end")
        day = parse_date(start_text[:10])
    return create(content_dir, ctype, day, title, known, languages)


def new_meeting(content_dir: Path, day: str, title: str) -> Scaffold:
    return new_item(content_dir, "meeting", title, date=day)


def new_event(content_dir: Path, start: str, title: str, end: str | None = None) -> Scaffold:
    return new_item(content_dir, "event", title, start=start, end=end)
