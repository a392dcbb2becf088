"""The organisation's look as settings (issue 16): short name per language and main colour."""

import pytest

from klarsida.settings import Settings, SettingsInvalid, contrast_with_white


def test_short_name_and_colour_are_read():
    settings = Settings.parse({"short_name": {"sv": " Utvecklingsgruppen ", "en": "Development group"},
                               "colour": "#1f4690"})
    assert settings.short_name == {"sv": "Utvecklingsgruppen", "en": "Development group"}
    assert settings.colour == "#1f4690"
    assert Settings.parse({}).colour is None and Settings.parse({}).short_name == {}


def test_contrast_is_wcag_2():
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert round(contrast_with_white("#ffffff"), 1) == 1.0
    assert round(contrast_with_white("#1f4690"), 1) == 9.0


@pytest.mark.parametrize("value, words", [
    ("blue", "#rrggbb"),
    ("#aaaaaa", "2.3:1"),  # white header text on it would be unreadable
    (12, "#rrggbb"),
])
def test_a_wrong_colour_is_named_with_the_reason(value, words):
    with pytest.raises(SettingsInvalid) as raised:
        Settings.parse({"colour": value})
    assert words in str(raised.value) and "extra.klarsida.colour" in str(raised.value)


def test_a_short_name_needs_a_language_and_a_name():
    with pytest.raises(SettingsInvalid, match="short_name"):
        Settings.parse({"short_name": {"svenska": "X"}})
    with pytest.raises(SettingsInvalid, match="short_name"):
        Settings.parse({"short_name": {"sv": ""}})
