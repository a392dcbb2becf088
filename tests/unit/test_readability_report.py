"""Targets (the check), the report page, review marks, `klarsida score` and `klarsida diff`."""

from __future__ import annotations

import json

from klarsida.checks import check_site
from klarsida.cli import main
from klarsida.readability import score_text
from klarsida.readability.changes import diff_markdown
from klarsida.readability.report import report_page_html, worst_first
from klarsida.readability.scorer import Scorer
from klarsida.readability.review import mark_html, review_html
from klarsida.site import load_site
from klarsida.session import Session

SETTINGS = {"readability": {"sv": {"lix_max": 40, "long_sentence_share_max": 0.25}}}
HARD = ("Förvaltningarnas samverkansöverenskommelse möjliggör kompetensutveckling, "
        "verksamhetsutveckling och arbetsmarknadsinsatser. ")
EASY = "Vi ses på torsdag. Du är välkommen. Ta med en vän."


def site_with(tree, sv_body: str, exception: str | None = None):
    meta = f"readability_exception: {exception}\n" if exception else ""
    root = tree({
        "content/index.sv.md": f"---\ntitle: Start\n{meta}---\n\n{sv_body}\n",
        "content/index.en.md": "---\ntitle: Home\n---\n\nWe meet on Thursday. You are welcome.\n",
    })
    return load_site(root / "content", root)


def report(site, lang: str, scorer=None) -> str:
    """The report page's table as the build puts it on the page `index` in the `lang` build."""
    return report_page_html(scorer or Scorer(), site, SETTINGS["readability"], "index", lang)


def readability_warnings(site):
    return [p for p in check_site(site, Session(settings=SETTINGS)) if p.field in ("lix", "long_sentence_share")]


def test_a_page_over_target_is_a_warning_naming_file_field_and_a_way_out(tree):
    problems = readability_warnings(site_with(tree, HARD * 3))
    assert [(p.path, p.field, p.level) for p in problems] == [("content/index.sv.md", "lix", "warning")]
    message = problems[0].format()
    assert "LIX är" in message and "högst 40" in message and "readability_exception:" in message
    assert "klarsida score content/index.sv.md" in message


def test_long_sentence_share_target(tree):
    long = " ".join(["ord"] * 22) + ". "
    problems = readability_warnings(site_with(tree, long + "Kort. " + long))
    assert [p.field for p in problems] == ["long_sentence_share"]
    assert "67 % " not in problems[0].sv and "67%" in problems[0].sv


def test_an_exception_with_a_reason_lifts_the_target(tree):
    site = site_with(tree, HARD * 3, exception="Sidan citerar ett beslut ordagrant.")
    assert readability_warnings(site) == []
    html = report(site, "sv")
    assert "Sidan citerar ett beslut ordagrant." in html


def test_no_targets_no_warnings(tree):
    site = site_with(tree, HARD * 3)
    assert [p for p in check_site(site, Session()) if p.field == "lix"] == []


def test_report_lists_pages_worst_first_and_escapes(tree):
    root = tree({
        "content/index.sv.md": f"---\ntitle: Start\n---\n\n{EASY}\n",
        "content/about.sv.md": f"---\ntitle: \"Om <script>oss</script>\"\n---\n\n{HARD}\n",
    })
    site = load_site(root / "content", root)
    html = report(site, "sv")
    assert html.index("Om &lt;script&gt;") < html.index(">Start<")
    assert "<script>" not in html
    assert 'href="about/"' in html
    english = report(site, "en")
    assert 'href="../about/"' in english and "Swedish pages" in english


def test_worst_first_orders_english_by_flesch():
    rows = [{"lang": "en", "flesch": 80, "long_sentence_share": 0, "url": "a"},
            {"lang": "en", "flesch": 40, "long_sentence_share": 0, "url": "b"},
            {"lang": "sv", "lix": 30, "long_sentence_share": 0, "url": "c"}]
    assert [r["url"] for r in worst_first(rows, "en")] == ["b", "a"]


