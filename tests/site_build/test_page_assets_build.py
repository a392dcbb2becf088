"""Pages link the subset of Material's stylesheet and leave its bundle for search (issue 7)."""

from __future__ import annotations

import json
import re
from pathlib import Path

# Stylesheets and scripts a page loads (other <link>s name pages: next, alternate, ...).
LINKED = re.compile(r"""<(?:link rel="stylesheet" href|script[^>]*\bsrc)="([^"]+)\"""")


def pages(site: Path) -> list[Path]:
    # 404.html links from the site's real address (/klarsida/), not relative to itself.
    return [p for p in site.rglob("*.html") if p.name != "404.html"]


def test_every_page_links_the_subset_and_no_bundle(built_site):
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        linked = LINKED.findall(html)
        assert any(u.endswith("assets/stylesheets/material-subset.css") for u in linked), page
        assert not any(re.search(r"/(main\.[0-9a-f]+\.min\.css|bundle\.[0-9a-f]+\.min\.js)$", u) for u in linked), page
        for url in linked:
            if not url.startswith(("http:", "https:", "//")):
                assert (page.parent / url).is_file(), f"{page}: {url} is not in the site"


def test_the_loader_names_materials_files_which_are_in_the_site(built_site):
    page = built_site / "events" / "index.html"
    html = page.read_text(encoding="utf-8")
    names = json.loads(re.search(r'<script id="ks-material" type="application/json">(.*?)</script>', html).group(1))
    assert set(names) == {"bundle", "stylesheet"}
    for url in names.values():
        assert (page.parent / url).is_file(), url


def test_the_subset_is_smaller_than_materials_stylesheet(built_site):
    stylesheets = built_site / "assets" / "stylesheets"
    whole = next(stylesheets.glob("main.*.min.css")).stat().st_size
    subset = (stylesheets / "material-subset.css").stat().st_size
    assert subset < whole / 2, (subset, whole)
