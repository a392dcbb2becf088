"""Collections: meeting summaries by year, events split into upcoming and past.

Listings are built here, from the validated Site, once per language: the generator's own blog
features cannot serve a two-language site.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
import re
from itertools import groupby

from . import i18n
from .model import Document, Event, Meeting
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
    """Each year of the archive has its own listing page (made by the build: archive_documents)."""
    return f"meetings/{year}"


def meetings_in_year(site: Site, lang: str, year: int) -> list[Meeting]:
    return [m for m in site.meetings(lang) if m.date.year == year]


def archive_years(site: Site, lang: str) -> list[tuple[int, int]]:
    """(year, number of meetings), newest first: the archive's table of contents."""
    return [(year, len(meetings)) for year, meetings in meetings_by_year(site.meetings(lang))]


def archive_documents(site: Site) -> list[Document]:
    """The year pages of the meeting archive, made by the build for every year with meetings and in
    every language, so an editor adds a meeting in a new year by adding that one file. A page an
    editor wrote (`meetings/2018.sv.md`) is used instead where there is one."""
    made = []
    for year, _ in archive_years(site, site.default_lang):
        key = year_page_key(year)
        for lang in site.languages:
            if site.get(key, lang) is not None:
                continue
            title = i18n.label(lang, "meetings_in_year", year=year)
            made.append(Document(
                kind="page", rel=f"content/{key}.{lang}.md", doc_path=f"{key}.{lang}.md", key=key, lang=lang,
                meta={"title": title, "description": i18n.label(lang, "year_page_description", year=year)},
                body=i18n.label(lang, "year_page_intro", year=year) + "\n", generated=True,
            ))
    return made


def latest_meeting(site: Site, lang: str) -> Meeting | None:
    meetings = site.meetings(lang)
    return meetings[0] if meetings else None
