"""Swedish alphabetical order from ICU, and the glossary check that uses it."""

from klarsida.checks import check_site
from klarsida.collation import first_out_of_order, sorted_words
from klarsida.glossary import definition_lists
from klarsida.session import Session
from klarsida.site import load_site


def test_swedish_order_puts_a_ring_a_umlaut_o_umlaut_after_z_and_ignores_case_first():
    words = ["Öppen", "LSS", "Zebra", "Ärende", "Åtgärd", "Komvux", "Ledningsgruppen", "LIX", "Klarspråk",
             "Kompetenscenter"]
    assert sorted_words(words, "sv") == ["Klarspråk", "Kompetenscenter", "Komvux", "Ledningsgruppen", "LIX", "LSS",
                                         "Zebra", "Åtgärd", "Ärende", "Öppen"]
    # Python's own order is by code point: capitals first, and not what a Swedish reader expects.
    assert sorted(words) != sorted_words(words, "sv")
    # English readers file Å and Ä under A.
    assert sorted_words(["Zebra", "Åtgärd", "Arvode"], "en") == ["Arvode", "Åtgärd", "Zebra"]


def test_first_out_of_order():
    assert first_out_of_order(["Komvux", "Kompetenscenter"], "sv") == 1
    assert first_out_of_order(["Kompetenscenter", "Komvux", "Ö"], "sv") is None


BODY = """# Ordlista

Här förklarar vi ord.

Komvux
:   Skola för vuxna.

Kompetenscenter
:   Ett center.
    Mer text.

Klarspråk
:   Lätt text.

## Annat

Stycke.
"""


def test_definition_lists_are_found_with_their_lines():
    (terms,) = definition_lists(BODY)
    assert terms == [(4, "Komvux"), (7, "Kompetenscenter"), (11, "Klarspråk")]


def test_a_glossary_out_of_order_is_an_error_saying_where_the_word_belongs(tree):
    root = tree({"content/glossary.sv.md": "---\ntitle: Ordlista\n---\n" + BODY})
    site = load_site(root / "content", root)
    errors = [e for e in check_site(site, Session()) if "bokstavsordning" in e.sv]
    assert len(errors) == 1
    error = errors[0]
    assert error.path == "content/glossary.sv.md" and error.line == 11  # the line of "Kompetenscenter"
    assert "Flytta Kompetenscenter så att det står före Komvux." in error.sv


def test_the_sites_glossaries_are_in_order():
    from tests.conftest import REPO

    for lang in ("sv", "en"):
        (terms,) = definition_lists((REPO / "content" / f"glossary.{lang}.md").read_text(encoding="utf-8"))
        assert first_out_of_order([t for _, t in terms], lang) is None
