"""Calendar files (RFC 5545) made with the icalendar library: one .ics per event, one feed per language.

Reproducible: DTSTAMP is the build time (SOURCE_DATE_EPOCH when set), the VTIMEZONE holds the yearly
rules in force from the first event's year on (klarsida/timezones.py, from zoneinfo), and events come
sorted, so the same content, tzdata and epoch give the same bytes.
"""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

from icalendar import Calendar
from icalendar import Event as VEvent

from . import events as facts
from . import i18n
from .clock import STOCKHOLM
from .model import Event, url_for
from .site import Site
from .timezones import ZoneRules

PRODID = "-//Klarsida//Gemensam utvecklingsgrupp Helsingborg//SV"
TZID = "Europe/Stockholm"
# RFC 5545 STATUS for VEVENT has no "postponed": TENTATIVE says "do not count on this time".
ICAL_STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def absolute_url(site_url: str | None, path: str) -> str | None:
    """`https://example.org/klarsida/` + `en/events/x/`; None without a site_url (then no URL is given)."""
    if not site_url:
        return None
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path)


def uid(key: str, site_url: str | None) -> str:
    """Stable across builds and languages: the same event is the same calendar entry in both feeds."""
    host = (urlsplit(site_url).hostname if site_url else None) or "klarsida.invalid"
    return f"{key.replace('/', '-')}@{host}"


def vevent(event: Event, lang: str, site_url: str | None, now: datetime) -> VEvent:
    status = facts.status(event)
    component = VEvent()
    title = event.title
    if status in ("cancelled", "postponed"):
        # Many calendar apps ignore STATUS in their views; the title says it to everyone.
        title = f"{i18n.label(lang, 'status_word_' + status)}: {title}"
    component.add("uid", uid(event.key, site_url))
    component.add("dtstamp", now.astimezone(timezone.utc))
    component.add("summary", title)
    if event.all_day:
        component.add("dtstart", event.start.date())
        component.add("dtend", facts.exclusive_end_date(event))
    else:
        component.add("dtstart", event.start.astimezone(STOCKHOLM))
        component.add("dtend", event.end.astimezone(STOCKHOLM))
    component.add("status", ICAL_STATUS[status])
    if status != "scheduled":
        # A changed event must outrank the copy people imported earlier.
        component.add("sequence", 1)
    location = facts.location_text(event)
    if location:
        component.add("location", location)
    page = absolute_url(site_url, url_for(event.key, lang))
    description = event.summary
    if page:
        description = f"{description}\n\n{page}" if description else page
        component.add("url", page)
    if description:
        component.add("description", description)
    organizer = facts.organizer(event)
    if organizer.get("name"):
        # ORGANIZER needs an email address (CAL-ADDRESS); the name goes in a comment instead.
        component.add("comment", f"{i18n.label(lang, 'organiser')}: {organizer['name']}")
    return component


def zone_rules(events: list[Event]) -> dict[str, ZoneRules]:
    """The rules of every zone the timed events are written in, scanned once for all their files."""
    timed = [e for e in events if not e.all_day]
    if not timed:
        return {}
    first, last = min(e.start for e in timed).year, max(e.end for e in timed).year
    # Every DTSTART and DTEND is written in Stockholm time (vevent); a zone per event would add its key here.
    return {TZID: ZoneRules(TZID, STOCKHOLM, first, last)}


def calendar(events: list[Event], lang: str, site_url: str | None, now: datetime, name: str | None = None,
             zones: dict[str, ZoneRules] | None = None) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("name", name)  # RFC 7986
        cal.add("x-wr-calname", name)  # what Apple and Google calendars show
        cal.add("x-wr-timezone", TZID)
    timed = [e for e in events if not e.all_day]
    if timed:
        zones = zones if zones is not None else zone_rules(events)
        # Yearly rules (RRULE) as calendar applications exchange them, from the first event's year
        # on: readers without zone data of their own (ical.js, vobject) use these, and they misread
        # the RDATE lists the icalendar library writes (klarsida/timezones.py).
        first = min(e.start for e in timed).year
        cal.add_component(zones[TZID].vtimezone(first))
    for event in sorted(events, key=lambda e: (e.start, e.key)):
        cal.add_component(vevent(event, lang, site_url, now))
    return cal.to_ical()


def calendar_files(site: Site, lang: str, site_url: str | None, now: datetime, site_name: str | None = None) -> dict[str, bytes]:
    """{site-root-relative path: bytes} for one language build: each event's .ics and the feed."""
    # The items of every type in the calendars (events), soonest first.
    events = sorted((doc for t in site.types if t.calendar for doc in t.items(site, lang)), key=lambda e: (e.start, e.key))
    zones = zone_rules(events)  # one scan of zoneinfo (about 0.1 s) for all the files
    files = {
        facts.ics_url(event.key, lang, site.default_lang): calendar([event], lang, site_url, now, zones=zones)
        for event in events
    }
    name = i18n.label(lang, "feed_title_events")
    if site_name:
        name = f"{name}: {site_name}"
    files[facts.feed_url(lang, site.default_lang)] = calendar(events, lang, site_url, now, name=name, zones=zones)
    return dict(sorted(files.items()))
