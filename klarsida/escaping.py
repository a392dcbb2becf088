"""Front-matter text that MkDocs themes print: turned into escaped markup once, at the source.

MkDocs renders theme templates with autoescape off, and Material prints `page.title`,
`page.meta.title` and `page.meta.description` raw (header, footer, nav, search index, meta tags).
A title may hold `<`, quotes or braces and must come out as text, so the adapter replaces those
values with `markupsafe.Markup` holding the escaped text: printed raw it is safe, and Jinja's `e`
filter leaves it as it is (no double escaping). Values are never rendered as templates.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

# The front-matter fields the theme prints; other fields reach HTML only through engine templates
# (autoescape on) or through writers that escape for their own format.
THEME_PRINTED = ("title", "description")


def as_text(value: Any) -> Any:
    """Plain text → Markup with the text escaped; Markup and non-strings are left as they are."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape(value)
    return value


def escape_theme_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Escape, in place, the front-matter values a theme prints raw; returns the same mapping."""
    for name in THEME_PRINTED:
        if name in meta:
            meta[name] = as_text(meta[name])
    return meta
