"""A search index per language, where Material and static-i18n write one for the whole site.

static-i18n stacks every language's entries into the root `search/search_index.json`, so a search
for "daniel blake" on the Swedish site found four pages, two of them the English twins with the
same titles. After the last language is built the adapter splits that index: the default
language's stays at the root, every other language's goes to `<lang>/search/search_index.json`,
its locations relative to `<lang>/`, and the language's own stemmer only (`config.lang`).

A language's index holds its own pages and, for a page not written in it, the page in the default
language (or, on the default language's site, the first language it is written in): each page
once. Its pages come first in the file. Pages of another language keep addresses that lead to them
(`../x/` from `en/`). Material reads the index at `search/search_index.json` under its `base`; on
another language's pages lazy-material.js sets that base to the language's folder before Material
starts (overrides/main.html gives it the address).
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

PATH = ("search", "search_index.json")


def _prefix(lang: str, default_lang: str) -> str:
    return "" if lang == default_lang else f"{lang}/"


def language_of(location: str, languages: tuple[str, ...], default_lang: str) -> str:
    return next((lang for lang in languages if lang != default_lang and location.startswith(f"{lang}/")), default_lang)


def page_of(location: str, lang: str, default_lang: str) -> str:
    """The page an entry belongs to, the same in every language: `en/about/#x` → `about/`."""
    return location.split("#", 1)[0][len(_prefix(lang, default_lang)):]


def relative_location(location: str, from_lang: str, default_lang: str) -> str:
    """`en/about/` seen from the Swedish root is itself; `about/` seen from `en/` is `../about/`."""
    prefix = _prefix(from_lang, default_lang)
    if prefix and location.startswith(prefix):
        return location[len(prefix):]
    depth = len(PurePosixPath(prefix).parts)
    return "../" * depth + location


def _same_as_default(entry: dict, lang: str, default_lang: str, defaults: set) -> bool:
    """An entry of another language that is the default language's, copied (static-i18n's fallback
    page for an untranslated one: same title, text and place)."""
    return (entry["location"][len(_prefix(lang, default_lang)):], entry.get("title"), entry.get("text")) in defaults


def split(index: dict, languages: tuple[str, ...], default_lang: str) -> dict[str, dict]:
    """{lang: that language's index}, from the index of the whole site. Entries of another language
    that are copies of the default language's (fallback pages) are left out there, as static-i18n's
    `reconfigure_search` did (in linear time here; languages.take_over_search_duplicates)."""
    by_lang: dict[str, dict[str, list[dict]]] = {lang: {} for lang in languages}
    entries = index.get("docs", [])
    defaults = {(e.get("location", ""), e.get("title"), e.get("text")) for e in entries
                if language_of(e.get("location", ""), languages, default_lang) == default_lang}
    for entry in entries:
        lang = language_of(entry.get("location", ""), languages, default_lang)
        if lang != default_lang and _same_as_default(entry, lang, default_lang, defaults):
            continue
        if lang in by_lang:
            page = page_of(entry["location"], lang, default_lang)
            by_lang[lang].setdefault(page, []).append(entry)
    result = {}
    for lang in languages:
        own = by_lang[lang]
        docs = [dict(e, location=relative_location(e["location"], lang, default_lang)) for es in own.values() for e in es]
        # Pages not written in this language, once each: from the default language, else the first other.
        others = [default_lang] + [other for other in languages if other not in (default_lang, lang)]
        borrowed: set[str] = set(own)
        for other in others:
            if other == lang:
                continue
            for page, entries in by_lang[other].items():
                if page in borrowed:
                    continue
                borrowed.add(page)
                docs += [dict(e, location=relative_location(e["location"], lang, default_lang)) for e in entries]
        config = dict(index.get("config", {}), lang=[lang])
        result[lang] = {**index, "config": config, "docs": docs}
    return result


def write_split(site_root: Path, languages: tuple[str, ...], default_lang: str) -> dict[str, Path]:
    """Split the root index into one per language; nothing to do when there is no index."""
    root_index = Path(site_root, *PATH)
    if not root_index.is_file():
        return {}
    index = json.loads(root_index.read_text(encoding="utf-8"))
    written = {}
    for lang, part in split(index, languages, default_lang).items():
        target = Path(site_root, _prefix(lang, default_lang), *PATH)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written[lang] = target
    return written
