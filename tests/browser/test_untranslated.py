"""An English address showing a page that has no English text yet: Swedish content marked lang="sv",
with an English notice saying so."""

from __future__ import annotations

from tests.conftest import mkdocs_build


def test_untranslated_page_is_marked_swedish(site_copy, tmp_path, new_page):
    (site_copy / "content" / "about.en.md").unlink()
    site = tmp_path / "built"
    result = mkdocs_build(site, config=site_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    page = new_page()  # a file: address: the page needs no server to show this
    page.goto((site / "en" / "about" / "index.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == "en"
    notice = page.locator(".ks-untranslated")
    assert notice.count() == 1
    assert notice.evaluate("n => n.closest('[lang]').lang") == "en"
    assert "not been translated" in notice.inner_text()
    body = page.locator("#ks-content [lang='sv']")
    assert body.count() >= 1 and "Om gruppen" in body.first.inner_text()
    # The switcher still leads to the Swedish original.
    assert page.get_attribute(".ks-lang a", "hreflang") == "sv"
