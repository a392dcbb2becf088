"""Keyboard: skip link first, a visible focus ring on every Tab stop, and the header controls by keyboard."""

from __future__ import annotations

import re

import pytest

from .support import FOCUS_PROBE, focus_problems, load

SKIP_TEXT = {"sv": "Gå till innehållet", "en": "Skip to content"}
MAX_TAB_STOPS = 120  # far more than any page has; stops a focus trap from looping forever


def language_of(path: str) -> str:
    return "en" if path.startswith("en/") else "sv"


def test_skip_link_is_first_and_focuses_the_content(new_page, base_url, site_pages, record_tested):
    page = new_page()
    failures = []
    for path in site_pages:
        load(page, base_url, path)
        page.keyboard.press("Tab")
        first = page.evaluate("[document.activeElement.className, document.activeElement.textContent.trim()]")
        if "ks-skip" not in first[0].split() or first[1] != SKIP_TEXT[language_of(path)]:
            failures.append(f"/{path}: first Tab stop is {first}, not the skip link")
            continue
        page.keyboard.press("Enter")
        focused = page.evaluate("document.activeElement.id")
        if focused != "ks-content":
            failures.append(f"/{path}: Enter on the skip link focused #{focused}, not #ks-content")
            continue
        # The heading must be in view below the sticky header, not under it.
        heading_visible = page.evaluate("""() => {
          const h = document.querySelector('#ks-content h1'); if (!h) return false
          const r = h.getBoundingClientRect(), header = document.querySelector('.md-header').getBoundingClientRect()
          return r.top >= header.bottom - 1 && r.bottom <= innerHeight
        }""")
        if not heading_visible:
            failures.append(f"/{path}: after the skip link the page heading is not in view below the header")
        # The next Tab continues inside the content (or after it), not back in the header.
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.md-header')"):
            failures.append(f"/{path}: Tab after the skip link went back into the header")
    record_tested(site_pages)
    assert not failures, "\n".join(failures)


WALKS = [(1280, "light"), (320, "light"), (1280, "dark"), (320, "dark")]


@pytest.mark.parametrize(("width", "scheme"), WALKS, ids=[f"{s}-{w}px" for w, s in WALKS])
def test_every_tab_stop_shows_focus(new_page, base_url, site_pages, width, scheme):
    """Tab through each page; every stop has a 3:1 focus ring and is not hidden (WCAG 2.4.7, 2.4.11)."""
    page = new_page(width=width, scheme=scheme, reduced_motion="reduce")
    failures, stops = [], 0
    for path in site_pages:
        load(page, base_url, path)
        seen = []
        for _ in range(MAX_TAB_STOPS):
            page.keyboard.press("Tab")
            info = page.evaluate(FOCUS_PROBE)
            if info is None or (info["isSkip"] and seen):
                break  # past the last control (focus left the page) or back at the start
            seen.append(info["name"])
            stops += 1
            for problem in focus_problems(info):
                failures.append(f"/{path} {info['name']}: {problem}")
        else:
            failures.append(f"/{path}: more than {MAX_TAB_STOPS} Tab stops; is focus trapped?")
        if not seen:
            failures.append(f"/{path}: Tab reaches nothing")
    print(f"{scheme} {width}px: {stops} Tab stops on {len(site_pages)} pages")
    assert not failures, "\n".join(failures)


def tab_to(page, selector: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("width", [1280, 320])
def test_language_switcher_by_keyboard(new_page, base_url, site_twins, width):
    page = new_page(width=width)
    for start, other in (("about/", "en"), ("en/meetings/", "sv")):
        load(page, base_url, start)
        tab_to(page, ".ks-lang__link")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == base_url + site_twins[start][other]
        assert page.evaluate("document.documentElement.lang") == other


@pytest.mark.parametrize("width", [1280, 320])
def test_search_by_keyboard(new_page, base_url, width):
    page = new_page(width=width, reduced_motion="reduce")
    load(page, base_url, "")
    if width < 960:  # small screens: a search button opens the search
        tab_to(page, "button[data-ks-for='__search']")
        assert page.get_attribute("button[data-ks-for='__search']", "aria-expanded") == "false"
        page.keyboard.press("Enter")
        assert page.get_attribute("button[data-ks-for='__search']", "aria-expanded") == "true"
        assert page.evaluate("document.activeElement.matches('.md-search__input')")
    else:
        tab_to(page, ".md-search__input")
    page.keyboard.type("Våryra")
    # Results update as you type; wait for the ones for the whole word.
    page.wait_for_selector(".md-search-result__item:first-child a[href*='2018-05-17-varyra']", state="visible")
    page.keyboard.press("ArrowDown")
    target = page.evaluate("document.activeElement.href")
    assert target and page.evaluate("!!document.activeElement.closest('.md-search-result')"), \
        "ArrowDown does not move focus to the first search result"
    info = page.evaluate(FOCUS_PROBE)
    assert not focus_problems(info), focus_problems(info)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/events/2018-05-17-varyra/", page.url), page.url


def test_drawer_by_keyboard(new_page, base_url):
    page = new_page(width=320, reduced_motion="reduce")
    load(page, base_url, "about/")
    # Closed, the drawer's links are out of the Tab order (they used to take focus off-screen).
    assert page.evaluate("getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility") == "hidden"
    tab_to(page, "button[data-ks-for='__drawer']")
    button = "button[data-ks-for='__drawer']"
    assert page.get_attribute(button, "aria-expanded") == "false"
    assert page.get_attribute(button, "aria-label") == "Meny"
    page.keyboard.press("Enter")
    assert page.get_attribute(button, "aria-expanded") == "true"
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), "focus did not move into the menu"
    page.keyboard.press("Tab")
    info = page.evaluate(FOCUS_PROBE)
    assert not focus_problems(info), (info["name"], focus_problems(info))
    page.keyboard.press("Escape")
    assert page.get_attribute(button, "aria-expanded") == "false"
    assert page.evaluate("s => document.activeElement.matches(s)", button)


def test_colour_scheme_by_keyboard(new_page, base_url):
    page = new_page(isolated=True)  # the choice is stored in localStorage
    load(page, base_url, "")
    tab_to(page, ".md-option")
    scheme = "document.body.dataset.mdColorScheme"
    assert page.evaluate(scheme) == "default"
    page.keyboard.press("Enter")
    assert page.evaluate(scheme) == "slate"
    assert not focus_problems(page.evaluate(FOCUS_PROBE))
    page.keyboard.press(" ")
    assert page.evaluate(scheme) == "default"
    page.keyboard.press("ArrowDown")  # radios also switch with the arrow keys
    assert page.evaluate(scheme) == "slate"
