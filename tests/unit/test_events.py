"""Event front matter (new fields) and the key facts under the heading."""

from __future__ import annotations

import re

import pytest

from klarsida.checks import check_site
from klarsida.clock import STOCKHOLM
from klarsida.errors import ContentInvalid
from klarsida.events import feed_url, ics_url, map_url, price
from klarsida.render import enrich_page
from klarsida.site import load_site
from klarsida.session import Session
from datetime import datetime

NOW = datetime(2018, 6, 14, 12, 0, tzinfo=STOCKHOLM)
PATH = "content/events/2018-08-23-film.sv.md"


def film(extra: str = "", place_extra: str = "") -> dict[str, str]:
    return {
        "content/index.sv.md": "# Start\n",
        PATH: (
            "---\ntitle: Film\nstart: 2018-08-23T17:30\nend: 2018-08-23T20:00\nplace:\n"
            "  name: Röda kvarn\n  address: Karlsgatan 7, Helsingborg\n" + place_extra
            + "summary: Vi visar en film.\n" + extra + "---\nText.\n"
        ),
        "content/events/2018-08-23-film.en.md": (
            "---\ntitle: Film\nstart: 2018-08-23T17:30\nend: 2018-08-23T20:00\nplace:\n"
            "  name: Röda kvarn cinema\n  address: Karlsgatan 7, Helsingborg\n" + place_extra
            + "summary: We show a film.\n" + extra + "---\nText.\n"
        ),
    }


def errors_for(tree, files):
    root = tree(files)
    try:
        site = load_site(root / "content", root)
    except ContentInvalid as exc:
        return exc.errors
    return [e for e in check_site(site, Session()) if e.path == PATH]


def facts(tree, lang="sv", **kw):
    root = tree(film(**kw))
    site = load_site(root / "content", root)
    doc = site.get("events/2018-08-23-film", lang)
    return enrich_page(site, doc, lang, "<h1>Film</h1><p>Text.</p>", NOW)


def test_unknown_accessibility_value_lists_the_allowed_ones(tree):
    found = [e for e in errors_for(tree, film(place_extra="  accessibility: [lift, ramp]\n")) if e.path == PATH]
    assert len(found) == 1
    error = found[0]
    assert error.field == "place.accessibility.1"
    assert error.line == 8
    for allowed in ("step-free-entrance", "lift", "accessible-toilet", "hearing-loop", "seating", "accessible-parking"):
        assert allowed in error.sv and allowed in error.en
    assert '"ramp" är inte ett tillåtet värde' in error.sv
    assert "step-free-entrance" in error.example


def test_unknown_status_lists_the_allowed_ones(tree):
    (error,) = [e for e in errors_for(tree, film("status: inställt\n")) if e.path == PATH]
    assert error.field == "status" and "scheduled, cancelled, postponed, rescheduled" in error.sv
    assert error.example == "status: cancelled"


@pytest.mark.parametrize("value", ["50 kr", "femtio", "-5", "12.50"])
def test_price_must_be_whole_kronor(tree, value):
    (error,) = errors_for(tree, film(f"price: {value}\n"))
    assert error.field == "price" and error.line == 9
    assert "helt antal kronor" in error.sv and "whole Swedish kronor" in error.en
    assert error.example == "price: 50"


def test_registration_closing_after_the_start_is_an_error(tree):
    (error,) = errors_for(tree, film("registration:\n  how: Ring oss.\n  by: 2018-08-30\n"))
    assert error.field == "registration.by" and error.line == 11
    assert "2018-08-30" in error.sv and "2018-08-23" in error.sv
    assert error.example == "by: 2018-08-16"


def test_registration_needs_how(tree):
    (error,) = [e for e in errors_for(tree, film("registration:\n  by: 2018-08-20\n")) if e.path == PATH]
    assert error.field == "registration.how" and "saknas" in error.sv


def test_good_event_has_no_errors(tree):
    extra = ("price: 0\nstatus: rescheduled\nregistration:\n  how: Ring oss.\n  by: 2018-08-20\n"
             "  url: https://example.org/anmalan\norganizer:\n  name: Gruppen\n  contact: David\n"
             "audience: Alla.\nlanguage: [sv, swl]\n")
    assert errors_for(tree, film(extra, "  accessibility: [lift, hearing-loop]\n")) == []


def test_price_words():
    class Fake:
        def __init__(self, value):
            self.meta = {"price": value}
    assert [price(Fake(v)) for v in ("0", "gratis", "Free", "120", None, "50 kr")] == [0, 0, 0, 120, None, None]


def test_file_places():
    assert ics_url("events/2018-08-23-film", "sv") == "events/2018-08-23-film.ics"
    assert ics_url("events/2018-08-23-film", "en") == "en/events/2018-08-23-film.ics"
    assert feed_url("sv") == "events/calendar.ics" and feed_url("en") == "en/events/calendar.ics"


