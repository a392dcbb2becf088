"""Page bodies rendered once, as MkDocs renders them, for links, safety and readability."""

from __future__ import annotations

import yaml

from klarsida import markup
from tests.conftest import REPO


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name tags (e.g. a slugify function); keep them as text."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: suffix)


def test_markdown_extensions_match_mkdocs_yml():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    configured = {}
    for entry in config["markdown_extensions"]:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        configured[name] = options or {}
    assert configured == markup.MARKDOWN_EXTENSIONS


def test_heading_ids_are_made_like_mkdocs_toc():
    html = markup.render_markdown("# Om gruppen\n\n## Vilka är med?\n\n## Vilka är med?\n\n## Så får ni betalt {#betalt}\n")
    assert 'id="vilka-ar-med"' in html and 'id="vilka-ar-med_1"' in html and 'id="betalt"' in html


def test_one_instance_forgets_the_previous_page():
    # The Markdown instance is reused: ids and reference links of one page must not leak into the next.
    markup.render_markdown("## Start\n\n[ref]: https://example.org\n")
    html = markup.render_markdown("## Start\n\nSe [här][ref].\n")
    assert 'id="start"' in html and "start_1" not in html and "example.org" not in html


def test_each_text_is_converted_and_parsed_once(monkeypatch):
    markup.retain(())
    calls = []
    real = markup.elements
    monkeypatch.setattr(markup, "elements", lambda html: calls.append(html) or real(html))
    body = "[Om gruppen](about.md)\n"
    first = markup.body_elements(body)
    assert markup.body_elements(body) is first and len(calls) == 1
    assert [(e.tag, e.get("href")) for e in first] == [("p", None), ("a", "about.md")]


def test_retain_forgets_texts_no_page_holds():
    markup.render_markdown("Gammal text.\n")
    markup.render_markdown("Ny text.\n")
    markup.retain(["Ny text.\n"])
    assert set(markup._html) == {"Ny text.\n"}


def test_tags_are_read_as_browsers_read_them():
    (link,) = [e for e in markup.elements('<a href="java&#115;cript:alert(1)" ONCLICK="x">a</a>') if e.tag == "a"]
    assert link.get("href") == "javascript:alert(1)" and link.get("onclick") == "x"
