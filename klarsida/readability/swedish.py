"""Swedish words, sentences and LIX with the klarspråk group's conventions (see content/klarsprak.sv.md).

- A word is a whitespace-separated token holding a letter or a digit once surrounding punctuation is
  stripped: "t.ex.", "e-post", "IT-stöd", "AMF:s" and "14:00-15:30" are one word each.
- A sentence ends at . ! ? or : at the end of a token (so followed by white space or the end of the
  block), or at the Arabic question mark ؟ (the same rules count a language without a measure:
  languages.py), except the full stop of an abbreviation; "17.30" and "14:00" never end one because the
  mark is inside the token. Every block (paragraph, list item, table cell) ends a sentence too.
- A long word has more than six letters; digits and punctuation are not letters.
- LIX = words / sentences + 100 × long words / words.

textstat's lix() is not used: it splits at "kl." and "17.30", ignores colons, drops short sentences
and counts "14:00-15:30" as a long word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .text import Block

# Abbreviations whose full stop does not end a sentence (compared in lower case).
ABBREVIATIONS_SV = frozenset(
    """t.ex. bl.a. kl. dvs. d.v.s. m.m. osv. o.s.v. etc. ca. c:a resp. s.k. p.g.a. pga. f.d. t.o.m.
    fr.o.m. m.fl. mfl. jfr. nr. tel. st. ex. obs. inkl. exkl. e.d. o.d. f.ö. forts. kap. sid. s.
    sek. tim. mån. tis. ons. tors. fre. lör. sön. jan. febr. aug. sept. okt. nov. dec. enl. ang.
    bil. fig. tf. ordf. adr. mm. s.a.s. v.g.v. o.dyl. d.ä. d.y. m.a.o. tr. uppl. vard.""".split()
)
ABBREVIATIONS_EN = frozenset(
    """e.g. i.e. etc. approx. no. tel. mr. mrs. ms. dr. st. a.m. p.m. vs. cf. jan. feb. aug. sept.
    oct. nov. dec. mon. tue. wed. thu. fri. sat. sun. fig. p. pp. ed. ref.""".split()
)
# Letter groups joined by full stops, like "t.ex.", "bl.a." or "e.g.", are abbreviations too.
DOTTED = re.compile(r"^(?:[^\W\d_]{1,4}\.){2,}$")
ENDS = ".!?:\u061f"  # \u061f: the Arabic question mark
CLOSERS = "\"'”’»)]}*_"
OPENERS = "\"'“‘«([{*_"


_EDGES = re.compile(r"^[\W_]+|[\W_]+$")  # anything but letters and digits, at either end


def strip(token: str) -> str:
    """The token without surrounding punctuation ("(AMF:s)," → "AMF:s")."""
    if token[:1].isalnum() and token[-1:].isalnum():
        return token  # most tokens: nothing to strip, and this check is much cheaper
    return _EDGES.sub("", token)


def is_word(token: str) -> bool:
    return bool(strip(token))


def letters(word: str) -> int:
    if word.isalpha():
        return len(word)  # most words: no digits or marks to leave out
    return sum(1 for ch in word if ch.isalpha())


def is_long(word: str) -> bool:
    return len(word) > 6 and letters(word) > 6


def is_abbreviation(token: str, abbreviations: frozenset[str] = ABBREVIATIONS_SV) -> bool:
    core = token.lstrip(OPENERS).rstrip(CLOSERS).lower()
    return core in abbreviations or bool(DOTTED.match(core))


def ends_sentence(token: str, abbreviations: frozenset[str] = ABBREVIATIONS_SV) -> bool:
    core = token.rstrip(CLOSERS)
    if not core or core[-1] not in ENDS:
        return False
    if core[-1] == "." and is_abbreviation(token, abbreviations):
        return False
    return True


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text as written, its words (punctuation stripped) and its block."""

    text: str
    words: tuple[str, ...]
    block: int

    @property
    def long_words(self) -> int:
        return sum(1 for w in self.words if is_long(w))


def sentences(blocks: Iterable[Block], abbreviations: frozenset[str] = ABBREVIATIONS_SV) -> list[Sentence]:
    """Split counted blocks into sentences; headings are skipped, empty sentences dropped."""
    found: list[Sentence] = []
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            continue
        tokens: list[str] = []
        for token in block.text.split():
            tokens.append(token)
            if ends_sentence(token, abbreviations):
                _add(found, tokens, index)
                tokens = []
        _add(found, tokens, index)
    return found


def _add(found: list[Sentence], tokens: list[str], block: int) -> None:
    words = tuple(w for w in (strip(t) for t in tokens) if w)
    if words:
        found.append(Sentence(" ".join(tokens), words, block))


def lix(words: int, sentence_count: int, long_words: int) -> float:
    if not words or not sentence_count:
        return 0.0
    return words / sentence_count + 100 * long_words / words


BANDS = [
    (30, "lätt", "easy"),
    (40, "ganska lätt (normal)", "fairly easy (normal)"),
    (50, "ganska svår", "fairly hard"),
    (60, "svår", "hard"),
]


def band(value: float, lang: str = "sv") -> str:
    """LIX in words: under 25 very easy, 25–30 easy, 30–40 fairly easy (normal), 40–50 fairly hard,
    50–60 hard, over 60 very hard. A boundary belongs to the easier band, so LIX 40 meets a target of 40."""
    if value < 25:
        return "mycket lätt" if lang == "sv" else "very easy"
    for upper, sv, en in BANDS:
        if value <= upper:
            return sv if lang == "sv" else en
    return "mycket svår" if lang == "sv" else "very hard"
