"""What search engines and link previews read in a page's <head>: its description, its canonical
address, its language alternates and its Open Graph tags.

Every address here is absolute: search engines ignore relative `hreflang` links (Lighthouse's SEO
audit "hreflang" fails them; the site scored 0.91 on every page before) and Open Graph requires
absolute URLs. Without a `site_url` nothing absolute can be written, so the tags are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from babel.core import get_global
from markupsafe import Markup

from .calendar import absolute_url
from .model import Document, url_for
from .readability.text import html_blocks
from .site import Site

# Search engines cut a description at about 155-160 characters; a link preview at about 200-300.
# Longer summaries are cut at a word, so the tag stays a readable sentence start.
DESCRIPTION_MAX = 300
X_DEFAULT = "x-default"


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str


def description(doc: Document, to_html: Callable[[str], str]) -> str:
    """The page's summary (or `description`); where it has none, its first paragraph."""
    text = doc.summary.strip()
    if not text:
        text = next((b.text for b in html_blocks(to_html(doc.body)) if b.kind == "p"), "")
    return shorten(" ".join(text.split()), DESCRIPTION_MAX)


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def canonical(site: Site, doc: Document, lang: str, site_url: str | None) -> str | None:
    """The page's own address; an untranslated page shown under another language's address
    (a fallback copy) names the original, so search engines index the text once."""
    shown_in = lang if site.get(doc.key, lang) is doc else doc.lang
    return absolute_url(site_url, url_for(doc.key, shown_in, site.default_lang))


def alternates(site: Site, doc: Document, languages: tuple[str, ...], site_url: str | None) -> list[Alternate]:
    """One link per language the page is written in, and `x-default` (the default language's page,
    where readers without a matching language go). Every version lists the same set, so the links
    are reciprocal, which search engines require before they use any of them."""
    written = [lang for lang in languages if site.get(doc.key, lang) is not None]
    if not site_url or len(written) < 2:
        return []
    links = [Alternate(lang, absolute_url(site_url, url_for(doc.key, lang, site.default_lang)) or "") for lang in written]
    default = site.default_lang if site.default_lang in written else written[0]
    links.append(Alternate(X_DEFAULT, absolute_url(site_url, url_for(doc.key, default, site.default_lang)) or ""))
    return links


def og_locale(lang: str) -> str:
    """Open Graph's language_TERRITORY form, from CLDR's likely subtags: sv → sv_SE."""
    likely = get_global("likely_subtags").get(lang, lang)
    parts = likely.split("_")
    territory = next((p for p in parts[1:] if len(p) == 2 and p.isupper()), None)
    return f"{parts[0]}_{territory}" if territory else parts[0]


def head_tags(site: Site, doc: Document, lang: str, site_url: str | None, site_name: str,
              to_html: Callable[[str], str], languages: tuple[str, ...], image: str | None = None) -> list[Markup]:
    """The <head> tags of one page, in the language it is shown in."""
    text = description(doc, to_html)
    tags = []
    if text:
        tags.append(Markup('<meta name="description" content="{}">').format(text))
    own = canonical(site, doc, lang, site_url)
    if own:
        tags.append(Markup('<link rel="canonical" href="{}">').format(own))
    for alt in alternates(site, doc, languages, site_url):
        tags.append(Markup('<link rel="alternate" hreflang="{}" href="{}">').format(alt.hreflang, alt.url))
    # Open Graph (Facebook, LinkedIn, Signal, Slack, ...) and the basic Twitter/X card.
    tags.append(Markup('<meta property="og:type" content="{}">').format("website" if doc.key == "index" else "article"))
    tags.append(Markup('<meta property="og:title" content="{}">').format(doc.title))
    tags.append(Markup('<meta property="og:site_name" content="{}">').format(site_name))
    tags.append(Markup('<meta property="og:locale" content="{}">').format(og_locale(doc.lang)))
    for other in languages:
        if other != doc.lang and site.get(doc.key, other) is not None:
            tags.append(Markup('<meta property="og:locale:alternate" content="{}">').format(og_locale(other)))
    if text:
        tags.append(Markup('<meta property="og:description" content="{}">').format(text))
    if own:
        tags.append(Markup('<meta property="og:url" content="{}">').format(own))
    if image:
        tags.append(Markup('<meta property="og:image" content="{}">').format(image))
    tags.append(Markup('<meta name="twitter:card" content="{}">').format("summary"))
    return tags


def robots_txt(site_url: str | None) -> bytes:
    """Everything may be crawled; the sitemap (written by the generator) is named with its full
    address, as the robots.txt standard (RFC 9309) and the search engines require."""
    lines = ["User-agent: *", "Allow: /"]
    sitemap = absolute_url(site_url, "sitemap.xml")
    if sitemap:
        lines.append(f"Sitemap: {sitemap}")
    return ("\n".join(lines) + "\n").encode("utf-8")

