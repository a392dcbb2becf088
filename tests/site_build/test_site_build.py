"""Builds the real site (SOURCE_DATE_EPOCH pinned to 14 June 2018) and checks what residents get."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import PINNED_EPOCH, REPO, mkdocs_build

CONTENT = REPO / "content"


def source_pages() -> list[tuple[str, str]]:
    """(key, lang) for every Markdown source, e.g. ('meetings/2018-06-14-x', 'en')."""
    found = []
    for path in CONTENT.rglob("*.md"):
        stem, lang, _ = path.relative_to(CONTENT).as_posix().rsplit(".", 2)
        found.append((stem, lang))
    return sorted(found)


def output_for(site: Path, key: str, lang: str) -> Path:
    prefix = site if lang == "sv" else site / lang
    if key == "index":
        return prefix / "index.html"
    if key.endswith("/index"):
        return prefix / key[: -len("index")] / "index.html"
    return prefix / key / "index.html"


def html_lang(html: str) -> str:
    return re.search(r"<html[^>]*\blang=\"([^\"]+)\"", html).group(1)


def test_every_source_page_is_built_in_both_languages(built_site):
    keys = {key for key, _ in source_pages()}
    assert len(keys) >= 13
    for key in keys:
        for lang in ("sv", "en"):
            assert output_for(built_site, key, lang).is_file(), f"{key} ({lang}) was not built"


def test_html_lang_is_right_on_every_page(built_site):
    pages = list(built_site.rglob("index.html"))
    assert pages
    for page in pages:
        expected = "en" if page.relative_to(built_site).parts[0] == "en" else "sv"
        assert html_lang(page.read_text(encoding="utf-8")) == expected, page


def test_each_swedish_page_links_its_english_twin_and_back(built_site):
    for key, lang in source_pages():
        if lang != "en":
            continue
        sv_html = output_for(built_site, key, "sv").read_text(encoding="utf-8")
        en_html = output_for(built_site, key, "en").read_text(encoding="utf-8")
        sv_url = "/" + output_for(built_site, key, "sv").parent.relative_to(built_site).as_posix() + "/"
        en_url = "/" + output_for(built_site, key, "en").parent.relative_to(built_site).as_posix() + "/"
        sv_url = sv_url.replace("/./", "/")
        assert re.search(rf'hreflang="en"[^>]*href="[^"]*{re.escape(en_url)}"|href="[^"]*{re.escape(en_url)}"[^>]*hreflang="en"', sv_html), key
        assert re.search(rf'hreflang="sv"[^>]*href="[^"]*{re.escape(sv_url)}"|href="[^"]*{re.escape(sv_url)}"[^>]*hreflang="sv"', en_html), key


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    end = html.find("<h2", start)
    return html[start : end if end != -1 else len(html)]


def test_events_listing_before_the_screening(built_site):
    html = (built_site / "events/index.html").read_text(encoding="utf-8")
    assert "Film: I, Daniel Blake" in section(html, "upcoming")
    assert "Film: I, Daniel Blake" not in section(html, "past")
    assert "Våryra" in section(html, "past")
    english = (built_site / "en/events/index.html").read_text(encoding="utf-8")
    assert "Film: I, Daniel Blake" in section(english, "upcoming")
    assert "Upcoming events" in english


def test_events_listing_after_the_screening(tmp_path):
    # 24 August 2018: the screening has ended and moves to past events.
    result = mkdocs_build(tmp_path, epoch="1535104800")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "events/index.html").read_text(encoding="utf-8")
    assert "Film: I, Daniel Blake" in section(html, "past")
    assert "Just nu finns inga kommande evenemang." in section(html, "upcoming")


def test_meetings_listing_shows_the_latest_year_and_links_every_year(built_site):
    html = (built_site / "meetings/index.html").read_text(encoding="utf-8")
    assert "Filmvisning, nya medlemmar" in section(html, "y2018")
    assert "Besök på Kompetenscenter Norrehed" not in html
    archive = section(html, "archive")
    assert archive.index('href="2018/"') < archive.index('href="2015/"')


def test_year_page_lists_that_years_meetings(built_site):
    html = (built_site / "meetings/2015/index.html").read_text(encoding="utf-8")
    assert 'href="../2015-05-25-kompetenscenter-norrehed/"' in html
    assert "Filmvisning" not in html
    english = (built_site / "en/meetings/2018/index.html").read_text(encoding="utf-8")
    assert "Film screening, new members" in english


def test_year_pages_are_made_by_the_build_in_both_languages_and_known_to_the_sitemap(built_site):
    """No file in content/ makes them (the adapter adds them after static-i18n, which drops pages
    that are not files): both languages, the language link, the search index and the sitemap."""
    assert not list((REPO / "content" / "meetings").glob("[0-9][0-9][0-9][0-9].*.md"))
    for year in (2015, 2018):
        swedish = (built_site / f"meetings/{year}/index.html").read_text(encoding="utf-8")
        english = (built_site / f"en/meetings/{year}/index.html").read_text(encoding="utf-8")
        assert f"<h1>Möten {year}</h1>" in swedish and f"<h1>Meetings in {year}</h1>" in english
        assert f'<title>Möten {year} - ' in swedish and 'lang="sv"' in swedish and 'lang="en"' in english
        assert 'class="ks-lang__link">In English' in swedish and 'class="ks-lang__link">På svenska' in english
        sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
        assert f"/klarsida/meetings/{year}/</loc>" in sitemap
        assert f'hreflang="en" href="https://example.org/klarsida/en/meetings/{year}/"' in sitemap
    import json

    # One search index per language (klarsida/mkdocs_material/search.py): locations relative to it.
    for index_file in (built_site / "search" / "search_index.json", built_site / "en" / "search" / "search_index.json"):
        index = json.loads(index_file.read_text(encoding="utf-8"))
        assert "meetings/2018/" in {d["location"] for d in index["docs"]}, index_file


def test_start_page_shows_upcoming_and_latest_meeting(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Film: I, Daniel Blake" in section(html, "upcoming")
    assert "Filmvisning, nya medlemmar" in section(html, "latest-meeting")


def test_navigation_does_not_list_every_meeting(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "2018-06-14-film-och-nya-medlemmar" not in nav


def test_event_page_has_swedish_date_and_time(built_site):
    nowrap = re.compile(r'<span class="ks-nowrap">(.*?)</span>')  # keeps values on one line
    html = (built_site / "events/2018-08-23-i-daniel-blake/index.html").read_text(encoding="utf-8")
    assert "torsdag 23 augusti 2018 kl. 17.30–20.00" in nowrap.sub(r"\1", html)
    assert '<span class="ks-nowrap">kl. 17.30–20.00</span>' in html
    english = nowrap.sub(r"\1", (built_site / "en/events/2018-08-23-i-daniel-blake/index.html").read_text(encoding="utf-8"))
    assert "Thursday 23 August 2018, 5:30pm to 8pm" in english


def test_no_request_to_google_fonts(built_site):
    for page in built_site.rglob("*.html"):
        assert "fonts.googleapis.com" not in page.read_text(encoding="utf-8"), page


def test_broken_content_fails_the_build_with_a_message(site_copy):
    bad = site_copy / "content/meetings/2018-06-14-film-och-nya-medlemmar.sv.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("date: 2018-06-14", "date: 2018-06-31"), encoding="utf-8")
    result = mkdocs_build(site_copy / "site", config=site_copy / "mkdocs.yml", epoch=PINNED_EPOCH)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "content/meetings/2018-06-14-film-och-nya-medlemmar.sv.md:3: date:" in output
    assert "2018-06-31 finns inte i kalendern" in output
    assert "Traceback" not in output


def test_make_serve_builds_the_swedish_pages_only(tmp_path):
    # `make serve` sets this to preview Swedish edits in a third of the time (issue 7).
    result = mkdocs_build(tmp_path / "site", extra_env={"KLARSIDA_PREVIEW_LANGUAGES": "sv"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "meetings" / "2018-06-14-film-och-nya-medlemmar" / "index.html").is_file()
    assert (tmp_path / "site" / "klarsprak" / "index.html").is_file()
    assert not (tmp_path / "site" / "en").exists()
    assert 'serve --livereload' in (REPO / "Makefile").read_text(encoding="utf-8").split("\nserve:")[1].split("\n\n")[0]
    assert "KLARSIDA_PREVIEW_LANGUAGES=sv" in (REPO / "Makefile").read_text(encoding="utf-8").split("\nserve:")[1].split("\n\n")[0]


def test_search_finds_a_meeting_on_its_own_page_not_in_the_lists(built_site):
    """Listings repeat every meeting's title and summary; search leaves them out
    (data-search-exclude in the templates), so a search leads to the meeting's own page."""
    import json

    from klarsida.site import load_site

    site = load_site(CONTENT, REPO)
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for meeting in site.items("meeting", "sv"):
        own_page = meeting.key + "/"
        assert any(d["location"] == own_page and d["title"] == meeting.title for d in docs), own_page
        mentioned = {d["location"].split("#")[0] for d in docs if meeting.title in d["text"]}
        assert mentioned <= {own_page}, (meeting.title, mentioned)
