"""Stiff words with plainer alternatives, from klarsida/data/stiff_words.sv.yaml (the klarspråk
group edits that file; a mistake in it is reported with the entry's number and an example)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from ..errors import ContentError, ContentInvalid
from .swedish import strip

DATA = "stiff_words.sv.yaml"
EXAMPLE = "- ord: [erhålla, erhåller]\\n  byt_till: få"


@dataclass(frozen=True)
class StiffWord:
    phrase: str
    instead: str


def data_text() -> str:
    return resources.files("klarsida").joinpath("data", DATA).read_text(encoding="utf-8")


def parse(text: str, rel: str = f"klarsida/data/{DATA}") -> list[StiffWord]:
    try:
        entries = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentInvalid([ContentError(
            rel, mark.line + 1 if mark else None, None,
            "Listan med krångliga ord är inte korrekt YAML.", "The stiff-word list is not valid YAML.", EXAMPLE,
        )]) from None
    errors, words = [], []
    if not isinstance(entries, list):
        entries, errors = [], [ContentError(rel, None, None, "Listan ska vara en lista med poster som börjar med -.",
                                            "The file must be a list of entries starting with -.", EXAMPLE)]
    for number, entry in enumerate(entries, 1):
        forms = entry.get("ord") if isinstance(entry, dict) else None
        instead = entry.get("byt_till") if isinstance(entry, dict) else None
        if isinstance(forms, str):
            forms = [forms]
        if not forms or not all(isinstance(f, str) and f.strip() for f in forms) or not isinstance(instead, str):
            errors.append(ContentError(
                rel, None, f"post {number}",
                "Varje post behöver ord (en lista med ord) och byt_till (ett enklare ord).",
                "Each entry needs ord (a list of words) and byt_till (a plainer word).", EXAMPLE,
            ))
            continue
        words.extend(StiffWord(form.strip(), instead) for form in forms)
    if errors:
        raise ContentInvalid(errors)
    return words


@cache
def stiff_words() -> tuple[StiffWord, ...]:
    return tuple(parse(data_text()))


@cache
def fingerprint() -> str:
    return hashlib.sha256(data_text().encode()).hexdigest()


@cache
def _index(words: tuple[StiffWord, ...]) -> tuple[dict[tuple[str, ...], str], int, re.Pattern]:
    """Forms as tuples of folded words → alternative, the longest form's length in words, and a
    pattern that finds where a form may be (a text without a match needs no closer look)."""
    table = {_fold(w.phrase): w.instead for w in words}
    # A text that holds none of the forms' longest words ("syfte" for "i syfte att") has none of them.
    triggers = sorted({max(k, key=len) for k in table if k}, key=lambda w: -len(w))
    firsts = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in triggers) + r")(?!\w)")
    return table, max((len(k) for k in table), default=0), firsts


def _fold(text: str) -> tuple[str, ...]:
    # Same word rules as LIX: "t.ex." and "T.ex.," both fold to "t.ex".
    return tuple(strip(t).lower() for t in text.split())


def find(text: str, words: tuple[StiffWord, ...] | None = None) -> list[tuple[str, str]]:
    """(word as written, plainer alternative) for each stiff word in `text`, in order.

    Looks up runs of 1..n words in a table, longest first, so a pass costs one lookup per word.
    """
    table, longest, firsts = _index(stiff_words() if words is None else tuple(words))
    if not firsts.search(text.lower()):
        return []
    tokens = text.split()
    folded = [strip(t).lower() for t in tokens]
    found, i = [], 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            instead = table.get(tuple(folded[i : i + size]))
            if instead is not None:
                found.append((strip(" ".join(tokens[i : i + size])), instead))
                i += size
                break
        else:
            i += 1
    return found
