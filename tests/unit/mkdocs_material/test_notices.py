"""MkDocs' INFO notices that are wrong for pages the engine handles are dropped, the rest kept."""

from __future__ import annotations

import logging

from klarsida.mkdocs_material.adapter import MkDocsAdapter, _NoticesTheEngineAnswers
from klarsida.project import load_project
from klarsida.session import Session


def _record(message: str, level: int = logging.INFO) -> logging.LogRecord:
    return logging.LogRecord("mkdocs.structure.pages", level, __file__, 1, message, None, None)


def test_nav_and_anchor_notices_are_dropped_only_where_the_engine_answers(tree, monkeypatch):
    root = tree({
        "mkdocs.yml": "site_name: Test\ndocs_dir: content\n",
        "content/index.sv.md": "---\ntitle: Start\n---\n## Våra möten\n\nVälkommen.\n",
        "content/about.sv.md": "---\ntitle: Om\n---\nVi är en grupp.\n",
    })
    monkeypatch.chdir(root)
    adapter = MkDocsAdapter()
    adapter.session = Session(load_project())
    adapter.session.load(background_checks=False)
    notices = _NoticesTheEngineAnswers(adapter)
    nav = 'The following pages exist in the docs directory, but are not included in the "nav" configuration:\n  - {}'
    anchor = "Doc file '{}' contains a link '#{}', but there is no such anchor on this page."

    assert not notices.filter(_record(nav.format("about.sv.md")))
    assert notices.filter(_record(nav.format("about.sv.md\n  - stray.html.md")))  # a page the engine does not know
    assert not notices.filter(_record(anchor.format("index.sv.md", "vara-moten")))  # the page has it
    assert notices.filter(_record(anchor.format("index.sv.md", "nowhere")))  # it does not: kept
    assert notices.filter(_record(nav.format("about.sv.md"), logging.WARNING))  # never a warning
    assert notices.filter(_record("Documentation built in 1.0 seconds"))
