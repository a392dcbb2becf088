"""Calendars every reader agrees on: each .ics (single events and feeds, Swedish and English) read by
ical.js (Thunderbird) and vobject (Radicale), neither of them the icalendar library that writes the
files, and each timed event's UTC instant compared with zoneinfo (tests/calendar_readers/readers.py).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from klarsida.calendar import calendar_files
from klarsida.clock import STOCKHOLM, build_time
from klarsida.site import load_site
from tests.calendar_readers.readers import expected, mismatches, read_all
from tests.conftest import REPO

SITE_URL = "https://example.org/klarsida/"
NOW = build_time({"SOURCE_DATE_EPOCH": "1528970400"})  # 14 June 2018 12:00 in Stockholm
BEFORE_RRULE = REPO / "tests" / "fixtures" / "calendars" / "before_rrule"


def event(title, start, end, extra=""):
    return (f"---\ntitle: {title}\nstart: {start}\nend: {end}\nplace:\n  name: Röda kvarn\n"
            f"  address: Karlsgatan 7, Helsingborg\nsummary: Om {title}.\n{extra}---\nText.\n")


# (key, start, end, extra front matter, translated into English?)
EVENTS = [
    ("2015-06-11-klarsprak", "2015-06-11T14:00", "2015-06-11T15:30", "", True),  # summer time, first year
    ("2015-10-05-skaneveckan", "2015-10-05", "2015-10-11", "", True),  # all day, several days
    ("2018-05-17-varyra", "2018-05-17", "2018-05-17", "", False),  # all day, one day; English falls back
    ("2018-08-23-film", "2018-08-23T17:30", "2018-08-23T20:00", "", True),  # summer time
    # An evening that runs past midnight into the autumn change (03:00 -> 02:00): seven hours long.
    ("2018-10-27-nattvandring", "2018-10-27T22:00", "2018-10-28T04:00", "", True),
    ("2018-11-08-halsodag", "2018-11-08T10:00", "2018-11-08T12:00", "status: cancelled\n", True),  # cancelled
    ("2018-12-06-mote", "2018-12-06T14:00", "2018-12-06T15:30", "", True),  # winter time
    # Past midnight into the spring change (02:00 -> 03:00): five hours long.
    ("2019-03-30-varnatt", "2019-03-30T22:00", "2019-03-31T04:00", "", False),
]

FILES = {
    "content/index.sv.md": "# Start\n",
    "content/events/index.sv.md": "# Evenemang\n",
    "content/events/index.en.md": "# Events\n",
    **{f"content/events/{key}.sv.md": event(key[11:].capitalize(), s, e, x) for key, s, e, x, _ in EVENTS},
    **{f"content/events/{key}.en.md": event(key[11:].capitalize() + " (English)", s, e, x)
       for key, s, e, x, english in EVENTS if english},
}


def uid(key: str) -> str:
    return f"events-{key}@example.org"


def front_matter_times() -> dict[str, tuple[str, str]]:
    """{UID: (start, end)} as zoneinfo places the front matter's local times."""
    want = {}
    for key, start, end, _, _ in EVENTS:
        parse = datetime.fromisoformat if "T" in start else date.fromisoformat
        want[uid(key)] = expected(parse(start), parse(end), STOCKHOLM)
    return want


@pytest.fixture
def written(tree, tmp_path) -> list[Path]:
    """Every .ics the tiny site publishes, both languages, written to disk."""
    root = tree(FILES)
    site = load_site(root / "content", root)
    paths = []
    for lang in ("sv", "en"):
        for rel, data in calendar_files(site, lang, SITE_URL, NOW).items():
            path = tmp_path / "out" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            paths.append(path)
    return paths


