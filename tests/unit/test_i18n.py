from datetime import date, datetime
from string import Formatter

import pytest
from babel import Locale
from babel.dates import get_day_names, get_month_names
from babel.messages.pofile import read_po
from babel.plural import to_gettext

from klarsida.clock import STOCKHOLM
from klarsida.i18n import (
    available_languages,
    catalog_file,
    format_date,
    format_span,
    format_time,
    label,
    plural,
    text_direction,
)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM)


def test_swedish_date_with_weekday():
    assert format_date(date(2018, 8, 23), "sv") == "torsdag 23 augusti 2018"
    assert format_date(date(2018, 8, 23), "sv", weekday=False) == "23 augusti 2018"


def test_english_date_with_weekday():
    assert format_date(date(2015, 10, 5), "en") == "Monday 5 October 2015"


def test_times():
    assert format_time(at("2018-08-23T17:30"), "sv") == "17.30"
    assert format_time(at("2018-08-23T09:05"), "sv") == "09.05"
    assert format_time(at("2018-08-23T17:30"), "en") == "5:30pm"
    assert format_time(at("2018-08-23T14:00"), "en") == "2pm"
    assert format_time(at("2018-08-23T12:00"), "en") == "midday"
    assert format_time(at("2018-08-23T00:30"), "en") == "12:30am"


def test_span_same_day():
    start, end = at("2018-08-23T17:30"), at("2018-08-23T20:00")
    assert format_span(start, end, False, "sv") == "torsdag 23 augusti 2018 kl. 17.30–20.00"
    assert format_span(start, end, False, "en") == "Thursday 23 August 2018, 5:30pm to 8pm"


def test_span_all_day_and_multi_day():
    start, end = at("2015-10-05T00:00"), at("2015-10-11T00:00")
    assert format_span(start, end, True, "sv") == "måndag 5 oktober 2015 – söndag 11 oktober 2015"
    assert format_span(start, start, True, "en") == "Monday 5 October 2015"


def test_span_over_midnight():
    start, end = at("2018-08-23T22:00"), at("2018-08-24T02:00")
    assert format_span(start, end, False, "sv") == "torsdag 23 augusti 2018 kl. 22.00 – fredag 24 augusti 2018 kl. 02.00"


def test_labels():
    assert label("en", "meetings_in_year", year=2018) == "Meetings in 2018"
    assert label("sv", "meetings_in_year", year=2018) == "Möten 2018"
    assert label("sv", "no_translation") == ""  # empty on purpose: Swedish pages are the originals


def test_a_missing_key_is_an_error_naming_key_and_language():
    with pytest.raises(KeyError, match="'no_such_key' in the 'en' catalog"):
        label("en", "no_such_key")
    with pytest.raises(KeyError, match="needs count"):
        label("sv", "meeting_count")


def test_a_language_without_a_catalog_gets_the_swedish_words_as_before():
    assert label("fi", "meetings") == "Möten"


@pytest.mark.parametrize("lang, counts", [
    ("sv", {1: "1 möte", 0: "0 möten", 2: "2 möten", 21: "21 möten"}),
    ("en", {1: "1 meeting", 0: "0 meetings", 2: "2 meetings", 21: "21 meetings"}),
    # CLDR's six Arabic forms: zero, one, two, few (3-10), many (11-99), other (100-102, ...)
    ("ar", {0: "لا اجتماعات", 1: "اجتماع واحد", 2: "اجتماعان", 3: "3 اجتماعات", 10: "10 اجتماعات",
            11: "11 اجتماعًا", 99: "99 اجتماعًا", 100: "100 اجتماع", 102: "102 اجتماع", 103: "103 اجتماعات"}),
])
def test_plurals(lang, counts):
    for count, text in counts.items():
        assert plural(lang, "meeting_count", count) == text
        assert label(lang, "meeting_count", count=count) == text


