"""Scores for one text: counts, LIX or Flesch, sentence length and findings.

A `Scorer` belongs to one session (klarsida/session.py). It caches results by a hash of the text,
its language, the glossary and the stiff-word list, so the second language build and every
rebuild of a preview reuse them, and records the time spent in `stats`.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..markup import Markup
from . import abbreviations, english, nominal, passive, stiff_words, swedish
from .disk_cache import DiskCache
from .languages import FLESCH, LIX, Measure, measure_for, rules_for
from .text import Block, html_blocks, plain_blocks, unquoted

LONG_SENTENCE = 20  # words; a sentence with more is long
LONG_PARAGRAPH = 150  # words
LONG_SECTION = 300  # words without a subheading
LONGEST_SHOWN = 3



@dataclass(frozen=True)
class Finding:
    """Something a reviewer should look at. `text` is the sentence or word as written."""

    kind: str  # languages.KINDS: long_sentence, passive, nominal, uncommon_word, stiff_word, abbreviation, ...
    text: str
    note_sv: str
    note_en: str


@dataclass
class Score:
    """Counts, measures and findings of one text. A language without a readability measure
    (languages.py) has `lix`, `band` and `flesch` None: its text is counted, not scored."""

    lang: str
    words: int
    sentences: int
    long_words: int
    lix: float | None
    band: str | None
    avg_sentence_length: float
    long_sentences: int
    long_sentence_share: float
    longest_sentences: list[str]
    flesch: float | None = None
    syllables: int | None = None
    # Swedish nominal style (nominal.py): Språkbanken's nominal ratio, estimated; None elsewhere.
    nominal_ratio: float | None = None
    findings: list[Finding] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Score:
        return cls(**{**data, "findings": [Finding(**f) for f in data["findings"]]})

    def as_dict(self) -> dict[str, Any]:
        """Every field, as plain data (dataclasses.asdict deep-copies and is several times slower)."""
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data["longest_sentences"] = list(self.longest_sentences)
        data["findings"] = [dict(vars(f)) for f in self.findings]
        return data

    @property
    def measure(self) -> Measure | None:
        """The language's readability measure (LIX, Flesch), or None: no measure for the language."""
        return measure_for(self.lang)

    def to_dict(self) -> dict[str, Any]:
        """What reports show: the figures of the language's measures only, and the measure's name
        (None: no readability measure for this language)."""
        data = self.as_dict()
        rules = rules_for(self.lang)
        if FLESCH not in rules.figures:
            del data["flesch"], data["syllables"]
        if "nominal" not in rules.findings:
            del data["nominal_ratio"]
        measure = self.measure
        data["measure"] = measure.name if measure else None
        return data


