"""The readability report at 360 px (issue 16, point 7): the table scrolls sideways in its own box
with the page name kept in view, no word is broken inside, every column can be reached, and the
English report is in English (its level names too)."""

from __future__ import annotations

import pytest

SWEDISH_BANDS = ("mycket lätt", "ganska lätt", "ganska svår", "mycket svår", "lätt", "svår")

# For each page-name link in the report: does any word of it break across lines? A word that
# wraps inside has more than one line box (client rect) for its own range. A break after a hyphen
# ("e-/tjänsten") is where the word allows one, so the parts between hyphens are the units.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const link of document.querySelectorAll('.ks-report tbody th[scope="row"] a')) {
    const node = link.firstChild;
    const text = node.textContent;
    const re = /[^\\s-]+/g;
    let m;
    while ((m = re.exec(text))) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""

SCROLLED = """() => [...document.querySelectorAll('.ks-report-scroll')].map(box => {
  box.scrollLeft = box.scrollWidth;
  const area = box.getBoundingClientRect();
  const name = box.querySelector('tbody th[scope="row"]').getBoundingClientRect();
  const cells = box.querySelectorAll('thead th');
  const last = cells[cells.length - 1].getBoundingClientRect();
  return {scrolls: box.scrollWidth > box.clientWidth, focusable: box.tabIndex === 0,
          role: box.getAttribute('role'), label: box.getAttribute('aria-label'),
          nameInView: name.left >= area.left - 1 && name.right <= area.right + 1 && name.width > 40,
          lastReached: last.right <= area.right + 1 && last.left >= area.left - 1};
})"""


@pytest.mark.parametrize("path", ["klarsprak/", "en/klarsprak/"])
def test_the_report_is_readable_at_360_px(new_page, base_url, record_tested, path):
    page = new_page(width=360, height=740)
    page.goto(base_url + path)
    record_tested([path])
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page itself scrolls sideways"
    assert page.locator(".ks-report tbody tr").count() > 5
    assert page.evaluate(BROKEN_WORDS) == [], "a page name is broken inside a word"
    boxes = page.evaluate(SCROLLED)
    assert boxes, "no report table"
    for box in boxes:
        assert box["scrolls"] and box["focusable"] and box["role"] == "region" and box["label"]
        assert box["nameInView"], "the page name scrolled out of view"
        assert box["lastReached"], "the right-hand columns cannot be reached"


def test_the_english_report_is_in_english(new_page, base_url):
    page = new_page(width=360)
    page.goto(base_url + "en/klarsprak/")
    bands = page.locator(".ks-report .ks-band").all_inner_texts()
    assert bands and not any(b.strip() in SWEDISH_BANDS for b in bands), bands
    headers = {h.strip() for h in page.locator(".ks-report thead th").all_inner_texts()}
    assert not headers & {"Sida", "Nivå", "Långa meningar", "Passiv form", "Att titta på", "Nominalkvot", "Ord"}
    assert {"Page", "Nominal ratio", "Passive voice", "Long sentences", "To look at"} <= headers
    # Words in Swedish on the English report (page titles, quoted sentences) say so.
    for link in page.locator('.ks-report details li a').all()[:20]:
        assert link.get_attribute("lang") in ("sv", "en")
