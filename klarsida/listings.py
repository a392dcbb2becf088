"""Collections and their archives: the listing pages the build fills, for every content type.

Listings are built here, from the validated Site, once per language: the generator's own blog
features cannot serve a two-language site. What a collection lists and in what order is its
content type's (klarsida/types/); this module makes the archive's year pages for the types that
have an archive, and says which pages list others.
"""

from __future__ import annotations

from itertools import groupby

from .model import Document
from .site import Site
from .types import ContentType


def year_page_key(ctype: ContentType, year: int) -> str:
    """Each year of a type's archive has its own listing page: `meetings/2018`."""
    return f"{ctype.folder}/{year}"


def by_year(ctype: ContentType, site: Site, lang: str) -> list[tuple[int, list[Document]]]:
    """The type's items grouped by year (its archive), in the type's order."""
    items = ctype.items(site, lang)
    years = groupby(items, key=ctype.year_of)
    return [(year, list(group)) for year, group in years]


def archive_years(ctype: ContentType, site: Site, lang: str) -> list[tuple[int, int]]:
    """(year, number of items), in the type's order: the archive's table of contents."""
    return [(year, len(items)) for year, items in by_year(ctype, site, lang)]


def in_year(ctype: ContentType, site: Site, lang: str, year: int) -> list[Document]:
    return [doc for doc in ctype.items(site, lang) if ctype.year_of(doc) == year]


def archive_documents(site: Site) -> list[Document]:
    """The year pages of every archive, made by the build for every year with items and in every
    language, so an editor adds a meeting in a new year by adding that one file. A page an editor
    wrote (`meetings/2018.sv.md`) is used instead where there is one."""
    made = []
    for ctype in site.types.with_archive():
        title_key, description_key, intro_key = ctype.listing.archive_words
        for year, _ in archive_years(ctype, site, site.default_lang):
            key = year_page_key(ctype, year)
            for lang in site.languages:
                if site.get(key, lang) is not None:
                    continue
                made.append(Document(
                    kind="page", rel=f"content/{key}.{lang}.md", doc_path=f"{key}.{lang}.md", key=key, lang=lang,
                    meta={"title": ctype.word(lang, title_key, year=year),
                          "description": ctype.word(lang, description_key, year=year)},
                    body=ctype.word(lang, intro_key, year=year) + "\n", generated=True,
                ))
    return made


# Pages filled from other pages besides the collections' listings (klarsida/render.py).
HOME_KEY = "index"


def lists_other_pages(site: Site, key: str) -> bool:
    """The start page and every collection's listing and year pages: a preview rebuilds them after
    any edit."""
    return key == HOME_KEY or site.types.listing_for(key) is not None

