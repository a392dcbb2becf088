from datetime import date, datetime

from klarsida.clock import STOCKHOLM
from klarsida.i18n import format_date, format_span, format_time, label


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


def test_labels_exist_in_both_languages():
    from klarsida.i18n import LABELS

    assert set(LABELS["sv"]) == set(LABELS["en"])
    assert label("en", "meetings_in_year", year=2018) == "Meetings in 2018"
