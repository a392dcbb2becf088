"""Text pasted from Word (or a web page, an e-mail): characters that look right and break YAML.

Word writes no-break spaces (U+00A0) where an editor sees spaces, typographic quotes (” ” “ ‘ ’)
where an editor typed straight ones, and sometimes zero-width spaces (U+200B); files saved on
Windows have CRLF line ends; editors indent with tabs. YAML's own messages about these are in
English, about the wrong line ("expected <block end>, but found '<block mapping start>'") and
never name the character. `scan` finds them in front matter first and says what and where, in
Swedish; `repair` (`klarsida check --fix`) mends the mechanical ones in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ContentError
from .frontmatter import char_name, fence_end

# Spaces that are not spaces to YAML: no-break (Word's), narrow no-break and figure space.
HARD_SPACES = "\u00a0\u202f\u2007"
# Zero-width characters removed by --fix. ZWJ and ZWNJ are left alone: in emoji and Arabic script
# they are part of the text (klarsida/text_checks.py legitimate_joiner tells them apart).
ZERO_WIDTH_SPACES = "\u200b\u2060"
# (opening, closing) typographic quotes around a whole value: Swedish (” ”), English (“ ”),
# German (“ „), single (’ ’, ‘ ’) and guillemets.
CURLY = "”“„‘’‚«»"

# A key at the start of a line (after indentation or `- `), then the colon, then the value.
_KEY_LINE = re.compile(r"^(?P<lead>[ \t\u00a0\u202f\u2007-]*)(?P<key>[A-Za-z_][\w-]*):(?P<gap>[ \t\u00a0\u202f\u2007]*)(?P<value>.*)$")

# What a value is called in messages: the fields editors fill in most.
LABELS = {
    "title": ("rubriken", "the title"),
    "summary": ("sammanfattningen", "the summary"),
    "description": ("beskrivningen", "the description"),
    "name": ("namnet", "the name"),
    "note": ("ändringsnoteringen", "the change note"),
}


def label(key: str) -> tuple[str, str]:
    return LABELS.get(key, (f"värdet i {key}", f"the value of {key}"))


@dataclass(frozen=True)
class Found:
    line: int  # 1-based, in the file
    column: int  # 1-based
    what: str  # "hard_space", "tab", "curly", "hard_space_after_colon"
    key: str | None = None
    characters: str = ""


def _curly_wrapped(value: str) -> tuple[str, str] | None:
    text = value.rstrip()
    # ”Hem” och ”Borta” starts and ends with quotes but is not wrapped in them: left alone.
    if len(text) >= 2 and text[0] in CURLY and text[-1] in CURLY and not any(c in CURLY for c in text[1:-1]):
        return text[0], text[-1]
    return None


def find(yaml_text: str, first_line: int) -> list[Found]:
    """Every Word-paste problem in the front matter, by file line and column."""
    found: list[Found] = []
    for index, text in enumerate(yaml_text.split("\n")):
        line = index + first_line
        indent = text[: len(text) - len(text.lstrip(" \t" + HARD_SPACES))]
        for column, character in enumerate(indent, start=1):
            if character in HARD_SPACES:
                found.append(Found(line, column, "hard_space", characters=character))
                break
        else:
            if "\t" in indent:
                found.append(Found(line, indent.index("\t") + 1, "tab", characters="\t"))
        match = _KEY_LINE.match(text)
        if not match:
            continue
        gap = match["gap"]
        if gap and gap[0] in HARD_SPACES:
            found.append(Found(line, match.start("gap") + 1, "hard_space_after_colon", match["key"], gap[0]))
        quotes = _curly_wrapped(match["value"])
        if quotes:
            found.append(Found(line, match.start("value") + 1, "curly", match["key"], "".join(quotes)))
    if found:
        # The file is not read further, so the text checks (which name these once it is) do not
        # see them: named here too, so that one run shows all.
        for index, text in enumerate(yaml_text.split("\n")):
            for column, character in enumerate(text, start=1):
                if character in ZERO_WIDTH_SPACES:
                    found.append(Found(index + first_line, column, "zero_width", characters=character))
    return sorted(found, key=lambda f: (f.line, f.column))


def errors(yaml_text: str, rel: str, first_line: int) -> list[ContentError]:
    """The problems `find` sees, as messages that name the character, its place and the fix."""
    return [_message(rel, problem) for problem in find(yaml_text, first_line)]


FIX_SV = "Eller kör klarsida check --fix, som rättar det åt dig."
FIX_EN = "Or run klarsida check --fix, which repairs it for you."


def _message(rel: str, found: Found) -> ContentError:
    where = f"på rad {found.line}, kolumn {found.column}"
    where_en = f"on line {found.line}, column {found.column}"
    if found.what in ("hard_space", "hard_space_after_colon"):
        name = char_name(found.characters)
        code = name.split(" ", 1)[0]
        place_sv = "i indraget" if found.what == "hard_space" else f"efter {found.key}:"
        place_en = "in the indentation" if found.what == "hard_space" else f"after {found.key}:"
        return ContentError(
            rel, found.line, found.key,
            f"Raden har ett hårt mellanslag ({code}) {place_sv} {where}. Det ser ut som ett vanligt mellanslag, "
            f"men front matter läser det inte som ett. Det kommer ofta med text som klistras in från Word. "
            f"Skriv mellanslagen på nytt med mellanslagstangenten. {FIX_SV}",
            f"The line has a no-break space ({code}) {place_en} {where_en}. It looks like an ordinary space, "
            f"but front matter does not read it as one. It often comes with text pasted from Word. "
            f"Type the spaces again with the space bar. {FIX_EN}",
            "place:\\n  name: Röda kvarn   (två vanliga mellanslag före name)",
        )
    if found.what == "zero_width":
        name = char_name(found.characters)
        return ContentError(
            rel, found.line, None,
            f"Raden har ett osynligt tecken, {name}, {where}. Det syns inte, men stör sökningen och "
            f"uppläsningen. Ta bort det. {FIX_SV}",
            f"The line has an invisible character, {name}, {where_en}. It does not show, but it disturbs "
            f"search and reading aloud. Remove it. {FIX_EN}",
        )
    if found.what == "tab":
        return ContentError(
            rel, found.line, None,
            f"Raden har ett tabbtecken (U+0009) i indraget {where}. Front matter får bara ha vanliga "
            f"mellanslag i indraget. Byt tabben mot två mellanslag. {FIX_SV}",
            f"The line has a tab character (U+0009) in the indentation {where_en}. Front matter may only be "
            f"indented with ordinary spaces. Replace the tab with two spaces. {FIX_EN}",
            "place:\\n  name: Röda kvarn   (två mellanslag före name)",
        )
    opening, closing = found.characters[0], found.characters[1]
    sv, en = label(found.key or "")
    return ContentError(
        rel, found.line, found.key,
        f"Det står typografiska citattecken {opening} {closing} runt {sv} ({where}). Front matter läser bara "
        f"raka citattecken (\" eller '). Byt dem mot raka citattecken \" \". {FIX_SV}",
        f"There are typographic quotes {opening} {closing} around {en} ({where_en}). Front matter only reads "
        f"straight quotes (\" or '). Replace them with straight quotes \" \". {FIX_EN}",
        f'{found.key}: "Film och samtal: I, Daniel Blake"',
    )


# Repairs (`klarsida check --fix`) -------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    line: int | None
    sv: str
    en: str


def repair(text: str) -> tuple[str, list[Change]]:
    """The file text with the mechanical Word-paste problems mended, and what was changed.

    Front matter: hard spaces and tabs in indentation become spaces (a tab: two), a hard space after
    a colon becomes a space, and typographic quotes around a whole value become straight double
    quotes (with `"` and `\\` inside escaped). Whole file: zero-width spaces removed, Windows and
    old Mac line ends made `\\n`. Nothing else is touched: words, letters and body text stay.
    """
    changes: list[Change] = []
    if "\r" in text:
        count = text.count("\r\n") + text.replace("\r\n", "").count("\r")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        changes.append(Change(None, f"Windows-radslut ändrade till vanliga ({count} rader)",
                              f"Windows line ends made ordinary ({count} lines)"))
    lines = text.split("\n")
    end = fence_end(lines)
    for index in range(1, end or 1):
        original = lines[index]
        line = index + 1
        fixed = _repair_line(original, line, changes)
        lines[index] = fixed
    for index, original in enumerate(lines):
        if any(c in original for c in ZERO_WIDTH_SPACES):
            removed = sum(original.count(c) for c in ZERO_WIDTH_SPACES)
            names = _names(c for c in ZERO_WIDTH_SPACES if c in original)
            lines[index] = "".join(c for c in original if c not in ZERO_WIDTH_SPACES)
            changes.append(Change(index + 1, f"{removed} osynliga mellanslag med noll bredd ({names}) borttagna",
                                  f"{removed} zero-width space(s) ({names}) removed"))
    return "\n".join(lines), changes


def _names(characters) -> str:
    """`U+00A0` or `U+200B, U+2060`: the characters a repair removed, as the check named them."""
    return ", ".join(char_name(c).split(" ", 1)[0] for c in characters)


def _repair_line(text: str, line: int, changes: list[Change]) -> str:
    stripped = text.lstrip(" \t" + HARD_SPACES)
    indent = text[: len(text) - len(stripped)]
    if any(c in indent for c in HARD_SPACES + "\t"):
        new_indent = "".join("  " if c == "\t" else " " for c in indent)
        what = []
        if any(c in indent for c in HARD_SPACES):
            names = _names(c for c in HARD_SPACES if c in indent)
            what.append((f"hårda mellanslag ({names})", f"no-break spaces ({names})"))
        if "\t" in indent:
            what.append(("tabbar", "tabs"))
        changes.append(Change(line, " och ".join(w[0] for w in what) + " i indraget ändrade till vanliga mellanslag",
                              " and ".join(w[1] for w in what) + " in the indentation made ordinary spaces"))
        text = new_indent + stripped
    match = _KEY_LINE.match(text)
    if not match:
        return text
    gap, value = match["gap"], match["value"]
    if gap and any(c in gap for c in HARD_SPACES + "\t"):
        changes.append(Change(line, f"hårt mellanslag efter {match['key']}: ändrat till ett vanligt",
                              f"no-break space after {match['key']}: made an ordinary space"))
        gap = " "
    quotes = _curly_wrapped(value)
    if quotes:
        inner = value.rstrip()[1:-1]
        escaped = inner.replace("\\", "\\\\").replace('"', '\\"')
        value = f'"{escaped}"'
        sv, en = label(match["key"])
        changes.append(Change(line, f"typografiska citattecken {quotes[0]} {quotes[1]} runt {sv} ändrade till raka \" \"",
                              f"typographic quotes {quotes[0]} {quotes[1]} around {en} made straight \" \""))
    return f"{match['lead']}{match['key']}:{gap}{value}"
