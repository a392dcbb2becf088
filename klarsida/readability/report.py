"""Reports: words for the scores, the report page for the klarspråk group and `klarsida diff`.

The report page has one section per language of the site, each ordered by its language's measure
(languages.py); a language without one says so. Words for reviewers come from the catalogs.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape

from ..i18n import catalog, is_language, label, language_name, text_direction
from ..model import relative_file_url, relative_url, url_for
from ..site import Site
from .languages import KINDS, Measure, measure_for, rules_for
from .pages import site_rows
from .scorer import Scorer

# Words for reviewers come from the gettext catalogs (klarsida/locales/<lang>/), as "readability_<name>".
PREFIX = "readability_"


def text(lang: str, name: str, **values: object) -> str:
    """A word of the readability report in `lang`: the catalog's `readability_<name>`."""
    return label(lang, PREFIX + name, **values)


def words_language(lang: str) -> str:
    """The language the catalog's words are really in (Swedish for a language without a catalog)."""
    return catalog(lang).lang


def section_title(lang: str, of: str) -> str:
    """"Svenska sidor", "English pages", "الصفحات باللغة العربية": the heading of `of`'s pages in `lang`."""
    title = text(lang, "pages", language=language_name(of, words_language(lang)))
    return title[:1].upper() + title[1:]


