"""Words and dates for each language: words from gettext catalogs, dates from CLDR through Babel.

Words: one gettext catalog per language, `klarsida/locales/<lang>/LC_MESSAGES/klarsida.po`, with
the symbolic keys of the templates as msgids (msgid "meetings_in_year", msgstr "Möten {year}").
Translators work in the .po files with the tools they know (Poedit, Weblate, msgmerge), plurals
follow each language's own rules (Arabic has six forms), and a new language is a new catalog, not
an edit of this module. The catalogs are compiled with Babel in memory at first use and kept for
the life of the process, so no .mo file is built or committed. Placeholders are str.format ones.

Dates: weekday and month names come from CLDR, which Babel ships, so a date works in any locale
("ar" as well as "sv"). Swedish and English keep the house patterns they had before: Swedish as
Språkrådet and the klarspråk group write it, "torsdag 23 augusti 2018 kl. 17.30"; English as
GOV.UK does, "Thursday 23 August 2018 at 5:30pm". Other languages get CLDR's own full date and
short time.

Times: the GOV.UK English style ("5:30pm", "2pm", "midday", "midnight") is a house style that
CLDR has no pattern for, so it stays code here. Swedish "17.30" is the CLDR pattern "HH.mm".
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from io import BytesIO
from types import MappingProxyType
from typing import Literal

from babel import Locale
from babel.dates import format_date as cldr_date
from babel.dates import format_time as cldr_time

DEFAULT_LANGUAGE = "sv"
# A language code as sites and commands write it: "sv", "ar", "swl".
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
DOMAIN = "klarsida"

# House date patterns, (with weekday, without). Other languages get CLDR's "full" and "long" formats.
DATE_PATTERNS = MappingProxyType({
    "sv": ("EEEE d MMMM y", "d MMMM y"),  # torsdag 23 augusti 2018 (CLDR's own Swedish full date)
    "en": ("EEEE d MMMM y", "d MMMM y"),  # Thursday 23 August 2018 (GOV.UK; CLDR "en" is American)
})
# Swedish time with a full stop, as Språkrådet recommends. English is GOV.UK, in _gov_uk_time.
TIME_PATTERNS = MappingProxyType({"sv": "HH.mm"})


# Cost, measured with .venv/bin/python (Python 3.11.7, Babel 2.18.0, 2 cores), median of 5 fresh
# processes:
# - first label() call, which compiles the Swedish catalog: 43 ms in a bare process, most of it
#   importing Babel's catalog reader (12 ms) and the stdlib email package it reads headers with;
#   19 ms in a build, where the generator has imported email already. Each further language: 4 ms.
# - importing this module: 63 ms bare, 18 ms in a build (mostly babel.dates).
# - 10,000 label() calls after the first, half of them with a {placeholder}: 12.1 ms, 1.2 µs a
#   call (the old hand tables: 10.1 ms, 1.0 µs). timeit: 0.21 µs a plain label, 1.1 µs formatted.
# - format_date: 0.6 µs from its cache, about 14 µs on a miss; format_span with times: 20 µs (was 5).


@dataclass(frozen=True)
class Catalog:
    """One language's compiled catalog: the texts by key, and gettext for the plural entries."""

    lang: str
    texts: Mapping[str, str]
    plural_keys: frozenset[str]
    translations: gettext.GNUTranslations

    def plural(self, name: str, count: int) -> str:
        if name not in self.plural_keys:
            raise KeyError(f"no plural entry {name!r} in the {self.lang!r} catalog ({catalog_file(self.lang)})")
        return self.translations.ngettext(name, f"{name}_plural", count)


def catalog_file(lang: str) -> Traversable:
    return files("klarsida") / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def available_languages() -> tuple[str, ...]:
    """The languages that have a catalog, sorted: ("ar", "en", "sv")."""
    root = files("klarsida") / "locales"
    return tuple(sorted(entry.name for entry in root.iterdir() if catalog_file(entry.name).is_file()))


@cache
def catalog(lang: str) -> Catalog:
    """The compiled catalog of a language; a language without one gets the Swedish one, as before."""
    if lang not in available_languages():
        return catalog(DEFAULT_LANGUAGE)
    # Only the first call of each language needs these: kept out of the import of the module.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalog_file(lang).open("rb") as source:
        po = read_po(source, domain=DOMAIN)
    mo = BytesIO()
    write_mo(mo, po)  # leaves out fuzzy entries, so they count as missing
    mo.seek(0)
    translations = gettext.GNUTranslations(mo)
    texts: dict[str, str] = {}
    plural_keys: set[str] = set()
    for message in po:
        if not message.id or message.fuzzy:
            continue
        if message.pluralizable:
            plural_keys.add(message.id[0])
        else:
            # An empty msgstr is gettext's "untranslated", and write_mo leaves it out. In these
            # catalogs it is an empty text on purpose (Swedish "no_translation"); the tests allow
            # only the ones they list.
            texts[message.id] = translations.gettext(message.id) if message.string else ""
    return Catalog(lang, MappingProxyType(texts), frozenset(plural_keys), translations)


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang.replace("-", "_"))


