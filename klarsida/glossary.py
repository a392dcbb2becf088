"""Word lists in alphabetical order: every Markdown definition list (the glossary) is checked.

Readers look a word up by its first letters, so a glossary out of order hides words. The build does
not reorder the list itself: editors see their file as it will be published, and the message says
where the word belongs. The order is the page's language's (klarsida/collation.py): in Swedish
"Klarspråk, Kompetenscenter, Komvux" and "Ledningsgruppen, LIX, LSS", with å, ä, ö after z.
"""

from __future__ import annotations

import re

from .checks import register
from .collation import first_out_of_order
from .errors import ContentError
from .site import Site

# Markdown's def_list: a term on its own line, then its definition on a line starting with ":".
DEFINITION = re.compile(r"^:\s")
FENCE = re.compile(r"^(```|~~~)")


def definition_lists(body: str) -> list[list[tuple[int, str]]]:
    """Each definition list of a Markdown body as [(line offset in the body, term), ...]."""
    lines = body.split("\n")
    lists: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    in_fence = False
    for i, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence or not line.strip() or line[:1].isspace() or DEFINITION.match(line):
            continue  # blank lines, definitions and their indented lines keep the list going
        following = next((text for text in lines[i + 1:] if text.strip()), "")
        if DEFINITION.match(following):
            current.append((i, line.strip()))
        elif current:  # any other paragraph or heading ends the list
            lists.append(current)
            current = []
    if current:
        lists.append(current)
    return lists


@register
def check_glossary_order(site: Site, session) -> list[ContentError]:
    errors = []
    for (key, lang), doc in sorted(site.documents.items()):
        if doc.generated:
            continue
        for terms in definition_lists(doc.body):
            words = [term for _, term in terms]
            wrong = first_out_of_order(words, doc.lang)
            if wrong is None:
                continue
            offset, term = terms[wrong]
            before = next(w for w in words if first_out_of_order([term, w], doc.lang) is None and w != term)
            errors.append(ContentError(
                doc.rel, doc.body_line + offset, None,
                f"Orden i listan ska stå i bokstavsordning. Flytta {term} så att det står före {before}.",
                f"The words in the list must be in alphabetical order ({doc.lang}). Move {term} so that it "
                f"comes before {before}.",
                None,
            ))
    return errors
