"""Layout: reflow at 320 px, text spacing (WCAG 1.4.12), 200 % zoom, reduced motion, print, no JavaScript."""

from __future__ import annotations

import re

from .support import load

# WCAG 1.4.12's test values, as in the W3C's own text-spacing bookmarklet.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Text cut off inside a box that hides overflow, in the page body and footer. The header's site and
# page titles are truncated with an ellipsis by design (the page heading shows the full title, and
# the accessibility statement lists this), so the header is left out.
CLIPPED = """() => {
  const out = []
  for (const el of document.querySelectorAll('main *, footer *')) {
    const s = getComputedStyle(el)
    if (s.display === 'none' || s.visibility === 'hidden' || !el.textContent.trim()) continue
    const clips = v => v === 'hidden' || v === 'clip'
    const r = el.getBoundingClientRect()
    if (r.width === 0 || r.height === 0) continue
    if ((clips(s.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
        (clips(s.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
      out.push(`${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\\s+/).join('.')} "${el.textContent.trim().slice(0, 30)}"`)
    }
  }
  return out
}"""

OVERFLOW = "document.documentElement.scrollWidth - innerWidth"


def test_no_horizontal_scrolling_at_320px(new_page, base_url, site_pages, record_tested):
    page = new_page(width=320)
    failures = []
    for path in site_pages:
        load(page, base_url, path)
        extra = page.evaluate(OVERFLOW)
        if extra > 0:
            failures.append(f"/{path}: {extra}px wider than the 320px window")
    record_tested(site_pages)
    assert not failures, "\n".join(failures)


def test_text_spacing_keeps_text_readable(new_page, base_url, site_pages):
    failures = []
    for width in (320, 1280):
        page = new_page(width=width)
        for path in site_pages:
            load(page, base_url, path)
            page.add_style_tag(content=TEXT_SPACING)
            for clipped in page.evaluate(CLIPPED):
                failures.append(f"/{path} at {width}px: text cut off in {clipped}")
            extra = page.evaluate(OVERFLOW)
            if extra > 0:
                failures.append(f"/{path} at {width}px: {extra}px of sideways scrolling")
    assert not failures, "\n".join(failures)


def test_200_percent_zoom(new_page, base_url, site_pages):
    """Zooming a 1280 x 800 window to 200 % leaves a 640 x 400 CSS-pixel layout at double density."""
    page = new_page(width=640, height=400, scale=2)
    failures = []
    for path in site_pages:
        load(page, base_url, path)
        extra = page.evaluate(OVERFLOW)
        if extra > 0:
            failures.append(f"/{path}: {extra}px of sideways scrolling")
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().height")
        if header > 100:  # the sticky header must leave most of the 400px window to the content
            failures.append(f"/{path}: the header takes {header}px of 400px")
        heading = page.evaluate("""() => { const h = document.querySelector('#ks-content h1');
          const r = h.getBoundingClientRect(); return r.width > 0 && r.right <= innerWidth }""")
        if not heading:
            failures.append(f"/{path}: the page heading does not fit the window")
    assert not failures, "\n".join(failures)


DURATIONS = """() => {
  const longest = v => Math.max(...v.split(',').map(t => t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t)))
  let worst = [0, '']
  for (const el of document.querySelectorAll('*')) {
    const s = getComputedStyle(el)
    for (const d of [longest(s.transitionDuration) + longest(s.transitionDelay), longest(s.animationDuration)]) {
      if (d > worst[0]) worst = [d, `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\\s+/).join('.')}`]
    }
  }
  return worst
}"""


def test_reduced_motion_is_honoured(new_page, base_url):
    moving = new_page()
    load(moving, base_url, "about/")
    seconds, _ = moving.evaluate(DURATIONS)
    assert seconds > 0.1, "without a motion preference the theme animates (else this test proves nothing)"
    still = new_page(reduced_motion="reduce")
    for path in ("", "about/", "en/events/"):
        load(still, base_url, path)
        seconds, where = still.evaluate(DURATIONS)
        assert seconds <= 0.01, f"/{path}: {where} still moves for {seconds}s with prefers-reduced-motion"


def test_content_readable_without_javascript(new_page, base_url, site_pages):
    page = new_page(javascript=False)
    failures = []
    for path in site_pages:
        load(page, base_url, path)
        state = page.evaluate("""() => {
          const h = document.querySelector('#ks-content h1'), r = h && h.getBoundingClientRect()
          const hit = r && document.elementFromPoint(r.left + 5, r.top + r.height / 2)
          return { noJs: document.documentElement.classList.contains('no-js'),
                   heading: !!hit && h.contains(hit),
                   text: document.querySelector('#ks-content').innerText.trim().length,
                   lang: !!document.querySelector('.ks-lang a') }
        }""")
        if not state["noJs"]:
            failures.append(f"/{path}: scripts ran although JavaScript is off")
        if not state["heading"] or state["text"] < 100:
            failures.append(f"/{path}: heading or text not visible without JavaScript ({state})")
        if not state["lang"]:
            failures.append(f"/{path}: no language link without JavaScript")
    assert not failures, "\n".join(failures)


EVENT_PAGE = re.compile(r"^(en/)?events/\d{4}-\d{2}-\d{2}-[^/]+/$")


def test_event_pages_print_on_one_page(new_page, base_url, site_pages):
    events = [p for p in site_pages if EVENT_PAGE.match(p)]
    assert events, "sitemap.xml lists no event pages"
    page = new_page()
    failures = []
    for path in events:
        load(page, base_url, path)
        page.emulate_media(media="print")
        shown = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.ks-lang', '.md-search']
          .filter(s => { const e = document.querySelector(s); return e && getComputedStyle(e).display !== 'none' })""")
        if shown:
            failures.append(f"/{path}: printed with {shown}")
        pdf = page.pdf(format="A4", print_background=False)
        pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
        if pages != 1:
            failures.append(f"/{path}: prints on {pages} A4 pages, not 1")
        page.emulate_media(media="screen")
    assert not failures, "\n".join(failures)
