"""Calendar files: every .ics parses with icalendar and says what the page's front matter says."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from klarsida.calendar import calendar_files
from klarsida.clock import STOCKHOLM, build_time
from klarsida.site import load_site

SITE_URL = "https://example.org/klarsida/"
NOW = build_time({"SOURCE_DATE_EPOCH": "1528970400"})  # 14 June 2018 12:00 in Stockholm


def event(title, start, end, extra="", place="place:\n  name: Röda kvarn\n  address: Karlsgatan 7, Helsingborg"):
    return f"---\ntitle: {title}\nstart: {start}\nend: {end}\n{place}\nsummary: Om {title}.\n{extra}---\nText.\n"


FILES = {
    "content/index.sv.md": "# Start\n",
    "content/events/index.sv.md": "# Evenemang\n",
    "content/events/index.en.md": "# Events\n",
    # Summer time ends at 03:00 on 28 October 2018: this night is seven hours long, not six.
    "content/events/2018-10-27-nattvandring.sv.md": event("Nattvandring", "2018-10-27T22:00", "2018-10-28T04:00"),
    "content/events/2015-10-05-skaneveckan.sv.md": event(
        "Skåneveckan", "2015-10-05", "2015-10-11", place="place:\n  tbd: true\n  name: Inte bestämd än."
    ),
    "content/events/2015-10-05-skaneveckan.en.md": event(
        "Skåne week", "2015-10-05", "2015-10-11", place="place:\n  tbd: true\n  name: Not decided yet."
    ),
    "content/events/2018-05-17-varyra.sv.md": event("Våryra", "2018-05-17", "2018-05-17"),
    "content/events/2018-08-23-film.sv.md": event("Film", "2018-08-23T17:30", "2018-08-23T20:00", "status: cancelled\n"),
    "content/events/2018-08-23-film.en.md": event("Film", "2018-08-23T17:30", "2018-08-23T20:00", "status: cancelled\n"),
}


@pytest.fixture
def site(tree):
    root = tree(FILES)
    return load_site(root / "content", root)


def only_event(files, path):
    cal = Calendar.from_ical(files[path])
    events = cal.walk("VEVENT")
    assert len(events) == 1
    return cal, events[0]


def local(value: str) -> datetime:
    return datetime.fromisoformat(value)


def test_times_across_a_daylight_saving_change_equal_the_front_matter(site):
    files = calendar_files(site, "sv", SITE_URL, NOW)
    cal, vevent = only_event(files, "events/2018-10-27-nattvandring.ics")
    start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
    assert str(start.tzinfo) == "Europe/Stockholm" and str(end.tzinfo) == "Europe/Stockholm"
    assert start.replace(tzinfo=None) == local("2018-10-27T22:00")
    assert end.replace(tzinfo=None) == local("2018-10-28T04:00")
    assert end.astimezone(timezone.utc) - start.astimezone(timezone.utc) == timedelta(hours=7)
    raw = files["events/2018-10-27-nattvandring.ics"].decode()
    assert "DTSTART;TZID=Europe/Stockholm:20181027T220000" in raw
    assert "DTEND;TZID=Europe/Stockholm:20181028T040000" in raw
    # The VTIMEZONE carries the change as a yearly rule, for calendar apps without a time-zone
    # database (test_calendar_readers.py reads it with two of them).
    timezones = cal.walk("VTIMEZONE")
    assert [tz["TZID"] for tz in timezones] == ["Europe/Stockholm"]
    (standard,) = timezones[0].walk("STANDARD")
    assert standard["RRULE"] == {"FREQ": ["YEARLY"], "BYMONTH": [10], "BYDAY": ["-1SU"]}
    assert standard.decoded("dtstart") == local("1996-10-27T03:00")  # 03:00 summer time, as it happens
    assert timezones[0].walk("DAYLIGHT")


def test_multi_day_all_day_event_is_dates_with_an_exclusive_end(site):
    files = calendar_files(site, "sv", SITE_URL, NOW)
    cal, vevent = only_event(files, "events/2015-10-05-skaneveckan.ics")
    assert vevent.decoded("dtstart") == date(2015, 10, 5)
    assert vevent.decoded("dtend") == date(2015, 10, 12)  # the day after the last day, 11 October
    raw = files["events/2015-10-05-skaneveckan.ics"].decode()
    assert "DTSTART;VALUE=DATE:20151005" in raw and "DTEND;VALUE=DATE:20151012" in raw
    assert not cal.walk("VTIMEZONE")  # dates have no time zone, so none is needed
    assert vevent["LOCATION"] == "Inte bestämd än."


def test_one_day_all_day_event(site):
    _, vevent = only_event(calendar_files(site, "sv", SITE_URL, NOW), "events/2018-05-17-varyra.ics")
    assert vevent.decoded("dtstart") == date(2018, 5, 17)
    assert vevent.decoded("dtend") == date(2018, 5, 18)


def test_cancelled_event_says_so(site):
    files = calendar_files(site, "en", SITE_URL, NOW)
    _, vevent = only_event(files, "en/events/2018-08-23-film.ics")
    assert vevent["STATUS"] == "CANCELLED"
    assert vevent["SUMMARY"] == "Cancelled: Film"
    assert vevent["SEQUENCE"] == 1
    _, scheduled = only_event(files, "en/events/2018-05-17-varyra.ics")
    assert scheduled["STATUS"] == "CONFIRMED" and "SEQUENCE" not in scheduled


def test_required_properties_and_links_back(site):
    files = calendar_files(site, "sv", SITE_URL, NOW)
    cal, vevent = only_event(files, "events/2018-08-23-film.ics")
    assert cal["VERSION"] == "2.0" and cal["PRODID"].startswith("-//Klarsida//")
    assert vevent["UID"] == "events-2018-08-23-film@example.org"
    assert vevent.decoded("dtstamp") == datetime(2018, 6, 14, 10, 0, tzinfo=timezone.utc)
    assert vevent["URL"] == "https://example.org/klarsida/events/2018-08-23-film/"
    assert vevent["LOCATION"] == "Röda kvarn, Karlsgatan 7, Helsingborg"
    assert vevent["DESCRIPTION"] == "Om Film.\n\nhttps://example.org/klarsida/events/2018-08-23-film/"


def test_each_feed_holds_every_event_of_its_language(site):
    for lang, prefix in (("sv", ""), ("en", "en/")):
        files = calendar_files(site, lang, SITE_URL, NOW)
        feed = Calendar.from_ical(files[f"{prefix}events/calendar.ics"])
        uids = sorted(str(e["UID"]) for e in feed.walk("VEVENT"))
        expected = sorted(f"{key.replace('/', '-')}@example.org" for key in site.keys("event"))
        assert uids == expected
        assert len(files) == len(expected) + 1  # one .ics per event, and the feed
        assert feed["X-WR-CALNAME"]
    english = Calendar.from_ical(calendar_files(site, "en", SITE_URL, NOW)["en/events/calendar.ics"])
    titles = {str(e["UID"]): str(e["SUMMARY"]) for e in english.walk("VEVENT")}
    assert titles["events-2015-10-05-skaneveckan@example.org"] == "Skåne week"
    assert titles["events-2018-05-17-varyra@example.org"] == "Våryra"  # untranslated: the Swedish page
    urls = {str(e["URL"]) for e in english.walk("VEVENT")}
    assert "https://example.org/klarsida/en/events/2018-05-17-varyra/" in urls


def test_same_epoch_gives_the_same_bytes(site, tree):
    first = calendar_files(site, "sv", SITE_URL, NOW)
    root = tree(FILES)
    second = calendar_files(load_site(root / "content", root), "sv", SITE_URL, build_time({"SOURCE_DATE_EPOCH": "1528970400"}))
    assert first == second
    later = calendar_files(site, "sv", SITE_URL, NOW + timedelta(days=1))
    assert later != first  # DTSTAMP follows the build time, nothing else does
    strip = lambda files: {k: b"\n".join(l for l in v.split(b"\n") if not l.startswith(b"DTSTAMP")) for k, v in files.items()}
    assert strip(later) == strip(first)


def test_without_site_url_there_is_no_url_but_a_uid(site):
    _, vevent = only_event(calendar_files(site, "sv", None, NOW), "events/2018-08-23-film.ics")
    assert "URL" not in vevent
    assert vevent["UID"] == "events-2018-08-23-film@klarsida.invalid"
    assert vevent["DESCRIPTION"] == "Om Film."
