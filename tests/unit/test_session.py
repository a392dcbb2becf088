"""The session: content loaded once per change, checked here or in a second process, same verdict;
everything it holds is its own (two sessions share nothing, so no test clears a cache)."""

from __future__ import annotations

import gc

import pytest

from klarsida.errors import ContentInvalid
from klarsida.project import Project
from klarsida.session import BACKGROUND_FROM, Session
from klarsida.settings import Settings

SETTINGS = Settings.parse({"readability": {"sv": {"lix_max": 40}}})
HARD = "Beträffande tillhandahållandet av handläggningsrutiner förutsätts implementeringsprocessen. " * 3


def site_files(link: str = "about.md") -> dict[str, str]:
    return {
        "content/index.sv.md": f"---\ntitle: Start\n---\n\nVi ses snart. Läs [om oss]({link}).\n",
        "content/about.sv.md": f"---\ntitle: Om oss\n---\n\n{HARD}\n",
        "content/about.en.md": "---\ntitle: About us\n---\n\nWe meet every month.\n",
    }


def project(root) -> Project:
    return Project(root=root, content_dir=root / "content", settings=SETTINGS)


def verdict(root, background: bool):
    session = Session(project(root), disk_cache=False)
    session.load(background_checks=background)
    folder = session._pending.folder if session._pending else None
    try:
        return ("warnings", session.finish())
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
    session = Session(project(root), disk_cache=False)
    site = session.load(background_checks=True)
    assert not session.checked
    warnings = session.finish()
    assert session.checked and [(w.path, w.field) for w in warnings] == [("content/about.sv.md", "lix")]
    # Every page's score is now in this session too: the report page needs no scoring of its own.
    assert len(session.scorer.known_scores()) == len(site.documents) == 3
    assert session.scorer.stats["scored"] == 3 and session.scorer.stats["cached"] == 0


def test_small_sites_are_checked_in_the_build_process(tree):
    root = tree(site_files())
    session = Session(project(root), disk_cache=False)
    site = session.load()
    assert len(site.documents) < BACKGROUND_FROM and session.checked


def test_the_content_is_loaded_again_only_after_a_change(tree):
    root = tree(site_files())
    session = Session(project(root), disk_cache=False)
    first = session.load()
    assert session.load() is first  # the second language build
    (root / "content" / "index.sv.md").write_text("---\ntitle: Start\n---\n\nNy text.\n", encoding="utf-8")
    second = session.load()
    assert second is not first and "Ny text" in second.get("index", "sv").body


def test_a_change_while_checking_stops_the_old_check(tree):
    root = tree(site_files())
    session = Session(project(root), disk_cache=False)
    session.load(background_checks=True)
    old = session._pending
    (root / "content" / "index.sv.md").write_text("---\ntitle: Start\n---\n\nNy text.\n", encoding="utf-8")
    session.load(background_checks=True)
    assert session._pending is not old and old.process.poll() is not None and not old.folder.exists()
    assert session.finish()


def test_a_build_that_stops_early_leaves_no_process_or_folder(tree):
    root = tree(site_files())
    session = Session(project(root), disk_cache=False)
    session.load(background_checks=True)
    process, folder = session._pending.process, session._pending.folder
    session.close()  # what the adapter runs when the generator stops before the end
    assert process.poll() is not None and not folder.exists() and session._pending is None
    # And when nobody calls close: the check goes with the session (or at interpreter exit).
    other = Session(project(root), disk_cache=False)
    other.load(background_checks=True)
    process, folder = other._pending.process, other._pending.folder
    del other
    gc.collect()
    assert process.wait(timeout=10) is not None and not folder.exists()


def test_two_sessions_share_nothing(tree):
    root = tree(site_files())
    one, two = Session(project(root), disk_cache=False), Session(project(root), disk_cache=False)
    one.load()
    assert one.scorer.known_scores() and not two.scorer.known_scores()
    assert one.markup.converted() and not two.markup.converted()


def test_the_second_process_checks_the_site_the_build_loaded_without_reading_the_files_again(tree):
    root = tree(site_files())
    session = Session(project(root), disk_cache=False)
    site = session.load(background_checks=True)
    # Whatever happens to the files now, the checks are of the site this build publishes.
    for path in (root / "content").rglob("*.md"):
        path.write_text("---\ntitle: [trasig\n---\n", encoding="utf-8")
    warnings = session.finish()
    assert [(w.path, w.field) for w in warnings] == [("content/about.sv.md", "lix")]
    assert len(session.scorer.known_scores()) == len(site.written())


def test_the_report_can_have_every_score_before_the_checks_are_done(tree):
    """The second process scores first and checks after: the report page waits for the scores only."""
    root = tree(site_files(link="nowhere.md"))
    session = Session(project(root), disk_cache=False)
    site = session.load(background_checks=True)
    session.wait_for_scores()
    assert len(session.scorer.known_scores()) == len(site.written()) == 3
    with pytest.raises(ContentInvalid) as caught:  # the verdict still comes, whole
        session.finish()
    assert "nowhere.md" in caught.value.errors[0].sv
    assert session.scorer.stats["scored"] == 3  # the second process's work counted once
