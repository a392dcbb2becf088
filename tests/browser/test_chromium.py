"""Finding a browser: a missing one fails the run with a message saying what to do, never skips it."""

from __future__ import annotations

import pytest

from .conftest import find_chromium


def test_bad_klarsida_chromium_is_a_clear_failure(monkeypatch, tmp_path):
    monkeypatch.setenv("KLARSIDA_CHROMIUM", str(tmp_path / "no-such-chromium"))
    with pytest.raises(pytest.fail.Exception, match="KLARSIDA_CHROMIUM=.*is not an executable file"):
        find_chromium()


def test_chromium_found_on_path(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.delenv("KLARSIDA_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_chromium() == str(fake)
