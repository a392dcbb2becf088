"""The checks and readability scores of a site, in a second process while the generator builds pages.

`start` writes the job (the project, the build's clock and the site as the build loaded it) to a
private folder and starts `python -m klarsida.background FOLDER`, which runs every check on that
site in a session of its own, scores every page and writes its findings back. The content is read
once per build: the second process gets the loaded site, not the files. A plain subprocess rather than
multiprocessing: spawn would run the program's main module again (the generator may be started
from any script), and fork copies the threads of a preview server.
"""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
import tempfile
import time
import weakref
from datetime import datetime
from pathlib import Path

from .errors import ContentError
from .project import Project
from .site import Site


def _stop(process: subprocess.Popen, folder: Path) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()
    shutil.rmtree(folder, ignore_errors=True)


class Check:
    """A check running in a second process; its folder goes with it, also when the build stops early."""

    def __init__(self, process: subprocess.Popen, folder: Path):
        self.process, self.folder = process, folder
        # A build that stopped early (a generator error, Ctrl-C in a preview) leaves no process or
        # folder: this runs when the object goes, or when the interpreter exits.
        self._finalizer = weakref.finalize(self, _stop, process, folder)

    def result(self) -> tuple[list[ContentError], dict, dict, float]:
        """(problems, scores, stats, seconds waited); raises RuntimeError if the process failed."""
        started = time.perf_counter()
        code = self.process.wait()
        waited = time.perf_counter() - started
        try:
            if code != 0:
                raise RuntimeError(f"klarsida: checking the content in a second process failed (exit {code})")
            with open(self.folder / "result.pickle", "rb") as result:
                problems, scores, stats = pickle.load(result)
        finally:
            self._finalizer()
        return problems, scores, stats, waited

    def abandon(self) -> None:
        self._finalizer()

    @property
    def running(self) -> bool:
        return self._finalizer.alive


def start(project: Project, now: datetime, site: Site) -> Check:
    folder = Path(tempfile.mkdtemp(prefix="klarsida-check-"))
    with open(folder / "job.pickle", "wb") as job:
        pickle.dump((project, now), job)
    with open(folder / "site.pickle", "wb") as loaded:
        pickle.dump(site, loaded, protocol=pickle.HIGHEST_PROTOCOL)
    process = subprocess.Popen([sys.executable, "-m", "klarsida.background", str(folder)], stdin=subprocess.DEVNULL)
    return Check(process, folder)


def check_and_score(project: Project, now: datetime, site_file: Path):
    """In the second process: every check, then every page's score (the report page needs them)."""
    from .readability import score_document
    from .session import Session

    session = Session(project, now=now)  # its content types first: the site's documents need them
    with open(site_file, "rb") as loaded:
        site = pickle.load(loaded).with_types(session.types)
    problems = session.check(site)
    for doc in site.written():
        score_document(session.scorer, site, doc)
    session.save()  # here, where they were scored: the build process holds them in memory only
    return problems, session.scorer.known_scores(), dict(session.scorer.stats)


if __name__ == "__main__":
    job_folder = Path(sys.argv[1])
    with open(job_folder / "job.pickle", "rb") as job:
        found = check_and_score(*pickle.load(job), job_folder / "site.pickle")
    with open(job_folder / "result.pickle", "wb") as out:
        pickle.dump(found, out)
