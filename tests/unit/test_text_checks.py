"""Clean text in front matter: invisible characters are named and placed; lengths have limits."""

from __future__ import annotations

import pytest

from klarsida.checks import CHECK_MODULES, check_site
from klarsida.errors import ContentInvalid
from klarsida.frontmatter import char_name
from klarsida.session import Session
from klarsida.site import load_site
from klarsida.text_checks import LIMITS, legitimate_joiner, unclean

PATH = "content/om.sv.md"
EVENT = "content/events/2018-08-23-film.sv.md"


def page(front_matter: str, body: str = "Vi träffas en torsdag i månaden.") -> dict[str, str]:
    return {PATH: f"---\n{front_matter}\n---\n\n{body}\n"}


def found(tree, files) -> list:
    root = tree(files)
    try:
        site = load_site(root / "content", root)
    except ContentInvalid as exc:
        return exc.errors
    return check_site(site, Session())


def test_the_module_is_registered():
    assert "text_checks" in CHECK_MODULES


def test_a_right_to_left_override_is_named_and_placed(tree):
    (error,) = found(tree, page("title: Om oss\ndescription: Vilka vi \u202eär."))
    assert (error.path, error.line, error.field) == (PATH, 3, "description")
    assert error.sv.startswith(
        "Texten har ett osynligt tecken, U+202E (RIGHT-TO-LEFT OVERRIDE), i kolumn 23, direkt efter ”Vilka vi”. "
        "Tecknet styr skrivriktningen")
    assert error.en.startswith(
        "The text holds an invisible character, U+202E (RIGHT-TO-LEFT OVERRIDE), in column 23, right after “Vilka vi”.")
    assert error.example == "description: Vilka vi är."


def test_an_escape_in_double_quotes_is_found_where_it_is_written(tree):
    (error,) = found(tree, page('title: "Om\\u200boss"'))
    assert (error.line, error.field) == (2, "title")
    assert "U+200B (ZERO WIDTH SPACE), i kolumn 11, skrivet som \\u200b, direkt efter ”Om”" in error.sv
    assert error.example == "title: Omoss"


@pytest.mark.parametrize("escape, named", [
    ("\\a", "U+0007 (BELL)"), ("\\e", "U+001B (ESCAPE)"), ("\\x7f", "U+007F (DELETE)"),
    ("\\N", "U+0085 (NEXT LINE)"), ("\\x9b", "U+009B (CONTROL SEQUENCE INTRODUCER)"), ("\\r", "U+000D (CARRIAGE RETURN)"),
    # noncharacters: XML (the Atom feed) forbids U+FFFE and U+FFFF
    ("\\ufffe", "U+FFFE"), ("\\uffff", "U+FFFF"), ("\\ufdd0", "U+FDD0"), ("\\U0001fffe", "U+1FFFE"),
])
def test_control_characters_that_arrive_through_escapes(tree, escape, named):
    (error,) = found(tree, page(f'title: "Om {escape}oss"'))
    assert f"Texten har ett osynligt tecken, {named}, i kolumn 12, skrivet som {escape}, direkt efter ”Om”" in error.sv
    assert "Styrtecken hör inte hemma i en text" in error.sv


def test_tabs_and_lines_of_a_block_are_text(tree):
    assert found(tree, page('title: "Om\\toss"\ndescription: |\n  Vi är en grupp.\n  Vi träffas ofta.')) == []


@pytest.mark.parametrize("character", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
                                       "\u2069", "\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060",
                                       "\ufeff"])
def test_every_bidi_control_and_zero_width_character_is_refused(tree, character):
    (error,) = found(tree, page(f"title: Om{character} oss"))
    assert error.field == "title" and char_name(character) in error.sv
    assert "i kolumn 10, direkt efter ”Om”" in error.sv


def test_nested_values_and_list_items_are_checked(tree):
    files = {
        "content/index.sv.md": "# Start\n",
        EVENT: ("---\ntitle: Film\nstart: 2018-08-23T17:30\nend: 2018-08-23T20:00\nplace:\n"
                "  name: Röda\u200b kvarn\n  address: Karlsgatan 7, Helsingborg\nsummary: Vi visar en film.\n"
                "language: [sv]\norganizer:\n  name: Gruppen\n  contact: \u2067David\u2069\n---\n\nText.\n"),
    }
    errors = [e for e in found(tree, files) if e.path == EVENT]
    assert [(e.line, e.field) for e in errors] == [(6, "place.name"), (12, "organizer.contact"), (12, "organizer.contact")]
    assert "U+200B (ZERO WIDTH SPACE), i kolumn 13, direkt efter ”Röda”" in errors[0].sv
    assert errors[0].example == "name: Röda kvarn"
    assert "U+2067 (RIGHT-TO-LEFT ISOLATE), i kolumn 12, först i texten" in errors[1].sv


