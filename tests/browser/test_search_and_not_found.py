"""Search per language and the 404 page per language, as Chromium runs them (issue 15, points 4 and 7)."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import REPO

from .support import load


def search(page, words: str) -> list[str]:
    """Type into Material's search as a reader does; the page of each result (Material shows one
    result per page, its matching sections inside it), as absolute URLs."""
    page.focus(".md-search__input")
    page.keyboard.type(words)
    page.wait_for_selector(".md-search-result__item a")
    page.wait_for_load_state("networkidle")
    return page.eval_on_selector_all(".md-search-result__item", "items => items.map(i => i.querySelector('a').href)")


@pytest.mark.parametrize("start, other", [("", "en/"), ("en/", "")])
def test_daniel_blake_finds_each_page_once_in_the_sites_language(new_page, base_url, start, other):
    page = new_page()
    load(page, base_url, start + "about/")
    found = search(page, "daniel blake")
    pages = [urlsplit(url).path for url in found]
    # The film's event page and the meeting summary that announces it: once each, in this language.
    assert sorted({p.split("#")[0] for p in pages}) == sorted(
        {f"/{start}events/2018-08-23-i-daniel-blake/", f"/{start}meetings/2018-06-14-film-och-nya-medlemmar/"}
    ), pages
    assert len(pages) == len(set(pages)), f"a page was found twice: {pages}"
    if other == "en/":
        assert not [p for p in pages if p.startswith("/en/")], pages
    # The result opens the page in this language.
    page.click(f".md-search-result__item > a[href*='events/2018-08-23-i-daniel-blake']")
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path == f"/{start}events/2018-08-23-i-daniel-blake/"
    assert page.get_attribute("html", "lang") == ("sv" if start == "" else "en")


def site_path() -> str:
    """Where the site lives on its host (`/klarsida/`): the 404 pages' links are absolute paths."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:")[0])
    return urlsplit(config["site_url"]).path or "/"


def serve_like_github_pages(page, base_url: str, site: Path) -> str:
    """The built site at `<base_url><site path>`, and for a missing address the root 404.html with
    status 404, as GitHub Pages serves a project site."""
    prefix = base_url.rstrip("/") + site_path()

    def handle(route):
        path = route.request.url[len(prefix):].split("?")[0].split("#")[0]
        target = site / path
        if target.is_dir():
            target = target / "index.html"
        if target.is_file():
            route.fulfill(status=200, body=target.read_bytes(),
                          content_type=mimetypes.guess_type(target.name)[0] or "application/octet-stream")
        else:
            route.fulfill(status=404, body=(site / "404.html").read_bytes(), content_type="text/html")

    page.route(prefix + "**", handle)
    return prefix


@pytest.mark.parametrize("javascript", [True, False])
def test_a_missing_swedish_address_gets_the_swedish_404_page(new_page, base_url, built_site, javascript):
    page = new_page(javascript=javascript)
    prefix = serve_like_github_pages(page, base_url, built_site)
    page.goto(prefix + "moten/finns-inte/", wait_until="load")
    assert page.get_attribute("html", "lang") == "sv"
    assert page.inner_text("h1") == "Sidan finns inte"
    assert page.get_by_role("link", name="Gå till startsidan").get_attribute("href") == site_path()
    # The language link leads to the English start page, which exists.
    english = page.locator("a.ks-lang__link[hreflang=en]")
    assert english.inner_text() == "In English"
    english.click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path == site_path() + "en/" and page.get_attribute("html", "lang") == "en"


@pytest.mark.parametrize("javascript", [True, False])
def test_a_missing_english_address_gets_the_english_404_page(new_page, base_url, built_site, javascript):
    """GitHub Pages shows the root (Swedish) 404.html under /en/ too: its script sends readers to the
    English one; without JavaScript they keep the Swedish page with a working link to English."""
    page = new_page(javascript=javascript)
    prefix = serve_like_github_pages(page, base_url, built_site)
    page.goto(prefix + "en/meetings/no-such-meeting/", wait_until="load")
    if javascript:
        page.wait_for_url(prefix + "en/404.html")
        assert page.get_attribute("html", "lang") == "en"
        assert page.inner_text("h1") == "Page not found"
        assert page.get_by_role("link", name="Go to the home page").get_attribute("href") == site_path() + "en/"
        swedish = page.locator("a.ks-lang__link[hreflang=sv]")
        assert swedish.inner_text() == "På svenska"
        swedish.click()
        page.wait_for_load_state("load")
        assert urlsplit(page.url).path == site_path() and page.get_attribute("html", "lang") == "sv"
    else:
        assert page.get_attribute("html", "lang") == "sv"
        assert page.locator("a.ks-lang__link[hreflang=en]").get_attribute("href") == site_path() + "en/"


def test_the_404_search_form_opens_the_search_with_the_words(new_page, base_url, built_site):
    page = new_page()
    prefix = serve_like_github_pages(page, base_url, built_site)
    page.goto(prefix + "en/404.html", wait_until="load")
    page.fill("#ks-not-found-q", "daniel blake")
    page.click(".ks-not-found-search button")
    page.wait_for_selector(".md-search-result__item a")
    links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    assert links and all(urlsplit(u).path.startswith(site_path() + "en/") for u in links), links


@pytest.mark.parametrize("width", [1280, 320])
def test_the_404_pages_have_no_axe_violations(new_page, base_url, built_site, width):
    """The 404 pages are in no sitemap, so test_axe.py does not see them."""
    from axe_playwright_python.sync_playwright import Axe

    from .support import AXE_EXCEPTIONS, AXE_TAGS

    page = new_page(width=width)
    prefix = serve_like_github_pages(page, base_url, built_site)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    failures = []
    for path in ("404.html", "en/404.html"):
        page.goto(prefix + path, wait_until="load")
        for violation in Axe().run(page, options=options).response["violations"]:
            for node in violation["nodes"]:
                if (violation["id"], " ".join(node["target"])) not in AXE_EXCEPTIONS:
                    failures.append(f"{path} {violation['id']} at {' '.join(node['target'])}")
    assert not failures, "\n".join(failures)
