"""axe-core on every page of sitemap.xml, both languages, light and dark, wide and narrow: no violations."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .support import AXE_EXCEPTIONS, AXE_TAGS, load

CONFIGURATIONS = [(scheme, width) for scheme in ("light", "dark") for width in (1280, 320)]


def test_every_exception_has_a_reason():
    for (rule, selector), reason in AXE_EXCEPTIONS.items():
        assert rule and selector and len(reason.split()) >= 5, f"axe exception {rule} on {selector!r} needs a written reason"


@pytest.mark.parametrize(("scheme", "width"), CONFIGURATIONS, ids=[f"{s}-{w}px" for s, w in CONFIGURATIONS])
def test_no_axe_violations(new_page, base_url, site_pages, record_tested, scheme, width):
    axe = Axe()
    page = new_page(width=width, scheme=scheme)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    failures = []
    for path in site_pages:
        load(page, base_url, path)
        # Material picks the scheme from prefers-color-scheme: make sure the emulation took.
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        for violation in axe.run(page, options=options).response["violations"]:
            nodes = [n for n in violation["nodes"] if (violation["id"], " ".join(n["target"])) not in AXE_EXCEPTIONS]
            for node in nodes:
                summary = node.get("failureSummary", "").replace("\n", " ")
                failures.append(f"/{path} {violation['id']} ({violation['impact']}) at {' '.join(node['target'])}: {summary[:300]}")
    record_tested(site_pages)
    print(f"axe {scheme} {width}px: {len(site_pages)} pages")
    assert not failures, f"{len(failures)} axe violations ({scheme}, {width}px):\n" + "\n".join(failures)


def test_lang_and_language_switcher(new_page, base_url, site_pages, site_twins):
    """Every page says its language, and its switcher links to the same page in the other language."""
    page = new_page()
    failures = []
    for path in site_pages:
        load(page, base_url, path)
        twins = site_twins[path]
        lang = next((code for code, p in twins.items() if p == path), "")
        html_lang = page.evaluate("document.documentElement.lang")
        if lang and html_lang != lang:
            failures.append(f"/{path}: <html lang={html_lang!r}>, sitemap says {lang!r}")
        links = page.eval_on_selector_all(
            ".ks-lang a", "els => els.map(a => [a.hreflang, a.lang, new URL(a.href).pathname, a.textContent.trim()])")
        expected = {code: p for code, p in twins.items() if p != path}
        got = {hreflang: pathname for hreflang, _, pathname, _ in links}
        want = {code: "/" + p for code, p in expected.items()}
        if got != want:
            failures.append(f"/{path}: language links {got}, expected {want}")
        for hreflang, link_lang, _, text in links:
            if link_lang != hreflang or not text:
                failures.append(f"/{path}: language link {text!r} needs lang={hreflang!r} and a visible name")
    assert not failures, "\n".join(failures)
