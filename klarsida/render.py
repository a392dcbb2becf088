"""HTML fragments the engine adds to pages: headings, meeting facts and listings.

Rendered with Jinja2 autoescaping on (the generator may render its own templates with it off), so every
front-matter value comes out as text. Links are relative, so the site works under any base path.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache

from jinja2 import ChainableUndefined, Environment, PackageLoader
from markupsafe import escape

from . import i18n
from .listings import YEAR_PAGE, archive_years, latest_meeting, meetings_by_year, meetings_in_year, split_events
from .model import Document, Event, Meeting, parse_date, relative_url, url_for
from .site import Site

H1 = re.compile(r"<h1[\s>]", re.I)
# Engine templates mark listings that repeat other pages' titles and summaries with this attribute:
# a site search should lead to the meeting or event itself. The adapter turns it into what its
# theme's search reads.
NOT_FOR_SEARCH = "data-ks-not-for-search"


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("klarsida", "templates"),
        autoescape=True,
        undefined=ChainableUndefined,  # optional front-matter fields are simply absent
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["date"] = i18n.format_date
    env.filters["todate"] = parse_date
    env.filters["span"] = lambda event, lang: i18n.format_span(event.start, event.end, event.all_day, lang)
    return env


class PageRenderer:
    """Renders the fragments for one page of one language build."""

    def __init__(self, site: Site, lang: str, page_url: str, now: datetime):
        self.site, self.lang, self.page_url, self.now = site, lang, page_url, now

    def link(self, doc: Document) -> str:
        """Link to the page as readers of this language get it (a fallback copy if untranslated)."""
        return relative_url(self.page_url, url_for(doc.key, self.lang, self.site.default_lang))

    def link_to(self, key: str) -> str:
        return relative_url(self.page_url, url_for(key, self.lang, self.site.default_lang))

    def render(self, template: str, **context) -> str:
        t = environment().get_template(template)
        return t.render(lang=self.lang, t=lambda name, **v: i18n.label(self.lang, name, **v),
                        link=self.link, link_to=self.link_to, **context)


# The pages enrich_page fills from other pages. The preview (klarsida/preview.py) rebuilds them
# after every edit, so a page that starts to list others belongs here.
LISTING_KEYS = {"index", "meetings/index", "events/index"}


def lists_other_pages(key: str) -> bool:
    return key in LISTING_KEYS or YEAR_PAGE.match(key) is not None


def enrich_page(site: Site, doc: Document, lang: str, html: str, now: datetime) -> str:
    """Everything the engine adds to one page's HTML body in one language build."""
    renderer = PageRenderer(site, lang, url_for(doc.key, lang, site.default_lang), now)
    head = ""
    if not H1.search(html):
        head = renderer.render("heading.html", doc=doc)
    if isinstance(doc, (Meeting, Event)):
        head += renderer.render(f"{doc.kind}_facts.html", doc=doc)
    tail = ""
    year_page = YEAR_PAGE.match(doc.key)
    if doc.key == "meetings/index":
        years = meetings_by_year(site.meetings(lang))
        latest = years[0] if years else None
        tail = renderer.render("meetings_listing.html", latest=latest, archive=archive_years(site, lang))
    elif year_page:
        year = int(year_page["year"])
        tail = renderer.render("meetings_year.html", year=year, meetings=meetings_in_year(site, lang, year))
    elif doc.key == "events/index":
        tail = renderer.render("events_listing.html", split=split_events(site.events(lang), now))
    elif doc.key == "index":
        split = split_events(site.events(lang), now)
        tail = renderer.render("home.html", upcoming=split.upcoming[:3], meeting=latest_meeting(site, lang))
    body = _insert_after_h1(html, head) + tail
    if doc.lang != lang:
        # An untranslated page shown at a URL of another language: say so in that language, and
        # mark the content with its real language so screen readers pronounce it right.
        notice = renderer.render("untranslated.html", doc=doc)
        body = f'{notice}<div lang="{escape(doc.lang)}">{body}</div>'
    return body


def _insert_after_h1(html: str, fragment: str) -> str:
    if not fragment:
        return html
    end = html.find("</h1>")
    if end == -1 or not H1.search(html[:end]):
        return fragment + html
    end += len("</h1>")
    return html[:end] + fragment + html[end:]
