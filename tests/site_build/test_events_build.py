"""The real site's calendars, feeds and Event JSON-LD (SOURCE_DATE_EPOCH pinned to 14 June 2018)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urljoin

import yaml
from icalendar import Calendar

from klarsida.clock import STOCKHOLM
from tests.calendar_readers.readers import expected, mismatches, read_all
from tests.conftest import REPO, mkdocs_build

CONTENT = REPO / "content"
NS = {"a": "http://www.w3.org/2005/Atom"}
FILM = "events/2018-08-23-i-daniel-blake"


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def event_keys() -> list[str]:
    return sorted({p.relative_to(CONTENT).as_posix().rsplit(".", 2)[0] for p in (CONTENT / "events").glob("????-??-??-*.md")})


def meeting_keys() -> list[str]:
    return sorted({p.relative_to(CONTENT).as_posix().rsplit(".", 2)[0] for p in (CONTENT / "meetings").glob("????-??-??-*.md")})


def source(key: str, lang: str) -> Path:
    """The page readers of `lang` get: the translation if there is one, else the Swedish original."""
    translated = CONTENT / f"{key}.{lang}.md"
    return translated if translated.is_file() else CONTENT / f"{key}.sv.md"


def prefix(site: Path, lang: str) -> Path:
    return site if lang == "sv" else site / lang


def expected_times(meta: dict):
    start, end = str(meta["start"]), str(meta["end"])
    if "T" not in start:
        return date.fromisoformat(start), date.fromisoformat(end)
    return datetime.fromisoformat(start), datetime.fromisoformat(end)


def json_ld(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_every_event_ics_parses_and_matches_its_front_matter(built_site):
    assert len(event_keys()) >= 5
    for lang in ("sv", "en"):
        for key in event_keys():
            ics = prefix(built_site, lang) / f"{key}.ics"
            assert ics.is_file(), ics
            events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
            assert len(events) == 1
            vevent = events[0]
            start, end = expected_times(front_matter(source(key, lang)))
            got_start, got_end = vevent.decoded("dtstart"), vevent.decoded("dtend")
            if isinstance(start, datetime):
                assert str(got_start.tzinfo) == "Europe/Stockholm", ics
                assert got_start.replace(tzinfo=None) == start and got_end.replace(tzinfo=None) == end, ics
            else:
                assert got_start == start and (got_end - end).days == 1, ics  # exclusive end
            page = "https://example.org/klarsida/" + ("" if lang == "sv" else "en/") + key + "/"
            assert vevent["URL"] == page


def test_every_calendar_file_reads_as_zoneinfo_says_in_two_independent_readers(built_site):
    """ical.js (Thunderbird) and vobject (Radicale) read each .ics with its own VTIMEZONE; every event
    must land at zoneinfo's UTC instant for its front matter (issue 15: the film at 18:30, not 17:30)."""
    paths = sorted(built_site.rglob("*.ics"))
    assert len(paths) == 2 * (len(event_keys()) + 1)  # per language: each event and the feed
    want = {}
    for key in event_keys():
        for lang in ("sv", "en"):
            times = expected(*expected_times(front_matter(source(key, lang))), STOCKHOLM)
            assert want.setdefault(f"{key.replace('/', '-')}@example.org", times) == times  # languages agree
    read = read_all(paths)
    assert mismatches(read, want) == []
    for files in read.values():
        assert sum(len(events) for events in files.values()) == 2 * 2 * len(event_keys())


def test_each_calendar_feed_holds_every_event_of_its_language(built_site):
    for lang in ("sv", "en"):
        feed = Calendar.from_ical((prefix(built_site, lang) / "events/calendar.ics").read_bytes())
        titles = sorted(str(e["SUMMARY"]) for e in feed.walk("VEVENT"))
        assert titles == sorted(str(front_matter(source(k, lang))["title"]) for k in event_keys())


def test_every_event_page_carries_event_json_ld(built_site):
    for lang in ("sv", "en"):
        for key in event_keys():
            html = (prefix(built_site, lang) / key / "index.html").read_text(encoding="utf-8")
            head = html[: html.index("</head>")]
            (data,) = json_ld(head)
            meta = front_matter(source(key, lang))
            assert data["@type"] == "Event" and data["name"] == meta["title"]
            start, _ = expected_times(meta)
            assert data["startDate"].startswith(start.isoformat()[:16])
            if isinstance(start, datetime):
                assert re.search(r"\+0[12]:00$", data["startDate"])  # with the UTC offset of that day
            assert data["eventStatus"] == "https://schema.org/EventScheduled"
            assert data["location"]["@type"] == "Place"
    about = (built_site / "about/index.html").read_text(encoding="utf-8")
    assert json_ld(about) == []


