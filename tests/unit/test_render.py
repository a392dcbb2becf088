"""HTML the engine adds to pages: escaped values, relative links, untranslated pages marked."""

from datetime import datetime

from klarsida.clock import STOCKHOLM
from klarsida.render import enrich_page
from klarsida.site import load_site

NOW = datetime(2018, 6, 14, 12, 0, tzinfo=STOCKHOLM)

FILES = {
    "content/index.sv.md": "# Start\n",
    "content/index.en.md": "# Home\n",
    "content/meetings/index.sv.md": "# Möten\n",
    "content/meetings/index.en.md": "# Meetings\n",
    "content/events/index.sv.md": "# Evenemang\n",
    "content/meetings/2018-06-14-film.sv.md": """
        ---
        title: "Film & <samtal> \\"i kväll\\""
        date: 2018-06-14
        summary: Vi visar {{ 7*7 }} filmer.
        group: Gemensam utvecklingsgrupp
        next_meeting: 2018-07-12
        ---
        Text.
        """,
    "content/events/2018-08-23-film.sv.md": """
        ---
        title: Film
        start: 2018-08-23T17:30
        end: 2018-08-23T20:00
        place:
          name: Röda kvarn
          address: Karlsgatan 7, Helsingborg
        summary: Vi visar en film.
        ---
        Text.
        """,
}


def load(tree):
    root = tree(FILES)
    return load_site(root / "content", root)


def test_meeting_page_gets_escaped_heading_and_facts(tree):
    site = load(tree)
    doc = site.get("meetings/2018-06-14-film", "sv")
    html = enrich_page(site, doc, "sv", "<p>Text.</p>", NOW)
    assert html.startswith("<h1>Film &amp; &lt;samtal&gt; &#34;i kväll&#34;</h1>")
    assert '<time datetime="2018-06-14">torsdag 14 juni 2018</time>' in html
    assert "torsdag 12 juli 2018" in html
    assert html.endswith("<p>Text.</p>")


def test_existing_heading_is_kept_and_facts_follow_it(tree):
    site = load(tree)
    doc = site.get("events/2018-08-23-film", "sv")
    html = enrich_page(site, doc, "sv", '<h1 id="x">Egen rubrik</h1><p>Text.</p>', NOW)
    assert html.count("<h1") == 1
    assert html.index("Egen rubrik") < html.index('class="ks-facts ks-facts--summary"') < html.index("<p>Text.</p>")


def test_meetings_listing_escapes_titles_and_never_renders_templates(tree):
    site = load(tree)
    html = enrich_page(site, site.get("meetings/index", "sv"), "sv", "<h1>Möten</h1>", NOW)
    assert "Film &amp; &lt;samtal&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html
    assert 'href="2018-06-14-film/"' in html


def test_untranslated_item_in_english_listing_is_marked_swedish(tree):
    site = load(tree)
    html = enrich_page(site, site.get("meetings/index", "en"), "en", "<h1>Meetings</h1>", NOW)
    assert '<li class="ks-item" lang="sv">' in html
    assert '<span lang="en">(in Swedish)</span>' in html
    # The English reader is sent to the English URL, where the fallback copy lives.
    assert 'href="2018-06-14-film/"' in html


def test_untranslated_page_in_english_build_says_so_and_marks_language(tree):
    site = load(tree)
    doc = site.get("events/index", "sv")
    html = enrich_page(site, doc, "en", "<h1>Evenemang</h1>", NOW)
    assert "has not been translated into English yet" in html
    assert '<div lang="sv">' in html


def test_start_page_lists_upcoming_and_latest_meeting_with_links(tree):
    site = load(tree)
    html = enrich_page(site, site.get("index", "en"), "en", "<h1>Home</h1>", NOW)
    assert 'href="events/2018-08-23-film/"' in html
    assert 'href="meetings/2018-06-14-film/"' in html
    assert 'href="events/"' in html and 'href="meetings/"' in html


def test_empty_listings_say_so(tree):
    root = tree({"content/events/index.sv.md": "# Evenemang\n"})
    site = load_site(root / "content", root)
    html = enrich_page(site, site.get("events/index", "sv"), "sv", "<h1>Evenemang</h1>", NOW)
    assert "Just nu finns inga kommande evenemang." in html
    assert "Det finns inga tidigare evenemang." in html


def test_start_page_says_when_an_upcoming_event_is_cancelled_and_when_it_ends(tree):
    files = dict(FILES)
    files["content/events/2018-08-23-film.sv.md"] = files["content/events/2018-08-23-film.sv.md"].replace(
        "summary:", "status: cancelled\n        summary:")
    root = tree(files)
    site = load_site(root / "content", root)
    html = enrich_page(site, site.get("index", "sv"), "sv", "<h1>Start</h1>", NOW)
    upcoming = html[html.index('id="upcoming"'):html.index('id="latest-meeting"')]
    assert "Inställt" in upcoming  # the same item as on the events listing
    assert 'data-ks-ends="2018-08-23T20:00:00+02:00"' in upcoming  # events.js takes it off once over
    assert '<section class="ks-home-next" data-ks-home="next"' in html  # ... and then this section


