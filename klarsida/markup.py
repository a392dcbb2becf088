"""Page bodies as HTML, converted once per text for every engine step that reads them.

Links, safety and readability all read the rendered body; a session's `Markup` converts each text once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown

# The Markdown dialect when the site's configuration names none (tests' tiny sites). A site's own
# list comes from its configuration through the adapter, so heading ids are exactly the ones the
# generator makes (`Vilka är med?` → `vilka-ar-med`).
DEFAULT_EXTENSIONS: dict[str, dict] = {
    "admonition": {},
    "attr_list": {},
    "def_list": {},
    "tables": {},
    "toc": {"permalink": False},
}


class Markup:
    """One session's Markdown converter and its conversions, by text.

    Converting Markdown is the engine's largest cost, so each distinct body is converted once per
    session (one reused Markdown instance) and its start tags parsed once; `retain` drops what no
    current page needs, so a long preview does not keep every old version of an edited page.
    """

    def __init__(self, extensions: dict[str, dict] | None = None):
        self.extensions = dict(DEFAULT_EXTENSIONS if extensions is None else extensions)
        self._md: markdown.Markdown | None = None
        self._html: dict[str, str] = {}
        self._elements: dict[str, tuple[Element, ...]] = {}

    def html(self, body: str) -> str:
        """A page body as the generator's Markdown step renders it (before themes and hooks)."""
        html = self._html.get(body)
        if html is None:
            if self._md is None:
                self._md = markdown.Markdown(extensions=list(self.extensions), extension_configs=self.extensions)
            html = self._html[body] = self._md.reset().convert(body)
        return html

    def body_elements(self, body: str) -> tuple[Element, ...]:
        """The start tags of a rendered page body, parsed once per text."""
        found = self._elements.get(body)
        if found is None:
            found = self._elements[body] = tuple(elements(self.html(body)))
        return found

    def retain(self, bodies: Iterable[str]) -> None:
        """Forget conversions of texts not in `bodies` (the pages of the site as loaded now)."""
        keep = set(bodies)
        for cache in (self._html, self._elements):
            for body in [b for b in cache if b not in keep]:
                del cache[body]

    def converted(self) -> set[str]:
        """The texts this session holds conversions of."""
        return set(self._html)


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
