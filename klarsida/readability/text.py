"""Markdown source → the text blocks we count.

We take the body as the generator renders it (the session's klarsida.markup converts each text once for every check),
then keep only the running text: headings, code, HTML tags and link URLs are dropped, link text is
kept. Every paragraph, list item, table cell and definition is its own block, because each one
ends a sentence.
Headings are kept as markers (not counted) so we can measure text between subheadings.

Quoted examples are counted but are not findings (scorer.py): a block inside an element marked as an
example (an `!!! example` admonition, or class "example" / "ks-example") has `example` set, and
`unquoted()` blanks text in quotation marks ("ska anpassas", ”t.ex.”, «…»), so the rules page can
quote what to avoid without being marked for it.
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
_TITLE = re.compile(r"""\btitle\s*=\s*["'][^"']+["']""")
_GLOSSARY_HREF = re.compile(r"""\bhref\s*=\s*["'][^"']*glossary[^"']*["']""")


# Classes that mark an example: its text is counted, but is no finding.
EXAMPLE_CLASSES = frozenset({"example", "ks-example"})
# Text in quotation marks: straight, Swedish (”…”), English (“…”) and guillemets (»…« and «…»).
QUOTED = re.compile(r'"[^"\n]{1,200}"|[”“][^”“\n]{1,200}[”“]|«[^«»\n]{1,200}»|»[^«»\n]{1,200}«')
QUOTE_MARK = "…"


@dataclass(frozen=True)
class Block:
    """One unit of running text. `kind` is the closest block tag (p, li, td, ...) or `heading`;
    `example` is true inside an element marked as an example."""

    kind: str
    text: str
    example: bool = False
    # Words the block renders with their expansion: <abbr title="...">, or a link to the glossary.
    explained: tuple[str, ...] = ()


def unquoted(text: str) -> str:
    """The text with each quotation replaced by "…" (a word of no kind), for the findings."""
    if '"' not in text and not any(mark in text for mark in "”“«»"):
        return text  # most text quotes nothing
    return QUOTED.sub(QUOTE_MARK, text)


def markdown_blocks(source: str, markup: Markup | None = None) -> tuple[Block, ...]:
    """Blocks of a Markdown body, converted with `markup` (a session's; default: the engine's dialect).
    A session's Scorer keeps them per text (`Scorer.blocks`)."""
    return tuple(html_blocks((markup or Markup()).html(source)))


def html_blocks(html: str) -> list[Block]:
    blocks: list[Block] = []
    parts: list[str] = []
    stack: list[str] = []  # open block tags, innermost last
    examples: list[int] = []  # depths in `stack` of the open elements marked as examples
    explained: list[str] = []  # this block's words inside <abbr title> or a glossary link
    capture: list[str] | None = None  # the text of the open <abbr title> or glossary link
    skip = heading = title = 0

    def flush() -> None:
        text = SPACE.sub(" ", unescape("".join(parts))).strip()
        parts.clear()
        if text:
            blocks.append(Block("heading" if heading or title else (stack[-1] if stack else "p"), text,
                                bool(examples), tuple(explained)))
        explained.clear()

    for match in _PIECES.finditer(html):
        closing, tag, attrs = match.group(1), match.group(2), match.group(3)
        if tag is None:
            if not skip and not match.group(0).startswith("<!--"):
                parts.append(match.group(0))
                if capture is not None:
                    capture.append(match.group(0))
            continue
        tag = tag.lower()
        self_closing = attrs.rstrip().endswith("/")
        if tag in ("abbr", "a"):
            if not closing and (_TITLE.search(attrs) if tag == "abbr" else _GLOSSARY_HREF.search(attrs)):
                capture = []
            elif closing and capture is not None:
                explained.append(SPACE.sub(" ", unescape("".join(capture))).strip())
                capture = None
            continue
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
                    if EXAMPLE_CLASSES.intersection(_classes(attrs)):
                        examples.append(len(stack))
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
                while examples and examples[-1] > len(stack):
                    examples.pop()
    flush()
    return blocks


def _classes(attrs: str) -> list[str]:
    match = _CLASS.search(attrs)
    return match.group(1).split() if match else []


def plain_blocks(source: str) -> list[Block]:
    """Blocks of plain text: paragraphs are separated by blank lines."""
    return [Block("p", SPACE.sub(" ", part).strip()) for part in re.split(r"\n\s*\n", source) if part.strip()]
