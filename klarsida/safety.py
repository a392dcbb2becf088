"""Unsafe HTML in page bodies: raw HTML is allowed for layout, but nothing that runs code.

The body is rendered with the site's Markdown extensions and read with html.parser
(klarsida.markup), so Markdown links, reference links and attr_list attributes are checked the
same way as raw HTML, while code spans and code blocks (escaped text) are not.
Attribute values are compared after entity decoding and without whitespace, as browsers do, so
`java&#115;cript:` or `java\tscript:` are caught too.
"""

from __future__ import annotations

import re

from .checks import register
from .errors import ContentError
from .links import body_line, front_matter_urls
from .markup import Markup
from .model import Document
from .site import Site

# Elements that run code or load another document into the page.
FORBIDDEN_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta")
# Attributes that hold a URL a browser follows or loads.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "background", "xlink:href")
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
# Inline images are harmless; other data: URLs (text/html) can carry a page with scripts.
SAFE_DATA = re.compile(r"^data:image/(png|jpe?g|gif|webp|avif);", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def unsafe_url(value: str) -> str | None:
    """The scheme that makes `value` run code (`javascript:`, ...), or None for a harmless URL."""
    squeezed = _INVISIBLE.sub("", value).lower()
    for scheme in UNSAFE_SCHEMES:
        if squeezed.startswith(scheme):
            if scheme == "data:" and SAFE_DATA.match(squeezed):
                return None
            return scheme
    return None


def check_document(doc: Document, markup: Markup) -> list[ContentError]:
    errors: list[ContentError] = []
    for element in markup.body_elements(doc.body):
        if element.tag in FORBIDDEN_TAGS:
            errors.append(ContentError(
                doc.rel, body_line(doc, f"<{element.tag}"), None,
                f"<{element.tag}> är inte tillåtet i texten, eftersom det kan köra kod hos besökarna. "
                "Ta bort det. Vill du visa något från en annan webbplats: skriv en vanlig länk.",
                f"<{element.tag}> is not allowed in the text, because it can run code in visitors' browsers. "
                "Remove it. To show something from another website, write an ordinary link.",
                "[Se filmen hos Filminstitutet](https://www.filminstitutet.se/)",
            ))
        for name, value in element.attrs:
            if name.startswith("on"):
                errors.append(ContentError(
                    doc.rel, body_line(doc, name), None,
                    f"Attributet {name} på <{element.tag}> kör kod i webbläsaren och är inte tillåtet. Ta bort det.",
                    f"The attribute {name} on <{element.tag}> runs code in the browser and is not allowed. Remove it.",
                    '<div class="ks-kolumner">…</div>',
                ))
            elif name in URL_ATTRIBUTES and value and (scheme := unsafe_url(value)):
                errors.append(ContentError(
                    doc.rel, body_line(doc, value.strip(), scheme.rstrip(":"), f"<{element.tag}"), None,
                    f"Länken börjar med {scheme} och kör kod i stället för att öppna en sida. "
                    "Skriv en vanlig webbadress som börjar med https://.",
                    f"The link starts with {scheme} and runs code instead of opening a page. "
                    "Write an ordinary web address starting with https://.",
                    "[Läs mer](https://helsingborg.se/)",
                ))
    return errors


def check_front_matter(doc: Document) -> list[ContentError]:
    """Front-matter links (e.g. registration.url) end up in href attributes: no javascript: there."""
    errors = []
    for name, value in front_matter_urls(doc.meta):
        if scheme := unsafe_url(value):
            errors.append(ContentError(
                doc.rel, doc.lines.get(name), name,
                f"Länken börjar med {scheme} och kör kod i stället för att öppna en sida. "
                "Skriv en vanlig webbadress som börjar med https://.",
                f"The link starts with {scheme} and runs code instead of opening a page. "
                "Write an ordinary web address starting with https://.",
                f"{name.rsplit('.', 1)[-1]}: https://helsingborg.se/anmalan",
            ))
    return errors


@register
def check_safety(site: Site, session) -> list[ContentError]:
    """No scripts, frames, plugins, event handlers or javascript: links in page bodies or front matter."""
    errors: list[ContentError] = []
    for doc in site.written():
        errors.extend(check_front_matter(doc))
        errors.extend(check_document(doc, session.markup))
    return errors
