"""Shared fixtures for the browser tests: the built site over HTTP and one Chromium per test run.

Fixtures (all usable from any test module in tests/browser/):

- `base_url`: "http://127.0.0.1:<port>/", the real site (`built_site`) served in a background thread.
- `three_language_url`: the same for the three-language fixture site (`three_language_site`, with
  Arabic written right to left); `serve(directory)` serves any built site the same way.
- `site_pages`: every page path listed in sitemap.xml, both languages ("", "about/", "en/about/", ...).
- `site_twins`: for every page path, {"sv": path, "en": path} from the sitemap's hreflang links.
- `new_page(width=1280, scheme="light", javascript=True, reduced_motion="no-preference", height=800,
  scale=1, isolated=False)`: a fresh Playwright Page in a context for that configuration; contexts
  are reused per configuration (isolated=True gives one of its own) and closed after the test.
- `record_tested(paths)`: call with the paths a test visited; the run ends with the page count.
- `browser_page`: shorthand for `new_page()`, a desktop page in the light scheme.
- `offsite_requests`: every request any page made to a host other than the test server.

Chromium: $KLARSIDA_CHROMIUM, else `chromium` / `chromium-browser` on PATH (Debian's package;
`make browser` installs it), else Playwright's own download if one is installed. No browser is a test
failure with a message saying how to get one, never a skip.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# The site's own address in sitemap.xml; pages are served from the test server instead.
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
_tested_pages: set[str] = set()


def pytest_collection_modifyitems(items):
    """Every test in this folder runs in a real browser: mark them so `-m "not browser"` skips them."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    if _tested_pages:
        terminalreporter.write_line(f"browser tests: {len(_tested_pages)} pages tested (sitemap.xml, both languages)")


@pytest.fixture(scope="session")
def record_tested():
    """`record_tested(paths)`: count pages for the summary line printed at the end of the run."""
    return _tested_pages.update


def find_chromium() -> str | None:
    """An executable Chromium, or None for Playwright's own download."""
    configured = os.environ.get("KLARSIDA_CHROMIUM")
    if configured:
        if not (Path(configured).is_file() and os.access(configured, os.X_OK)):
            pytest.fail(f"KLARSIDA_CHROMIUM={configured} is not an executable file.", pytrace=False)
        return configured
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser closes connections it no longer needs (a page closed mid-request): not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path):
    """A built site over HTTP in a background thread: yields its base URL, "http://127.0.0.1:<port>/"."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)  # port 0: a free port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def three_language_url(three_language_site):
    """The three-language fixture site (tests/fixtures/sites/three_languages/: sv, en, ar) over HTTP."""
    with serve(three_language_site) as url:
        yield url


def sitemap_entries(site_dir: Path) -> list[dict[str, str]]:
    """One {language: page path} per <url> of sitemap.xml, paths relative to the site root.

    A page's own <loc> has no language of its own in the sitemap, so it is listed under "" unless an
    hreflang alternate names the same address.
    """
    sitemap = site_dir / "sitemap.xml"
    root = ET.parse(sitemap).getroot()
    raw = []
    for url in root.iterfind("s:url", SITEMAP_NS):
        loc = url.findtext("s:loc", namespaces=SITEMAP_NS).strip()
        alternates = {link.get("hreflang"): link.get("href") for link in url.iterfind("x:link", SITEMAP_NS)}
        if loc not in alternates.values():
            alternates[""] = loc
        raw.append(alternates)
    assert raw, f"{sitemap} lists no pages"
    # The shortest path is the home page, the root every other path starts with.
    base_path = min((urlsplit(u).path for entry in raw for u in entry.values()), key=len)
    return [{lang: urlsplit(u).path[len(base_path):] for lang, u in entry.items()} for entry in raw]


def sitemap_paths(site_dir: Path) -> list[str]:
    return sorted({path for entry in sitemap_entries(site_dir) for path in entry.values()})


@pytest.fixture(scope="session")
def site_pages(built_site) -> list[str]:
    """Every page path in sitemap.xml, both languages: "", "about/", "en/about/", ..."""
    return sitemap_paths(built_site)


@pytest.fixture(scope="session")
def site_twins(built_site) -> dict[str, dict[str, str]]:
    """For every page path, its {language: path} entry in sitemap.xml (itself included)."""
    return {path: entry for entry in sitemap_entries(built_site) for path in entry.values()}


@pytest.fixture(scope="session")
def playwright_browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: run `make test` (requirements-test.lock).", pytrace=False)
    executable = find_chromium()
    with sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=executable)
        except Error as exc:
            pytest.fail(
                "No Chromium for the browser tests. Run `make browser` (installs Debian's `chromium`), "
                "or set KLARSIDA_CHROMIUM to a Chromium executable.\n"
                f"Tried: {executable or 'Playwright download'}. Playwright said: {exc.message.splitlines()[0]}",
                pytrace=False,
            )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def offsite_requests() -> list[str]:
    return []


@pytest.fixture(scope="session")
def _contexts(playwright_browser, base_url, offsite_requests):
    """One browser context per configuration for the whole run; starting contexts is the slow part."""
    contexts = {}

    def record(url):
        # file: and data: URLs never leave the machine; only network requests count.
        if url.split(":", 1)[0] in ("http", "https", "ws", "wss") and not url.startswith(base_url):
            offsite_requests.append(url)

    def make(key):
        width, height, scale, scheme, javascript, reduced_motion = key
        context = playwright_browser.new_context(
            viewport={"width": width, "height": height},
            device_scale_factor=scale,
            color_scheme=scheme,
            java_script_enabled=javascript,
            reduced_motion=reduced_motion,
        )
        context.on("request", lambda request: record(request.url))
        return context

    def get(key, isolated):
        if isolated:
            return make(key)
        if key not in contexts:
            contexts[key] = make(key)
        return contexts[key]

    yield get
    for context in contexts.values():
        context.close()


@pytest.fixture
def new_page(_contexts):
    opened = []

    def make(width=1280, scheme="light", javascript=True, reduced_motion="no-preference",
             height=800, scale=1, isolated=False):
        """isolated=True: a context of its own, for tests that leave state (the colour-scheme choice
        is kept in localStorage)."""
        context = _contexts((width, height, scale, scheme, javascript, reduced_motion), isolated)
        page = context.new_page()
        opened.append(context if isolated else page)
        return page

    yield make
    for thing in opened:
        thing.close()


@pytest.fixture
def browser_page(new_page):
    return new_page()
