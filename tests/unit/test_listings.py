from datetime import datetime

from klarsida.clock import STOCKHOLM
from klarsida.listings import archive_years, by_year, in_year
from klarsida.types.event import split_events
from klarsida.types.meeting import TYPE as MEETING
from klarsida.site import load_site
from klarsida.session import Session


def event(day: str, start: str, end: str, slug: str = "x") -> dict[str, str]:
    return {
        f"content/events/{day}-{slug}.sv.md": f"""
            ---
            title: Evenemang {slug}
            start: {start}
            end: {end}
            place:
              name: Röda kvarn
              address: Karlsgatan 7, Helsingborg
            summary: Något händer.
            ---
            Text.
            """
    }


def meeting(day: str, slug: str) -> dict[str, str]:
    return {
        f"content/meetings/{day}-{slug}.sv.md": f"""
            ---
            title: Möte {slug}
            date: {day}
            summary: Vi träffades.
            ---
            Text.
            """
    }


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM)


def test_events_split_around_now(tree):
    root = tree({
        **event("2018-05-17", "2018-05-17", "2018-05-17", "varyra"),
        **event("2018-08-23", "2018-08-23T17:30", "2018-08-23T20:00", "film"),
        **event("2018-06-14", "2018-06-14T10:00", "2018-06-14T14:00", "pagar"),
    })
    site = load_site(root / "content", root)
    split = split_events(site.items("event", "sv"), at("2018-06-14T12:00"))
    # An event that is on right now is still upcoming; the soonest comes first.
    assert [e.key for e in split.upcoming] == ["events/2018-06-14-pagar", "events/2018-08-23-film"]
    assert [e.key for e in split.past] == ["events/2018-05-17-varyra"]


def test_all_day_event_is_upcoming_until_the_day_is_over(tree):
    root = tree(event("2018-05-17", "2018-05-17", "2018-05-17", "varyra"))
    events = load_site(root / "content", root).items("event", "sv")
    assert split_events(events, at("2018-05-17T23:59")).upcoming
    assert split_events(events, at("2018-05-18T00:00")).past


def test_event_ends_exactly_now_is_past(tree):
    root = tree(event("2018-08-23", "2018-08-23T17:30", "2018-08-23T20:00", "film"))
    events = load_site(root / "content", root).items("event", "sv")
    assert split_events(events, at("2018-08-23T20:00")).past
    assert split_events(events, at("2018-08-23T19:59")).upcoming


def test_meetings_by_year_newest_first(tree):
    root = tree({**meeting("2015-05-25", "a"), **meeting("2018-06-14", "b"), **meeting("2018-01-11", "c")})
    years = by_year(MEETING, load_site(root / "content", root), "sv")
    assert [(year, [m.key.rsplit("-", 1)[-1] for m in items]) for year, items in years] == [(2018, ["b", "c"]), (2015, ["a"])]


def test_no_meetings_no_years(tree):
    root = tree({"content/index.sv.md": "# Start\n"})
    assert by_year(MEETING, load_site(root / "content", root), "sv") == []


def test_the_build_makes_a_year_page_for_every_year_in_every_language(tree):
    """An editor adds the first meeting of a new year by adding that one file."""
    root = tree({**meeting("2015-05-25", "a"), **meeting("2018-06-14", "b")})
    site = load_site(root / "content", root)
    made = {(d.key, d.lang): d for d in site.documents.values() if d.generated}
    assert sorted(made) == [("meetings/2015", "en"), ("meetings/2015", "sv"), ("meetings/2018", "en"), ("meetings/2018", "sv")]
    assert made[("meetings/2018", "sv")].title == "Möten 2018"
    assert made[("meetings/2018", "en")].title == "Meetings in 2018"
    assert made[("meetings/2018", "sv")].body.startswith("Här kan du läsa vad vi pratade om på våra möten 2018.")
    assert site.for_doc_path("meetings/2018.en.md") is made[("meetings/2018", "en")]
    # Made pages are not the editors' text: checks and readability leave them out.
    assert all(not d.generated for d in site.written()) and len(site.written()) == 2


def test_a_year_page_an_editor_wrote_is_used_instead(tree):
    root = tree({**meeting("2018-06-14", "b"), "content/meetings/2018.sv.md": "---\ntitle: Våra möten 2018\n---\n\nEgen text.\n"})
    site = load_site(root / "content", root)
    assert site.get("meetings/2018", "sv").title == "Våra möten 2018" and not site.get("meetings/2018", "sv").generated
    assert site.get("meetings/2018", "en").generated


def test_archive_years_count_meetings(tree):
    root = tree({**meeting("2015-05-25", "a"), **meeting("2018-06-14", "b"), **meeting("2018-01-11", "c")})
    site = load_site(root / "content", root)
    assert archive_years(MEETING, site, "sv") == [(2018, 2), (2015, 1)]
    assert [m.key for m in in_year(MEETING, site, "sv", 2018)] == ["meetings/2018-06-14-b", "meetings/2018-01-11-c"]
