"""Front matter is read as text: dates stay strings, only true/false are typed, lines are known."""

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
