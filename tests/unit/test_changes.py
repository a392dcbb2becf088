"""Change notes (front matter `changes`) and translation freshness (`translated_from`)."""

from __future__ import annotations

import subprocess
from datetime import datetime

import pytest

from klarsida.calendar import vevent
from klarsida.cli import main
from klarsida.clock import STOCKHOLM
from klarsida.feeds import meetings_feed
from klarsida.project import load_project
from klarsida.session import Session
from klarsida.translations import source_hash

CONFIG = "site_name: Test\ndocs_dir: content\nstrict: true\n"
NOW = datetime(2018, 8, 21, 12, 0, tzinfo=STOCKHOLM)
EVENT = """---
title: Film
start: 2018-08-23T18:00
end: 2018-08-23T20:00
place:
  name: Röda kvarn
  address: Karlsgatan 7, Helsingborg
summary: Vi visar en film.
{changes}---
Välkommen kl. 18.00.
"""
NOTES = """changes:
  - date: 2018-08-10
    note: Vi har lagt till adressen.
  - date: 2018-08-20
    note: Filmen börjar 18.00 i stället för 17.30.
"""
MEETING = """---
title: Möte
date: 2018-06-14
summary: Vi träffades.
{changes}---
Vi träffades kl. 17.30.
"""


@pytest.fixture
def site(tree, monkeypatch):
    def make(**files: str):
        root = tree({"mkdocs.yml": CONFIG, "content/index.sv.md": "---\ntitle: Start\n---\nVälkommen.\n", **files})
        monkeypatch.chdir(root)
        session = Session(load_project(), now=NOW)
        session.site = session.read_site()
        return root, session
    return make


def test_the_latest_change_shows_first_under_the_title_and_earlier_ones_below(site):
    _, session = site(**{"content/events/2018-08-23-film.sv.md": EVENT.format(changes=NOTES)})
    doc = session.site.get("events/2018-08-23-film", "sv")
    html = session.page_html(doc, "sv", "<p>Välkommen kl. 18.00.</p>")
    latest = html.index("<strong>Uppdaterad 20 augusti 2018:</strong> Filmen börjar 18.00 i stället för 17.30.")
    assert html.index("</h1>") < latest < html.index("Tidigare ändringar") < html.index('class="ks-facts')
    assert '<time datetime="2018-08-10">10 augusti 2018</time>: Vi har lagt till adressen.' in html


def test_a_changed_event_raises_its_sequence_in_the_calendar(site):
    _, session = site(**{"content/events/2018-08-23-film.sv.md": EVENT.format(changes=NOTES)})
    doc = session.site.get("events/2018-08-23-film", "sv")
    assert b"SEQUENCE:2" in vevent(doc, "sv", None, NOW).to_ical()


def test_the_feed_entry_is_updated_on_the_day_of_the_latest_change(site):
    note = "changes:\n  - date: 2018-06-20\n    note: Vi har rättat tiden.\n"
    _, session = site(**{"content/meetings/2018-06-14-mote.sv.md": MEETING.format(changes=note)})
    feed = meetings_feed(session.site, "sv", "https://example.org/", NOW, "Test").decode()
    assert "<published>2018-06-14T00:00:00+02:00</published>" in feed
    assert feed.count("<updated>2018-06-20T00:00:00+02:00</updated>") == 2  # the entry and the feed


def test_a_change_on_a_day_that_does_not_exist_is_refused(site, capsys):
    bad = "changes:\n  - date: 2018-06-31\n    note: Vi har rättat tiden.\n"
    with pytest.raises(Exception):
        site(**{"content/meetings/2018-06-14-mote.sv.md": MEETING.format(changes=bad)})
    assert main(["check"]) == 1
    assert "content/meetings/2018-06-14-mote.sv.md:6: changes.0.date: 2018-06-31 finns inte i kalendern" in capsys.readouterr().out


def _git(root, *args):
    subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                   check=True, capture_output=True)


def test_a_published_page_whose_facts_change_asks_for_a_change_note(site, capsys, monkeypatch):
    monkeypatch.delenv("KLARSIDA_BASE_REF", raising=False)
    root, _ = site(**{"content/meetings/2018-06-14-mote.sv.md": MEETING.format(changes="")})
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "published")
    _git(root, "checkout", "-q", "-b", "fix")
    page = root / "content/meetings/2018-06-14-mote.sv.md"

    page.write_text(MEETING.format(changes="").replace("Vi träffades.", "Vi sågs."), encoding="utf-8")
    assert main(["check"]) == 0, "a reworded summary is no new fact"
    capsys.readouterr()

    page.write_text(MEETING.format(changes="").replace("17.30", "18.00"), encoding="utf-8")
    assert main(["check"]) == 1  # a warning, and the site is strict
    out = capsys.readouterr().out
    assert ("Varning (warning): content/meetings/2018-06-14-mote.sv.md:6: Sidan är publicerad, och uppgifter "
            "har ändrats (siffror i texten) jämfört med main. Skriv en ändringsnotering") in out

    note = "changes:\n  - date: 2018-06-20\n    note: Mötet började 18.00, inte 17.30.\n"
    page.write_text(MEETING.format(changes=note).replace("17.30.\n", "18.00.\n"), encoding="utf-8")
    assert main(["check"]) == 0


