"""Search loads its index and worker only when a reader starts to search (issue 7).

Material fetches the whole search index on every page load; with a large archive that is megabytes
on every page. overrides/assets/javascripts/lazy-search.js holds both back until the search field
gets focus, and search then works as before.
"""

from __future__ import annotations

import pytest

from .support import load

SEARCH_FILES = ("search_index.json", "/workers/search.")


def search_requests(urls: list[str]) -> list[str]:
    return [u for u in urls if any(name in u for name in SEARCH_FILES)]


@pytest.mark.parametrize("width", [1280, 375])
def test_reading_a_page_loads_no_search_index_and_searching_does(new_page, base_url, width):
    page = new_page(width=width, isolated=True)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    load(page, base_url, "events/2018-08-23-i-daniel-blake/")
    page.wait_for_load_state("networkidle")
    assert search_requests(requested) == [], "the search index loaded before anyone searched"
    assert page.evaluate("document.documentElement.classList.contains('js')"), "Material's script did not run"

    if width < 960:  # small screens: the search button opens the search field, with focus
        page.click("button[data-ks-for='__search']")
    else:
        page.click(".md-search__input")
    page.keyboard.type("Våryra")
    page.wait_for_selector(".md-search-result__item a[href*='2018-05-17-varyra']", state="visible")
    loaded = search_requests(requested)
    assert any("search_index.json" in u for u in loaded) and any("/workers/search." in u for u in loaded), loaded


def test_an_address_with_a_search_starts_search_at_once(new_page, base_url):
    page = new_page(isolated=True)
    load(page, base_url, "?q=Våryra")
    page.wait_for_selector(".md-search-result__item a[href*='2018-05-17-varyra']", state="attached")