def worst_first(rows: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Rows of one language, hardest first by its measure (highest LIX, lowest Flesch); for a
    language without a measure, the most long sentences first."""
    chosen = [r for r in rows if r["lang"] == lang]
    measure = measure_for(lang)
    if measure is None:
        return sorted(chosen, key=lambda r: (-r["long_sentence_share"], r["url"]))

    def hardest(row: dict[str, Any]) -> float:
        value = measure.value(row) or 0
        return value if measure.higher_is_easier else -value

    return sorted(chosen, key=lambda r: (hardest(r), -r["long_sentence_share"], r["url"]))


def report_languages(rows: list[dict[str, Any]], languages: tuple[str, ...] = ()) -> list[str]:
    """The languages of the report: the site's in its order (default first), then any other the
    rows hold, in the rows' order (site_rows puts the default language first)."""
    return list(dict.fromkeys([*languages, *(r["lang"] for r in rows)]))


def site_languages(site: Site) -> tuple[str, ...]:
    """The site's languages as configured, the default first."""
    return tuple(dict.fromkeys((site.default_lang, *site.languages)))


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


@dataclass(frozen=True)
class Section:
    """One language's pages in the report."""

    lang: str
    title: str
    measure: Measure | None
    rows: list[dict[str, Any]]


def note_language(lang: str) -> str:
    """Findings have notes in Swedish and English (scorer.Finding): Swedish where the words are
    Swedish, English elsewhere."""
    return "sv" if words_language(lang) == "sv" else "en"


def note_text(finding: dict[str, Any], lang: str) -> str:
    return finding["note_sv"] if note_language(lang) == "sv" else finding["note_en"]


def direction(lang: str) -> str:
    """"rtl" or "ltr" (also for a language CLDR does not know)."""
    return text_direction(lang) if is_language(lang) else "ltr"


def dir_attribute(lang: str, page_lang: str) -> Markup:
    """` dir="rtl"` on Arabic text in a Swedish page, ` dir="ltr"` on Swedish text in an Arabic one;
    nothing where the text runs the page's way."""
    wanted = direction(lang)
    return Markup(' dir="{}"').format(wanted) if wanted != direction(page_lang) else Markup("")


def language_attributes(lang: str, page_lang: str) -> Markup:
    """` lang="en"` (and dir where needed) for words in another language than the page's."""
    if lang == words_language(page_lang):
        return Markup("")
    return Markup(' lang="{}"').format(lang) + dir_attribute(lang, page_lang)


def note(finding: dict[str, Any], lang: str) -> Markup:
    """A finding's note for a page in `lang`, escaped; marked with its language where the page's
    words are in another one (an Arabic page shows the English note)."""
    attributes = language_attributes(note_language(lang), lang)
    found = note_text(finding, lang)
    if not attributes:
        return escape(found)
    return Markup("<span{}>{}</span>").format(attributes, found)


def report_html(rows: list[dict[str, Any]], lang: str, page_url: str, targets: dict[str, dict],
                languages: tuple[str, ...] = ()) -> str:
    """The table for the report page (content/klarsprak.*.md), in the page's language: one section
    per language of the site (`languages`, default first; without them, the languages of the rows)."""
    sections = [Section(code, section_title(lang, code), measure_for(code), worst_first(rows, code))
                for code in report_languages(rows, languages)]
    return _environment().get_template("report.html").render(
        lang=lang, sections=sections, kinds=KINDS, targets=targets, limit=REPORT_ROWS,
        csv_link=Markup('<a href="{}" download>{}</a>').format(relative_file_url(page_url, CSV_FILE), CSV_FILE),
        t=lambda name, **v: text(lang, name, **v),
        note=lambda finding: note(finding, lang),
        dir=lambda code: dir_attribute(code, lang),
        words_in=lambda code: language_attributes(code, lang),  # bands are in their page's language
        link=lambda url: relative_url(page_url, url),
    )


def report_page_html(scorer: Scorer, site: Site, targets: dict[str, dict], key: str, lang: str) -> str:
    """The report as shown on the report page `key` in the `lang` build (every page scored first)."""
    with scorer.timing():
        return report_html(site_rows(scorer, site), lang, url_for(key, lang, site.default_lang), targets,
                           site_languages(site))


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
    no_measure = text("sv", "no_measure")
    for lang in report_languages(rows, site_languages(site)):
        for row in worst_first(rows, lang):
            writer.writerow([
                row["title"], row["url"], row["path"], row["lang"], _decimal(row.get("lix")),
                _decimal(row.get("flesch")), row.get("band") or no_measure, row["words"],
                _decimal(round(row["long_sentence_share"] * 100)), len(row["findings"]), row["exception"] or "",
            ])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _decimal(value) -> str:
    return "" if value is None else str(value).replace(".", ",")


def _key(row: dict[str, Any]) -> tuple[str, str]:
    return (row.get("path") or row.get("url") or "", row.get("lang", ""))


def _main_score(row: dict[str, Any]) -> tuple[str, float | None, bool]:
    """(name, value, higher is better): the language's measure, or the next figure it has (an
    English row without Flesch: LIX); ("no readability measure", None, _) for other languages."""
    for measure in rules_for(row.get("lang", "")).figures:
        value = measure.value(row)
        if value is not None:
            return measure.name, value, measure.higher_is_easier
    return text("en", "no_measure").lower(), None, True


def _score_cell(name: str, value: float | None) -> str:
    return name if value is None else f"{name} {value}"


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
            lines.append(f"| {_cell(_key(row)[0])} | {_score_cell(name, value)} | new page | {share} | {_cell(new_findings)} |")
            continue
        old_name, old_value, _ = _main_score(previous)
        old_share = f"{previous['long_sentence_share']:.0%}"
        if old_value == value and old_share == share and not fresh and _finding_ids(previous) == _finding_ids(row):
            continue
        if value is None or old_value is None:  # no readability measure: nothing is better or worse
            verdict = "–"
            before_cell, after_cell = _score_cell(old_name, old_value), _score_cell(name, value)
            scores = after_cell if before_cell == after_cell else f"{before_cell} → {after_cell}"
        else:
            verdict = "same" if old_value == value else "better" if (value > old_value) == higher_better else "worse"
            scores = f"{name} {old_value} → {value}"
        lines.append(
            f"| {_cell(_key(row)[0])} | {scores} | {verdict} | {old_share} → {share} | {_cell(new_findings)} |"
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
