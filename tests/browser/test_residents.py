"""Acting as a resident on a phone (issue 16): what the first screen shows, headings that read as
headings, the organisation's name in full, values that stay whole, Lyssna, contact links and print.

The site is built for 14 June 2018 (tests/conftest.py); pages whose scripts look at the time get the
same clock, so the film screening on 23 August 2018 is upcoming there too.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from klarsida.clock import STOCKHOLM

from .support import contrast, flatten, load, parse_color

FILM = "events/2018-08-23-i-daniel-blake/"
VARYRA = "events/2018-05-17-varyra/"
BUILT = datetime(2018, 6, 14, 12, 0, tzinfo=STOCKHOLM)
PHONE = {"width": 360, "height": 640}
PREFIX = {"sv": "", "en": "en/"}
CALENDAR = {"sv": "Lägg till i kalendern", "en": "Add to calendar"}


@pytest.fixture
def phone(playwright_browser):
    """A 360×640 phone page in a context of its own, its clock at the build's "now"."""
    contexts = []

    def make(now=BUILT, width=PHONE["width"], height=PHONE["height"], init_script=None, media=None):
        context = playwright_browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        page.clock.set_fixed_time(now)
        if media:
            page.emulate_media(media=media)
        return page

    yield make
    for context in contexts:
        context.close()


IN_FIRST_SCREEN = """(el) => {
  const r = el.getBoundingClientRect()
  const header = document.querySelector('.md-header').getBoundingClientRect()
  const s = getComputedStyle(el)
  return s.visibility !== 'hidden' && s.display !== 'none' && r.height > 0 &&
         r.top >= header.bottom - 1 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth
}"""


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_next_events_time_place_and_calendar_button_are_in_the_first_screen(phone, base_url, lang):
    page = phone()
    load(page, base_url, PREFIX[lang] + FILM)
    when = page.locator("dl.ks-facts--summary dd").nth(0)
    where = page.locator("dl.ks-facts--summary dd").nth(1)
    button = page.get_by_role("link", name=CALENDAR[lang])
    for name, element in (("time", when), ("place", where), ("calendar button", button)):
        assert element.evaluate(IN_FIRST_SCREEN), f"{lang}: the {name} is not in the first screen at 360×640"
    assert "Röda kvarn" in where.inner_text()
    # Nothing nobody knows: no "Ingen uppgift" / "Not known" anywhere on the page.
    text = page.locator("article").inner_text()
    assert "Ingen uppgift" not in text and "Not known" not in text
    assert not page.locator(".ks-status--over").is_visible()  # not over on 14 June 2018


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_start_page_shows_an_upcoming_event_in_the_first_screen(phone, base_url, lang):
    page = phone()
    load(page, base_url, PREFIX[lang])
    first = page.locator('[data-ks-events="upcoming"] > li > a').first
    assert first.inner_text() == "Film: I, Daniel Blake"
    assert first.evaluate(IN_FIRST_SCREEN), f"{lang}: the next event is below the first screen"
    # Its time and place are in the list too.
    item = page.locator('[data-ks-events="upcoming"] > li').first
    assert "Röda kvarn" in item.locator(".ks-item__where").inner_text()


def test_with_nothing_coming_the_start_page_leads_with_the_latest_meeting(phone, base_url):
    page = phone(now=datetime(2018, 9, 1, 12, 0, tzinfo=STOCKHOLM))  # the film is over
    load(page, base_url, "")
    assert not page.locator('[data-ks-home="next"]').is_visible()
    latest = page.locator("#latest-meeting + ul > li > a").first
    assert latest.evaluate(IN_FIRST_SCREEN), "the latest meeting is below the first screen"
    assert page.get_by_role("heading", name="Vill du vara med?").is_visible()


def test_a_past_event_says_so_at_the_top_as_built_and_when_it_ends_in_the_browser(phone, base_url):
    # Våryra (17 May 2018) was over when the site was built: the notice is in the HTML.
    page = phone()
    load(page, base_url, VARYRA)
    notice = page.locator(".ks-status--over")
    assert notice.inner_text().strip() == "Evenemanget har varit."
    assert notice.evaluate(IN_FIRST_SCREEN)
    # The film ends at 20:00 on 23 August; the page built in June says so from then on (events.js).
    page = phone(now=datetime(2018, 8, 23, 20, 0, tzinfo=STOCKHOLM))
    load(page, base_url, "en/" + FILM)
    notice = page.locator(".ks-status--over")
    assert notice.is_visible() and notice.inner_text().strip() == "This event has ended."
    above = notice.evaluate("(n) => n.compareDocumentPosition(document.querySelector('dl.ks-facts')) & 4")
    assert above, "the notice comes before the facts"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_times_and_phone_numbers_never_break_in_the_middle(phone, base_url, lang):
    page = phone(width=320)
    load(page, base_url, PREFIX[lang] + FILM)
    for span in page.locator("dl.ks-facts .ks-nowrap").all():
        lines = span.evaluate("(s) => s.getClientRects().length")
        assert lines == 1, f"{span.inner_text()!r} is broken over {lines} lines at 320 px"
    load(page, base_url, PREFIX[lang] + "contact/")
    phone_link = page.locator('article a[href^="tel:"]')
    assert phone_link.evaluate("(a) => a.getClientRects().length") == 1


