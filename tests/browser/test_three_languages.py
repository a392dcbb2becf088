"""Arabic as a third language in Chromium: the fixture site tests/fixtures/sites/three_languages/
(sv, en, ar) built with the repository's hooks and overrides. Arabic pages run right to left, the
header is mirrored (logical CSS properties in klarsida.css, Material's own [dir=rtl] rules), no
page scrolls sideways at 320 px, axe finds nothing, and the language links lead between the three.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import sitemap_paths
from .support import AXE_EXCEPTIONS, AXE_TAGS, load
from .test_page_assets import COMPARE_WITH_WHOLE_STYLESHEET

EVENT = "events/2018-08-23-i-daniel-blake/"
LINK_TEXT = {"sv": "På svenska", "en": "In English", "ar": "العربية"}

# Where the header's parts are, as [left, right] in CSS pixels, and whether they are shown.
HEADER_BOXES = """() => {
  const box = selector => {
    const el = document.querySelector(selector)
    if (!el || getComputedStyle(el).display === 'none') return null
    const r = el.getBoundingClientRect()
    return { left: r.left, right: r.right }
  }
  return { menu: box('.ks-toggle[data-ks-for="__drawer"]'), search: box('.ks-toggle[data-ks-for="__search"]'),
           title: box('.md-header__title'), logo: box('.md-header__button.md-logo'), languages: box('.ks-lang'),
           width: innerWidth }
}"""

# Elements of the page that stick out of the window: not the closed drawer, which waits off-screen,
# nor what scrolls inside its own box (a wide table).
OUTSIDE = """() => {
  const scrollsInside = el => {
    for (let n = el.parentElement; n && n !== document.body; n = n.parentElement) {
      if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(n).overflowX)) return true
    }
    return false
  }
  const out = []
  for (const el of document.querySelectorAll('.md-header *, .md-main *, .md-footer *')) {
    const s = getComputedStyle(el)
    if (s.display === 'none' || s.visibility === 'hidden' || el.closest('.md-sidebar--primary, .md-search')) continue
    if (scrollsInside(el)) continue
    const r = el.getBoundingClientRect()
    if (r.width === 0 || r.height === 0) continue
    if (r.left < -1 || r.right > innerWidth + 1) {
      out.push(`${el.tagName.toLowerCase()}.${String(el.className.baseVal ?? el.className).trim().split(/\\s+/).join('.')} [${Math.round(r.left)}, ${Math.round(r.right)}]`)
    }
  }
  return out
}"""


@pytest.fixture(scope="module")
def pages_by_language(three_language_site) -> dict[str, list[str]]:
    """The fixture site's page paths from its sitemap.xml, by language."""
    found: dict[str, list[str]] = {"sv": [], "en": [], "ar": []}
    for path in sitemap_paths(three_language_site):
        first = path.split("/", 1)[0]
        found[first if first in ("en", "ar") else "sv"].append(path)
    assert len(found["ar"]) >= 10, found
    return found


@pytest.fixture
def three_page(playwright_browser, three_language_url):
    """`three_page(width=1280, scheme="light")`: a Chromium page for the fixture site; requests to
    any other host are collected in `three_page.offsite`."""
    contexts = []
    offsite: list[str] = []

    def make(width=1280, scheme="light", height=800):
        context = playwright_browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        context.on("request", lambda request: None if request.url.startswith(three_language_url)
                   or request.url.split(":", 1)[0] not in ("http", "https", "ws", "wss") else offsite.append(request.url))
        contexts.append(context)
        return context.new_page()

    make.offsite = offsite
    yield make
    for context in contexts:
        context.close()


def test_arabic_pages_say_their_language_and_run_right_to_left(three_page, three_language_url, pages_by_language):
    page = three_page()
    failures = []
    for lang, paths in pages_by_language.items():
        direction = "rtl" if lang == "ar" else "ltr"
        for path in paths:
            load(page, three_language_url, path)
            found = page.evaluate("""() => ({ lang: document.documentElement.lang, body: document.body.dir,
              content: getComputedStyle(document.querySelector('#ks-content')).direction,
              header: getComputedStyle(document.querySelector('.md-header')).direction })""")
            if found != {"lang": lang, "body": direction, "content": direction, "header": direction}:
                failures.append(f"/{path}: {found}, expected lang {lang!r} and direction {direction!r}")
    assert not failures, "\n".join(failures)
    assert three_page.offsite == []