def start_page(tree, files, now=NOW):
    root = tree(files)
    site = load_site(root / "content", root)
    return enrich_page(site, site.get("index", "sv"), "sv", "<h1>Start</h1><p>Välkommen.</p>", now)


CONTACT = {"content/contact.sv.md": '---\ntitle: Kontakt\ncontact:\n  phone: "042-10 50 00"\n---\n# Kontakt\n'}


def test_start_page_leads_with_the_next_event_and_meeting(tree):
    html = start_page(tree, {**FILES, **CONTACT})
    # Right under the heading, before the page's own text.
    assert html.index("</h1>") < html.index('id="upcoming"') < html.index("Film</a>") < html.index("<p>Välkommen.</p>")
    assert 'Nästa möte är torsdag <span class="ks-nowrap">12 juli 2018</span>.' in html
    assert html.index('id="upcoming"') < html.index('id="latest-meeting"') < html.index('id="take-part"')
    assert '<a href="contact/">Kontakta oss, så berättar vi hur du kan vara med.</a>' in html
    assert "Just nu finns inga" not in html


def test_start_page_with_nothing_coming_leads_with_the_latest_notes_and_how_to_take_part(tree):
    html = start_page(tree, {**FILES, **CONTACT}, now=datetime(2018, 9, 1, 12, 0, tzinfo=STOCKHOLM))
    assert 'id="upcoming"' not in html and "Nästa möte" not in html
    assert "Just nu finns inga" not in html  # never only "nothing upcoming"
    assert html.index("</h1>") < html.index('id="latest-meeting"') < html.index('id="take-part"') < html.index("Välkommen")
    assert 'href="meetings/2018-06-14-film/"' in html


def test_contact_facts_are_links_a_phone_can_act_on(tree):
    from klarsida.render import footer_contact, tel_href

    root = tree({**FILES, "content/contact.sv.md": (
        '---\ntitle: Kontakt\ncontact:\n  phone: "042-10 50 00"\n  email: kontakt@example.org\n'
        '  text: "Skicka sms till 070-000 00 00."\n  hours:\n    - "Måndag–fredag kl. 8.00–17.00"\n---\n# Kontakt\n')})
    site = load_site(root / "content", root)
    html = enrich_page(site, site.get("contact", "sv"), "sv", "<h1>Kontakt</h1>", NOW)
    assert '<a href="tel:042105000" class="ks-nowrap">042-10 50 00</a>' in html
    assert '<a href="mailto:kontakt@example.org">kontakt@example.org</a>' in html
    assert "<dt>Om du inte kan ringa</dt>" in html and '<span class="ks-nowrap">070-000 00 00</span>' in html
    assert "<dt>Öppettider</dt>" in html and "<dt>Besöksadress</dt>" not in html  # only what is known
    assert tel_href("+46 42 10 50 00") == "tel:+4642105000"
    footer = footer_contact(site, "sv")
    assert footer["phone"] == "042-10 50 00" and footer["tel"] == "tel:042105000" and footer["page"] == "contact/"
    # A page without contact facts shows none; a site without a contact page has no footer facts.
    assert "ks-contact" not in enrich_page(site, site.get("index", "sv"), "sv", "<h1>Start</h1>", NOW).split('id="take-part"')[0]


def test_a_site_without_contact_facts_has_none_in_the_footer(tree):
    from klarsida.render import footer_contact

    assert footer_contact(load(tree), "sv") is None


def test_nowrap_keeps_times_dates_and_numbers_whole_and_escapes():
    from klarsida.render import nowrap

    assert str(nowrap("torsdag 23 augusti 2018 kl. 17.30–20.00")) == (
        'torsdag <span class="ks-nowrap">23 augusti 2018</span> <span class="ks-nowrap">kl. 17.30–20.00</span>')
    assert str(nowrap("Thursday 23 August 2018, 5:30pm to 8pm")) == (
        'Thursday <span class="ks-nowrap">23 August 2018</span>, <span class="ks-nowrap">5:30pm to 8pm</span>')
    assert str(nowrap("Ring <b>042-10 50 00</b>")) == 'Ring &lt;b&gt;<span class="ks-nowrap">042-10 50 00</span>&lt;/b&gt;'


def test_exactly_the_pages_named_as_listings_show_other_pages(tree):
    """The preview rebuilds `lists_other_pages` after every edit: it must name every page whose
    body shows another page, and only those."""
    from klarsida.listings import lists_other_pages

    root = tree({**FILES, "content/meetings/2018.sv.md": "# Möten 2018\n", "content/about.sv.md": "# Om oss\n"})
    site = load_site(root / "content", root)
    others = {"meetings/2018-06-14-film": "Vi visar {{ 7*7 }} filmer.", "events/2018-08-23-film": "Film</a>"}
    for (key, lang), doc in site.documents.items():
        html = enrich_page(site, doc, lang, "<h1>Sida</h1>", NOW)
        shows = any(text in html for other, text in others.items() if other != key)
        assert shows == lists_other_pages(site, key), key