def _key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class Scorer:
    """One session's scores: in memory, on disk between runs (`disk`), and what they cost (`stats`).

    Stats hold wall-clock and CPU seconds (CPU time is steadier on a busy machine) of the outermost
    timed call, so nested calls are not counted twice, and how many texts were scored, read from
    disk or found in memory.
    """

    def __init__(self, markup: Markup | None = None, disk: DiskCache | None = None):
        self.markup = markup or Markup()
        self.disk = disk or DiskCache(None)
        self.stats: dict[str, float] = {"seconds": 0.0, "cpu": 0.0, "scored": 0, "cached": 0, "from_disk": 0}
        self._scores: dict[str, Score] = {}
        self._blocks: dict[str, tuple[Block, ...]] = {}
        self._glossaries: dict[tuple[str, str], dict[str, str]] = {}
        self._rows: tuple[object, list] | None = None
        self._depth = 0

    @contextlib.contextmanager
    def timing(self):
        """Count the time of the block in `stats` (the outermost block only)."""
        self._depth += 1
        started, started_cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self.stats["seconds"] += time.perf_counter() - started
                self.stats["cpu"] += time.process_time() - started_cpu

    def blocks(self, source: str) -> tuple[Block, ...]:
        """Blocks of a Markdown body (front matter already removed), remembered per text: the
        glossary is read for its terms and scored as a page from one conversion."""
        found = self._blocks.get(source)
        if found is None:
            found = self._blocks[source] = tuple(html_blocks(self.markup.html(source)))
        return found

    def glossary_expansions(self, body: str, lang: str) -> dict[str, str]:
        """The glossary's abbreviations and their expansions (abbreviations.glossary_expansions)."""
        key = (lang, body)
        if key not in self._glossaries:
            self._glossaries[key] = abbreviations.glossary_expansions(self.blocks(body), rules_for(lang).abbreviations)
        return self._glossaries[key]

    def glossary_terms(self, body: str, lang: str) -> frozenset[str]:
        """What the glossary explains: its abbreviations (the build renders their first use on every
        page with the expansion, so they count as explained) and its other terms in lower case
        (explained words are not uncommon)."""
        terms = abbreviations.glossary_terms(self.blocks(body))
        return frozenset(self.glossary_expansions(body, lang)) | {t.lower() for t in terms}

    def score_text(self, source: str, lang: str, glossary: frozenset[str] = frozenset(), markdown: bool = True) -> Score:
        """Score a Markdown body (front matter removed) or plain text, cached by content hash."""
        with self.timing():
            key = _key(lang, "md" if markdown else "txt", source, "\n".join(sorted(glossary)), stiff_words.fingerprint())
            score = self._scores.get(key)
            if score is not None:
                self.stats["cached"] += 1
                return score
            stored = self.disk.get(key)
            try:
                score = Score.from_dict(stored) if stored is not None else None
            except (TypeError, KeyError, AttributeError):
                score = None  # an entry of the wrong shape: score again
            if score is not None:
                self.stats["from_disk"] += 1
            else:
                blocks = self.blocks(source) if markdown else plain_blocks(source)
                score = score_blocks(blocks, lang, glossary)
                self.disk.put(key, score.as_dict())
                self.stats["scored"] += 1
            self._scores[key] = score
            return score

    def known_scores(self) -> dict[str, Score]:
        """Every score this session holds, by key: what a second process hands back to the build."""
        return dict(self._scores)

    def adopt(self, scores: dict[str, Score], stats: dict[str, Any]) -> None:
        """Take the scores and costs of a second process, so this one need not score those texts."""
        for key, score in scores.items():
            self._scores.setdefault(key, score)
        for name in ("scored", "from_disk"):
            self.stats[name] += stats.get(name, 0)
        self.stats["background_seconds"] = self.stats.get("background_seconds", 0.0) + stats.get("seconds", 0.0)

    def retain(self, bodies: set[str]) -> None:
        """Forget the blocks of texts no current page holds (scores stay: they are small)."""
        for body in [b for b in self._blocks if b not in bodies]:
            del self._blocks[body]


def score_text(source: str, lang: str, glossary: frozenset[str] = frozenset(), markdown: bool = True) -> Score:
    """Score one text from scratch, outside any session (scripts and tests)."""
    return Scorer().score_text(source, lang, glossary, markdown)


def score_blocks(blocks: Sequence[Block], lang: str, glossary: frozenset[str] = frozenset()) -> Score:
    rules = rules_for(lang)
    found = swedish.sentences(blocks, rules.abbreviations)
    words = sum(len(s.words) for s in found)
    long_words = sum(s.long_words for s in found)
    count = len(found)
    long = [s for s in found if len(s.words) > LONG_SENTENCE]
    score = Score(
        lang=lang, words=words, sentences=count, long_words=long_words, lix=None, band=None,
        avg_sentence_length=round(words / count, 1) if count else 0.0,
        long_sentences=len(long),
        long_sentence_share=round(len(long) / count, 3) if count else 0.0,
        longest_sentences=[s.text for s in sorted(found, key=lambda s: -len(s.words))[:LONGEST_SHOWN]],
    )
    if LIX in rules.figures:
        score.lix = round(swedish.lix(words, count, long_words), 1)
    if FLESCH in rules.figures:
        all_words = [w for s in found for w in s.words]
        score.syllables = english.count_syllables(all_words)
        score.flesch = round(english.flesch(words, count, score.syllables), 1)
    if rules.measure is not None:
        score.band = rules.measure.band(rules.measure.value(score))
    if "nominal" in rules.findings:
        score.nominal_ratio = nominal.nominal_ratio(found)
    score.findings = _findings(blocks, found, rules.findings, glossary)
    return score


