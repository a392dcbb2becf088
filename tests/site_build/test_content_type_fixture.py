"""A third content type (news) takes its module, its schema and templates, and one line of
configuration: tests/fixtures/sites/news/ holds all of it, and this test adds it to a copy of the
real site, then builds, checks and scaffolds it. No file of the engine or the adapter changes."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO, mkdocs_build

FIXTURE = REPO / "tests" / "fixtures" / "sites" / "news"


@pytest.fixture
def news_site(site_copy):
    """The real site plus the fixture's news type and content, configured in mkdocs.yml."""
    shutil.copytree(FIXTURE / "types", site_copy / "types")
    shutil.copytree(FIXTURE / "content", site_copy / "content", dirs_exist_ok=True)
    config = site_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  klarsida:\n", "  klarsida:\n    content_types: [page, meeting, event, types/news.py]\n", 1)
    text = text.replace("  - Kontakt: contact.md\n", "  - Kontakt: contact.md\n  - Nyheter: news/index.md\n", 1)
    text = text.replace("            Kontakt: Contact\n", "            Kontakt: Contact\n            Nyheter: News\n", 1)
    config.write_text(text, encoding="utf-8")
    return site_copy


def klarsida(root, *args):
    return subprocess.run([sys.executable, "-m", "klarsida", *args], cwd=root, capture_output=True, text=True)


def test_the_fixture_is_a_type_module_its_schema_templates_and_content_only():
    files = sorted(p.relative_to(FIXTURE).as_posix() for p in FIXTURE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert files == [
        "content/news/2026-11-20-ny-webbplats.en.md", "content/news/2026-11-20-ny-webbplats.sv.md",
        "content/news/index.en.md", "content/news/index.sv.md",
        "types/news.json", "types/news.py",
        "types/templates/news_facts.html", "types/templates/news_listing.html", "types/templates/news_year.html",
    ]


def test_a_site_with_a_news_type_checks_builds_and_lists_it_in_both_languages(news_site, tmp_path):
    checked = klarsida(news_site, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = mkdocs_build(tmp_path / "site", config=news_site / "mkdocs.yml")
    assert built.returncode == 0, built.stdout + built.stderr
    site = tmp_path / "site"
    item = (site / "news/2026-11-20-ny-webbplats/index.html").read_text(encoding="utf-8")
    assert "Publicerad: <time datetime=\"2026-11-20\">fredag 20 november 2026</time>" in item
    listing = (site / "news/index.html").read_text(encoding="utf-8")
    assert 'href="2026-11-20-ny-webbplats/"' in listing and "Gruppen har en ny webbplats" in listing
    english = (site / "en/news/index.html").read_text(encoding="utf-8")
    assert "The group has a new website" in english
    # The type's archive: a year page made by the build, in its own words, in both languages.
    year = (site / "news/2026/index.html").read_text(encoding="utf-8")
    assert "<h1>Nyheter 2026</h1>" in year and "Gruppen har en ny webbplats" in year
    assert "<h1>News in 2026</h1>" in (site / "en/news/2026/index.html").read_text(encoding="utf-8")
    # The rest of the site is as before.
    assert (site / "meetings/2018/index.html").is_file() and (site / "events/calendar.ics").is_file()


def test_the_news_type_is_checked_against_its_own_schema(news_site):
    item = news_site / "content/news/2026-11-20-ny-webbplats.sv.md"
    item.write_text(item.read_text(encoding="utf-8").replace("summary:", "sumary:"), encoding="utf-8")
    checked = klarsida(news_site, "check")
    assert checked.returncode == 1
    assert "content/news/2026-11-20-ny-webbplats.sv.md:4: sumary: Okänt fält. Menade du summary?" in checked.stdout


def test_klarsida_new_scaffolds_the_news_type_from_its_schema(news_site):
    made = klarsida(news_site, "new", "news", "--date", "2026-12-03", "--title", "Nytt möte i december")
    assert made.returncode == 0, made.stderr
    sv = news_site / "content/news/2026-12-03-nytt-mote-i-december.sv.md"
    en = news_site / "content/news/2026-12-03-nytt-mote-i-december.en.md"
    assert sv.is_file() and en.is_file()
    text = sv.read_text(encoding="utf-8")
    assert 'title: "Nytt möte i december"' in text and "date: 2026-12-03" in text and "summary: \"FYLL I" in text
    # Until the placeholders are replaced, the check stops it.
    checked = klarsida(news_site, "check")
    assert checked.returncode == 1 and "FYLL I" in checked.stdout


def test_the_reference_of_the_site_lists_the_news_type(news_site):
    reference = klarsida(news_site, "reference")
    assert reference.returncode == 0, reference.stderr
    assert "## Nyhet\n" in reference.stdout and "Mapp: `content/news/`." in reference.stdout


def test_a_type_that_cannot_be_found_is_a_message(news_site):
    config = news_site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("types/news.py", "types/nyheter.py"), encoding="utf-8")
    checked = klarsida(news_site, "check")
    assert checked.returncode == 2 and "Traceback" not in checked.stderr
    assert "'types/nyheter.py'" in checked.stderr and "content_types: [page, meeting, event, types/news.py]" in checked.stderr