def test_without_git_history_the_check_says_it_could_not_compare(site, capsys):
    site()
    assert main(["check"]) == 0
    assert "Ändringsnoteringar kontrollerades inte: mappen är inte ett git-arkiv." in capsys.readouterr().out


def test_a_translation_older_than_its_original_says_so_until_it_is_updated(site, capsys):
    english = EVENT.format(changes="translated_from: 000000000000\n").replace("Vi visar en film.", "We show a film.")
    root, session = site(**{
        "content/events/2018-08-23-film.sv.md": EVENT.format(changes=""),
        "content/events/2018-08-23-film.en.md": english.replace("Välkommen kl. 18.00.", "Welcome at 6pm."),
    })
    doc = session.site.get("events/2018-08-23-film", "en")
    html = session.page_html(doc, "en", "<p>Welcome at 6pm.</p>")
    assert "The Swedish page has changed since this translation was written." in html
    assert '<a href="../../../events/2018-08-23-film/" hreflang="sv" lang="sv">Read the Swedish page</a>' in html

    assert main(["check"]) == 0  # a reminder, never a stop, even in a strict build
    out = capsys.readouterr().out
    assert "Påminnelse (notice): content/events/2018-08-23-film.en.md:9: translated_from: Den svenska sidan" in out

    assert main(["translated", "content/events/2018-08-23-film.en.md"]) == 0
    original = Session(load_project()).read_site().get("events/2018-08-23-film", "sv")
    text = (root / "content/events/2018-08-23-film.en.md").read_text(encoding="utf-8")
    assert f"\ntranslated_from: {source_hash(original)}\n---\n" in text
    capsys.readouterr()
    assert main(["check"]) == 0
    assert "Påminnelse" not in capsys.readouterr().out
    fresh = Session(load_project(), now=NOW)
    fresh.site = fresh.read_site()
    html = fresh.page_html(fresh.site.get("events/2018-08-23-film", "en"), "en", "<p>Welcome at 6pm.</p>")
    assert "has changed since" not in html


def test_changes_merged_on_main_after_the_branch_started_are_not_the_branchs(site, capsys, monkeypatch):
    monkeypatch.delenv("KLARSIDA_BASE_REF", raising=False)
    root, _ = site(**{"content/meetings/2018-06-14-mote.sv.md": MEETING.format(changes="")})
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "published")
    _git(root, "checkout", "-q", "-b", "mine")
    _git(root, "checkout", "-q", "main")
    note = "changes:\n  - date: 2018-06-20\n    note: Mötet började 18.00.\n"
    (root / "content/meetings/2018-06-14-mote.sv.md").write_text(
        MEETING.format(changes=note).replace("17.30", "18.00"), encoding="utf-8")
    _git(root, "commit", "-q", "-am", "corrected on main")
    _git(root, "checkout", "-q", "mine")  # behind main: the page still says 17.30 here
    assert main(["check"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: A\n---\nText\n", "---\ntitle: A\ntranslated_from: abc\n---\nText\n"),
    ("---\ntitle: A\ntranslated_from: old\n---\nText\n", "---\ntitle: A\ntranslated_from: abc\n---\nText\n"),
    # Notepad: a byte-order mark and Windows line ends stay, and the front matter stays one
    ("\ufeff---\r\ntitle: A\r\n---\r\nText\r\n", "\ufeff---\r\ntitle: A\r\ntranslated_from: abc\r\n---\r\nText\r\n"),
    ("Text\n", "---\ntranslated_from: abc\n---\nText\n"),
    ("\ufeffText\r\n", "\ufeff---\r\ntranslated_from: abc\r\n---\r\nText\r\n"),
])
def test_klarsida_translated_changes_only_its_line(text, expected, tmp_path):
    from klarsida.frontmatter import read_source
    from klarsida.translations import record

    assert record(text, "abc") == expected
    path = tmp_path / "x.en.md"
    path.write_bytes(expected.encode("utf-8"))
    read, errors = read_source(path, "content/x.en.md")
    assert errors == [] and read.meta["translated_from"] == "abc" and read.body.strip() == "Text"


def test_git_answering_in_an_unexpected_way_means_cannot_compare(tmp_path, monkeypatch):
    """A cut-short `git cat-file --batch` answer used to raise ValueError from the check."""
    import klarsida.changes as changes

    real = changes._git

    def cut_short(root, *args, data=None):
        result = real(root, *args, data=data)
        if args[:1] == ("cat-file",):
            return subprocess.CompletedProcess(result.args, 0, b"abc blob 10", b"")  # no line end
        return result

    root = tmp_path
    (root / "content").mkdir()
    (root / "content" / "a.sv.md").write_text("---\ntitle: A\n---\nText\n", encoding="utf-8")
    for command in (["init", "-q", "-b", "main"], ["add", "."],
                    ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x"]):
        subprocess.run(["git", "-C", str(root), *command], check=True)
    monkeypatch.setattr(changes, "_git", cut_short)
    base = changes.read_base(root, root / "content")
    assert base.ref is None and base.files == {}
    assert "git svarade inte som väntat" in base.reason_sv
