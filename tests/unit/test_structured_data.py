"""Event JSON-LD: the schema.org fields, Google's published Event requirements field by field, and
JSON that cannot break out of its <script> element."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from klarsida.model import Event
from klarsida.project import load_project
from klarsida.settings import Organisation
from klarsida.site import load_site
from klarsida.structured_data import dumps_for_script, event_data, script_tag
from tests.conftest import REPO

SITE_URL = "https://example.org/klarsida/"
GROUP = Organisation(name="Gemensam utvecklingsgrupp", town="Helsingborg", country="SE")

# Google Search Central, "Event (Event) structured data", Structured data type definitions
# (https://developers.google.com/search/docs/appearance/structured-data/event), as published:
# "You must include the required properties for your content to be eligible for display".
SCHEMA = "https://schema.org/"
ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z))?$")
EVENT_STATUSES = {SCHEMA + s for s in ("EventCancelled", "EventMovedOnline", "EventPostponed", "EventRescheduled",
                                       "EventScheduled")}
ATTENDANCE_MODES = {SCHEMA + s for s in ("OfflineEventAttendanceMode", "OnlineEventAttendanceMode",
                                         "MixedEventAttendanceMode")}
AVAILABILITY = {SCHEMA + s for s in ("InStock", "SoldOut", "PreOrder")}
ADDRESS_PARTS = ("streetAddress", "addressLocality", "postalCode", "addressRegion", "addressCountry")
REQUIRED = ("name", "startDate", "location", "location.address")
RECOMMENDED = ("description", "endDate", "eventAttendanceMode", "eventStatus", "image", "offers",
               "offers.availability", "offers.price", "offers.priceCurrency", "offers.url", "offers.validFrom",
               "organizer", "organizer.name", "organizer.url", "performer", "performer.name")


def google_event_problems(data: dict) -> list[str]:
    """What Google's Event requirements refuse: a missing required field, or any field (required or
    recommended) present with a value of the wrong form."""
    problems = []
    if data.get("@context") not in ("https://schema.org", SCHEMA) or data.get("@type") != "Event":
        problems.append("@context/@type: not a schema.org Event")
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        problems.append("name: required text")
    for field in ("startDate", "endDate"):
        if field in data or field == "startDate":
            if not ISO_8601.match(str(data.get(field, ""))):
                problems.append(f"{field}: ISO 8601 date, or date and time with its UTC offset")
    location = data.get("location")
    if not isinstance(location, dict) or location.get("@type") != "Place":
        problems.append("location: required Place (the events are in person)")
    else:
        address = location.get("address")
        if not isinstance(address, dict) or address.get("@type") != "PostalAddress":
            problems.append("location.address: required PostalAddress for an event at a physical location")
        elif not any(str(address.get(part, "")).strip() for part in ADDRESS_PARTS):
            problems.append("location.address: the PostalAddress has no part of an address")
        elif "addressCountry" in address and not re.fullmatch(r"[A-Z]{2}", address["addressCountry"]):
            problems.append("location.address.addressCountry: two-letter ISO 3166-1 code")
        if not str(location.get("name", "")).strip():
            problems.append("location.name: the venue's name (recommended for a physical location)")
    if "eventStatus" in data and data["eventStatus"] not in EVENT_STATUSES:
        problems.append("eventStatus: one of schema.org's EventStatusType URLs")
    if "eventAttendanceMode" in data and data["eventAttendanceMode"] not in ATTENDANCE_MODES:
        problems.append("eventAttendanceMode: one of schema.org's EventAttendanceModeEnumeration URLs")
    if "description" in data and not str(data["description"]).strip():
        problems.append("description: text")
    if "image" in data:
        images = data["image"] if isinstance(data["image"], list) else [data["image"]]
        if not images or not all(isinstance(i, str) and i.startswith(("https://", "http://")) for i in images):
            problems.append("image: absolute image URLs")
    if "offers" in data:
        offer = data["offers"]
        if not isinstance(offer.get("price"), (int, float)):
            problems.append("offers.price: a number")
        if not re.fullmatch(r"[A-Z]{3}", str(offer.get("priceCurrency", ""))):
            problems.append("offers.priceCurrency: three-letter ISO 4217 code")
        if "availability" in offer and offer["availability"] not in AVAILABILITY:
            problems.append("offers.availability: InStock, SoldOut or PreOrder")
        if "url" in offer and not str(offer["url"]).startswith(("https://", "http://")):
            problems.append("offers.url: an absolute URL")
        if "validFrom" in offer and not ISO_8601.match(str(offer["validFrom"])):
            problems.append("offers.validFrom: ISO 8601")
    if "organizer" in data:
        organizer = data["organizer"]
        if organizer.get("@type") not in ("Organization", "Person") or not str(organizer.get("name", "")).strip():
            problems.append("organizer: an Organization or Person with a name")
        if "url" in organizer and not str(organizer["url"]).startswith(("https://", "http://")):
            problems.append("organizer.url: an absolute URL")
    return problems


def missing(data: dict, fields: tuple[str, ...]) -> list[str]:
    def has(path: str) -> bool:
        node = data
        for part in path.split("."):
            if isinstance(node, list):
                node = node[0] if node else None
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
        return True

    return [field for field in fields if not has(field)]

FILES = {
    "content/index.sv.md": "# Start\n",
    "content/events/2018-08-23-film.sv.md": """
        ---
        title: "Film </script><script>alert(1)</script> <!-- \u2028 & mer"
        start: 2018-08-23T17:30
        end: 2018-08-23T20:00
        place:
          name: Biografen Röda kvarn
          address: Karlsgatan 7, Helsingborg
          accessibility: [step-free-entrance, hearing-loop]
        summary: Vi visar en film.
        price: 50
        registration:
          how: Skicka e-post.
          url: https://example.org/anmalan
        organizer:
          name: Gemensam utvecklingsgrupp
        language: [sv, swl]
        ---
        Text.

        ![Filmens affisch](affisch.png "Affischen")
        """,
    "content/events/2018-09-01-kurs.sv.md": """
        ---
        title: Kurs
        start: 2018-09-01T10:00
        end: 2018-09-01T12:00
        place:
          name: Stadsbiblioteket
          address: Helsingborg
        summary: En kurs.
        organizer:
          name: Studieförbundet
          url: https://example.org/studieforbundet
        ---
        Text.
        """,
    "content/events/2018-08-30-fika.sv.md": """
        ---
        title: Fika
        start: 2018-08-30
        end: 2018-08-31
        place:
          tbd: true
          name: Inte bestämd än.
        summary: Vi fikar.
        price: 0
        status: cancelled
        language: [sv]
        ---
        Text.
        """,
}


@pytest.fixture
def site(tree):
    root = tree(FILES)
    return load_site(root / "content", root)


class Scripts(HTMLParser):
    """What a browser's HTML parser sees: the script elements and their text."""

    def __init__(self):
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = dict(attrs)
            self.scripts.append((self._open, ""))

    def handle_data(self, data):
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