def test_review_marks_sentences_and_words_with_reasons_in_text():
    source = "Lokalen ska anpassas. Vi erhöll pengar från LSS."
    score = score_text(source, "sv")
    html = "<h1>Lokalen ska anpassas</h1><p>Lokalen ska anpassas. Vi erhöll pengar från LSS.</p><p><code>LSS</code></p>"
    marked, unmarked = mark_html(html, score, "sv")
    assert unmarked == []
    assert marked.startswith("<h1>Lokalen ska anpassas</h1>")  # headings are left alone
    # Each mark holds the anchor the report links to (#ks-f-0 is the page's first finding).
    assert ('<mark class="ks-mark ks-passive"><span id="ks-f-0"></span><span class="ks-label">Passiv form: anpassas'
            '</span> Lokalen ska anpassas.</mark>') in marked
    assert '<span class="ks-label">Krångligt ord, skriv hellre: få</span> erhöll</mark>' in marked
    assert marked.endswith("<p><code>LSS</code></p>")  # code is left alone
    assert marked.count("<mark") == marked.count("</mark>") == 3


def test_review_splits_a_mark_around_a_link_and_lists_what_it_cannot_find():
    long = "Vi bjuder " + " ".join(["alla"] * 19) + " på fika."
    score = score_text(long.replace("fika", "[fika](x.md)") + "\n\nEn mening med `kod` som blir inställd.", "sv")
    linked = long.replace("fika", '<a href="x/">fika</a>')
    html = f"<p>{linked}</p><p>En mening med <code>kod</code> som blir inställd.</p>"
    marked, unmarked = mark_html(html, score, "sv")
    assert '<a href="x/"><mark class="ks-mark ks-long-sentence">fika</mark></a>' in marked
    # Inline code is not counted, so the sentence around it is still found; the code stays as it was.
    assert "En mening med </mark><code>kod</code><mark" in marked and unmarked == []
    html = html.replace("som blir inställd", "som ändrades")  # the HTML no longer holds the sentence
    marked, unmarked = mark_html(html, score, "sv")
    assert [u["kind"] for u in unmarked] == ["passive"]
    page = review_html(html, score, "sv")
    assert page.startswith('<aside class="ks-review"') and "Inte markerat i texten" in page
    assert "LIX " in page and "Lång mening" in page


def test_review_mode_is_off_unless_switched_on():
    from klarsida.environment import review as enabled

    assert not enabled({}) and not enabled({"KLARSIDA_REVIEW": "0"}) and not enabled({"KLARSIDA_REVIEW": "no"})
    assert enabled({"KLARSIDA_REVIEW": "1"}) and enabled({"KLARSIDA_REVIEW": "yes"})


def test_score_command_json(tmp_path, capsys):
    page = tmp_path / "content" / "sida.sv.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: Sida\nreadability_exception: Ett citat ur lagen.\n---\n\n# Rubrik\n\nVi ses kl. 17.30.\n",
                    encoding="utf-8")
    (tmp_path / "content" / "text.txt").write_text("Hej du. Hej igen.\n", encoding="utf-8")
    assert main(["score", "--json", str(page)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["path"], r["lang"], r["words"], r["sentences"], r["long_words"], r["lix"], r["findings"], r["exception"])
            for r in rows] == [(page.as_posix(), "sv", 4, 1, 0, 4.0, [], "Ett citat ur lagen.")]
    assert main(["score", "--lang", "sv", str(tmp_path / "content")]) == 0
    out = capsys.readouterr().out
    assert "sida.sv.md\n  LIX 4.0, mycket lätt" in out and "text.txt\n  LIX 2.0" in out


def test_score_command_reports_bad_input_without_traceback(tmp_path, capsys):
    (tmp_path / "x.txt").write_text("Hej.", encoding="utf-8")
    assert main(["score", str(tmp_path / "x.txt"), str(tmp_path / "saknas.md")]) == 1
    err = capsys.readouterr().err
    assert "saknas.md: Filen eller mappen finns inte." in err
    assert "x.txt: Vi vet inte vilket språk" in err and "--lang" in err


