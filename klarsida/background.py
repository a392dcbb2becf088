"""The checks and readability scores of a site, in a second process while the generator builds pages.

`start` writes the job (the project, the build's clock and the site as the build loaded it) to a
private folder and starts `python -m klarsida.background FOLDER`, which runs every check on that
site in a session of its own, scores every page and writes its findings back. The content is read
once per build: the second process gets the loaded site, not the files. A plain subprocess rather than
multiprocessing: spawn would run the program's main module again (the generator may be started
from any script), and fork copies the threads of a preview server.
"""

from __future__ import annotations

import os
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

    def scores(self) -> tuple[dict, dict, float] | None:
        """(scores, stats, seconds waited) as soon as every page is scored, before the checks end;
        None if the process ended without them (the verdict then says why)."""
        started = time.perf_counter()
        path = self.folder / "scores.pickle"
        while not path.exists() and self.process.poll() is None:
            time.sleep(0.02)
        waited = time.perf_counter() - started
        try:
            with open(path, "rb") as found:
                scores, stats = pickle.load(found)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None
        return scores, stats, waited

    def abandon(self) -> None:
        self._finalizer()

    @property
    def running(self) -> bool:
        return self._finalizer.alive


FOLDER_PREFIX = "klarsida-check-"


def process_alive(pid: int) -> bool:
    """Is process `pid` still running? A killed process whose parent died may stay a zombie where
    nothing reaps it (PID 1 of a container): that counts as gone."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return True




def remove_stale_folders(temp: Path | None = None) -> list[Path]:
    """Folders of builds that were killed (SIGKILL runs no cleanup): `klarsida-check-<pid>-*` whose
    build process is gone. A build running at the same time keeps its folder."""
    temp = Path(temp or tempfile.gettempdir())
    removed = []
    for folder in temp.glob(FOLDER_PREFIX + "*-*"):
        pid = folder.name[len(FOLDER_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and folder.is_dir() and not process_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def start(project: Project, now: datetime, site: Site) -> Check:
    remove_stale_folders()
    folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-"))
    with open(folder / "job.pickle", "wb") as job:
        pickle.dump((project, now), job)
    with open(folder / "site.pickle", "wb") as loaded:
        pickle.dump(site, loaded, protocol=pickle.HIGHEST_PROTOCOL)
    process = subprocess.Popen([sys.executable, "-m", "klarsida.background", str(folder)], stdin=subprocess.DEVNULL)
    return Check(process, folder)


def check_and_score(project: Project, now: datetime, site_file: Path, scores_file: Path | None = None):
    """In the second process: every page's score first (the report page waits for them, written to
    `scores_file` at once), then every check."""
    from .readability import score_document
    from .session import Session

    session = Session(project, now=now)  # its content types first: the site's documents need them
    with open(site_file, "rb") as loaded:
        site = pickle.load(loaded).with_types(session.types)
    for doc in site.written():
        score_document(session.scorer, site, doc)
    if scores_file is not None:  # written whole, then renamed: the build never reads half a file
        partial = scores_file.with_suffix(".tmp")
        with open(partial, "wb") as out:
            pickle.dump((session.scorer.known_scores(), dict(session.scorer.stats)), out)
        partial.rename(scores_file)
    problems = session.check(site)  # the readability target check reuses the scores
    session.save()  # here, where they were scored: the build process holds them in memory only
    return problems, session.scorer.known_scores(), dict(session.scorer.stats)


if __name__ == "__main__":
    job_folder = Path(sys.argv[1])
    with open(job_folder / "job.pickle", "rb") as job:
        found = check_and_score(*pickle.load(job), job_folder / "site.pickle", job_folder / "scores.pickle")
    with open(job_folder / "result.pickle", "wb") as out:
        pickle.dump(found, out)