def test_the_listing_counts_meetings_with_the_plural_entry():
    assert label("sv", "meeting_count", count=1) == "1 möte" and label("en", "meeting_count", count=1) == "1 meeting"
    assert label("en", "meeting_count", count=3) == "3 meetings"


def test_plural_of_a_key_that_is_not_plural():
    with pytest.raises(KeyError, match="no plural entry 'meetings'"):
        plural("sv", "meetings", 2)


def test_arabic_dates_and_times_come_from_cldr():
    month = get_month_names("wide", locale="ar")[8]
    thursday = get_day_names("wide", locale="ar")[3]  # Babel counts from Monday = 0
    text = format_date(date(2018, 8, 23), "ar")
    assert month in text and thursday in text and "2018" in text
    text = format_date(date(2018, 8, 23), "ar", weekday=False)
    assert month in text and thursday not in text
    start, end = at("2018-08-23T17:30"), at("2018-08-23T20:00")
    span = format_span(start, end, False, "ar")
    assert span.startswith(format_date(date(2018, 8, 23), "ar"))
    assert f"الساعة {format_time(start, 'ar')}–{format_time(end, 'ar')}" in span


def test_a_datetime_is_dated_by_its_own_calendar_day():
    # 00:30 in Stockholm is 22:30 UTC the day before: the date is still the Swedish one
    assert format_date(at("2018-08-24T00:30"), "sv") == "fredag 24 augusti 2018"
    assert format_date(at("2018-08-24T00:30"), "en", weekday=False) == "24 August 2018"


def test_text_direction():
    assert text_direction("ar") == "rtl"
    assert text_direction("fa") == "rtl"
    assert text_direction("sv") == "ltr"
    assert text_direction("en") == "ltr"


def test_available_languages():
    assert available_languages() == ("ar", "en", "sv")


def read_catalog(lang: str):
    with catalog_file(lang).open("rb") as source:
        return read_po(source)


def entries(lang: str) -> dict:
    return {message.id: message for message in read_catalog(lang) if message.id}


# Empty texts that are meant to be empty: gettext counts an empty msgstr as untranslated.
EMPTY_ON_PURPOSE = {("sv", "no_translation")}


@pytest.mark.parametrize("lang", available_languages())
def test_every_catalog_has_exactly_the_swedish_keys(lang):
    assert set(entries(lang)) == set(entries("sv"))


@pytest.mark.parametrize("lang", available_languages())
def test_every_entry_is_translated_with_the_swedish_placeholders(lang):
    def names(text: str) -> set[str]:
        return {field for _, field, _, _ in Formatter().parse(text) if field is not None}

    swedish = entries("sv")
    for key, message in entries(lang).items():
        assert not message.fuzzy, (lang, key)
        if message.pluralizable:
            expected = set().union(*(names(form) for form in swedish[key].string))
            assert all(message.string), (lang, key)  # every form of the language
            assert all(names(form) <= expected for form in message.string), (lang, key)
        else:
            assert message.string or (lang, key) in EMPTY_ON_PURPOSE, (lang, key)
            assert names(message.string) == names(swedish[key].string), (lang, key)


@pytest.mark.parametrize("lang", available_languages())
def test_plural_forms_are_cldr_rules_from_babel(lang):
    catalog = read_catalog(lang)
    expected = to_gettext(Locale.parse(lang).plural_form)
    assert catalog.plural_forms == expected
    assert catalog.num_plurals == {"sv": 2, "en": 2, "ar": 6}.get(lang, catalog.num_plurals)
    for message in catalog:
        if message.id and message.pluralizable:
            assert len(message.string) == catalog.num_plurals, (lang, message.id)


@pytest.mark.parametrize("lang", available_languages())
def test_every_key_can_be_read_in_every_language(lang):
    swedish = entries("sv")
    for key, message in swedish.items():
        if message.pluralizable:
            assert plural(lang, key[0], 5)
        else:
            values = {field: "x" for _, field, _, _ in Formatter().parse(message.string) if field}
            assert label(lang, key, **values) or (lang, key) in EMPTY_ON_PURPOSE
