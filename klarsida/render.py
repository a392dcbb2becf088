"""HTML fragments the engine adds to pages: headings, facts of each content type and listings.

Rendered with Jinja2 autoescaping on (the generator may render its own templates with it off), so every
front-matter value comes out as text. Links are relative, so the site works under any base path.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from urllib.parse import urljoin

from jinja2 import ChainableUndefined, ChoiceLoader, Environment, FileSystemLoader, PackageLoader
from markupsafe import Markup, escape

from . import i18n
from .calendar import absolute_url
from .listings import HOME_KEY, in_year
from .model import Document, parse_date, relative_url, url_for
from .site import Site
from .translations import stale_original
from .types import ContentType
from .types.event import split_events

H1 = re.compile(r"<h1[\s>]", re.I)
# Engine templates mark listings that repeat other pages' titles and summaries with this attribute:
# a site search should lead to the meeting or event itself. The adapter turns it into what its
# theme's search reads.
NOT_FOR_SEARCH = "data-ks-not-for-search"


@cache
def environment(template_dirs: tuple = ()) -> Environment:
    """Templates of the site's own content types first (`template_dirs`), then the engine's."""
    env = Environment(
        loader=ChoiceLoader([*(FileSystemLoader(str(d)) for d in template_dirs), PackageLoader("klarsida", "templates")]),
        autoescape=True,
        undefined=ChainableUndefined,  # optional front-matter fields are simply absent
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["date"] = i18n.format_date
    env.filters["todate"] = parse_date
    env.filters["span"] = lambda event, lang: i18n.format_span(event.start, event.end, event.all_day, lang)
    env.filters["nowrap"] = nowrap
    env.filters["tel"] = tel_href
    return env


# Values a line must never break inside: "kl. 17.30–20.00" once wrapped after "kl." and the phone
# number after "042-10" at 360 px. Times with their prefix (Swedish, GOV.UK English), dates
# ("23 augusti 2018"), telephone numbers.
NOWRAP = re.compile(
    r"kl\. \d{1,2}[.:]\d{2}(?:\s?–\s?\d{1,2}[.:]\d{2})?"
    r"|\d{1,2}(?::\d{2})?(?:am|pm)(?: to \d{1,2}(?::\d{2})?(?:am|pm)| to midday| to midnight)?"
    r"|\d{1,2} \w+ \d{4}"
    r"|\+?\d[\d -]{4,}\d"
)


def nowrap(text: object) -> Markup:
    """The text, escaped, with each value NOWRAP finds kept on one line (class ks-nowrap)."""
    escaped = str(escape(str(text)))
    return Markup(NOWRAP.sub(lambda m: f'<span class="ks-nowrap">{m.group(0)}</span>', escaped))


def tel_href(number: object) -> str:
    """A `tel:` address from a number as editors write it: "042-10 50 00" → tel:042105000,
    "+46 42 10 50 00" → tel:+4642105000 (the international form works from abroad too)."""
    text = str(number).strip()
    digits = re.sub(r"\D", "", text)
    return "tel:" + ("+" if text.startswith("+") else "") + digits


class PageRenderer:
    """Renders the fragments for one page of one language build."""

    def __init__(self, site: Site, lang: str, page_url: str, now: datetime, ctype: ContentType | None = None,
                 site_url: str | None = None):
        self.site, self.lang, self.page_url, self.now, self.ctype = site, lang, page_url, now, ctype
        self.site_url = site_url

    def webcal(self, href: str) -> str | None:
        """`webcal://host/…` for a link relative to this page: calendar apps open it as a subscription.
        Only with the project's site_url, since a webcal link cannot be relative."""
        if not self.site_url:
            return None
        return re.sub(r"^https?://", "webcal://", urljoin(absolute_url(self.site_url, self.page_url), href))

    def link(self, doc: Document) -> str:
        """Link to the page as readers of this language get it (a fallback copy if untranslated)."""
        return relative_url(self.page_url, url_for(doc.key, self.lang, self.site.default_lang))

    def link_to(self, key: str) -> str:
        return relative_url(self.page_url, url_for(key, self.lang, self.site.default_lang))

    def word(self, name: str, **values) -> str:
        """A word of the page's content type, or of the engine's catalogs."""
        if self.ctype is not None:
            return self.ctype.word(self.lang, name, **values)
        return i18n.label(self.lang, name, **values)

    def render(self, template: str, **context) -> str:
        t = environment(self.site.types.template_dirs).get_template(template)
        return t.render(lang=self.lang, t=self.word, link=self.link, link_to=self.link_to, webcal=self.webcal,
                        now=self.now, **context)


