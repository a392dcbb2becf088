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


def facts(tree, lang="sv", when=None, **kw):
    root = tree(film(**kw))
    site = load_site(root / "content", root)
    doc = site.get("events/2018-08-23-film", lang)
    return enrich_page(site, doc, lang, "<h1>Film</h1><p>Text.</p>", when or NOW)


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
    return " ".join(without_nowrap(match.group(1)).split())


def without_nowrap(html: str) -> str:
    """The HTML without the spans that keep values on one line (tested on their own below)."""
    return re.sub(r'<span class="ks-nowrap">(.*?)</span>', r"\1", html)


def test_swedish_key_facts(tree):
    html = facts(tree, extra="price: 0\norganizer:\n  name: Gemensam <utvecklingsgrupp>\n  contact: David\n"
                 "registration:\n  how: Ring oss.\n  by: 2018-08-20\n", place_extra="  accessibility: [step-free-entrance, hearing-loop]\n")
    # The summary first (when, where, cost, registration), then the calendar button, then the rest.
    assert (html.index("</h1>") < html.index('<dl class="ks-facts ks-facts--summary">') < html.index("Lägg till i kalendern")
            < html.index('<dl class="ks-facts ks-facts--more">') < html.index("<p>Text.</p>"))
    assert [m for m in re.findall(r"<dt>(.*?)</dt>", html)] == ["När", "Var", "Kostnad", "Anmälan", "Tillgänglighet", "Arrangör"]
    assert "torsdag 23 augusti 2018 kl. 17.30–20.00" in dd_after(html, "När")
    assert '<time datetime="2018-08-23T17:30:00+02:00">' in html
    assert dd_after(html, "Kostnad") == "Gratis"
    assert dd_after(html, "Anmälan") == "Ring oss. Anmäl dig senast måndag 20 augusti 2018."
    assert dd_after(html, "Tillgänglighet") == "Ingång utan trappsteg, hörslinga."
    assert dd_after(html, "Arrangör") == "Gemensam &lt;utvecklingsgrupp&gt; <br>Kontakt: David"
    assert 'href="https://www.openstreetmap.org/search?query=Karlsgatan%207%2C%20Helsingborg"' in html
    assert '<a class="ks-button" href="../2018-08-23-film.ics" type="text/calendar">Lägg till i kalendern</a>' in html
    assert "ks-status--cancelled" not in html and "ks-status--postponed" not in html
    # Not over when built (NOW is 14 June 2018): the notice waits, hidden, for events.js.
    assert re.search(r'<div class="admonition note ks-status ks-status--over" role="note" '
                     r'data-ks-ends="2018-08-23T20:00:00\+02:00" hidden>', html)
    # Values never break in the middle.
    assert '<span class="ks-nowrap">kl. 17.30–20.00</span>' in html
    assert 'Karlsgatan 7, Helsingborg<br>' in html  # an address may wrap: it can be long


def test_english_key_facts_and_unknowns(tree):
    html = facts(tree, lang="en", extra="price: 120\n")
    assert "Thursday 23 August 2018, 5:30pm to 8pm" in dd_after(html, "When")
    assert dd_after(html, "Cost") == "120 Swedish kronor (SEK)"
    # Facts nobody knows are left out, not printed as "Not known."
    assert "<dt>Registration</dt>" not in html and "<dt>Organiser</dt>" not in html
    assert "Not known" not in html and "ks-facts--more" not in html
    assert "Add to calendar" in html


def test_a_past_event_says_so_at_the_top(tree):
    html = facts(tree, when=datetime(2018, 8, 23, 20, 0, tzinfo=STOCKHOLM))
    notice = re.search(r'<div class="admonition note ks-status ks-status--over"[^>]*>', html).group(0)
    assert "hidden" not in notice
    assert html.index("</h1>") < html.index("Evenemanget har varit.") < html.index("ks-facts--summary")
    assert "hidden" in re.search(r'<div class="admonition note ks-status ks-status--over"[^>]*>',
                                 facts(tree, when=datetime(2018, 8, 23, 19, 59, tzinfo=STOCKHOLM))).group(0)


