"""Hostile front matter in a real browser: no script runs, and readers see the text as written.

The site is built with `<script>`, an `<img onerror>` and quotes in every text field (see
tests/site_build/test_escaping.py). Chromium opens the pages and runs Material's search, whose
results are drawn from search_index.json as HTML: any unescaped value would open a dialog.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from tests.browser.conftest import QuietHandler
from tests.site_build.test_escaping import EVENT, EVIL, MEETING, PAGE, build_hostile_site


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    site = build_hostile_site(tmp_path_factory.mktemp("hostile-browser"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def watched_page(playwright_browser):
    """A page that records every dialog (alert, confirm) and page error instead of waiting on it."""
    context = playwright_browser.new_context()
    page = context.new_page()
    events: list[str] = []
    page.on("dialog", lambda dialog: (events.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: events.append(f"error: {error}"))
    yield page, events
    context.close()


@pytest.mark.parametrize("path", ["", "en/", f"{PAGE}/", f"{MEETING}/", f"{EVENT}/", "meetings/", "events/",
                                  f"en/{EVENT}/", "klarsprak/"])
def test_no_script_runs_and_the_title_reads_as_written(hostile_url, watched_page, path):
    page, events = watched_page
    page.goto(hostile_url + path, wait_until="load")
    page.wait_for_timeout(300)  # let image errors and deferred scripts happen
    assert events == []
    if path.rstrip("/") in (PAGE, MEETING, EVENT, f"en/{EVENT}"):
        assert page.title().startswith(EVIL + " - ")
    if path.rstrip("/") in (MEETING, EVENT, f"en/{EVENT}"):  # the about page has its own heading
        assert page.inner_text("h1") == EVIL


def test_search_results_show_the_title_as_text(hostile_url, watched_page):
    page, events = watched_page
    page.goto(hostile_url, wait_until="networkidle")  # the search worker and its index are loaded
    results = page.locator(".md-search-result__item")
    for _ in range(3):  # typing before the worker is ready is ignored: type again, as a reader would
        page.fill(".md-search__input", "")
        page.focus(".md-search__input")
        page.keyboard.type("Jerry")
        try:
            results.first.wait_for(timeout=10_000)
            break
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError; the assertion below reports it
            continue
    assert results.count(), "Material's search showed no results for Jerry"
    page.wait_for_timeout(300)
    assert events == []
    texts = results.all_inner_texts()
    assert any("<script>alert(\"ks-xss\")</script>" in text for text in texts), texts