def test_list_items(tree):
    files = {"content/meetings/2018-06-14-mote.sv.md": (
        "---\ntitle: Möte\ndate: 2018-06-14\nsummary: Vi träffades.\norganisations:\n  - Fontänhuset\n"
        "  - Social\u00adförvaltningen\u200d\n---\n\nVi träffades.\n")}
    (error,) = found(tree, files)
    assert (error.line, error.field) == (7, "organisations.1")
    assert "U+200D (ZERO WIDTH JOINER)" in error.sv and error.example == "- Social\u00adförvaltningen"


def test_a_character_written_many_times_is_one_message(tree):
    (error,) = found(tree, page("title: Om\u200b oss\u200b i\u200b gruppen"))
    assert "U+200B (ZERO WIDTH SPACE), 3 gånger, i kolumn 10, direkt efter ”Om”" in error.sv


# The zero-width joiner in an emoji sequence is one picture: allowed (see legitimate_joiner).
@pytest.mark.parametrize("text", [
    "Familjedag 👨\u200d👩\u200d👧",          # family
    "Regnbågsfika 🏳\ufe0f\u200d🌈",          # rainbow flag: VS16 before the joiner
    "Cykelverkstad 👩🏽\u200d🔧",             # mechanic with a skin tone
    "Löpning 🏃\u200d♀\ufe0f",               # woman running: a symbol after the joiner
])
def test_zero_width_joiner_inside_an_emoji_is_text(tree, text):
    assert found(tree, page(f"title: {text}")) == []


@pytest.mark.parametrize("text", ["Om\u200doss", "\u200dOm oss", "Om oss\u200d", "Fika 🌈\u200d oss", "Fika a\u200d🌈"])
def test_zero_width_joiner_outside_an_emoji_is_refused(text):
    assert list(unclean(text)) == ["\u200d"]


def test_zero_width_non_joiner_in_arabic_script_is_spelling(tree):
    # Persian می‌خواهم ("I want"): the non-joiner keeps می apart from the verb, as the spelling says.
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert legitimate_joiner(persian, 2)
    assert found(tree, page(f"title: Fika {persian}")) == []
    assert list(unclean("Om\u200coss")) == ["\u200c"]


def test_the_title_may_be_150_characters(tree):
    assert LIMITS == {"title": 150, "summary": 400, "description": 400}
    assert found(tree, page("title: " + "a" * 150)) == []
    (error,) = found(tree, page("title: " + "a" * 151))
    assert (error.line, error.field) == (2, "title")
    assert error.sv.startswith("Rubriken är 151 tecken lång, men får vara högst 150 tecken.")
    assert error.en.startswith("The title is 151 characters long, but may be at most 150.")
    assert error.example == "title: Möte om sommaren"


def test_letters_are_counted_once_in_either_unicode_form(tree):
    assert found(tree, page("title: " + "o\u0308" * 150)) == []  # 150 ö written as o + diaeresis


@pytest.mark.parametrize("name, what", [("description", "Beskrivningen"), ("summary", "Sammanfattningen")])
def test_summary_and_description_may_be_400_characters(tree, name, what):
    sentence = "Vi träffas en torsdag i månaden. "  # 33 characters
    text = (sentence * 13).strip()  # 428
    if name == "summary":
        files = {"content/meetings/2018-06-14-mote.sv.md":
                 f"---\ntitle: Möte\ndate: 2018-06-14\nsummary: {text}\n---\n\nVi träffades.\n"}
    else:
        files = page(f"title: Om oss\ndescription: {text}")
    (error,) = found(tree, files)
    assert error.field == name
    assert error.sv.startswith(f"{what} är {len(text)} tecken lång, men får vara högst 400 tecken.")
    shorter = (sentence * 12).strip()
    assert len(shorter) <= 400
    files = {path: text_.replace(text, shorter) for path, text_ in files.items()}
    assert found(tree, files) == []


def test_a_character_deep_in_a_folded_paragraph_is_found(tree):
    lines = "\n".join(f"  Rad {n} av texten om gruppen." for n in range(1, 8))
    (error,) = found(tree, page(f"title: Om oss\ndescription: >\n{lines}\n  Sista\u2060 raden.\nhide: [toc]"))
    assert (error.line, error.field) == (11, "description")
    assert "U+2060 (WORD JOINER), i kolumn 8, direkt efter ”…om gruppen. Sista”" in error.sv
