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
        "meetings_archive": "Möten år för år",
        "meeting_count": "{count} möten",
        "meeting_count_one": "1 möte",
        "time_prefix": "kl.",
        "all_day": "hela dagen",
        # Events: key facts, calendars and feeds (issue 5)
        "cost": "Kostnad",
        "registration": "Anmälan",
        "accessibility": "Tillgänglighet",
        "organiser": "Arrangör",
        "audience": "För vem",
        "event_language": "Språk",
        "free": "Gratis",
        "price_sek": "{amount} kronor",
        "not_known": "Ingen uppgift.",
        "register_by": "Anmäl dig senast {date}.",
        "register_online": "Anmäl dig på webben",
        "contact": "Kontakt: {contact}",
        "map_link": "Se platsen på en karta (OpenStreetMap)",
        "add_to_calendar": "Lägg till i kalendern",
        "status_cancelled": "Inställt. Evenemanget blir inte av.",
        "status_postponed": "Uppskjutet. Evenemanget blir inte av på den här tiden. Vi har inte bestämt en ny tid än.",
        "status_rescheduled": "Ny tid. Evenemanget är flyttat. Tiden här är den nya.",
        "status_word_cancelled": "Inställt",
        "status_word_postponed": "Uppskjutet",
        "status_word_rescheduled": "Ny tid",
        "acc_step-free-entrance": "ingång utan trappsteg",
        "acc_lift": "hiss",
        "acc_accessible-toilet": "tillgänglig toalett",
        "acc_hearing-loop": "hörslinga",
        "acc_seating": "sittplatser",
        "acc_accessible-parking": "parkering för personer med rörelsehinder",
        "lang_sv": "svenska",
        "lang_en": "engelska",
        "lang_ar": "arabiska",
        "lang_fa": "persiska",
        "lang_so": "somaliska",
        "lang_ti": "tigrinja",
        "lang_fi": "finska",
        "lang_pl": "polska",
        "lang_swl": "svenskt teckenspråk",
        "calendar_heading": "Evenemangen i din kalender",
        "calendar_feed": "Kalender med alla evenemang",
        "calendar_steps": "Kopiera länken. Lägg till den som en ny kalender i din kalender-app. Leta efter Prenumerera eller Lägg till kalender från webben. Då ser du nya evenemang av sig själv.",
        "feed_heading": "Få nya mötesanteckningar direkt",
        "meetings_feed": "Nyhetsflöde med mötesanteckningar (Atom)",
        "meetings_feed_help": "Med ett nyhetsflöde ser du nya mötesanteckningar i din läsare för nyhetsflöden.",
        "feed_title_meetings": "Mötesanteckningar",
        "feed_title_events": "Evenemang",
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
        "meetings_archive": "Meetings year by year",
        "meeting_count": "{count} meetings",
        "meeting_count_one": "1 meeting",
        "time_prefix": "at",
        "all_day": "all day",
        # Events: key facts, calendars and feeds (issue 5)
        "cost": "Cost",
        "registration": "Registration",
        "accessibility": "Accessibility",
        "organiser": "Organiser",
        "audience": "Who it is for",
        "event_language": "Language",
        "free": "Free",
        "price_sek": "{amount} Swedish kronor (SEK)",
        "not_known": "Not known.",
        "register_by": "Register by {date}.",
        "register_online": "Register online",
        "contact": "Contact: {contact}",
        "map_link": "See the place on a map (OpenStreetMap)",
        "add_to_calendar": "Add to calendar",
        "status_cancelled": "Cancelled. This event will not take place.",
        "status_postponed": "Postponed. This event will not take place at this time. We have not set a new time yet.",
        "status_rescheduled": "New time. This event has moved. The time shown here is the new one.",
        "status_word_cancelled": "Cancelled",
        "status_word_postponed": "Postponed",
        "status_word_rescheduled": "New time",
        "acc_step-free-entrance": "step-free entrance",
        "acc_lift": "lift",
        "acc_accessible-toilet": "accessible toilet",
        "acc_hearing-loop": "hearing loop",
        "acc_seating": "seating",
        "acc_accessible-parking": "accessible parking",
        "lang_sv": "Swedish",
        "lang_en": "English",
        "lang_ar": "Arabic",
        "lang_fa": "Persian",
        "lang_so": "Somali",
        "lang_ti": "Tigrinya",
        "lang_fi": "Finnish",
        "lang_pl": "Polish",
        "lang_swl": "Swedish Sign Language",
        "calendar_heading": "Events in your calendar",
        "calendar_feed": "Calendar with all events",
        "calendar_steps": "Copy the link. Add it as a new calendar in your calendar app. Look for Subscribe or Add calendar from the web. New events then show up by themselves.",
        "feed_heading": "Get new meeting summaries straight away",
        "meetings_feed": "News feed of meeting summaries (Atom)",
        "meetings_feed_help": "With a news feed you see new meeting summaries in your feed reader.",
        "feed_title_meetings": "Meeting summaries",
        "feed_title_events": "Events",
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
