"""Scores for the documents of a loaded Site (the glossary of the same language explains terms)."""

from __future__ import annotations

from typing import Any

from ..model import Document
from ..site import Site
from . import abbreviations
from .scorer import Score, score_text, timed
from .text import markdown_blocks

GLOSSARY_KEY = "glossary"
_glossaries: dict[tuple[str, str], frozenset[str]] = {}


def glossary_terms(body: str, lang: str) -> frozenset[str]:
    key = (lang, body)
    if key not in _glossaries:
        _glossaries[key] = abbreviations.glossary_terms(markdown_blocks(body))
    return _glossaries[key]


def site_glossary(site: Site, lang: str) -> frozenset[str]:
    doc = site.get(GLOSSARY_KEY, lang) or site.get(GLOSSARY_KEY, site.default_lang)
    return glossary_terms(doc.body, doc.lang) if doc else frozenset()


@timed
def score_document(site: Site, doc: Document) -> Score:
    return score_text(doc.body, doc.lang, site_glossary(site, doc.lang))


def exception_of(doc: Document) -> str | None:
    reason = doc.meta.get("readability_exception")
    return str(reason) if reason else None


def page_row(site: Site, doc: Document) -> dict[str, Any]:
    """One JSON object for site/klarsprak.json: where the page is, its scores and any exception."""
    return {"url": doc.url, "path": doc.rel, "title": doc.title, **score_document(site, doc).to_dict(),
            "exception": exception_of(doc)}


_rows: tuple[Site, list[dict[str, Any]]] | None = None


@timed
def site_rows(site: Site) -> list[dict[str, Any]]:
    """Every page of every language, in a stable order (language, then URL); read, never change it.

    Made once per loaded site: the report pages of both language builds, klarsprak.json and
    klarsprak.csv all read the same rows.
    """
    global _rows
    if _rows is None or _rows[0] is not site:
        docs = sorted(site.documents.values(), key=lambda d: (d.lang != site.default_lang, d.lang, d.url))
        _rows = (site, [page_row(site, doc) for doc in docs])
    return _rows[1]
