"""The 404 page of each language: where it is written, and the addresses it links to."""

from __future__ import annotations

from klarsida.mkdocs_material.not_found import NotFoundPages, language_root, redirects


def test_language_roots_are_absolute_paths():
    assert language_root("sv", "/klarsida/", "sv") == "/klarsida/"
    assert language_root("en", "/klarsida/", "sv") == "/klarsida/en/"
    assert language_root("en", "/", "sv") == "/en/"
    assert redirects("/klarsida/", ("sv", "en", "ar"), "sv") == {
        "/klarsida/en/": "/klarsida/en/404.html", "/klarsida/ar/": "/klarsida/ar/404.html"}


def test_the_default_language_page_is_at_the_root_whatever_was_built_last(tmp_path):
    pages = NotFoundPages()
    pages.rendered("sv", "<html lang=sv>")
    pages.write(tmp_path, "sv")
    (tmp_path / "404.html").write_text("<html lang=en>", encoding="utf-8")  # the English build's own
    pages.rendered("en", "<html lang=en>")
    pages.write(tmp_path, "sv")
    assert (tmp_path / "404.html").read_text(encoding="utf-8") == "<html lang=sv>"
    assert (tmp_path / "en" / "404.html").read_text(encoding="utf-8") == "<html lang=en>"
