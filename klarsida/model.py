"""The content model: pages, meeting summaries and events, one object per source file and language.

Paths: `rel` is relative to the repository (what editors see in messages), `doc_path` is relative
to the content folder (`content/`), and `key` names a page independent of language, so that
`meetings/2018-06-14-slug.sv.md` and `.en.md` share the key `meetings/2018-06-14-slug`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from .clock import STOCKHOLM

LANG_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")
DATED_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")
COLLECTIONS = {"meetings": "meeting", "events": "event"}


@dataclass(frozen=True)
class Change:
    """One change note (front matter `changes`): when, and what is new or corrected."""

    date: date
    note: str


@dataclass(frozen=True)
class Document:
    kind: str
    rel: str
    doc_path: str
    key: str
    lang: str
    meta: dict[str, Any]
    body: str
    body_line: int = 1
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # Made by the build (an archive page), not read from a file: no editor wrote it, so checks and
    # readability leave it out.
    generated: bool = False
    # Read from a file whose front matter has errors: not published, but its body is still checked
    # (links, HTML), so an editor sees every error in one run.
    draft: bool = False

    @property
    def title(self) -> str:
        title = self.meta.get("title")
        if title:
            return str(title)
        match = re.search(r"^#\s+(.+?)\s*#*\s*$", self.body, re.M)
        return match.group(1) if match else self.key.rsplit("/", 1)[-1]

    @property
    def changes(self) -> list[Change]:
        """The change notes, newest first (the loader has checked their dates)."""
        found = []
        for item in self.meta.get("changes") or []:
            day = parse_date(str(item.get("date"))) if isinstance(item, dict) else None
            if day is not None and item.get("note"):
                found.append(Change(day, str(item["note"]).strip()))
        return sorted(found, key=lambda c: c.date, reverse=True)

    @property
    def updated(self) -> date | None:
        """The day of the latest change note, if any."""
        changes = self.changes
        return changes[0].date if changes else None

    @property
    def summary(self) -> str:
        return str(self.meta.get("summary") or self.meta.get("description") or "")

    @property
    def url(self) -> str:
        """Site-root-relative URL with directory URLs, e.g. `en/meetings/2018-06-14-slug/`."""
        return url_for(self.key, self.lang)

    @property
    def is_listing_item(self) -> bool:
        return self.kind in ("meeting", "event")


@dataclass(frozen=True)
class Meeting(Document):
    date: date = date.min


@dataclass(frozen=True)
class Event(Document):
    start: datetime = datetime.min
    end: datetime = datetime.min
    all_day: bool = False

    @property
    def ends_at(self) -> datetime:
        """The moment the event is over; an all-day event lasts until midnight after its last day."""
        if self.all_day:
            return datetime.combine(self.end.date() + timedelta(days=1), time(0), STOCKHOLM)
        return self.end

    @property
    def multi_day(self) -> bool:
        return self.start.date() != self.end.date()

    @property
    def place(self) -> dict[str, Any]:
        return self.meta.get("place") or {}


DEFAULT_LANG = "sv"


def url_for(key: str, lang: str, default_lang: str = DEFAULT_LANG) -> str:
    prefix = "" if lang == default_lang else f"{lang}/"
    if key == "index":
        path = ""
    elif key.endswith("/index"):
        path = key[: -len("index")]
    else:
        path = f"{key}/"
    return f"{prefix}{path}"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one page to another that works wherever the site is deployed (also a subpath)."""
    from_parts = [p for p in from_url.split("/") if p]
    to_parts = [p for p in to_url.split("/") if p]
    common = 0
    while common < min(len(from_parts), len(to_parts)) and from_parts[common] == to_parts[common]:
        common += 1
    up = [".."] * (len(from_parts) - common)
    rest = to_parts[common:]
    joined = "/".join(up + rest)
    if not joined:
        return "./"
    return joined + ("/" if rest or up else "")


def relative_file_url(from_url: str, file_path: str) -> str:
    """A link from a page to a file (`meetings/feed.xml`, `klarsprak.csv`), not to a page's folder."""
    folder, _, name = file_path.rpartition("/")
    base = relative_url(from_url, folder + "/") if folder else relative_url(from_url, "")
    return (base if base.endswith("/") else base + "/") + name


def parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def parse_local(value: str) -> tuple[datetime | None, bool]:
    """`2018-08-23T17:30` → aware datetime in Stockholm; `2015-10-05` → midnight and all_day=True."""
    if "T" not in value:
        day = parse_date(value)
        return (datetime.combine(day, time(0), STOCKHOLM) if day else None), True
    try:
        naive = datetime.fromisoformat(value)
    except ValueError:
        return None, False
    return naive.replace(tzinfo=STOCKHOLM), False
