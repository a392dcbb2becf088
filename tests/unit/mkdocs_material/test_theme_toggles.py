"""Material's two hidden toggles lose the `autocomplete` HTML does not allow on checkboxes."""

from __future__ import annotations

from pathlib import Path

import material

from klarsida.mkdocs_material.theme import MATERIAL_TOGGLES, without_toggle_autocomplete


def test_the_tags_are_those_of_the_installed_material():
    # After a Material upgrade that changes them the replacement would do nothing: this says so first.
    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    for tag in MATERIAL_TOGGLES:
        assert base.count(tag) == 1, f"Material's base.html no longer has {tag}"


def test_only_the_attribute_goes():
    page = "<body>\n" + "\n".join(MATERIAL_TOGGLES) + '\n<input type="text" autocomplete="off">\n'
    assert without_toggle_autocomplete(page) == (
        "<body>\n"
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n'
        '<input type="text" autocomplete="off">\n'
    )


def test_a_page_without_them_is_unchanged():
    assert without_toggle_autocomplete("<p>autocomplete=\"off\"</p>") == "<p>autocomplete=\"off\"</p>"
