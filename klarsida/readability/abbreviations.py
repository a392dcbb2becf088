"""Abbreviations explained where they are used.

An abbreviation ("LSS", "AMF:s", "SoL") counts as explained on a page only when
- its first use on the page writes it out: "lagen om stöd och service (LSS)" or
  "LSS (lagen om stöd och service)", or
- the page renders it with its expansion: the editor wrote `<abbr title="...">` or linked it to
  its glossary entry, or the glossary (content/glossary.<lang>.md, a definition list) explains it,
  in which case the build wraps its first use on every page in `<abbr title="expansion">`
  (`expand_html`, called by the session for every page): what counts as explained is what the
  reader gets.

Unknown abbreviations are flagged, whether all capitals ("LSS", "HVB") or capitals mixed with a
small letter ("SoL", "HSL"). Headings are not counted; quoted examples are left out (scorer.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from markupsafe import escape

from .swedish import ABBREVIATIONS_SV, sentences, strip
from .text import Block

# All capitals ("LSS", "AMF", "IT2"), or a short word with two capitals or more and small
# letters between them ("SoL", "HSL"): Swedish law and authority names. "YouTube" is longer.
ACRONYM = re.compile(r"^(?:[A-ZÅÄÖ]{2,}[0-9]*|[A-ZÅÄÖ][a-zåäö]?[A-ZÅÄÖ][A-Za-zÅÄÖåäö]?)$")
# Inflections after a colon: "AMF:s", "LSS:en".
CANDIDATE = re.compile(r"[A-ZÅÄÖ][a-zåäö]?[A-ZÅÄÖ]")
INFLECTION = re.compile(r":[a-zåäö]{1,3}$")
# The expansion a glossary entry gives: its definition's first sentence, if it is short.
EXPANSION_MAX = 200


def acronyms_in(token: str) -> list[str]:
    """Acronyms inside one token: "AMF:s" → ["AMF"], "IT-stöd" → ["IT"], "Helsingborg" → []."""
    word = INFLECTION.sub("", strip(token))
    return [part for part in word.split("-") if ACRONYM.match(part) and sum(c.isupper() for c in part) >= 2]


def glossary_terms(blocks: Iterable[Block]) -> frozenset[str]:
    """The terms (dt) of a glossary page."""
    return frozenset(block.text.strip() for block in blocks if block.kind == "dt")


def glossary_expansions(blocks: Sequence[Block], known: frozenset[str] = ABBREVIATIONS_SV) -> dict[str, str]:
    """{"AMF": "Arbetsmarknadsförvaltningen"}: each abbreviation of the glossary (a dt that is an
    acronym) and its definition's first sentence, which the build shows as its expansion. The
    sentence ends where the scorer's sentences end: "t.ex." (one of `known`, the language's
    abbreviations) does not end it."""
    found: dict[str, str] = {}
    for term, definition in zip(blocks, blocks[1:]):
        name = term.text.strip()
        if term.kind != "dt" or definition.kind != "dd" or not ACRONYM.match(name):
            continue
        split = sentences([definition], known)
        first = split[0].text.rstrip(".") if split else ""
        if first and len(first) <= EXPANSION_MAX:
            found[name] = first
    return found


def _first_use(acronym: str, text: str) -> re.Match | None:
    return re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w])", text)


def written_out(acronym: str, text: str) -> bool:
    """Whether the first use of `acronym` in `text` pairs it with its long form in brackets:
    "... (LSS)" or "LSS (...)"."""
    first = _first_use(acronym, text)
    if first is None:
        return False
    before, after = text[: first.start()], text[first.end():]
    if before.endswith("(") and after.startswith(")") and len(before.rstrip("( ")) > len(acronym):
        return True  # "lagen om stöd och service (LSS)"
    return bool(re.match(r"(?::\w+)? \(", after))  # "LSS (lagen om stöd och service)"


def unexplained(blocks: Sequence[Block], glossary: frozenset[str]) -> list[str]:
    """Each unexplained acronym once, in the order it first appears (headings are not counted).
    `glossary`: the glossary's terms, which the build renders with their expansion."""
    counted = [b for b in blocks if b.kind != "heading"]
    page_text = "\n".join(b.text for b in counted)
    rendered = {word for b in counted for word in b.explained}
    seen: list[str] = []
    for block in counted:
        if not CANDIDATE.search(block.text):
            continue  # most blocks hold no run of capitals at all
        for token in block.text.split():
            for acronym in acronyms_in(token):
                if acronym in seen or acronym in glossary or acronym in rendered or written_out(acronym, page_text):
                    continue
                seen.append(acronym)
    return seen


# Elements whose text is not wrapped: headings (the glossary's own terms), code, existing abbr.
_KEEP_OUT = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "script", "style", "abbr",
             "dt", "mark", "template"}
_PIECES = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w-]*)[^>]*>|[^<]+|<", re.S)


def expand_html(html: str, expansions: Mapping[str, str]) -> str:
    """Wrap the first use of each glossary abbreviation in running text in <abbr title="...">,
    so a reader gets its expansion on every page (headings, code and dt left alone)."""
    if not expansions or not CANDIDATE.search(html):
        return html
    wanted = {name: re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w])") for name in expansions}
    out: list[str] = []
    stack: list[str] = []
    for match in _PIECES.finditer(html):
        piece, closing, tag = match.group(0), match.group(1), match.group(2)
        if tag is not None:
            name = tag.lower()
            if name in _KEEP_OUT and not piece.endswith("/>"):
                if closing:
                    if name in stack:
                        while stack.pop() != name:
                            pass
                else:
                    stack.append(name)
            out.append(piece)
            continue
        if stack or piece.startswith("<!--") or not wanted:
            out.append(piece)
            continue
        hits = sorted((found.start(), found.end(), name) for name, pattern in wanted.items()
                      if (found := pattern.search(piece)))
        for start, end, name in reversed(hits):  # from the end, so earlier positions stay right
            del wanted[name]
            piece = f'{piece[:start]}<abbr title="{escape(expansions[name])}">{name}</abbr>{piece[end:]}'
        out.append(piece)
    return "".join(out)
