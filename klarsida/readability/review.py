"""Review mode: the page's findings marked in its HTML, with its scores and a legend on top.

Marks are <mark> elements with a visible label that states the reason in words, so they do not rely
on colour and screen readers read the reason too. Headings, code and existing marks are left alone.
A finding whose text cannot be found in the HTML (e.g. a sentence with inline code) is still listed
in the box on top.
"""

from __future__ import annotations

import re
from functools import cache
from html import unescape

from jinja2 import Environment, PackageLoader
from markupsafe import escape

from .languages import KINDS, rules_for
from .report import finding_anchor, language_attributes, note, note_language, note_text, text, words_language
from .scorer import LONG_SENTENCE, Score

SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "mark", "kbd", "samp"}
PIECE = re.compile(r"<!--.*?-->|<[^>]*>|&[#\w]+;|[^<&]+|[<&]", re.S)
TAG = re.compile(r"</?\s*([a-zA-Z][\w-]*)")
SENTENCE_KINDS = ("long_sentence", "passive")
WORD_KINDS = ("nominal", "uncommon_word", "stiff_word", "abbreviation")
MARKED = SENTENCE_KINDS + WORD_KINDS


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("klarsida.readability", "templates"), autoescape=True,
                       trim_blocks=True, lstrip_blocks=True)


def _text_units(html: str) -> tuple[str, list[tuple[int, int]]]:
    """The readable text outside skipped elements, and for each of its characters its span in html."""
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    for match in PIECE.finditer(html):
        piece = match.group(0)
        if piece.startswith("<") and len(piece) > 1 and not piece.startswith("<!--"):
            tag = TAG.match(piece)
            name = tag.group(1).lower() if tag else ""
            if name in SKIP and not piece.endswith("/>"):
                if piece.startswith("</"):
                    if name in stack:
                        while stack.pop() != name:
                            pass
                else:
                    stack.append(name)
            continue
        if stack or piece.startswith("<!--"):
            continue
        if piece.startswith("&") and len(piece) > 1:
            chars.append(unescape(piece))
            spans.append(match.span())
        else:
            for offset, ch in enumerate(piece):
                chars.append(ch)
                spans.append((match.start() + offset, match.start() + offset + 1))
    return "".join(chars), spans


def _needle(value: str, word: bool) -> re.Pattern:
    body = r"\s+".join(re.escape(part) for part in value.split())
    if word:
        return re.compile(rf"(?<![\w]){body}(?![\w])")
    return re.compile(body)


def mark_html(html: str, score: Score, lang: str) -> tuple[str, list[dict]]:
    """Mark the findings in html; returns the new html and the findings that could not be marked."""
    plain, spans = _text_units(html)
    inserts: list[tuple[int, int, str]] = []  # (html position, order, text)
    # Notes are Swedish or English; on a page in another language the label says which.
    note_lang = language_attributes(note_language(lang), lang)
    unmarked: list[dict] = []
    taken: list[tuple[int, int]] = []
    by_sentence: dict[str, list] = {}
    index = {id(f): i for i, f in enumerate(score.findings)}  # the report links to #ks-f-<index>
    for finding in score.findings:
        if finding.kind in SENTENCE_KINDS:
            by_sentence.setdefault(finding.text, []).append(finding)
    # Sentences first (outer marks), then words inside them (inner marks).
    groups = [(sentence, items, False) for sentence, items in by_sentence.items()]
    groups += [(f.text, [f], True) for f in score.findings if f.kind in WORD_KINDS]
    for value, items, word in groups:
        start_from, found = 0, None
        for match in _needle(value, word).finditer(plain, start_from):
            if match.span() in taken:
                continue  # the same word found twice ("betalning ... betalning"): its next use
            if not any(a <= match.start() < b and not (a <= match.end() <= b) for a, b in taken):
                found = match
                break
        if found is None:
            unmarked.extend({**vars(item), "anchor": finding_anchor(index[id(item)])} for item in items)
            continue
        a, b = found.span()
        taken.append((a, b))
        kinds = " ".join(f"ks-{item.kind.replace('_', '-')}" for item in items)
        reason = escape("; ".join(note_text(vars(item), lang) for item in items))
        depth = 1 if word else 0
        for run, (first, last) in enumerate(_runs(spans, a, b)):
            label = f'<span class="ks-label"{note_lang}>{reason}</span> ' if run == 0 else ""
            ids = "".join(f'<span id="{finding_anchor(index[id(item)])}"></span>' for item in items) if run == 0 else ""
            inserts.append((spans[first][0], 2 + depth, f'<mark class="ks-mark {kinds}">{ids}{label}'))
            inserts.append((spans[last][1], -2 - depth, "</mark>"))
    out = html
    # Splice from the end; at one position, closing tags go before opening ones, inner before outer.
    for position, order, fragment in sorted(inserts, key=lambda i: (i[0], i[1]), reverse=True):
        out = out[:position] + fragment + out[position:]
    return out, unmarked


def _runs(spans: list[tuple[int, int]], a: int, b: int) -> list[tuple[int, int]]:
    """Split the characters a..b into runs that are adjacent in the html (no tag in between)."""
    runs, first = [], a
    for i in range(a + 1, b):
        if spans[i][0] != spans[i - 1][1]:
            runs.append((first, i - 1))
            first = i
    runs.append((first, b - 1))
    return runs


def review_html(html: str, score: Score, lang: str, exception: str | None = None) -> str:
    """The page's html with marks, and a box with scores, a legend and the unmarked findings on top."""
    marked, unmarked = mark_html(html, score, lang)
    words = words_language(lang)  # the box's words are in the catalog's language
    rules = rules_for(score.lang)
    kinds = [kind for kind in KINDS if kind in rules.findings]  # the legend: what is looked for in this language
    counts = {kind: sum(1 for f in score.findings if f.kind == kind) for kind in kinds}
    figures = [(m.name, m.value(score)) for m in rules.figures]
    box = _environment().get_template("review.html").render(
        lang=words, score=score, figures=figures, counts=counts, kinds=kinds, marked=MARKED, unmarked=unmarked,
        exception=exception, share=f"{score.long_sentence_share * 100:.0f}", limit=LONG_SENTENCE,
        t=lambda name, **v: text(words, name, **v),
        note=lambda finding: note(finding, lang),
    )
    # After the page title, so the title stays first for screen readers and the outline.
    end = marked.find("</h1>")
    if end == -1:
        return box + marked
    end += len("</h1>")
    return marked[:end] + box + marked[end:]
