"""Word paste (klarsida/pasted.py): what is found, where, and what --fix changes (and leaves)."""

from __future__ import annotations

from klarsida.pasted import find, repair


def test_found_by_line_and_column():
    text = "title: ”Möte: 8 juni”\nplace:\n\u00a0 name: Röda kvarn\n\taddress: Karlsgatan 7\nsummary:\u00a0Vi ses."
    assert [(f.line, f.column, f.what) for f in find(text, 2)] == [
        (2, 8, "curly"), (4, 1, "hard_space"), (5, 1, "tab"), (6, 9, "hard_space_after_colon"),
    ]


def test_quotes_inside_a_value_are_not_wrapping_it():
    assert find('title: ”Hem” och ”Borta”\nsummary: Filmen ”Hem” visas.', 2) == []
    text = '---\ntitle: ”Hem” och ”Borta”\n---\nText\n'
    assert repair(text) == (text, [])


def test_repair_escapes_what_double_quotes_need_and_touches_nothing_else():
    text = '---\r\ntitle: “Säg \\"hej\\”\r\n---\r\nText med ”citat” och\u00a0hårt mellanslag.\r\n'
    fixed, changes = repair(text)
    assert fixed == '---\ntitle: "Säg \\\\\\"hej\\\\"\n---\nText med ”citat” och\u00a0hårt mellanslag.\n'
    assert [c.line for c in changes] == [None, 2]


def test_zero_width_spaces_go_but_joiners_in_emoji_and_arabic_stay():
    text = "---\ntitle: Möte\u200b\n---\nخانه\u200cها 👩\u200d🔧\n"
    fixed, changes = repair(text)
    assert fixed == "---\ntitle: Möte\n---\nخانه\u200cها 👩\u200d🔧\n"
    assert [c.line for c in changes] == [2]
