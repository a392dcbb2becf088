"""Issue 18 in a real build: change notes on the page, in the feed and the calendar; an English
page whose Swedish original is newer says so; and no MkDocs notice an editor would take for an error.

The change notes here are test data in a copy of the site, not content: the seeds hold no correction.
"""

from __future__ import annotations

import re

from tests.conftest import mkdocs_build

EVENT = "content/events/2018-08-23-i-daniel-blake"
MEETING = "content/meetings/2018-06-14-film-och-nya-medlemmar"


def _add_to_front_matter(path, lines: str) -> None:
    text = path.read_text(encoding="utf-8")
    head, rest = text[4:].split("\n---\n", 1)
    path.write_text(f"---\n{head}\n{lines}---\n{rest}", encoding="utf-8")


def test_change_notes_and_an_older_translation_show_where_readers_look(site_copy, tmp_path):
    notes = ("changes:\n  - date: 2018-08-01\n    note: Vi har lagt till adressen.\n"
             "  - date: 2018-08-20\n    note: Vi har rättat sluttiden.\n")
    _add_to_front_matter(site_copy / f"{EVENT}.sv.md", notes)
    _add_to_front_matter(site_copy / f"{MEETING}.sv.md",
                         "changes:\n  - date: 2018-06-20\n    note: Vi har rättat namnen på de nya medlemmarna.\n")
    _add_to_front_matter(site_copy / f"{EVENT}.en.md", "translated_from: 000000000000\n")
    out = tmp_path / "out"
    result = mkdocs_build(out, config=site_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr

    page = (out / "events/2018-08-23-i-daniel-blake/index.html").read_text(encoding="utf-8")
    first = page.index("<strong>Uppdaterad 20 augusti 2018:</strong> Vi har rättat sluttiden.")
    assert page.index("</h1>") < first < page.index("Tidigare ändringar") < page.index('class="ks-facts')
    assert re.search(r"^SEQUENCE:2\r?$", (out / "events/2018-08-23-i-daniel-blake.ics").read_text(), re.M)

    feed = (out / "meetings/feed.xml").read_text(encoding="utf-8")
    entry = feed[feed.index("<entry>"):feed.index("</entry>")]
    assert "<updated>2018-06-20T00:00:00+02:00</updated>" in entry
    assert "<published>2018-06-14T00:00:00+02:00</published>" in entry

    english = (out / "en/events/2018-08-23-i-daniel-blake/index.html").read_text(encoding="utf-8")
    assert "The Swedish page has changed since this translation was written." in english
    assert 'hreflang="sv" lang="sv">Read the Swedish page</a>' in english
    assert "Påminnelse (notice): content/events/2018-08-23-i-daniel-blake.en.md" in log  # INFO, not a warning
    assert "WARNING" not in log


def test_a_build_of_todays_content_prints_no_notice_an_editor_would_take_for_an_error(site_copy, tmp_path):
    result = mkdocs_build(tmp_path / "out", config=site_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr
    assert "not included in the \"nav\"" not in log
    assert "no such anchor" not in log and "does not contain an anchor" not in log
    assert "WARNING" not in log and "ERROR" not in log
