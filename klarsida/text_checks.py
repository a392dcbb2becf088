"""Clean text in front matter: no invisible characters, and titles and summaries that fit.

Every string of the front matter, nested ones too (`place.name`, `organisations.0`), is checked
for characters an editor cannot see but a reader gets: control characters (C0 except tab and line
feed, DEL, C1, and Unicode's noncharacters such as U+FFFE), bidirectional controls that can make text show in another order than it is written
(U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and zero-width characters (U+200B, U+200C,
U+200D, U+2060, U+FEFF). YAML's reader refuses most control characters written as such
(klarsida/frontmatter.py says so by line and column); they still arrive through escapes in
double quotes (`"\\a"`, `"\\u202e"`) and are caught here, with the rest.

Titles, summaries and descriptions are shown in listings, browser tabs, search results and
shared links: beyond a limit they are cut off or crowd out everything else.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .checks import register
from .errors import ContentError
from .frontmatter import BOM, char_name
from .model import Document
from .site import Site

BIDI = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C])
ZERO_WIDTH = frozenset([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF])
ZWNJ, ZWJ, VS16 = "\u200c", "\u200d", "\ufe0f"
SKIN_TONES = range(0x1F3FB, 0x1F400)

# Characters, counted after Unicode NFC: a title is read at a glance (Klarspråk advice: short and
# to the point) and search results show about 60; 150 leaves room for a long official name.
# A summary is one or two sentences; 400 is three long ones.
LIMITS = {"title": 150, "summary": 400, "description": 400}


def kind_of(character: str) -> str | None:
    """'control', 'bidi', 'zero_width' or None (an ordinary character)."""
    code = ord(character)
    if character in "\t\n":  # YAML's own white space: tabs and lines of a block (`|`, `>`)
        return None
    if code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F:
        return "control"
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        # Unicode noncharacters: XML forbids U+FFFE and U+FFFF, so one in a title made the Atom feed
        # unreadable; none of them is text. They arrive through escapes ("\ufffe").
        return "control"
    if code in BIDI:
        return "bidi"
    if code in ZERO_WIDTH:
        return "zero_width"
    return None


def _pictographic(character: str) -> bool:
    return unicodedata.category(character) == "So"


def _arabic_script(character: str) -> bool:
    return unicodedata.category(character)[0] in "LM" and unicodedata.name(character, "").startswith("ARABIC")


def legitimate_joiner(value: str, index: int) -> bool:
    """True for a zero-width (non-)joiner that is part of the text, not hidden in it.

    - U+200D ZERO WIDTH JOINER between two pictographs (after an optional U+FE0F or skin tone):
      an emoji sequence such as 👩‍🔧 or 🏳️‍🌈 is one picture, and without the joiner it falls
      apart into two. It cannot hide, reorder or split words, so it is allowed.
    - U+200C ZERO WIDTH NON-JOINER and U+200D between two letters of the Arabic script: in Persian,
      Urdu and Kurdish (and in names written in Arabic) they are part of the spelling, choosing a
      joined or separate letter form (می‌خواهم). The site has Arabic pages.
    Everywhere else (between Latin letters, at the ends of a word) they only break search and
    reading aloud, and are refused.
    """
    character = value[index]
    if character not in (ZWJ, ZWNJ) or index == 0 or index + 1 >= len(value):
        return False
    before, after = index - 1, value[index + 1]
    if _arabic_script(value[before]) and _arabic_script(after):
        return True
    if character != ZWJ:
        return False
    while before > 0 and (value[before] == VS16 or ord(value[before]) in SKIN_TONES):
        before -= 1
    return _pictographic(value[before]) and _pictographic(after)


def strings(value: Any, name: str = "") -> Iterator[tuple[str, str]]:
    """(dotted field name, text) for every string in the front matter, nested ones too."""
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{name}.{key}" if name else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, f"{name}.{index}")


def unclean(value: str) -> dict[str, list[int]]:
    """{character: positions in the value} of the characters that are not allowed."""
    found: dict[str, list[int]] = {}
    for index, character in enumerate(value):
        if kind_of(character) is not None and not legitimate_joiner(value, index):
            found.setdefault(character, []).append(index)
    return found


def cleaned(value: str) -> str:
    return "".join(c for i, c in enumerate(value) if kind_of(c) is None or legitimate_joiner(value, i))


# Escapes in double-quoted YAML that stand for one character.
_SHORT_ESCAPES = {0x00: "0", 0x07: "a", 0x08: "b", 0x0B: "v", 0x0C: "f", 0x0D: "r", 0x1B: "e", 0x85: "N"}


def _escape_pattern(character: str) -> re.Pattern:
    code = ord(character)
    forms = [f"u{code:04x}", f"U{code:08x}"] + ([f"x{code:02x}"] if code < 0x100 else [])
    pattern = "|".join(forms)
    short = _SHORT_ESCAPES.get(code)
    return re.compile(rf"\\(?:(?i:{pattern}){'|' + short if short else ''})")


def locate(site: Site, doc: Document, name: str, value: str,
           character: str) -> tuple[int | None, int | None, str | None]:
    """(line, column, escape as written) of the character's first place in the file, as far as the
    file tells: the character itself from the field's line on, or the escape that wrote it."""
    line = doc.lines.get(name)
    if line is None or site.content_dir is None:
        return line, None, None
    try:
        raw = (Path(site.content_dir) / doc.doc_path).read_bytes()
    except (OSError, ValueError):  # gone since loading; a name the locale cannot spell
        return line, None, None
    lines = raw.decode("utf-8", "replace").removeprefix(BOM).replace("\r\n", "\n").split("\n")
    last = min(len(lines), doc.body_line - 2)  # the line before the closing ---
    if not 1 <= line <= last:
        return line, None, None
    indent = len(lines[line - 1]) - len(lines[line - 1].lstrip(" "))
    for number in range(line, last + 1):
        text = lines[number - 1]
        if number > line and text.strip() and len(text) - len(text.lstrip(" ")) <= indent:
            break  # the next field: the value (a block, a folded paragraph) ended above

        column = text.find(character, text.find(":") + 1 if number == line else 0)
        if column >= 0:
            return number, column + 1, None
        escape = _escape_pattern(character).search(text)
        if escape:
            return number, escape.start() + 1, escape.group(0)
    return line, None, None


