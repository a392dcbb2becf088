"""Change notes and an older translation, as Chromium shows them: the latest change before the
event's facts, the earlier ones behind a disclosure that opens, the English notice's link to the
Swedish page, and no axe violations on either page."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import serve
from tests.conftest import mkdocs_build

EVENT = "content/events/2018-08-23-i-daniel-blake"


def _add_to_front_matter(path, lines: str) -> None:
    text = path.read_text(encoding="utf-8")
    head, rest = text[4:].split("\n---\n", 1)
    path.write_text(f"---\n{head}\n{lines}---\n{rest}", encoding="utf-8")


def test_change_notes_and_the_newer_original_in_chromium(site_copy, tmp_path, playwright_browser):
    # Test data in a copy of the site (the seeds hold no correction).
    _add_to_front_matter(site_copy / f"{EVENT}.sv.md",
                         "changes:\n  - date: 2018-08-01\n    note: Vi har lagt till adressen.\n"
                         "  - date: 2018-08-20\n    note: Vi har rättat sluttiden.\n")
    _add_to_front_matter(site_copy / f"{EVENT}.en.md", "translated_from: 000000000000\n")
    site = tmp_path / "built"
    result = mkdocs_build(site, config=site_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr

    # A context of its own: the shared ones count requests to any other server as off-site
    # (tests/browser/test_privacy.py).
    context = playwright_browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        with serve(site) as url:
            _look(context.new_page(), url)
    finally:
        context.close()


def _look(page, url: str) -> None:
    page.goto(url + "events/2018-08-23-i-daniel-blake/")
    latest = page.locator(".ks-changes > p")
    assert latest.inner_text() == "Uppdaterad 20 augusti 2018: Vi har rättat sluttiden."
    # Read first: above the facts (when and where) on the screen, and in the reading order.
    assert latest.bounding_box()["y"] < page.locator(".ks-facts").first.bounding_box()["y"]
    earlier = page.locator(".ks-changes-earlier li")
    assert not earlier.is_visible()
    page.locator(".ks-changes-earlier summary").click()
    assert earlier.is_visible() and earlier.inner_text() == "1 augusti 2018: Vi har lagt till adressen."
    violations = Axe().run(page).response["violations"]
    assert not violations, [v["id"] for v in violations]

    page.goto(url + "en/events/2018-08-23-i-daniel-blake/")
    notice = page.locator(".ks-translation-newer")
    assert "The Swedish page has changed since this translation was written." in notice.inner_text()
    link = notice.locator("a")
    assert link.get_attribute("hreflang") == "sv" and link.get_attribute("lang") == "sv"
    link.click()
    page.wait_for_load_state()
    assert page.url == url + "events/2018-08-23-i-daniel-blake/"
    assert page.evaluate("document.documentElement.lang") == "sv"
