"""Klarspråk readability: Swedish LIX with the klarspråk group's conventions, English Flesch, and
findings (long sentences, passive voice, stiff words, unexplained abbreviations, long paragraphs).

Scores come from the Markdown source, so `klarsida score`, `klarsida check` and the build agree.
Modules: text (Markdown → blocks), swedish (words, sentences, LIX), passive, stiff_words,
abbreviations, english (Flesch), scorer (one text, cached in memory), disk_cache (between runs),
pages (documents of a Site), report (JSON, HTML report, diff), review (marks in page HTML),
targets (the check).
"""

import time

_import_started = time.process_time()

from .pages import page_row, score_document, site_rows  # noqa: E402
from .scorer import STATS, Finding, Score, score_text  # noqa: E402

# What loading the scorer costs (CPU seconds), part of what scoring costs a build.
STATS["import_cpu"] = time.process_time() - _import_started

__all__ = ["Finding", "STATS", "Score", "page_row", "score_document", "score_text", "site_rows"]
