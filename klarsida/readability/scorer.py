"""Scores for one text: counts, LIX or Flesch, sentence length and findings.

Results are cached by a hash of the text, its language, the glossary and the stiff-word list, so
the second language build and `mkdocs serve` rebuilds reuse them. STATS records the time spent.
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import abbreviations, disk_cache, english, passive, stiff_words, swedish
from .text import Block, markdown_blocks, plain_blocks

LONG_SENTENCE = 20  # words; a sentence with more is long
LONG_PARAGRAPH = 150  # words
LONG_SECTION = 300  # words without a subheading
LONGEST_SHOWN = 3

# Time spent scoring in this process: wall-clock and CPU seconds (CPU time is steadier on a busy machine).
STATS = {"seconds": 0.0, "cpu": 0.0, "import_cpu": 0.0, "scored": 0, "cached": 0, "from_disk": 0}


@dataclass(frozen=True)
class Finding:
    """Something a reviewer should look at. `text` is the sentence or word as written."""

    kind: str  # long_sentence, passive, stiff_word, abbreviation, long_paragraph, long_section
    text: str
    note_sv: str
    note_en: str


@dataclass
class Score:
    lang: str
    words: int
    sentences: int
    long_words: int
    lix: float
    band: str
    avg_sentence_length: float
    long_sentences: int
    long_sentence_share: float
    longest_sentences: list[str]
    flesch: float | None = None
    syllables: int | None = None
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

    def to_dict(self) -> dict[str, Any]:
        """What reports show: English measures only for pages that are not Swedish."""
        data = self.as_dict()
        if self.lang == "sv":
            del data["flesch"], data["syllables"]
        return data


_cache: dict[str, Score] = {}
_depth = 0


def timed(function):
    """Add the time of the outermost call to STATS, so nested calls are not counted twice."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        global _depth
        _depth += 1
        started, started_cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            _depth -= 1
            if _depth == 0:
                STATS["seconds"] += time.perf_counter() - started
                STATS["cpu"] += time.process_time() - started_cpu

    return wrapper


def _key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


@timed
def score_text(source: str, lang: str, glossary: frozenset[str] = frozenset(), markdown: bool = True) -> Score:
    """Score a Markdown body (front matter removed) or plain text, cached by content hash."""
    key = _key(lang, "md" if markdown else "txt", source, "\n".join(sorted(glossary)), stiff_words.fingerprint())
    score = _cache.get(key)
    if score is not None:
        STATS["cached"] += 1
        return score
    stored = disk_cache.get(key)
    if stored is not None:
        score = Score.from_dict(stored)
        STATS["from_disk"] += 1
    else:
        blocks = markdown_blocks(source) if markdown else plain_blocks(source)
        score = score_blocks(blocks, lang, glossary)
        disk_cache.put(key, score.as_dict())
        STATS["scored"] += 1
    _cache[key] = score
    return score


def known_scores() -> dict[str, Score]:
    """Every score this process holds, by key: what a second process hands back to the build."""
    return dict(_cache)


def adopt(scores: dict[str, Score], stats: dict[str, Any]) -> None:
    """Take the scores and costs of a second process, so this one need not score those texts."""
    for key, score in scores.items():
        _cache.setdefault(key, score)
    for name in ("scored", "from_disk"):
        STATS[name] += stats.get(name, 0)
    STATS["background_seconds"] = STATS.get("background_seconds", 0.0) + stats.get("seconds", 0.0)


def score_blocks(blocks: Sequence[Block], lang: str, glossary: frozenset[str] = frozenset()) -> Score:
    abbrevs = swedish.ABBREVIATIONS_SV if lang == "sv" else english.ABBREVIATIONS
    found = swedish.sentences(blocks, abbrevs)
    words = sum(len(s.words) for s in found)
    long_words = sum(s.long_words for s in found)
    count = len(found)
    long = [s for s in found if len(s.words) > LONG_SENTENCE]
    lix = round(swedish.lix(words, count, long_words), 1)
    score = Score(
        lang=lang, words=words, sentences=count, long_words=long_words, lix=lix,
        band=swedish.band(lix, lang if lang == "sv" else "en"),
        avg_sentence_length=round(words / count, 1) if count else 0.0,
        long_sentences=len(long),
        long_sentence_share=round(len(long) / count, 3) if count else 0.0,
        longest_sentences=[s.text for s in sorted(found, key=lambda s: -len(s.words))[:LONGEST_SHOWN]],
    )
    if lang != "sv":
        all_words = [w for s in found for w in s.words]
        score.syllables = english.count_syllables(all_words)
        score.flesch = round(english.flesch(words, count, score.syllables), 1)
        score.band = english.flesch_band(score.flesch)
    score.findings = _findings(blocks, found, lang, glossary)
    return score


def _findings(blocks: Sequence[Block], found: list[swedish.Sentence], lang: str, glossary: frozenset[str]) -> list[Finding]:
    findings = []
    for sentence in found:
        if len(sentence.words) > LONG_SENTENCE:
            n = len(sentence.words)
            findings.append(Finding("long_sentence", sentence.text, f"Lång mening: {n} ord", f"Long sentence: {n} words"))
        if lang == "sv":
            hits = passive.passive_words(sentence)
            if hits:
                joined = ", ".join(hits)
                findings.append(Finding("passive", sentence.text, f"Passiv form: {joined}", f"Passive voice: {joined}"))
    if lang == "sv":
        for block in blocks:
            if block.kind != "heading":
                for word, instead in stiff_words.find(block.text):
                    findings.append(Finding("stiff_word", word, f"Krångligt ord, skriv hellre: {instead}",
                                            f"Stiff word, plainer: {instead}"))
    for acronym in abbreviations.unexplained(blocks, glossary):
        findings.append(Finding("abbreviation", acronym, "Oförklarad förkortning, skriv ut den eller lägg den i ordlistan",
                                "Unexplained abbreviation: write it out or add it to the glossary"))
    findings.extend(_length_findings(blocks, found))
    return findings


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
