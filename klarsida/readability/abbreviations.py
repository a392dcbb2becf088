"""Unexplained abbreviations: acronyms such as "LSS" or "AMF:s" that the page does not write out
and the glossary (content/glossary.<lang>.md, a definition list) does not explain.

"Written out on the page" means the page pairs the acronym with its long form in brackets, either
"Lagen om stöd och service (LSS)" or "LSS (lagen om stöd och service)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .swedish import strip
from .text import Block

ACRONYM = re.compile(r"^[A-ZÅÄÖ]{2,}[0-9]*$")
# Inflections after a colon: "AMF:s", "LSS:en".
CANDIDATE = re.compile(r"[A-ZÅÄÖ]{2}")
INFLECTION = re.compile(r":[a-zåäö]{1,3}$")


def acronyms_in(token: str) -> list[str]:
    """Acronyms inside one token: "AMF:s" → ["AMF"], "IT-stöd" → ["IT"], "Helsingborg" → []."""
    word = INFLECTION.sub("", strip(token))
    return [part for part in word.split("-") if ACRONYM.match(part)]


def glossary_terms(blocks: Iterable[Block]) -> frozenset[str]:
    """The terms (dt) of a glossary page."""
    return frozenset(block.text.strip() for block in blocks if block.kind == "dt")


def written_out(acronym: str, text: str) -> bool:
    escaped = re.escape(acronym)
    return bool(re.search(rf"\({escaped}\)|(?<![\w-]){escaped}(?::\w+)? \(", text))


def unexplained(blocks: Sequence[Block], glossary: frozenset[str]) -> list[str]:
    """Each unexplained acronym once, in the order it first appears (headings are not counted)."""
    counted = [b for b in blocks if b.kind != "heading"]
    page_text = "\n".join(b.text for b in counted)
    seen: list[str] = []
    for block in counted:
        if not CANDIDATE.search(block.text):
            continue  # most blocks hold no run of capitals at all
        for token in block.text.split():
            for acronym in acronyms_in(token):
                if acronym in seen or acronym in glossary or written_out(acronym, page_text):
                    continue
                seen.append(acronym)
    return seen
