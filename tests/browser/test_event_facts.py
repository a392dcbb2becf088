"""Event pages in a real browser: the key facts as a screen reader gets them, and events.js."""

from __future__ import annotations

from datetime import datetime

import pytest

from klarsida.clock import STOCKHOLM

FILM = "events/2018-08-23-i-daniel-blake/"
# The film's summary (cost and registration are not known, so they are left out), then the rest.
TERMS = {
    "sv": (["När", "Var"], ["Arrangör", "För vem"]),
    "en": (["When", "Where"], ["Organiser", "Who it is for"]),
}


def ax_children(page, selector: str) -> tuple[str, list[tuple[str, str]]]:
    """Chromium's own accessibility tree (what screen readers read): role of the element, and
    (role, name) of its children."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        backend = cdp.send("DOM.describeNode", {"nodeId": node})["node"]["backendNodeId"]
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    by_id = {n["nodeId"]: n for n in nodes}
    (element,) = [n for n in nodes if n.get("backendDOMNodeId") == backend]
    children = [by_id[c] for c in element.get("childIds", []) if c in by_id and not by_id[c].get("ignored")]
    return element["role"]["value"], [(c["role"]["value"], c.get("name", {}).get("value", "")) for c in children]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_key_facts_are_a_description_list_of_terms_and_definitions(new_page, base_url, lang):
    page = new_page()
    page.goto(base_url + ("" if lang == "sv" else "en/") + FILM)
    for selector, expected in zip(("dl.ks-facts--summary", "dl.ks-facts--more"), TERMS[lang]):
        role, children = ax_children(page, selector)
        assert role == "DescriptionList"
        roles = [r for r, _ in children]
        # Each term is followed by its definition, so "När: torsdag 23 augusti ..." is read as a pair.
        assert roles == ["term", "definition"] * len(expected)
        assert [name for r, name in children if r == "term"] == expected
    facts = page.locator("dl.ks-facts--summary")
    definitions = facts.get_by_role("definition")
    when = definitions.nth(0).inner_text()
    expected = "torsdag 23 augusti 2018 kl. 17.30–20.00" if lang == "sv" else "Thursday 23 August 2018, 5:30pm to 8pm"
    assert when.strip() == expected
    # The key facts come right under the heading, before the text of the page.
    order = page.evaluate(
        """() => {
            const h1 = document.querySelector('article h1, h1');
            const dl = document.querySelector('dl.ks-facts');
            return h1.compareDocumentPosition(dl) & Node.DOCUMENT_POSITION_FOLLOWING;
        }"""
    )
    assert order
    link = page.get_by_role("link", name="Lägg till i kalendern" if lang == "sv" else "Add to calendar")
    assert link.get_attribute("href") == "../2018-08-23-i-daniel-blake.ics"
    response = page.request.get(page.url + link.get_attribute("href"))
    assert response.ok and response.body().startswith(b"BEGIN:VCALENDAR")


def listing_titles(page, which: str) -> list[str]:
    return page.locator(f'[data-ks-events="{which}"] > li > a').all_inner_texts()


def test_without_javascript_the_listing_is_as_built(new_page, base_url):
    page = new_page(javascript=False)
    page.goto(base_url + "events/")
    assert "Film: I, Daniel Blake" in listing_titles(page, "upcoming")  # built for 14 June 2018


@pytest.fixture
def clocked_page(playwright_browser, base_url):
    """A page in its own context, so setting its clock cannot touch other tests' pages."""
    context = playwright_browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def test_events_js_moves_an_event_to_past_once_it_has_ended(clocked_page, base_url):
    page = clocked_page
    page.clock.set_fixed_time(datetime(2018, 8, 23, 19, 59, tzinfo=STOCKHOLM))
    page.goto(base_url + "events/")
    assert listing_titles(page, "upcoming") == ["Film: I, Daniel Blake"]  # still on
    page.clock.set_fixed_time(datetime(2018, 8, 23, 20, 0, tzinfo=STOCKHOLM))
    page.reload()
    assert page.locator('[data-ks-events="upcoming"]').count() == 0
    assert page.locator('[data-ks-empty="upcoming"]').is_visible()
    past = listing_titles(page, "past")
    assert past[0] == "Film: I, Daniel Blake"  # newest first, like the build's own order
    assert past[1:] == ["Våryra", "Skåneveckan för psykisk hälsa", "Klarspråksgruppen träffas",
                        "Gruppens möte: e-tjänsten för försörjningsstöd"]
    assert not page.locator('[data-ks-empty="past"]').is_visible()


def test_events_js_takes_an_ended_event_off_the_start_page(clocked_page, base_url):
    page = clocked_page
    page.clock.set_fixed_time(datetime(2018, 8, 23, 19, 59, tzinfo=STOCKHOLM))
    page.goto(base_url)
    assert listing_titles(page, "upcoming") == ["Film: I, Daniel Blake"]
    page.clock.set_fixed_time(datetime(2018, 8, 23, 20, 0, tzinfo=STOCKHOLM))
    page.reload()
    assert page.locator('[data-ks-events="upcoming"]').count() == 0
    # Never only "nothing coming up": the section goes, and the latest meeting leads.
    assert not page.locator('[data-ks-home="next"]').is_visible()
    assert page.locator("#latest-meeting").is_visible()
