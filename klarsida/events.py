"""Event facts shared by the page, the calendar files and the structured data.

One place decides where an event's .ics lives, what its status means and how its fields read,
so the key facts, the .ics and the JSON-LD can never disagree.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from urllib.parse import quote_plus

from .checks import register
from .errors import ContentError
from .model import Event, parse_date, url_for
from .site import Site

STATUSES = ("scheduled", "cancelled", "postponed", "rescheduled")
# Same order as the schema's enum: the order the facts list them in.
ACCESSIBILITY = ("step-free-entrance", "lift", "accessible-toilet", "hearing-loop", "seating", "accessible-parking")
CALENDAR_FEED = "calendar.ics"


def status(event: Event) -> str:
    return str(event.meta.get("status") or "scheduled")


FREE_WORDS = ("0", "gratis", "free")


def price(event: Event) -> int | None:
    """Whole kronor; 0 is free; None when the editors do not know (or wrote something else)."""
    value = str(event.meta.get("price") or "").strip().lower()
    if value in FREE_WORDS:
        return 0
    return int(value) if value.isascii() and value.isdigit() else None


def registration(event: Event) -> dict[str, Any]:
    return event.meta.get("registration") or {}


def registration_by(event: Event) -> date | None:
    value = registration(event).get("by")
    return parse_date(value) if isinstance(value, str) else None


def organizer(event: Event) -> dict[str, Any]:
    return event.meta.get("organizer") or {}


def accessibility(event: Event) -> list[str]:
    found = set(event.place.get("accessibility") or [])
    return [name for name in ACCESSIBILITY if name in found]


def languages(event: Event) -> list[str]:
    return list(event.meta.get("language") or [])


def address(event: Event) -> str | None:
    """The street address, unless the venue is not decided yet."""
    if event.place.get("tbd"):
        return None
    value = event.place.get("address")
    return str(value) if value else None


def location_text(event: Event) -> str:
    parts = [str(event.place.get("name") or ""), address(event) or ""]
    return ", ".join(p for p in parts if p)


def map_url(event: Event) -> str | None:
    """A search on OpenStreetMap: a plain link, so no map tiles load (and no visitor data leaves)."""
    where = address(event)
    if not where:
        return None
    return f"https://www.openstreetmap.org/search?query={quote_plus(where)}"


def exclusive_end_date(event: Event) -> date:
    """iCalendar's DTEND for an all-day event is the day after the last day."""
    return event.end.date() + timedelta(days=1)


def ics_url(key: str, lang: str, default_lang: str = "sv") -> str:
    """Site-root-relative path of one event's .ics, next to the events: `en/events/2018-08-23-x.ics`."""
    page = url_for(key, lang, default_lang)
    return page.rstrip("/") + ".ics"


def feed_url(lang: str, default_lang: str = "sv") -> str:
    """The calendar with every event of one language: `events/calendar.ics`, `en/events/calendar.ics`."""
    return url_for("events/index", lang, default_lang) + CALENDAR_FEED


@register
def check_events(site: Site, session) -> list[ContentError]:
    """What the schema cannot say: registration and organiser links must be https, and registration
    must close before the event."""
    errors = []
    for (key, lang), doc in sorted(site.documents.items()):
        if not isinstance(doc, Event):
            continue
        value = doc.meta.get("price")
        if value is not None and price(doc) is None:
            errors.append(
                ContentError(
                    doc.rel, doc.lines.get("price"), "price",
                    f"Priset {value} ska vara ett helt antal kronor med bara siffror, eller 0 om det är gratis.",
                    f"The price {value} must be whole Swedish kronor in digits only, or 0 if it is free.",
                    "price: 50",
                )
            )
        for field, url in (("registration.url", registration(doc).get("url")), ("organizer.url", organizer(doc).get("url"))):
            if isinstance(url, str) and (not url.startswith("https://") or any(c.isspace() for c in url)):
                errors.append(_not_https(doc, field, url))
        by = registration_by(doc)
        if by and by > doc.start.date():
            errors.append(
                ContentError(
                    doc.rel, doc.lines.get("registration.by"), "registration.by",
                    f"Sista dagen för anmälan ({by}) är efter att evenemanget har börjat ({doc.start.date()}).",
                    f"The last day to register ({by}) is after the event starts ({doc.start.date()}).",
                    f"by: {doc.start.date() - timedelta(days=7)}",
                )
            )
    return errors


def _not_https(doc: Event, field: str, url: str) -> ContentError:
    return ContentError(
        doc.rel, doc.lines.get(field), field,
        f"Länken {url} ska vara en hel webbadress som börjar med https://, utan mellanslag.",
        f"The link {url} must be a full web address starting with https://, without spaces.",
        "url: https://helsingborg.se/anmalan",
    )
