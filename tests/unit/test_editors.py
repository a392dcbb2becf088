"""Issue 18 as an editor meets it: every mistake in one run, Word text that just works."""

from __future__ import annotations

import shutil

import pytest

from klarsida.cli import main
from tests.conftest import REPO

CONFIG = "site_name: Test\ndocs_dir: content\nstrict: true\n"
EVENT_SV = """---
title: Film
start: 2018-08-23T17:30
end: 2018-08-23T20:00
place:
  name: Röda kvarn
  address: Karlsgatan 7, Helsingborg
summary: Vi visar en film.
---
Välkommen.
"""


@pytest.fixture
def five_mistakes(tree, monkeypatch):
    """A valid little site with the issue's everyday mistakes made at once."""
    root = tree({
        "mkdocs.yml": CONFIG,
        "content/index.sv.md": "---\ntitle: Start\n---\nVälkommen. Läs [om gruppen](about.md).\n",
        "content/index.en.md": "---\ntitle: Home\n---\nWelcome.\n",
        # A misspelled date and a wrong field name; its twin is fine.
        "content/meetings/2018-06-14-mote.sv.md":
            "---\ntitle: Möte\ndate: 2018-06-31\nsummary: Vi träffades.\ngrupp: Gemensam\n---\nVi träffades.\n",
        "content/meetings/2018-06-14-mote.en.md":
            "---\ntitle: Meeting\ndate: 2018-06-14\nsummary: We met.\n---\nWe met.\n",
        # A missing title and a broken link in the same file.
        "content/events/2018-08-23-film.sv.md": EVENT_SV.replace("title: Film\n", "") + "\n[Läs mer](finns-inte.md)\n",
        # A title pasted from Word with its curly quotes; the English twin is fine.
        "content/about.sv.md": "---\ntitle: ”Film och samtal: om gruppen”\n---\nVi är en grupp.\n",
        "content/about.en.md": "---\ntitle: About\n---\nWe are a group.\n",
        # An English page without its Swedish original, with a tab in its YAML.
        "content/events/2018-09-01-walk.en.md": EVENT_SV.replace("  name:", "\tname:"),
    })
    monkeypatch.chdir(root)
    return root


def test_every_mistake_in_one_run_sorted_by_file_and_line(five_mistakes, capsys):
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    located = [line.split(": ", 1)[0] for line in out.splitlines() if line.startswith("content/")]
    assert located == [
        "content/about.sv.md:2",  # curly quotes, named
        "content/events/2018-08-23-film.sv.md:2",  # title missing
        "content/events/2018-08-23-film.sv.md:11",  # the broken link, in the same run
        "content/events/2018-09-01-walk.en.md",  # no Swedish original, though its YAML is broken too
        "content/events/2018-09-01-walk.en.md:6",  # the tab
        "content/meetings/2018-06-14-mote.sv.md:3",  # 2018-06-31
        "content/meetings/2018-06-14-mote.sv.md:5",  # grupp
    ]
    assert "typografiska citattecken ” ” runt rubriken" in out
    assert "tabbtecken (U+0009) i indraget på rad 6, kolumn 1" in out
    assert "Menade du group?" in out and "finns-inte.md finns inte" in out
    # The twins of broken Swedish files are not "missing their original", and nothing is in English only.
    assert "about.en.md" not in out and "2018-06-14-mote.en.md" not in out
    assert "mapping values" not in out and "expected <block end>" not in out
    assert "\\n" not in out  # examples of several lines are shown as lines


def test_the_build_reports_the_same_in_one_run(five_mistakes):
    from klarsida.errors import ContentInvalid
    from klarsida.project import load_project
    from klarsida.session import Session

    with pytest.raises(ContentInvalid) as raised:
        Session(load_project()).load(background_checks=False)
    assert [(e.path, e.line) for e in raised.value.errors][2] == ("content/events/2018-08-23-film.sv.md", 11)
    assert len(raised.value.errors) == 7


def test_empty_title_in_plain_swedish(tree, monkeypatch, capsys):
    root = tree({"mkdocs.yml": CONFIG, "content/index.sv.md": "---\ntitle:\n---\nVälkommen.\n"})
    monkeypatch.chdir(root)
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "content/index.sv.md:2: title: Rubriken är tom. Skriv en rubrik efter kolon, till exempel: Om gruppen" in out
    assert "null" not in out


def test_fix_repairs_a_word_pasted_file_to_one_that_passes(tmp_path, monkeypatch, capsys):
    shutil.copytree(REPO / "tests" / "fixtures" / "bad_content" / "word_paste" / "content", tmp_path / "content")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    capsys.readouterr()
    assert main(["check", "--fix"]) == 0
    out = capsys.readouterr().out
    for line in ("content/events/2018-08-23-film.sv.md: Windows-radslut",
                 "content/events/2018-08-23-film.sv.md:2: typografiska citattecken ” ” runt rubriken",
                 "content/events/2018-08-23-film.sv.md:6: hårda mellanslag (U+00A0) i indraget",
                 "content/events/2018-08-23-film.sv.md:7: tabbar i indraget",
                 "content/events/2018-08-23-film.sv.md:8: 1 osynliga mellanslag"):
        assert f"Rättat (fixed): {line}" in out
    assert "Inga fel" in out
    text = (tmp_path / "content" / "events" / "2018-08-23-film.sv.md").read_bytes().decode()
    assert '\ntitle: "Film och samtal: I, Daniel Blake"\n' in text
    assert "\r" not in text and "\u200b" not in text and "\u00a0" not in text and "\t" not in text
    assert "Välkommen att se filmen I, Daniel Blake med oss." in text  # the text itself is untouched
    assert main(["check", "--fix"]) == 0
    assert "--fix hittade inget att rätta" in capsys.readouterr().out


def test_english_templates_give_english_examples(tmp_path):
    from klarsida.scaffold import new_item

    made = new_item(tmp_path, "event", "Film och samtal", start="2026-12-03 17:30")
    english = {todo.field: todo.description for todo in made.todos if todo.path.name.endswith(".en.md")}
    swedish = {todo.field: todo.description for todo in made.todos if todo.path.name.endswith(".sv.md")}
    assert english["summary"].endswith("(e.g. We are showing the film I, Daniel Blake. After the film we talk about it.)")
    assert english["place.name"].endswith("(e.g. Röda kvarn cinema)")
    assert swedish["summary"].endswith("(t.ex. Vi visar filmen I, Daniel Blake och pratar om den efteråt.)")
    text = made.files[1].read_text(encoding="utf-8")
    assert "translated_from" not in text  # written by klarsida translated, never by hand
    assert '# changes:\n#   - date: "FYLL I: The day of the change."\n#     note: "FYLL I: What changed' in text


def test_english_pages_get_english_examples_in_messages(tree, monkeypatch, capsys):
    root = tree({
        "mkdocs.yml": CONFIG,
        "content/about.sv.md": "---\ntitle: Om gruppen\n---\nVi är en grupp.\n",
        "content/about.en.md": "---\ntitel: About\n---\nWe are a group.\n",
    })
    monkeypatch.chdir(root)
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "content/about.en.md:2: titel: Okänt fält. Menade du title?" in out
    assert "Exempel: title: About the group\n" in out and "Om gruppen" not in out
