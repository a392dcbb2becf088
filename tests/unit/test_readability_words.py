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


# Issue 17, point 3: explained where they are used --------------------------------------------------

def test_an_abbreviation_must_be_written_out_at_its_first_use():
    later = [Block("p", "LSS gäller alla."), Block("p", "Lagen om stöd och service (LSS) ger rätt.")]
    assert unexplained(later, frozenset()) == ["LSS"]
    first = [Block("p", "Lagen om stöd och service (LSS) ger rätt."), Block("p", "LSS gäller alla.")]
    assert unexplained(first, frozenset()) == []


def test_capitals_mixed_with_small_letters_are_abbreviations_too():
    assert acronyms_in("SoL") == ["SoL"] and acronyms_in("HSL:s") == ["HSL"]
    assert acronyms_in("YouTube") == [] and acronyms_in("Helsingborg") == []
    score = score_text("Stödet ges enligt SoL och LSS.", "sv")
    assert [f.text for f in score.findings if f.kind == "abbreviation"] == ["SoL", "LSS"]


def test_an_abbr_title_or_a_glossary_link_explains_it_where_it_stands():
    source = ('Stödet ges enligt <abbr title="socialtjänstlagen">SoL</abbr> och '
              '[LSS](glossary.md#lss). AMF hjälper dig.')
    score = score_text(source, "sv")
    assert [f.text for f in score.findings if f.kind == "abbreviation"] == ["AMF"]


def test_the_glossary_gives_the_expansion_the_build_shows():
    from klarsida.readability.abbreviations import glossary_expansions

    blocks = markdown_blocks("# Ordlista\n\nAMF\n:   Arbetsmarknadsförvaltningen. Den del av staden som hjälper dig.\n\n"
                             "Arvode\n:   Betalning för ett uppdrag.\n")
    assert glossary_expansions(blocks) == {"AMF": "Arbetsmarknadsförvaltningen"}


def test_an_abbreviation_in_the_definition_does_not_end_its_first_sentence():
    """The scorer's sentences: "t.ex." is no sentence end (the expansion was cut at "t.ex")."""
    from klarsida.readability.abbreviations import glossary_expansions

    blocks = markdown_blocks("LSS\n:   Lagen om stöd och service, t.ex. personlig assistans. Mer om lagen.\n")
    assert glossary_expansions(blocks) == {"LSS": "Lagen om stöd och service, t.ex. personlig assistans"}


def test_a_page_gets_expansions_only_from_the_glossary_in_its_own_language(tree):
    from klarsida.readability.pages import site_expansions
    from klarsida.readability.scorer import Scorer
    from klarsida.site import load_site

    root = tree({
        "content/glossary.sv.md": "---\ntitle: Ordlista\n---\n\nAMF\n:   Arbetsmarknadsförvaltningen.\n",
        "content/about.sv.md": "---\ntitle: Om oss\n---\n\nAMF hjälper dig.\n",
        "content/about.en.md": "---\ntitle: About us\n---\n\nAMF helps you.\n",
    })
    site = load_site(root / "content", root)
    scorer = Scorer()
    assert site_expansions(scorer, site, "sv") == {"AMF": "Arbetsmarknadsförvaltningen"}
    assert site_expansions(scorer, site, "en") == {}  # no Swedish text on the English page


def test_the_build_wraps_the_first_use_in_abbr_with_its_expansion():
    from klarsida.readability.abbreviations import expand_html

    html = ('<h2>Om AMF</h2><p>Vi och AMF:s kontor, LSS och IT-stöd. AMF igen.</p>'
            '<p><code>LSS</code></p><p>LSS sist.</p>')
    out = expand_html(html, {"AMF": "Arbetsmarknads<förvaltningen>", "LSS": "Lagen om stöd och service",
                             "IT": "Informationsteknik"})
    assert out.startswith("<h2>Om AMF</h2>")  # headings are left alone
    assert '<abbr title="Arbetsmarknads&lt;förvaltningen&gt;">AMF</abbr>:s kontor' in out
    assert '<abbr title="Lagen om stöd och service">LSS</abbr> och <abbr title="Informationsteknik">IT</abbr>-stöd' in out
    assert out.count("<abbr") == 3 and "AMF igen" in out and "<code>LSS</code>" in out
    # What the browser reads: three abbr elements with their titles.
    import html5lib

    tree = html5lib.parse(out, namespaceHTMLElements=False)
    assert [(a.text, a.get("title")) for a in tree.iter("abbr")] == [
        ("AMF", "Arbetsmarknads<förvaltningen>"), ("LSS", "Lagen om stöd och service"), ("IT", "Informationsteknik")]


# Issue 17, point 4: quoted examples are no findings --------------------------------------------------

def test_quoted_examples_are_counted_but_are_no_findings():
    quoted = score_text('Skriv inte ”erhålla”, ”t.ex.” eller "ska anpassas". Undvik «LSS» och “SoL”.', "sv")
    assert quoted.findings == []
    plain = score_text("Skriv inte erhålla eller ska anpassas. Undvik LSS.", "sv")
    assert {f.kind for f in plain.findings} == {"stiff_word", "passive", "abbreviation"}
    assert quoted.words > plain.words  # the quotations are still words of the LIX


def test_an_example_block_is_no_finding():
    source = '!!! example "Så skriver du inte"\n\n    Beslutet fattades av nämnden enligt SoL.\n\nVi fattade beslutet.'
    score = score_text(source, "sv")
    assert score.findings == [] and score.words == 9  # counted all the same


def test_the_rules_page_is_clean():
    """content/klarsprak.*.md quote what to avoid: no findings on them."""
    from klarsida.frontmatter import read_source
    from tests.conftest import REPO

    for lang in ("sv", "en"):
        path = REPO / "content" / f"klarsprak.{lang}.md"
        source, _ = read_source(path, str(path))
        glossary, _ = read_source(REPO / "content" / f"glossary.{lang}.md", "glossary")
        from klarsida.readability.scorer import Scorer

        scorer = Scorer()
        score = scorer.score_text(source.body, lang, scorer.glossary_terms(glossary.body, lang))
        assert score.findings == [], [(f.kind, f.text) for f in score.findings]
