"""What the calendar hook adds to a language build: calendar and feed files, and head tags.

Kept apart from the generator so the same output can be made and tested without a site generator.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from markupsafe import Markup

from typing import Callable

from . import calendar, feeds, i18n, seo, structured_data
from .model import Document, Event, relative_file_url, url_for
from .settings import Organisation
from .site import Site


def output_files(site: Site, lang: str, site_url: str | None, now: datetime, site_name: str) -> dict[str, bytes]:
    """{site-root-relative path: bytes} to write after the `lang` build, in a stable order."""
    files = calendar.calendar_files(site, lang, site_url, now, site_name)
    files[feeds.feed_url(lang, site.default_lang)] = feeds.meetings_feed(site, lang, site_url, now, site_name)
    if lang == site.default_lang:
        files["robots.txt"] = seo.robots_txt(site_url)
    return dict(sorted(files.items()))


def write_files(output_dir: Path, files: dict[str, bytes]) -> None:
    for path, data in files.items():
        target = Path(output_dir, *path.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def head_tags(site: Site, doc: Document | None, lang: str, page_url: str, site_url: str | None, *,
              to_html: Callable[[str], str], site_name: str = "",
              languages: tuple[str, ...] | None = None, organisation: Organisation = Organisation()) -> str:
    """The meetings feed advertised on every page; the description, canonical address, language
    alternates and Open Graph tags of every content page (klarsida/seo.py); Event JSON-LD on
    event pages."""
    feed = relative_file_url(page_url, feeds.feed_url(lang, site.default_lang))
    tags = [
        Markup('<link rel="alternate" type="application/atom+xml" title="{}" href="{}">').format(
            i18n.label(lang, "feed_title_meetings"), feed
        )
    ]
    if doc is not None:
        image = structured_data.image(doc, calendar.absolute_url(site_url, page_url))
        tags += seo.head_tags(site, doc, lang, site_url, site_name, to_html,
                              languages or site.languages, image)
    if isinstance(doc, Event):
        twins = tuple(d for d in site.translations(doc).values() if d is not doc and isinstance(d, Event))
        tags.append(structured_data.script_tag(doc, lang, site_url, organisation, twins))
    return "\n".join(str(tag) for tag in tags)


def add_to_head(html: str, tags: str) -> str:
    """Insert just before </head>; a page without one (an error page, say) is left alone."""
    end = html.find("</head>")
    if end == -1 or not tags:
        return html
    return html[:end] + tags + "\n" + html[end:]


def page_url_for(site: Site, doc: Document | None, lang: str, fallback: str) -> str:
    return url_for(doc.key, lang, site.default_lang) if doc else fallback