HEADING = """(h) => {
  const s = getComputedStyle(h)
  const layers = []
  for (let el = h; el; el = el.parentElement) layers.push(getComputedStyle(el).backgroundColor)
  return {size: parseFloat(s.fontSize), weight: parseInt(s.fontWeight), color: s.color, layers}
}"""


@pytest.mark.parametrize("width, scheme, size", [(360, "light", 32), (360, "dark", 32), (1280, "light", 48),
                                                 (1280, "dark", 48)])
def test_headings_are_large_bold_and_in_the_full_text_colour(new_page, base_url, width, scheme, size):
    page = new_page(width=width, scheme=scheme)
    for path in ("", FILM, "en/glossary/"):
        load(page, base_url, path)
        h1 = page.evaluate(HEADING, page.locator("#ks-content h1").element_handle())
        assert h1["size"] == size and h1["weight"] >= 700, f"/{path}: h1 is {h1['size']}px, weight {h1['weight']}"
        ratio = contrast(parse_color(h1["color"]), flatten(h1["layers"]))
        assert ratio >= 7, f"/{path} ({scheme}): the heading contrasts {ratio:.1f}:1, the design asks 7:1 (AAA)"
    # Labels are bold: the event facts and the glossary's words.
    load(page, base_url, FILM)
    assert int(page.locator("dl.ks-facts dt").first.evaluate("(d) => getComputedStyle(d).fontWeight")) >= 700
    load(page, base_url, "glossary/")
    assert int(page.locator("article dl dt").first.evaluate("(d) => getComputedStyle(d).fontWeight")) >= 700


@pytest.mark.parametrize("width", [320, 360, 1280])
@pytest.mark.parametrize("lang, full, short", [("sv", "Gemensam utvecklingsgrupp Helsingborg", "Utvecklingsgruppen"),
                                               ("en", "Joint development group Helsingborg", "Development group")])
def test_the_header_never_cuts_the_organisations_name(new_page, base_url, width, lang, full, short):
    page = new_page(width=width)
    load(page, base_url, PREFIX[lang])
    name = page.locator(".md-header__topic:first-child .ks-name")
    shown = name.inner_text().strip()
    assert shown == (short if width < 960 else full)  # the short name from mkdocs.yml on phones
    cut = name.evaluate("""(n) => [...n.querySelectorAll('*'), n].some(el =>
        el.getClientRects().length && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))""")
    assert not cut, f"{lang} at {width}px: the name {shown!r} is cut off"
    box = name.bounding_box()
    title = page.locator(".md-header__title").bounding_box()
    assert box["x"] >= title["x"] - 1 and box["x"] + box["width"] <= title["x"] + title["width"] + 1


