"""Internal links, anchors and alt texts: checked by the engine with the site's Markdown setup."""

from __future__ import annotations

from klarsida.links import check_links
from klarsida.site import load_site
from klarsida.session import Session
from tests.conftest import REPO

ABOUT_SV = "---\ntitle: Om gruppen\n---\n\n# Om gruppen\n\n## Vilka är med?\n\nText.\n"
ABOUT_EN = "---\ntitle: About the group\n---\n\n# About the group\n\n## Who takes part?\n\nText.\n"
MEETING = (
    "---\ntitle: Möte\ndate: 2018-06-14\nsummary: Vi träffades.\n---\n\n{body}\n"
)


def problems(tree, files: dict) -> list:
    root = tree({"content/about.sv.md": ABOUT_SV, "content/about.en.md": ABOUT_EN, **files})
    return check_links(load_site(root / "content", root), Session())


def test_links_between_pages_and_to_anchors_pass(tree):
    files = {
        "content/index.sv.md": "[Om](about.md) [Vilka](about.md#vilka-ar-med) [Svensk fil](about.sv.md) [Här](#start)\n\n## Start\n",
        "content/index.en.md": "[Who](about.md#who-takes-part) [Events](events/index.md#upcoming)\n",
        "content/events/index.sv.md": "---\ntitle: Evenemang\n---\n\nHär ser du vad som händer.\n",
        "content/meetings/2018-06-14-mote.sv.md": MEETING.format(body="[Om gruppen](../about.md#vilka-ar-med) [År](index.md#y2018)"),
        "content/meetings/index.sv.md": "---\ntitle: Möten\n---\n\nVåra möten.\n",
    }
    assert problems(tree, files) == []


def test_link_to_a_missing_page(tree):
    files = {"content/index.sv.md": "Hej.\n\nLäs [om oss](om-oss.md).\n"}
    (error,) = problems(tree, files)
    assert error.format() == (
        "content/index.sv.md:3: Sidan om-oss.md finns inte. Kolla stavningen och var filen ligger. "
        "Exempel: [Evenemang](../events/2015-06-11-klarsprak.md)\n"
        "    (en) The page om-oss.md does not exist. Check the spelling and where the file is. "
        "Example: [Evenemang](../events/2015-06-11-klarsprak.md)"
    )
    assert (error.path, error.line) == ("content/index.sv.md", 3)
    assert error.sv == "Sidan om-oss.md finns inte. Kolla stavningen och var filen ligger."


def test_link_to_a_missing_anchor_lists_the_headings_there(tree):
    files = {"content/index.sv.md": "[Vilka](about.md#vilka-ar-mer)\n"}
    (error,) = problems(tree, files)
    assert (error.path, error.line) == ("content/index.sv.md", 1)
    assert error.sv == (
        "Rubriken #vilka-ar-mer finns inte på sidan content/about.sv.md. "
        "Rubriker som finns: #om-gruppen, #vilka-ar-med."
    )
    assert error.example == "[Läs mer](about.md#om-gruppen)"


def test_anchor_is_checked_in_the_readers_language(tree):
    # The English page links about.md, which readers get as about.en.md: its headings are English.
    files = {"content/index.sv.md": "Hej\n", "content/index.en.md": "[Who](about.md#vilka-ar-med)\n"}
    (error,) = problems(tree, files)
    assert error.path == "content/index.en.md"
    assert "content/about.en.md" in error.sv


def test_anchor_on_the_same_page(tree):
    files = {"content/index.sv.md": "## Start\n\n[Upp](#start) [Fel](#slut)\n"}
    (error,) = problems(tree, files)
    assert error.sv.startswith("Rubriken #slut finns inte på sidan content/index.sv.md.")


def test_root_relative_and_unknown_links(tree):
    files = {"content/index.sv.md": "[Om](/about/)\n\n[Fil](broschyr.pdf)\n"}
    first, second = problems(tree, files)
    assert first.line == 1 and first.sv.startswith("Länken /about/ börjar med /.")
    assert second.line == 3 and second.sv.startswith("Länken broschyr.pdf leder ingenstans.")


def test_links_to_files_beside_pages_pass(tree):
    files = {
        "content/index.sv.md": "[Broschyr](filer/broschyr.pdf)\n\n![Gruppen på trappan](bilder/grupp.jpg)\n",
        "content/filer/broschyr.pdf": b"%PDF-1.4\n",
        "content/bilder/grupp.jpg": b"\xff\xd8\xff",
    }
    assert problems(tree, files) == []


def test_image_without_alt_text(tree):
    files = {"content/index.sv.md": "Hej.\n\n![](bilder/grupp.jpg)\n", "content/bilder/grupp.jpg": b"\xff\xd8\xff"}
    (error,) = problems(tree, files)
    assert (error.path, error.line) == ("content/index.sv.md", 3)
    assert error.sv == "Bilden bilder/grupp.jpg saknar alt-text. Skriv kort vad bilden visar, för den som inte ser den."
    assert error.example == "![Gruppen samlad utanför Röda kvarn](bilder/grupp.jpg)"


def test_decorative_image_may_have_empty_alt(tree):
    files = {"content/index.sv.md": '<img src="bilder/linje.png" alt="" role="presentation">\n', "content/bilder/linje.png": b"\x89PNG\r\n\x1a\n"}
    assert problems(tree, files) == []


def test_missing_image_file(tree):
    files = {"content/index.sv.md": "![Gruppen](bilder/finns-inte.jpg)\n"}
    (error,) = problems(tree, files)
    assert error.sv.startswith("Bilden bilder/finns-inte.jpg finns inte.")


def test_external_links_are_left_to_linkcheck(tree):
    files = {"content/index.sv.md": "[A](https://example.invalid/) [B](mailto:a@b.se) [C](tel:+4642100000)\n"}
    assert problems(tree, files) == []


def test_the_real_content_has_no_broken_links():
    site = load_site(REPO / "content", REPO)
    assert [e.format() for e in check_links(site, Session())] == []


def test_an_address_no_browser_could_follow(tree):
    files = {"content/index.sv.md": "Hej.\n\n[Lokalt](http://[::1)\n\n<img>\n"}
    first, second = problems(tree, files)
    assert (first.line, first.sv) == (3, "Länken http://[::1 är inte en riktig adress. Kolla tecknen i den.")
    assert second.sv.startswith("Bilden saknar alt-text.")


def test_a_misspelt_page_link_suggests_the_page_it_looks_like(tree):
    files = {"content/meetings/2018-06-14-mote.sv.md": MEETING.format(body="Se [oss](../abuot.md).")}
    (error,) = problems(tree, files)
    assert error.sv == "Sidan ../abuot.md finns inte. Menade du ../about.md? Kolla stavningen och var filen ligger."
    assert error.example == "[Läs mer](../about.md)"
