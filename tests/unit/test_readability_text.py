"""Markdown → counted blocks, with the same Markdown extensions as the site."""

from __future__ import annotations

from klarsida.readability.text import markdown_blocks, plain_blocks


def test_blocks_by_kind():
    source = (
        "# Titel\n\nEtt stycke med [länk](https://example.org).\n\n"
        "- punkt ett\n- punkt två\n\n"
        "!!! note \"Obs\"\n    Text i rutan.\n\n"
        "Term\n:   Förklaring.\n"
    )
    blocks = [(b.kind, b.text) for b in markdown_blocks(source)]
    assert blocks == [
        ("heading", "Titel"), ("p", "Ett stycke med länk."), ("li", "punkt ett"), ("li", "punkt två"),
        ("heading", "Obs"), ("p", "Text i rutan."), ("dt", "Term"), ("dd", "Förklaring."),
    ]


def test_html_in_markdown_keeps_text_and_drops_tags_and_scripts():
    blocks = markdown_blocks('<p>Hej <strong>du</strong>.</p>\n\n<script>var x = "inte text";</script>\n')
    assert [(b.kind, b.text) for b in blocks] == [("p", "Hej du.")]


def test_nested_list_items_are_separate_blocks():
    blocks = markdown_blocks("- ett\n    - två\n- tre\n")
    assert [b.text for b in blocks] == ["ett", "två", "tre"]


def test_plain_text_paragraphs():
    assert [b.text for b in plain_blocks("Ett.\nTvå.\n\n\nTre")] == ["Ett. Två.", "Tre"]
