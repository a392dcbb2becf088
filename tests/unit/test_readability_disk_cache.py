"""Scores kept on disk between runs: reused when nothing changed, ignored when broken or stale."""

from __future__ import annotations

import json

import pytest

from klarsida.readability.disk_cache import FILE, DiskCache
from klarsida.readability.scorer import Scorer


@pytest.fixture
def cache_dir(tmp_path):
    return tmp_path / "cache"


def new_run(folder) -> Scorer:
    """A new run, as a new build would start it: nothing in memory, the disk cache in `folder`."""
    return Scorer(disk=DiskCache(folder))


TEXT = "Lokalen ska anpassas till alla, t.ex. med ramp. Vi ses kl. 17.30 för att prata om diskcachen."


def test_a_new_run_reads_the_score_instead_of_scoring(cache_dir):
    first_run = new_run(cache_dir)
    first = first_run.score_text(TEXT, "sv")
    first_run.disk.save()
    assert (cache_dir / FILE).is_file()
    again_run = new_run(cache_dir)
    again = again_run.score_text(TEXT, "sv")
    assert again_run.stats["from_disk"] == 1 and again_run.stats["scored"] == 0
    assert again == first and again.findings[0].kind == "passive"


def test_a_changed_text_is_scored_again(cache_dir):
    run = new_run(cache_dir)
    run.score_text(TEXT, "sv")
    run.disk.save()
    run = new_run(cache_dir)
    changed = run.score_text(TEXT.replace("anpassas", "ändras"), "sv")
    assert run.stats["scored"] == 1
    assert changed.words == 17


def test_a_cache_from_another_engine_or_a_broken_file_is_ignored(cache_dir):
    run = new_run(cache_dir)
    run.score_text(TEXT, "sv")
    run.disk.save()
    path = cache_dir / FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["engine"] = "an older engine"
    path.write_text(json.dumps(data), encoding="utf-8")
    run = new_run(cache_dir)
    run.score_text(TEXT, "sv")
    assert run.stats["scored"] == 1 and run.stats["from_disk"] == 0
    path.write_text("{not json", encoding="utf-8")
    assert new_run(cache_dir).score_text(TEXT, "sv").words == 17


def test_an_entry_of_the_wrong_shape_is_scored_again(cache_dir):
    run = new_run(cache_dir)
    run.score_text(TEXT, "sv")
    run.disk.save()
    path = cache_dir / FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in data["scores"]:
        data["scores"][key] = {"lang": "sv", "words": "many"}
    path.write_text(json.dumps(data), encoding="utf-8")
    run = new_run(cache_dir)
    assert run.score_text(TEXT, "sv").words == 17 and run.stats["scored"] == 1


def test_off_by_default_and_nothing_written_without_a_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = Scorer()
    run.score_text(TEXT + " Utan mapp.", "sv")
    run.disk.save()
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_folder_still_scores(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        run = new_run(folder / "cache")
        assert run.score_text(TEXT, "sv").words == 17
        run.disk.save()  # says nothing, writes nothing, raises nothing
    finally:
        folder.chmod(0o700)
