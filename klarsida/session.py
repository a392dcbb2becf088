"""One session per build (or CLI run): the one owner of everything the engine holds while it works.

A session has the project (klarsida/project.py) and its typed settings, the build's clock, the
loaded Site, the Markdown conversions (klarsida/markup.py), the readability scores and their disk
cache (klarsida/readability/scorer.py), and the verdict of the checks. Nothing in `klarsida/` keeps
state in a module: a second session (a test, another site) starts from nothing, and no test clears
a cache.

Loading (front matter and schemas) happens at once: pages cannot be built without it. The checks
(links, safety, readability targets, ...) and the readability scores of every page are the rest
of the engine's work. They run in a second process while the generator builds pages (it uses one
core; build machines have two), and `finish` collects them before the build ends. A tiny site is
checked in the session's process: starting a process would cost more than it saves.

An adapter (the one package that knows the generator) makes one Session per generator run and calls `load` at the
start of every (language) build: the content is read again only when a file changed, as in a preview.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

from . import background, environment
from .checks import check_site
from .clock import build_time
from .content_files import reserved_outputs
from .events import feed_url as calendar_feed_url
from .feeds import feed_url
from .errors import ContentError, ContentInvalid
from .markup import Markup
from .model import Document
from .project import Project
from .readability.disk_cache import DiskCache
from .readability.pages import expand_abbreviations
from .readability.scorer import Scorer
from .render import enrich_page
from .settings import Settings
from .site import Loader, PartialLoad, Site, content_fingerprint
from .types import ContentTypes

# From this many documents (both languages) the checks run in a second process, if there is a
# second core. Measured on the 2-core build machine: starting the process costs about 0.4 s of the
# other core; the site's 34 pages then build in 0.96-1.03 s instead of 1.05-1.09 s, and 1,000
# meetings in 14 s instead of 17 s. Below this (tests' tiny sites) checking here is as quick.
BACKGROUND_FROM = 20


class Session:
    """Everything one build or one command holds. Without a project: a session for tests and
    scripts, with the engine's defaults and `settings` (a mapping or Settings)."""

    def __init__(self, project: Project | None = None, *, settings: Any = None, now: datetime | None = None,
                 disk_cache: bool = True, review: bool | None = None):
        self.project = project
        self.settings: Settings = project.settings if project else Settings.parse(settings or {})
        self.now = now or build_time()
        self.review = environment.review() if review is None else review
        self.markup = Markup(project.markdown_extensions if project else None)
        self.scorer = Scorer(self.markup, DiskCache(project.cache_dir if project and disk_cache else None))
        self.types = ContentTypes.load(self.settings.content_types, project.root if project else None)
        self.loader = Loader(self.types)
        self.site: Site | None = None
        self.warnings: list[ContentError] = []
        self.checked = False
        self.warnings_logged = False
        self.waited = 0.0  # seconds spent waiting for the second process (make bench reports it)
        self._fingerprint: tuple | None = None
        self._problems: list[ContentError] = []
        self._pending: background.Check | None = None
        self._scores_adopted = False
        self._published = None  # the main branch's versions of the pages (klarsida/changes.py), read once

    @property
    def languages(self) -> tuple[str, ...]:
        return self.project.languages if self.project else ("sv", "en")

    # Loading and checking ------------------------------------------------------------------

    def load(self, *, background_checks: bool | None = None) -> Site:
        """The site as the content folder holds it now; loaded and checked again only after a change.

        Raises ContentInvalid for errors found while loading. Errors of the checks come from
        `finish` (at once when they ran here). `background_checks` forces where the checks run.
        """
        assert self.project is not None, "a session without a project has no content folder to load"
        fingerprint = content_fingerprint(self.project.content_dir)
        if self.site is not None and fingerprint == self._fingerprint:
            return self.site
        self.close()  # a preview: the content changed again while the last check ran
        self.site = None
        found = self.read_partial()
        if found.errors:
            # Every error in one run: what can be checked on the pages that loaded is reported with
            # the loading errors (no follow-on errors: see PartialLoad), not after they are fixed.
            raise ContentInvalid(found.errors + self.errors_of_checks(found.site))
        site = found.site
        bodies = {doc.body for doc in site.documents.values()}
        self.markup.retain(bodies)  # old versions of edited pages
        self.scorer.retain(bodies)
        self.site, self._fingerprint = site, fingerprint
        self.checked, self.warnings_logged, self._problems, self.warnings = False, False, [], []
        self._scores_adopted = False
        if background_checks is None:
            background_checks = len(site.documents) >= BACKGROUND_FROM and (os.cpu_count() or 1) > 1
        if background_checks:
            self._pending = background.start(self.project, self.now, site)
        else:
            self._apply(check_site(site, self), {}, {})
        return site

    def read_site(self) -> Site:
        """The project's content as a Site, read now, without starting any check (the CLI's commands)."""
        project = self.project
        return self.loader.load(project.content_dir, project.root, project.languages, self._reserved())

    def read_partial(self) -> PartialLoad:
        """The project's content as far as it loads, and the loading errors."""
        project = self.project
        return self.loader.load_partial(project.content_dir, project.root, project.languages, self._reserved())

    def _reserved(self) -> tuple[str, ...]:
        # The build's own files in the default language's folders (the same below /en/): a page or
        # file there would replace them (content_files.py).
        default = self.project.default_lang
        return reserved_outputs(self.project.reserved_paths,
                                (feed_url(default, default), calendar_feed_url(default, default)))

    def errors_of_checks(self, site: Site | None) -> list[ContentError]:
        """The errors (not warnings) of every check on a partial site; none without one."""
        if site is None:
            return []
        return [p for p in check_site(site, self) if p.level == "error"]

    def check(self, site: Site) -> list[ContentError]:
        """Every check on `site` in this process (what `klarsida check` runs)."""
        return check_site(site, self)

    def wait(self) -> None:
        """Wait for the checks and scores of a background run (nothing to wait for otherwise)."""
        if self.checked or self._pending is None:
            return
        pending, self._pending = self._pending, None
        problems, scores, stats, waited = pending.result()
        self.waited += waited
        self._apply(problems, scores, stats)

    def wait_for_scores(self) -> None:
        """Wait only until every page is scored (the readability report needs no more): the second
        process scores first and checks after, so the build does not wait for the checks here."""
        if self.checked or self._pending is None or self._scores_adopted:
            return
        early = self._pending.scores()
        if early is None:
            self.wait()
            return
        scores, stats, waited = early
        self.waited += waited
        self.scorer.adopt(scores, stats)
        self._scores_adopted = True

    def finish(self) -> list[ContentError]:
        """Wait for the checks; raise ContentInvalid with every error, else return the warnings."""
        self.wait()
        errors = [p for p in self._problems if p.level == "error"]
        if errors:
            raise ContentInvalid(errors)
        return self.warnings

    def _apply(self, problems: list[ContentError], scores: dict, stats: dict) -> None:
        self.scorer.adopt(scores, {} if self._scores_adopted else stats)  # counted once
        self._problems = problems
        self.warnings = [p for p in problems if p.level != "error"]
        self.checked = True

    def close(self) -> None:
        """Stop a check still running in a second process and remove its folder."""
        if self._pending is not None:
            self._pending.abandon()
            self._pending = None

    # Pages ----------------------------------------------------------------------------------

    def document_for(self, doc_path: str) -> Document | None:
        """The document behind a content-folder-relative source path, e.g. `meetings/x.sv.md`."""
        return self.site.for_doc_path(doc_path) if self.site else None

    def anchors_of(self, doc: Document) -> set[str]:
        """Every id on the page as built in its own language (headings and the engine's own)."""
        from .links import anchors

        return anchors(self.site, doc, doc.lang, self.markup, self.now)

    def page_html(self, doc: Document, lang: str, html: str) -> str:
        """Everything the engine adds to one page's body in one language build (abbreviations
        from the glossary get their expansion: klarsida/readability/abbreviations.py)."""
        site_url = self.project.site_url if self.project else None
        return expand_abbreviations(self.scorer, self.site, doc, enrich_page(self.site, doc, lang, html, self.now, site_url))

    def stats(self) -> dict[str, Any]:
        """What readability and the second process cost this session (make bench reads it)."""
        from .readability import IMPORT_CPU

        return {**self.scorer.stats, "import_cpu": IMPORT_CPU, "waited_for_second_process": self.waited}

    def save(self) -> None:
        """Keep what is worth keeping for the next run (the scores on disk)."""
        self.scorer.disk.save()
