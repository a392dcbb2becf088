"""A 404 page per language, where static-i18n makes one file for all.

MkDocs renders `404.html` at the site's root in every language build, so with static-i18n the last
language's page won (English, with a language link to whatever page was built last). GitHub Pages
serves only the root `404.html`, for every missing address of the site. So the adapter keeps each
build's page and writes the default language's at the root and the others at `<lang>/404.html`;
the root page sends addresses under `/<lang>/` to that language's page (overrides/404.html).
"""

from __future__ import annotations

from pathlib import Path

TEMPLATE = "404.html"


def language_root(lang: str, base_url: str, default_lang: str) -> str:
    """The start page of `lang` as an absolute path: `/klarsida/` or `/klarsida/en/`."""
    base = "/" + base_url.strip("/") + "/" if base_url.strip("/") else "/"
    return base if lang == default_lang else f"{base}{lang}/"


def redirects(base_url: str, languages: tuple[str, ...], default_lang: str) -> dict[str, str]:
    """{address prefix: that language's 404 page} for every language but the default."""
    return {
        language_root(lang, base_url, default_lang): language_root(lang, base_url, default_lang) + TEMPLATE
        for lang in languages if lang != default_lang
    }


class NotFoundPages:
    """The 404 page of each language build, kept until the files are written."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}

    def rendered(self, lang: str, html: str) -> None:
        self.pages[lang] = html

    def write(self, site_root: Path, default_lang: str) -> list[Path]:
        """Every page kept so far: a later language's build wrote its own over the root one."""
        written = []
        for lang, html in sorted(self.pages.items()):
            target = site_root / TEMPLATE if lang == default_lang else site_root / lang / TEMPLATE
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
            written.append(target)
        return written
