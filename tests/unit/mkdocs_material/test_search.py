"""The whole site's search index split into one per language, each page once."""

from __future__ import annotations

import json

from klarsida.mkdocs_material.search import relative_location, split, write_split

INDEX = {
    "config": {"lang": ["sv", "en"], "separator": "[\\s\\-]+"},
    "docs": [
        {"location": "", "title": "Start", "text": "sv"},
        {"location": "events/film/", "title": "Film", "text": "sv"},
        {"location": "events/film/#efter", "title": "Efter filmen", "text": "sv"},
        {"location": "only-sv/", "title": "Bara svenska", "text": "sv"},
        {"location": "en/", "title": "Home", "text": "en"},
        {"location": "en/events/film/", "title": "Film", "text": "en"},
        {"location": "en/only-en/", "title": "Only English", "text": "en"},
    ],
}


def test_each_language_has_its_pages_and_borrows_the_rest_once():
    parts = split(INDEX, ("sv", "en"), "sv")
    assert parts["sv"]["config"] == {"lang": ["sv"], "separator": "[\\s\\-]+"}
    assert [d["location"] for d in parts["sv"]["docs"]] == [
        "", "events/film/", "events/film/#efter", "only-sv/", "en/only-en/"]
    assert parts["en"]["config"]["lang"] == ["en"]
    # Relative to en/: its own pages first, then the Swedish page it has no translation of.
    assert [d["location"] for d in parts["en"]["docs"]] == ["", "events/film/", "only-en/", "../only-sv/"]
    for part in parts.values():
        pages = [d["location"].split("#")[0].removeprefix("../").removeprefix("en/") for d in part["docs"]
                 if "#" not in d["location"]]
        assert len(pages) == len(set(pages))


def test_relative_location():
    assert relative_location("en/about/", "en", "sv") == "about/"
    assert relative_location("about/", "en", "sv") == "../about/"
    assert relative_location("en/about/", "sv", "sv") == "en/about/"


def test_write_split(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(INDEX), encoding="utf-8")
    written = write_split(tmp_path, ("sv", "en"), "sv")
    assert written == {"sv": tmp_path / "search" / "search_index.json",
                       "en": tmp_path / "en" / "search" / "search_index.json"}
    assert len(json.loads(written["en"].read_text(encoding="utf-8"))["docs"]) == 4
    assert write_split(tmp_path / "nothing", ("sv",), "sv") == {}


def test_fallback_copies_of_untranslated_pages_are_left_out_in_linear_time():
    """static-i18n builds an untranslated page again under en/ (fallback_to_default). Its entries,
    the same title, text and place as the Swedish ones, are dropped: the English index borrows the
    Swedish page once instead (what static-i18n's own, quadratic, `reconfigure_search` did)."""
    index = {"config": {"lang": ["sv", "en"]}, "docs": [
        {"location": "only-sv/", "title": "Bara svenska", "text": "sv"},
        {"location": "only-sv/#del", "title": "Del", "text": "sv del"},
        {"location": "en/only-sv/", "title": "Bara svenska", "text": "sv"},
        {"location": "en/only-sv/#del", "title": "Del", "text": "sv del"},
        {"location": "film/", "title": "Film", "text": "sv"},
        {"location": "en/film/", "title": "Film", "text": "en"},  # a translation: same title, own text
    ]}
    parts = split(index, ("sv", "en"), "sv")
    assert [d["location"] for d in parts["sv"]["docs"]] == ["only-sv/", "only-sv/#del", "film/"]
    assert [d["location"] for d in parts["en"]["docs"]] == ["film/", "../only-sv/", "../only-sv/#del"]


def test_the_adapter_takes_over_static_i18ns_duplicate_search():
    from types import SimpleNamespace

    from klarsida.mkdocs_material.languages import take_over_search_duplicates

    plugin = SimpleNamespace(config=SimpleNamespace(reconfigure_search=True))
    config = {"plugins": {"i18n": plugin}}
    assert take_over_search_duplicates(config) is True
    assert plugin.config.reconfigure_search is False
    assert take_over_search_duplicates(config) is False
