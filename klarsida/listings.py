"""Collections: meeting summaries by year, events split into upcoming and past.

Material's blog plugin writes no posts when static-i18n is on, so listings are built here, from
the validated Site, once per language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from .model import Event, Meeting
from .site import Site


@dataclass(frozen=True)
class EventSplit:
    upcoming: list[Event]
    past: list[Event]


def split_events(events: list[Event], now: datetime) -> EventSplit:
    """Upcoming (soonest first) holds everything not yet over, including what is on right now."""
    upcoming = sorted((e for e in events if e.ends_at > now), key=lambda e: (e.start, e.key))
    past = sorted((e for e in events if e.ends_at <= now), key=lambda e: (e.start, e.key), reverse=True)
    return EventSplit(upcoming, past)


def meetings_by_year(meetings: list[Meeting]) -> list[tuple[int, list[Meeting]]]:
    """Newest year first, newest meeting first within each year."""
    ordered = sorted(meetings, key=lambda m: (m.date, m.key), reverse=True)
    return [(year, list(group)) for year, group in groupby(ordered, key=lambda m: m.date.year)]


def latest_meeting(site: Site, lang: str) -> Meeting | None:
    meetings = site.meetings(lang)
    return meetings[0] if meetings else None