def enrich_page(site: Site, doc: Document, lang: str, html: str, now: datetime, site_url: str | None = None) -> str:
    """Everything the engine adds to one page's HTML body in one language build."""
    ctype = site.types.get(doc.kind)
    renderer = PageRenderer(site, lang, url_for(doc.key, lang, site.default_lang), now, ctype, site_url)
    head = ""
    if not H1.search(html):
        head = renderer.render("heading.html", doc=doc)
    # Change notes come first under the title: a corrected time must be seen before the old one is used.
    head += renderer.render("changes.html", doc=doc)
    original = stale_original(site, doc) if doc.lang == lang else None
    if original is not None:
        head += renderer.render("translation_newer.html", original=original,
                                link_original=relative_url(renderer.page_url, url_for(original.key, original.lang, site.default_lang)))
    if ctype is not None and ctype.facts_template:
        head += renderer.render(ctype.facts_template, doc=doc)
    if doc.key == HOME_KEY:
        # What helps now comes first, right under the heading: the next events and meeting, or the
        # latest notes and how to take part (within the first screen of a phone, 360×640).
        head += renderer.render("home.html", **home_context(site, lang, now))
    tail = ""
    listed = site.types.listing_for(doc.key)
    if listed is not None:
        listed_type, listing, year = listed
        renderer.ctype = listed_type
        if year is None:
            tail = renderer.render(listing.template, **listing.context(site, listed_type, lang, now))
        else:
            tail = renderer.render(listing.archive_template, year=year, items=in_year(listed_type, site, lang, year))
    body = _insert_after_h1(html, head) + tail
    if doc.lang != lang:
        # An untranslated page shown at a URL of another language: say so in that language, and
        # mark the content with its real language so screen readers pronounce it right.
        notice = renderer.render("untranslated.html", doc=doc)
        direction = i18n.text_direction(doc.lang)
        # Swedish text on an Arabic page runs left to right (its punctuation on the right side).
        dir_attr = f' dir="{direction}"' if direction != i18n.text_direction(lang) else ""
        body = f'{notice}<div lang="{escape(doc.lang)}"{dir_attr}>{body}</div>'
    return body


def home_context(site: Site, lang: str, now: datetime) -> dict:
    """The start page: the next events (if the site has events), the next meeting when the latest
    notes give its date and it is still to come, the latest meeting, and the contact page."""
    events = site.items("event", lang)
    meetings = site.items("meeting", lang)
    latest = meetings[0] if meetings else None
    next_day = parse_date(str(latest.meta["next_meeting"])) if latest and latest.meta.get("next_meeting") else None
    return {
        "upcoming": split_events(events, now).upcoming[:3],
        "meeting": latest,
        "next_meeting": next_day if next_day and next_day >= now.date() else None,
        "contact": contact_page(site, lang),
    }


def contact_page(site: Site, lang: str) -> Document | None:
    """The page whose front matter holds the contact facts (`contact:`), as `lang` readers get it."""
    key = site.first_key_with("contact")
    return site.in_language(key, lang) if key is not None else None


def _insert_after_h1(html: str, fragment: str) -> str:
    if not fragment:
        return html
    end = html.find("</h1>")
    if end == -1 or not H1.search(html[:end]):
        return fragment + html
    end += len("</h1>")
    return html[:end] + fragment + html[end:]


def footer_contact(site: Site, lang: str) -> dict | None:
    """The contact facts for the footer of every page in `lang`: the contact page's front matter,
    so the footer and the contact page never disagree, with the phone's `tel:` address and the
    contact page's site-root relative URL. Facts only: the footer's words come from the catalogs
    (the adapter's `klarsida_label`). Values are plain text (the theme escapes)."""
    page = contact_page(site, lang)
    if page is None:
        return None
    facts = dict(page.meta["contact"])
    if facts.get("phone"):
        facts["tel"] = tel_href(facts["phone"])
    facts["page"] = url_for(page.key, lang, site.default_lang)
    return facts
