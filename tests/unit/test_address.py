"""The publish guard: a placeholder site_url (or built files that link to it) stops publishing."""

from __future__ import annotations

import pytest

from klarsida.address import is_placeholder, problems
from klarsida.cli import main
from tests.conftest import REPO


@pytest.mark.parametrize("url", [None, "", "https://example.org/klarsida/", "https://www.example.com/",
                                 "https://example.net", "https://site.example/", "https://x.test/",
                                 "https://klarsida.invalid/", "http://localhost:8000/", "https://127.0.0.1/",
                                 "http://gruppen.helsingborg.se/"])
def test_placeholders(url):
    assert is_placeholder(url)


@pytest.mark.parametrize("url", ["https://gruppen.helsingborg.se/", "https://someone.github.io/klarsida/",
                                 "https://examples.org/", "https://example.org.se/"])
def test_real_addresses(url):
    assert not is_placeholder(url)


def test_the_built_files_that_link_to_the_placeholder_are_named(tmp_path):
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text('<link rel="canonical" href="https://example.org/klarsida/about/">')
    (tmp_path / "robots.txt").write_text("Sitemap: https://EXAMPLE.org/klarsida/sitemap.xml\n")
    (tmp_path / "index.html").write_text("<p>no address here</p>")
    found = problems("https://example.org/klarsida/", tmp_path, "mkdocs.yml")
    assert len(found) == 2 and "site_url i mkdocs.yml" in found[0]
    assert "2 av de byggda filerna länkar till example.org (about/index.html, robots.txt)" in found[1]
    assert problems("https://gruppen.helsingborg.se/", tmp_path) == []


def test_the_command_refuses_the_repositorys_placeholder(tmp_path, capsys, monkeypatch):
    """The repository's own mkdocs.yml still has the placeholder (the real address is not known):
    `make address`, which the publish workflow runs, fails with the place to set it."""
    monkeypatch.chdir(REPO)
    assert main(["address", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "site_url" in err and "mkdocs.yml" in err and "example.org" in err
