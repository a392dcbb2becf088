"""The engine's settings, typed and checked when the build or the CLI starts.

Settings come from the site's configuration (the adapter says where: today `extra.klarsida` in
the generator's config file) as a plain mapping. `Settings.parse` turns it into frozen objects and
reports every problem at once: a wrong type (`lix_max: "40"` once crashed `klarsida check` with a
TypeError) or an unknown key (a misspelled `lix_maks` was silently ignored) is a message naming the
key, what was expected and an example.

Environment variables are not settings: the few switches that exist (preview, review, the bench's
statistics file, reproducible builds) are declared in `klarsida/environment.py`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, fields
from typing import Any, Mapping

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


class SettingsInvalid(Exception):
    """The settings have problems; `problems` lists every one (key, what is wrong, an example)."""

    def __init__(self, source: str, problems: list[str]):
        self.source, self.problems = source, problems
        lines = "\n".join(f"- {p}" for p in problems)
        super().__init__(
            f"Inställningarna i {source} har {len(problems)} fel (the settings in {source} have "
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''}):\n{lines}"
        )


@dataclass(frozen=True)
class ReadabilityTargets:
    """Targets for one language's pages; a page over a target is a warning (fails a strict build)."""

    lix_max: float | None = None  # Swedish LIX, at most
    long_sentence_share_max: float | None = None  # share of sentences over 20 words, at most (0-1)
    flesch_min: float | None = None  # English Flesch reading ease, at least
    # Swedish nominal ratio (klarsida/readability/nominal.py), at most. An estimate without a
    # tagger, so the report marks pages over it but the build does not warn (targets.py).
    nominal_ratio_max: float | None = None

    def as_dict(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


# (type name for messages, check, example) per target: what a right value looks like.
_TARGETS = {
    "lix_max": ("ett tal / a number", lambda v: 0 <= v <= 100, "lix_max: 40"),
    "long_sentence_share_max": ("en andel 0-1 / a share from 0 to 1", lambda v: 0 <= v <= 1,
                                "long_sentence_share_max: 0.25"),
    "flesch_min": ("ett tal / a number", lambda v: -100 <= v <= 121, "flesch_min: 60"),
    "nominal_ratio_max": ("ett tal / a number", lambda v: 0 <= v <= 10, "nominal_ratio_max: 1.0"),
}


DEFAULT_TYPES = ("page", "meeting", "event")

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# The header's text is white on the main colour: WCAG 1.4.3 asks 4.5:1 for its small text.
MIN_HEADER_CONTRAST = 4.5


def contrast_with_white(colour: str) -> float:
    """WCAG 2 contrast ratio of white text on a #rrggbb colour."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


@dataclass(frozen=True)
class Organisation:
    """The group the site belongs to: facts the pages do not repeat but search engines ask for.

    `town` and `country` (ISO 3166 code) are where the group works: an event whose venue is not
    decided yet is still in that town (Google's Event data requires an address). An event organised
    by `name` gets `url` as the organiser's address; without one, the site's start page.
    """

    name: str | None = None
    town: str | None = None
    country: str | None = None
    url: str | None = None


_ORGANISATION_KEYS = {"name", "town", "country", "url"}


@dataclass(frozen=True)
class Settings:
    readability: Mapping[str, ReadabilityTargets] = field(default_factory=dict)  # read, never changed
    # The site's content types: built-in names, or paths (from the project root) of Python files
    # that define TYPE = klarsida.types.ContentType(...).
    content_types: tuple[str, ...] = DEFAULT_TYPES
    organisation: Organisation = field(default_factory=Organisation)
    # The organisation's look (its full name and logo are the generator's: site_name, theme.logo).
    # A short name per language, shown in the header on phones instead of a long name.
    short_name: Mapping[str, str] = field(default_factory=dict)
    # The main colour (#rrggbb): the header and buttons. White text on it must contrast 4.5:1.
    colour: str | None = None

    def targets(self, lang: str) -> ReadabilityTargets:
        return self.readability.get(lang) or ReadabilityTargets()

    @classmethod
    def parse(cls, data: Any, source: str = "extra.klarsida") -> Settings:
        """Typed settings from a mapping; raises SettingsInvalid naming every wrong or unknown key."""
        if isinstance(data, Settings):
            return data
        problems: list[str] = []
        data = _mapping(data, source, "readability:\n  sv:\n    lix_max: 40", problems)
        _unknown(data, {"readability", "content_types", "organisation", "short_name", "colour"}, source, problems)
        organisation = _organisation(data.get("organisation"), f"{source}.organisation", problems)
        short_name = _mapping(data.get("short_name"), f"{source}.short_name", "sv: Utvecklingsgruppen", problems)
        for lang, name in short_name.items():
            if not isinstance(lang, str) or not LANGUAGE_CODE.match(lang) or not isinstance(name, str) or not name.strip():
                problems.append(f"{source}.short_name.{lang}: en språkkod och ett namn väntades (a language code and a "
                                "name were expected). Exempel / example: sv: Utvecklingsgruppen")
        colour = data.get("colour")
        if colour is not None:
            if not isinstance(colour, str) or not HEX_COLOUR.match(colour):
                problems.append(f"{source}.colour: {colour!r} är inte en färg som #rrggbb (is not a colour as #rrggbb). "
                                'Exempel / example: colour: "#1f4690"')
                colour = None
            elif contrast_with_white(colour) < MIN_HEADER_CONTRAST:
                problems.append(f"{source}.colour: vit text på {colour} har kontrasten "
                                f"{contrast_with_white(colour):.1f}:1, minst {MIN_HEADER_CONTRAST}:1 behövs; välj en mörkare "
                                f"färg (white text on it contrasts {contrast_with_white(colour):.1f}:1, at least "
                                f'{MIN_HEADER_CONTRAST}:1 is needed; choose a darker colour). Exempel / example: colour: "#1f4690"')
                colour = None
        types = data.get("content_types", DEFAULT_TYPES)
        if not isinstance(types, (list, tuple)) or not all(isinstance(t, str) and t.strip() for t in types) or not types:
            problems.append(f"{source}.content_types: {types!r} är inte en lista med namn (is not a list of names). "
                            "Exempel / example: content_types: [page, meeting, event, types/news.py]")
            types = DEFAULT_TYPES
        readability: dict[str, ReadabilityTargets] = {}
        where = f"{source}.readability"
        per_lang = _mapping(data.get("readability"), where, "sv:\n  lix_max: 40", problems)
        for lang, values in per_lang.items():
            key = f"{where}.{lang}"
            if not isinstance(lang, str) or not LANGUAGE_CODE.match(lang):
                problems.append(f"{key}: en språkkod med små bokstäver väntades / a language code was expected. "
                                "Exempel / example: sv")
                continue
            values = _mapping(values, key, "lix_max: 40", problems)
            _unknown(values, set(_TARGETS), key, problems)
            parsed = {}
            for name, (expected, in_range, example) in _TARGETS.items():
                if name not in values or values[name] is None:
                    continue
                value = values[name]
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    problems.append(f"{key}.{name}: {value!r} är inte {expected} (is not {expected.split(' / ')[1]}). "
                                    f"Skriv talet utan citattecken / write the number without quotes. "
                                    f"Exempel / example: {example}")
                elif not in_range(value):
                    problems.append(f"{key}.{name}: {value!r} är utanför det rimliga (is out of range). "
                                    f"Exempel / example: {example}")
                else:
                    parsed[name] = float(value)
            readability[lang] = ReadabilityTargets(**parsed)
        if problems:
            raise SettingsInvalid(source, problems)
        return cls(readability=readability, content_types=tuple(types), organisation=organisation,
                   short_name={k: v.strip() for k, v in short_name.items()}, colour=colour)


def _organisation(value: Any, key: str, problems: list[str]) -> Organisation:
    values = _mapping(value, key, "name: Gemensam utvecklingsgrupp\ntown: Helsingborg\ncountry: SE", problems)
    _unknown(values, _ORGANISATION_KEYS, key, problems)
    parsed: dict[str, str] = {}
    for name in sorted(_ORGANISATION_KEYS & set(values)):
        text = values[name]
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{key}.{name}: {text!r} är inte en text (is not a text). "
                            f"Exempel / example: {name}: {_ORGANISATION_EXAMPLES[name]}")
            continue
        parsed[name] = text.strip()
    if "country" in parsed and not re.fullmatch(r"[A-Z]{2}", parsed["country"]):
        problems.append(f"{key}.country: {parsed['country']!r} är inte en landskod med två stora bokstäver "
                        "(is not a two-letter ISO 3166 country code). Exempel / example: country: SE")
    if "url" in parsed and not parsed["url"].startswith("https://"):
        problems.append(f"{key}.url: {parsed['url']!r} ska börja med https:// (must start with https://). "
                        f"Exempel / example: url: {_ORGANISATION_EXAMPLES['url']}")
    return Organisation(**parsed)


_ORGANISATION_EXAMPLES = {"name": "Gemensam utvecklingsgrupp", "town": "Helsingborg", "country": "SE",
                          "url": "https://helsingborg.se/"}


def _mapping(value: Any, key: str, example: str, problems: list[str]) -> dict:
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return dict(value)
    problems.append(f"{key}: {value!r} är inte en samling nycklar (is not a mapping of keys). "
                    f"Exempel / example:\n    {example.replace(chr(10), chr(10) + '    ')}")
    return {}


def _unknown(values: dict, known: set[str], key: str, problems: list[str]) -> None:
    for name in sorted(set(values) - known, key=str):
        close = difflib.get_close_matches(str(name), sorted(known), n=1)
        hint = f" Menade du / did you mean {close[0]}?" if close else ""
        problems.append(f"{key}.{name}: okänd inställning (unknown setting).{hint} "
                        f"Kända / known: {', '.join(sorted(known))}")
