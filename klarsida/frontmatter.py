"""Reading a Markdown source file: bytes → text → front matter + body, with line numbers.

YAML is parsed into plain strings, lists and mappings only: dates stay strings (the schema checks
their shape, the model turns them into dates), so `2018-02-30` is reported as a wrong date rather
than failing deep inside PyYAML, and a title like `no` or `1.0` stays the text the editor wrote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

BOM = "\ufeff"
FENCE = "---"

# Control characters have no name in unicodedata; these are their names in the Unicode standard
# (NameAliases.txt), so every message can name the character as U+0007 (BELL).
_CONTROL_NAMES = dict(enumerate((
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY",
    "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION", "FORM FEED",
    "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE", "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE", "INFORMATION SEPARATOR TWO", "INFORMATION SEPARATOR ONE",
)))
_CONTROL_NAMES[0x7F] = "DELETE"
_CONTROL_NAMES.update(enumerate((
    "PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE", "NO BREAK HERE", "INDEX", "NEXT LINE",
    "START OF SELECTED AREA", "END OF SELECTED AREA", "CHARACTER TABULATION SET",
    "CHARACTER TABULATION WITH JUSTIFICATION", "LINE TABULATION SET", "PARTIAL LINE FORWARD",
    "PARTIAL LINE BACKWARD", "REVERSE LINE FEED", "SINGLE SHIFT TWO", "SINGLE SHIFT THREE", "DEVICE CONTROL STRING",
    "PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE", "CANCEL CHARACTER", "MESSAGE WAITING",
    "START OF GUARDED AREA", "END OF GUARDED AREA", "START OF STRING", "SINGLE GRAPHIC CHARACTER INTRODUCER",
    "SINGLE CHARACTER INTRODUCER", "CONTROL SEQUENCE INTRODUCER", "STRING TERMINATOR", "OPERATING SYSTEM COMMAND",
    "PRIVACY MESSAGE", "APPLICATION PROGRAM COMMAND",
), start=0x80))


def char_name(character: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`: how messages name a character an editor cannot see."""
    code = ord(character)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(character, "")
    return f"U+{code:04X} ({name})" if name else f"U+{code:04X}"


class _TextLoader(yaml.SafeLoader):
    """SafeLoader that keeps every scalar except true/false/null as the string the editor wrote."""


# Only null and true/false are typed; YAML 1.1's yes/no/on/off would turn a title "No" into False.
_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_TextLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

# libyaml (PyYAML's C parser) composes front matter about 15 times faster, which matters with
# thousands of meetings. Its composer recurses in C, where deep nesting would crash the process
# instead of raising an error, so it only gets text that cannot nest deeply (see _shallow).
_FastTextLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):
    class _FastTextLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        yaml_implicit_resolvers = _TextLoader.yaml_implicit_resolvers


@dataclass
class SourceText:
    """A source file split into its parts. `lines` maps dotted field names to 1-based file lines."""

    path: str
    meta: dict[str, Any]
    body: str
    body_line: int
    lines: dict[str, int] = field(default_factory=dict)
    has_front_matter: bool = False


# A plain-language page is a few kilobytes; the longest one here is under 5 kB. A file over this is
# a mistake (a pasted export, a renamed PDF) and would bloat the search index every visitor loads.
MAX_BYTES = 256 * 1024
# PyYAML's composer recurses once per nesting level; real front matter nests two or three levels.
MAX_DEPTH = 20
# Tags an editor can mean: text, true/false, empty, numbers (price: 0), lists and fields.
ALLOWED_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "bool", "null", "int", "float", "seq", "map")}


