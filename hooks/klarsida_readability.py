"""MkDocs hooks for klarspråk readability: the report page, site/klarsprak.json and .csv, review mode.

Thin on purpose: scores come from the engine (klarsida.readability), which reads the Markdown
source and caches by content hash, so the second language build costs almost nothing. Review
mode (`make review` sets KLARSIDA_REVIEW=1) marks findings in every page; normal builds never do.
MkDocs imports this file under its path as module name, so it imports only the installed package.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from klarsida import build
from klarsida import readability
from klarsida.readability import disk_cache, report, review

log = logging.getLogger("mkdocs.hooks.klarsida.readability")
REVIEW_CSS = "assets/stylesheets/review.css"
_state: build.BuildState | None = None
_report_pages: dict[str, Path] = {}  # language → the written report page, filled in at the end
# Set at import, before the content hook's on_config runs the targets check: scores of unchanged
# pages come from the project's .cache/ (git-ignored) instead of being computed again.
disk_cache.use(Path(__file__).resolve().parent.parent / ".cache" / "klarsida")


def on_config(config):
    global _state
    # hooks/klarsida_content.py, listed first, has loaded the content for this build (or stopped it).
    _state = build.loaded(Path(config["docs_dir"]))
    if review.enabled() and REVIEW_CSS not in config["extra_css"]:
        config["extra_css"].append(REVIEW_CSS)
    return config


def on_page_content(html, page, config, files):
    doc = build.document_for(_state, page.file.src_uri)
    if doc is None:
        return html
    lang = config.theme["language"]
    if doc.key == report.REPORT_KEY:
        # Not the scores yet: they may still be on their way from the second process.
        _report_pages[lang] = Path(page.file.abs_dest_path)
        html += report.PLACEHOLDER
    if review.enabled():
        build.wait(_state)
        score = readability.score_document(_state.site, doc)
        html = review.review_html(html, score, lang, readability.pages.exception_of(doc))
    return html


def on_post_build(config):
    build.wait(_state)
    lang = config.theme["language"]
    written = _report_pages.pop(lang, None)
    if written is not None and written.is_file():
        report.fill_report_page(written, _state.site, _state.settings, report.REPORT_KEY, lang)
    if lang == _state.site.default_lang:
        root = build.site_root(config["site_dir"], lang)
        report.write_json(_state.site, root / "klarsprak.json")
        report.write_csv(_state.site, root / report.CSV_FILE)
    disk_cache.save()
    stats = readability.STATS
    # Scoring cost against the whole process so far; the last language's line covers the whole build.
    log.debug(
        "klarsprak (%s build): %d pages scored, %d from disk, %d from memory; scoring %.0f ms wall, %.0f ms CPU (+%.0f ms CPU to load "
        "the scorer) of %.0f ms CPU for the whole build process; %.0f ms in a second process",
        lang, stats["scored"], stats["from_disk"], stats["cached"], stats["seconds"] * 1000, stats["cpu"] * 1000,
        stats["import_cpu"] * 1000, time.process_time() * 1000, stats.get("background_seconds", 0.0) * 1000,
    )
    if os.environ.get("KLARSIDA_STATS_FILE"):  # `make bench` reads what readability cost this build
        build.write_stats(Path(os.environ["KLARSIDA_STATS_FILE"]))
