"""Front matter is read as text: dates stay strings, only true/false are typed, lines are known."""

import pytest

from klarsida.frontmatter import split_front_matter


def parse(text: str):
    source, errors = split_front_matter(text, "content/x.sv.md")
    assert errors == []
    return source


def test_scalars_stay_the_text_the_editor_wrote():
    source = parse("---\ntitle: No\ndate: 2018-06-14\nsummary: 1.0\nstart: 2018-08-23T17:30:00\n---\nText\n")
    assert source.meta == {"title": "No", "date": "2018-06-14", "summary": "1.0", "start": "2018-08-23T17:30:00"}


def test_true_and_false_are_booleans():
    assert parse("---\nplace:\n  tbd: true\n  x: False\n---\n").meta == {"place": {"tbd": True, "x": False}}


def test_line_numbers_of_fields_and_nested_fields():
    source = parse("---\ntitle: A\nplace:\n  name: B\n  address: C\nlist:\n  - a\n  - b\n---\nBody\n")
    assert source.lines == {"title": 2, "place": 3, "place.name": 4, "place.address": 5, "list": 6, "list.0": 7, "list.1": 8}
    assert source.body == "Body\n"
    assert source.body_line == 10


def test_no_front_matter_is_all_body():
    source = parse("# Rubrik\n\nText\n")
    assert source.meta == {} and source.body.startswith("# Rubrik")


def test_duplicate_key_is_an_error_with_both_lines():
    source, errors = split_front_matter("---\ntitle: A\ntitle: B\n---\n", "content/x.sv.md")
    assert source is None
    assert [(e.line, e.field) for e in errors] == [(3, "title")]
    assert "första gången på rad 2" in errors[0].sv


def test_unclosed_front_matter():
    source, errors = split_front_matter("---\ntitle: A\n", "content/x.sv.md")
    assert source is None and "slutar aldrig" in errors[0].sv


def test_characters_are_named_as_unicode_names_them():
    from klarsida.frontmatter import char_name

    assert char_name("\u202e") == "U+202E (RIGHT-TO-LEFT OVERRIDE)"
    assert char_name("\u200b") == "U+200B (ZERO WIDTH SPACE)"
    # Control characters have no name in unicodedata; they get their name from the standard's aliases.
    assert [char_name(c) for c in "\x00\x07\x1b\x7f\x85\x9f"] == [
        "U+0000 (NULL)", "U+0007 (BELL)", "U+001B (ESCAPE)", "U+007F (DELETE)", "U+0085 (NEXT LINE)",
        "U+009F (APPLICATION PROGRAM COMMAND)",
    ]
    assert char_name("\ue000") == "U+E000"  # private use: no name at all


def test_a_control_character_yaml_refuses_is_named_by_line_and_column():
    source, errors = split_front_matter("---\ntitle: Om oss\ndescription: Vi\x1b[31m syns\n---\nText\n", "content/x.sv.md")
    assert source is None
    (error,) = errors
    assert error.line == 3
    assert error.sv.startswith("Raden har ett osynligt tecken som inte är tillåtet: U+001B (ESCAPE), i kolumn 16.")


def test_a_file_is_read_as_utf8_whatever_the_locale(tmp_path, monkeypatch):
    import locale

    from klarsida.frontmatter import read_source

    file = tmp_path / "om.sv.md"
    file.write_bytes("---\ntitle: Årsmöte på Röda kvarn\n---\nVi träffas.\n".encode("utf-8"))
    monkeypatch.setattr(locale, "getpreferredencoding", lambda do_setlocale=True: "ANSI_X3.4-1968")
    monkeypatch.setattr(locale, "getencoding", lambda: "ANSI_X3.4-1968", raising=False)
    source, errors = read_source(file, "content/om.sv.md")
    assert errors == [] and source.meta["title"] == "Årsmöte på Röda kvarn"


@pytest.mark.parametrize("character, named", [("\x85", "U+0085 (NEXT LINE)"), ("\u2028", "U+2028 (LINE SEPARATOR)"),
                                              ("\u2029", "U+2029 (PARAGRAPH SEPARATOR)")])
def test_line_ends_only_yaml_sees_are_named_where_the_editor_sees_them(character, named):
    # YAML reads "ses." as a line of its own, not indented under summary: a syntax error that
    # would be about a missing colon on a line the editor cannot find.
    source, errors = split_front_matter(f"---\ntitle: Om oss\nsummary: Vi{character}ses.\n---\nText\n", "content/x.sv.md")
    assert source is None
    (error,) = errors
    assert error.line == 3
    assert error.sv.startswith(f"Raden har ett osynligt tecken som inte är tillåtet: {named}, i kolumn 12. "
                               "Det delar raden i två utan att det syns.")


def test_a_line_separator_within_a_value_is_kept():
    # Within quotes (or as a continuation) YAML keeps it: the value holds it, and what shows it
    # escapes it (klarsida/structured_data.py; tests/unit/test_structured_data.py).
    source, errors = split_front_matter('---\ntitle: "Om\u2028oss"\n---\nText\n', "content/x.sv.md")
    assert errors == [] and source.meta["title"] == "Om\u2028oss"


def test_old_mac_line_ends_are_line_ends(tmp_path):
    from klarsida.frontmatter import read_source

    file = tmp_path / "om.sv.md"
    file.write_bytes(b"---\rtitle: Om oss\rdescription: Vi\r---\r\rText.\r")
    source, errors = read_source(file, "content/om.sv.md")
    assert errors == [] and source.meta == {"title": "Om oss", "description": "Vi"} and source.body == "\nText.\n"
