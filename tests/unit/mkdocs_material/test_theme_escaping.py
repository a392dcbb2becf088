"""Front-matter values the theme prints raw become escaped Markup, once, and stay text."""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from klarsida.mkdocs_material.theme import as_text, escape_theme_meta

EVIL = '<script>alert("x")</script> & \'q\' {{ 7*7 }}'


def test_title_and_description_are_escaped_in_place():
    meta = {"title": EVIL, "description": EVIL, "hide": ["toc"], "summary": EVIL}
    assert escape_theme_meta(meta) is meta
    assert meta["title"] == Markup("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;q&#39; {{ 7*7 }}")
    assert isinstance(meta["description"], Markup)
    # Fields the theme does not print stay as the engine reads them.
    assert meta["hide"] == ["toc"] and meta["summary"] == EVIL and not isinstance(meta["summary"], Markup)


def test_escaping_twice_changes_nothing():
    once = as_text(EVIL)
    assert as_text(once) is once
    assert escape_theme_meta({"title": once})["title"] == once


def test_theme_templates_print_text_with_autoescape_off():
    # MkDocs renders theme templates with autoescape off; Material prints titles raw or with |e.
    env = Environment(autoescape=False)
    meta = escape_theme_meta({"title": EVIL})
    raw = env.from_string("{{ t }}|{{ t | e }}|{{ t | striptags | e }}").render(t=meta["title"])
    expected = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;q&#39; {{ 7*7 }}"
    assert raw.split("|")[:2] == [expected, expected]
    assert "<script>" not in raw and "49" not in raw


def test_non_text_values_are_left_alone():
    assert as_text(None) is None and as_text(3) == 3 and as_text(["a"]) == ["a"]
