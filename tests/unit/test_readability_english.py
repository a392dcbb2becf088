"""English scores with no network: syllables from the installed CMU dictionary, then pyphen."""

from __future__ import annotations

import socket

import pytest

from klarsida.readability import english, score_text


def test_syllables_from_the_cmu_dictionary():
    assert [english.syllables(w) for w in ("cat", "readability", "people", "Meeting")] == [1, 5, 2, 2]


def test_words_missing_from_the_dictionary_fall_back_to_pyphen():
    # "Norrehed" is not in the CMU dictionary; pyphen splits it into at least two parts.
    assert english._cmu("norrehed") is None
    assert english.syllables("Norrehed") >= 2
    assert english.syllables("six-month") == 2  # a compound the dictionary lacks: its parts
    assert english.syllables("17:30") == 1


def test_our_pyphen_shortcut_hyphenates_exactly_like_pyphen():
    import random

    import pyphen

    full = pyphen.Pyphen(lang=english.PYPHEN_LANG)
    rng = random.Random(2018)
    words = ["norrehed", "helsingborg", "kvarn", "subheading", "hyphenation", "vuxenutbildning", "a", "ab"]
    words += ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 16))) for _ in range(2000)]
    assert [english.hyphen_positions(w) for w in words] == [full.positions(w) for w in words]


def test_flesch_from_counts_uses_textstats_english_constants():
    from textstat.backend.utils._get_lang_cfg import get_lang_cfg

    assert (english.FRE_BASE, english.FRE_SENTENCE_LENGTH, english.FRE_SYLLABLES_PER_WORD) == (
        get_lang_cfg("en", "fre_base"), get_lang_cfg("en", "fre_sentence_length"),
        get_lang_cfg("en", "fre_syll_per_word"))
    # "The cat sat on the mat.": 6 words, 1 sentence, 6 syllables.
    score = score_text("The cat sat on the mat.", "en")
    assert (score.words, score.sentences, score.syllables) == (6, 1, 6)
    assert score.flesch == round(206.835 - 1.015 * 6 - 84.6 * 1, 1) == 116.1
    assert score.band == "very easy"


def test_english_abbreviations_do_not_end_sentences():
    score = score_text("Bring food, e.g. bread. We start at 5:30pm: see you.", "en")
    assert score.sentences == 3  # "Bring food, e.g. bread." | "We start at 5:30pm:" | "see you."


def test_no_network_is_touched(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("readability tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    # Words no other test scores, so they are looked up (not remembered) under the refusing socket.
    score = score_text("Volunteers organise a screening of documentaries in Helsingborg about kayaks.", "en")
    assert score.flesch is not None and score.syllables >= 15


@pytest.mark.parametrize("value,expected", [(95, "very easy"), (65, "plain English"), (10, "very difficult")])
def test_flesch_bands(value, expected):
    assert english.flesch_band(value) == expected
