"""Two iCalendar readers independent of the icalendar library that writes our files.

- ical.js (Mozilla; the reader inside Thunderbird), run by node from read_with_icaljs.mjs, installed
  by `make test` (`make validators`) from the repository's package-lock.json into node_modules/.
- vobject (PyPI; what the Radicale CalDAV server parses with), pinned in requirements-test.lock.

Both must use the VTIMEZONE inside each file, not zone data of their own, or a wrong VTIMEZONE would
pass unseen: ical.js has no zone database and we register none; vobject would fall back to pytz
only for a TZID the file does not define, so read() checks that every time came from the file.

Each reader gives, per file, a list of {uid, summary, status, start, end, all_day}: start and end as
UTC ISO 8601 ("2018-08-23T15:30:00Z") for timed events, "YYYY-MM-DD" for all-day ones.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Node finds the package by walking up from the script: the repository's node_modules.
ICALJS = HERE.parent.parent / "node_modules" / "ical.js" / "package.json"
INSTALL = "make test installs it (make validators: npm ci from package-lock.json)"


def icaljs(paths: list[Path]) -> dict[Path, list[dict]]:
    """All files in one node process (node starts in about 50 ms; a process per file would add up)."""
    node = shutil.which("node")
    if not node:
        raise AssertionError(f"node is missing: the calendar tests read .ics files with ical.js in node. {INSTALL}")
    if not ICALJS.is_file():
        raise AssertionError(f"ical.js is missing ({ICALJS.parent}). {INSTALL}")
    if not paths:
        return {}
    absolute = [str(Path(p).resolve()) for p in paths]
    result = subprocess.run([node, str(HERE / "read_with_icaljs.mjs"), *absolute],
                            capture_output=True, text=True, cwd=HERE)
    if result.returncode != 0:
        raise AssertionError(f"ical.js could not read the files:\n{result.stderr}")
    read = json.loads(result.stdout)
    return {path: read[name] for path, name in zip(paths, absolute)}


def _instant(value, path: Path, what: str) -> str:
    from dateutil.tz.tz import _tzicalvtz

    if not isinstance(value, datetime):
        return value.isoformat()
    if not isinstance(value.tzinfo, _tzicalvtz):
        # A floating time, or a zone vobject took from pytz: not what the file says.
        raise AssertionError(f"{path}: vobject read {what} {value} with {value.tzinfo!r}, not the file's VTIMEZONE")
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def vobject(paths: list[Path]) -> dict[Path, list[dict]]:
    import vobject as vobject_module
    import vobject.icalendar

    # vobject keeps one registry of TZIDs for the whole process and the first definition read wins:
    # without emptying it, every file after the first would be read with the first file's VTIMEZONE.
    registry = vars(vobject.icalendar)["__tzidMap"]
    out = {}
    for path in paths:
        for tzid in [k for k in registry if k != "UTC"]:
            del registry[tzid]
        calendar = vobject_module.readOne(path.read_text(encoding="utf-8"))
        events = []
        for vevent in getattr(calendar, "vevent_list", []):
            start, end = vevent.dtstart.value, vevent.dtend.value
            events.append({
                "uid": vevent.uid.value,
                "summary": vevent.summary.value,
                "status": vevent.status.value if hasattr(vevent, "status") else None,
                "start": _instant(start, path, "DTSTART"),
                "end": _instant(end, path, "DTEND"),
                "all_day": isinstance(start, date) and not isinstance(start, datetime),
            })
        out[path] = events
    return out


READERS = {"ical.js": icaljs, "vobject": vobject}


def read_all(paths: list[Path]) -> dict[str, dict[Path, list[dict]]]:
    """{reader name: {path: events}} for every independent reader."""
    return {name: read(paths) for name, read in READERS.items()}


def expected(start: date | datetime, end: date | datetime, zone) -> tuple[str, str]:
    """What a reader must give for front-matter times: UTC instants from zoneinfo for local times;
    for all-day events the first day and the day after the last (DTEND is exclusive)."""
    if isinstance(start, datetime):
        utc = lambda t: t.replace(tzinfo=zone).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return utc(start), utc(end)
    return start.isoformat(), date.fromordinal(end.toordinal() + 1).isoformat()


def mismatches(read: dict[str, dict[Path, list[dict]]], want: dict[str, tuple[str, str]]) -> list[str]:
    """Every event a reader placed elsewhere than `want` ({uid: (start, end)}), as readable lines."""
    wrong = []
    for reader, files in read.items():
        for path, events in files.items():
            name = "/".join(path.parts[-3:])
            if not events:
                wrong.append(f"{reader}: {name}: no events")
            for event in events:
                got = (event["start"], event["end"])
                if event["uid"] not in want:
                    wrong.append(f"{reader}: {name}: unexpected {event['uid']}")
                elif got != want[event["uid"]]:
                    wrong.append(f"{reader}: {name}: {event['uid']} at {got}, zoneinfo says {want[event['uid']]}")
    return wrong
