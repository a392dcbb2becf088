"""The build-facing API: what a site generator adapter (today MkDocs hooks) calls.

Keeps the loaded Site between the per-language builds of one run (static-i18n rebuilds the whole
site once per language) and reloads it when any content file changes, as under `mkdocs serve`.

Loading (front matter and schemas) happens at once: pages cannot be built without it. The checks
(links, safety, readability targets, ...) and the readability scores of every page are the rest
of the engine's work. They run in a second process while MkDocs builds pages (MkDocs uses one
core; build machines have two), and `finish` collects them before the build ends. A tiny site is
checked in the build process: starting a process would cost more than it saves.
"""

from __future__ import annotations

import atexit
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from . import markup
from .checks import check_site
from .clock import build_time
from .errors import ContentError, ContentInvalid
from .model import Document
from .render import enrich_page
from .site import Site, load_site

# From this many documents (both languages) the checks run in a second process, if there is a
# second core. Measured on the 2-core build machine: starting the process costs about 0.4 s of the
# other core; the site's 34 pages then build in 0.96-1.03 s instead of 1.05-1.09 s, and 1,000
# meetings in 14 s instead of 17 s. Below this (tests' tiny sites) checking here is as quick.
BACKGROUND_FROM = 20


@dataclass
class BuildState:
    site: Site
    now: datetime
    fingerprint: tuple
    settings: dict[str, Any] = field(default_factory=dict)
    warnings: list[ContentError] = field(default_factory=list)
    checked: bool = False
    warnings_logged: bool = False
    _problems: list[ContentError] = field(default_factory=list)
    _pending: tuple[subprocess.Popen, Path] | None = None


_cache: dict[Path, BuildState] = {}
# Seconds the build process spent waiting for the second process (make bench reports it).
WAITED = {"seconds": 0.0}


def content_fingerprint(content_dir: Path) -> tuple:
    stats = ((p, p.stat()) for p in sorted(content_dir.rglob("*.md")))
    return tuple((str(p), st.st_mtime_ns, st.st_size) for p, st in stats)


def prepare(content_dir: Path, repo_root: Path, settings: dict[str, Any] | None = None,
            *, background: bool | None = None) -> BuildState:
    """Load the content once per change and start checking it.

    Raises ContentInvalid for errors found while loading. Errors of the checks come from `finish`
    (at once when they ran here). `background` forces where the checks run (default: by size).
    """
    content_dir = Path(content_dir).resolve()
    settings = settings or {}
    fingerprint = (content_fingerprint(content_dir), repr(sorted(settings.items())))
    state = _cache.get(content_dir)
    if state is None or state.fingerprint != fingerprint:
        if state is not None and state._pending:  # `mkdocs serve`: the content changed again
            _abandon(state)
        site = load_site(content_dir, repo_root)
        markup.retain(doc.body for doc in site.documents.values())  # old versions of edited pages
        state = BuildState(site, build_time(), fingerprint, settings)
        if background is None:
            background = len(site.documents) >= BACKGROUND_FROM and (os.cpu_count() or 1) > 1
        if background:
            state._pending = _start_background(content_dir, repo_root, settings)
        else:
            _apply(state, check_site(site, settings), {}, {})
        _cache[content_dir] = state
    return state


def loaded(content_dir: Path) -> BuildState:
    """The state `prepare` made last for this content, without looking at the files again.

    For hooks that run after the one that called `prepare` in the same build: checking every
    file's size and time again costs about 15 ms a call at 1,000 meetings.
    """
    state = _cache.get(Path(content_dir).resolve())
    if state is None:
        raise LookupError(f"No content loaded from {content_dir}: hooks/klarsida_content.py (which calls "
                          "klarsida.build.prepare) must come first in the hooks listed in mkdocs.yml.")
    return state


def site_root(site_dir: str | Path, lang: str) -> Path:
    """The folder of the whole site: static-i18n builds languages but the first into <site>/<lang>."""
    site_dir = Path(site_dir)
    return site_dir.parent if site_dir.name == lang else site_dir