def test_diff_table(tmp_path, capsys):
    old = [{"path": "a.sv.md", "lang": "sv", "lix": 42.0, "long_sentence_share": 0.3, "findings": []},
           {"path": "b.sv.md", "lang": "sv", "lix": 30.0, "long_sentence_share": 0.0,
            "findings": [{"kind": "passive", "text": "Det delas."}]},
           {"path": "gone.sv.md", "lang": "sv", "lix": 30.0, "long_sentence_share": 0.0, "findings": []},
           {"path": "c.en.md", "lang": "en", "lix": 30.0, "flesch": 60.0, "long_sentence_share": 0.0, "findings": []}]
    new = [{"path": "a.sv.md", "lang": "sv", "lix": 35.5, "long_sentence_share": 0.1, "findings": []},
           {"path": "b.sv.md", "lang": "sv", "lix": 33.0, "long_sentence_share": 0.0,
            "findings": [{"kind": "passive", "text": "Det delas."}, {"kind": "stiff_word", "text": "erhöll"}]},
           {"path": "c.en.md", "lang": "en", "lix": 30.0, "flesch": 60.0, "long_sentence_share": 0.0, "findings": []},
           {"path": "new.sv.md", "lang": "sv", "lix": 20.0, "long_sentence_share": 0.0, "findings": []}]
    table = diff_markdown(old, new)
    assert table.splitlines() == [
        "| Sida | Läsbarhet före → efter | Förändring | Meningar med fler än 20 ord | Nya fynd |",
        "| --- | --- | --- | --- | --- |",
        "| a\\.sv\\.md | LIX 42,0 → 35,5 | lättare | 30% → 10% | – |",
        "| b\\.sv\\.md | LIX 30,0 → 33,0 | svårare | 0% → 0% | krångligt ord: ”erhöll” |",
        "| new\\.sv\\.md | LIX 20,0 | ny sida | 0% | – |",
        "| gone\\.sv\\.md | – | sidan är borttagen | – | – |",
    ]
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    (tmp_path / "bad.json").write_text("{nope", encoding="utf-8")
    assert main(["diff", str(tmp_path / "old.json"), str(tmp_path / "old.json")]) == 0
    assert capsys.readouterr().out == "Ingen förändring av läsbarheten.\n"
    assert main(["diff", str(tmp_path / "old.json"), str(tmp_path / "bad.json")]) == 2
    assert "bad.json: är inte JSON" in capsys.readouterr().err


def test_a_large_site_shows_the_hardest_pages_and_keeps_every_page_in_a_csv(tree, tmp_path):
    import csv

    from klarsida.readability.report import REPORT_ROWS, report_csv

    files = {"content/index.sv.md": f"---\ntitle: Start\n---\n\n{EASY}\n"}
    for n in range(REPORT_ROWS + 5):
        body = HARD * 2 if n == 7 else f"{EASY} Möte {n}."
        files[f"content/p{n:02d}.sv.md"] = f"---\ntitle: Sida {n}\n---\n\n{body}\n"
    root = tree(files)
    site = load_site(root / "content", root)
    html = report(site, "sv")
    swedish = html[: html.index('id="klarsprak-en"')]
    assert swedish.count("<tr>") == 1 + REPORT_ROWS  # header row + the hardest pages
    first_row = swedish[swedish.index("<tbody>"):]
    assert first_row.index(">Sida 7<") < first_row.index("</tr>")  # the hardest first
    assert f"de {REPORT_ROWS} svåraste av {REPORT_ROWS + 6} sidor" in html and 'href="./klarsprak.csv" download' in html

    raw = report_csv(Scorer(), site)
    assert raw.startswith("\ufeff".encode())  # Excel reads å, ä and ö right only with it
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:5] == ["Sida", "Adress", "Fil", "Språk", "LIX"]
    assert len(rows) == 1 + REPORT_ROWS + 6 and rows[1][0] == "Sida 7"
    assert "," in rows[1][4] and "." not in rows[1][4]  # decimal comma, as Swedish Excel expects


def test_one_finding_is_one_thing(tree):
    site = site_with(tree, "Vi erhåller pengar.")
    assert "1 sak<" in report(site, "sv")
    assert "1 thing<" in report(site, "en")


def test_rows_are_made_once_per_loaded_site(tree):
    from klarsida.readability import site_rows

    site, scorer = site_with(tree, EASY), Scorer()
    # Both report pages, the JSON and the CSV share them.
    assert site_rows(scorer, site) is site_rows(scorer, site)
    again = load_site(site.content_dir, site.content_dir.parent)  # content changed: a new Site
    assert site_rows(scorer, again) is not site_rows(scorer, site) and site_rows(scorer, again) == site_rows(scorer, site)
    assert scorer.stats["cached"] >= 2  # the new Site's pages came from the session's scores


# Issue 14: what the workflows write into Markdown is escaped ---------------------------------------

HOSTILE = [
    "a | b | c",                           # a pipe would end the cell
    "`kod` och ``` staket",                 # backticks and a code fence
    "rad ett\nrad två\r\n\n### Inga fel",   # new lines and a forged heading
    "<img src=x onerror=alert(1)> <script>alert(1)</script>",
    "\u2028Inga fel\u2029- [x] klart",      # Unicode line breaks, a task list
    "@org/team #1 [länk](http://x) ![bild](x.png) *fet* _kursiv_ \\ > citat",
]


