import pytest

from klarsida.model import parse_local, relative_file_url, relative_url, url_for


@pytest.mark.parametrize(
    ("key", "lang", "url"),
    [
        ("index", "sv", ""),
        ("index", "en", "en/"),
        ("meetings/index", "sv", "meetings/"),
        ("meetings/index", "en", "en/meetings/"),
        ("about", "sv", "about/"),
        ("events/2018-08-23-film", "en", "en/events/2018-08-23-film/"),
    ],
)
def test_url_for(key, lang, url):
    assert url_for(key, lang) == url


@pytest.mark.parametrize(
    ("source", "target", "link"),
    [
        ("", "meetings/", "meetings/"),
        ("meetings/", "", "../"),
        ("meetings/", "meetings/2018-06-14-x/", "2018-06-14-x/"),
        ("en/", "en/events/", "events/"),
        ("en/events/", "en/events/2018-08-23-film/", "2018-08-23-film/"),
        ("events/", "events/", "./"),
        ("about/", "meetings/", "../meetings/"),
    ],
)
def test_relative_url(source, target, link):
    assert relative_url(source, target) == link


def test_parse_local_in_stockholm_across_daylight_saving():
    summer, all_day = parse_local("2018-08-23T17:30")
    winter, _ = parse_local("2018-12-06T17:30")
    assert not all_day
    assert summer.utcoffset().total_seconds() == 7200
    assert winter.utcoffset().total_seconds() == 3600


def test_parse_local_date_only_is_all_day():
    moment, all_day = parse_local("2015-10-05")
    assert all_day and moment.hour == 0


def test_parse_local_impossible_time():
    assert parse_local("2018-08-23T24:30") == (None, False)


@pytest.mark.parametrize("source, file_path, link", [
    ("", "klarsprak.csv", "./klarsprak.csv"),
    ("en/klarsprak/", "klarsprak.csv", "../../klarsprak.csv"),
    ("meetings/2018-06-14-film/", "meetings/feed.xml", "../feed.xml"),
    ("", "en/meetings/feed.xml", "en/meetings/feed.xml"),
])
def test_relative_file_url_links_the_file_not_a_folder(source, file_path, link):
    assert relative_file_url(source, file_path) == link
