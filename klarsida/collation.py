"""Alphabetical order as readers of each language expect it.

Python's `sorted` orders by code point: "LIX" before "Ledningsgruppen" (capitals first) and "Å"
after "ö" only by accident. Swedish readers expect å, ä, ö after z and letter case to matter only
between otherwise equal words. ICU's collators (CLDR's rules for each language) give that order;
the pyicu-wheels package bundles ICU, so nothing is compiled.

The glossary check (klarsida/glossary.py) uses `in_order`; `sort_key(lang)` is there for any list
the engine sorts by name (today's listings are sorted by date, the report by score).
"""

from __future__ import annotations

from functools import cache
from typing import Callable, Iterable

import icu


@cache
def _collator(lang: str) -> icu.Collator:
    # ICU falls back to its root order (the Unicode default) for a language it has no rules for.
    return icu.Collator.createInstance(icu.Locale(lang))


def sort_key(lang: str) -> Callable[[str], bytes]:
    """A key for `sorted`: the language's alphabetical order."""
    return _collator(lang).getSortKey


def sorted_words(words: Iterable[str], lang: str) -> list[str]:
    return sorted(words, key=sort_key(lang))


def first_out_of_order(words: list[str], lang: str) -> int | None:
    """Index of the first word that comes before the word above it, or None if all are in order."""
    key = sort_key(lang)
    keys = [key(w) for w in words]
    for i in range(1, len(keys)):
        if keys[i] < keys[i - 1]:
            return i
    return None