def test_timed_event_with_price_place_and_languages(site):
    data = event_data(site.get("events/2018-08-23-film", "sv"), "sv", SITE_URL, GROUP)
    assert data["@context"] == "https://schema.org/" and data["@type"] == "Event"
    assert data["startDate"] == "2018-08-23T17:30:00+02:00"
    assert data["endDate"] == "2018-08-23T20:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"] == {
        "@type": "PostalAddress", "streetAddress": "Karlsgatan 7", "addressLocality": "Helsingborg", "addressCountry": "SE",
    }
    assert [f["name"] for f in data["location"]["amenityFeature"]] == ["step-free-entrance", "hearing-loop"]
    assert data["offers"] == {"@type": "Offer", "price": 50, "priceCurrency": "SEK",
                              "availability": "https://schema.org/InStock", "url": "https://example.org/anmalan"}
    assert "isAccessibleForFree" not in data
    # The site's own group: its address is the site's start page in the page's language.
    assert data["organizer"] == {"@type": "Organization", "name": "Gemensam utvecklingsgrupp",
                                 "url": "https://example.org/klarsida/"}
    assert data["image"] == ["https://example.org/klarsida/events/2018-08-23-film/affisch.png"]
    assert data["inLanguage"] == ["sv", "swl"]
    assert data["description"] == "Vi visar en film."
    assert data["url"] == "https://example.org/klarsida/events/2018-08-23-film/"


def test_cancelled_free_all_day_event(site):
    data = event_data(site.get("events/2018-08-30-fika", "sv"), "en", SITE_URL, GROUP)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["startDate"] == "2018-08-30" and data["endDate"] == "2018-08-31"
    # Free is a known cost: an Offer at 0; a cancelled event is on offer no more (no availability).
    assert data["isAccessibleForFree"] is True
    assert data["offers"] == {"@type": "Offer", "price": 0, "priceCurrency": "SEK",
                              "url": "https://example.org/klarsida/en/events/2018-08-30-fika/"}
    # The venue is not decided: the editors' name says so, the address is the group's town.
    assert data["location"] == {"@type": "Place", "name": "Inte bestämd än.", "address": {
        "@type": "PostalAddress", "addressLocality": "Helsingborg", "addressCountry": "SE"}}
    assert "organizer" not in data and "image" not in data  # nobody wrote them down
    assert data["inLanguage"] == "sv"
    assert data["url"] == "https://example.org/klarsida/en/events/2018-08-30-fika/"


def test_organizer_url_from_the_page_and_none_for_others(site):
    data = event_data(site.get("events/2018-09-01-kurs", "sv"), "sv", SITE_URL, GROUP)
    assert data["organizer"] == {"@type": "Organization", "name": "Studieförbundet",
                                 "url": "https://example.org/studieforbundet"}
    assert data["location"]["address"] == {"@type": "PostalAddress", "streetAddress": "Helsingborg",
                                           "addressCountry": "SE"}
    # Another organiser without an address of its own gets none (not the group's site).
    other = Organisation(name="Någon annan", town="Helsingborg", country="SE")
    assert "url" not in event_data(site.get("events/2018-08-23-film", "sv"), "sv", SITE_URL, other)["organizer"]


