"""Markdown source → the text blocks we count.

We take the body as the generator renders it (the session's klarsida.markup converts each text once for every check),
then keep only the running text: headings, code, HTML tags and link URLs are dropped, link text is
kept. Every paragraph, list item, table cell and definition is its own block, because each one
ends a sentence.
Headings are kept as markers (not counted) so we can measure text between subheadings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from ..markup import Markup


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
# Comments, tags and text of the HTML that Python-Markdown writes. A regular expression is enough
# for it, and several times faster than html.parser, which matters for the build's time budget.
_PIECES = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w-]*)([^>]*)>|[^<]+|<", re.S)
_CLASS = re.compile(r"""class\s*=\s*["']([^"']*)["']""")


@dataclass(frozen=True)
class Block:
    """One unit of running text. `kind` is the closest block tag (p, li, td, ...) or `heading`."""

    kind: str
    text: str


def markdown_blocks(source: str, markup: Markup | None = None) -> tuple[Block, ...]:
    """Blocks of a Markdown body, converted with `markup` (a session's; default: the engine's dialect).
    A session's Scorer keeps them per text (`Scorer.blocks`)."""
    return tuple(html_blocks((markup or Markup()).html(source)))


def html_blocks(html: str) -> list[Block]:
    blocks: list[Block] = []
    parts: list[str] = []
    stack: list[str] = []  # open block tags, innermost last
    skip = heading = title = 0

    def flush() -> None:
        text = SPACE.sub(" ", unescape("".join(parts))).strip()
        parts.clear()
        if text:
            blocks.append(Block("heading" if heading or title else (stack[-1] if stack else "p"), text))

    for match in _PIECES.finditer(html):
        closing, tag, attrs = match.group(1), match.group(2), match.group(3)
        if tag is None:
            if not skip and not match.group(0).startswith("<!--"):
                parts.append(match.group(0))
            continue
        tag = tag.lower()
        self_closing = attrs.rstrip().endswith("/")
        if not closing:
            if tag in SKIPPED and not self_closing:
                skip += 1
            if tag in BLOCK_TAGS:
                flush()
                if tag in HEADINGS:
                    heading += 1
                elif tag == "p" and "admonition-title" in _classes(attrs):
                    title += 1  # an admonition's title works as a heading
                if tag not in ("br", "hr") and not self_closing:
                    stack.append(tag)
            continue
        if tag in SKIPPED and skip:
            skip -= 1
        if tag in BLOCK_TAGS and tag not in ("br", "hr"):
            flush()
            if tag in HEADINGS and heading:
                heading -= 1
            if tag == "p" and title:
                title -= 1
            if tag in stack:
                while stack.pop() != tag:
                    pass
    flush()
    return blocks


def _classes(attrs: str) -> list[str]:
    match = _CLASS.search(attrs)
    return match.group(1).split() if match else []


def plain_blocks(source: str) -> list[Block]:
    """Blocks of plain text: paragraphs are separated by blank lines."""
    return [Block("p", SPACE.sub(" ", part).strip()) for part in re.split(r"\n\s*\n", source) if part.strip()]
