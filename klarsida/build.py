"""The build-facing API: what a site generator adapter (today MkDocs hooks) calls.

Keeps the loaded Site between the per-language builds of one run (static-i18n rebuilds the whole
site once per language) and reloads it when any content file changes, as under `mkdocs serve`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .checks import check_site
from .clock import build_time
from .errors import ContentError, ContentInvalid
from .model import Document
from .render import enrich_page
from .site import Site, load_site


@dataclass
class BuildState:
    site: Site
    now: datetime
    fingerprint: tuple
    settings: dict[str, Any] = field(default_factory=dict)
    warnings: list[ContentError] = field(default_factory=list)


_cache: dict[Path, BuildState] = {}


def content_fingerprint(content_dir: Path) -> tuple:
    return tuple(
        (str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(content_dir.rglob("*.md"))
    )


def prepare(content_dir: Path, repo_root: Path, settings: dict[str, Any] | None = None) -> BuildState:
    """Load and check the content once per change.

    Raises ContentInvalid with every error; warnings are kept on the state for the adapter to log.
    """
    content_dir = Path(content_dir).resolve()
    settings = settings or {}
    fingerprint = (content_fingerprint(content_dir), repr(sorted(settings.items())))
    state = _cache.get(content_dir)
    if state is None or state.fingerprint != fingerprint:
        site = load_site(content_dir, repo_root)
        problems = check_site(site, settings)
        errors = [p for p in problems if p.level == "error"]
        if errors:
            raise ContentInvalid(errors)
        state = BuildState(site, build_time(), fingerprint, settings, [p for p in problems if p.level != "error"])
        _cache[content_dir] = state
    return state


def document_for(state: BuildState, doc_path: str) -> Document | None:
    return state.site.for_doc_path(doc_path)


def page_html(state: BuildState, doc: Document, lang: str, html: str) -> str:
    return enrich_page(state.site, doc, lang, html, state.now)
