"""Page bodies as HTML, converted once per text for every engine step that reads them.

Links, safety and readability all read the rendered body. Converting Markdown is the engine's
largest cost, so each distinct body is converted once per process (one reused Markdown instance)
and its start tags parsed once; `retain` drops what no current page needs, so a long `mkdocs serve`
session does not keep every old version of an edited page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown

# Keep in step with `markdown_extensions` in mkdocs.yml (tests/unit/test_markup.py compares them),
# so heading ids are exactly the ones MkDocs' toc extension makes (`Vilka är med?` → `vilka-ar-med`).
MARKDOWN_EXTENSIONS: dict[str, dict] = {
    "admonition": {},
    "attr_list": {},
    "def_list": {},
    "tables": {},
    "toc": {"permalink": False},
}

_md: markdown.Markdown | None = None
_html: dict[str, str] = {}
_elements: dict[str, tuple[Element, ...]] = {}


def render_markdown(body: str) -> str:
    """A page body as MkDocs' Markdown step renders it (before themes and hooks)."""
    global _md
    html = _html.get(body)
    if html is None:
        if _md is None:
            _md = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS), extension_configs=MARKDOWN_EXTENSIONS)
        html = _html[body] = _md.reset().convert(body)
    return html


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: tuple[tuple[str, str | None], ...]

    def get(self, name: str) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return None


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append(Element(tag, tuple((k.lower(), v) for k, v in attrs)))

    handle_startendtag = handle_starttag


def elements(html: str) -> list[Element]:
    """Every start tag in an HTML fragment, with its attributes (entities decoded).

    html.parser rather than a regular expression: the safety check must read tags as browsers do.
    """
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser.elements


def body_elements(body: str) -> tuple[Element, ...]:
    """The start tags of a rendered page body, parsed once per text."""
    found = _elements.get(body)
    if found is None:
        found = _elements[body] = tuple(elements(render_markdown(body)))
    return found


def retain(bodies: Iterable[str]) -> None:
    """Forget conversions of texts not in `bodies` (the pages of the site as loaded now)."""
    keep = set(bodies)
    for cache in (_html, _elements):
        for body in [b for b in cache if b not in keep]:
            del cache[body]
