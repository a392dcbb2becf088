"""The editors' fast preview: which pages a partial build must rebuild, and the merged search index."""

from __future__ import annotations

import json

import pytest

from klarsida.mkdocs_material import preview
from klarsida.model import Document
from klarsida.site import Site


def doc(key: str) -> Document:
    return Document(kind="page", rel=f"content/{key}.sv.md", doc_path=f"{key}.sv.md", key=key, lang="sv", meta={}, body="x")


@pytest.mark.parametrize("key, rebuilt", [
    ("index", True), ("meetings/index", True), ("meetings/2018", True), ("events/index", True),
    ("klarsprak", True), ("about", False), ("meetings/2018-06-14-sommar", False), ("events/2018-08-23-film", False),
])
def test_pages_built_from_other_pages_are_rebuilt_after_any_edit(key, rebuilt):
    assert preview.built_from_other_pages(Site(), doc(key)) is rebuilt


def test_recognises_mkdocs_warning_about_dirty_builds_only():
    assert preview.is_dirty_build_warning("A 'dirty' build is being performed, this will likely lead to ...")
    assert not preview.is_dirty_build_warning("Doc file 'a.md' contains a link 'b.md', but the target is not found")


def write_index(site, docs):
    path = site / "search" / "search_index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"config": {"lang": ["sv"]}, "docs": docs}), encoding="utf-8")


def read_index(site):
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_the_first_build_writes_the_whole_index_itself(tmp_path):
    merge = preview.SearchIndexMerge()
    merge.before_build(tmp_path)  # nothing there yet
    write_index(tmp_path, [{"location": "", "title": "Start"}])
    merge.after_build(tmp_path)
    assert read_index(tmp_path)["docs"] == [{"location": "", "title": "Start"}]


def test_a_partial_build_keeps_the_other_pages_entries(tmp_path):
    write_index(tmp_path, [{"location": "", "title": "Start"}, {"location": "about/", "title": "Om"},
                           {"location": "about/#mal", "title": "Mål"}, {"location": "m/", "title": "Gammal"}])
    merge = preview.SearchIndexMerge()
    merge.before_build(tmp_path)
    merge.page_built("m/")
    write_index(tmp_path, [{"location": "m/", "title": "Ny"}])  # what Material writes: the rebuilt page
    merge.after_build(tmp_path)
    index = read_index(tmp_path)
    assert index["config"] == {"lang": ["sv"]}
    assert sorted((d["location"], d["title"]) for d in index["docs"]) == [
        ("", "Start"), ("about/", "Om"), ("about/#mal", "Mål"), ("m/", "Ny")]
