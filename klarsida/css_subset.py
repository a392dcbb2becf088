"""What a page loads before a reader does anything: the part of a theme's stylesheet the site uses.

A theme's main stylesheet can be most of every page's weight (issue 7: an event page must stay
within 150 KB). Pages can link a subset of it instead: the rules whose classes occur in the built
pages or in the site's own scripts. Which stylesheet, where the subset goes and how pages link it
is the adapter's business (its theme module); this module only filters rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import tinycss2

from . import publish

# Generators, Markdown and templates write attribute names in lower case; a CLASS= typed in raw
# HTML is not seen (the page still works; a theme rule it needed may be left out). Matching the
# literal "class" first, with the lookbehind after it, keeps the search fast: a leading
# lookbehind, re.IGNORECASE or lower-casing every page makes it two to ten times slower.
_CLASS_ATTRIBUTE = re.compile(r"""class(?<![\w-]class)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_SCRIPT_WORD = re.compile(r"[A-Za-z_][\w-]*")
_CLASS_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ATTRIBUTE_SELECTOR = re.compile(r"\[[^\]]*\]")
_PARENTHESES = re.compile(r"\([^()]*\)")
# Rules inside these are rules too; everything else (@font-face, @keyframes, @import, ...) stays.
_GROUPING_AT_RULES = {"media", "supports", "container", "layer", "document"}


def class_names(html: str) -> set[str]:
    """Every class named in class="..." attributes of `html` (attribute names in lower case)."""
    names: set[str] = set()
    for double, single, bare in set(_CLASS_ATTRIBUTE.findall(html)):
        names.update((double or single or bare).split())
    return names


def script_words(script: str) -> set[str]:
    """Every word a script could use as a class name (generous: more words only keep more rules)."""
    return set(_SCRIPT_WORD.findall(script))


def _required_classes(selector: str) -> frozenset[str]:
    """The classes an element must have for `selector` to match it (empty: no class needed).

    Classes inside parentheses (:not(.x), :is(.a, .b)) and attribute selectors are not required, so
    such selectors are kept; escaped names are not guessed at either. Keeping a rule is always safe.
    """
    if "\\" in selector:
        return frozenset()
    selector = _ATTRIBUTE_SELECTOR.sub("", selector)
    while _PARENTHESES.search(selector):
        selector = _PARENTHESES.sub("", selector)
    return frozenset(_CLASS_SELECTOR.findall(selector))


def _split_selectors(prelude: list) -> list[str]:
    """A rule's prelude split at top-level commas (commas inside :is(...) do not split)."""
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return [tinycss2.serialize(tokens).strip() for tokens in selectors]


@dataclass(frozen=True)
class _Rule:
    selectors: tuple[tuple[str, frozenset[str]], ...]  # (selector, classes it requires)
    block: str  # "{...}"


@dataclass(frozen=True)
class _Group:
    head: str  # "@media print"
    items: tuple  # of _Rule, _Group and str (kept as is)


def _parse(rules: list) -> tuple:
    items: list = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = tuple((s, _required_classes(s)) for s in _split_selectors(rule.prelude))
            items.append(_Rule(selectors, "{" + tinycss2.serialize(rule.content) + "}"))
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING_AT_RULES and rule.content is not None:
            inner = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            items.append(_Group("@" + rule.at_keyword + tinycss2.serialize(rule.prelude), _parse(inner)))
        elif rule.type == "at-rule":
            items.append(tinycss2.serialize([rule]))
        # Parse errors and stray tokens are dropped, as a browser drops them.
    return tuple(items)


def parse_stylesheet(css: str) -> tuple:
    """A stylesheet as rules whose required classes are known, for `subset` to filter quickly."""
    return _parse(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def subset(items: tuple, classes: set[str]) -> str:
    """The rules among `items` (from parse_stylesheet) that can match a page using only `classes`."""
    kept: list[str] = []
    for item in items:
        if isinstance(item, _Rule):
            selectors = [s for s, required in item.selectors if required <= classes]
            if selectors:
                kept.append(",".join(selectors) + item.block)
        elif isinstance(item, _Group):
            body = subset(item.items, classes)
            if body:
                kept.append(item.head + "{" + body + "}")
        else:
            kept.append(item)
    return "".join(kept)


def stylesheet_subset(css: str, classes: set[str]) -> str:
    """The rules of `css` that can match a page using only `classes`, in their original order."""
    return subset(parse_stylesheet(css), classes)


class StylesheetSubset:
    """The subset for the pages of a build, collected page by page as the generator writes them.

    Collecting from the page text in memory costs a few milliseconds at 1,000 meetings, where
    reading the written site back would cost about a second. Classes only accumulate (every
    language build, and every rebuild of a preview), so the subset only grows: it is made again
    only when a class has been added, and a class that has gone only keeps a rule more.
    """

    def __init__(self, stylesheet: Path, subset_path: str, script_dirs: list[Path]):
        self.stylesheet, self.subset_path = Path(stylesheet), subset_path
        self.classes: set[str] = set()
        for folder in script_dirs:
            for script in sorted(Path(folder).rglob("*.js")):
                self.classes |= script_words(script.read_text(encoding="utf-8", errors="replace"))
        self._css = self.stylesheet.read_text(encoding="utf-8")
        self._rules = parse_stylesheet(self._css)  # once: parsing is most of the work
        self._made: tuple[int, str] | None = None  # (number of classes, subset)

    def add_page(self, html: str) -> None:
        self.classes |= class_names(html)

    def css(self) -> str:
        if self._made is None or self._made[0] != len(self.classes):
            self._made = (len(self.classes), subset(self._rules, self.classes))
        return self._made[1]

    def write(self, output_dir: Path) -> tuple[int, int]:
        """Write the subset into the site; returns (whole stylesheet, subset) in bytes."""
        text = f"/* The rules of {self.stylesheet.name} this site's pages use (klarsida/css_subset.py). */\n{self.css()}\n"
        publish.write_files(output_dir, {self.subset_path: text.encode()})
        return len(self._css.encode()), len(text.encode())
