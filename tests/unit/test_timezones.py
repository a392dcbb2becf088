"""VTIMEZONE from zoneinfo as yearly rules: read by ical.js and vobject (tests/calendar_readers), the
UTC instant of local times on both sides of every change agrees with zoneinfo's."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from klarsida.timezones import ZoneRules
from tests.calendar_readers.readers import mismatches, read_all


def observances(vtimezone) -> list[tuple[str, str, str]]:
    """(STANDARD or DAYLIGHT, DTSTART, RRULE) of each observance, as written."""
    return [(c.name, c["DTSTART"].to_ical().decode(), c["RRULE"].to_ical().decode() if "RRULE" in c else "")
            for c in vtimezone.subcomponents]


def probes(zone: ZoneInfo, rules: ZoneRules, first_year: int) -> list[datetime]:
    """Local wall-clock times on both sides of every change 1970-2037, and two a year besides:
    each exists once (none in a skipped or a repeated hour), so its UTC instant is unambiguous."""
    times = [datetime(year, month, 1, 12) for year in range(first_year, 2038) for month in (1, 7)]
    for change in rules.changes:
        jump = abs(change.after - change.before)
        onset = change.onset
        times += [onset - timedelta(hours=2), onset + jump + timedelta(hours=2),
                  onset - timedelta(minutes=1), onset + jump + timedelta(minutes=1)]

    def unambiguous(naive):
        fold0, fold1 = naive.replace(tzinfo=zone), naive.replace(tzinfo=zone, fold=1)
        exists = fold0.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) == naive
        return exists and fold0.utcoffset() == fold1.utcoffset()

    def minute_long(naive):  # the event probing it ends a minute later, with no change in between
        end = naive + timedelta(minutes=1)
        utc = lambda t: t.replace(tzinfo=zone).astimezone(timezone.utc)
        return unambiguous(end) and utc(end) - utc(naive) == timedelta(minutes=1)

    return sorted({t for t in times if unambiguous(t) and minute_long(t) and first_year <= t.year <= 2037})


@pytest.mark.parametrize("tzid, first_year", [
    ("Europe/Stockholm", 1970), ("Europe/Stockholm", 1996), ("Europe/London", 1970), ("America/New_York", 1970),
    ("America/Sao_Paulo", 1970), ("Australia/Sydney", 1970), ("Asia/Tokyo", 1970)])
def test_vtimezone_from_zoneinfo_agrees_with_zoneinfo_to_2037(tzid, first_year, tmp_path):
    """The VTIMEZONE written from first_year on, read by both readers, gives zoneinfo's UTC offset at
    every probe time. Stockholm is the zone in use (from 1996: the offset on 1 January comes from a
    rule that ended in 1995); the others show the derivation is not one zone's rules (southern
    hemisphere, US rules that changed in 2007, Sao Paulo's dates that moved from year to year and then
    stopped, no changes in Tokyo)."""
    zone = ZoneInfo(tzid)
    rules = ZoneRules(tzid, zone)
    cal = Calendar()
    cal.add("prodid", "-//Klarsida//test//EN")
    cal.add("version", "2.0")
    vtimezone = rules.vtimezone(first_year)
    cal.add_component(vtimezone)
    want = {}
    for n, local in enumerate(probes(zone, rules, first_year)):
        vevent = Event()
        vevent.add("uid", f"{n}@test")
        vevent.add("dtstamp", datetime(2018, 6, 14, tzinfo=timezone.utc))
        vevent.add("summary", local.isoformat())
        vevent.add("dtstart", local.replace(tzinfo=zone))
        vevent.add("dtend", (local + timedelta(minutes=1)).replace(tzinfo=zone))
        cal.add_component(vevent)
        instant = local.replace(tzinfo=zone).astimezone(timezone.utc)
        want[f"{n}@test"] = tuple(t.strftime("%Y-%m-%dT%H:%M:%SZ") for t in (instant, instant + timedelta(minutes=1)))
    path = tmp_path / f"{tzid.replace('/', '-')}.ics"
    path.write_bytes(cal.to_ical())
    assert len(want) >= 2 * (2038 - first_year)
    text = path.read_text(encoding="utf-8")
    assert "RDATE" not in text
    assert mismatches(read_all([path]), want) == []
    if tzid == "Europe/Stockholm" and first_year == 1970:
        # History as tzdata has it: no summer time in the 1970s, 1980-1995 ending in September.
        assert observances(vtimezone) == [
            ("STANDARD", "19700101T000000", ""),
            ("DAYLIGHT", "19800406T020000", ""),
            ("STANDARD", "19800928T030000", "FREQ=YEARLY;UNTIL=19950925T010000Z;BYDAY=-1SU;BYMONTH=9"),
            ("DAYLIGHT", "19810329T020000", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"),
            ("STANDARD", "19961027T030000", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"),
        ]
    if tzid == "Europe/Stockholm" and first_year == 1996:
        assert [start for _, start, _ in observances(vtimezone)] == ["19800928T030000", "19810329T020000", "19961027T030000"]


def test_a_zone_without_changes_is_one_standard_observance():
    (only,) = ZoneRules("Asia/Tokyo", ZoneInfo("Asia/Tokyo")).vtimezone(2018).subcomponents
    assert only.to_ical().decode().split("\r\n")[:6] == [
        "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZNAME:JST", "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "END:STANDARD"]


def test_years_before_1970_and_after_2037_are_scanned_when_events_need_them():
    rules = ZoneRules("Europe/Stockholm", ZoneInfo("Europe/Stockholm"), 1949, 2100)
    assert (rules.from_year, rules.until_year, rules.changes[-1].at.year) == (1949, 2100, 2100)
    vtimezone = rules.vtimezone(1949)
    assert vtimezone.subcomponents[0]["DTSTART"].to_ical() == b"19490101T000000"  # no change in Sweden 1949-1979
    text = vtimezone.to_ical().decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n" in text and "RDATE" not in text
    with pytest.raises(ValueError):
        ZoneRules("Europe/Stockholm", ZoneInfo("Europe/Stockholm")).vtimezone(1960)
