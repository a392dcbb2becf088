"""The real site's head tags, 404 pages, robots.txt and search indexes, read with an HTML parser
(issue 15, points 3, 4, 5 and 7)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import yaml

from klarsida.site import load_site
from tests.conftest import REPO

from .test_site_build import output_for, source_pages

SITE_URL = "https://example.org/klarsida/"
SWEDISH_DESCRIPTION = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:")[0])[
    "site_description"]


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.links: list[dict] = []
        self.meta: dict[str, list[str]] = {}
        self.h1 = ""
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html" and self.lang is None:
            self.lang = attrs.get("lang")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "meta" and "content" in attrs:
            self.meta.setdefault(attrs.get("name") or attrs.get("property") or "", []).append(attrs["content"])
        elif tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


def read(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_page_has_absolute_reciprocal_alternates_and_canonical(built_site):
    site = load_site(REPO / "content", REPO)
    checked = 0
    for key, lang in source_pages():
        page = read(output_for(built_site, key, lang))
        canonical = [l["href"] for l in page.links if l.get("rel") == "canonical"]
        own = SITE_URL + ("" if lang == "sv" else f"{lang}/") + output_for(Path(), key, "sv").parent.as_posix().strip(".")
        own = own if own.endswith("/") else own + "/"
        assert canonical == [own], (key, lang, canonical)
        alternates = {l["hreflang"]: l["href"] for l in page.links if l.get("rel") == "alternate" and "hreflang" in l}
        if len(site.translations(site.get(key, lang))) > 1:
            assert set(alternates) == {"sv", "en", "x-default"}, (key, lang)
            assert alternates[lang] == own and alternates["x-default"] == alternates["sv"]
            assert all(href.startswith(SITE_URL) for href in alternates.values())
            # Reciprocal: the other version lists the same set.
            other = "en" if lang == "sv" else "sv"
            twin = read(output_for(built_site, key, other))
            assert {l["hreflang"]: l["href"] for l in twin.links if "hreflang" in l and l.get("rel") == "alternate"} \
                == alternates
        checked += 1
    assert checked >= 30


def test_meetings_and_events_describe_themselves(built_site):
    site = load_site(REPO / "content", REPO)
    for (key, lang), doc in site.documents.items():
        if doc.kind not in ("meeting", "event") or doc.generated:
            continue
        page = read(output_for(built_site, key, lang))
        assert page.meta["description"] == [doc.summary], (key, lang)
        assert page.meta["og:description"] == [doc.summary] and page.meta["og:title"] == [doc.title]
        assert page.meta["og:locale"] == [{"sv": "sv_SE", "en": "en_US"}[lang]]
        assert SWEDISH_DESCRIPTION not in page.meta["description"]


def test_404_pages_one_per_language(built_site):
    sv, en = read(built_site / "404.html"), read(built_site / "en" / "404.html")
    assert (sv.lang, sv.h1.strip()) == ("sv", "Sidan finns inte")
    assert (en.lang, en.h1.strip()) == ("en", "Page not found")
    assert sv.meta["robots"] == ["noindex"] == en.meta["robots"]
    sv_html = (built_site / "404.html").read_text(encoding="utf-8")
    en_html = (built_site / "en" / "404.html").read_text(encoding="utf-8")
    # The site's header in the page's language, with a language link to the other start page.
    assert "Gemensam utvecklingsgrupp Helsingborg" in sv_html and 'href="/klarsida/en/" hreflang="en"' in sv_html
    assert "Joint development group Helsingborg" in en_html and 'href="/klarsida/" hreflang="sv"' in en_html
    assert 'href="/klarsida/">Gå till startsidan' in sv_html and 'href="/klarsida/en/">Go to the home page' in en_html


def test_robots_txt_names_the_sitemap(built_site):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines() == ["User-agent: *", "Allow: /", f"Sitemap: {SITE_URL}sitemap.xml"]
    assert (built_site / "sitemap.xml").is_file()


def test_a_search_index_per_language_each_page_once(built_site):
    sv = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert sv["config"]["lang"] == ["sv"] and en["config"]["lang"] == ["en"]
    for index in (sv, en):
        pages = [d["location"] for d in index["docs"] if "#" not in d["location"]]
        assert len(pages) == len(set(pages))
        # Every page of the site is there once: the content is fully translated, so none is borrowed.
        assert not [p for p in pages if p.startswith(("en/", "../"))]
    assert len([d for d in sv["docs"] if "#" not in d["location"]]) == len(
        [d for d in en["docs"] if "#" not in d["location"]])
