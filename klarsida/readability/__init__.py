"""Klarspråk readability: Swedish LIX with the klarspråk group's conventions, English Flesch, and
findings (long sentences, passive voice, nominal style, uncommon words, stiff words, unexplained
abbreviations, long paragraphs).
Which measure and findings apply to a language is one registry (languages.py); other languages
are counted but have no readability measure.

Scores come from the Markdown source, so `klarsida score`, `klarsida check` and the build agree.
Modules: languages (measure, findings and abbreviations per language), text (Markdown → blocks),
swedish (words, sentences, LIX), passive, nominal (nominalisations, nominal ratio, uncommon words),
stiff_words, abbreviations (and their <abbr title> on pages), english (Flesch), scorer (a session's
scores, cached in memory), disk_cache (between runs), pages (documents of a Site), report (JSON, CSV,
HTML report), changes (`klarsida diff` and the pull request comment, in Swedish), review (marks in
page HTML), targets (the check).
"""

import time

_import_started = time.process_time()

from .languages import Measure, measure_for  # noqa: E402
from .pages import page_row, score_document, site_rows  # noqa: E402
from .scorer import Finding, Score, Scorer, score_text  # noqa: E402

# What loading the scorer costs (CPU seconds), part of what scoring costs a build.
IMPORT_CPU = time.process_time() - _import_started

__all__ = ["Finding", "IMPORT_CPU", "Measure", "Score", "Scorer", "measure_for", "page_row", "score_document",
           "score_text", "site_rows"]
