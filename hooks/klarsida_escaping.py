"""MkDocs hook: front-matter text the theme prints raw is escaped before any template sees it.

See klarsida/escaping.py for why. The `htmltitle` block in overrides/main.html escapes too, since
Material's `striptags` would undo the escaping. Imports only the installed `klarsida` package.
"""

from __future__ import annotations

from klarsida.escaping import escape_theme_meta


def on_page_markdown(markdown, page, config, files):
    escape_theme_meta(page.meta)
    return markdown
