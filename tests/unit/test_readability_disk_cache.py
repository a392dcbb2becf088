"""Scores kept on disk between runs: reused when nothing changed, ignored when broken or stale."""

from __future__ import annotations

import json

import pytest

from klarsida import markup
from klarsida.readability import STATS, disk_cache, scorer, score_text
from klarsida.readability.text import markdown_blocks


@pytest.fixture
def cache_dir(tmp_path):
    disk_cache.use(tmp_path / "cache")
    yield tmp_path / "cache"
    disk_cache.use(None)


def new_process():
    """Forget what this process knows, as a new build would; the disk cache stays."""
    scorer._cache.clear()
    markdown_blocks.cache_clear()
    markup.retain(())
    folder = disk_cache._folder
    disk_cache.use(folder)


TEXT = "Lokalen ska anpassas till alla, t.ex. med ramp. Vi ses kl. 17.30 för att prata om diskcachen."


def test_a_new_run_reads_the_score_instead_of_scoring(cache_dir):
    first = score_text(TEXT, "sv")
    disk_cache.save()
    assert (cache_dir / disk_cache.FILE).is_file()
    new_process()
    before = dict(STATS)
    again = score_text(TEXT, "sv")
    assert STATS["from_disk"] == before["from_disk"] + 1 and STATS["scored"] == before["scored"]
    assert again == first and again.findings[0].kind == "passive"


def test_a_changed_text_is_scored_again(cache_dir):
    score_text(TEXT, "sv")
    disk_cache.save()
    new_process()
    before = dict(STATS)
    changed = score_text(TEXT.replace("anpassas", "ändras"), "sv")
    assert STATS["scored"] == before["scored"] + 1
    assert changed.words == 17


def test_a_cache_from_another_engine_or_a_broken_file_is_ignored(cache_dir):
    score_text(TEXT, "sv")
    disk_cache.save()
    path = cache_dir / disk_cache.FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["engine"] = "an older engine"
    path.write_text(json.dumps(data), encoding="utf-8")
    new_process()
    before = dict(STATS)
    score_text(TEXT, "sv")
    assert STATS["scored"] == before["scored"] + 1 and STATS["from_disk"] == before["from_disk"]
    path.write_text("{not json", encoding="utf-8")
    new_process()
    assert score_text(TEXT, "sv").words == 17


def test_off_by_default_and_nothing_written_without_a_folder(tmp_path, monkeypatch):
    disk_cache.use(None)
    monkeypatch.chdir(tmp_path)
    score_text(TEXT + " Utan mapp.", "sv")
    disk_cache.save()
    assert list(tmp_path.iterdir()) == []
