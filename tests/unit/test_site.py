"""Loading and validating content trees: every broken case names the file and the field."""

from __future__ import annotations

import pytest

from klarsida.errors import ContentInvalid
from klarsida.model import Event, Meeting
from klarsida.site import Loader, load_site

MEETING = """
---
title: Möte om sommaren
date: 2018-06-14
summary: Vi träffas i sommar.
---
Vi pratade om sommaren.
"""

EVENT = """
---
title: Film
start: 2018-08-23T17:30
end: 2018-08-23T20:00
place:
  name: Röda kvarn
  address: Karlsgatan 7, Helsingborg
summary: Vi visar en film.
---
Välkommen!
"""


def errors_for(tree, files) -> list:
    root = tree(files)
    with pytest.raises(ContentInvalid) as caught:
        load_site(root / "content", root)
    return caught.value.errors


def only_error(tree, files):
    errors = errors_for(tree, files)
    assert len(errors) == 1, [e.format() for e in errors]
    return errors[0]


def test_valid_tree_loads_meetings_events_and_pages(tree):
    root = tree({
        "content/index.sv.md": "# Start\n",
        "content/meetings/2018-06-14-sommar.sv.md": MEETING,
        "content/meetings/2018-06-14-sommar.en.md": MEETING.replace("Möte om sommaren", "Summer meeting"),
        "content/events/2018-08-23-film.sv.md": EVENT,
    })
    site = load_site(root / "content", root)
    meeting = site.get("meetings/2018-06-14-sommar", "sv")
    assert isinstance(meeting, Meeting)
    assert meeting.date.isoformat() == "2018-06-14"
    assert site.get("meetings/2018-06-14-sommar", "en").title == "Summer meeting"
    event = site.get("events/2018-08-23-film", "sv")
    assert isinstance(event, Event)
    assert event.start.isoformat() == "2018-08-23T17:30:00+02:00"
    assert not event.all_day
    assert site.get("index", "sv").title == "Start"
    # An untranslated event is offered in Swedish to English readers.
    assert site.in_language("events/2018-08-23-film", "en").lang == "sv"


def test_missing_required_field(tree):
    error = only_error(tree, {"content/meetings/2018-06-14-sommar.sv.md": MEETING.replace("summary: Vi träffas i sommar.\n", "")})
    assert error.path == "content/meetings/2018-06-14-sommar.sv.md"
    assert error.field == "summary"
    assert "saknas" in error.sv and "missing" in error.en
    assert error.example.startswith("summary: ")


def test_malformed_date(tree):
    error = only_error(tree, {"content/meetings/2018-06-14-sommar.sv.md": MEETING.replace("date: 2018-06-14", "date: 14 juni 2018")})
    assert (error.field, error.line) == ("date", 3)
    assert "inte skrivet som ett datum" in error.sv
    assert error.example == "date: 2018-06-14"


def test_date_that_does_not_exist(tree):
    error = only_error(tree, {"content/meetings/2018-06-14-sommar.sv.md": MEETING.replace("date: 2018-06-14", "date: 2018-02-30")})
    assert error.field == "date"
    assert "2018-02-30 finns inte i kalendern" in error.sv


def test_time_that_does_not_exist(tree):
    error = only_error(tree, {"content/events/2018-08-23-film.sv.md": EVENT.replace("end: 2018-08-23T20:00", "end: 2018-08-23T25:00")})
    assert error.field == "end"
    assert "finns inte i kalendern" in error.sv


def test_date_disagrees_with_file_name(tree):
    error = only_error(tree, {"content/meetings/2018-06-15-sommar.sv.md": MEETING})
    assert error.field == "date"
    assert "filnamnets datum 2018-06-15" in error.sv
    assert error.example == "date: 2018-06-15"


def test_event_start_disagrees_with_file_name(tree):
    error = only_error(tree, {"content/events/2018-08-24-film.sv.md": EVENT})
    assert error.field == "start"


def test_unknown_field_and_missing_field_are_both_reported(tree):
    errors = errors_for(tree, {"content/meetings/2018-06-14-sommar.sv.md": MEETING.replace("summary:", "sumary:")})
    by_field = {e.field: e for e in errors}
    assert "Menade du summary?" in by_field["sumary"].sv
    assert by_field["sumary"].line == 4
    assert "summary" in by_field


