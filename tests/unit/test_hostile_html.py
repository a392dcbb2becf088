"""The hostile corpus (tests/hostile/html_cases.py) against the safety check: every refused case is
reported with file, line and the construct it names; every harmless case, and every page of the
real content, passes unchanged; and the check reads HTML as an independent HTML5 parser (html5lib,
a test dependency) does wherever it lets a page through.

Cases per class are listed in tests/hostile/html_cases.py (and checked here): 187 cases in 11
classes, 31 of them harmless.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import html5lib
import pytest
from html5lib import treewalkers

from klarsida import safety
from klarsida.markup import Markup
from klarsida.safety import ALLOWLIST, check_safety, review
from klarsida.session import Session
from klarsida.site import load_site
from tests.conftest import REPO
from tests.hostile import html_cases
from tests.hostile.html_cases import CASES, KINDS

FRONT = "---\ntitle: Om gruppen\n---\n\n"  # the body starts on line 5
REFUSED = [case for case in CASES if not case.accepted]
ACCEPTED = [case for case in CASES if case.accepted]


def ids(cases):
    return [f"{case.kind}-{CASES.index(case)}" for case in cases]


def check(tree, body: str) -> list:
    root = tree({"content/about.sv.md": FRONT + body + "\n"})
    return check_safety(load_site(root / "content", root), Session())


def test_the_corpus_is_large_and_its_counts_are_written_down():
    assert len(CASES) >= 100
    assert f"{len(CASES)} cases in {len(KINDS)}" in " ".join(__doc__.split())
    counts = Counter(case.kind for case in CASES)
    accepted = Counter(case.kind for case in ACCEPTED)
    written = dict(re.findall(r"^\s{4}([a-z-]+)\s+(\d+) \(\d+ accepted\)$", html_cases.__doc__, re.M))
    assert written == {kind: str(counts[kind]) for kind in KINDS} | {"total": str(len(CASES))}
    for kind in KINDS:
        assert f"{kind:<14}{counts[kind]:>3} ({accepted[kind]} accepted)" in html_cases.__doc__
    assert f"total{len(CASES):>12} ({len(ACCEPTED)} accepted)" in html_cases.__doc__
    assert len({case.body for case in CASES}) == len(CASES), "a case is written twice"


@pytest.mark.parametrize("case", REFUSED, ids=ids(REFUSED))
def test_a_hostile_case_is_refused_naming_file_line_and_construct(tree, case):
    found = check(tree, case.body)
    assert found, f"accepted: {case.body!r}"
    for error in found:
        assert error.path == "content/about.sv.md" and error.line and error.level == "error"
        assert error.sv and error.en and error.example
    named = [e for e in found if case.refused.lower() in e.sv.lower()]
    assert named, f"no message names {case.refused!r}: {[e.sv for e in found]}"
    assert any(e.line == 4 + case.line for e in named), [(e.line, e.sv) for e in named]


@pytest.mark.parametrize("case", ACCEPTED, ids=ids(ACCEPTED))
def test_a_harmless_case_passes(tree, case):
    assert check(tree, case.body) == [], case.body


def test_the_message_names_the_construct_and_what_to_write_instead(tree):
    (error,) = check(tree, "Text\n\n![Pixel](https://evil.example/pixel.gif)")
    assert error.format() == (
        "content/about.sv.md:7: Bilden från en annan webbplats (https://evil.example/pixel.gif) är inte tillåten. "
        "Webbläsaren hämtar den därifrån när sidan visas, och då får den webbplatsen veta vem som läser sidan. "
        "Spara bilden i content/ och skriv sökvägen från sidan. "
        "Exempel: ![Gruppen samlad utanför Röda kvarn](bilder/gruppen.jpg)\n"
        "    (en) The image from another website (https://evil.example/pixel.gif) is not allowed. Browsers fetch it "
        "from there when the page is shown, and that website then learns who reads the page. Save the image in "
        "content/ and write its path from the page. Example: ![Gruppen samlad utanför Röda kvarn](bilder/gruppen.jpg)"
    )


def test_the_same_construct_twice_is_reported_on_both_lines(tree):
    found = check(tree, '<img src=x onerror=alert(1)>\n\nText\n\n<img src=y onerror=alert(2)>')
    assert [e.line for e in found] == [5, 9]


def test_a_form_is_reported_with_each_of_its_fields(tree):
    phishing = next(case for case in CASES if case.kind == "forms")
    found = check(tree, phishing.body)
    assert [(e.line, e.sv.split(" ")[0]) for e in found] == [(5, "<form>"), (6, "<label>"), (6, "<input>"),
                                                             (7, "<button>")]
    assert "personnummer" in found[0].sv


def test_nothing_in_an_svg_is_reported_but_the_svg(tree):
    found = check(tree, '<svg><a xlink:href="javascript:alert(1)"><set attributeName="href" to="x"/>'
                        '<text onclick="alert(1)">x</text></a></svg>')
    assert [e.sv.split(" ")[0] for e in found] == ["<svg>"]


# The real content ------------------------------------------------------------------------------

def real_pages():
    site = load_site(REPO / "content", REPO)
    return site, site.written()


def test_every_page_of_the_real_content_passes_unchanged():
    site, pages = real_pages()
    assert len(pages) >= 30
    assert check_safety(site, Session()) == []
    markup = Markup()
    for doc in pages:
        html = markup.html(doc.body)
        result = review(html)
        assert result.problems == () and result.view == result.allowed, doc.rel
        assert tree_of(result.allowed) == tree_of(html), doc.rel


# The check reads HTML as an HTML5 parser does ------------------------------------------------

def tree_of(fragment: str) -> list[tuple]:
    """The tree an HTML5 parser (html5lib, scripting on as in browsers) builds, as a flat list."""
    parser = html5lib.HTMLParser(namespaceHTMLElements=True)
    walker = treewalkers.getTreeWalker("etree")
    found: list[tuple] = []
    for token in walker(parser.parseFragment(fragment, container="div", scripting=True)):
        kind = token["type"]
        if kind in ("StartTag", "EmptyTag"):
            attrs = tuple(sorted((name[1], value.replace("\r", "\n")) for name, value in token["data"].items()))
            found.append(("start", token["namespace"], token["name"], attrs))
        elif kind == "EndTag":
            found.append(("end", token["name"]))
        elif kind in ("Characters", "SpaceCharacters"):
            text = token["data"].replace("\r", "\n")
            if found and found[-1][0] == "text":
                found[-1] = ("text", found[-1][1] + text)
            else:
                found.append(("text", text))
        elif kind == "Comment":
            found.append(("comment", token["data"]))
    return found


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_the_view_is_what_an_html5_parser_builds_wherever_a_page_passes(case):
    """html5ever (through nh3) and html5lib agree on every page the check lets through. Where they
    differ the page is refused: what ammonia drops from the view (SVG or MathML names, template
    contents) is reported as hidden or lies inside a refused element."""
    html = Markup().html(case.body)
    result = review(html)
    same = tree_of(safety.browser_view(html)) == tree_of(html)
    if case.accepted:
        assert same and result.problems == ()
    elif not same:
        assert result.problems


def test_every_allowed_tag_and_attribute_survives_both_readings():
    table_parts = ("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td")
    parts = []
    for tag in sorted(set(ALLOWLIST.tags) - set(table_parts)):
        attrs = " ".join(f'{name}="{sample(name)}"' for name in sorted(ALLOWLIST.attributes(tag)))
        parts.append(f"<{tag} {attrs}>" + ("" if tag in ("br", "hr", "img") else f"x</{tag}>"))
    parts.append('<table class="t"><caption>c</caption><thead><tr><th scope="col" colspan="1" rowspan="1" '
                 'style="text-align: center;" align="center">h</th></tr></thead><tbody><tr><td colspan="2" '
                 'rowspan="1" style="text-align: left;">d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>')
    result = review("".join(parts))
    assert result.problems == (), result.problems
    assert result.allowed == result.view


def sample(name: str) -> str:
    return {"href": "https://example.org/", "src": "bilder/ok.png", "dir": "rtl", "lang": "ar", "scope": "row",
            "colspan": "2", "rowspan": "2", "start": "3", "width": "300", "height": "200", "open": "",
            "align": "center", "style": "text-align: right;", "rel": "nofollow noopener",
            "datetime": "2018-06-14T18:00", "role": "presentation", "aria-hidden": "true"}.get(name, "x")


def test_the_allowlist_is_one_read_only_table():
    with pytest.raises(TypeError):
        ALLOWLIST.tags["script"] = frozenset()  # type: ignore[index]
    with pytest.raises(AttributeError):
        ALLOWLIST.link_schemes = frozenset({"javascript"})  # type: ignore[misc]
    assert not {"script", "style", "svg", "math", "form", "iframe", "object", "embed", "link", "meta", "base",
                "input", "button", "textarea", "select", "template", "noscript", "video", "audio"} & set(ALLOWLIST.tags)
    assert "style" not in ALLOWLIST.everywhere and not any(a.startswith("on") for a in ALLOWLIST.everywhere)


def test_a_text_cannot_forge_the_sentinels():
    # The boxes around the view carry a new random mark each time: a text that closes the page's box
    # and opens one that looks like it is still caught.
    body = '<p>x</p></div><div data-ks-sentinel="0000000000000000"><p>Utanför</p>'
    assert "closes" in [p.kind for p in review(Markup().html(body)).problems]


@pytest.mark.parametrize("url, scheme", [
    ("javascript:x", "javascript"), (" \x01JAVA\tSCRIPT:x", "javascript"), ("https://a", "https"),
    ("bilder/x.png", None), ("//evil.example/x", None), ("a b:c", None), ("c:\\x", "c"),
])
def test_url_schemes_are_read_as_the_url_standard_does(url, scheme):
    assert safety.url_scheme(url) == scheme


@pytest.mark.parametrize("url", ["//evil.example/x", "\\\\evil.example/x", "/\\evil.example", " //evil", "/\t/evil"])
def test_addresses_naming_another_host(url):
    assert safety.other_host(url)


@pytest.mark.parametrize("url", ["bilder/x.png", "/bilder/x.png", "../x.png", "#x", ""])
def test_addresses_on_this_site(url):
    assert not safety.other_host(url)


def test_the_schemes_an_address_could_spell_include_encoded_ones():
    found = safety._schemes('<a href="java&#x0A;scr&#105;pt&colon;x">x</a> <a href="&#x01;vb\tscript:y">')
    assert {"javascript", "vbscript"} <= found


def test_the_editors_guide_examples_pass():
    guide = (REPO / "docs" / "redaktorer.md").read_text(encoding="utf-8")
    section = guide.split("## Vilken HTML du kan använda", 1)[1].split("\n## ", 1)[0]
    allowed, refused = section.split("Det här kan du använda:", 1)[1].split("Det här fungerar inte:", 1)
    examples = re.findall(r"```(?:markdown|html)\n(.*?)```", section, re.S)
    examples += [tag for tag in re.findall(r"`(<[a-z][^`]*>[^`]*)`", allowed) if "</" in tag]
    assert len(examples) >= 3
    for example in examples:
        assert review(Markup().html(example.replace("…", "text"))).problems == (), example
    for tag in ("<svg>", "<math>", "<style>"):
        assert tag in refused and review(tag).problems
