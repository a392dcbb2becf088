"""Material's bundle, whole stylesheet and search load only when a reader starts to search (issue 7).

overrides/assets/javascripts/lazy-material.js holds them back; palette.js and klarsida.js do what a
reader needs before that. Search then works as before, by mouse, touch, keyboard or address.
"""

from __future__ import annotations

import pytest

from .support import load

# What reading a page must not load; all of it loads once a reader searches.
MATERIAL_FILES = {
    "bundle": "/assets/javascripts/bundle.",
    "stylesheet": "/assets/stylesheets/main.",
    "search index": "/search/search_index.json",
    "search worker": "/workers/search.",
}
SEARCH_HIT = ".md-search-result__item a[href*='2018-05-17-varyra']"


def loaded(urls: list[str]) -> set[str]:
    return {name for name, part in MATERIAL_FILES.items() if any(part in u for u in urls)}


def recording(page) -> list[str]:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    return requested


@pytest.mark.parametrize("width", [1280, 375])
def test_reading_loads_none_of_it_and_searching_loads_all(new_page, base_url, width):
    page = new_page(width=width, isolated=True)
    requested = recording(page)
    load(page, base_url, "events/2018-08-23-i-daniel-blake/")
    page.wait_for_load_state("networkidle")
    assert loaded(requested) == set(), "loaded before anyone searched"
    assert page.evaluate("document.documentElement.classList.contains('js')"), "lazy-material.js did not run"

    if width < 960:  # small screens: the search button opens the search field, with focus
        page.click("button[data-ks-for='__search']")
    else:
        page.click(".md-search__input")
    page.keyboard.type("Våryra")
    page.wait_for_selector(SEARCH_HIT, state="visible")
    assert loaded(requested) == set(MATERIAL_FILES), requested
    assert page.get_attribute("html", "data-ks-material") == "loaded"
    # The whole stylesheet sits where Material's own link was: right after the subset.
    assert page.evaluate("document.getElementById('ks-stylesheet-subset').nextElementSibling.href").endswith(".min.css")


def test_an_address_with_a_search_starts_search_at_once(new_page, base_url):
    page = new_page(isolated=True)
    load(page, base_url, "?q=Våryra")
    page.wait_for_selector(SEARCH_HIT, state="attached")


@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_materials_search_keys_open_search_before_it_has_loaded(new_page, base_url, key):
    page = new_page(isolated=True)
    requested = recording(page)
    load(page, base_url, "about/")
    page.keyboard.press(key)
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("Våryra")
    page.wait_for_selector(SEARCH_HIT, state="visible")
    assert page.evaluate("document.querySelector('.md-search__input').value") == "Våryra", "the key was typed too"
    assert "search index" in loaded(requested)


def test_search_keys_type_as_usual_in_a_field(new_page, base_url):
    page = new_page(isolated=True)
    requested = recording(page)
    load(page, base_url, "about/")
    page.evaluate("""() => {
      const field = document.createElement('input'); field.id = 'probe'; document.body.prepend(field)
    }""")
    page.focus("#probe")
    page.keyboard.type("sf/")
    assert page.input_value("#probe") == "sf/"
    assert loaded(requested) == set()


def test_colour_scheme_after_search_has_loaded_material(new_page, base_url):
    """Both palette.js and Material's bundle listen to the switch then: one press, one change."""
    page = new_page(isolated=True)  # the choice is stored in localStorage
    load(page, base_url, "")
    page.click(".md-search__input")
    page.keyboard.type("Våryra")
    page.wait_for_selector(SEARCH_HIT, state="visible")
    page.keyboard.press("Escape")
    scheme = "document.body.dataset.mdColorScheme"
    page.focus(".md-option:checked")
    page.keyboard.press("Enter")
    assert page.evaluate(scheme) == "slate"
    page.keyboard.press("Enter")
    assert page.evaluate(scheme) == "default"
    page.keyboard.press(" ")
    assert page.evaluate(scheme) == "slate"


def test_after_a_failed_download_the_next_search_tries_again(new_page, base_url):
    page = new_page(isolated=True)
    failures = []

    def drop_once(route):
        if not failures:
            failures.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/assets/javascripts/bundle.*", drop_once)
    load(page, base_url, "about/")
    page.click(".md-search__input")
    page.wait_for_function("() => !document.querySelector('script[src*=\"bundle.\"]')")  # given up
    assert failures and page.get_attribute("html", "data-ks-material") is None
    page.focus(".ks-skip")  # the reader leaves the field and comes back
    page.click(".md-search__input")
    page.keyboard.type("Våryra")
    page.wait_for_selector(SEARCH_HIT, state="visible")
