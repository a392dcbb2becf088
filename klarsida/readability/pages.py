"""Scores for the documents of a loaded Site (the glossary of the same language explains terms)."""

from __future__ import annotations

from typing import Any

from ..model import Document
from ..site import Site
from . import abbreviations
from .scorer import Score, Scorer

GLOSSARY_KEY = "glossary"


def site_glossary(scorer: Scorer, site: Site, lang: str) -> frozenset[str]:
    doc = site.get(GLOSSARY_KEY, lang) or site.get(GLOSSARY_KEY, site.default_lang)
    return scorer.glossary_terms(doc.body, doc.lang) if doc else frozenset()


def site_expansions(scorer: Scorer, site: Site, lang: str) -> dict[str, str]:
    """The glossary's abbreviations and their expansions, for `lang`'s pages: from the glossary in
    that language only, since the expansion is shown to the page's readers (a Swedish expansion on
    an English page would be text in another language without its `lang`)."""
    doc = site.get(GLOSSARY_KEY, lang)
    return scorer.glossary_expansions(doc.body, doc.lang) if doc else {}


def expand_abbreviations(scorer: Scorer, site: Site, doc: Document, html: str) -> str:
    """The page's body with the first use of each glossary abbreviation in <abbr title> (not on
    the glossary itself, whose terms are the explanations)."""
    if doc.key == GLOSSARY_KEY:
        return html
    return abbreviations.expand_html(html, site_expansions(scorer, site, doc.lang))


def score_document(scorer: Scorer, site: Site, doc: Document) -> Score:
    with scorer.timing():
        return scorer.score_text(doc.body, doc.lang, site_glossary(scorer, site, doc.lang))


def exception_of(doc: Document) -> str | None:
    reason = doc.meta.get("readability_exception")
    return str(reason) if reason else None


def page_row(scorer: Scorer, site: Site, doc: Document) -> dict[str, Any]:
    """One JSON object for klarsprak.json: where the page is, its scores and any exception."""
    return {"url": doc.url, "path": doc.rel, "title": doc.title, **score_document(scorer, site, doc).to_dict(),
            "exception": exception_of(doc)}


def site_rows(scorer: Scorer, site: Site) -> list[dict[str, Any]]:
    """Every page of every language, in a stable order (language, then URL); read, never change it.

    Made once per loaded site: the report pages of every language build, klarsprak.json and
    klarsprak.csv all read the same rows.
    """
    with scorer.timing():
        if scorer._rows is None or scorer._rows[0] is not site:
            docs = sorted(site.written(), key=lambda d: (d.lang != site.default_lang, d.lang, d.url))
            scorer._rows = (site, [page_row(scorer, site, doc) for doc in docs])
        return scorer._rows[1]
