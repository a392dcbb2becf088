"""The Atom feed of meeting summaries: one per language, absolute ids, stable bytes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest

from klarsida.clock import STOCKHOLM
from klarsida.feeds import feed_url, meetings_feed
from klarsida.site import load_site

NS = {"a": "http://www.w3.org/2005/Atom"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SITE_URL = "https://example.org/klarsida/"
NOW = datetime(2018, 6, 14, 12, 0, tzinfo=STOCKHOLM)


def meeting(day: str, title: str, summary: str) -> str:
    return f"---\ntitle: {title}\ndate: {day}\nsummary: {summary}\n---\nText.\n"


FILES = {
    "content/index.sv.md": "# Start\n",
    "content/meetings/index.sv.md": "# Möten\n",
    "content/meetings/2015-05-25-norrehed.sv.md": meeting("2015-05-25", "Norrehed", "Vi träffades på Norrehed."),
    "content/meetings/2015-05-25-norrehed.en.md": meeting("2015-05-25", "Norrehed visit", "We met at Norrehed."),
    "content/meetings/2018-06-14-film.sv.md": meeting("2018-06-14", "Film & <nya>", "Vi visar en film."),
}


@pytest.fixture
def site(tree):
    root = tree(FILES)
    return load_site(root / "content", root)


def parse(data: bytes) -> ET.Element:
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    return ET.fromstring(data)


def test_swedish_feed(site):
    feed = parse(meetings_feed(site, "sv", SITE_URL, NOW, "Gruppen"))
    assert feed.get(XML_LANG) == "sv"
    assert feed.findtext("a:title", namespaces=NS) == "Mötesanteckningar: Gruppen"
    assert feed.findtext("a:id", namespaces=NS) == "https://example.org/klarsida/meetings/feed.xml"
    assert feed.findtext("a:updated", namespaces=NS) == "2018-06-14T00:00:00+02:00"  # the newest meeting
    links = {l.get("rel"): l.get("href") for l in feed.findall("a:link", NS)}
    assert links == {"self": "https://example.org/klarsida/meetings/feed.xml",
                     "alternate": "https://example.org/klarsida/meetings/"}
    assert feed.findtext("a:author/a:name", namespaces=NS) == "Gruppen"
    entries = feed.findall("a:entry", NS)
    assert [e.findtext("a:title", namespaces=NS) for e in entries] == ["Film & <nya>", "Norrehed"]  # newest first
    first = entries[0]
    assert first.findtext("a:id", namespaces=NS) == "https://example.org/klarsida/meetings/2018-06-14-film/"
    assert first.find("a:link", NS).get("href") == first.findtext("a:id", namespaces=NS)
    assert first.findtext("a:summary", namespaces=NS) == "Vi visar en film."
    assert first.findtext("a:updated", namespaces=NS) == "2018-06-14T00:00:00+02:00"


def test_english_feed_holds_every_meeting_with_untranslated_ones_marked(site):
    feed = parse(meetings_feed(site, "en", SITE_URL, NOW, "Group"))
    assert feed.get(XML_LANG) == "en"
    entries = {e.findtext("a:title", namespaces=NS): e for e in feed.findall("a:entry", NS)}
    assert set(entries) == {"Film & <nya>", "Norrehed visit"}
    assert entries["Film & <nya>"].get(XML_LANG) == "sv"
    assert entries["Norrehed visit"].get(XML_LANG) is None
    assert entries["Film & <nya>"].findtext("a:id", namespaces=NS) == "https://example.org/klarsida/en/meetings/2018-06-14-film/"


def test_same_content_gives_the_same_bytes_whatever_the_clock(site):
    one = meetings_feed(site, "sv", SITE_URL, NOW, "Gruppen")
    assert one == meetings_feed(site, "sv", SITE_URL, NOW + timedelta(days=3), "Gruppen")


def test_without_site_url_ids_are_tag_uris_and_links_are_left_out(site):
    feed = parse(meetings_feed(site, "sv", None, NOW, "Gruppen"))
    assert feed.findtext("a:id", namespaces=NS) == "tag:klarsida,2015:meetings/feed.xml"
    assert feed.findall("a:link", NS) == []
    assert feed.find("a:entry/a:id", NS).text == "tag:klarsida,2015:meetings/2018-06-14-film/"


def test_empty_feed_is_dated_by_the_build(tree):
    root = tree({"content/index.sv.md": "# Start\n"})
    site = load_site(root / "content", root)
    feed = parse(meetings_feed(site, "sv", SITE_URL, NOW, "Gruppen"))
    assert feed.findall("a:entry", NS) == []
    assert feed.findtext("a:updated", namespaces=NS) == "2018-06-14T12:00:00+02:00"


def test_feed_places():
    assert feed_url("sv") == "meetings/feed.xml" and feed_url("en") == "en/meetings/feed.xml"
