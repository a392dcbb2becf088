"""The real build: site/klarsprak.json, the report page, targets in the strict build, review mode."""

from __future__ import annotations

import json
import re

from tests.conftest import PINNED_EPOCH, REPO, mkdocs_build

SV_TARGETS = {"lix_max": 40, "long_sentence_share_max": 0.25}


def rows(site):
    return json.loads((site / "klarsprak.json").read_text(encoding="utf-8"))


def test_klarsprak_json_holds_every_page_of_both_languages_at_the_site_root(built_site):
    data = rows(built_site)
    sources = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "content").rglob("*.md"))
    assert sorted(r["path"] for r in data) == sources
    assert {r["lang"] for r in data} == {"sv", "en"}
    # The English build writes into site/en/; the file must not be split or duplicated there.
    assert not (built_site / "en" / "klarsprak.json").exists()
    for row in data:
        assert {"url", "lang", "words", "sentences", "long_words", "lix", "findings", "exception"} <= set(row)
        prefix = "en/" if row["lang"] == "en" else ""
        assert row["url"].startswith(prefix)
        page = built_site / row["url"] / "index.html"
        assert page.is_file(), row["url"]
    english = [r for r in data if r["lang"] == "en"]
    assert all(isinstance(r["flesch"], float) for r in english)


def test_every_swedish_page_meets_the_target_without_exceptions(built_site):
    swedish = [r for r in rows(built_site) if r["lang"] == "sv"]
    assert len(swedish) >= 14
    over = [(r["path"], r["lix"], r["long_sentence_share"]) for r in swedish
            if r["lix"] > SV_TARGETS["lix_max"] or r["long_sentence_share"] > SV_TARGETS["long_sentence_share_max"]]
    assert over == []
    assert [r["path"] for r in swedish if r["exception"]] == []


def test_build_and_cli_give_the_same_figures(built_site):
    from klarsida.cli import main
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["score", "--json", str(REPO / "content" / "about.sv.md")]) == 0
    (cli,) = json.loads(out.getvalue())
    (built,) = [r for r in rows(built_site) if r["path"] == "content/about.sv.md"]
    for key in ("words", "sentences", "long_words", "lix", "long_sentence_share", "findings"):
        assert cli[key] == built[key], key


def test_report_page_lists_pages_worst_first_and_is_linked_from_about(built_site):
    html = (built_site / "klarsprak" / "index.html").read_text(encoding="utf-8")
    table = html[html.index('id="klarsprak-sv"'):html.index('id="klarsprak-en"')]
    values = [float(v) for v in re.findall(r"</a></th>\s*<td>([\d.]+)[ <]", table)]
    swedish = [r for r in rows(built_site) if r["lang"] == "sv"]
    assert len(values) == len(swedish) and values == sorted(values, reverse=True)
    assert "Så räknar vi" in html
    assert 'href="klarsprak/"' not in (built_site / "index.html").read_text(encoding="utf-8")  # not in the nav
    for about, report in (("about", "klarsprak"), ("en/about", "en/klarsprak")):
        assert re.search(r'href="(\.\./)+klarsprak/"', (built_site / about / "index.html").read_text(encoding="utf-8")), about
        assert (built_site / report / "index.html").is_file()
    english = (built_site / "en" / "klarsprak" / "index.html").read_text(encoding="utf-8")
    assert "Swedish pages" in english and "How we count" in english


def test_the_report_row_holds_the_groups_figures_and_findings_by_kind(built_site):
    """Issue 17, point 6: LIX, long sentences, passive voice, nominal style and abbreviations in one
    row, in the page's language; findings by kind, each linked to its mark in review mode."""
    html = (built_site / "klarsprak" / "index.html").read_text(encoding="utf-8")
    swedish = html[html.index('id="klarsprak-sv"'):html.index('id="klarsprak-en"')]
    heads = re.findall(r'<th scope="col">([^<]+)</th>', swedish)
    assert heads == ["Sida", "LIX", "Långa meningar", "Passiv form", "Substantivering", "Oförklarad förkortning",
                     "Nominalkvot", "Ord", "Att titta på"]
    assert 'id="klarsprak-sv-kinds"' in swedish and re.search(r'href="\.\./about/#ks-f-\d+"', swedish)
    english = (built_site / "en" / "klarsprak" / "index.html").read_text(encoding="utf-8")
    assert "fairly easy (normal)" in english and "ganska lätt" not in english
    data = rows(built_site)
    assert all(isinstance(r["nominal_ratio"], float) for r in data if r["lang"] == "sv" and r["words"] > 20)