def test_every_calendar_file_reads_the_same_in_every_reader(written):
    assert len(written) == 2 * (len(EVENTS) + 1)  # each event and the feed, per language
    read = read_all(written)
    assert mismatches(read, front_matter_times()) == []
    for reader, files in read.items():
        feeds = [p for p in files if p.name == "calendar.ics"]
        assert len(feeds) == 2
        for feed in feeds:
            assert sorted(e["uid"] for e in files[feed]) == sorted(uid(k) for k, *_ in EVENTS), reader
        events = {(p.parent.parent.name, e["uid"]): e for p, evs in files.items() for e in evs}
        film = events[("out", uid("2018-08-23-film"))]  # the Swedish feed
        # The screening at 17:30 summer time is 15:30 UTC, the example.
        assert (film["start"], film["all_day"]) == ("2018-08-23T15:30:00Z", False), reader
        night = events[("out", uid("2018-10-27-nattvandring"))]
        assert night["start"] == "2018-10-27T20:00:00Z" and night["end"] == "2018-10-28T03:00:00Z", reader
        spring = events[("out", uid("2019-03-30-varnatt"))]
        assert spring["start"] == "2019-03-30T21:00:00Z" and spring["end"] == "2019-03-31T02:00:00Z", reader
        week = events[("out", uid("2015-10-05-skaneveckan"))]
        assert (week["start"], week["end"], week["all_day"]) == ("2015-10-05", "2015-10-12", True), reader
        cancelled = events[("out", uid("2018-11-08-halsodag"))]
        assert cancelled["status"] == "CANCELLED" and cancelled["summary"].startswith("Inställt: "), reader


def test_the_vtimezone_is_yearly_rules_with_the_real_onsets(written):
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert "RDATE" not in text, path  # the readers keep only the first date of an RDATE list
        if "DTSTART;TZID" not in text:
            assert "BEGIN:VTIMEZONE" not in text, path  # all-day events need no time zone
            continue
        (vtimezone,) = Calendar.from_ical(text).walk("VTIMEZONE")
        (daylight,) = vtimezone.walk("DAYLIGHT")
        (standard,) = vtimezone.walk("STANDARD")
        # Summer time begins at 02:00 standard time on the last Sunday of March, ends at 03:00
        # summer time on the last Sunday of October (EU, since 1996 in Sweden).
        assert daylight.to_ical().decode().split("\r\n")[1:6] == [
            "DTSTART:19810329T020000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "TZNAME:CEST",
            "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200"], path
        assert standard.to_ical().decode().split("\r\n")[1:6] == [
            "DTSTART:19961027T030000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "TZNAME:CET",
            "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100"], path


def test_todays_vtimezone_was_misread_by_both_readers():
    """Documents the bug this suite catches (issue 15): the files main wrote before the VTIMEZONE had
    yearly rules (kept in tests/fixtures/calendars/before_rrule), with comma-separated RDATE lists of
    onsets. Both readers keep only the first date of each list, so from the feed the film screening
    (17:30, 15:30 UTC) lands at 18:30 in Stockholm, and in ical.js the klarspråk meeting (14:00) at 15:00."""
    paths = sorted(BEFORE_RRULE.glob("*.ics"))
    assert len(paths) == 4
    want = {
        "events-2018-08-23-i-daniel-blake@example.org": expected(datetime(2018, 8, 23, 17, 30), datetime(2018, 8, 23, 20), STOCKHOLM),
        "events-2015-06-11-klarsprak@example.org": expected(datetime(2015, 6, 11, 14), datetime(2015, 6, 11, 15, 30), STOCKHOLM),
    }
    read = read_all(paths)
    for files in read.values():  # the all-day events are not what this is about
        for path in files:
            files[path] = [e for e in files[path] if e["uid"] in want]
    wrong = mismatches(read, want)
    film = "events-2018-08-23-i-daniel-blake@example.org at ('2018-08-23T16:30:00Z', '2018-08-23T19:00:00Z')"
    meeting = "events-2015-06-11-klarsprak@example.org at ('2015-06-11T13:00:00Z', '2015-06-11T14:30:00Z')"
    assert sorted(wrong) == sorted([
        *(f"{reader}: calendars/before_rrule/calendar.{lang}.ics: {film}, zoneinfo says {want[film.split(' ')[0]]}"
          for reader in ("ical.js", "vobject") for lang in ("sv", "en")),
        *(f"ical.js: calendars/before_rrule/calendar.{lang}.ics: {meeting}, zoneinfo says {want[meeting.split(' ')[0]]}" for lang in ("sv", "en")),
    ])
    assert datetime.fromisoformat("2018-08-23T16:30:00+00:00").astimezone(STOCKHOLM).strftime("%H:%M") == "18:30"
