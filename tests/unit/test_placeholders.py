"""klarsida.placeholders: text left from `klarsida new` stops the build, with field and line."""

from __future__ import annotations

from klarsida.placeholders import placeholders_left
from klarsida.site import load_site
from klarsida.session import Session

EVENT = """
---
title: Film
start: 2018-08-23T17:30
end: 2018-08-23T20:00
place:
  name: "FYLL I: Platsens namn."
  address: Karlsgatan 7, Helsingborg
summary: Vi visar en film.
---
Välkommen.

FYLL I: Skriv mer.
"""
MEETING = """
---
title: Möte
date: 2018-06-14
summary: Vi träffades. Fyll i blanketten om du vill vara med.
organisations: [Socialförvaltningen, "FYLL I: fler"]
---
Vi träffades. Du kan fylla i blanketten. FYLL IN är inte vår platshållare.
"""


def problems(tree, files):
    root = tree({"content/index.sv.md": "Hej.\n", **files})
    return placeholders_left(load_site(root / "content", root), Session())


def test_nested_field_and_text_lines_are_reported_with_their_lines(tree):
    found = problems(tree, {"content/events/2018-08-23-film.sv.md": EVENT})
    by_field = {p.field: p for p in found}
    assert set(by_field) == {"place.name", None}
    assert by_field["place.name"].line == 6
    assert by_field["place.name"].example == "name: Röda kvarn"
    assert by_field[None].line == 12
    assert all(p.level == "error" and p.path == "content/events/2018-08-23-film.sv.md" for p in found)


def test_list_items_use_the_lists_example_and_ordinary_words_are_left_alone(tree):
    found = problems(tree, {"content/meetings/2018-06-14-mote.sv.md": MEETING})
    assert [(p.field, p.line) for p in found] == [("organisations.1", 5)]
    assert found[0].example.startswith("organisations: [")
