"""Markdown source → the text blocks we count.

We render the body with Python-Markdown and the same extensions as mkdocs.yml, then keep only the
running text: headings, code, HTML tags and link URLs are dropped, link text is kept. Every
paragraph, list item, table cell and definition is its own block, because each one ends a sentence.
Headings are kept as markers (not counted) so we can measure text between subheadings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

import markdown

# Keep in step with `markdown_extensions` in mkdocs.yml (a unit test compares them).
EXTENSIONS = ["admonition", "attr_list", "def_list", "tables", "toc"]

# Tags whose start or end closes the block before them.
BLOCK_TAGS = {
    "p", "li", "td", "th", "dt", "dd", "div", "blockquote", "ul", "ol", "dl", "table", "thead",
    "tbody", "tr", "section", "article", "aside", "details", "summary", "figure", "figcaption",
    "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Not running text: their words are never counted.
SKIPPED = {"pre", "code", "script", "style", "kbd", "samp", "template"}
SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Block:
    """One unit of running text. `kind` is the closest block tag (p, li, td, ...) or `heading`."""

    kind: str
    text: str


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.stack: list[str] = []  # open block tags, innermost last
        self.skip = 0
        self.heading = 0
        self.title = 0  # admonition titles are headings in effect

    def flush(self) -> None:
        text = SPACE.sub(" ", "".join(self.parts)).strip()
        self.parts = []
        if not text:
            return
        if self.heading or self.title:
            self.blocks.append(Block("heading", text))
        else:
            self.blocks.append(Block(self.stack[-1] if self.stack else "p", text))

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skip += 1
        if tag in BLOCK_TAGS:
            self.flush()
            if tag in HEADINGS:
                self.heading += 1
            elif tag == "p" and "admonition-title" in (dict(attrs).get("class") or "").split():
                self.title += 1
            if tag not in ("br", "hr"):
                self.stack.append(tag)
        elif tag == "img":
            pass  # alt text is not running text

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in SKIPPED and self.skip:
            self.skip -= 1
        if tag in BLOCK_TAGS and tag not in ("br", "hr"):
            self.flush()
            if tag in HEADINGS and self.heading:
                self.heading -= 1
            if tag == "p" and self.title:
                self.title -= 1
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


_md: markdown.Markdown | None = None


@lru_cache(maxsize=512)
def markdown_blocks(source: str) -> tuple[Block, ...]:
    """Blocks of a Markdown body (front matter already removed), remembered per text: the
    glossary is read for its terms and scored as a page from one conversion."""
    global _md
    if _md is None:
        _md = markdown.Markdown(extensions=EXTENSIONS)
    html = _md.reset().convert(source)
    return tuple(html_blocks(html))


def html_blocks(html: str) -> list[Block]:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    collector.flush()
    return collector.blocks


def plain_blocks(source: str) -> list[Block]:
    """Blocks of plain text: paragraphs are separated by blank lines."""
    return [Block("p", SPACE.sub(" ", part).strip()) for part in re.split(r"\n\s*\n", source) if part.strip()]
