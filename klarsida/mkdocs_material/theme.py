"""What the adapter knows about Material for MkDocs as a theme.

- Its hashed asset names (stylesheet, palette, bundle), which `overrides/main.html` links through
  `klarsida_assets`: pages load only the part of the stylesheet the site uses
  (klarsida/css_subset.py), and `lazy-material.js` loads the bundle and the whole stylesheet when a
  reader starts to search.
- The front-matter fields Material prints raw (`escape_theme_meta`): MkDocs renders templates with
  autoescape off, and Material prints `page.title`, `page.meta.title` and `page.meta.description`
  raw (header, footer, nav, search index, meta tags). The adapter replaces those values with
  `markupsafe.Markup` holding the escaped text: printed raw it is safe, and Jinja's `e` filter
  leaves it as it is (no double escaping). Values are never rendered as templates.
- The attribute that keeps a block out of Material's search index (`data-search-exclude`): the
  engine marks its listings as "not for search" with a neutral attribute, and the adapter turns it
  into Material's, so a search leads to the meeting or event itself.
- The two hidden checkboxes of Material's base.html that carry `autocomplete` (`without_toggle_autocomplete`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ..render import NOT_FOR_SEARCH

# Written next to Material's own stylesheet; overrides/main.html links it instead of Material's.
SUBSET_PATH = "assets/stylesheets/material-subset.css"

# Material's hashed file names, relative to its templates folder.
_THEME_FILES = {
    "stylesheet": "assets/stylesheets/main.*.min.css",
    "palette": "assets/stylesheets/palette.*.min.css",
    "bundle": "assets/javascripts/bundle.*.min.js",
}

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
                "stylesheet and bundle by name (klarsida/mkdocs_material/theme.py); check them after a theme upgrade."
            )
    return ThemeAssets(**found)


# The front-matter fields Material prints; other fields reach HTML only through engine templates
# (autoescape on) or through writers that escape for their own format.
THEME_PRINTED = ("title", "description")


def as_text(value: Any) -> Any:
    """Plain text → Markup with the text escaped; Markup and non-strings are left as they are."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape(value)
    return value


def escape_theme_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Escape, in place, the front-matter values Material prints raw; returns the same mapping."""
    for name in THEME_PRINTED:
        if name in meta:
            meta[name] = as_text(meta[name])
    return meta


# Material's search plugin leaves out elements with this attribute.
SEARCH_EXCLUDE = "data-search-exclude"


def for_search(html: str) -> str:
    """The engine's "not for search" mark as Material's search plugin reads it."""
    return html.replace(NOT_FOR_SEARCH, SEARCH_EXCLUDE)


# Material's base.html opens every page with two hidden checkboxes (the menu drawer and the search)
# carrying autocomplete="off", so that Firefox does not restore them checked on a reload. HTML allows
# autocomplete on text-like fields only: 2 errors on every page for the W3C Nu HTML Checker. The tags
# are not in a template block, so the adapter removes the attribute from the rendered page, and
# klarsida.js unchecks both boxes when the page loads instead.
MATERIAL_TOGGLES = tuple(
    f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">'
    for name in ("drawer", "search")
)


def without_toggle_autocomplete(html: str) -> str:
    """The page with Material's two toggles as valid HTML: their `autocomplete="off"` removed."""
    for tag in MATERIAL_TOGGLES:
        html = html.replace(tag, tag.replace(' autocomplete="off"', ""), 1)
    return html
