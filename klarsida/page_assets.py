"""What a page loads before a reader does anything: the part of the theme's stylesheet the site uses.

Material's main stylesheet (134 KB) and script bundle (111 KB) were most of every page's weight
(issue 7: an event page must stay within 150 KB). Pages now link a subset of the stylesheet: the
rules whose classes occur in the built pages or in our own scripts. Material's bundle adds classes
of its own (search results, tooltips, ...), so the loader that fetches the bundle when a reader
starts to search (overrides/assets/javascripts/lazy-material.js) puts the whole stylesheet back
first, in the same place in the cascade.

Works on files only: the hook hands it the theme folders and the built site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import tinycss2

# Written next to Material's own stylesheet; overrides/main.html links it instead of Material's.
SUBSET_PATH = "assets/stylesheets/material-subset.css"

# Material's hashed file names, relative to its templates folder.
_THEME_FILES = {
    "stylesheet": "assets/stylesheets/main.*.min.css",
    "palette": "assets/stylesheets/palette.*.min.css",
    "bundle": "assets/javascripts/bundle.*.min.js",
}

# Run on lower-cased pages (Material's classes are all lower case; "MD-Typeset" only keeps a rule
# more). The literal "class" comes first and the lookbehind after it: a leading lookbehind or
# re.IGNORECASE makes the search ten times slower, and it runs on every page.
_CLASS_ATTRIBUTE = re.compile(r"""class(?<![\w-]class)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_SCRIPT_WORD = re.compile(r"[A-Za-z_][\w-]*")
_CLASS_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ATTRIBUTE_SELECTOR = re.compile(r"\[[^\]]*\]")
_PARENTHESES = re.compile(r"\([^()]*\)")
# Rules inside these are rules too; everything else (@font-face, @keyframes, @import, ...) stays.
_GROUPING_AT_RULES = {"media", "supports", "container", "layer", "document"}


class ThemeAssetsMissing(Exception):
    """The theme does not have the files this module expects (a Material upgrade renamed them)."""


@dataclass(frozen=True)
class ThemeAssets:
    """Material's asset paths, site-root relative, as its base.html links them."""

    stylesheet: str
    palette: str
    bundle: str
    folder: Path  # the theme folder that holds the stylesheet
    subset: str = SUBSET_PATH


def theme_assets(theme_dirs: list[Path]) -> ThemeAssets:
    """Find Material's hashed stylesheet, palette stylesheet and bundle in the theme folders."""
    found: dict = {}
    for key, pattern in _THEME_FILES.items():
        for folder in theme_dirs:
            matches = sorted(Path(folder).glob(pattern))
            if len(matches) == 1:
                found[key] = matches[0].relative_to(folder).as_posix()
                found.setdefault("folder", Path(folder))
                break
        else:
            folders = ", ".join(str(f) for f in theme_dirs)
            raise ThemeAssetsMissing(
                f"No single theme file matches {pattern} in {folders}. Klarsida links Material's "
                "stylesheet and bundle by name (klarsida/page_assets.py); check them after a theme upgrade."
            )
    return ThemeAssets(**found)


def class_names(html: str) -> set[str]:
    """Every class named in class="..." attributes of `html`."""
    names: set[str] = set()
    for values in set(_CLASS_ATTRIBUTE.findall(html.lower())):
        for value in values:
            names.update(value.split())
    return names


def script_words(script: str) -> set[str]:
    """Every word a script could use as a class name (generous: more words only keep more rules)."""
    return set(_SCRIPT_WORD.findall(script))


def _selector_can_match(selector: str, classes: set[str]) -> bool:
    """False only when the selector requires a class that no page or script uses.

    Classes inside parentheses (:not(.x), :is(.a, .b)) and attribute selectors are not required, so
    such selectors are kept; escaped names are kept too. Keeping a rule is always safe.
    """
    if "\\" in selector:
        return True
    selector = _ATTRIBUTE_SELECTOR.sub("", selector)
    while _PARENTHESES.search(selector):
        selector = _PARENTHESES.sub("", selector)
    return all(name in classes for name in _CLASS_SELECTOR.findall(selector))


def _split_selectors(prelude: list) -> list[str]:
    """A rule's prelude split at top-level commas (commas inside :is(...) do not split)."""
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return [tinycss2.serialize(tokens).strip() for tokens in selectors]


def _subset_rules(rules: list, classes: set[str]) -> str:
    kept: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(rule.prelude) if _selector_can_match(s, classes)]
            if selectors:
                kept.append(",".join(selectors) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING_AT_RULES and rule.content is not None:
            inner = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            body = _subset_rules(inner, classes)
            if body:
                kept.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude) + "{" + body + "}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
        # Parse errors and stray tokens are dropped, as a browser drops them.
    return "".join(kept)


def stylesheet_subset(css: str, classes: set[str]) -> str:
    """The rules of `css` that can match a page using only `classes`, in their original order."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return _subset_rules(rules, classes)


class StylesheetSubset:
    """The subset for the pages of a build, collected page by page as MkDocs writes them.

    Collecting from the page text in memory costs a few milliseconds at 1,000 meetings, where
    reading the written site back would cost about a second. Classes only accumulate (both
    language builds, and every rebuild while serving), so the subset only grows: it is made again
    only when a class has been added, and a class that has gone only keeps a rule more.
    """

    def __init__(self, assets: ThemeAssets, script_dirs: list[Path]):
        self.assets = assets
        self.classes: set[str] = set()
        for folder in script_dirs:
            for script in sorted(Path(folder).rglob("*.js")):
                self.classes |= script_words(script.read_text(encoding="utf-8", errors="replace"))
        self._css = Path(assets.folder, assets.stylesheet).read_text(encoding="utf-8")
        self._made: tuple[int, str] | None = None  # (number of classes, subset)

    def add_page(self, html: str) -> None:
        self.classes |= class_names(html)

    def css(self) -> str:
        if self._made is None or self._made[0] != len(self.classes):
            self._made = (len(self.classes), stylesheet_subset(self._css, self.classes))
        return self._made[1]

    def write(self, site_dir: Path) -> tuple[int, int]:
        """Write the subset into the site; returns (whole stylesheet, subset) in bytes."""
        name = self.assets.stylesheet.rsplit("/", 1)[-1]
        text = f"/* The rules of {name} this site's pages use (klarsida/page_assets.py). */\n{self.css()}\n"
        target = Path(site_dir, *self.assets.subset.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return len(self._css.encode()), len(text.encode())