WHY = {
    "control": (
        "Styrtecken hör inte hemma i en text: de syns inte, men kan ändra hur texten visas eller göra att den "
        "inte går att läsa i andra program.",
        "Control characters do not belong in text: they are invisible, but can change how the text shows or "
        "make it unreadable in other programs.",
    ),
    "bidi": (
        "Tecknet styr skrivriktningen, så att texten kan visas i en annan ordning än den står i filen. "
        "Skrivriktningen kommer från sidans språk och behövs inte i texten.",
        "The character controls the direction of writing, so the text can show in another order than it is "
        "written in the file. The direction comes from the page's language and is not needed in the text.",
    ),
    "zero_width": (
        "Tecknet syns inte, men delar eller fogar ihop ord, så att sökning, avstavning och uppläsning blir fel.",
        "The character is invisible, but splits or joins words, so search, hyphenation and reading aloud go wrong.",
    ),
}


def _example(name: str, value: str) -> str:
    text = cleaned(value).strip().split("\n")[0]
    if len(text) > 60:
        text = text[:60].rsplit(" ", 1)[0] + " …"
    leaf = name.rsplit(".", 1)[-1]
    return f"- {text}" if leaf.isdigit() else f"{leaf}: {text}"


def _before(value: str, index: int) -> str:
    text = " ".join(cleaned(value[:index]).split())
    if len(text) <= 20:
        return text
    tail = text[-20:]
    return "…" + (tail.split(" ", 1)[1] if " " in tail[:-1] else tail)  # whole words where it can


def invisible_characters(site: Site, doc: Document) -> list[ContentError]:
    errors = []
    for name, value in strings(doc.meta):
        for character, places in unclean(value).items():
            kind = kind_of(character)
            line, column, escape = locate(site, doc, name, value, character)
            described = char_name(character)
            times_sv = f", {len(places)} gånger" if len(places) > 1 else ""
            times_en = f", {len(places)} times" if len(places) > 1 else ""
            before = _before(value, places[0])
            where_sv = [f"i kolumn {column}"] if column else []
            where_en = [f"in column {column}"] if column else []
            if escape:
                where_sv.append(f"skrivet som {escape}")
                where_en.append(f"written as {escape}")
            where_sv.append(f"direkt efter ”{before}”" if before else "först i texten")
            where_en.append(f"right after “{before}”" if before else "at the start of the text")
            errors.append(
                ContentError(
                    doc.rel, line, name,
                    f"Texten har ett osynligt tecken, {described}{times_sv}, {', '.join(where_sv)}. "
                    f"{WHY[kind][0]} Ta bort tecknet, eller skriv texten på nytt i stället för att klistra in den.",
                    f"The text holds an invisible character, {described}{times_en}, {', '.join(where_en)}. "
                    f"{WHY[kind][1]} Remove the character, or type the text again instead of pasting it.",
                    _example(name, value),
                )
            )
    return errors


LENGTH_WORDS = {
    "title": ("Rubriken", "The title", "Möte om sommaren"),
    "summary": ("Sammanfattningen", "The summary", "Vi träffas i sommar. Alla är välkomna."),
    "description": ("Beskrivningen", "The description", "Vem som är med i gruppen och vad vi gör."),
}


def too_long(doc: Document) -> list[ContentError]:
    errors = []
    for name, limit in LIMITS.items():
        value = doc.meta.get(name)
        if not isinstance(value, str):
            continue
        length = len(unicodedata.normalize("NFC", value.strip()))
        if length <= limit:
            continue
        what, what_en, example = LENGTH_WORDS[name]
        errors.append(
            ContentError(
                doc.rel, doc.lines.get(name), name,
                f"{what} är {length} tecken lång, men får vara högst {limit} tecken. "
                "Den syns i listor, flikar och sökresultat, och där måste den få plats. "
                "Korta den och skriv resten i texten.",
                f"{what_en} is {length} characters long, but may be at most {limit}. "
                "It shows in listings, browser tabs and search results, and must fit there. "
                "Shorten it and say the rest in the text.",
                f"{name}: {example}",
            )
        )
    return errors


@register
def check_text(site: Site, session) -> list[ContentError]:
    """Invisible characters in front-matter values, and titles and summaries that are too long."""
    errors = []
    for doc in site.written():
        errors.extend(invisible_characters(site, doc))
        errors.extend(too_long(doc))
    return errors