def _findings(blocks: Sequence[Block], found: list[swedish.Sentence], kinds: frozenset[str],
              glossary: frozenset[str]) -> list[Finding]:
    # Quoted examples are counted but are no findings (text.py): blocks marked as examples are left
    # out, and quotations inside other blocks are blanked before the words are looked at.
    own_blocks = [Block(b.kind, unquoted(b.text), b.example, b.explained) for b in blocks if not b.example]
    findings = []
    for sentence in found:
        if blocks[sentence.block].example:
            continue
        if "long_sentence" in kinds and len(sentence.words) > LONG_SENTENCE:
            n = len(sentence.words)
            findings.append(Finding("long_sentence", sentence.text, f"Lång mening: {n} ord", f"Long sentence: {n} words"))
        own = _unquoted_sentence(sentence)
        if "passive" in kinds:
            hits = passive.passive_words(own)
            if hits:
                joined = ", ".join(hits)
                findings.append(Finding("passive", sentence.text, f"Passiv form: {joined}", f"Passive voice: {joined}"))
        if "nominal" in kinds and blocks[sentence.block].kind != "dt":  # a glossary's term is what it explains
            for word in nominal.nominalisations(own):
                findings.append(Finding("nominal", word, "Substantivering: skriv hellre med ett verb",
                                        "Nominalisation: a verb is often plainer"))
    if "uncommon_word" in kinds:
        own_sentences = [_unquoted_sentence(s) for s in found if not blocks[s.block].example and blocks[s.block].kind != "dt"]
        for word in nominal.uncommon_words(own_sentences, glossary):
            findings.append(Finding("uncommon_word", word, "Ovanligt ord: förklara det eller välj ett vanligare",
                                    "Uncommon word: explain it or choose a commoner one"))
    if "stiff_word" in kinds:
        for block in own_blocks:
            if block.kind != "heading":
                for word, instead in stiff_words.find(block.text):
                    findings.append(Finding("stiff_word", word, f"Krångligt ord, skriv hellre: {instead}",
                                            f"Stiff word, plainer: {instead}"))
    if "abbreviation" in kinds:
        for acronym in abbreviations.unexplained(own_blocks, glossary):
            findings.append(Finding("abbreviation", acronym, "Oförklarad förkortning, skriv ut den eller lägg den i ordlistan",
                                    "Unexplained abbreviation: write it out or add it to the glossary"))
    findings.extend(f for f in _length_findings(blocks, found) if f.kind in kinds)
    return findings


def _unquoted_sentence(sentence: swedish.Sentence) -> swedish.Sentence:
    """The sentence without its quotations (they are examples, not the page's own words)."""
    text = unquoted(sentence.text)
    if text is sentence.text:
        return sentence
    words = tuple(w for w in (swedish.strip(t) for t in text.split()) if w)
    return swedish.Sentence(sentence.text, words, sentence.block)


def _length_findings(blocks: Sequence[Block], found: list[swedish.Sentence]) -> list[Finding]:
    per_block: dict[int, int] = {}
    for sentence in found:
        per_block[sentence.block] = per_block.get(sentence.block, 0) + len(sentence.words)
    findings = []
    section_words, section_start = 0, None
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            section_words, section_start = 0, block.text
            continue
        n = per_block.get(index, 0)
        if block.kind == "p" and n > LONG_PARAGRAPH:
            start = " ".join(block.text.split()[:8]) + " …"
            findings.append(Finding("long_paragraph", start, f"Långt stycke: {n} ord", f"Long paragraph: {n} words"))
        before = section_words
        section_words += n
        if before <= LONG_SECTION < section_words:
            where = section_start or "sidans början"
            findings.append(Finding("long_section", where, f"Mer än {LONG_SECTION} ord utan mellanrubrik",
                                    f"More than {LONG_SECTION} words without a subheading"))
    return findings
