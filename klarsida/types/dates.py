"""Dates in front matter and file names, shared by the dated content types (meetings, events).

Every date field goes through `read_day` or `read_moment`, which never let a value through that
would break later: a year outside 1900–2100 (the year 9999 used to crash the all-day arithmetic and
the .ics), a value written as a block (`start: |`, so it ends in a line break that the schema's
`$` lets through), and a local time that Europe/Stockholm does not have or has twice.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ..clock import STOCKHOLM
from ..errors import ContentError
from ..model import DATED_NAME, parse_date, parse_local

# Dates a site of a municipality's groups has any use for; outside them a year is a typo
# (20018, 9999), and Python's date arithmetic and the calendar files fail near year 1 and 9999.
MIN_YEAR, MAX_YEAR = 1900, 2100

MONTHS_SV = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
             "november", "december")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def name_date(key: str):
    match = DATED_NAME.match(key.rsplit("/", 1)[-1])
    return parse_date(match["date"]) if match else None


def looks_like_date(value: str) -> bool:
    return len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit()


def looks_like_datetime(value: str) -> bool:
    return looks_like_date(value[:10]) and (len(value) == 10 or (len(value) == 16 and value[10] == "T"))


def no_such_date(rel: str, lines: dict, name: str, value: str, example: str) -> ContentError:
    return ContentError(
        rel, lines.get(name), name,
        f"{value} finns inte i kalendern. Kolla dag, månad och klockslag.",
        f"{value} does not exist in the calendar. Check the day, month and time.",
        f"{_leaf(name)}: {example}",
    )


def _leaf(name: str) -> str:
    """How the field is written in the file: `by:` for `registration.by`."""
    return name.rsplit(".", 1)[-1]


def ends_in_line_break(rel: str, lines: dict, name: str, value: str, example: str) -> ContentError:
    shown = value.rstrip("\n")
    return ContentError(
        rel, lines.get(name), name,
        f"{shown} slutar med en radbrytning: det står på en egen rad efter | eller > (eller slutar på \\n). "
        f"Skriv det direkt efter {_leaf(name)}: på samma rad.",
        f"{shown} ends in a line break: it is on a line of its own after | or > (or ends in \\n). "
        f"Write it right after {_leaf(name)}: on the same line.",
        f"{_leaf(name)}: {example}",
    )


def out_of_range(rel: str, lines: dict, name: str, value: str, example: str) -> ContentError:
    year = value[:4]
    return ContentError(
        rel, lines.get(name), name,
        f"Året {year} i {value} kan inte stämma. Ett datum ska vara mellan år {MIN_YEAR} och {MAX_YEAR}. "
        "Kolla årtalet.",
        f"The year {year} in {value} cannot be right. A date must be between the years {MIN_YEAR} and {MAX_YEAR}. "
        "Check the year.",
        f"{_leaf(name)}: {example}",
    )


def in_range(day: date) -> bool:
    return MIN_YEAR <= day.year <= MAX_YEAR


def _block_written(value: str, looks_right) -> bool:
    """`start: |` or `>` with the date on the next line: the value ends in a line break, which a
    JSON-Schema pattern ending in `$` accepts (Python's `$` matches before a final newline)."""
    return value.endswith("\n") and looks_right(value.rstrip("\n"))


def read_day(meta: dict, name: str, rel: str, lines: dict, example: str) -> tuple[date | None, list[ContentError]]:
    """A date field (`date`, `next_meeting`, `registration.by`): the day, or the errors that say
    what is wrong with it. Absent, or of a shape the schema reports: (None, [])."""
    value = meta
    for part in name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if not isinstance(value, str):
        return None, []
    if _block_written(value, looks_like_date):
        return None, [ends_in_line_break(rel, lines, name, value, example)]
    if not looks_like_date(value):
        return None, []  # the schema has reported it
    day = parse_date(value)
    if day is None:
        return None, [no_such_date(rel, lines, name, value, example)]
    if not in_range(day):
        return None, [out_of_range(rel, lines, name, value, example)]
    return day, []


def read_moment(meta: dict, name: str, rel: str, lines: dict,
                example: str) -> tuple[tuple[datetime, bool] | None, list[ContentError]]:
    """A date or a date and a local time (`start`, `end`): (aware datetime, all day), or errors."""
    value = meta.get(name)
    if not isinstance(value, str):
        return None, []
    if "T" not in value:
        example = example[:10]  # an all-day event's example is a day too
    if _block_written(value, looks_like_datetime):
        return None, [ends_in_line_break(rel, lines, name, value, example)]
    if not looks_like_datetime(value):
        return None, []  # the schema has reported it
    day = parse_date(value[:10])
    if day is not None and not in_range(day):
        return None, [out_of_range(rel, lines, name, value, example)]
    moment, all_day = parse_local(value)
    if moment is None:
        return None, [no_such_date(rel, lines, name, value, example)]
    if not all_day:
        problem = local_time_problem(moment.replace(tzinfo=None))
        if problem is not None:
            return None, [problem(rel, lines, name)]
    return (moment, all_day), []


# Local times around the switches to and from summer time -------------------------------------


def exists(naive: datetime, zone=STOCKHOLM) -> bool:
    """A wall time exists iff going to UTC and back gives the same wall time."""
    there_and_back = naive.replace(tzinfo=zone).astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None)
    return there_and_back == naive


