"""VTIMEZONE components written as yearly rules, derived from zoneinfo for any zone.

Calendar applications and public time-zone feeds describe a zone by its rules: one DAYLIGHT and one
STANDARD observance, each with the local time of its first onset and an RRULE such as
FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU. A list of dates instead (comma-separated RDATE) is valid RFC 5545
but not read as such: ical.js (Thunderbird) and vobject (Radicale) both keep only the first date of
each RDATE line, and placed a 17:30 screening at 18:30 from the list the icalendar library writes.

How: `transitions()` finds every change of UTC offset, DST flag or abbreviation in zoneinfo from
1970 on, to the second. `rules()` groups the changes that recur on the same weekday of the same month
at the same local time in consecutive years into one observance with an RRULE (with UNTIL when the
rule was replaced, without when it still holds at the horizon, 2037 or later); a change that fits no
such run is an observance of its own (one DTSTART, never an RDATE list). `ZoneRules.vtimezone()`
keeps only the observances needed from a given year on, so the output depends on the events and
tzdata, not on the build date.
"""

from __future__ import annotations

import calendar as gregorian
from dataclasses import dataclass
from functools import cache
from datetime import datetime, timedelta, timezone, tzinfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

# The scan starts in 1970, earlier only for older events: the rules of every year since are then
# known whatever the first event, and the scan's cost grows with its length.
SCAN_FROM = 1970
# The last full year of 32-bit time; zoneinfo computes the years after it from each zone's current
# rule, so a rule that still holds in 2037 is written as going on (an RRULE without UNTIL).
HORIZON = 2037
# A day step found all 116 changes of Europe/Stockholm 1970-2037 in 0.11 s on an idle machine (0.5 s
# with both cores busy); a 6-hour step found the same ones in 3.4 times as long. It would miss a change
# and its reversal within one day.
STEP = timedelta(days=1)
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Transition:
    at: datetime  # the UTC instant of the change
    before: timedelta  # UTC offset until then (TZOFFSETFROM)
    after: timedelta  # UTC offset from then on (TZOFFSETTO)
    dst: bool
    name: str

    @property
    def onset(self) -> datetime:
        """The wall-clock time of the change as RFC 5545 writes DTSTART: local, in the old offset."""
        return (self.at + self.before).replace(tzinfo=None)

    def byday(self) -> set[int]:
        """Which nth weekday of the month the onset is: {2} for 8-14 March, {-1} also in the last 7 days."""
        onset = self.onset
        days = gregorian.monthrange(onset.year, onset.month)[1]
        return {(onset.day - 1) // 7 + 1} | ({-1} if onset.day + 7 > days else set())

    def kind(self) -> tuple:
        """What must be equal for two changes to be one yearly rule."""
        onset = self.onset
        return (self.dst, self.before, self.after, self.name, onset.month, onset.weekday(), onset.time())


@dataclass(frozen=True)
class Rule:
    """One observance: a single change, or the same change every year from first to last."""
    changes: tuple[Transition, ...]
    byday: int | None  # None: a single change, no RRULE
    open_ended: bool  # still in force at the horizon: RRULE without UNTIL


def state(zone: tzinfo, moment: datetime) -> tuple[timedelta, bool, str]:
    local = moment.astimezone(zone)
    return local.utcoffset(), bool(local.dst()), local.tzname() or ""


@cache
def transitions(zone: tzinfo, from_year: int = SCAN_FROM, until_year: int = HORIZON) -> tuple[Transition, ...]:
    """Every change of offset, DST flag or abbreviation from from_year to the end of until_year.

    Cached: the answer depends on tzdata only, and each language build of a site asks again."""
    start = datetime(from_year, 1, 1, tzinfo=timezone.utc)
    end = datetime(until_year + 1, 1, 1, tzinfo=timezone.utc)
    found = []
    here, now = start, state(zone, start)
    while here < end:
        there = min(here + STEP, end)
        then = state(zone, there)
        if then != now:
            # Bisect to the second: the change is after `low` and at or before `high`.
            low, high = here, there
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if state(zone, middle) == now:
                    low = middle
                else:
                    high = middle
            after = state(zone, high)
            found.append(Transition(high, now[0], after[0], after[1], after[2]))
            here, now = high, after
            continue
        here, now = there, then
    return tuple(found)


def rules(changes: tuple[Transition, ...], until_year: int = HORIZON) -> list[Rule]:
    """Group changes into yearly rules (consecutive years, same kind, a common nth weekday)."""
    runs: list[list[Transition]] = []
    open_runs: dict[tuple, tuple[list[Transition], set[int]]] = {}
    for change in changes:
        kind = change.kind()
        run = open_runs.get(kind)
        if run and run[0][-1].at.year == change.at.year - 1 and run[1] & change.byday():
            run[0].append(change)
            open_runs[kind] = (run[0], run[1] & change.byday())
        else:
            runs.append([change])
            open_runs[kind] = (runs[-1], change.byday())
    result = []
    for run in runs:
        if len(run) == 1:
            result.append(Rule(tuple(run), None, False))
            continue
        common = set.intersection(*(c.byday() for c in run))
        # "Last Sunday" is how every feed writes the EU rule; prefer it when it fits.
        byday = -1 if -1 in common else min(common)
        result.append(Rule(tuple(run), byday, run[-1].at.year >= until_year))
    return sorted(result, key=lambda r: r.changes[0].at)


def component(rule: Rule) -> TimezoneStandard | TimezoneDaylight:
    first = rule.changes[0]
    observance = TimezoneDaylight() if first.dst else TimezoneStandard()
    observance.add("dtstart", first.onset)
    if rule.byday is not None:
        recur = {"freq": "YEARLY", "bymonth": first.onset.month,
                 "byday": f"{rule.byday}{WEEKDAYS[first.onset.weekday()]}"}
        if not rule.open_ended:
            # UTC, as RFC 5545 3.3.10 requires in VTIMEZONE, a day after the last change: UNTIL only
            # bounds the rule, and vobject's dateutil compares it with the local onset, so at the
            # exact instant it dropped the last year east of Greenwich (1995 in Stockholm).
            recur["until"] = rule.changes[-1].at + timedelta(days=1)
        observance.add("rrule", recur)
    observance.add("tzname", first.name)
    observance.add("tzoffsetfrom", first.before)
    observance.add("tzoffsetto", first.after)
    return observance


class ZoneRules:
    """One zone's changes, scanned once, and the VTIMEZONE for any first year within them."""

    def __init__(self, tzid: str, zone: tzinfo, from_year: int = SCAN_FROM, until_year: int = HORIZON):
        self.tzid, self.zone = tzid, zone
        self.from_year, self.until_year = min(from_year, SCAN_FROM), max(until_year, HORIZON)
        self.changes = transitions(zone, self.from_year, self.until_year)
        self.rules = rules(self.changes, self.until_year)

    def vtimezone(self, first_year: int) -> Timezone:
        """The VTIMEZONE for times from 1 January of first_year on.

        Kept: every rule with a change at or after the last change before that day (which sets the
        offset in force on it), and every rule still in force. Without such a change (no change in
        the zone since the scan began), one STANDARD observance from the scan's start gives the offset.
        """
        if first_year < self.from_year:
            raise ValueError(f"{self.tzid} was scanned from {self.from_year}, not {first_year}")
        start = datetime(first_year, 1, 1, tzinfo=self.zone).astimezone(timezone.utc)
        earlier = [c for c in self.changes if c.at <= start]
        anchor = earlier[-1].at if earlier else start
        vtz = Timezone()
        vtz.add("tzid", self.tzid)
        if not earlier:
            begin = datetime(self.from_year, 1, 1, tzinfo=timezone.utc)
            offset, dst, name = state(self.zone, begin)
            vtz.add_component(component(Rule((Transition(begin - offset, offset, offset, dst, name),), None, False)))
        for rule in self.rules:
            if rule.open_ended or rule.changes[-1].at >= anchor:
                vtz.add_component(component(rule))
        return vtz
