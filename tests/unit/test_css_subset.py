"""The subset of the theme's stylesheet that pages load (klarsida/css_subset.py, with Material's
files found by the adapter's klarsida/mkdocs_material/theme.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import tinycss2

from klarsida import css_subset
from klarsida.css_subset import StylesheetSubset, class_names, stylesheet_subset
from klarsida.mkdocs_material import theme



def rules(css: str) -> list[str]:
    return [tinycss2.serialize([r]) for r in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)]


def material_folder() -> Path:
    import material  # installed with the site's dependencies

    return Path(material.__file__).parent / "templates"


@pytest.mark.parametrize(
    "css, classes, kept",
    [
        (".a{color:red}.b{color:blue}", {"a"}, ".a{color:red}"),
        ("p{margin:0}", set(), "p{margin:0}"),
        (".a .b,.a .c{x:1}", {"a", "c"}, ".a .c{x:1}"),  # only the selector that can match
        (".a.b{x:1}", {"a"}, ""),  # both classes are needed
        ("a:not(.gone){x:1}", set(), "a:not(.gone){x:1}"),  # the class is not required
        (":is(.a,.gone) p{x:1}", set(), ":is(.a,.gone) p{x:1}"),
        ('a[href$=".pdf"]{x:1}', set(), 'a[href$=".pdf"]{x:1}'),  # not a class
        (".\\31 0{x:1}", set(), ".\\31 0{x:1}"),  # escaped names are kept, not guessed
        ("[data-md-color-scheme=slate]{x:1}", set(), "[data-md-color-scheme=slate]{x:1}"),
        ("@media print{.a{x:1}.b{y:2}}", {"b"}, "@media print{.b{y:2}}"),
        ("@media print{.a{x:1}}", set(), ""),  # an empty group goes too
        ("@supports (display:grid){@media screen{.a{x:1}}}", {"a"}, "@supports (display:grid){@media screen{.a{x:1}}}"),
        ("@keyframes spin{0%{x:1}}.gone{y:2}", set(), "@keyframes spin{0%{x:1}}"),
        ("@font-face{font-family:x}", set(), "@font-face{font-family:x}"),
        (":root{--icon:url(\"a.svg\")}", set(), ":root{--icon:url(\"a.svg\")}"),
    ],
)
def test_keeps_the_rules_that_can_match(css, classes, kept):
    assert stylesheet_subset(css, classes) == kept


def test_keeps_the_order_of_the_rules():
    css = ".b{x:1}.a{x:2}.b{x:3}.gone{x:4}"
    assert stylesheet_subset(css, {"a", "b"}) == ".b{x:1}.a{x:2}.b{x:3}"


def test_every_class_used_keeps_all_of_materials_stylesheet():
    """The subset is written by tinycss2's serializer: with every class in use, the same rules."""
    assets = theme.theme_assets([material_folder()])
    css = (material_folder() / assets.stylesheet).read_text(encoding="utf-8")
    every_class = set(css_subset._CLASS_SELECTOR.findall(css)) | {"x"}
    assert rules(stylesheet_subset(css, every_class)) == rules(css)


def test_class_names_in_every_way_html_writes_them():
    html = """<p class="a b">x</p><p class='c'>y</p><p class=d>z</p><p data-class="no">"""
    assert class_names(html) == {"a", "b", "c", "d"}


def test_script_words_keep_rules_for_classes_scripts_add():
    assert {"ks-toggle", "md-header__button"} <= css_subset.script_words(
        'button.className = label.className + " ks-toggle"; x.closest(".md-header__button")'
    )


def test_finds_materials_files_and_prefers_the_first_folder(tmp_path):
    override = tmp_path / "overrides" / "assets" / "javascripts"
    override.mkdir(parents=True)
    (override / "bundle.0000.min.js").write_text("", encoding="utf-8")
    assets = theme.theme_assets([tmp_path / "overrides", material_folder()])
    assert assets.bundle == "assets/javascripts/bundle.0000.min.js"
    assert assets.stylesheet.startswith("assets/stylesheets/main.") and assets.folder == material_folder()
    assert assets.subset == "assets/stylesheets/material-subset.css"


def test_a_theme_without_the_files_says_what_is_missing(tmp_path):
    with pytest.raises(theme.ThemeAssetsMissing) as error:
        theme.theme_assets([tmp_path])
    assert "assets/stylesheets/main.*.min.css" in str(error.value) and str(tmp_path) in str(error.value)


def make_theme(tmp_path: Path, css: str) -> theme.ThemeAssets:
    folder = tmp_path / "theme"
    for name, text in {"assets/stylesheets/main.1.min.css": css, "assets/stylesheets/palette.1.min.css": "",
                       "assets/javascripts/bundle.1.min.js": ""}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return theme.theme_assets([folder])


def test_collects_pages_and_scripts_and_writes_the_subset(tmp_path):
    assets = make_theme(tmp_path, ".page{x:1}.script{x:2}.gone{x:3}")
    scripts = tmp_path / "js"
    scripts.mkdir()
    (scripts / "a.js").write_text('el.classList.add("script")', encoding="utf-8")
    subset = StylesheetSubset(Path(assets.folder, assets.stylesheet), assets.subset, [scripts])
    subset.add_page('<div class="page"></div>')
    full, size = subset.write(tmp_path / "site")
    written = (tmp_path / "site" / "assets" / "stylesheets" / "material-subset.css").read_text(encoding="utf-8")
    assert ".page{x:1}.script{x:2}\n" in written and ".gone" not in written
    assert full == len(".page{x:1}.script{x:2}.gone{x:3}") and size == len(written.encode())


def test_makes_the_subset_again_only_when_a_class_was_added(tmp_path, monkeypatch):
    assets = make_theme(tmp_path, ".a{x:1}.b{x:2}")
    made = []
    real = css_subset.subset
    monkeypatch.setattr(css_subset, "subset", lambda rules, classes: made.append(1) or real(rules, classes))
    subset = StylesheetSubset(Path(assets.folder, assets.stylesheet), assets.subset, [])
    subset.add_page('<p class="a">')
    assert subset.css() == ".a{x:1}"
    subset.add_page('<p class="a">')  # the other language's twin: nothing new
    assert subset.css() == ".a{x:1}" and len(made) == 1
    subset.add_page('<p class="b">')
    assert subset.css() == ".a{x:1}.b{x:2}" and len(made) == 2
