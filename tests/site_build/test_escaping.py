"""Front-matter text reaches every output as text: escaped for HTML, attributes, JSON, JSON-LD,
iCalendar and Atom, and never rendered as a template.

One build of the real site with a hostile value in every text field of a page, a meeting and an
event (both languages), then every output file of every format is checked. The value is valid
content: a title may hold `<`, quotes and braces, and readers must see exactly what was written.
"""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import icalendar
from markupsafe import escape
import pytest
import yaml

from klarsida.frontmatter import split_front_matter
from tests.conftest import mkdocs_build

EVIL = "Tom & Jerry <script>alert(\"ks-xss\")</script> \"citat\" 'apostrof' </script><img src=x onerror=alert(2)> {{ 7*7 }} {% if true %}ja{% endif %} ]]> -->"  # 146 characters: titles may have 150
# A URL is escaped for an attribute, not rejected: quotes and <> must not break out of href.
EVIL_URL = "https://example.org/anmalan?a=1&b=\"><script>alert('ks-url')</script>"
# For iCalendar: a line break must not start a second event.
EVIL_LINES = "Rad ett.\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Falskt evenemang"

BODY_TEMPLATE = "{{ 8*8 }} {% for x in [1] %}loop{% endfor %}"

PAGE = "about"
MEETING = "meetings/2018-06-14-film-och-nya-medlemmar"
EVENT = "events/2018-08-23-i-daniel-blake"


def inject(path: Path, values: dict) -> None:
    source, errors = split_front_matter(path.read_text(encoding="utf-8"), path.name)
    assert not errors
    meta = source.meta
    for dotted, value in values.items():
        target = meta
        *parents, last = dotted.split(".")
        for name in parents:
            target = target.setdefault(name, {})
        target[last] = value
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    # The body too may hold template syntax as plain text.
    path.write_text(f"---\n{front}---\n{source.body}\n\nMallkod: {BODY_TEMPLATE}\n", encoding="utf-8")