def dd_after(html: str, term: str) -> str:
    match = re.search(rf"<dt>{term}</dt>\s*<dd>(.*?)</dd>", html, re.S)
    assert match, f"no <dt>{term}</dt> in {html}"
    return " ".join(match.group(1).split())


def test_swedish_key_facts(tree):
    html = facts(tree, extra="price: 0\norganizer:\n  name: Gemensam <utvecklingsgrupp>\n  contact: David\n"
                 "registration:\n  how: Ring oss.\n  by: 2018-08-20\n", place_extra="  accessibility: [step-free-entrance, hearing-loop]\n")
    assert html.index("</h1>") < html.index('<dl class="ks-facts">') < html.index("<p>Text.</p>")
    assert [m for m in re.findall(r"<dt>(.*?)</dt>", html)] == ["När", "Var", "Kostnad", "Anmälan", "Tillgänglighet", "Arrangör"]
    assert "torsdag 23 augusti 2018 kl. 17.30–20.00" in dd_after(html, "När")
    assert '<time datetime="2018-08-23T17:30:00+02:00">' in html
    assert dd_after(html, "Kostnad") == "Gratis"
    assert dd_after(html, "Anmälan") == "Ring oss. Anmäl dig senast måndag 20 augusti 2018."
    assert dd_after(html, "Tillgänglighet") == "Ingång utan trappsteg, hörslinga."
    assert dd_after(html, "Arrangör") == "Gemensam &lt;utvecklingsgrupp&gt; <br>Kontakt: David"
    assert 'href="https://www.openstreetmap.org/search?query=Karlsgatan%207%2C%20Helsingborg"' in html
    assert '<a href="../2018-08-23-film.ics" type="text/calendar">Lägg till i kalendern</a>' in html
    assert "ks-status" not in html


def test_english_key_facts_and_unknowns(tree):
    html = facts(tree, lang="en", extra="price: 120\n")
    assert "Thursday 23 August 2018, 5:30pm to 8pm" in dd_after(html, "When")
    assert dd_after(html, "Cost") == "120 Swedish kronor (SEK)"
    assert dd_after(html, "Registration") == "Not known."
    assert dd_after(html, "Organiser") == "Not known."
    assert "Add to calendar" in html


@pytest.mark.parametrize("status, lang, words", [
    ("cancelled", "sv", "Inställt. Evenemanget blir inte av."),
    ("cancelled", "en", "Cancelled. This event will not take place."),
    ("postponed", "sv", "Uppskjutet."),
    ("rescheduled", "en", "New time."),
])
def test_status_notice_comes_before_the_facts(tree, status, lang, words):
    html = facts(tree, lang=lang, extra=f"status: {status}\n")
    notice = html.index(words)
    assert html.index("</h1>") < notice < html.index('<dl class="ks-facts">')
    assert 'role="note"' in html
    if status == "cancelled":
        assert "<del><time" in html  # the old time is struck out, and says why in the notice


def test_tbd_place_has_no_map_link(tree):
    files = film()
    files[PATH] = files[PATH].replace("  address: Karlsgatan 7, Helsingborg\n", "  tbd: true\n")
    root = tree(files)
    site = load_site(root / "content", root)
    doc = site.get("events/2018-08-23-film", "sv")
    assert map_url(doc) is None
    html = enrich_page(site, doc, "sv", "<h1>Film</h1>", NOW)
    assert "openstreetmap" not in html and dd_after(html, "Var") == "Röda kvarn"


def test_listing_items_carry_their_end_and_mark_untranslated_ones(tree):
    files = film("status: postponed\n")
    del files["content/events/2018-08-23-film.en.md"]
    files["content/events/index.sv.md"] = "# Evenemang\n"
    files["content/events/index.en.md"] = "# Events\n"
    root = tree(files)
    site = load_site(root / "content", root)
    html = enrich_page(site, site.get("events/index", "en"), "en", "<h1>Events</h1>", NOW)
    item = re.search(r'<li class="ks-item"[^>]*>.*?</li>', html, re.S).group(0)
    assert 'data-ks-ends="2018-08-23T20:00:00+02:00"' in item and 'lang="sv"' in item
    assert '<span class="ks-item__when" lang="en">Thursday 23 August 2018, 5:30pm to 8pm</span>' in item
    assert '<strong class="ks-item__status" lang="en">Postponed</strong>' in item
    assert '<a class="ks-feed" href="calendar.ics" type="text/calendar">Calendar with all events</a>' in html
    assert '<p data-ks-empty="upcoming" hidden>' in html and '<p data-ks-empty="past">' in html