def test_meetings_feed_per_language_advertised_on_every_page(built_site):
    for lang in ("sv", "en"):
        feed_file = prefix(built_site, lang) / "meetings/feed.xml"
        feed = ET.parse(feed_file).getroot()
        assert len(feed.findall("a:entry", NS)) == len(meeting_keys())
    pages = list(built_site.rglob("index.html"))
    assert len(pages) >= 26
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        match = re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', head)
        assert match, page
        target = (page.parent / match.group(1)).resolve()
        lang = "en" if page.relative_to(built_site).parts[0] == "en" else "sv"
        assert target == (prefix(built_site, lang) / "meetings/feed.xml").resolve(), page


def test_listings_and_event_pages_link_to_files_that_exist(built_site):
    for lang in ("sv", "en"):
        listing = prefix(built_site, lang) / "events/index.html"
        html = listing.read_text(encoding="utf-8")
        (href,) = re.findall(r'<a class="ks-feed" href="([^"]+)"', html)
        assert (listing.parent / href).is_file()
        # The same file as a webcal: subscription, from mkdocs.yml's site_url.
        (webcal,) = re.findall(r'<a class="ks-feed-subscribe" href="([^"]+)"', html)
        site_path = (listing.parent / href).resolve().relative_to(built_site.resolve()).as_posix()
        assert webcal == "webcal://example.org/klarsida/" + site_path
        meetings = prefix(built_site, lang) / "meetings/index.html"
        (href,) = re.findall(r'<a class="ks-feed" href="([^"]+)"', meetings.read_text(encoding="utf-8"))
        assert (meetings.parent / href).is_file()
        page = prefix(built_site, lang) / FILM / "index.html"
        (href,) = re.findall(r'<a class="ks-button" href="([^"]+)" type="text/calendar">', page.read_text(encoding="utf-8"))
        assert (page.parent / href).resolve() == (prefix(built_site, lang) / f"{FILM}.ics").resolve()
    swedish = without_nowrap((built_site / FILM / "index.html").read_text(encoding="utf-8"))
    assert "torsdag 23 augusti 2018 kl. 17.30–20.00" in swedish and "Lägg till i kalendern" in swedish
    english = without_nowrap((built_site / "en" / FILM / "index.html").read_text(encoding="utf-8"))
    assert "Thursday 23 August 2018, 5:30pm to 8pm" in english and "Add to calendar" in english


def without_nowrap(html: str) -> str:
    """The page without the spans that keep times and dates on one line."""
    return re.sub(r'<span class="ks-nowrap">(.*?)</span>', r"\1", html)


def generated_files(site: Path) -> dict[str, bytes]:
    files = [*site.rglob("*.ics"), *site.rglob("feed.xml")]
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in files}


def test_calendars_and_feeds_are_byte_identical_for_the_same_epoch(built_site, tmp_path):
    again = tmp_path / "again"
    result = mkdocs_build(again)
    assert result.returncode == 0, result.stderr
    first, second = generated_files(built_site), generated_files(again)
    assert len(first) == 2 * (len(event_keys()) + 2)  # per language: each event, the calendar, the feed
    assert first == second


def test_a_cancelled_event_says_so_everywhere(site_copy, tmp_path):
    for lang in ("sv", "en"):
        path = site_copy / "content" / f"{FILM}.{lang}.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\nsummary:", "\nstatus: cancelled\nsummary:", 1), encoding="utf-8")
    out = tmp_path / "site"
    result = mkdocs_build(out, config=site_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    for lang, notice, word in (("sv", "Inställt. Evenemanget blir inte av.", "Inställt"),
                               ("en", "Cancelled. This event will not take place.", "Cancelled")):
        html = (prefix(out, lang) / FILM / "index.html").read_text(encoding="utf-8")
        assert notice in html
        (data,) = json_ld(html)
        assert data["eventStatus"] == "https://schema.org/EventCancelled"
        (vevent,) = Calendar.from_ical((prefix(out, lang) / f"{FILM}.ics").read_bytes()).walk("VEVENT")
        assert vevent["STATUS"] == "CANCELLED"
        feed = Calendar.from_ical((prefix(out, lang) / "events/calendar.ics").read_bytes())
        film = [e for e in feed.walk("VEVENT") if str(e["UID"]).startswith("events-2018-08-23")]
        assert film[0]["STATUS"] == "CANCELLED" and str(film[0]["SUMMARY"]).startswith(word)
        listing = (prefix(out, lang) / "events/index.html").read_text(encoding="utf-8")
        assert f"<strong class=\"ks-item__status\">{word}</strong>" in listing
