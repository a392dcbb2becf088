"""Nominal style and word difficulty (klarsida/readability/nominal.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from klarsida.readability import score_text
from klarsida.readability.nominal import is_nominalisation, is_uncommon, nominal_ratio, word_class
from klarsida.readability.swedish import sentences
from klarsida.readability.text import Block
from tests.conftest import REPO

PLAIN = "Vi skickar beslutet till dig. Du kan ringa oss om du har frågor. Vi hjälper dig gärna."
OFFICIAL = ("Handläggningen av ansökningar om ekonomiskt bistånd sker med beaktande av sökandens behov och "
            "möjligheter till självförsörjning inom ramen för gällande riktlinjer.")


@pytest.mark.parametrize("word,previous,following,expected", [
    ("handläggning", "", "", True),      # handlägga + -ning
    ("Handläggningen", "", "", True),
    ("tillgänglighet", "", "", True),    # -het
    ("händelse", "", "", False),         # lexicalised: the ordinary word
    ("upplevelse", "", "", True),        # uppleva + -else
    ("tidning", "", "", False),          # no verb "tida"
    ("förvaltningen", "", "", False),    # the organisation's name
    ("beaktande", "med", "av", True),    # -ande as a noun with its object
    ("deltagandet", "", "", True),       # definite: a noun
    ("gällande", "för", "riktlinjer", False),  # an adjective
    ("enhet", "", "", False),
])
def test_nominalisations(word, previous, following, expected):
    assert is_nominalisation(word, previous, following) is expected


def test_the_nominal_ratio_tells_plain_from_official_text():
    plain = nominal_ratio(sentences([Block("p", PLAIN)]))
    official = nominal_ratio(sentences([Block("p", OFFICIAL)]))
    assert plain < 0.5 < 1.5 < official


def test_word_classes_come_from_the_lexicon_and_compounds_by_their_last_part():
    assert word_class("ringa") == "V" and word_class("är") == "V"
    assert "N" in word_class("beslutet")
    assert word_class("arbetsmarknadsförvaltningen") == "N"  # not in the dictionary as a whole


@pytest.mark.parametrize("word,expected", [
    ("rekvirera", True),  # rare in Swedish text (Zipf 2.2 in wordfreq)
    ("avkortat", True), ("jämkning", True),
    ("ansökan", False), ("förvaltningarna", False),  # common, also inflected
    ("busshållplats", False), ("människohjälp", False),  # compounds of common words
    ("Helsingborg", False), ("LSS", False), ("kort", False),  # names, abbreviations, short words
])
def test_uncommon_words(word, expected):
    assert is_uncommon(word) is expected


def test_scores_carry_the_nominal_ratio_and_the_findings_in_swedish_only():
    score = score_text(OFFICIAL, "sv")
    assert score.nominal_ratio is not None and score.nominal_ratio > 1.5
    assert [f.text for f in score.findings if f.kind == "nominal"] == ["Handläggningen", "ansökningar", "beaktande",
                                                                        "möjligheter", "självförsörjning"]
    assert [f.text for f in score_text("Du kan rekvirera pengar.", "sv").findings] == ["rekvirera"]
    assert "nominal_ratio" in score.to_dict()
    english = score_text("The handling of applications takes account of needs.", "en")
    assert english.nominal_ratio is None and "nominal_ratio" not in english.to_dict()


def test_a_glossary_word_is_not_uncommon():
    assert [f.text for f in score_text("Du kan rekvirera pengar.", "sv").findings
            if f.kind == "uncommon_word"] == ["rekvirera"]
    explained = score_text("Du kan rekvirera pengar.", "sv", frozenset({"rekvirera"}))
    assert not [f for f in explained.findings if f.kind == "uncommon_word"]


def test_the_word_lists_are_generated_from_the_installed_packages():
    """klarsida/data/word_classes.sv.txt.gz and common_words.sv.txt.gz are what
    scripts/build_word_lists.py makes from hunspell-sv and wordfreq (requirements-test.lock)."""
    done = subprocess.run([sys.executable, "scripts/build_word_lists.py", "--check"], capture_output=True,
                          text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr + done.stdout
