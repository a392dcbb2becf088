"""The build's notion of "now", which decides what is upcoming.

`SOURCE_DATE_EPOCH` (reproducible-builds.org) pins it for tests and reproducible builds; without
it we use the current time. Everything local is Europe/Stockholm, from zoneinfo with the tzdata
package as fallback so it works on machines without a system time-zone database.
"""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from . import environment

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def build_time(environ: dict[str, str] | None = None) -> datetime:
    """The moment the build happens, in Europe/Stockholm."""
    epoch = environment.source_date_epoch(environ)
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).astimezone(STOCKHOLM)
        except (ValueError, OverflowError, OSError):
            raise SystemExit(f"SOURCE_DATE_EPOCH must be whole seconds since 1970 (e.g. 1534982400), not {epoch!r}")
    return datetime.now(STOCKHOLM)