def test_glossary_abbreviations_get_their_expansion_on_the_pages(built_site):
    """Issue 17, point 3: the build adds <abbr title> from the glossary at the first use."""
    page = (built_site / "meetings" / "2018-06-14-film-och-nya-medlemmar" / "index.html").read_text(encoding="utf-8")
    assert page.count('<abbr title="Individuell människohjälp">IM</abbr>') == 1
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "<abbr" not in glossary.split('class="md-content"', 1)[1]  # the glossary itself explains them


def test_normal_builds_have_no_review_marks(built_site):
    html = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    assert "ks-review" not in html and "review.css" not in html


def test_review_mode_marks_pages_and_loads_its_css(tmp_path):
    site = tmp_path / "site"
    result = mkdocs_build(site, extra_env={"KLARSIDA_REVIEW": "1"})
    assert result.returncode == 0, result.stderr
    html = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'class="ks-review"' in html and "review.css" in html
    assert re.search(r'<mark class="ks-mark ks-passive"><span id="ks-f-\d+"></span><span class="ks-label">'
                     r'Passiv form: [^<]+</span>', html)
    # Every finding of the page has the anchor the report links to.
    (row,) = [r for r in rows(site) if r["path"] == "content/about.sv.md"]
    assert all(f'id="ks-f-{i}"' in html for i in range(len(row["findings"])))
    assert (site / "assets" / "stylesheets" / "review.css").is_file()
    english = (site / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert "Plain-language review" in english and "Flesch" in english


def test_a_page_over_target_fails_the_strict_build_until_it_has_a_reason(site_copy, tmp_path):
    page = site_copy / "content" / "contact.sv.md"
    hard = ("Förvaltningarnas samverkansöverenskommelse möjliggör kompetensutveckling och "
            "arbetsmarknadsinsatser för långtidsarbetslösa medborgare. ")
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n" + hard * 4, encoding="utf-8")
    result = mkdocs_build(tmp_path / "a", config=site_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert "content/contact.sv.md: lix: Texten är svårare än målet" in result.stderr + result.stdout
    reason = "Sidan citerar avtalet ordagrant."
    page.write_text(text.replace("---\n", f"---\nreadability_exception: {reason}\n", 1) + "\n" + hard * 4,
                    encoding="utf-8")
    result = mkdocs_build(tmp_path / "b", config=site_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    (row,) = [r for r in rows(tmp_path / "b") if r["path"] == "content/contact.sv.md"]
    assert row["exception"] == reason and row["lix"] > 40
    assert reason in (tmp_path / "b" / "klarsprak" / "index.html").read_text(encoding="utf-8")


def test_the_build_keeps_scores_in_the_projects_cache_folder(site_copy, tmp_path):
    result = mkdocs_build(tmp_path / "site", config=site_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    cache = json.loads((site_copy / ".cache" / "klarsida" / "readability.json").read_text(encoding="utf-8"))
    pages = len(list((site_copy / "content").rglob("*.md")))
    assert len(cache["scores"]) == pages
    # A second run reads them: same report, byte for byte.
    again = mkdocs_build(tmp_path / "again", config=site_copy / "mkdocs.yml")
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "again" / "klarsprak.json").read_bytes() == (tmp_path / "site" / "klarsprak.json").read_bytes()


def test_the_report_page_asks_for_the_scores_only_after_every_other_page_is_rendered(site_copy, tmp_path, monkeypatch):
    """The second process scores every page while MkDocs works; the report page shows the scores.
    Asked for while pages were still being converted (MkDocs converts them all, then renders them),
    the build waited 0.8 s of a 31 s build at N = 1,000; asked for at the report's rendering, built
    last, it waits for nothing there (measured 0.01 s)."""
    from mkdocs.__main__ import cli

    from klarsida.mkdocs_material import MkDocsAdapter
    from klarsida.session import Session

    rendered, at_first_wait = [], []
    post_page, wait_for_scores = MkDocsAdapter.on_post_page, Session.wait_for_scores

    def recording_post_page(self, output, page, config):
        rendered.append((config.theme["language"], page.url))
        return post_page(self, output, page, config)

    def recording_wait(self):
        if not at_first_wait:
            at_first_wait.append(list(rendered))
        return wait_for_scores(self)

    monkeypatch.setattr(MkDocsAdapter, "on_post_page", recording_post_page)
    monkeypatch.setattr(Session, "wait_for_scores", recording_wait)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_EPOCH)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(site_copy)
    cli.main(["build", "--strict", "--config-file", str(site_copy / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")],
             prog_name="mkdocs", standalone_mode=False)

    swedish = [url for lang, url in rendered if lang == "sv"]
    assert swedish[-1] == "klarsprak/"  # built last (the adapter's on_files)
    assert at_first_wait == [[("sv", url) for url in swedish if url != "klarsprak/"]]
    assert "LIX" in (tmp_path / "site" / "klarsprak" / "index.html").read_text(encoding="utf-8")