def label(lang: str, name: str, **values: object) -> str:
    """The text of `name` in `lang`, with `values` put in its {placeholders}.

    A plural entry needs `count`: label("sv", "meeting_count", count=3) is plural("sv", "meeting_count", 3).
    A key missing from the catalog is a KeyError, never another language's text.
    """
    found = catalog(lang)
    text = found.texts.get(name)
    if text is None:
        return _special_label(found, name, values)
    return text.format(**values) if values else text


def _special_label(found: Catalog, name: str, values: dict[str, object]) -> str:
    if name in found.plural_keys:
        if "count" not in values:
            raise KeyError(f"{name!r} is a plural entry: label() needs count=..., or use plural()")
        return plural(found.lang, name, **values)  # type: ignore[arg-type]
    raise KeyError(f"no text {name!r} in the {found.lang!r} catalog ({catalog_file(found.lang)})")


def plural(lang: str, name: str, count: int, **values: object) -> str:
    """The form of plural entry `name` for `count`, by the language's Plural-Forms: "3 möten"."""
    return catalog(lang).plural(name, count).format(count=count, **values)


def language_name(code: str, lang: str) -> str:
    """The name of language `code` in language `lang`, from CLDR: ("ar", "sv") → "arabiska",
    ("sv", "en") → "Swedish", ("sv", "ar") → "السويدية". The code itself if CLDR has no name."""
    return _locale(lang).languages.get(code) or code


def is_language(code: str) -> bool:
    """A language CLDR knows ("sv", "ar", "fa"), not just any word ("old", "txt")."""
    from babel import localedata

    return bool(LANGUAGE_CODE.match(code)) and localedata.exists(code)


def text_direction(lang: str) -> Literal["rtl", "ltr"]:
    """"rtl" for a language written right to left (Arabic, Persian), from CLDR; else "ltr"."""
    return "rtl" if _locale(lang).character_order == "right-to-left" else "ltr"


def format_date(day: date, lang: str, weekday: bool = True) -> str:
    """`torsdag 23 augusti 2018` / `Thursday 23 August 2018` / CLDR's full or long date."""
    if isinstance(day, datetime):  # its own calendar day, as before; and a date is a safe cache key
        day = day.date()
    return _format_date(day, lang, weekday)


@lru_cache(maxsize=4096)  # Babel takes about 14 µs a date, and listings show the same dates again
def _format_date(day: date, lang: str, weekday: bool) -> str:
    patterns = DATE_PATTERNS.get(lang)
    if patterns:
        pattern = patterns[0] if weekday else patterns[1]
    else:
        pattern = "full" if weekday else "long"
    return cldr_date(day, pattern, locale=_locale(lang))


def format_time(moment: datetime, lang: str) -> str:
    """`17.30` (Swedish) / `5:30pm` (GOV.UK) / CLDR's short time, in the moment's own time zone."""
    if lang == "en":
        return _gov_uk_time(moment)
    return cldr_time(moment, TIME_PATTERNS.get(lang, "short"), locale=_locale(lang))


def _gov_uk_time(moment: datetime) -> str:
    """GOV.UK style: 5:30pm, 2pm, 12:30am, midday and midnight. No CLDR pattern writes these."""
    if moment.hour == 12 and moment.minute == 0:
        return "midday"
    if moment.hour == 0 and moment.minute == 0:
        return "midnight"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}{suffix}"


def format_span(start: datetime, end: datetime, all_day: bool, lang: str) -> str:
    """When an event happens, in words: one day or several, with or without times."""
    dash = "–"
    if all_day:
        if start.date() == end.date():
            return format_date(start.date(), lang)
        return f"{format_date(start.date(), lang)} {dash} {format_date(end.date(), lang)}"
    prefix = label(lang, "time_prefix")
    if start.date() == end.date():
        if lang == "en":  # GOV.UK: "Thursday 23 August 2018, 5:30pm to 8pm"
            return f"{format_date(start.date(), lang)}, {format_time(start, lang)} to {format_time(end, lang)}"
        return f"{format_date(start.date(), lang)} {prefix} {format_time(start, lang)}{dash}{format_time(end, lang)}"
    return (
        f"{format_date(start.date(), lang)} {prefix} {format_time(start, lang)} {dash} "
        f"{format_date(end.date(), lang)} {prefix} {format_time(end, lang)}"
    )
