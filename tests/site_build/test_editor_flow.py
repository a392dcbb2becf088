"""The editor's path: `klarsida new`, fill in, `klarsida check`, build. And check == build, message for message."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from klarsida import checks
from tests.conftest import PINNED_EPOCH, mkdocs_build

KLARSIDA = [sys.executable, "-m", "klarsida"]
MEETING = "content/meetings/2018-06-14-film-och-nya-medlemmar"
EVENT = "content/events/2018-08-23-i-daniel-blake"

# What an editor writes where `klarsida new event` left FYLL I.
FILLED_EVENT = {
    "title": "Samtal om stöd",
    "end": "2018-08-30T19:00",
    "place.name": "Fontänhuset",
    "place.address": "Bryggaregatan 6, Helsingborg",
    "summary": "Vi pratar om hur stödet kan bli bättre. Alla är välkomna.",
}
FILLED_TEXT = "Vi ses på Fontänhuset. Du behöver inte anmäla dig."


def klarsida(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH}
    return subprocess.run([*KLARSIDA, *args], cwd=root, env=env, capture_output=True, text=True)


def fill_in(path: Path, values: dict[str, str], text: str) -> None:
    """Replace every active placeholder the way an editor would: field values, then the text."""
    parents: list[str] = []
    out = []
    fences = 0
    for line in path.read_text(encoding="utf-8").split("\n"):
        fences += line == "---"
        in_front_matter = fences < 2
        field = re.match(r"^( *)([a-z_]+):", line) if in_front_matter else None
        if field:
            depth = len(field[1]) // 2
            parents = parents[:depth] + [field[2]]
        commented = in_front_matter and line.lstrip().startswith("#")  # optional fields stay off
        if "FYLL I" in line and not commented:
            if field:
                line = f"{field[1]}{field[2]}: {values['.'.join(parents)]}"
            else:
                line = re.sub(r"^(\s*(?:- |## )?)FYLL I:.*$", rf"\g<1>{text}", line)
        out.append(line)
    path.write_text("\n".join(out), encoding="utf-8")


def test_new_event_filled_in_builds_and_is_listed(site_copy, tmp_path):
    made = klarsida(site_copy, "new", "event", "--start", "2018-08-30 17:30", "--title", "Samtal om stöd på Fontänhuset")
    assert made.returncode == 0, made.stderr
    sv = site_copy / "content/events/2018-08-30-samtal-om-stod-pa-fontanhuset.sv.md"
    en = sv.with_name(sv.name.replace(".sv.", ".en."))
    assert f"content/events/{sv.name}" in made.stdout and f"content/events/{en.name}" in made.stdout

    # Untouched, the template must not build: nothing half-done is published.
    unfilled = mkdocs_build(tmp_path / "unfilled", config=site_copy / "mkdocs.yml")
    assert unfilled.returncode != 0
    assert "FYLL I" in unfilled.stdout + unfilled.stderr

    fill_in(sv, FILLED_EVENT, FILLED_TEXT)
    fill_in(en, {**FILLED_EVENT, "title": "A talk about support", "summary": "We talk about how support can get better."},
            "See you at Fontänhuset. You do not need to register.")
    checked = klarsida(site_copy, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr

    built = mkdocs_build(tmp_path / "site", config=site_copy / "mkdocs.yml")
    assert built.returncode == 0, built.stdout + built.stderr
    listing = (tmp_path / "site/events/index.html").read_text(encoding="utf-8")
    upcoming = listing[listing.index('id="upcoming"') : listing.index('id="past"')]
    assert "Samtal om stöd" in upcoming
    assert "2018-08-30-samtal-om-stod-pa-fontanhuset/" in upcoming
    english = (tmp_path / "site/en/events/index.html").read_text(encoding="utf-8")
    assert "A talk about support" in english
    page = tmp_path / "site/events/2018-08-30-samtal-om-stod-pa-fontanhuset/index.html"
    assert "Bryggaregatan 6" in page.read_text(encoding="utf-8")


def test_new_meeting_filled_in_builds_and_is_listed(site_copy, tmp_path):
    # The first meeting of a new year: one file and its twin, nothing else (the build makes the
    # year's archive page, in both languages).
    made = klarsida(site_copy, "new", "meeting", "--date", "2019-01-17", "--title", "Möte om lokaler")
    assert made.returncode == 0, made.stderr
    assert "content/meetings/2019" not in made.stdout.replace("content/meetings/2019-01-17", "")
    assert not (site_copy / "content/meetings/2019.sv.md").exists()
    sv = site_copy / "content/meetings/2019-01-17-mote-om-lokaler.sv.md"
    en = sv.with_name(sv.name.replace(".sv.", ".en."))
    fill_in(sv, {"summary": "Vi ska flytta till nya lokaler i höst."}, "Vi ska flytta i höst.")
    fill_in(en, {"title": "Meeting about premises", "summary": "We are moving to new premises this autumn."},
            "We are moving this autumn.")
    built = mkdocs_build(tmp_path / "site", config=site_copy / "mkdocs.yml")
    assert built.returncode == 0, built.stdout + built.stderr
    listing = (tmp_path / "site/meetings/index.html").read_text(encoding="utf-8")
    assert "Möte om lokaler" in listing and "2019-01-17-mote-om-lokaler/" in listing
    year = (tmp_path / "site/meetings/2019/index.html").read_text(encoding="utf-8")
    assert "Möte om lokaler" in year and "<h1>Möten 2019</h1>" in year
    english = (tmp_path / "site/en/meetings/index.html").read_text(encoding="utf-8")
    assert "Meeting about premises" in english
    english_year = (tmp_path / "site/en/meetings/2019/index.html").read_text(encoding="utf-8")
    assert "Meeting about premises" in english_year and "<h1>Meetings in 2019</h1>" in english_year


def _replace(rel: str, old: str, new: str):
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}: the seed content changed, update this test"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def _write(rel: str, text: str | bytes):
    def apply(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return apply


# Long sentences of long words: far over the Swedish LIX target and the long-sentence share.
HARD_TEXT = " ".join(
    ["Arbetsmarknadsförvaltningens verksamhetsutvecklingsansvariga handläggare konstaterade"
     " sammanfattningsvis att implementeringen av organisationsförändringarna"
     " förutsätter omfattande samverkansöverenskommelser mellan myndigheterna,"
     " brukarorganisationerna och socialförvaltningens enhetschefer inom"
     " individ- och familjeomsorgen under förutsättning att finansieringen"
     " säkerställs långsiktigt genom kommunfullmäktiges budgetbeslut."] * 30
)

def _published_then(change):
    """The site as published on main (a git repository of the copy), then `change` on a branch."""
    def apply(root: Path) -> None:
        def git(*args: str) -> None:
            subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                            *args], check=True, capture_output=True)
        git("init", "-q", "-b", "main")
        git("add", "-A")
        git("commit", "-q", "-m", "published")
        git("checkout", "-q", "-b", "edit")
        change(root)
    return apply


# Every way the validation and the registered checks know a file can be wrong. The key of a check
# module's variant is its module name, so a newly registered check without a case fails below.
BROKEN = {
    "missing field": (_replace(f"{MEETING}.sv.md", "summary: Vi visar", "sammanfattning: Vi visar"),
                      ":2: summary: Fältet saknas"),
    "unknown field": (_replace(f"{MEETING}.sv.md", "group: ", "grupp: "), ":5: grupp: Okänt fält."),
    "bad date": (_replace(f"{MEETING}.sv.md", "date: 2018-06-14", "date: 14 juni 2018"),
                 ':3: date: "14 juni 2018" är inte skrivet som ett datum'),
    "non-existent date": (_replace(f"{MEETING}.sv.md", "date: 2018-06-14", "date: 2018-06-31"),
                          ":3: date: 2018-06-31 finns inte i kalendern"),
    "date vs file name": (_replace(f"{MEETING}.sv.md", "date: 2018-06-14", "date: 2018-06-15"),
                          "stämmer inte med filnamnets datum 2018-06-14"),
    "end before start": (_replace(f"{EVENT}.sv.md", "end: 2018-08-23T20:00", "end: 2018-08-23T16:00"),
                         "end: Evenemanget slutar (2018-08-23T16:00) innan det börjar"),
    "invalid YAML": (_replace(f"{EVENT}.sv.md", 'title: "Film: I, Daniel Blake"', 'title: "Film: I, Daniel Blake'),
                     "2018-08-23-i-daniel-blake.sv.md:2: "),
    "tabs": (_replace(f"{EVENT}.sv.md", "  name: Biografen", "\tname: Biografen"), "Raden har ett tabbtecken"),
    "not a mapping": (_write("content/meetings/2018-07-01-lista.sv.md", "---\n- title\n- date\n---\nText.\n"),
                      "2018-07-01-lista.sv.md:2: Front matter måste vara fält med namn och värde"),
    "empty file": (_write("content/meetings/2018-07-01-tom.sv.md", ""), "2018-07-01-tom.sv.md: Filen är tom."),
    "English without Swedish": (
        _write("content/meetings/2018-07-01-bara-engelska.en.md",
               "---\ntitle: Only English\ndate: 2018-07-01\nsummary: We met.\n---\nWe met.\n"),
        "2018-07-01-bara-engelska.en.md: Den här översättningen saknar sin svenska sida",
    ),
    "twin disagreement": (_replace(f"{EVENT}.en.md", "start: 2018-08-23T17:30", "start: 2018-08-23T18:30"),
                          "start: 2018-08-23T18:30 skiljer sig från den svenska sidan (2018-08-23T17:30)"),
    "placeholders": (_replace(f"{MEETING}.sv.md", "summary: Vi visar", "summary: FYLL I. Vi visar"),
                     ":4: summary: Fältet har kvar texten FYLL I från mallen"),
    "placeholder in the text": (_replace(f"{MEETING}.sv.md", "## Nya i gruppen", "## FYLL I: Rubrik"),
                                "Texten har kvar FYLL I från mallen"),
    "links": (_replace(f"{MEETING}.sv.md", "(../events/2018-08-23-i-daniel-blake.md)", "(../events/finns-inte.md)"),
              "Sidan ../events/finns-inte.md finns inte"),
    "missing anchor": (_replace(f"{MEETING}.sv.md", "(../events/2018-08-23-i-daniel-blake.md)",
                                "(../events/2018-08-23-i-daniel-blake.md#finns-inte)"),
                       "Rubriken #finns-inte finns inte"),
    "image without alt text": (_replace(f"{MEETING}.sv.md", "## Nya i gruppen",
                                        '<img src="https://example.org/a.jpg">\n\n## Nya i gruppen'),
                               "saknar alt-text"),
    "safety": (_replace(f"{MEETING}.sv.md", "## Nya i gruppen", "<script>alert(1)</script>\n\n## Nya i gruppen"),
               "<script> är inte tillåtet"),
    "events": (_replace(f"{EVENT}.sv.md", "summary:",
                        "registration:\n  how: Skicka e-post.\n  url: http://example.org/anmalan\nsummary:"),
               "registration.url: Länken http://example.org/anmalan ska vara en hel webbadress"),
    "readability.targets": (_replace(f"{MEETING}.sv.md", "## Nya i gruppen", HARD_TEXT + "\n\n## Nya i gruppen"),
                            "Texten är svårare än målet"),
    # A right-to-left override pasted into the summary: the text would show in another order.
    "text_checks": (_replace(f"{MEETING}.sv.md", "summary: Vi visar filmen", "summary: Vi visar \u202efilmen"),
                    ":4: summary: Texten har ett osynligt tecken, U+202E (RIGHT-TO-LEFT OVERRIDE), i kolumn 19"),
    # translated_from is the translation's record of its original; on the original it means nothing.
    "translations": (_replace(f"{MEETING}.sv.md", "group: ", "translated_from: 0123456789ab\ngroup: "),
                     ":5: translated_from: translated_from hör bara hemma på översättningar"),
    # A published event's start moved without a change note (a warning: the site is strict).
    "changes": (_published_then(_replace(f"{EVENT}.sv.md", "Filmen är 1 timme och 40 minuter lång.",
                                         "Filmen är 1 timme och 50 minuter lång.")),
                "Sidan är publicerad, och uppgifter har ändrats (siffror i texten) jämfört med main."),
    # A word added at the end of the glossary instead of in its place (Å comes after Y in Swedish).
    "glossary": (_replace("content/glossary.sv.md", "Yrkeshögskolan\n", "Yrkeshögskolan\n:   Utbildningar.\n\nArvodering\n"),
                 "Flytta Arvodering så att det står före"),
}


def messages(output: str) -> list[str]:
    """Each ContentError.format() block printed by `klarsida check`: its line plus the (en) line."""
    lines = output.split("\n")
    found = []
    for index, line in enumerate(lines):
        line = line.removeprefix("Varning (warning): ")
        if line.startswith("content/") and index + 1 < len(lines) and lines[index + 1].startswith("    (en) "):
            found.append(f"{line}\n{lines[index + 1]}")
    return found


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_check_and_build_give_the_same_message(case, site_copy, tmp_path):
    apply, expected = BROKEN[case]
    apply(site_copy)
    checked = klarsida(site_copy, "check")
    built = mkdocs_build(tmp_path / "site", config=site_copy / "mkdocs.yml")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert built.returncode != 0, built.stdout + built.stderr
    found = messages(checked.stdout)
    assert any(expected in m for m in found), f"expected {expected!r} in:\n{checked.stdout}{checked.stderr}"
    build_log = built.stdout + built.stderr
    for message in found:
        assert message in build_log, f"the build did not say:\n{message}\n--- build log ---\n{build_log}"
    assert "Traceback" not in checked.stdout + checked.stderr + build_log


def test_check_with_a_path_reports_only_that_file_but_resolves_links(site_copy):
    BROKEN["placeholders"][0](site_copy)
    BROKEN["events"][0](site_copy)
    # The meeting links to the event: with the whole site loaded, that link is not reported.
    only_meeting = klarsida(site_copy, "check", f"{MEETING}.sv.md")
    assert only_meeting.returncode == 1
    assert f"{MEETING}.sv.md:4: summary: Fältet har kvar texten FYLL I" in only_meeting.stdout
    assert EVENT not in only_meeting.stdout
    assert "finns inte" not in only_meeting.stdout
    assert "Andra filer har 1 fel" in only_meeting.stdout
    # A clean file passes even while other files have problems; they are only mentioned.
    clean = klarsida(site_copy, "check", "content/meetings/2015-05-25-kompetenscenter-norrehed.sv.md")
    assert clean.returncode == 0, clean.stdout
    assert "Andra filer har 2 fel" in clean.stdout


def test_check_runs_every_check_despite_loading_errors_like_the_build(site_copy):
    BROKEN["bad date"][0](site_copy)
    other = klarsida(site_copy, "check", "content/about.sv.md")
    # The meeting's error does not stop the about page from being checked: it passes, and the
    # meeting's error is mentioned.
    assert other.returncode == 0, other.stdout
    assert "Andra filer har 1 fel" in other.stdout and "Alla kontroller kunde inte köras" not in other.stdout
    # A broken link on the about page is found in the same run as the meeting's error.
    _replace("content/about.sv.md", "(contact.md)", "(kontakt.md)")(site_copy)
    both = klarsida(site_copy, "check")
    assert both.returncode == 1
    assert "content/about.sv.md:" in both.stdout and "Sidan kontakt.md finns inte" in both.stdout
    assert ':3: date: "14 juni 2018" är inte skrivet som ett datum' in both.stdout


def test_every_registered_check_module_has_a_broken_case():
    # A check module added to klarsida.checks needs a case above, so check == build stays proven.
    assert set(checks.CHECK_MODULES) <= set(BROKEN), set(checks.CHECK_MODULES) - set(BROKEN)