@pytest.mark.parametrize("status, lang, words", [
    ("cancelled", "sv", "Inställt. Evenemanget blir inte av."),
    ("cancelled", "en", "Cancelled. This event will not take place."),
    ("postponed", "sv", "Uppskjutet."),
    ("rescheduled", "en", "New time."),
])
def test_status_notice_comes_before_the_facts(tree, status, lang, words):
    html = facts(tree, lang=lang, extra=f"status: {status}\n")
    notice = html.index(words)
    assert html.index("</h1>") < notice < html.index('<dl class="ks-facts ks-facts--summary">')
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
    assert '<span class="ks-item__when" lang="en">Thursday 23 August 2018, 5:30pm to 8pm</span>' in without_nowrap(item)
    assert '<span class="ks-item__where">Röda kvarn</span>' in item  # date, time and place
    assert '<strong class="ks-item__status" lang="en">Postponed</strong>' in item
    assert '<a class="ks-feed" href="calendar.ics" type="text/calendar">Calendar with all events</a>' in html
    assert '<p data-ks-empty="upcoming" hidden>' in html and '<p data-ks-empty="past">' in html
    assert "webcal:" not in html  # a webcal link must be absolute: only with the project's site_url


@pytest.mark.parametrize("site_url", ["https://example.org/klarsida/", "https://example.org/klarsida", "http://example.org/klarsida/"])
def test_listing_offers_a_webcal_subscription_beside_the_https_feed(tree, site_url):
    files = film()
    files["content/events/index.sv.md"] = "# Evenemang\n"
    files["content/events/index.en.md"] = "# Events\n"
    root = tree(files)
    site = load_site(root / "content", root)
    for lang, prefix, words in (("sv", "", "Eller prenumerera direkt i din kalender-app"),
                                ("en", "en/", "Or subscribe directly in your calendar app")):
        html = enrich_page(site, site.get("events/index", lang), lang, "<h1>x</h1>", NOW, site_url=site_url)
        link = f'<a class="ks-feed-subscribe" href="webcal://example.org/klarsida/{prefix}events/calendar.ics">{words}</a>'
        assert link in html
        assert html.index('class="ks-feed"') < html.index("ks-feed-subscribe")  # the https link first


# Times that exist, dates the calendars can hold, values written on one line --------------------

NIGHT = {
    "content/index.sv.md": "# Start\n",
    "content/events/{day}-natt.sv.md": (
        "---\ntitle: Nattvandring\nstart: {start}\nend: {end}\nplace:\n  name: Stortorget\n"
        "  address: Stortorget, Helsingborg\nsummary: Vi går en runda på natten.\n{extra}---\nText.\n"
    ),
}


def night(start: str, end: str, extra: str = "") -> dict[str, str]:
    day = start[:10]
    return {path.format(day=day): text.format(start=start, end=end, extra=extra) for path, text in NIGHT.items()}


def load_errors(tree, files):
    root = tree(files)
    with pytest.raises(ContentInvalid) as caught:
        load_site(root / "content", root)
    return caught.value.errors


def test_a_time_that_does_not_exist_in_stockholm(tree):
    (error,) = load_errors(tree, night("2026-03-29T02:30", "2026-03-29T04:00"))
    assert (error.field, error.line) == ("start", 3)
    assert error.sv == ("Klockan 02.30 finns inte den 29 mars 2026: då ställs klockan fram från 02.00 till 03.00. "
                        "Välj en annan tid, till exempel 03.30.")
    assert error.en == ("02:30 does not exist on 29 March 2026: the clocks go forward from 02:00 to 03:00. "
                        "Choose another time, for example 03:30.")
    assert error.example == "start: 2026-03-29T03:30"


def test_a_time_that_happens_twice_in_stockholm(tree):
    (error,) = load_errors(tree, night("2026-10-25T01:00", "2026-10-25T02:15"))
    assert (error.field, error.line) == ("end", 4)
    assert error.sv == ("Klockan 02.15 finns två gånger den 25 oktober 2026: då ställs klockan tillbaka från 03.00 "
                        "till 02.00, så vi vet inte vilken av dem du menar. Välj en tid före 02.00 eller från 03.00, "
                        "till exempel 01.15 eller 03.15.")
    assert error.example == "end: 2026-10-25T03:15"


@pytest.mark.parametrize("start, end", [
    ("2026-03-29T01:59", "2026-03-29T03:00"),  # just before and at the end of the gap
    ("2026-10-25T01:59", "2026-10-25T03:00"),  # just before and at the end of the hour that repeats
    ("2026-03-29", "2026-03-29"),              # all day: no time to fall into the gap
])
def test_times_next_to_the_switch_are_fine(tree, start, end):
    root = tree(night(start, end))
    event = load_site(root / "content", root).get(f"events/{start[:10]}-natt", "sv")
    assert event.start.isoformat().startswith(start)


