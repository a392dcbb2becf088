"""schema.org Event data as JSON-LD, so search engines can show event pages as events.

What it must hold is Google's published list for Event rich results
(https://developers.google.com/search/docs/appearance/structured-data/event): required `name`,
`startDate` and `location` (a Place with an `address`); recommended `description`, `endDate`,
`eventAttendanceMode`, `eventStatus`, `image`, `offers` (`price`, `priceCurrency`, `availability`,
`url`, `validFrom`), `organizer` (`name`, `url`) and `performer`. Every value comes from the page's
front matter or the site's settings (`extra.klarsida.organisation`); a fact nobody wrote down
(a performer, the day tickets go on sale) is left out rather than made up.

The JSON goes inside <script type="application/ld+json">, where HTML escaping does not apply:
`</script>` or `<!--` in a title would end the script early. Escaping <, >, & and the JavaScript
line separators U+2028/U+2029 as \\uXXXX keeps the JSON identical in meaning and the HTML safe.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from . import events as facts
from .calendar import absolute_url
from .model import Document, Event, url_for
from .settings import Organisation

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
}
# Google's availability values; a known price of an event that still takes place is on offer.
AVAILABLE = SCHEMA + "InStock"
# A Markdown image with a file on this site (or a full https address): ![text](file "title").
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?P<src>[^\s)>]+)>?(?:\s+[\"'][^)]*)?\)")
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _date(event: Event, which: str) -> str:
    moment = getattr(event, which)
    # schema.org wants ISO 8601: a date for all-day events, else a time with its UTC offset.
    return moment.date().isoformat() if event.all_day else moment.isoformat(timespec="seconds")


def place(event: Event, organisation: Organisation = Organisation()) -> dict[str, Any]:
    """A Place with a PostalAddress. When the venue is not decided the editors' place name says so
    ("Inte bestämd än."), and the address is the town and country the group works in: Google
    rejects an Event whose Place has no address (6 of the site's 10 event pages before)."""
    node: dict[str, Any] = {"@type": "Place", "name": str(event.place.get("name", ""))}
    postal: dict[str, Any] = {"@type": "PostalAddress"}
    address = facts.address(event)
    if address:
        street, _, town = address.rpartition(",")
        if street:
            postal["streetAddress"] = street.strip()
            postal["addressLocality"] = town.strip()
        else:
            postal["streetAddress"] = town.strip()
    elif organisation.town:
        postal["addressLocality"] = organisation.town
    if organisation.country:
        postal["addressCountry"] = organisation.country
    if len(postal) > 1:
        node["address"] = postal
    features = facts.accessibility(event)
    if features:
        node["amenityFeature"] = [
            {"@type": "LocationFeatureSpecification", "name": name, "value": True} for name in features
        ]
    return node


def image(doc: Document, page: str | None) -> str | None:
    """The first image of a page's text (Markdown `![text](file)`), as an absolute URL: the Event's
    `image` and the page's `og:image`."""
    match = IMAGE.search(doc.body)
    if not match or not page:
        return None
    return urljoin(page, match["src"])


def organizer(event: Event, lang: str, site_url: str | None, organisation: Organisation,
              twins: tuple[Event, ...] = ()) -> dict[str, Any] | None:
    """The organiser's name from the page; its address when it is the site's own group (the
    setting's `url`, else this site's start page) or when the page gives one. The group is
    recognised by its name on the page or on a translation of it ("The joint development group"
    on the English page is "Gemensam utvecklingsgrupp" on the Swedish one)."""
    given = facts.organizer(event)
    if not given.get("name"):
        return None
    node: dict[str, Any] = {"@type": "Organization", "name": str(given["name"])}
    url = given.get("url")
    names = [str(facts.organizer(doc).get("name") or "") for doc in (event, *twins)]
    if not url and organisation.name and any(_same_name(name, organisation.name) for name in names):
        url = organisation.url or absolute_url(site_url, url_for("index", lang))
    if url:
        node["url"] = str(url)
    return node


def _same_name(a: str, b: str) -> bool:
    return a.casefold().strip() == b.casefold().strip()


def offers(event: Event, page: str | None) -> dict[str, Any] | None:
    """Only when the cost is known: 0 is free (still an Offer, at price 0), None is unknown."""
    price = facts.price(event)
    if price is None:
        return None
    offer: dict[str, Any] = {"@type": "Offer", "price": price, "priceCurrency": "SEK"}
    if facts.status(event) in ("scheduled", "rescheduled"):
        offer["availability"] = AVAILABLE
    link = facts.registration(event).get("url") or page
    if link:
        offer["url"] = link
    return offer


def event_data(event: Event, lang: str, site_url: str | None,
               organisation: Organisation = Organisation(), twins: tuple[Event, ...] = ()) -> dict[str, Any]:
    """The JSON-LD object for one event page as read in `lang`; `twins` are its translations."""
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event.title,
        "startDate": _date(event, "start"),
        "endDate": _date(event, "end"),
        "eventStatus": SCHEMA + EVENT_STATUS[facts.status(event)],
        # Every event so far is in person; an online field would add the other modes.
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "location": place(event, organisation),
    }
    if event.summary:
        data["description"] = event.summary
    page = absolute_url(site_url, url_for(event.key, lang))
    if page:
        data["url"] = page
    offer = offers(event, page)
    if offer:
        data["offers"] = offer
        if offer["price"] == 0:
            data["isAccessibleForFree"] = True
    who = organizer(event, lang, site_url, organisation, twins)
    if who:
        data["organizer"] = who
    picture = image(event, page)
    if picture:
        data["image"] = [picture]
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


def script_tag(event: Event, lang: str, site_url: str | None, organisation: Organisation = Organisation(),
               twins: tuple[Event, ...] = ()) -> Markup:
    return Markup('<script type="application/ld+json">{}</script>').format(
        Markup(dumps_for_script(event_data(event, lang, site_url, organisation, twins)))
    )
