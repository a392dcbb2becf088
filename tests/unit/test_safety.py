"""Unsafe HTML in page bodies fails with a message naming file and line; layout HTML is fine.

The allowlist's corner cases, as a hostile contributor would try them, are the corpus in
tests/hostile/ (tests/unit/test_hostile_html.py); these are the everyday ones.
"""

from __future__ import annotations

import pytest

from klarsida.checks import check_site
from klarsida.safety import check_safety, unsafe_url
from klarsida.site import load_site
from klarsida.session import Session


def problems(tree, body: str) -> list:
    root = tree({"content/about.sv.md": "---\ntitle: Om gruppen\n---\n\n" + body})
    return check_safety(load_site(root / "content", root), Session())


@pytest.mark.parametrize(
    "body, line, start",
    [
        ("Text\n\n<script>alert(1)</script>\n", 7, "<script> är inte tillåtet i texten"),
        ("<iframe src=\"https://example.org/\"></iframe>\n", 5, "<iframe> är inte tillåtet i texten"),
        ("Hej\n<object data=\"x.swf\"></object>\n", 6, "<object> är inte tillåtet i texten"),
        ("<embed src=\"x.swf\">\n", 5, "<embed> är inte tillåtet i texten"),
        ('<div onclick="alert(1)">Klicka</div>\n', 5, "Attributet onclick på <div> kör kod"),
        ('<img src="x.png" alt="x" onerror="alert(1)">\n', 5, "Attributet onerror på <img> kör kod"),
        ("[Klicka här](javascript:alert(1))\n", 5, "Länken börjar med javascript: och kör kod"),
        ("Läs [här][1].\n\n[1]: javascript:alert(1)\n", 7, "Länken börjar med javascript: och kör kod"),
        ('<a href="JaVa&#115;cript:alert(1)">x</a>\n', 5, "Länken börjar med javascript: och kör kod"),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>\n', 5, "Länken börjar med data: och kör kod"),
        ("[Ja](https://example.org/){: onmouseover=\"alert(1)\" }\n", 5, "Attributet onmouseover på <a> kör kod"),
        # The allowlist: no style, no attributes a tag does not need, nothing from another host.
        ('<span style="color: green">Grön</span>\n', 5, "Attributet style på <span> är inte tillåtet"),
        ('<div class="grid" markdown>\nText\n</div>\n', 5, "Attributet markdown på <div> är inte tillåtet"),
        ("![Logga](data:image/png;base64,iVBORw0KGgo=)\n", 5, "Bilden är inbäddad i texten som en data:-adress"),
        ("Text\n\n![Pixel](https://evil.example/p.gif)\n", 7,
         "Bilden från en annan webbplats (https://evil.example/p.gif) är inte tillåten"),
        ('<svg><rect width="10" height="10"/></svg>\n', 5, "<svg> är inte tillåtet i texten"),
        ('<form action="https://evil.example/">\n<input name="pnr">\n</form>\n', 5, "<form> är inte tillåtet"),
        ("<style>@import url(https://evil.example/x.css);</style>\n", 5, "<style> är inte tillåtet"),
        ("<!--><img src=x onerror=alert(1)>-->\n", 5, "Attributet onerror på <img> kör kod"),
    ],
)
def test_unsafe_html_is_reported_with_file_and_line(tree, body, line, start):
    found = problems(tree, body)
    if "<form>" in start:  # and its field, on the next line
        found = [e for e in found if e.sv.startswith(start)]
    assert len(found) == 1, [e.format() for e in found]
    error = found[0]
    assert (error.path, error.line, error.level) == ("content/about.sv.md", line, "error")
    assert error.sv.startswith(start)
    assert error.en and error.example


def test_exact_message_for_a_script(tree):
    (error,) = problems(tree, "<script>alert(1)</script>\n")
    assert error.format() == (
        "content/about.sv.md:5: <script> är inte tillåtet i texten, eftersom det kan köra kod hos besökarna. "
        "Ta bort det. Vill du visa något från en annan webbplats: skriv en vanlig länk. "
        "Exempel: [Se filmen hos Filminstitutet](https://www.filminstitutet.se/)\n"
        "    (en) <script> is not allowed in the text, because it can run code in visitors' browsers. "
        "Remove it. To show something from another website, write an ordinary link. "
        "Example: [Se filmen hos Filminstitutet](https://www.filminstitutet.se/)"
    )


def test_layout_html_and_code_examples_are_allowed(tree):
    body = (
        '<div class="grid">\n<span lang="en">Green</span>\n</div>\n\n'
        '<details><summary>Mer</summary>Text med <a href="https://example.org/">länk</a>.</details>\n\n'
        "Så här ser en skript-tagg ut: `<script>`.\n\n"
        "Kodblock:\n\n    <iframe src=\"x\"></iframe>\n\n"
        "![Logga](bilder/logga.png)\n\n"
        "| Dag | Tid |\n|:----|:---:|\n| Torsdag | 18.00 |\n\n"
        "!!! note \"Bra att veta\"\n    Vi bjuder på fika.\n\n"
        "<!-- En anteckning för redaktörerna. -->\n\n"
        "[Ring oss](tel:+4642100000) eller [mejla](mailto:info@example.org).\n"
    )
    assert problems(tree, body) == []


def test_every_problem_in_a_file_is_reported_at_once(tree):
    found = problems(tree, "<script>x</script>\n\n<p onclick=\"y\">z</p>\n\n[a](javascript:z)\n")
    assert [e.line for e in found] == [5, 7, 9]


def test_safety_runs_as_a_registered_check(tree):
    root = tree({"content/about.sv.md": "<script>alert(1)</script>\n"})
    messages = [e.sv for e in check_site(load_site(root / "content", root), Session())]
    assert any(m.startswith("<script> är inte tillåtet") for m in messages)


@pytest.mark.parametrize("url", ["javascript:x", " JAVASCRIPT:x", "java\tscript:x", "vbscript:x", "data:text/html,x"])
def test_unsafe_urls(url):
    assert unsafe_url(url)


@pytest.mark.parametrize("url", ["https://example.org/", "about.md", "#x", "mailto:a@b.se", "data:image/png;base64,AA=="])
def test_safe_urls(url):
    assert unsafe_url(url) is None


def test_javascript_url_in_front_matter_is_reported_with_its_field(tree):
    event = (
        "---\ntitle: Film\nstart: 2018-08-23T17:30\nend: 2018-08-23T20:00\n"
        "place:\n  name: Röda kvarn\n  address: Karlsgatan 7, Helsingborg\n"
        "summary: Vi visar en film.\nregistration:\n  how: Anmäl dig på webben.\n"
        "  url: \"javascript:alert(1)\"\n---\n\nVälkommen.\n"
    )
    root = tree({"content/events/2018-08-23-film.sv.md": event})
    (error,) = check_safety(load_site(root / "content", root), Session())
    assert (error.path, error.line, error.field) == ("content/events/2018-08-23-film.sv.md", 11, "registration.url")
    assert error.sv.startswith("Länken börjar med javascript: och kör kod")
    assert error.example == "url: https://helsingborg.se/anmalan"