def wait(state: BuildState) -> None:
    """Wait for the checks and scores of a background run (nothing to wait for otherwise)."""
    if not state.checked:
        process, folder = state._pending
        started = time.perf_counter()
        code = process.wait()
        WAITED["seconds"] += time.perf_counter() - started
        if code != 0:
            raise RuntimeError(f"klarsida: checking the content in a second process failed (exit {process.returncode})")
        try:
            with open(folder / "result.pickle", "rb") as result:
                _apply(state, *pickle.load(result))
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def finish(state: BuildState) -> list[ContentError]:
    """Wait for the checks; raise ContentInvalid with every error, else return the warnings."""
    wait(state)
    errors = [p for p in state._problems if p.level == "error"]
    if errors:
        raise ContentInvalid(errors)
    return state.warnings


def _apply(state: BuildState, problems: list[ContentError], scores: dict, stats: dict) -> None:
    from .readability import scorer

    scorer.adopt(scores, stats)
    state._problems = problems
    state.warnings = [p for p in problems if p.level != "error"]
    state.checked, state._pending = True, None


def _start_background(content_dir: Path, repo_root: Path, settings: dict[str, Any]) -> tuple[subprocess.Popen, Path]:
    """Start `python -m klarsida.build` on the content; it writes its findings to a private folder.

    A plain subprocess rather than multiprocessing: spawn would run the program's main module
    again (MkDocs may be started from any script), and fork copies the threads of `mkdocs serve`.
    """
    from .readability import disk_cache

    folder = Path(tempfile.mkdtemp(prefix="klarsida-check-"))
    with open(folder / "job.pickle", "wb") as job:
        pickle.dump((content_dir, repo_root, settings, disk_cache.folder()), job)
    process = subprocess.Popen([sys.executable, "-m", "klarsida.build", str(folder)], stdin=subprocess.DEVNULL)
    return process, folder


@atexit.register
def _abandon_all() -> None:
    """A build that stopped early (a MkDocs error, Ctrl-C in `mkdocs serve`) leaves no process or folder."""
    for state in _cache.values():
        if state._pending:
            _abandon(state)


def _abandon(state: BuildState) -> None:
    process, folder = state._pending
    process.kill()
    process.wait()
    shutil.rmtree(folder, ignore_errors=True)
    state._pending = None


def _check_and_score(content_dir: Path, repo_root: Path, settings: dict[str, Any], cache_folder: Path | None):
    """In the second process: every check, then every page's score (the report page needs them)."""
    from .readability import STATS, disk_cache, score_document, scorer

    disk_cache.use(cache_folder)
    try:
        site = load_site(content_dir, repo_root)
    except ContentInvalid as exc:  # edited since the build process loaded it (`mkdocs serve`)
        return exc.errors, {}, {}
    problems = check_site(site, settings)
    for doc in site.documents.values():
        score_document(site, doc)
    disk_cache.save()  # here, where they were scored: the build process holds them in memory only
    return problems, scorer.known_scores(), dict(STATS)


def write_stats(path: Path) -> None:
    """What readability and the second process cost this build, as JSON (for `make bench`)."""
    from .readability import STATS

    Path(path).write_text(json.dumps({**STATS, "waited_for_second_process": WAITED["seconds"]}), encoding="utf-8")


def document_for(state: BuildState, doc_path: str) -> Document | None:
    return state.site.for_doc_path(doc_path)


def page_html(state: BuildState, doc: Document, lang: str, html: str) -> str:
    return enrich_page(state.site, doc, lang, html, state.now)


if __name__ == "__main__":
    # The second process (see _start_background): job in, findings out, both as files.
    job_folder = Path(sys.argv[1])
    with open(job_folder / "job.pickle", "rb") as job:
        found = _check_and_score(*pickle.load(job))
    with open(job_folder / "result.pickle", "wb") as out:
        pickle.dump(found, out)