def test_diff_cells_survive_pipes_backticks_fences_new_lines_html_and_forged_lines():
    import markdown

    old = [{"path": "content/a.sv.md", "lang": "sv", "lix": 30.0, "long_sentence_share": 0.0, "findings": []}]
    new = [{"path": "content/a.sv.md", "lang": "sv", "lix": 31.0, "long_sentence_share": 0.0,
            "findings": [{"kind": "passive", "text": t, "note_sv": t, "note_en": t} for t in HOSTILE]},
           {"path": "content/b|`x`\n### Inga fel.sv.md", "lang": "sv", "lix": 20.0, "long_sentence_share": 0.0,
            "findings": []}]
    from klarsida.readability.changes import COMMENT_MARKER, comment_markdown

    for text in (diff_markdown(old, new), comment_markdown(old, new)):
        html = markdown.markdown(text, extensions=["tables"])
        assert "<img" not in html and "<script" not in html and "<a " not in html and "<em>" not in html
        assert "<h3>Inga fel" not in html and "<code>" not in html.replace("<code>make review</code>", "")
        if text.startswith(COMMENT_MARKER):  # the table cuts long cells; the comment lists every finding
            assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "@org" not in text.replace("&#64;org", "")
        rows = [r for r in html.split("<tr>")[2:]]
        assert len(rows) == 2  # one row per page: no value started a row or a line of its own
        assert all(r.count("<td>") == r.count("</td>") == (5 if text.startswith("|") else 3) for r in rows)
    # The comment's list items stay one per finding.
    html = markdown.markdown(comment_markdown(old, new), extensions=["tables"])
    assert html.count("<li>") == len(HOSTILE)


def test_the_comment_is_swedish_and_names_what_got_worse():
    from klarsida.readability.changes import COMMENT_MARKER, comment_markdown

    old = [{"path": "content/a.sv.md", "lang": "sv", "lix": 30.0, "long_sentence_share": 0.1, "nominal_ratio": 0.8,
            "findings": []},
           {"path": "content/b.sv.md", "lang": "sv", "lix": 40.0, "long_sentence_share": 0.2, "findings": []}]
    new = [{"path": "content/a.sv.md", "lang": "sv", "lix": 41.5, "long_sentence_share": 0.3, "nominal_ratio": 1.2,
            "findings": [{"kind": "long_sentence", "text": "En lång mening.", "note_sv": "Lång mening: 24 ord",
                          "note_en": "Long sentence: 24 words"}]},
           {"path": "content/b.sv.md", "lang": "sv", "lix": 35.0, "long_sentence_share": 0.1, "findings": []}]
    text = comment_markdown(old, new)
    assert text.startswith(COMMENT_MARKER + "\n### Läsbarhet i den här ändringen")
    assert "| Sida | LIX före → efter | Vad blev sämre |" in text
    assert "| content/a\\.sv\\.md | LIX 30,0 → 41,5 (svårare) |" in text
    assert "LIX 30,0 → 41,5; långa meningar 10% → 30%; nominalkvot 0,80 → 1,20; 1 ny: lång mening" in text \
        .replace("\\", "")
    assert "Lång mening: 24 ord: ”En lång mening\\.”" in text
    assert "| content/b\\.sv\\.md | LIX 40,0 → 35,0 (lättare) | Inget blev sämre\\. |" in text
    assert comment_markdown(old, old).endswith("Ändringen påverkar inte läsbarheten på någon sida.\n")


def test_the_report_links_each_finding_to_its_mark_in_review_mode(tree):
    from klarsida.readability.review import mark_html

    site = site_with(tree, "Beslutet fattades av nämnden. Vi fick handläggning enligt SoL.")
    html = report(site, "sv")
    assert 'href="../p/#ks-f-0"' in html or "#ks-f-0" in html
    assert 'id="klarsprak-sv-passive"' in html and 'id="klarsprak-sv-abbreviation"' in html
    score = score_text("Beslutet fattades av nämnden. Vi fick handläggning enligt SoL.", "sv")
    marked, _ = mark_html("<p>Beslutet fattades av nämnden. Vi fick handläggning enligt SoL.</p>", score, "sv")
    for index in range(len(score.findings)):
        assert f'id="ks-f-{index}"' in marked
