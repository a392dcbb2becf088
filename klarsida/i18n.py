"""Words and dates for each language, written by hand rather than from a locale database.

Swedish dates follow Språkrådet and the klarspråk group: "torsdag 23 augusti 2018 kl. 17.30".
English dates follow the GOV.UK style: "Thursday 23 August 2018 at 5:30pm".
"""

from __future__ import annotations

from datetime import date, datetime

WEEKDAYS = {
    "sv": ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
MONTHS = {
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}

LABELS = {
    "sv": {
        "language_name": "svenska",
        "meetings": "Möten",
        "events": "Evenemang",
        "upcoming": "Kommande evenemang",
        "past": "Tidigare evenemang",
        "no_upcoming": "Just nu finns inga kommande evenemang.",
        "no_past": "Det finns inga tidigare evenemang.",
        "no_meetings": "Det finns inga mötesanteckningar än.",
        "latest_meeting": "Senaste mötet",
        "all_meetings": "Alla mötesanteckningar",
        "all_events": "Alla evenemang",
        "when": "När",
        "where": "Var",
        "meeting_date": "Mötesdag",
        "group": "Grupp",
        "place": "Plats",
        "present": "Med på mötet",
        "next_meeting": "Nästa möte",
        "in_swedish": "på svenska",
        "no_translation": "",
        "meetings_in_year": "Möten {year}",
        "time_prefix": "kl.",
        "all_day": "hela dagen",
    },
    "en": {
        "language_name": "English",
        "meetings": "Meetings",
        "events": "Events",
        "upcoming": "Upcoming events",
        "past": "Past events",
        "no_upcoming": "There are no upcoming events right now.",
        "no_past": "There are no past events.",
        "no_meetings": "There are no meeting summaries yet.",
        "latest_meeting": "Latest meeting",
        "all_meetings": "All meeting summaries",
        "all_events": "All events",
        "when": "When",
        "where": "Where",
        "meeting_date": "Date",
        "group": "Group",
        "place": "Place",
        "present": "Present",
        "next_meeting": "Next meeting",
        "in_swedish": "in Swedish",
        "no_translation": "This page has not been translated into English yet. Here it is in Swedish.",
        "meetings_in_year": "Meetings in {year}",
        "time_prefix": "at",
        "all_day": "all day",
    },
}


def label(lang: str, name: str, **values: object) -> str:
    text = LABELS.get(lang, LABELS["sv"])[name]
    return text.format(**values) if values else text


def format_date(day: date, lang: str, weekday: bool = True) -> str:
    """`torsdag 23 augusti 2018` / `Thursday 23 August 2018`."""
    text = f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
    return f"{WEEKDAYS[lang][day.weekday()]} {text}" if weekday else text


def format_time(moment: datetime, lang: str) -> str:
    """`17.30` (Swedish, with a full stop as Språkrådet recommends) / `5:30pm` (GOV.UK style)."""
    if lang == "sv":
        return f"{moment.hour:02d}.{moment.minute:02d}"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    if moment.hour == 12 and moment.minute == 0:
        return "midday"
    if moment.hour == 0 and moment.minute == 0:
        return "midnight"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}{suffix}"


def format_span(start: datetime, end: datetime, all_day: bool, lang: str) -> str:
    """When an event happens, in words: one day or several, with or without times."""
    dash = "–"
    if all_day:
        if start.date() == end.date():
            return format_date(start.date(), lang)
        return f"{format_date(start.date(), lang)} {dash} {format_date(end.date(), lang)}"
    prefix = label(lang, "time_prefix")
    if start.date() == end.date():
        if lang == "sv":
            return f"{format_date(start.date(), lang)} {prefix} {format_time(start, lang)}{dash}{format_time(end, lang)}"
        return f"{format_date(start.date(), lang)}, {format_time(start, lang)} to {format_time(end, lang)}"
    return (
        f"{format_date(start.date(), lang)} {prefix} {format_time(start, lang)} {dash} "
        f"{format_date(end.date(), lang)} {prefix} {format_time(end, lang)}"
    )
