"""Which readability measure, findings and abbreviations apply to each language: one registry.

A language in `LANGUAGES` has a measure: LIX for Swedish (the klarspråk group's conventions,
swedish.py), Flesch reading ease for English (english.py; English pages get LIX as a second
figure, as before). Every other language (Arabic, Persian, Finnish, ...) has none: its pages are
counted (words, sentences, long sentences, paragraphs and sections) but get no score, no band and
no readability target, and reports say "no readability measure for this language" instead of
applying a Swedish or English formula to a text it was never made for.

A new measure is a new `Measure` and an entry here: which measure applies to a language is decided
nowhere else. (Findings' notes exist in Swedish and English, so other pages show the English ones.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

from . import english, swedish

# Kinds of findings (scorer.Finding.kind), in the order reports list them.
KINDS = ("long_sentence", "passive", "nominal", "uncommon_word", "stiff_word", "abbreviation", "long_paragraph",
         "long_section")
# Findings that only count words, sentences and capitals: they apply to every language.
COUNTED = frozenset({"long_sentence", "abbreviation", "long_paragraph", "long_section"})


@dataclass(frozen=True)
class Measure:
    """A readability formula: its name, the score field that holds it, which way is easier, and its
    value in words (the band)."""

    name: str  # as reports and `klarsida score` print it
    field: str  # the Score attribute and the key of klarsprak.json rows
    higher_is_easier: bool
    band: Callable[[float], str]

    def value(self, row) -> float | None:
        """The measure of a score (a Score or a row of klarsprak.json)."""
        return row.get(self.field) if isinstance(row, dict) else getattr(row, self.field, None)


def _lix_band(value: float) -> str:
    return swedish.band(value, "sv")


LIX = Measure("LIX", "lix", higher_is_easier=False, band=_lix_band)
FLESCH = Measure("Flesch", "flesch", higher_is_easier=True, band=english.flesch_band)


@dataclass(frozen=True)
class Rules:
    """How the texts of one language are read.

    `measure` is the one reports order by and targets apply to (None: no measure for the language);
    `figures` every formula computed (the measure first); `abbreviations` those whose full stop does
    not end a sentence; `findings` the kinds of findings looked for.
    """

    measure: Measure | None
    figures: tuple[Measure, ...]
    abbreviations: frozenset[str]
    findings: frozenset[str]


LANGUAGES = MappingProxyType({
    # Passive voice, nominal style, uncommon words and stiff words: the Swedish lexicons of
    # passive.py, nominal.py and data/stiff_words*.yaml.
    "sv": Rules(LIX, (LIX,), swedish.ABBREVIATIONS_SV, COUNTED | {"passive", "nominal", "uncommon_word", "stiff_word"}),
    "en": Rules(FLESCH, (FLESCH, LIX), english.ABBREVIATIONS, COUNTED),
})
# Any other language: counted, not measured. Dotted abbreviations ("e.g.") still hold a sentence together.
WITHOUT_MEASURE = Rules(None, (), frozenset(), COUNTED)


def rules_for(lang: str) -> Rules:
    return LANGUAGES.get(lang, WITHOUT_MEASURE)


def measure_for(lang: str) -> Measure | None:
    """The readability measure of `lang`: LIX for "sv", Flesch for "en", None for any other."""
    return rules_for(lang).measure