def read_source(file: Path, rel: str) -> tuple[SourceText | None, list[ContentError]]:
    """Read one file; return the parsed text or the errors that stop us from reading it."""
    try:
        size = file.stat().st_size
        raw = file.read_bytes() if size <= MAX_BYTES else b""
    # OSError: a broken link, a folder named like a page, no permission, a loop of links.
    # ValueError: a name the file system's encoding cannot spell (a path made from text under LC_ALL=C).
    except (OSError, ValueError) as exc:
        why = getattr(exc, "strerror", None) or type(exc).__name__
        return None, [
            ContentError(
                rel, None, None,
                f"Filen går inte att läsa ({why}). "
                "Kolla att det är en vanlig fil som du kan öppna.",
                f"The file cannot be read ({why}). "
                "Check that it is an ordinary file you can open.",
                "content/om-oss.sv.md",
            )
        ]
    if size > MAX_BYTES:
        return None, [
            ContentError(
                rel, None, None,
                f"Filen är för stor ({size // 1024} kB). En sida får vara högst {MAX_BYTES // 1024} kB. "
                "Dela upp texten på flera sidor, eller kolla att det är rätt fil.",
                f"The file is too large ({size // 1024} kB). A page may be at most {MAX_BYTES // 1024} kB. "
                "Split the text into several pages, or check that it is the right file.",
                "meetings/2018-06-14-mote.sv.md och meetings/2018-06-14-mote-bilaga.sv.md",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            ContentError(
                rel, line, None,
                "Filen är inte sparad som UTF-8. Spara den som UTF-8 i din editor.",
                "The file is not UTF-8. Save it as UTF-8 in your editor.",
                "I VS Code: klicka på teckenkodningen längst ner och välj \"Save with Encoding\" → UTF-8",
            )
        ]
    # A byte-order mark is invisible in editors and harmless: drop it, as a user would expect.
    # Line ends of Windows (\r\n) and of old Macs (\r alone) are line ends.
    text = text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [
            ContentError(
                rel, None, None,
                "Filen är tom. Skriv front matter och text, eller ta bort filen.",
                "The file is empty. Write front matter and text, or delete the file.",
                "---\\ntitle: Möte 8 juni\\n---\\nText …",
            )
        ]
    return split_front_matter(text, rel)


def opens_front_matter(lines: list[str]) -> bool:
    """The file's first line is the opening fence (after a byte-order mark, as Notepad writes)."""
    return bool(lines) and lines[0].lstrip(BOM).rstrip() == FENCE


def fence_end(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter (`---` or `...`); None without one. The
    one reading of the fences: the loader, `klarsida check --fix` and `klarsida translated` use it."""
    if not opens_front_matter(lines):
        return None
    return next((index for index in range(1, len(lines)) if lines[index].rstrip() in (FENCE, "...")), None)


def split_front_matter(text: str, rel: str) -> tuple[SourceText | None, list[ContentError]]:
    lines = text.split("\n")
    if not opens_front_matter(lines):
        return SourceText(rel, {}, text, 1), []
    end = fence_end(lines)
    if end is None:
        return None, [
            ContentError(
                rel, 1, None,
                "Front matter börjar med --- men slutar aldrig. Avsluta den med en rad med bara ---.",
                "The front matter starts with --- but never ends. Close it with a line holding only ---.",
                "---\\ntitle: …\\n---",
            )
        ]
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    meta, line_map, errors = parse_yaml(yaml_text, rel, first_line=2)
    if errors:
        return None, errors
    return SourceText(rel, meta, body, end + 2, line_map, has_front_matter=True), []


def parse_yaml(yaml_text: str, rel: str, first_line: int) -> tuple[dict, dict[str, int], list[ContentError]]:
    """Parse front matter YAML; report syntax errors, duplicate keys and non-mappings by line."""
    offset = first_line - 1
    from . import pasted  # imports char_name from here

    # Word's no-break spaces, typographic quotes and tabs: named by line and column, before YAML
    # (whose message would be in English, on another line, and would not name the character).
    if any(c in yaml_text for c in "\t" + pasted.HARD_SPACES + pasted.CURLY):
        found = pasted.errors(yaml_text, rel, first_line)
        if found:
            return {}, {}, found
    try:
        node = _compose(yaml_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        hidden = _hidden_break(yaml_text[: mark.index + 1] if mark else yaml_text, rel, first_line)
        if hidden is not None:  # before the place YAML stopped: the likely cause
            return {}, {}, [hidden]
        if exc.context == "while scanning a quoted scalar" and exc.context_mark:
            # The quote never closes, so YAML stops at the end: the line to fix is where it opened.
            line = exc.context_mark.line + 1 + offset
            return {}, {}, [
                ContentError(
                    rel, line, None,
                    "Citattecknet på raden stängs aldrig. Sätt samma citattecken sist i texten.",
                    "The quote on this line is never closed. Put the same quote mark at the end of the text.",
                    'title: "Möte: 8 juni"',
                )
            ]
        line = mark.line + 1 + offset if mark else first_line
        return {}, {}, [_yaml_syntax_error(rel, line, exc, yaml_text, mark)]
    except yaml.reader.ReaderError as exc:
        # A control character (often pasted from a PDF or Word) that YAML does not accept.
        line = yaml_text[: exc.position].count("\n") + first_line
        column = exc.position - (yaml_text.rfind("\n", 0, exc.position) + 1) + 1
        character = char_name(chr(exc.character)) if isinstance(exc.character, int) else "?"
        return {}, {}, [
            ContentError(
                rel, line, None,
                f"Raden har ett osynligt tecken som inte är tillåtet: {character}, i kolumn {column}. "
                "Skriv raden på nytt i stället för att klistra in den.",
                f"The line holds an invisible character that is not allowed: {character}, in column {column}. "
                "Type the line again instead of pasting it.",
                "title: Möte 8 juni",
            )
        ]
    except RecursionError:
        return {}, {}, [_too_deep(rel, first_line)]
    if node is None:
        return {}, {}, []
    if not isinstance(node, yaml.MappingNode):
        return {}, {}, [
            ContentError(
                rel, node.start_mark.line + 1 + offset, None,
                "Front matter måste vara fält med namn och värde, ett per rad.",
                "Front matter must be named fields, one per line (a YAML mapping).",
                "title: Möte 8 juni",
            )
        ]
    line_map: dict[str, int] = {}
    errors: list[ContentError] = []
    _walk(node, "", line_map, errors, rel, offset)
    if errors:
        return {}, line_map, sorted(set(errors), key=lambda e: (e.line or 0, e.sv))
    loader = _TextLoader("")
    try:
        meta = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:  # _walk rules out what we know of; never show a traceback
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else first_line
        return {}, line_map, [_yaml_syntax_error(rel, line, exc, yaml_text, mark)]
    except (yaml.YAMLError, ValueError, KeyError, TypeError):
        # An explicit tag with a value it cannot hold, e.g. `price: !!int tio`.
        tagged = [i for i, text in enumerate(yaml_text.split("\n")) if "!!" in text]
        return {}, line_map, [
            ContentError(
                rel, (tagged[0] + first_line) if tagged else first_line, None,
                "Värdet efter YAML-taggen (!!int, !!float eller !!bool) går inte att läsa. "
                "Ta bort taggen och skriv bara värdet.",
                "The value after the YAML tag (!!int, !!float or !!bool) cannot be read. "
                "Remove the tag and write the value only.",
                "price: 50",
            )
        ]
    finally:
        loader.dispose()
    return meta, line_map, []


def _too_deep(rel: str, line: int) -> ContentError:
    return ContentError(
        rel, line, None,
        f"Front matter har för många nivåer av indrag (högst {MAX_DEPTH}). Skriv fälten rakt under varandra.",
        f"The front matter is nested too deeply (at most {MAX_DEPTH} levels). Write the fields one below the other.",
        "place:\\n  name: Röda kvarn",
    )


# Line ends to YAML that no editor shows as one: NEXT LINE, LINE SEPARATOR, PARAGRAPH SEPARATOR.
# Within quotes YAML keeps or folds them; elsewhere they split a line, and YAML's own message would
# be about a missing colon, on a line the editor cannot find (YAML counts lines the editor sees as one).
_HIDDEN_BREAKS = re.compile("[\u0085\u2028\u2029]")


def _hidden_break(yaml_text: str, rel: str, first_line: int) -> ContentError | None:
    found = _HIDDEN_BREAKS.search(yaml_text)
    if found is None:
        return None
    line = yaml_text.count("\n", 0, found.start()) + first_line
    column = found.start() - (yaml_text.rfind("\n", 0, found.start()) + 1) + 1
    character = char_name(found.group(0))
    return ContentError(
        rel, line, None,
        f"Raden har ett osynligt tecken som inte är tillåtet: {character}, i kolumn {column}. "
        "Det delar raden i två utan att det syns. Skriv raden på nytt i stället för att klistra in den.",
        f"The line holds an invisible character that is not allowed: {character}, in column {column}. "
        "It splits the line in two without showing. Type the line again instead of pasting it.",
        "title: Möte 8 juni",
    )


# Above this bound on nesting, PyYAML reads the text (and _walk reports what is too deep).
FAST_NESTING = 40


def _compose(yaml_text: str) -> yaml.Node | None:
    """The YAML node tree: libyaml for plainly shallow text; PyYAML otherwise and for every error,
    so error messages and their lines are always PyYAML's."""
    if _FastTextLoader is not None and _shallow(yaml_text):
        try:
            return yaml.compose(yaml_text, Loader=_FastTextLoader)
        except Exception:  # noqa: BLE001 - PyYAML reads it again below and explains the error
            pass
    return yaml.compose(yaml_text, Loader=_TextLoader)


def _shallow(yaml_text: str) -> bool:
    """True when the text cannot nest deeper than FAST_NESTING levels.

    Nesting comes from flow brackets, from deeper indentation, and from `- ` / `? ` written one
    after another on a line (`- - - x`); their counts added up bound the depth from above.
    """
    bound = yaml_text.count("[") + yaml_text.count("{")
    indents = set()
    for line in yaml_text.split("\n"):
        text = line.lstrip(" ")
        indents.add(len(line) - len(text))
        lead = text[: len(text) - len(text.lstrip("-? "))]
        bound += lead.count("-") + lead.count("?")
    return bound + len(indents) <= FAST_NESTING


def _walk(node: yaml.Node, prefix: str, line_map: dict, errors: list, rel: str, offset: int,
          visited: set | None = None, depth: int = 0) -> None:
    visited = set() if visited is None else visited
    line = node.start_mark.line + 1 + offset
    if depth > MAX_DEPTH:
        errors.append(_too_deep(rel, line))
        return
    if id(node) in visited:
        # YAML anchors (&) and aliases (*) let a few lines expand into millions of values.
        if any(e.sv.startswith("Front matter får inte använda YAML-ankare") for e in errors):
            return  # once per file is enough
        # The node carries the anchor's position; the field that uses the alias is the nearest key.
        parts = prefix.split(".") if prefix else []
        while parts and parts[-1].isdigit():
            parts.pop()
        field_name = ".".join(parts) or None
        errors.append(
            ContentError(
                rel, line_map.get(field_name, line) if field_name else line, field_name,
                "Front matter får inte använda YAML-ankare (& och *). Skriv ut värdet där det behövs.",
                "Front matter may not use YAML anchors and aliases (& and *). Write the value out where it is needed.",
                "title: Möte 8 juni",
            )
        )
        return
    visited.add(id(node))
    if node.tag not in ALLOWED_TAGS:
        errors.append(
            ContentError(
                rel, line, prefix or None,
                f"Värdet har en YAML-tagg ({node.tag.replace('tag:yaml.org,2002:', '!!')}) som inte är tillåten. "
                "Ta bort taggen och skriv bara värdet.",
                f"The value has a YAML tag ({node.tag.replace('tag:yaml.org,2002:', '!!')}) that is not allowed. "
                "Remove the tag and write the value only.",
                "title: Möte 8 juni",
            )
        )
        return
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + offset
            if not isinstance(key_node, yaml.ScalarNode) or not str(key_node.value).strip():
                errors.append(
                    ContentError(
                        rel, line, prefix or None,
                        "Ett fältnamn måste vara ett vanligt ord före kolon.",
                        "A field name must be a plain word before the colon.",
                        "title: Möte 8 juni",
                    )
                )
                continue
            key = str(key_node.value)
            name = f"{prefix}.{key}" if prefix else key
            if key in seen:
                errors.append(
                    ContentError(
                        rel, line, name,
                        f"Fältet står två gånger (första gången på rad {seen[key]}). Ta bort det ena.",
                        f"The field appears twice (first on line {seen[key]}). Remove one of them.",
                    )
                )
            seen[key] = line
            line_map.setdefault(name, line)
            _walk(value_node, name, line_map, errors, rel, offset, visited, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            name = f"{prefix}.{index}"
            line_map.setdefault(name, item.start_mark.line + 1 + offset)
            _walk(item, name, line_map, errors, rel, offset, visited, depth + 1)


def _yaml_syntax_error(rel: str, line: int, exc: yaml.MarkedYAMLError, yaml_text: str, mark) -> ContentError:
    problem = exc.problem or ""
    source_line = yaml_text.split("\n")[mark.line] if mark and mark.line < len(yaml_text.split("\n")) else ""
    if "\t" in problem or "\t" in source_line:
        return ContentError(
            rel, line, None,
            "Raden har ett tabbtecken. Front matter får bara ha mellanslag för indrag.",
            "The line holds a tab character. Front matter may only be indented with spaces.",
            "place:\\n  name: Röda kvarn   (två mellanslag före name)",
        )
    return ContentError(
        rel, line, None,
        f"Front matter går inte att läsa (YAML-fel: {problem}). Kolla kolon, citattecken och indrag.",
        f"The front matter is not valid YAML ({problem}). Check colons, quotes and indentation.",
        'title: "Möte: 8 juni"   (citattecken runt text med kolon)',
    )
