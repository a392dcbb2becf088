"""Head tags for search engines and link previews: description, canonical, alternates, Open Graph."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from klarsida.markup import Markup
from klarsida.seo import DESCRIPTION_MAX, alternates, canonical, description, head_tags, og_locale, robots_txt
from klarsida.site import load_site

SITE_URL = "https://example.org/klarsida/"
FILES = {
    "content/index.sv.md": "---\ndescription: Vi utvecklar stödet tillsammans.\n---\n# Start\n",
    "content/index.en.md": "---\ndescription: We develop the support together.\n---\n# Home\n",
    "content/about.sv.md": "# Om gruppen\n\nGruppen **träffas** varje månad. Alla får komma.\n\nAndra stycket.\n\n"
                           "![Gruppen på Dunkers](gruppen.jpg)\n",
    "content/glossary.sv.md": "---\ndescription: \"Ord & förkortningar <förklarade>\"\n---\n# Ordlista\n\nText.\n",
    "content/long.sv.md": "# Lång\n\n" + "ord " * 100 + "\n",
}


@pytest.fixture
def site(tree):
    root = tree(FILES)
    return load_site(root / "content", root)


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parsed(tags) -> list[tuple[str, dict]]:
    head = Head()
    head.feed("".join(str(t) for t in tags))
    return head.tags


def test_description_is_the_summary_else_the_first_paragraph(site):
    to_html = Markup().html
    assert description(site.get("index", "sv"), to_html) == "Vi utvecklar stödet tillsammans."
    assert description(site.get("about", "sv"), to_html) == "Gruppen träffas varje månad. Alla får komma."
    long = description(site.get("long", "sv"), to_html)
    assert len(long) <= DESCRIPTION_MAX and long.endswith("ord…")


def test_alternates_are_absolute_reciprocal_with_x_default(site):
    sv = alternates(site, site.get("index", "sv"), ("sv", "en"), SITE_URL)
    en = alternates(site, site.get("index", "en"), ("sv", "en"), SITE_URL)
    assert sv == en  # the same set on both versions: reciprocal
    assert [(a.hreflang, a.url) for a in sv] == [
        ("sv", "https://example.org/klarsida/"), ("en", "https://example.org/klarsida/en/"),
        ("x-default", "https://example.org/klarsida/"),
    ]
    # A page in one language only has no alternates; nothing absolute without a site_url.
    assert alternates(site, site.get("about", "sv"), ("sv", "en"), SITE_URL) == []
    assert alternates(site, site.get("index", "sv"), ("sv", "en"), None) == []


def test_canonical_of_a_fallback_copy_is_the_original(site):
    about = site.get("about", "sv")
    assert canonical(site, about, "sv", SITE_URL) == "https://example.org/klarsida/about/"
    assert canonical(site, about, "en", SITE_URL) == "https://example.org/klarsida/about/"
    assert canonical(site, site.get("index", "en"), "en", SITE_URL) == "https://example.org/klarsida/en/"


def test_open_graph_in_the_pages_language_and_escaped(site):
    tags = parsed(head_tags(site, site.get("glossary", "sv"), "sv", SITE_URL, "Gemensam utvecklingsgrupp",
                            Markup().html, ("sv", "en")))
    meta = {(a.get("property") or a.get("name")): a.get("content") for t, a in tags if t == "meta"}
    assert meta["description"] == meta["og:description"] == "Ord & förkortningar <förklarade>"
    assert meta["og:title"] == "Ordlista" and meta["og:locale"] == "sv_SE" and meta["og:type"] == "article"
    assert meta["og:url"] == "https://example.org/klarsida/glossary/"
    assert meta["og:site_name"] == "Gemensam utvecklingsgrupp" and meta["twitter:card"] == "summary"
    home = parsed(head_tags(site, site.get("index", "en"), "en", SITE_URL, "Joint development group",
                            Markup().html, ("sv", "en")))
    meta = {(a.get("property") or a.get("name")): a.get("content") for t, a in home if t == "meta"}
    assert meta["og:type"] == "website" and meta["og:locale"] == "en_US" and meta["og:locale:alternate"] == "sv_SE"
    assert [a["hreflang"] for t, a in home if t == "link" and a.get("rel") == "alternate"] == ["sv", "en", "x-default"]


def test_the_pages_first_image_is_og_image(site):
    from klarsida.publish import head_tags as page_head

    html = page_head(site, site.get("about", "sv"), "sv", "about/", SITE_URL, site_name="G", to_html=Markup().html)
    assert '<meta property="og:image" content="https://example.org/klarsida/about/gruppen.jpg">' in html
    assert "og:image" not in page_head(site, site.get("glossary", "sv"), "sv", "glossary/", SITE_URL, site_name="G", to_html=Markup().html)


def test_og_locale_from_cldr():
    assert (og_locale("sv"), og_locale("en"), og_locale("ar")) == ("sv_SE", "en_US", "ar_EG")


def test_robots_txt_names_the_sitemap():
    assert robots_txt(SITE_URL).decode() == (
        "User-agent: *\nAllow: /\nSitemap: https://example.org/klarsida/sitemap.xml\n")
    assert "Sitemap" not in robots_txt(None).decode()
