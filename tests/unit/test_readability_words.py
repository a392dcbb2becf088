"""Stiff words from the editable data file, and unexplained abbreviations."""

from __future__ import annotations

import pytest

from klarsida.errors import ContentInvalid
from klarsida.readability import score_text
from klarsida.readability.abbreviations import acronyms_in, unexplained
from klarsida.readability.stiff_words import find, parse, stiff_words
from klarsida.readability.text import Block, markdown_blocks


def test_the_data_file_loads_and_has_the_issue_examples():
    forms = {w.phrase: w.instead for w in stiff_words()}
    assert forms["erhålla"] == "få" and forms["inneha"] == "ha" and forms["beträffande"] == "om"
    assert forms["tillhandahålla"] == "ge" and forms["i syfte att"] == "för att"


def test_find_whole_words_and_phrases_in_any_case():
    text = "Vi erhöll pengar I syfte att hjälpa. Beträffande mat, t.ex. bröd. Erhållning och samtal."
    assert find(text) == [("erhöll", "få"), ("I syfte att", "för att"), ("Beträffande", "om"),
                          ("t.ex", "till exempel")]


def test_a_phrase_needs_its_words_in_order():
    assert find("i syftet att") == [] and find("syfte att") == []


def test_custom_list_and_clear_errors():
    words = tuple(parse("- ord: [nyttja]\n  byt_till: använda\n"))
    assert find("Vi nyttja det.", words) == [("nyttja", "använda")]
    with pytest.raises(ContentInvalid) as bad:
        parse("- ord: [nyttja]\n")
    assert "byt_till" in str(bad.value) and "post 1" in str(bad.value)
    with pytest.raises(ContentInvalid) as bad:
        parse("- ord: [\n")
    assert "YAML" in str(bad.value)


def test_stiff_words_become_findings_in_swedish_only():
    sv = score_text("Du erhåller ett svar.", "sv")
    assert [(f.kind, f.text) for f in sv.findings] == [("stiff_word", "erhåller")]
    assert score_text("You erhåller nothing.", "en").findings == []


@pytest.mark.parametrize("token,expected", [
    ("AMF:s", ["AMF"]), ("IT-stöd", ["IT"]), ("(LSS),", ["LSS"]), ("Helsingborg", []), ("I", []),
    ("EU2020", ["EU2020"]), ("Komvux", []),
])
def test_acronyms_in_tokens(token, expected):
    assert acronyms_in(token) == expected


def test_unexplained_abbreviations():
    blocks = [Block("heading", "Om LIX"), Block("p", "Vi jobbar med LSS, AMF:s kontor och IT-stöd. LSS igen.")]
    assert unexplained(blocks, frozenset({"AMF"})) == ["LSS", "IT"]


def test_written_out_on_the_page_in_brackets():
    blocks = [Block("p", "Lagen om stöd och service (LSS) ger rätt."), Block("p", "LSS gäller alla."),
              Block("p", "AMF (arbetsmarknadsförvaltningen) hjälper dig.")]
    assert unexplained(blocks, frozenset()) == []


def test_glossary_terms_come_from_the_definition_list():
    from klarsida.readability.abbreviations import glossary_terms
    blocks = markdown_blocks("# Ordlista\n\nIntro.\n\nAMF\n:   Arbetsmarknadsförvaltningen.\n\nLSS\n:   Lagen.\n")
    assert glossary_terms(blocks) == {"AMF", "LSS"}
    score = score_text("Vi jobbar med LSS och AMF.", "sv", glossary_terms(blocks))
    assert [f for f in score.findings if f.kind == "abbreviation"] == []
