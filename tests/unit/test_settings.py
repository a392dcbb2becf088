"""The organisation settings (extra.klarsida.organisation): typed, checked, every problem at once."""

from __future__ import annotations

import pytest

from klarsida.settings import Organisation, Settings, SettingsInvalid


def test_organisation_is_read():
    settings = Settings.parse({"organisation": {"name": "Gemensam utvecklingsgrupp", "town": "Helsingborg",
                                                "country": "SE", "url": "https://helsingborg.se/"}})
    assert settings.organisation == Organisation("Gemensam utvecklingsgrupp", "Helsingborg", "SE",
                                                 "https://helsingborg.se/")


def test_no_organisation_is_empty():
    assert Settings.parse({}).organisation == Organisation()


def test_wrong_organisation_values_are_all_reported():
    with pytest.raises(SettingsInvalid) as caught:
        Settings.parse({"organisation": {"name": 3, "country": "Sverige", "url": "http://x.se", "tow": "x"}})
    problems = "\n".join(caught.value.problems)
    assert "organisation.name: 3" in problems
    assert "organisation.country: 'Sverige'" in problems and "country: SE" in problems
    assert "organisation.url: 'http://x.se'" in problems
    assert "organisation.tow: okänd inställning" in problems and "did you mean town" in problems
    assert len(caught.value.problems) == 4
