"""Meeting summaries: `content/meetings/<date>-<slug>.<lang>.md`, newest first, a page per year,
in the Atom feed."""

from __future__ import annotations

from datetime import datetime

from ..errors import ContentError
from ..model import Meeting
from . import SCHEMAS, ContentType, Listing, Scaffold
from .dates import name_date, read_day

PLACEHOLDER = "FYLL I"


def parse_fields(meta: dict, key: str, rel: str, lines: dict) -> tuple[dict, list[ContentError]]:
    day, errors = read_day(meta, "date", rel, lines, "2018-06-14")
    name_day = name_date(key)
    if day and name_day and day != name_day:
        errors.append(
            ContentError(
                rel, lines.get("date"), "date",
                f"Datumet {day} stämmer inte med filnamnets datum {name_day}. Ändra det som är fel.",
                f"The date {day} disagrees with the date in the file name, {name_day}. Fix whichever is wrong.",
                f"date: {name_day}",
            )
        )
    _, more = read_day(meta, "next_meeting", rel, lines, "2015-06-08")
    return {"date": day}, errors + more


def _listing(site, ctype: ContentType, lang: str, now: datetime) -> dict:
    """The latest year's meetings, then the archive year by year (newest first)."""
    from ..listings import by_year

    years = by_year(ctype, site, lang)
    return {"latest": years[0] if years else None, "archive": [(year, len(items)) for year, items in years]}


TYPE = ContentType(
    name="meeting",
    schema_file=SCHEMAS / "meeting.json",
    folder="meetings",
    model=Meeting,
    dated=True,
    parse=parse_fields,
    order=lambda m: m.date,
    newest_first=True,
    agree_between_languages=("date",),
    facts_template="meeting_facts.html",
    listing=Listing(index_key="meetings/index", template="meetings_listing.html", context=_listing,
                    archive_template="meetings_year.html",
                    archive_words=("meetings_in_year", "year_page_description", "year_page_intro")),
    year_of=lambda m: m.date.year,
    scaffold=Scaffold(
        when_option="date",
        help_sv="mötesanteckning", help_en="meeting summary",
        bodies={
            "sv": (
                "## Det viktigaste från mötet",
                "",
                f"- {PLACEHOLDER}: Det viktigaste först. En punkt för varje beslut eller nyhet.",
                "",
                f"## {PLACEHOLDER}: Rubrik för nästa ämne",
                "",
                f"{PLACEHOLDER}: Skriv korta meningar. Skriv vi och du. Skriv ut förkortningar.",
            ),
            "en": (
                "## The most important points",
                "",
                f"- {PLACEHOLDER}: Translate the Swedish text into plain English.",
            ),
        },
    ),
    feed=True,
    reference_path="content/meetings/",
)
