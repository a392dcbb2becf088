"""Page bodies rendered once per session, as the generator renders them, for links, safety and readability."""

from __future__ import annotations

from klarsida import markup
from klarsida.markup import Markup


def test_heading_ids_are_made_like_the_toc_extension():
    html = Markup().html("# Om gruppen\n\n## Vilka är med?\n\n## Vilka är med?\n\n## Så får ni betalt {#betalt}\n")
    assert 'id="vilka-ar-med"' in html and 'id="vilka-ar-med_1"' in html and 'id="betalt"' in html


def test_the_projects_extensions_are_used():
    assert "<dl>" in Markup().html("Ord\n:   Förklaring.\n")  # def_list is in the default dialect
    assert "<dl>" not in Markup({"toc": {}}).html("Ord\n:   Förklaring.\n")


def test_one_instance_forgets_the_previous_page():
    # The Markdown instance is reused: ids and reference links of one page must not leak into the next.
    session_markup = Markup()
    session_markup.html("## Start\n\n[ref]: https://example.org\n")
    html = session_markup.html("## Start\n\nSe [här][ref].\n")
    assert 'id="start"' in html and "start_1" not in html and "example.org" not in html


def test_each_text_is_converted_and_parsed_once(monkeypatch):
    calls = []
    real = markup.elements
    monkeypatch.setattr(markup, "elements", lambda html: calls.append(html) or real(html))
    session_markup = Markup()
    body = "[Om gruppen](about.md)\n"
    first = session_markup.body_elements(body)
    assert session_markup.body_elements(body) is first and len(calls) == 1
    assert [(e.tag, e.get("href")) for e in first] == [("p", None), ("a", "about.md")]


def test_retain_forgets_texts_no_page_holds():
    session_markup = Markup()
    session_markup.html("Gammal text.\n")
    session_markup.html("Ny text.\n")
    session_markup.retain(["Ny text.\n"])
    assert session_markup.converted() == {"Ny text.\n"}


def test_tags_are_read_as_browsers_read_them():
    (link,) = [e for e in markup.elements('<a href="java&#115;cript:alert(1)" ONCLICK="x">a</a>') if e.tag == "a"]
    assert link.get("href") == "javascript:alert(1)" and link.get("onclick") == "x"
