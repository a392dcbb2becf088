"""Event JSON-LD: the schema.org fields, and JSON that cannot break out of its <script> element."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from klarsida.site import load_site
from klarsida.structured_data import dumps_for_script, event_data, script_tag

SITE_URL = "https://example.org/klarsida/"

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
    data = event_data(site.get("events/2018-08-23-film", "sv"), "sv", SITE_URL)
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
    assert data["offers"] == {"@type": "Offer", "price": 50, "priceCurrency": "SEK", "url": "https://example.org/anmalan"}
    assert "isAccessibleForFree" not in data
    assert data["organizer"] == {"@type": "Organization", "name": "Gemensam utvecklingsgrupp"}
    assert data["inLanguage"] == ["sv", "swl"]
    assert data["description"] == "Vi visar en film."
    assert data["url"] == "https://example.org/klarsida/events/2018-08-23-film/"


def test_cancelled_free_all_day_event(site):
    data = event_data(site.get("events/2018-08-30-fika", "sv"), "en", SITE_URL)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["startDate"] == "2018-08-30" and data["endDate"] == "2018-08-31"
    assert data["isAccessibleForFree"] is True and "offers" not in data
    assert data["location"] == {"@type": "Place", "name": "Inte bestämd än."}  # no address to give yet
    assert data["inLanguage"] == "sv"
    assert data["url"] == "https://example.org/klarsida/en/events/2018-08-30-fika/"


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
