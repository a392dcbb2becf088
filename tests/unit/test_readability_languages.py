"""The readability registry: LIX for Swedish, Flesch for English, and no measure for other languages
(Arabic here): counted, not scored, no target, and every report says so."""

from __future__ import annotations

import json

import pytest

from klarsida.checks import check_site
from klarsida.cli import main
from klarsida.readability import score_text
from klarsida.readability.languages import FLESCH, LIX, measure_for, rules_for
from klarsida.readability.changes import diff_markdown
from klarsida.readability.report import (
    report_csv,
    report_html,
    report_page_html,
    section_title,
    worst_first,
)
from klarsida.readability.review import review_html
from klarsida.readability.scorer import Scorer
from klarsida.session import Session
from klarsida.site import load_site

ARABIC = "نلتقي يوم خميس واحد في كل شهر. هل تريد أن تعرف المزيد؟ اقرأ عن المجموعة."
# 28 words and one full stop: one long sentence.
ARABIC_LONG = " ".join(["نعمل معًا مع منظمات المستخدمين في المدينة"] * 4) + "."
HARD_SV = ("Förvaltningarnas samverkansöverenskommelse möjliggör kompetensutveckling, "
           "verksamhetsutveckling och arbetsmarknadsinsatser. ") * 3


def test_the_registry_names_a_measure_per_language():
    assert measure_for("sv") is LIX and LIX.name == "LIX" and not LIX.higher_is_easier
    assert measure_for("en") is FLESCH and FLESCH.name == "Flesch" and FLESCH.higher_is_easier
    assert measure_for("ar") is None and measure_for("fi") is None
    # Passive voice and stiff words are Swedish lists; every language gets the counted findings.
    assert {"passive", "stiff_word"} <= rules_for("sv").findings
    assert not {"passive", "stiff_word"} & (rules_for("en").findings | rules_for("ar").findings)
    assert "long_sentence" in rules_for("ar").findings and "abbreviation" in rules_for("ar").findings
    assert "t.ex." in rules_for("sv").abbreviations and "e.g." in rules_for("en").abbreviations


def test_a_language_without_a_measure_is_counted_not_scored():
    score = score_text(ARABIC, "ar")
    assert (score.words, score.sentences) == (15, 3)  # the Arabic question mark ends a sentence
    assert score.measure is None and score.lix is None and score.flesch is None and score.band is None
    data = score.to_dict()
    assert data["measure"] is None and data["lix"] is None and data["band"] is None
    assert "flesch" not in data and "syllables" not in data


def test_swedish_and_english_scores_name_their_measure_and_keep_their_figures():
    swedish = score_text("Vi ses på torsdag kl. 17.30. Du är välkommen.", "sv").to_dict()
    assert (swedish["measure"], swedish["lix"], swedish["band"]) == ("LIX", 26.7, "lätt")
    assert "flesch" not in swedish
    english = score_text("The cat sat on the mat.", "en").to_dict()
    assert (english["measure"], english["flesch"], english["lix"]) == ("Flesch", 116.1, 6.0)
    assert english["band"] == "very easy"


def test_findings_follow_the_registry():
    arabic = score_text(ARABIC_LONG + " Vi erhåller pengar. Det ska anpassas.", "ar")
    assert [f.kind for f in arabic.findings] == ["long_sentence"]
    assert arabic.findings[0].note_en == "Long sentence: 28 words"
    swedish = score_text("Vi erhåller pengar. Det ska anpassas.", "sv")
    assert sorted(f.kind for f in swedish.findings) == ["passive", "stiff_word"]


def three_language_site(tree, targets: dict):
    root = tree({
        "content/index.sv.md": f"---\ntitle: Start\n---\n\n{HARD_SV}\n",
        "content/index.en.md": "---\ntitle: Home\n---\n\nWe meet on Thursday. You are welcome.\n",
        "content/about.sv.md": "---\ntitle: Om gruppen\n---\n\nVi ses en gång i månaden. Du är välkommen.\n",
        "content/index.ar.md": f"---\ntitle: الرئيسية\n---\n\n{ARABIC_LONG}\n",
        "content/about.ar.md": f"---\ntitle: عن المجموعة\n---\n\n{ARABIC}\n",
    })
    site = load_site(root / "content", root, ("sv", "en", "ar"))
    return site, Session(settings={"readability": targets})