def test_google_requirements_check_refuses_what_google_refuses():
    """The checker below the tests is itself right: each broken field is reported."""
    good = {"@context": SCHEMA, "@type": "Event", "name": "X", "startDate": "2018-08-23",
            "location": {"@type": "Place", "name": "Y", "address": {"@type": "PostalAddress", "addressLocality": "Z"}}}
    assert google_event_problems(good) == []
    assert google_event_problems({**good, "location": {"@type": "Place", "name": "Y"}}) == [
        "location.address: required PostalAddress for an event at a physical location"]
    assert google_event_problems({**good, "startDate": "23 augusti"})[0].startswith("startDate")
    assert google_event_problems({**good, "eventStatus": "EventScheduled"})[0].startswith("eventStatus")
    assert google_event_problems({**good, "organizer": {"@type": "Organization", "name": "G", "url": "/"}}) == [
        "organizer.url: an absolute URL"]
    assert google_event_problems({**good, "offers": {"price": "50 kr", "priceCurrency": "kr"}}) == [
        "offers.price: a number", "offers.priceCurrency: three-letter ISO 4217 code"]


def test_every_fixture_event_meets_googles_requirements(site):
    for key in ("events/2018-08-23-film", "events/2018-08-30-fika", "events/2018-09-01-kurs"):
        data = event_data(site.get(key, "sv"), "sv", SITE_URL, GROUP)
        assert google_event_problems(data) == [], key
        assert missing(data, REQUIRED) == [], key


# What the site's own event pages cannot say, because nobody wrote it down: no event has a
# performer or a day tickets go on sale; the costs are not known (no `price`), so no offers; no
# page has an image; Våryra's notes name no organiser.
NOT_IN_THE_CONTENT = {"image", "offers", "offers.availability", "offers.price", "offers.priceCurrency",
                      "offers.url", "offers.validFrom", "performer", "performer.name"}


def test_every_event_page_of_the_site_meets_googles_requirements():
    """The real content with the real settings, in every language: required fields present and
    well-formed; every recommended field the content has facts for is there."""
    project = load_project(REPO / "mkdocs.yml")
    site = load_site(project.content_dir, project.root, project.languages)
    organisation = project.settings.organisation
    events = [doc for doc in site.documents.values() if isinstance(doc, Event)]
    assert len(events) == 10  # 5 events, Swedish and English
    tbd = 0
    for doc in events:
        twins = tuple(d for d in site.translations(doc).values() if d is not doc)
        data = event_data(doc, doc.lang, SITE_URL, organisation, twins)
        assert google_event_problems(data) == [], doc.rel
        assert missing(data, REQUIRED) == [], doc.rel
        allowed = set(NOT_IN_THE_CONTENT)
        if doc.key == "events/2018-05-17-varyra":
            allowed |= {"organizer", "organizer.name", "organizer.url"}  # the notes name no organiser
        if doc.key == "events/2015-06-11-klarsprak":
            allowed |= {"organizer.url"}  # the social services' klarspråk group: no address in the notes
        assert set(missing(data, RECOMMENDED)) <= allowed, (doc.rel, missing(data, RECOMMENDED))
        if doc.lang == "en" and "organizer" in data and doc.key != "events/2015-06-11-klarsprak":
            assert data["organizer"]["url"] == "https://example.org/klarsida/en/"  # the English start page
        if doc.place.get("tbd"):
            tbd += 1
            assert data["location"]["address"] == {"@type": "PostalAddress", "addressLocality": "Helsingborg",
                                                   "addressCountry": "SE"}
    assert tbd == 6  # the pages Google rejected before


def test_script_cannot_be_broken_out_of(site):
    doc = site.get("events/2018-08-23-film", "sv")
    tag = str(script_tag(doc, "sv", SITE_URL))
    parser = Scripts()
    parser.feed(f"<head>{tag}</head>")
    assert len(parser.scripts) == 1, parser.scripts  # the title's </script><script> did not end it
    attrs, text = parser.scripts[0]
    assert attrs == {"type": "application/ld+json"}
    for unsafe in ("</", "<!--", "\u2028", "\u2029", "<", ">", "&"):
        assert unsafe not in text
    assert json.loads(text)["name"] == doc.title  # the same data, only written differently


def test_dumps_escapes_only_what_it_must():
    text = dumps_for_script({"a": "<!-- </script> & \u2029 åäö"})
    assert re.fullmatch(r'\{"a":"\\u003c!-- \\u003c/script\\u003e \\u0026 \\u2029 åäö"\}', text)
    assert json.loads(text) == {"a": "<!-- </script> & \u2029 åäö"}
