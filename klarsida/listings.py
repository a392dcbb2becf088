"""Collections: meeting summaries by year, events split into upcoming and past.

Material's blog plugin writes no posts when static-i18n is on, so listings are built here, from
the validated Site, once per language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
import re
from itertools import groupby

from .checks import register
from .errors import ContentError
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


YEAR_PAGE = re.compile(r"^meetings/(?P<year>\d{4})$")


def year_page_key(year: int) -> str:
    """Each year of the archive has its own listing page, a real source file `meetings/YYYY.sv.md`."""
    return f"meetings/{year}"


def meetings_in_year(site: Site, lang: str, year: int) -> list[Meeting]:
    return [m for m in site.meetings(lang) if m.date.year == year]


def archive_years(site: Site, lang: str) -> list[tuple[int, int]]:
    """(year, number of meetings), newest first: the archive's table of contents."""
    return [(year, len(meetings)) for year, meetings in meetings_by_year(site.meetings(lang))]


@register
def year_pages_exist(site: Site, settings: dict) -> list[ContentError]:
    """Listing every meeting on one page would grow without end; each year gets a page instead."""
    errors = []
    for year, _ in archive_years(site, site.default_lang):
        key = year_page_key(year)
        if site.get(key, site.default_lang) is None:
            first = meetings_in_year(site, site.default_lang, year)[-1]
            errors.append(
                ContentError(
                    first.rel, None, None,
                    f"Det finns möten från {year} men ingen sida som listar dem. "
                    f"Skapa content/{key}.sv.md (och content/{key}.en.md) med rubriken, till exempel:",
                    f"There are meetings from {year} but no page listing them. "
                    f"Create content/{key}.sv.md (and content/{key}.en.md) with a title, for example:",
                    f"---\\ntitle: Möten {year}\\n---\\nHär är våra möten {year}. Det senaste står först.",
                )
            )
    return errors


def latest_meeting(site: Site, lang: str) -> Meeting | None:
    meetings = site.meetings(lang)
    return meetings[0] if meetings else None