@pytest.mark.parametrize("start, end, field", [
    ("9999-12-31", "9999-12-31", "start"),  # all day: the day after the last day overflowed
    ("9999-12-31T10:00", "9999-12-31T23:00", "start"),  # the .ics time zone ran to the year 10000
    ("2018-08-23T17:30", "2118-08-23T20:00", "end"),
    ("1899-12-31T17:30", "1899-12-31T20:00", "start"),
])
def test_years_outside_1900_to_2100_are_refused(tree, start, end, field):
    errors = load_errors(tree, night(start, end))
    error = next(e for e in errors if e.field == field)
    year = (start if field == "start" else end)[:4]
    assert error.sv.startswith(f"Året {year} i ")
    assert "Ett datum ska vara mellan år 1900 och 2100. Kolla årtalet." in error.sv
    assert error.example == (f"{field}: 2018-08-23" if "T" not in start else
                             "start: 2018-08-23T17:30" if field == "start" else "end: 2018-08-23T20:00")


def test_the_last_years_still_make_a_calendar(tree):
    from klarsida.calendar import calendar_files

    root = tree(night("2100-12-31", "2100-12-31"))
    site = load_site(root / "content", root)
    event = site.get("events/2100-12-31-natt", "sv")
    assert event.ends_at.isoformat() == "2101-01-01T00:00:00+01:00"
    root2 = tree(night("2100-12-31T22:00", "2100-12-31T23:00"))
    files = calendar_files(load_site(root2 / "content", root2), "sv", None, NOW)
    assert b"DTSTART;TZID=Europe/Stockholm:21001231T220000" in files["events/2100-12-31-natt.ics"]


@pytest.mark.parametrize("written", ["|\n  2018-08-23T17:30", ">\n  2018-08-23T17:30", '"2018-08-23T17:30\\n"',
                                     "|-\n  2018-08-23T17:30"])
def test_start_written_as_a_block(tree, written):
    files = film()
    files[PATH] = files[PATH].replace("start: 2018-08-23T17:30", f"start: {written}")
    if written.startswith("|-"):  # |- keeps no line break: simply the date
        root = tree(files)
        assert load_site(root / "content", root).get("events/2018-08-23-film", "sv").start.hour == 17
        return
    errors = [e for e in load_errors(tree, files) if e.path == PATH]
    (error,) = errors
    assert (error.field, error.line) == ("start", 3)
    assert error.sv == ("2018-08-23T17:30 slutar med en radbrytning: det står på en egen rad efter | eller > "
                        "(eller slutar på \\n). Skriv det direkt efter start: på samma rad.")
    assert error.example == "start: 2018-08-23T17:30"


@pytest.mark.parametrize("value, words", [
    ("2018-02-30", "2018-02-30 finns inte i kalendern"),
    ("9999-08-16", "Året 9999 i 9999-08-16 kan inte stämma"),
    ("|\n    2018-08-16", "2018-08-16 slutar med en radbrytning"),
])
def test_registration_by_is_a_date_like_the_others(tree, value, words):
    # audience after it: a block at the very end of the front matter keeps no line break.
    extra = f"registration:\n  how: Ring oss.\n  by: {value}\naudience: Alla.\n"
    errors = [e for e in load_errors(tree, film(extra)) if e.path == PATH]
    (error,) = errors
    assert (error.field, error.line) == ("registration.by", 11)
    assert words in error.sv
    assert error.example == "by: 2018-08-16"


@pytest.mark.parametrize("case", ["gap", "fold", "9999", "block"])
def test_klarsida_check_prints_the_message_without_a_traceback(tree, capsys, monkeypatch, case):
    from klarsida import cli

    files = {
        "gap": night("2026-03-29T02:30", "2026-03-29T04:00"),
        "fold": night("2026-10-25T02:30", "2026-10-25T04:00"),
        "9999": night("9999-12-31", "9999-12-31"),
        "block": night("2026-06-01T18:00", "2026-06-01T20:00"),
    }[case]
    if case == "block":
        files = {path: text.replace("start: 2026-06-01T18:00", "start: |\n  2026-06-01T18:00") for path, text in files.items()}
    root = tree({**files, "mkdocs.yml": "site_name: Test\ndocs_dir: content\n"})
    monkeypatch.chdir(root)
    code = cli.main(["check"])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert code == 1
    assert ":3: start: " in out.out
