"""Dates in front matter and file names, shared by the dated content types (meetings, events)."""

from __future__ import annotations

from ..errors import ContentError
from ..model import DATED_NAME, parse_date


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
        f"{name}: {example}",
    )
