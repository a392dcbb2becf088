"""Atom feeds (RFC 4287) of meeting summaries, one per language, at `meetings/feed.xml`.

Atom ids must be absolute and never change, so they come from the project's `site_url`; without
one we fall back to tag: URIs (RFC 4151) and leave out the links. Times come from the meetings'
dates and change notes, never the clock, so the feed is byte-identical between builds of the same content.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, time

from . import i18n
from .calendar import absolute_url
from .clock import STOCKHOLM
from .model import Meeting, url_for
from .site import Site

ATOM = "http://www.w3.org/2005/Atom"
FEED_NAME = "feed.xml"
TAG_AUTHORITY = "klarsida,2015"


def feed_url(lang: str, default_lang: str = "sv") -> str:
    """Site-root-relative: `meetings/feed.xml`, `en/meetings/feed.xml`."""
    return url_for("meetings/index", lang, default_lang) + FEED_NAME


def _stamp(meeting: Meeting) -> str:
    return datetime.combine(meeting.date, time(0), STOCKHOLM).isoformat()


def _updated(meeting: Meeting) -> str:
    """The day of the latest change note, if later than the meeting: feed readers show the entry again."""
    day = max(meeting.date, meeting.updated or meeting.date)
    return datetime.combine(day, time(0), STOCKHOLM).isoformat()


def _id(site_url: str | None, path: str) -> str:
    return absolute_url(site_url, path) or f"tag:{TAG_AUTHORITY}:{path or '/'}"


def _add(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, name, attrs)
    if text is not None:
        element.text = text
    return element


def meetings_feed(site: Site, lang: str, site_url: str | None, now: datetime, site_name: str) -> bytes:
    # The items of every type in the feed (meetings), newest first.
    meetings = sorted((doc for t in site.types if t.feed for doc in t.items(site, lang)),
                      key=lambda d: (_stamp(d), d.key), reverse=True)
    default = site.default_lang
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})
    title = i18n.label(lang, "feed_title_meetings")
    _add(feed, "title", f"{title}: {site_name}" if site_name else title)
    _add(feed, "id", _id(site_url, feed_url(lang, default)))
    # An empty feed has no entry to date it by; then the build time (SOURCE_DATE_EPOCH) stands in.
    _add(feed, "updated", max(_updated(m) for m in meetings) if meetings else now.isoformat(timespec="seconds"))
    if site_url:
        _add(feed, "link", rel="self", type="application/atom+xml", href=absolute_url(site_url, feed_url(lang, default)))
        _add(feed, "link", rel="alternate", type="text/html", href=absolute_url(site_url, url_for("meetings/index", lang, default)))
    author = _add(feed, "author")
    _add(author, "name", site_name or "Klarsida")
    for meeting in meetings:
        entry = _add(feed, "entry")
        if meeting.lang != lang:
            entry.set("xml:lang", meeting.lang)  # an untranslated summary, shown in its own language
        page = url_for(meeting.key, lang, default)
        _add(entry, "title", meeting.title)
        _add(entry, "id", _id(site_url, page))
        _add(entry, "updated", _updated(meeting))
        _add(entry, "published", _stamp(meeting))
        if site_url:
            _add(entry, "link", rel="alternate", type="text/html", href=absolute_url(site_url, page))
        if meeting.summary:
            _add(entry, "summary", meeting.summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