def test_end_before_start(tree):
    error = only_error(tree, {"content/events/2018-08-23-film.sv.md": EVENT.replace("end: 2018-08-23T20:00", "end: 2018-08-23T16:00")})
    assert error.field == "end"
    assert "slutar" in error.sv and "innan det börjar" in error.sv


def test_start_and_end_of_different_forms(tree):
    error = only_error(tree, {"content/events/2018-08-23-film.sv.md": EVENT.replace("end: 2018-08-23T20:00", "end: 2018-08-24")})
    assert error.field == "end"
    assert "samma sätt" in error.sv


def test_place_needs_an_address_unless_undecided(tree):
    error = only_error(tree, {"content/events/2018-08-23-film.sv.md": EVENT.replace("  address: Karlsgatan 7, Helsingborg\n", "")})
    assert error.field == "place.address"
    undecided = EVENT.replace("  address: Karlsgatan 7, Helsingborg\n", "  tbd: true\n")
    root = tree({"content/events/2018-08-23-film.sv.md": undecided})
    assert load_site(root / "content", root).get("events/2018-08-23-film", "sv").place["tbd"] is True


def test_all_day_multi_day_event(tree):
    text = EVENT.replace("start: 2018-08-23T17:30", "start: 2018-08-23").replace("end: 2018-08-23T20:00", "end: 2018-08-29")
    root = tree({"content/events/2018-08-23-film.sv.md": text})
    event = load_site(root / "content", root).get("events/2018-08-23-film", "sv")
    assert event.all_day and event.multi_day
    assert event.ends_at.isoformat() == "2018-08-30T00:00:00+02:00"


def test_invalid_yaml(tree):
    error = only_error(tree, {"content/meetings/2018-06-14-sommar.sv.md": MEETING.replace("title: Möte om sommaren", "title: [Möte")})
    assert error.path == "content/meetings/2018-06-14-sommar.sv.md"
    assert "YAML" in error.sv
    assert error.line is not None


def test_front_matter_not_a_mapping(tree):
    error = only_error(tree, {"content/meetings/2018-06-14-sommar.sv.md": "---\n- en lista\n---\nText\n"})
    assert error.line == 2
    assert "fält med namn och värde" in error.sv


def test_empty_file(tree):
    error = only_error(tree, {"content/meetings/2018-06-14-sommar.sv.md": ""})
    assert "Filen är tom" in error.sv


def test_twins_disagree_on_date(tree):
    english = MEETING.replace("date: 2018-06-14", "date: 2018-06-15")
    errors = errors_for(tree, {
        "content/meetings/2018-06-14-sommar.sv.md": MEETING,
        "content/meetings/2018-06-14-sommar.en.md": english,
    })
    # Twins share a file name, so the English date also disagrees with it: one error, on the twin.
    assert [(e.path, e.field) for e in errors] == [("content/meetings/2018-06-14-sommar.en.md", "date")]


def test_twins_disagree_on_start(tree):
    english = EVENT.replace("start: 2018-08-23T17:30", "start: 2018-08-23T18:00")
    error = only_error(tree, {
        "content/events/2018-08-23-film.sv.md": EVENT,
        "content/events/2018-08-23-film.en.md": english,
    })
    assert (error.path, error.field) == ("content/events/2018-08-23-film.en.md", "start")


def test_english_without_swedish_original(tree):
    error = only_error(tree, {"content/meetings/2018-06-14-sommar.en.md": MEETING})
    assert "saknar sin svenska sida" in error.sv


def test_file_without_language_suffix(tree):
    error = only_error(tree, {"content/kontakt.md": "# Kontakt\n"})
    assert ".sv.md" in error.sv


def test_badly_named_collection_file(tree):
    error = only_error(tree, {"content/meetings/sommar.sv.md": MEETING})
    assert "Filnamnet ska vara datum" in error.sv


def test_all_errors_are_reported_at_once(tree):
    errors = errors_for(tree, {
        "content/meetings/2018-06-14-a.sv.md": MEETING.replace("date: 2018-06-14", "date: 2018-02-30"),
        "content/meetings/2018-06-14-b.sv.md": MEETING.replace("title: Möte om sommaren\n", ""),
        "content/events/2018-08-23-film.sv.md": EVENT.replace("end: 2018-08-23T20:00", "end: 2018-08-23T16:00"),
    })
    assert {e.path for e in errors} == {
        "content/meetings/2018-06-14-a.sv.md",
        "content/meetings/2018-06-14-b.sv.md",
        "content/events/2018-08-23-film.sv.md",
    }