def test_targets_are_not_applied_to_a_language_without_a_measure(tree):
    # The Arabic start page is one long sentence: any target would fail it, if one applied.
    targets = {"sv": {"lix_max": 40}, "ar": {"lix_max": 10, "long_sentence_share_max": 0}}
    site, session = three_language_site(tree, targets)
    warnings = [(p.path, p.field) for p in check_site(site, session) if p.level == "warning"]
    assert warnings == [("content/index.sv.md", "lix")]


def test_the_report_has_a_section_per_site_language_and_says_when_there_is_no_measure(tree):
    site, _ = three_language_site(tree, {})
    html = report_page_html(Scorer(), site, {}, "index", "sv")
    # The site's languages in its order, the default first.
    assert html.index('id="klarsprak-sv"') < html.index('id="klarsprak-en"') < html.index('id="klarsprak-ar"')
    assert "<h2 id=\"klarsprak-ar\">Arabiska sidor</h2>" in html
    arabic = html[html.index('id="klarsprak-ar"'):]
    assert "Inget läsbarhetsmått för det här språket" in arabic
    assert "<th scope=\"col\">LIX</th>" not in arabic and "Flesch" not in arabic.split("</p>", 1)[1]
    # The page with the long sentence first; its note is Swedish on the Swedish page.
    assert arabic.index("الرئيسية") < arabic.index("عن المجموعة")
    assert "(Lång mening: 28 ord)" in arabic
    # Arabic titles and sentences run right to left in the Swedish page; Swedish ones are left alone.
    assert 'hreflang="ar" dir="rtl">الرئيسية</a>' in arabic and '#ks-f-0" lang="ar" dir="rtl">نعمل' in arabic
    assert 'hreflang="sv">Start</a>' in html
    english = report_page_html(Scorer(), site, {}, "index", "en")
    assert "<h2 id=\"klarsprak-ar\">Arabic pages</h2>" in english
    assert "No readability measure for this language" in english


def test_the_arabic_report_page_has_arabic_words_and_marks_english_notes(tree):
    site, _ = three_language_site(tree, {})
    html = report_page_html(Scorer(), site, {}, "index", "ar")
    assert "الصفحات باللغة السويدية" in html and "الصفحات باللغة العربية" in html
    assert "لا يوجد مقياس لسهولة القراءة لهذه اللغة" in html and "الأصعب أولًا." in html
    assert "<th scope=\"col\">الصفحة</th>" in html and "شيء واحد" in html  # one finding, Arabic plural
    assert '(<span lang="en" dir="ltr">Long sentence: 28 words</span>)' in html
    assert 'hreflang="sv" dir="ltr">Start</a>' in html and 'hreflang="ar">الرئيسية</a>' in html


def test_section_titles_name_the_language_in_the_page_language():
    assert section_title("sv", "sv") == "Svenska sidor" and section_title("sv", "en") == "Engelska sidor"
    assert section_title("en", "sv") == "Swedish pages" and section_title("en", "ar") == "Arabic pages"
    assert section_title("ar", "en") == "الصفحات باللغة الإنجليزية"


def test_report_without_site_languages_shows_the_languages_of_the_rows():
    rows = [{"lang": "sv", "url": "", "title": "Start", "lix": 30.0, "band": "lätt", "words": 5,
             "long_sentence_share": 0.0, "findings": [], "exception": None},
            {"lang": "ar", "url": "ar/", "title": "الرئيسية", "lix": None, "band": None, "words": 5,
             "long_sentence_share": 0.0, "findings": [], "exception": None}]
    html = report_html(rows, "en", "klarsprak/", {})
    assert 'id="klarsprak-sv"' in html and 'id="klarsprak-ar"' in html and 'id="klarsprak-en"' not in html
    assert [r["url"] for r in worst_first(rows, "ar")] == ["ar/"]


def test_csv_lists_every_language_and_says_no_measure(tree):
    import csv

    site, _ = three_language_site(tree, {})
    rows = list(csv.reader(report_csv(Scorer(), site).decode("utf-8-sig").splitlines(), delimiter=";"))
    assert [r[3] for r in rows[1:]] == ["sv", "sv", "en", "ar", "ar"]
    arabic = rows[4]
    assert arabic[4:7] == ["", "", "Inget läsbarhetsmått för det här språket"]


