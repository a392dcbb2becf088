"""Files in content/ that are not pages: only images and PDF that are what their names say, and
nothing on a path the build writes itself (klarsida/content_files.py)."""

from __future__ import annotations

import pytest

from klarsida.content_files import reserved_clash, reserved_outputs
from klarsida.errors import ContentInvalid
from klarsida.mkdocs_material.config import RESERVED_PATHS
from klarsida.site import Loader

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 20
AVIF = b"\x00\x00\x00\x1cftypavif" + b"\x00" * 20
PAGE = "---\ntitle: Om oss\n---\n\nVi är en grupp.\n"
RESERVED = reserved_outputs(RESERVED_PATHS, ("meetings/feed.xml", "events/calendar.ics"))


def load(tree, files):
    root = tree({"content/about.sv.md": PAGE, **files})
    return Loader().load(root / "content", root, ("sv", "en"), RESERVED)


def errors_for(tree, files) -> dict[str, str]:
    with pytest.raises(ContentInvalid) as raised:
        load(tree, files)
    found: dict[str, str] = {}
    for error in raised.value.errors:
        found[error.path] = (found.get(error.path, "") + " " + error.sv).strip()
    return found


ACCEPTED = {
    "content/bilder/karta.png": PNG,
    "content/bilder/foto.jpg": JPG,
    "content/bilder/foto2.jpeg": JPG,
    "content/bilder/anim.gif": b"GIF89a" + b"\x00" * 10,
    "content/bilder/ny.webp": WEBP,
    "content/bilder/ny.avif": AVIF,
    "content/dokument/protokoll.pdf": PDF,
    "content/en/images/map.png": PNG,
    "content/.gitkeep": b"",
    "content/.DS_Store": b"\x00\x00\x00\x01Bud1",
    "content/.git/config": b"[core]\n",
}


def test_images_and_pdf_are_accepted(tree):
    site = load(tree, ACCEPTED)
    assert site.get("about", "sv") is not None


REFUSED_TYPES = {
    # runs script in the reader's browser
    "content/evil.html": b"<script>alert(1)</script>",
    "content/evil.htm": b"<script>alert(1)</script>",
    "content/evil.xhtml": b"<html xmlns='http://www.w3.org/1999/xhtml'><script>alert(1)</script></html>",
    "content/bild.svg": b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
    "content/bild.svgz": b"\x1f\x8b",
    "content/script.js": b"alert(1)",
    "content/modul.mjs": b"alert(1)",
    "content/stil.css": b"body{background:url(https://evil.example/x)}",
    "content/data.xml": b"<?xml-stylesheet href='x.xsl'?><x/>",
    "content/omvandla.xsl": b"<xsl:stylesheet/>",
    "content/sida.shtml": b"<!--#exec cmd='ls' -->",
    # the theme's own script, replaced
    "content/assets/javascripts/events.js": b"alert(1)",
    # other kinds we do not publish
    "content/program.exe": b"MZ",
    "content/arkiv.zip": b"PK\x03\x04",
    "content/text.txt": b"hej",
    "content/flash.swf": b"FWS",
    "content/sida.php": b"<?php echo 1;",
    "content/kalender.ics": b"BEGIN:VCALENDAR",
    "content/manifest.json": b"{}",
    "content/utan-slut": b"hej",
}


@pytest.mark.parametrize("path", sorted(REFUSED_TYPES))
def test_other_kinds_of_file_are_refused_with_a_message(tree, path):
    found = errors_for(tree, {path: REFUSED_TYPES[path]})
    assert path in found, found
    assert "I content/ får bara sidor (.sv.md, .en.md), bilder och PDF ligga" in found[path]


@pytest.mark.parametrize("path", ["content/evil.html", "content/bild.svg", "content/script.js", "content/stil.css"])
def test_files_that_run_script_say_so(tree, path):
    assert "kan köra skript" in errors_for(tree, {path: REFUSED_TYPES[path]})[path]


DISGUISED = {
    "content/bild.png": b"<html><script>alert(1)</script>",
    "content/bild.jpg": b"<svg onload=alert(1)>",
    "content/bild.gif": b"<script>alert(1)</script>",
    "content/bild.webp": b"RIFF\x00\x00\x00\x00HTML<script>",
    "content/bild.avif": b"<script>alert(1)</script>",
    "content/dokument.pdf": b"<html><body onload=alert(1)>",
    "content/tom.png": b"",
}


@pytest.mark.parametrize("path", sorted(DISGUISED))
def test_a_file_that_is_not_what_its_name_says_is_refused(tree, path):
    found = errors_for(tree, {path: DISGUISED[path]})
    assert "innehåller något annat" in found[path]


def test_capital_letters_in_file_names_are_fine(tree):
    """Cameras write IMG_1234.JPG; only page names must be in small letters (test_sources.py)."""
    load(tree, {"content/Karta.PNG": PNG, "content/bilder/FOTO.JPG": JPG, "content/Protokoll.PDF": PDF})


RESERVED_CASES = {
    "content/assets/images/favicon.png": PNG,
    "content/assets/stylesheets/bild.png": PNG,
    "content/en/assets/logo.png": PNG,
    "content/search/bild.png": PNG,
    "content/404/bild.png": PNG,
    "content/sitemap.xml/bild.png": PNG,
    "content/meetings/feed.xml/bild.png": PNG,
    "content/search.sv.md": PAGE,
    "content/search.en.md": PAGE,
    "content/assets.sv.md": PAGE,
    "content/404.sv.md": PAGE,
    "content/robots.txt.sv.md": PAGE,
    "content/klarsprak.json.sv.md": PAGE,
    "content/events/calendar.ics.sv.md": PAGE,
    "content/meetings/feed.xml.sv.md": PAGE,
}


@pytest.mark.parametrize("path", sorted(RESERVED_CASES))
def test_nothing_lands_where_the_build_writes(tree, path):
    files = {path: RESERVED_CASES[path]}
    if path.endswith(".en.md"):
        files[path.replace(".en.md", ".sv.md")] = PAGE
    found = errors_for(tree, files)
    assert path in found, found
    assert "skriver bygget själv" in found[path]


def test_reserved_clash_reads_folders_and_files():
    assert reserved_clash("assets/x.png", ("assets/",)) == "assets/"
    assert reserved_clash("assets/", ("assets/",)) == "assets/"
    assert reserved_clash("assetsx/a.png", ("assets/",)) is None
    assert reserved_clash("sitemap.xml", ("sitemap.xml",)) == "sitemap.xml"
    assert reserved_clash("sitemap.xml/", ("sitemap.xml",)) == "sitemap.xml"
    assert reserved_clash("sitemap.xmlx", ("sitemap.xml",)) is None
    assert reserved_clash("bilder/search/a.png", ("search/",)) is None


def test_every_problem_is_reported_at_once(tree):
    found = errors_for(tree, {"content/a.html": b"x", "content/b.png": b"x", "content/search.sv.md": PAGE})
    assert set(found) == {"content/a.html", "content/b.png", "content/search.sv.md"}
