"""Translation freshness: does an English page still translate the Swedish text it says it does?

A translation records which version of its original it translates: `translated_from`, a short hash
of the original's title, summary and text, set by `klarsida translated PATH`. When the original
changes after that, the check reminds the editors (a notice: a correction in Swedish should not wait
for its translation), and the translated page tells its readers that the original is newer, with a
link, until the translation is updated. A translation without the field is not compared (nothing
recorded, nothing to say).
"""

from __future__ import annotations

import hashlib

from .checks import register
from .errors import ContentError
from .frontmatter import BOM, fence_end, opens_front_matter
from .model import Document
from .site import Site

FIELD = "translated_from"
HASH_LENGTH = 12  # 48 bits: an accidental match between two versions of one page is out of reach


def source_hash(doc: Document) -> str:
    """The version of a page's text: its title, summary and body, with line ends and trailing
    spaces that no reader sees left out (an editor's editor adding a newline changes nothing)."""
    parts = [doc.title, doc.summary, doc.body]
    text = "\n".join(line.rstrip() for part in parts for line in part.strip().split("\n"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def stale_original(site: Site, doc: Document) -> Document | None:
    """The original when `doc` is a translation whose original changed after it was translated."""
    recorded = doc.meta.get(FIELD)
    if doc.lang == site.default_lang or not isinstance(recorded, str):
        return None
    original = site.get(doc.key, site.default_lang)
    if original is None or source_hash(original) == recorded:
        return None
    return original


@register
def translations_up_to_date(site: Site, session) -> list[ContentError]:
    """A notice for every translation whose original changed since `klarsida translated`."""
    found = []
    for doc in site.written():
        if doc.lang == site.default_lang and FIELD in doc.meta:
            found.append(ContentError(
                doc.rel, doc.lines.get(FIELD), FIELD,
                f"{FIELD} hör bara hemma på översättningar. Ta bort raden.",
                f"{FIELD} belongs on translations only. Remove the line.",
            ))
            continue
        original = stale_original(site, doc)
        if original is None:
            continue
        found.append(ContentError(
            doc.rel, doc.lines.get(FIELD), FIELD,
            f"Den svenska sidan {original.rel} har ändrats efter att den här översättningen skrevs. "
            "Läsarna ser en ruta om att den svenska sidan är nyare. Uppdatera översättningen och kör sedan "
            f"klarsida translated {doc.rel}.",
            f"The Swedish page {original.rel} changed after this translation was written. Readers see a "
            f"notice that the Swedish page is newer. Update the translation, then run klarsida translated {doc.rel}.",
            f"klarsida translated {doc.rel}",
            level="notice",
        ))
    return found


def record(text: str, version: str) -> str:
    """The translation's file text with `translated_from: <version>` set (replaced, or added last in
    the front matter), nothing else changed: a byte-order mark and Windows line ends stay as they are."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    line = f"{FIELD}: {version}"
    end = fence_end(lines)
    if end is None:
        if opens_front_matter(lines):
            return text  # a front matter that never closes: the check says so; nothing to add to
        bom = BOM if text.startswith(BOM) else ""
        return newline.join([f"{bom}---", line, "---", text.removeprefix(bom)])
    for index in range(1, end):
        if lines[index].startswith(f"{FIELD}:"):
            lines[index] = line
            return newline.join(lines)
    lines.insert(end, line)
    return newline.join(lines)