def ambiguous(naive: datetime, zone=STOCKHOLM) -> bool:
    """An existing wall time is ambiguous iff its first and second occurrence differ in offset."""
    return naive.replace(tzinfo=zone, fold=0).utcoffset() != naive.replace(tzinfo=zone, fold=1).utcoffset()


def _edge(naive: datetime, inside, step: timedelta) -> datetime:
    """The first wall time (by minutes, in the direction of `step`) where `inside` stops holding."""
    moment = naive
    for _ in range(24 * 60):  # a switch moves clocks by an hour (half an hour in a few zones)
        if not inside(moment):
            return moment
        moment += step
    return moment


def _clock(moment: datetime) -> str:
    return f"{moment:%H.%M}"


def _clock_en(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def _day_sv(day: date) -> str:
    return f"{day.day} {MONTHS_SV[day.month - 1]} {day.year}"


def _day_en(day: date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def local_time_problem(naive: datetime, zone=STOCKHOLM):
    """None for an ordinary local time; else a function (rel, lines, name) -> ContentError that
    explains the switch to or from summer time and suggests a time that exists once."""
    minute = timedelta(minutes=1)
    if not exists(naive, zone):
        # Clocks go forward: the gap runs from the first missing minute to the first existing one.
        gap_start = _edge(naive, lambda m: not exists(m, zone), -minute) + minute
        gap_end = _edge(naive, lambda m: not exists(m, zone), minute)
        suggestion = naive + (gap_end - gap_start)

        def gap(rel: str, lines: dict, name: str) -> ContentError:
            return ContentError(
                rel, lines.get(name), name,
                f"Klockan {_clock(naive)} finns inte den {_day_sv(naive)}: då ställs klockan fram "
                f"från {_clock(gap_start)} till {_clock(gap_end)}. "
                f"Välj en annan tid, till exempel {_clock(suggestion)}.",
                f"{_clock_en(naive)} does not exist on {_day_en(naive)}: the clocks go forward "
                f"from {_clock_en(gap_start)} to {_clock_en(gap_end)}. "
                f"Choose another time, for example {_clock_en(suggestion)}.",
                f"{name}: {suggestion:%Y-%m-%dT%H:%M}",
            )
        return gap
    if ambiguous(naive, zone):
        # Clocks go back: the hour before the switch happens twice.
        fold_start = _edge(naive, lambda m: ambiguous(m, zone), -minute) + minute
        fold_end = _edge(naive, lambda m: ambiguous(m, zone), minute)
        earlier, later = naive - (fold_end - fold_start), naive + (fold_end - fold_start)

        def fold(rel: str, lines: dict, name: str) -> ContentError:
            return ContentError(
                rel, lines.get(name), name,
                f"Klockan {_clock(naive)} finns två gånger den {_day_sv(naive)}: då ställs klockan tillbaka "
                f"från {_clock(fold_end)} till {_clock(fold_start)}, så vi vet inte vilken av dem du menar. "
                f"Välj en tid före {_clock(fold_start)} eller från {_clock(fold_end)}, "
                f"till exempel {_clock(earlier)} eller {_clock(later)}.",
                f"{_clock_en(naive)} happens twice on {_day_en(naive)}: the clocks go back "
                f"from {_clock_en(fold_end)} to {_clock_en(fold_start)}, so we cannot tell which one you mean. "
                f"Choose a time before {_clock_en(fold_start)} or from {_clock_en(fold_end)}, "
                f"for example {_clock_en(earlier)} or {_clock_en(later)}.",
                f"{name}: {later:%Y-%m-%dT%H:%M}",
            )
        return fold
    return None
