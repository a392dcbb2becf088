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
from . import swedish
from .languages import KINDS, LIX, Measure, measure_for, rules_for
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


# The counts the klarspråk group reads per page, in one row (when the language looks for them).
COUNTED_KINDS = ("passive", "nominal", "abbreviation")


@dataclass(frozen=True)
class Section:
    """One language's pages in the report: `counted` the kinds counted in a column each,
    `nominal` whether the nominal ratio is shown, `kinds` the findings by kind (most first)."""

    lang: str
    title: str
    measure: Measure | None
    rows: list[dict[str, Any]]
    counted: tuple[str, ...] = ()
    nominal: bool = False
    kinds: tuple[tuple[str, list[dict[str, Any]]], ...] = ()


def section_for(code: str, title: str, rows: list[dict[str, Any]]) -> Section:
    rules = rules_for(code)
    return Section(code, title, measure_for(code), rows,
                   counted=tuple(k for k in COUNTED_KINDS if k in rules.findings),
                   nominal="nominal" in rules.findings, kinds=findings_by_kind(rows))


def findings_by_kind(rows: list[dict[str, Any]]) -> tuple[tuple[str, list[dict[str, Any]]], ...]:
    """For each kind that occurs, the pages with such findings, most first: {"row", "count",
    "found": [(index of the finding in the row, finding)]} (the index is its anchor in review mode)."""
    found = []
    for kind in KINDS:
        pages = []
        for row in rows:
            items = [(i, f) for i, f in enumerate(row["findings"]) if f["kind"] == kind]
            if items:
                pages.append({"row": row, "count": len(items), "found": items})
        if pages:
            pages.sort(key=lambda p: (-p["count"], p["row"]["url"]))
            found.append((kind, pages))
    return tuple(found)


def finding_anchor(index: int) -> str:
    """The id of a page's finding number `index` in review mode (review.py marks it)."""
    return f"ks-f-{index}"


def band_in(row: dict[str, Any], lang: str) -> tuple[str | None, str]:
    """The row's band in words, in the report's language where we have the words (LIX bands in
    Swedish and English), else as the row has it; and the language of those words."""
    value = LIX.value(row)
    if rules_for(row["lang"]).measure is LIX and value is not None and words_language(lang) in ("sv", "en"):
        return swedish.band(value, words_language(lang)), words_language(lang)
    return row.get("band"), (row["lang"] if row["lang"] in ("sv", "en") else "en")


def over_target(row: dict[str, Any], name: str, targets: dict[str, dict], lang: str) -> Markup:
    """" (över målet 40)" after a figure that misses its language's target, else nothing."""
    limit = targets.get(row["lang"], {}).get(f"{name}_max")
    value = row.get(name)
    if limit is None or value is None or value <= limit:
        return Markup("")
    shown = f"{limit:.0%}" if name == "long_sentence_share" else limit
    return Markup(' <strong class="ks-over">({})</strong>').format(text(lang, "over_target", target=shown))


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
    sections = [section_for(code, section_title(lang, code), worst_first(rows, code))
                for code in report_languages(rows, languages)]
    return _environment().get_template("report.html").render(
        lang=lang, sections=sections, kinds=KINDS, targets=targets, limit=REPORT_ROWS,
        band=lambda row: band_in(row, lang),
        over=lambda row, name: over_target(row, name, targets, lang),
        anchor=finding_anchor,
        csv_link=Markup('<a href="{}" download>{}</a>').format(relative_file_url(page_url, CSV_FILE), CSV_FILE),
        t=lambda name, **v: text(lang, name, **v),
        note=lambda finding: note(finding, lang),
        dir=lambda code: dir_attribute(code, lang),
        words_in=lambda code: language_attributes(code, lang),  # lang (and dir) on words in another language
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
                     "Långa meningar (%)", "Passiv form", "Substantiveringar", "Nominalkvot",
                     "Oförklarade förkortningar", "Ovanliga ord", "Att titta på", "Undantag"])
    rows = site_rows(scorer, site)
    no_measure = text("sv", "no_measure")
    for lang in report_languages(rows, site_languages(site)):
        for row in worst_first(rows, lang):
            writer.writerow([
                row["title"], row["url"], row["path"], row["lang"], _decimal(row.get("lix")),
                _decimal(row.get("flesch")), row.get("band") or no_measure, row["words"],
                _decimal(round(row["long_sentence_share"] * 100)),
                *(_count(row, kind) for kind in ("passive", "nominal")), _decimal(row.get("nominal_ratio")),
                *(_count(row, kind) for kind in ("abbreviation", "uncommon_word")),
                len(row["findings"]), row["exception"] or "",
            ])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _count(row: dict[str, Any], kind: str) -> int | str:
    """How many findings of `kind` the row has; empty where its language does not look for them."""
    if kind not in rules_for(row["lang"]).findings:
        return ""
    return sum(1 for f in row["findings"] if f["kind"] == kind)


def _decimal(value) -> str:
    return "" if value is None else str(value).replace(".", ",")
