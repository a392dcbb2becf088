"""Markdown → counted blocks, with the same Markdown extensions as the site."""

from __future__ import annotations

import yaml

from klarsida.readability.text import EXTENSIONS, markdown_blocks, plain_blocks
from tests.conftest import REPO


def test_extensions_match_mkdocs_yml():
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold !!python/name tags; they are irrelevant here.
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert names == EXTENSIONS


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