def test_message_format_names_file_line_field_and_example(tree):
    error = only_error(tree, {"content/meetings/2018-06-14-sommar.sv.md": MEETING.replace("date: 2018-06-14", "date: 2018-02-30")})
    text = error.format()
    assert text.startswith("content/meetings/2018-06-14-sommar.sv.md:3: date: 2018-02-30 finns inte i kalendern.")
    assert "Exempel: date: 2018-06-14" in text
    assert "(en) 2018-02-30 does not exist in the calendar." in text


def test_loading_again_reads_only_the_files_that_changed(tree):
    """A preview loads the site after every edit; unchanged files keep their documents."""
    import os

    root = tree({
        "content/meetings/2018-06-14-sommar.sv.md": MEETING,
        "content/events/2018-08-23-film.sv.md": EVENT,
    })
    loader = Loader()  # a session's: it remembers the last load
    first = loader.load(root / "content", root)
    edited = root / "content/meetings/2018-06-14-sommar.sv.md"
    edited.write_text(MEETING.lstrip().replace("Möte om sommaren", "Möte om hösten"), encoding="utf-8")
    stat = edited.stat()
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a later save
    second = loader.load(root / "content", root)
    assert second.get("meetings/2018-06-14-sommar", "sv").title == "Möte om hösten"
    assert second.get("events/2018-08-23-film", "sv") is first.get("events/2018-08-23-film", "sv")

    # A file that breaks is reported, a deleted one is gone, and a repaired one loads again.
    edited.write_text(MEETING.lstrip().replace("date: 2018-06-14\n", ""), encoding="utf-8")
    with pytest.raises(ContentInvalid) as caught:
        loader.load(root / "content", root)
    assert [e.field for e in caught.value.errors] == ["date"]
    (root / "content/events/2018-08-23-film.sv.md").unlink()
    edited.write_text(MEETING.lstrip(), encoding="utf-8")
    third = loader.load(root / "content", root)
    assert [d.key for d in third.written()] == ["meetings/2018-06-14-sommar"]


# Dates that would break later: written as a block, or outside 1900–2100 --------------------------


@pytest.mark.parametrize("written", ["|\n  2018-06-14", ">\n  2018-06-14", '"2018-06-14\\n"'])
def test_meeting_date_written_as_a_block(tree, written):
    error = only_error(tree, {"content/meetings/2018-06-14-sommar.sv.md": MEETING.replace("date: 2018-06-14", f"date: {written}")})
    assert (error.field, error.line) == ("date", 3)
    assert error.sv == ("2018-06-14 slutar med en radbrytning: det står på en egen rad efter | eller > "
                        "(eller slutar på \\n). Skriv det direkt efter date: på samma rad.")
    assert error.example == "date: 2018-06-14"


@pytest.mark.parametrize("name, value", [("date", "9999-06-14"), ("next_meeting", "9999-01-01"),
                                         ("next_meeting", "1815-06-08")])
def test_meeting_dates_outside_1900_to_2100(tree, name, value):
    text = MEETING.replace("date: 2018-06-14", f"date: {value}") if name == "date" else \
        MEETING.replace("summary:", f"next_meeting: {value}\nsummary:")
    file = "content/meetings/9999-06-14-sommar.sv.md" if name == "date" else "content/meetings/2018-06-14-sommar.sv.md"
    error = only_error(tree, {file: text})
    assert error.field == name
    assert error.sv == (f"Året {value[:4]} i {value} kan inte stämma. Ett datum ska vara mellan år 1900 och 2100. "
                        "Kolla årtalet.")
    assert error.example == ("date: 2018-06-14" if name == "date" else "next_meeting: 2015-06-08")


def test_any_types_dates_outside_1900_to_2100(tree):
    """A site's own type may parse dates its own way: the loader still keeps years in range."""
    from datetime import date

    from klarsida.types import ContentType, ContentTypes
    from klarsida.types.page import TYPE as PAGE

    notice = ContentType(name="notice", schema_file=PAGE.schema_file, folder="notices",
                         parse=lambda meta, key, rel, lines: ({"day": date(9999, 1, 1)}, []))
    root = tree({"content/notices/a.sv.md": "---\ntitle: Anslag\n---\nText.\n"})
    with pytest.raises(ContentInvalid) as caught:
        load_site(root / "content", root, types=ContentTypes((PAGE, notice)))
    (error,) = caught.value.errors
    assert error.field == "day" and error.sv.startswith("Året 9999 i 9999-01-01 kan inte stämma.")
