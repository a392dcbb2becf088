"""Reports: words for the scores, the report page for the klarspråk group and `klarsida diff`."""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from ..model import relative_file_url, relative_url, url_for
from ..site import Site
from .pages import site_rows
from .scorer import Scorer

KINDS = ("long_sentence", "passive", "stiff_word", "abbreviation", "long_paragraph", "long_section")
TEXT = {
    "sv": {
        "long_sentence": "Lång mening", "passive": "Passiv form", "stiff_word": "Krångligt ord",
        "abbreviation": "Oförklarad förkortning", "long_paragraph": "Långt stycke",
        "long_section": "Lång text utan mellanrubrik",
        "swedish_pages": "Svenska sidor", "english_pages": "Engelska sidor", "page": "Sida",
        "lix": "LIX", "flesch": "Flesch", "band": "Nivå", "words": "Ord", "long_share": "Långa meningar",
        "exception": "Undantag", "findings": "Att titta på", "none": "Inget", "reason": "Skäl",
        "things": "{n} saker", "thing": "1 sak", "over": "över målet", "worst_first": "Svårast först.",
        "shown": "Här visar vi de {shown} svåraste av {total} sidor, svårast först. Alla sidor finns i "
                 "filen {csv}. Du kan öppna den i Excel.",
    },
    "en": {
        "long_sentence": "Long sentence", "passive": "Passive voice", "stiff_word": "Stiff word",
        "abbreviation": "Unexplained abbreviation", "long_paragraph": "Long paragraph",
        "long_section": "Long text without a subheading",
        "swedish_pages": "Swedish pages", "english_pages": "English pages", "page": "Page",
        "lix": "LIX", "flesch": "Flesch", "band": "Level", "words": "Words", "long_share": "Long sentences",
        "exception": "Exception", "findings": "To look at", "none": "Nothing", "reason": "Reason",
        "things": "{n} things", "thing": "1 thing", "over": "over the target", "worst_first": "Hardest first.",
        "shown": "These are the {shown} hardest of {total} pages, hardest first. Every page is in the file "
                 "{csv}, which opens in Excel.",
    },
}


def text(lang: str, name: str) -> str:
    return TEXT.get(lang, TEXT["en"])[name]


def worst_first(rows: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Rows of one language, hardest first: highest LIX for Swedish, lowest Flesch otherwise."""
    chosen = [r for r in rows if r["lang"] == lang]
    if lang == "sv":
        return sorted(chosen, key=lambda r: (-r["lix"], -r["long_sentence_share"], r["url"]))
    return sorted(chosen, key=lambda r: (r.get("flesch") or 0, -r["long_sentence_share"], r["url"]))


@cache
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("klarsida.readability", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["percent"] = lambda v: f"{v:.0%}"
    return env


# The report page: content/klarsprak.*.md; the build fills in its table (fill_report_page).
REPORT_KEY = "klarsprak"
# The report page shows this many pages per language, hardest first, so it stays light as the
# archive grows (a page of its own for 2,000 pages would weigh about 450 KB); CSV_FILE has them all.
REPORT_ROWS = 30
CSV_FILE = "klarsprak.csv"
JSON_FILE = "klarsprak.json"


def report_html(rows: list[dict[str, Any]], lang: str, page_url: str, targets: dict[str, dict]) -> str:
    """The table for the report page (content/klarsprak.*.md), in the page's language."""
    sections = [(text(lang, "swedish_pages"), "sv", worst_first(rows, "sv")),
                (text(lang, "english_pages"), "en", worst_first(rows, "en"))]
    return _environment().get_template("report.html").render(
        lang=lang, sections=sections, kinds=KINDS, targets=targets, limit=REPORT_ROWS,
        csv_link=Markup('<a href="{}" download>{}</a>').format(relative_file_url(page_url, CSV_FILE), CSV_FILE),
        t=lambda name, **v: text(lang, name).format(**v),
        link=lambda url: relative_url(page_url, url),
    )


def report_page_html(scorer: Scorer, site: Site, targets: dict[str, dict], key: str, lang: str) -> str:
    """The report as shown on the report page `key` in the `lang` build (every page scored first)."""
    with scorer.timing():
        return report_html(site_rows(scorer, site), lang, url_for(key, lang, site.default_lang), targets)


def report_json(scorer: Scorer, site: Site) -> bytes:
    """klarsprak.json: one object per page of every language."""
    return (json.dumps(site_rows(scorer, site), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def report_csv(scorer: Scorer, site: Site) -> bytes:
    """site/klarsprak.csv: every page, for the klarspråk group's spreadsheet.

    As Swedish Excel reads it without questions: UTF-8 with a byte order mark (or å, ä and ö break),
    semicolons between fields and decimal commas.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Sida", "Adress", "Fil", "Språk", "LIX", "Flesch", "Nivå", "Ord",
                     "Långa meningar (%)", "Att titta på", "Undantag"])
    rows = site_rows(scorer, site)
    for row in worst_first(rows, "sv") + worst_first(rows, "en"):
        writer.writerow([
            row["title"], row["url"], row["path"], row["lang"], _decimal(row["lix"]), _decimal(row.get("flesch")),
            row["band"], row["words"], _decimal(round(row["long_sentence_share"] * 100)), len(row["findings"]),
            row["exception"] or "",
        ])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _decimal(value) -> str:
    return "" if value is None else str(value).replace(".", ",")


def _key(row: dict[str, Any]) -> tuple[str, str]:
    return (row.get("path") or row.get("url") or "", row.get("lang", ""))


def _main_score(row: dict[str, Any]) -> tuple[str, float, bool]:
    """(name, value, higher is better)."""
    if row.get("lang") == "sv" or row.get("flesch") is None:
        return "LIX", row["lix"], False
    return "Flesch", row["flesch"], True


def _finding_ids(row: dict[str, Any]) -> set[tuple[str, str]]:
    return {(f["kind"], f["text"]) for f in row.get("findings", [])}


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def diff_markdown(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> str:
    """A Markdown table of pages whose scores or findings changed, for a CI job summary."""
    before = {_key(r): r for r in old}
    lines = []
    for row in sorted(new, key=_key):
        previous = before.pop(_key(row), None)
        name, value, higher_better = _main_score(row)
        share = f"{row['long_sentence_share']:.0%}"
        fresh = sorted(_finding_ids(row) - (_finding_ids(previous) if previous else set()))
        new_findings = "; ".join(f"{text('en', kind).lower()}: “{_short(t)}”" for kind, t in fresh) or "–"
        if previous is None:
            lines.append(f"| {_cell(_key(row)[0])} | {name} {value} | new page | {share} | {_cell(new_findings)} |")
            continue
        _, old_value, _ = _main_score(previous)
        old_share = f"{previous['long_sentence_share']:.0%}"
        if old_value == value and old_share == share and not fresh and _finding_ids(previous) == _finding_ids(row):
            continue
        if old_value == value:
            verdict = "same"
        else:
            verdict = "better" if (value > old_value) == higher_better else "worse"
        lines.append(
            f"| {_cell(_key(row)[0])} | {name} {old_value} → {value} | {verdict} | {old_share} → {share} | {_cell(new_findings)} |"
        )
    for key in sorted(before):
        lines.append(f"| {_cell(key[0])} | – | page removed | – | – |")
    if not lines:
        return "No readability changes.\n"
    head = [
        "| Page | Score before → after | Change | Sentences over 20 words | New findings |",
        "| --- | --- | --- | --- | --- |",
    ]
    return "\n".join(head + lines) + "\n"


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