@pytest.mark.parametrize("width", [320, 1280])
def test_the_header_is_mirrored_on_arabic_pages(three_page, three_language_url, width):
    page = three_page(width=width)
    load(page, three_language_url, "about/")
    swedish = page.evaluate(HEADER_BOXES)
    load(page, three_language_url, "ar/about/")
    arabic = page.evaluate(HEADER_BOXES)

    def mirrored(box):
        return {"left": width - box["right"], "right": width - box["left"]}

    if width == 320:  # the menu and search buttons (klarsida.js) at either end
        assert swedish["menu"]["right"] <= swedish["title"]["left"] and swedish["search"]["left"] >= swedish["languages"]["right"]
        assert arabic["title"]["right"] <= arabic["menu"]["left"], f"the menu button is not right of the title: {arabic}"
        assert arabic["search"]["right"] <= arabic["languages"]["left"], f"the search button is not at the left: {arabic}"
        for name in ("menu", "search"):
            assert mirrored(arabic[name]) == pytest.approx(swedish[name], abs=1), name
    else:  # wide: the logo and the title at the right, the language links to their left
        assert swedish["logo"]["right"] <= swedish["title"]["left"]
        assert arabic["title"]["right"] <= arabic["logo"]["left"], f"the logo is not right of the title: {arabic}"
        assert mirrored(arabic["logo"]) == pytest.approx(swedish["logo"], abs=1)
        assert arabic["languages"]["right"] <= arabic["title"]["left"]


def test_the_skip_link_appears_at_the_start_edge(three_page, three_language_url):
    """klarsida.css places the focused skip link with inset-inline-start: top left in Swedish, top right in Arabic."""
    page = three_page()
    edges = {}
    for path in ("", "ar/"):
        load(page, three_language_url, path)
        page.keyboard.press("Tab")
        edges[path] = page.evaluate("""() => { const el = document.activeElement, r = el.getBoundingClientRect()
          return { skip: el.classList.contains('ks-skip'), left: r.left, right: innerWidth - r.right } }""")
    assert edges[""]["skip"] and edges["ar/"]["skip"], edges
    assert edges[""]["left"] == pytest.approx(edges["ar/"]["right"], abs=0.5) and edges[""]["left"] < 20, edges
    assert edges["ar/"]["left"] > 100, edges


def test_no_page_scrolls_sideways_at_320px(three_page, three_language_url, pages_by_language):
    page = three_page(width=320)
    failures = []
    for paths in pages_by_language.values():
        for path in paths:
            load(page, three_language_url, path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                failures.append(f"/{path}: {width}px wide in a 320px window")
            failures += [f"/{path}: {where} is outside the window" for where in page.evaluate(OUTSIDE)]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("light", 320), ("dark", 320)])
def test_no_axe_violations_on_arabic_pages(three_page, three_language_url, scheme, width):
    page = three_page(width=width, scheme=scheme)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    failures = []
    for path in ("ar/", f"ar/{EVENT}", "ar/klarsprak/", "ar/glossary/"):
        load(page, three_language_url, path)
        for violation in Axe().run(page, options=options).response["violations"]:
            for node in violation["nodes"]:
                if (violation["id"], " ".join(node["target"])) in AXE_EXCEPTIONS:
                    continue
                summary = node.get("failureSummary", "").replace("\n", " ")
                failures.append(f"/{path} {violation['id']} ({violation['impact']}) at {' '.join(node['target'])}: {summary[:300]}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("width", [1280, 375])
def test_the_stylesheet_subset_keeps_materials_right_to_left_rules(three_page, three_language_url, width):
    """Pages load only the rules of Material's stylesheet they use (klarsida/page_assets.py); its
    [dir=rtl] rules must be among them, or Arabic pages would change once search loads the rest."""
    page = three_page(width=width)
    load(page, three_language_url, f"ar/{EVENT}")
    differences = page.evaluate(COMPARE_WITH_WHOLE_STYLESHEET)
    assert not differences, f"{len(differences)} elements styled differently by the subset:\n" + "\n".join(differences[:20])


def test_language_links_lead_between_the_three_languages(three_page, three_language_url):
    page = three_page()
    for start in (f"ar/{EVENT}", f"{EVENT}", f"en/{EVENT}"):
        load(page, three_language_url, start)
        links = page.eval_on_selector_all(".ks-lang a", "els => els.map(a => [a.hreflang, a.lang, a.textContent.trim(), a.href])")
        here = start.split("/", 1)[0] if start.startswith(("ar/", "en/")) else "sv"
        assert [hreflang for hreflang, *_ in links] == [code for code in ("sv", "en", "ar") if code != here]
        for hreflang, link_lang, text, href in links:
            assert link_lang == hreflang and text == LINK_TEXT[hreflang]
            load(page, href, "")
            assert page.evaluate("document.documentElement.lang") == hreflang
            assert page.url.endswith(EVENT) and page.inner_text("h1")
            load(page, three_language_url, start)


def test_the_html_element_says_right_to_left(three_page, three_language_url, pages_by_language):
    """Material sets dir on <body> only. <html dir="rtl"> needs the adapter
    (klarsida/mkdocs_material/adapter.py on_post_page) to write it from klarsida.i18n.text_direction."""
    page = three_page()
    missing = []
    for path in pages_by_language["ar"]:
        load(page, three_language_url, path)
        if page.evaluate("document.documentElement.dir") != "rtl":
            missing.append(f"/{path}")
    assert not missing, "document.documentElement.dir is not 'rtl' on " + ", ".join(missing)