def test_review_box_of_an_arabic_page(tree):
    score = score_text(ARABIC_LONG, "ar")
    html = review_html(f"<h1>الرئيسية</h1><p>{ARABIC_LONG}</p>", score, "ar")
    assert '<aside class="ks-review" aria-labelledby="ks-review-title" lang="ar">' in html
    assert "مراجعة اللغة الواضحة" in html and "لا يوجد مقياس لسهولة القراءة لهذه اللغة." in html
    assert "LIX" not in html and "Flesch" not in html
    # The legend lists what is looked for in Arabic: no Swedish passive voice or stiff words.
    assert "جملة طويلة</span></mark>: 1" in html and "صيغة المبني للمجهول" not in html and "كلمة معقدة" not in html
    assert '<span class="ks-label" lang="en" dir="ltr">Long sentence: 28 words</span>' in html


def test_review_box_words_of_swedish_and_english_pages_are_unchanged():
    swedish = review_html("<h1>T</h1><p>Vi ses.</p>", score_text("Vi ses.", "sv"), "sv")
    assert "Granskning av klarspråk" in swedish and "LIX 2.0, mycket lätt." in swedish
    assert "2 ord, 1 meningar, 2.0 ord per mening." in swedish and "0 % av meningarna har fler än 20 ord." in swedish
    english = review_html("<h1>T</h1><p>See you.</p>", score_text("See you.", "en"), "en")
    assert "Plain-language review" in english and "Flesch 120.2, very easy." in english and "LIX 2.0." in english
    assert "0 % of sentences have more than 20 words." in english


def test_score_command_on_an_arabic_file(tmp_path, capsys):
    page = tmp_path / "about.ar.md"
    page.write_text(f"---\ntitle: عن المجموعة\n---\n\n{ARABIC}\n", encoding="utf-8")
    assert main(["score", str(page)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        page.as_posix(),
        "  Inget läsbarhetsmått för det här språket / No readability measure for this language; 15 words, 3 sentences",
        "  5.0 words per sentence; 0% of sentences have more than 20 words",
    ]
    assert main(["score", "--json", str(page)]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["lang"], row["measure"], row["lix"], row["words"]) == ("ar", None, None, 15)


def test_score_command_takes_any_language_code(tmp_path, capsys):
    text = tmp_path / "text.txt"
    text.write_text(ARABIC, encoding="utf-8")
    assert main(["score", "--lang", "fa", str(text)]) == 0
    assert "No readability measure" in capsys.readouterr().out
    for wrong in ("AR", "arabic", "s"):
        with pytest.raises(SystemExit) as stopped:
            main(["score", "--lang", wrong, str(text)])
        assert stopped.value.code == 2
        assert "is not a language code: two or three lowercase letters" in capsys.readouterr().err
    # A suffix names a language only when CLDR knows it: "old" is no language.
    (tmp_path / "notes.old.md").write_text("Hej.\n", encoding="utf-8")
    assert main(["score", str(tmp_path / "notes.old.md")]) == 1
    assert "cannot tell the file's language" in capsys.readouterr().err


def test_diff_of_a_language_without_a_measure():
    old = [{"path": "a.ar.md", "lang": "ar", "lix": None, "long_sentence_share": 0.0, "findings": []}]
    new = [{"path": "a.ar.md", "lang": "ar", "lix": None, "long_sentence_share": 0.5,
            "findings": [{"kind": "long_sentence", "text": "جملة"}]},
           {"path": "b.ar.md", "lang": "ar", "lix": None, "long_sentence_share": 0.0, "findings": []}]
    assert diff_markdown(old, new).splitlines()[2:] == [
        "| a\\.ar\\.md | inget läsbarhetsmått för det här språket | oförändrad | 0% → 50% | lång mening: ”جملة” |",
        "| b\\.ar\\.md | inget läsbarhetsmått för det här språket | ny sida | 0% | – |",
    ]
    assert diff_markdown(old, old) == "Ingen förändring av läsbarheten.\n"
