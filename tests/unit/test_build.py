"""The build API: content loaded once per change, checked here or in a second process, same verdict."""

from __future__ import annotations

import pytest

from klarsida import build
from klarsida.errors import ContentInvalid
from klarsida.readability import scorer

SETTINGS = {"readability": {"sv": {"lix_max": 40}}}
HARD = "Beträffande tillhandahållandet av handläggningsrutiner förutsätts implementeringsprocessen. " * 3


def site_files(link: str = "about.md") -> dict[str, str]:
    return {
        "content/index.sv.md": f"---\ntitle: Start\n---\n\nVi ses snart. Läs [om oss]({link}).\n",
        "content/about.sv.md": f"---\ntitle: Om oss\n---\n\n{HARD}\n",
        "content/about.en.md": "---\ntitle: About us\n---\n\nWe meet every month.\n",
    }


@pytest.fixture(autouse=True)
def fresh():
    build._cache.clear()
    scorer._cache.clear()
    yield
    build._cache.clear()


def verdict(root, background: bool):
    build._cache.clear()
    state = build.prepare(root / "content", root, SETTINGS, background=background)
    folder = state._pending[1] if state._pending else None
    try:
        return ("warnings", build.finish(state))
    except ContentInvalid as exc:
        return ("errors", exc.errors)
    finally:
        assert folder is None or not folder.exists(), "the second process's folder was left behind"


def test_a_second_process_finds_exactly_what_the_build_process_finds(tree):
    root = tree(site_files(link="nowhere.md"))
    here = verdict(root, background=False)
    there = verdict(root, background=True)
    assert here[0] == there[0] == "errors"
    assert here[1] == there[1] and "nowhere.md" in here[1][0].sv


def test_warnings_and_scores_come_back_from_the_second_process(tree):
    root = tree(site_files())
    state = build.prepare(root / "content", root, SETTINGS, background=True)
    assert not state.checked
    warnings = build.finish(state)
    assert state.checked and [(w.path, w.field) for w in warnings] == [("content/about.sv.md", "lix")]
    # Every page's score is now in this process too: the report page needs no scoring of its own.
    assert len(scorer._cache) == len(state.site.documents) == 3


def test_small_sites_are_checked_in_the_build_process(tree):
    root = tree(site_files())
    state = build.prepare(root / "content", root, SETTINGS)
    assert len(state.site.documents) < build.BACKGROUND_FROM and state.checked


def test_a_change_while_checking_stops_the_old_check(tree):
    root = tree(site_files())
    old = build.prepare(root / "content", root, SETTINGS, background=True)
    process, folder = old._pending
    (root / "content" / "index.sv.md").write_text("---\ntitle: Start\n---\n\nNy text.\n", encoding="utf-8")
    new = build.prepare(root / "content", root, SETTINGS, background=True)
    assert new is not old and process.poll() is not None and not folder.exists()
    assert build.finish(new)


def test_a_build_that_stops_early_leaves_no_process_or_folder(tree):
    root = tree(site_files())
    state = build.prepare(root / "content", root, SETTINGS, background=True)
    process, folder = state._pending
    build._abandon_all()  # what atexit runs when MkDocs stops before finish()
    assert process.poll() is not None and not folder.exists() and state._pending is None


def test_hooks_after_the_first_get_its_state_and_a_clear_error_without_it(tree):
    root = tree(site_files())
    with pytest.raises(LookupError, match="klarsida_content.py"):
        build.loaded(root / "content")
    state = build.prepare(root / "content", root, SETTINGS)
    assert build.loaded(root / "content") is state


@pytest.mark.parametrize("site_dir, lang, root", [
    ("/w/site", "sv", "/w/site"), ("/w/site/en", "en", "/w/site"), ("/w/site.tmp.x1/en", "en", "/w/site.tmp.x1"),
])
def test_site_root_of_each_language_build(site_dir, lang, root):
    assert build.site_root(site_dir, lang).as_posix() == root