def test_no_docs_furniture(new_page, base_url):
    page = new_page(width=1280)
    for path in ("", FILM, "contact/"):
        load(page, base_url, path)
        shown = [link for link in page.locator(".md-footer__link").all() if link.is_visible()]
        assert not shown, f"/{path}: 'Next: ...' footer links"
        empty_sidebar = page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--secondary')]
            .some(s => getComputedStyle(s).display !== 'none' && !s.querySelector('.md-nav__link'))""")
        assert not empty_sidebar, f"/{path}: an empty sidebar"
    # Without scripts the menu on a phone opens only by pointer: then the footer links are the
    # keyboard's way through the site, as the accessibility statement says.
    page = new_page(width=360, javascript=False)
    load(page, base_url, "about/")  # a page in the menu (event pages are not)
    assert page.locator(".md-footer__link").first.is_visible()


@pytest.mark.parametrize("lang, number, href", [("sv", "042-10 50 00", "tel:042105000"),
                                                ("en", "+46 42 10 50 00", "tel:+4642105000")])
def test_contact_is_a_link_to_call_on_the_contact_page_and_in_every_footer(new_page, base_url, lang, number, href):
    page = new_page(width=360)
    load(page, base_url, PREFIX[lang] + "contact/")
    assert page.locator(f'article a[href="{href}"]').inner_text() == number
    for path in ("", FILM):
        load(page, base_url, PREFIX[lang] + path)
        footer = page.locator(f'footer a[href="{href}"]')
        assert footer.inner_text() == number
        more = page.locator("footer .ks-footer__contact a").last
        assert more.get_attribute("href").rstrip("/").endswith("contact")


# Point 4: a way in for residents who cannot phone. The facts are the city's contact centre's own
# (its published address) and the national relay services run for the Post and Telecom Authority.
@pytest.mark.parametrize("lang, label", [("sv", "Om du inte kan ringa"), ("en", "If you cannot phone")])
def test_residents_who_cannot_phone_can_write_or_relay_from_the_contact_page_and_every_footer(
        new_page, base_url, lang, label):
    page = new_page(width=360)
    load(page, base_url, PREFIX[lang] + "contact/")
    mail = 'a[href="mailto:kontaktcenter@helsingborg.se"]'
    assert page.locator(f"article .ks-contact {mail}").inner_text() == "kontaktcenter@helsingborg.se"
    relay = page.locator("article .ks-contact dt", has_text=label)
    assert relay.is_visible()
    assert "Texttelefoni.se" in relay.locator("xpath=following-sibling::dd[1]").inner_text()
    for name in ("texttelefoni.se", "bildtelefoni.net"):
        assert page.locator(f'article a[href="https://www.{name}"]').is_visible()
    for path in ("", FILM):
        load(page, base_url, PREFIX[lang] + path)
        assert page.locator(f"footer {mail}").is_visible()


# Lyssna -------------------------------------------------------------------------------------------

# Chromium without a speech engine has no voices. A stand-in for the Web Speech API records what the
# page asks for: which voice, which language, which texts, pause, resume and cancel.
FAKE_SPEECH = """(() => {
  const log = []
  window.__speech = log
  const voices = VOICES
  let listeners = []
  const synth = {
    getVoices: () => voices,
    // The first four blocks are read at once; the fifth goes on until cancelled (a long paragraph).
    speak: (u) => {
      log.push(['speak', u.lang, u.voice && u.voice.lang, u.text])
      if (log.filter(e => e[0] === 'speak').length < 5) setTimeout(() => u.onend && u.onend(), 0)
    },
    pause: () => log.push(['pause']),
    resume: () => log.push(['resume']),
    cancel: () => log.push(['cancel']),
    addEventListener: (name, f) => listeners.push(f),
  }
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true})
  window.SpeechSynthesisUtterance = function (text) { this.text = text }
})()"""


def fake_speech(voices: list[str]) -> str:
    listed = ", ".join(f'{{lang: "{v}", name: "{v} voice"}}' for v in voices)
    return FAKE_SPEECH.replace("VOICES", f"[{listed}]")


@pytest.mark.parametrize("lang, voice, names", [
    ("sv", "sv-SE", ("Lyssna", "Pausa", "Fortsätt", "Sluta lyssna")),
    ("en", "en-GB", ("Listen", "Pause", "Resume", "Stop")),
])
def test_listen_reads_the_page_in_its_language_by_keyboard(phone, base_url, lang, voice, names):
    listen, pause, resume, stop = names
    page = phone(init_script=fake_speech(["de-DE", voice]))
    load(page, base_url, PREFIX[lang] + FILM)
    button = page.get_by_role("button", name=listen)
    assert button.is_visible()
    # Right under the heading, and the calendar button still in the first screen.
    assert button.evaluate("(b) => b.closest('.ks-listen').previousElementSibling.tagName") == "H1"
    assert page.get_by_role("link", name=CALENDAR[lang]).evaluate(IN_FIRST_SCREEN)
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.__speech.filter(e => e[0] === 'speak').length == 5")
    spoken = page.evaluate("window.__speech.filter(e => e[0] === 'speak')")
    assert {(e[1], e[2]) for e in spoken} == {(voice, voice)}  # the page's language, its voice
    assert spoken[0][3] == "Film: I, Daniel Blake"  # the heading first, then the text
    texts = " ".join(e[3] for e in spoken)
    assert "Röda kvarn" in texts and listen not in texts  # the page's text, not the buttons
    # Focus moved to Pause; Space pauses, then resumes; Stop ends it and Listen comes back.
    assert page.evaluate("document.activeElement.textContent") == pause
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.textContent") == resume
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.textContent") == pause
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == stop
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == listen
    log = [e[0] for e in page.evaluate("window.__speech")]
    assert "pause" in log and "resume" in log and log[-1] == "cancel"


def test_listen_is_left_out_without_a_voice_for_the_language(phone, base_url):
    page = phone(init_script=fake_speech(["en-GB"]))
    load(page, base_url, FILM)  # Swedish page, English voice only
    assert page.locator(".ks-listen").count() == 0
    page = phone()  # Chromium here has no voices at all
    load(page, base_url, FILM)
    assert page.locator(".ks-listen").count() == 0


# Print --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [FILM, "meetings/2018-06-14-film-och-nya-medlemmar/"])
def test_event_and_meeting_pages_print_without_navigation_or_buttons(phone, base_url, path):
    page = phone(width=800, height=1000, init_script=fake_speech(["sv-SE"]), media="print")
    load(page, base_url, path)
    page.wait_for_timeout(50)
    shown = page.evaluate("""() => ['.md-header', '.md-sidebar', '.md-footer', '.ks-listen', '.ks-add-to-calendar',
        '.ks-skip', '.md-search'].filter(sel => [...document.querySelectorAll(sel)]
        .some(el => getComputedStyle(el).display !== 'none'))""")
    assert shown == [], f"{path}: printed {shown}"
    assert page.locator("#ks-content h1").is_visible()
    # Web addresses are written out after their links (the event's map link; the notes have none).
    if path != FILM:
        return
    after = page.evaluate("""() => [...document.querySelectorAll('article a[href^="http"]')]
        .map(a => getComputedStyle(a, '::after').content)""")
    assert after and all(content.startswith('" (http') for content in after), after