def build_hostile_site(root: Path) -> Path:
    """Copy the site sources into `root`, put hostile text in every text field, build into root/site."""
    import shutil

    from tests.conftest import REPO

    for name in ("mkdocs.yml", "content", "hooks", "overrides"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy2)(REPO / name, root / name)
    (root / "klarsida").symlink_to(REPO / "klarsida")
    for lang in ("sv", "en"):
        inject(root / "content" / f"{PAGE}.{lang}.md", {"title": EVIL, "description": EVIL, "readability_exception": EVIL})
        inject(root / "content" / f"{MEETING}.{lang}.md", {
            "title": EVIL, "summary": EVIL, "group": EVIL, "place": EVIL, "organisations": [EVIL, EVIL],
        })
        inject(root / "content" / f"{EVENT}.{lang}.md", {
            "title": EVIL, "summary": EVIL_LINES + " " + EVIL, "place.name": EVIL, "place.address": EVIL,
            "organizer.name": EVIL, "organizer.contact": EVIL, "audience": EVIL,
            "registration.how": EVIL, "registration.url": EVIL_URL,
        })
    result = mkdocs_build(root / "site", config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return build_hostile_site(tmp_path_factory.mktemp("hostile"))


class Page(HTMLParser):
    """Elements with attributes, <title> text, and the raw text of every script element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.title = ""
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("title", "script"):
            self._in = tag
            if tag == "script":
                self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def outputs(site: Path, suffix: str) -> list[Path]:
    return sorted(p for p in site.rglob(f"*{suffix}") if "assets" not in p.relative_to(site).parts)


def page_file(site: Path, key: str, lang: str) -> Path:
    return (site if lang == "sv" else site / lang) / key / "index.html"


def strings(value):
    """Every string inside decoded JSON."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


# Attribute names that would appear if a quote in the value ended an attribute early.
BREAKOUT = ("citat", "apostrof", "jerry", "onerror", "alert", "{{", "{%")


def test_no_html_output_gets_a_script_an_event_handler_or_a_broken_attribute(hostile_site):
    pages = outputs(hostile_site, ".html")
    assert len(pages) > 20
    reached = 0
    for path in pages:
        page = parse(path)
        reached += "ks-xss" in path.read_text(encoding="utf-8")
        for tag, attrs in page.elements:
            assert not (tag == "img" and attrs.get("src") == "x"), path
            for name in attrs:
                assert not any(part in name for part in BREAKOUT), (path, tag, name)
        for attrs, text in page.scripts:
            if attrs.get("type") != "application/ld+json":
                assert "ks-xss" not in text and "ks-url" not in text, path
    # The value reached the page, meeting and event pages, listings and the start page, twice over.
    assert reached >= 10


@pytest.mark.parametrize("key", [PAGE, MEETING, EVENT])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_title_element_shows_the_value_as_written(hostile_site, key, lang):
    site_name = {"sv": "Gemensam utvecklingsgrupp Helsingborg", "en": "Joint development group Helsingborg"}[lang]
    assert parse(page_file(hostile_site, key, lang)).title.strip() == f"{EVIL} - {site_name}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_meta_description_and_header_keep_the_text(hostile_site, lang):
    path = page_file(hostile_site, PAGE, lang)
    page = parse(path)
    descriptions = [a["content"] for t, a in page.elements if t == "meta" and a.get("name") == "description"]
    assert descriptions == [EVIL]
    raw = path.read_text(encoding="utf-8")
    # Header topic and heading print the escaped text; the template syntax is still there as text.
    assert raw.count(str(escape(EVIL))) >= 2
    assert "{{ 7*7 }}" in raw and "{% if true %}ja{% endif %}" in raw


def test_registration_link_stays_inside_its_href(hostile_site):
    page = parse(page_file(hostile_site, EVENT, "sv"))
    hrefs = [a.get("href") for t, a in page.elements if t == "a"]
    assert EVIL_URL in hrefs


def test_json_ld_is_valid_json_and_cannot_close_its_script(hostile_site):
    found = 0
    for path in outputs(hostile_site, ".html"):
        for attrs, text in parse(path).scripts:
            if attrs.get("type") == "application/ld+json":
                found += 1
                assert "</script" not in text.lower() and "<!--" not in text, path
                json.loads(text)
    assert found, "no JSON-LD found"
    for lang in ("sv", "en"):
        page = parse(page_file(hostile_site, EVENT, lang))
        data = [json.loads(text) for attrs, text in page.scripts if attrs.get("type") == "application/ld+json"]
        assert EVIL in set(strings(data)), lang


def test_search_index_holds_escaped_html_only(hostile_site):
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"]]
    # Material shows titles and text as HTML: the value must be escaped there.
    assert str(escape(EVIL)) in titles
    for doc in index["docs"]:
        for field in ("title", "text"):
            assert "<script>alert" not in doc[field], doc["location"]
            assert "onerror=alert" not in doc[field].replace("&lt;img src=x onerror=alert", ""), doc["location"]


def test_ics_files_parse_and_hold_one_event_each_with_the_text(hostile_site):
    files = outputs(hostile_site, ".ics")
    assert files, "no .ics output"
    for path in files:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        events = calendar.walk("VEVENT")
        assert all(str(e.get("SUMMARY")) != "Falskt evenemang" for e in events), path
        if path.stem == EVENT.split("/")[1]:
            (event,) = events
            assert str(event.get("SUMMARY")) == EVIL
            assert EVIL_LINES in str(event.get("DESCRIPTION"))
            assert EVIL in str(event.get("LOCATION"))
    raw = (hostile_site / "events" / "calendar.ics").read_text(encoding="utf-8")
    assert "\nSUMMARY:Falskt evenemang" not in raw.replace("\r\n", "\n")


def test_atom_feeds_parse_and_hold_the_text(hostile_site):
    feeds = outputs(hostile_site, ".xml")
    feeds = [p for p in feeds if p.name != "sitemap.xml"]
    assert feeds, "no feed output"
    atom = "{http://www.w3.org/2005/Atom}"
    titles = []
    for path in feeds:
        root = ET.parse(path).getroot()
        titles += [e.findtext(f"{atom}title") for e in root.iter(f"{atom}entry")]
    assert EVIL in titles
    assert ET.parse(hostile_site / "sitemap.xml").getroot() is not None


def test_readability_report_data_is_json_with_the_text(hostile_site):
    path = hostile_site / "klarsprak.json"
    assert path.is_file(), "no readability report"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert EVIL in set(strings(data))


def test_no_template_syntax_was_evaluated_anywhere(hostile_site):
    # Wherever the value arrived, its template syntax arrived with it as text: no layer rendered
    # front matter as a template (which would have turned "{{ 7*7 }}" into 49).
    reached = []
    for path in [*outputs(hostile_site, ".html"), *outputs(hostile_site, ".json"),
                 *outputs(hostile_site, ".ics"), *outputs(hostile_site, ".xml")]:
        text = path.read_text(encoding="utf-8")
        if "ks-xss" in text:
            reached.append(path.suffix)
            assert "{{ 7*7 }}" in text and "{% if true %}ja{% endif %}" in text, path
    assert {".html", ".json", ".ics", ".xml"} <= set(reached)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_readability_report_page_shows_the_text_escaped(hostile_site, lang):
    raw = page_file(hostile_site, "klarsprak", lang).read_text(encoding="utf-8")
    assert str(escape(EVIL)) in raw
    assert "<script>alert" not in raw


@pytest.mark.parametrize("key", [PAGE, MEETING, EVENT])
def test_template_syntax_in_the_body_stays_text(hostile_site, key):
    raw = page_file(hostile_site, key, "sv").read_text(encoding="utf-8")
    assert f"Mallkod: {BODY_TEMPLATE}" in raw
