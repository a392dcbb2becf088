"""LIX with the klarspråk group's conventions, on sentences counted by hand."""

from __future__ import annotations

import pytest

from klarsida.readability import score_text
from klarsida.readability.swedish import band, ends_sentence, is_long, lix, sentences, strip
from klarsida.readability.text import Block


def split(text: str) -> list[list[str]]:
    return [list(s.words) for s in sentences([Block("p", text)])]


def test_abbreviations_and_times_do_not_end_sentences():
    # 10 words, 1 sentence; no word has more than six letters ("foajén" has exactly six).
    score = score_text("Vi ses kl. 17.30 vid Röda kvarn, t.ex. i foajén.", "sv")
    assert (score.words, score.sentences, score.long_words, score.lix) == (10, 1, 0, 10.0)


@pytest.mark.parametrize("abbreviation", ["t.ex.", "bl.a.", "kl.", "dvs.", "m.m.", "d.v.s.", "osv.", "ca."])
def test_each_abbreviation_is_one_word_and_keeps_the_sentence_going(abbreviation):
    assert split(f"Vi tar {abbreviation} Sedan går vi.") == [["Vi", "tar", abbreviation.rstrip("."), "Sedan", "går", "vi"]]


def test_a_full_stop_after_a_number_ends_the_sentence_but_one_inside_does_not():
    assert split("Det kostar 17.30 kronor. Sedan går vi hem kl. 14:00.") == [
        ["Det", "kostar", "17.30", "kronor"], ["Sedan", "går", "vi", "hem", "kl", "14:00"]]


def test_colons_end_sentences():
    # "Så här gör du:" | "Ring oss." | "Mejla oss!" = 3 sentences, 8 words.
    score = score_text("Så här gör du: Ring oss. Mejla oss!", "sv")
    assert (score.words, score.sentences) == (8, 3)


def test_time_spans_genitives_and_hyphenated_words():
    # Mötet(5) är 14:00-15:30(0 letters) på AMF:s(4) kontor(6): 6 words, none long.
    score = score_text("Mötet är 14:00-15:30 på AMF:s kontor.", "sv")
    assert (score.words, score.sentences, score.long_words) == (6, 1, 0)
    # Skicka(6) e-post(5) till IT-stödet(8 letters): 4 words, 1 long.
    score = score_text("Skicka e-post till IT-stödet.", "sv")
    assert (score.words, score.long_words) == (4, 1)


def test_long_word_counts_letters_only():
    assert is_long("arbetsmarknad") and not is_long("foajén") and is_long("foajéer")
    assert not is_long("2018-06-14") and not is_long("14:00-15:30") and not is_long("IT-stöd")
    assert strip("(AMF:s),") == "AMF:s" and strip("–") == ""


def test_punctuation_alone_is_not_a_word():
    assert split("Vi ses – kanske i morgon .") == [["Vi", "ses", "kanske", "i", "morgon"]]


def test_closing_quotes_and_brackets_after_the_mark():
    assert ends_sentence("(snart).") and ends_sentence('"klart!"') and not ends_sentence("(t.ex.)")


def test_every_paragraph_list_item_and_table_cell_ends_a_sentence():
    source = (
        "Första stycket utan punkt\n\nAndra stycket\n\n"
        "- En punkt\n- Två ord här\n\n"
        "| Dag | Tid |\n| --- | --- |\n| måndag kväll | 17.30 |\n"
    )
    score = score_text(source, "sv")
    # 2 paragraphs (4+2 words), 2 items (2+3), 4 cells (1+1+2+1) = 8 sentences, 16 words.
    assert (score.sentences, score.words) == (8, 16)


def test_headings_code_and_link_urls_are_not_counted_but_link_text_is():
    source = (
        "# Rubrik med väldigt långa ordsammansättningar\n\n"
        "Läs [mer om oss](https://example.org/valdigt-lang-adress) här.\n\n"
        "Skriv `klarsida score` nu.\n\n"
        "```\nkodrad med ordsammansättningar\n```\n\n"
        "## Mellanrubrik\n\n<div class=\"x\">Ett ord</div>\n"
    )
    score = score_text(source, "sv")
    # "Läs mer om oss här." (5) | "Skriv nu." (2) | "Ett ord" (2): no long words.
    assert (score.words, score.sentences, score.long_words) == (9, 3, 0)


def test_definition_lists_count_terms_and_definitions():
    score = score_text("AMF\n:   Arbetsmarknadsförvaltningen i staden.\n", "sv")
    assert (score.words, score.sentences, score.long_words) == (4, 2, 1)


def test_lix_formula_on_a_hand_counted_text():
    # 12 words, 2 sentences; long: Förvaltningen(13) arbetsgrupper(13) träffas(7) Helsingborg(11)
    # torsdag(7) = 5.
    text = "Förvaltningen har tre arbetsgrupper. De träffas i Helsingborg varje torsdag kväll nu."
    score = score_text(text, "sv")
    assert (score.words, score.sentences, score.long_words) == (12, 2, 5)
    assert score.lix == round(12 / 2 + 100 * 5 / 12, 1) == 47.7


def test_sentence_length_measures():
    long_sentence = " ".join(["ord"] * 21) + "."
    score = score_text(f"Kort mening här. {long_sentence} En till.", "sv")
    assert score.sentences == 3 and score.long_sentences == 1
    assert score.long_sentence_share == round(1 / 3, 3)
    assert score.avg_sentence_length == round((3 + 21 + 2) / 3, 1)
    assert score.longest_sentences[0] == long_sentence
    assert [f.kind for f in score.findings] == ["long_sentence"]


def test_empty_text_scores_zero():
    assert lix(0, 0, 0) == 0.0
    assert score_text("# Bara rubrik\n", "sv").words == 0


@pytest.mark.parametrize("value,expected", [
    (10, "mycket lätt"), (24.9, "mycket lätt"), (25, "lätt"), (30, "lätt"), (30.1, "ganska lätt (normal)"),
    (40, "ganska lätt (normal)"), (40.1, "ganska svår"), (50, "ganska svår"), (55, "svår"), (60.5, "mycket svår"),
])
def test_bands_in_words(value, expected):
    assert band(value) == expected


def test_bands_in_english():
    assert band(35, "en") == "fairly easy (normal)" and band(61, "en") == "very hard"


def test_paragraph_and_section_length_findings():
    paragraph = " ".join(["ord"] * 151) + "."
    score = score_text(f"## Rubrik\n\n{paragraph}\n\n{paragraph}\n", "sv")
    kinds = [f.kind for f in score.findings]
    assert kinds.count("long_paragraph") == 2
    assert kinds.count("long_section") == 1
    assert [f.text for f in score.findings if f.kind == "long_section"] == ["Rubrik"]


def test_results_are_cached_by_content():
    from klarsida.readability import Scorer

    scorer = Scorer()
    text = "En text som bara det här testet använder, nummer 4711."
    first = scorer.score_text(text, "sv")
    again = scorer.score_text(text, "sv")
    assert scorer.stats["cached"] == 1 and scorer.stats["scored"] == 1
    assert again is first and again.words == 10
