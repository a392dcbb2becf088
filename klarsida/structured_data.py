"""schema.org Event data as JSON-LD, so search engines can show event pages as events.

The JSON goes inside <script type="application/ld+json">, where HTML escaping does not apply:
`</script>` or `<!--` in a title would end the script early. Escaping <, >, & and the JavaScript
line separators U+2028/U+2029 as \\uXXXX keeps the JSON identical in meaning and the HTML safe.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from . import events as facts
from .calendar import absolute_url
from .model import Event, url_for

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
}
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _date(event: Event, which: str) -> str:
    moment = getattr(event, which)
    # schema.org wants ISO 8601: a date for all-day events, else a time with its UTC offset.
    return moment.date().isoformat() if event.all_day else moment.isoformat(timespec="seconds")


def place(event: Event) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Place", "name": str(event.place.get("name", ""))}
    address = facts.address(event)
    if address:
        street, _, town = address.rpartition(",")
        postal: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "SE"}
        if street:
            postal["streetAddress"] = street.strip()
            postal["addressLocality"] = town.strip()
        else:
            postal["streetAddress"] = town.strip()
        node["address"] = postal
    features = facts.accessibility(event)
    if features:
        node["amenityFeature"] = [
            {"@type": "LocationFeatureSpecification", "name": name, "value": True} for name in features
        ]
    return node


def event_data(event: Event, lang: str, site_url: str | None) -> dict[str, Any]:
    """The JSON-LD object for one event page as read in `lang`."""
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event.title,
        "startDate": _date(event, "start"),
        "endDate": _date(event, "end"),
        "eventStatus": SCHEMA + EVENT_STATUS[facts.status(event)],
        # Every event so far is in person; an online field would add the other modes.
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "location": place(event),
    }
    if event.summary:
        data["description"] = event.summary
    page = absolute_url(site_url, url_for(event.key, lang))
    if page:
        data["url"] = page
    price = facts.price(event)
    if price == 0:
        data["isAccessibleForFree"] = True
    elif price is not None:
        offer: dict[str, Any] = {"@type": "Offer", "price": price, "priceCurrency": "SEK"}
        link = facts.registration(event).get("url") or page
        if link:
            offer["url"] = link
        data["offers"] = offer
    organizer = facts.organizer(event)
    if organizer.get("name"):
        data["organizer"] = {"@type": "Organization", "name": organizer["name"]}
    languages = facts.languages(event)
    if languages:
        # swl is ISO 639-3 for Swedish Sign Language, a valid BCP 47 tag.
        data["inLanguage"] = languages[0] if len(languages) == 1 else languages
    audience = event.meta.get("audience")
    if audience:
        data["audience"] = {"@type": "Audience", "audienceType": audience}
    return data


def dumps_for_script(data: Any) -> str:
    """JSON text that cannot end or confuse the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None, separators=(",", ":"))
    return "".join(_UNSAFE.get(char, char) for char in text)


def script_tag(event: Event, lang: str, site_url: str | None) -> Markup:
    return Markup('<script type="application/ld+json">{}</script>').format(
        Markup(dumps_for_script(event_data(event, lang, site_url)))
    )
