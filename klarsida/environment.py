"""Every environment variable the engine reads, declared in one place.

Settings live in the site's configuration (klarsida/settings.py). Environment variables are only
switches of a run, never content or targets:

- KLARSIDA_REVIEW (`make review`): mark readability findings in every page.
- KLARSIDA_PREVIEW_LANGUAGES (`make serve`): build only these languages (comma-separated), a preview
  of Swedish edits in a third of the time. Read by the adapter, which tells the generator.
- KLARSIDA_STATS_FILE (`make bench`): write what readability cost the build to this file.
- KLARSIDA_BASE_REF (CI): the branch holding the published pages, for the change-note check
  (klarsida/changes.py); default origin/main, else main.
- SOURCE_DATE_EPOCH (reproducible-builds.org): the build's "now" (klarsida/clock.py).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

REVIEW = "KLARSIDA_REVIEW"
PREVIEW_LANGUAGES = "KLARSIDA_PREVIEW_LANGUAGES"
STATS_FILE = "KLARSIDA_STATS_FILE"
BASE_REF = "KLARSIDA_BASE_REF"
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
DECLARED = (REVIEW, PREVIEW_LANGUAGES, STATS_FILE, BASE_REF, SOURCE_DATE_EPOCH)


def _environ(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if environ is None else environ


def switch(name: str, environ: Mapping[str, str] | None = None) -> bool:
    """On when set to anything but empty, 0, false or no."""
    assert name in DECLARED, name
    return _environ(environ).get(name, "").strip().lower() not in ("", "0", "false", "no")


def review(environ: Mapping[str, str] | None = None) -> bool:
    return switch(REVIEW, environ)


def preview_languages(environ: Mapping[str, str] | None = None) -> tuple[str, ...] | None:
    """The languages a preview builds, or None: every language."""
    value = _environ(environ).get(PREVIEW_LANGUAGES, "").strip()
    return tuple(part.strip() for part in value.split(",") if part.strip()) or None


def stats_file(environ: Mapping[str, str] | None = None) -> Path | None:
    value = _environ(environ).get(STATS_FILE, "").strip()
    return Path(value) if value else None


def base_ref(environ: Mapping[str, str] | None = None) -> str | None:
    """The git ref of the published pages, or None: the default (origin/main, else main)."""
    return _environ(environ).get(BASE_REF, "").strip() or None


def source_date_epoch(environ: Mapping[str, str] | None = None) -> str:
    return _environ(environ).get(SOURCE_DATE_EPOCH, "").strip()
