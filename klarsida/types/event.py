"""Events: `content/events/<start date>-<slug>.<lang>.md`, upcoming soonest first and past newest
first, in the calendars (.ics) and with schema.org Event data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..errors import ContentError
from ..model import Event
from . import SCHEMAS, ContentType, Listing, Scaffold
from .dates import name_date, read_day, read_moment

PLACEHOLDER = "FYLL I"


def parse_fields(meta: dict, key: str, rel: str, lines: dict) -> tuple[dict, list[ContentError]]:
    errors = []
    parsed = {}
    for name, example in (("start", "2018-08-23T17:30"), ("end", "2018-08-23T20:00")):
        moment, more = read_moment(meta, name, rel, lines, example)
        errors += more
        if moment is not None:
            parsed[name] = moment
    # Not a field of the model, but a date all the same: checked like every other date.
    _, more = read_day(meta, "registration.by", rel, lines, "2018-08-16")
    errors += more
    if len(parsed) == 2:
        (start, start_all_day), (end, end_all_day) = parsed["start"], parsed["end"]
        if start_all_day != end_all_day:
            errors.append(
                ContentError(
                    rel, lines.get("end"), "end",
                    "start och end ska skrivas på samma sätt: båda med klockslag, eller båda bara datum (heldag).",
                    "start and end must have the same form: both with a time, or both dates only (all day).",
                    "start: 2015-10-05 och end: 2015-10-11",
                )
            )
        elif end < start:
            errors.append(
                ContentError(
                    rel, lines.get("end"), "end",
                    f"Evenemanget slutar ({meta['end']}) innan det börjar ({meta['start']}).",
                    f"The event ends ({meta['end']}) before it starts ({meta['start']}).",
                    "start: 2018-08-23T17:30 och end: 2018-08-23T20:00",
                )
            )
        name_day = name_date(key)
        if name_day and start.date() != name_day:
            errors.append(
                ContentError(
                    rel, lines.get("start"), "start",
                    f"Startdagen {start.date()} stämmer inte med filnamnets datum {name_day}.",
                    f"The start day {start.date()} disagrees with the date in the file name, {name_day}.",
                    f"start: {name_day}T17:30",
                )
            )
        if not errors:
            return {"start": start, "end": end, "all_day": start_all_day}, []
    return {}, errors


@dataclass(frozen=True)
class EventSplit:
    upcoming: list[Event]
    past: list[Event]


def split_events(events: list[Event], now: datetime) -> EventSplit:
    """Upcoming (soonest first) holds everything not yet over, including what is on right now."""
    upcoming = sorted((e for e in events if e.ends_at > now), key=lambda e: (e.start, e.key))
    past = sorted((e for e in events if e.ends_at <= now), key=lambda e: (e.start, e.key), reverse=True)
    return EventSplit(upcoming, past)


def _listing(site, ctype: ContentType, lang: str, now: datetime) -> dict:
    return {"split": split_events(ctype.items(site, lang), now)}


TYPE = ContentType(
    name="event",
    schema_file=SCHEMAS / "event.json",
    folder="events",
    model=Event,
    dated=True,
    parse=parse_fields,
    order=lambda e: e.start,
    agree_between_languages=("start", "end"),
    facts_template="event_facts.html",
    listing=Listing(index_key="events/index", template="events_listing.html", context=_listing),
    scaffold=Scaffold(
        when_option="start", end_option=True,
        help_sv="evenemang", help_en="event",
        bodies={
            "sv": (
                f"{PLACEHOLDER}: Välkommen! Skriv vad som händer, för vem och om man måste anmäla sig.",
                "",
                f"{PLACEHOLDER}: Skriv korta meningar. Skriv vi och du. Skriv ut förkortningar.",
            ),
            "en": (f"{PLACEHOLDER}: Translate the Swedish text into plain English.",),
        },
    ),
    calendar=True,
    reference_path="content/events/",
)
