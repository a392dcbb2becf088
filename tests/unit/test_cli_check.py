"""`klarsida check`: the build's checks without MkDocs, the same messages, and a useful exit code."""

from __future__ import annotations

import pytest

from klarsida import checks
from klarsida.cli import main
from klarsida.errors import ContentError
from klarsida.settings import Settings

CONFIG = """
site_name: Test
docs_dir: content
strict: {strict}
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
extra:
  analytics: !ENV [NO_SUCH_VARIABLE, none]
  klarsida:
    readability:
      en:
        flesch_min: 10
"""
MEETING = """
---
title: Möte
date: 2018-06-14
summary: Vi träffades.
---
Vi träffades på Röda kvarn.
"""


@pytest.fixture
def site(tree, monkeypatch):
    """A tiny valid site in a temporary folder, which is also the current folder."""
    def make(strict: bool = True, **files: str):
        root = tree({
            "mkdocs.yml": CONFIG.format(strict=str(strict).lower()),
            "content/index.sv.md": "---\ntitle: Start\n---\nVälkommen.\n",
            "content/index.en.md": "---\ntitle: Home\n---\nWelcome.\n",
            "content/meetings/2018-06-14-mote.sv.md": MEETING,
            "content/meetings/2018.sv.md": "---\ntitle: Möten 2018\n---\nVåra möten 2018.\n",
            **files,
        })
        monkeypatch.chdir(root)
        return root
    return make


@pytest.fixture
def extra_check(monkeypatch):
    """Register a check for one test only; it records the settings it was given."""
    seen: list = []
    real = checks.checks

    def install(result: list[ContentError]):
        def check(site, session):
            seen.append(session.settings)
            return result
        monkeypatch.setattr(checks, "checks", lambda: [*real(), check])
        return seen
    return install


def test_clean_site_passes(site, capsys):
    site()
    assert main(["check"]) == 0
    assert "Inga fel" in capsys.readouterr().out


def test_errors_name_file_line_field_and_example_in_swedish_and_english(site, capsys):
    site(**{"content/meetings/2018-06-14-mote.sv.md": MEETING.replace("date: 2018-06-14", "date: 2018-06-31")})
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "Innehållet har 1 fel" in out
    assert "content/meetings/2018-06-14-mote.sv.md:3: date: 2018-06-31 finns inte i kalendern." in out
    assert "Exempel: date: 2018-06-14" in out
    assert "(en) 2018-06-31 does not exist in the calendar." in out


def test_every_error_is_reported_at_once(site, capsys):
    site(**{
        "content/meetings/2018-06-14-mote.sv.md": MEETING.replace("summary:", "sumary:"),
        "content/about.sv.md": "",
    })
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "content/about.sv.md: Filen är tom." in out
    assert "sumary: Okänt fält. Menade du summary?" in out


def test_registered_checks_run_with_the_settings_from_mkdocs_yml(site, extra_check, capsys):
    site()
    seen = extra_check([])
    assert main(["check"]) == 0
    assert seen == [Settings.parse({"readability": {"en": {"flesch_min": 10}}})]


def test_placeholders_are_a_registered_check(site, capsys):
    site(**{"content/meetings/2018-06-14-mote.sv.md": MEETING.replace("Vi träffades på", "FYLL I: Vi träffades på")})
    assert main(["check"]) == 1
    assert "content/meetings/2018-06-14-mote.sv.md:6: Texten har kvar FYLL I från mallen." in capsys.readouterr().out


WARNING = ContentError("content/index.sv.md", 3, None, "Svårläst.", "Hard to read.", level="warning")


def test_warnings_fail_a_strict_site_like_the_build(site, extra_check, capsys):
    site(strict=True)
    extra_check([WARNING])
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert f"Varning (warning): {WARNING.format()}" in out
    assert "strict" in out


def test_warnings_do_not_fail_a_lenient_site(site, extra_check, capsys):
    site(strict=False)
    extra_check([WARNING])
    assert main(["check"]) == 0
    assert WARNING.format() in capsys.readouterr().out


def test_paths_limit_the_report_to_those_files(site, extra_check, capsys, monkeypatch):
    root = site()
    extra_check([
        ContentError("content/index.sv.md", 2, None, "Fel på start.", "Error on home."),
        ContentError("content/meetings/2018-06-14-mote.sv.md", 2, None, "Fel på mötet.", "Error on meeting."),
    ])
    assert main(["check", "content/meetings"]) == 1
    out = capsys.readouterr().out
    assert "Fel på mötet." in out and "Fel på start." not in out
    assert "Andra filer har 1 fel" in out
    # A path given from a subfolder means the same file.
    monkeypatch.chdir(root / "content")
    assert main(["check", "index.sv.md"]) == 1
    out = capsys.readouterr().out
    assert "Fel på start." in out and "Fel på mötet." not in out


def test_a_path_that_does_not_exist_is_explained(site, capsys):
    site()
    assert main(["check", "content/finns-inte.sv.md"]) == 2
    assert "finns inte" in capsys.readouterr().err


def test_outside_a_site_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "mkdocs.yml" in err and "Traceback" not in err


def test_config_option_and_default_docs_dir(tree, monkeypatch, capsys):
    root = tree({"site/mkdocs.yml": "site_name: Test\n", "site/docs/index.sv.md": "Hej.\n"})
    monkeypatch.chdir(root)
    assert main(["check", "--config", "site/mkdocs.yml"]) == 0
    assert "Sidor som vi kontrollerade: 1." in capsys.readouterr().out


def test_while_there_are_errors_warnings_wait_like_in_the_build(site, extra_check, capsys):
    site(**{"content/meetings/2018-06-14-mote.sv.md": MEETING.replace("date: 2018-06-14", "date: 2018-06-31")})
    assert main(["check"]) == 1  # loading failed, so no check ran: nothing to hold back
    site(**{"content/meetings/2018-06-14-mote.sv.md": MEETING})
    extra_check([WARNING, ContentError("content/meetings/2018-06-14-mote.sv.md", 2, None, "Fel.", "Error.")])
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "Fel." in out and "Svårläst." not in out
    assert "Det finns också 1 varningar" in out
    # The file with the warning alone: it would still stop the strict build, so no "no problems".
    assert main(["check", "content/index.sv.md"]) == 1
    out = capsys.readouterr().out
    assert "Inga fel" not in out and "Andra filer har 1 fel" in out
