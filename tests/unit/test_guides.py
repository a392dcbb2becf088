"""The guides name only commands that exist, so editors are never sent to a missing one."""

from __future__ import annotations

import re

import pytest

from klarsida.cli import command_modules
from tests.conftest import REPO
from tests.unit.test_workflows import make_targets

GUIDES = sorted((REPO / "docs").glob("*.md")) + [REPO / "README.md", REPO / ".github/pull_request_template.md"]


@pytest.mark.parametrize("path", GUIDES, ids=lambda p: p.name)
def test_make_targets_and_klarsida_commands_in_the_guides_exist(path):
    text = path.read_text(encoding="utf-8")
    targets = make_targets()
    commands = {module.NAME for module in command_modules()}
    for target in re.findall(r"`make ([a-z][\w-]*)", text):
        assert target in targets, f"{path.name} mentions `make {target}`, which the Makefile does not have"
    for command in re.findall(r"`(?:\.venv/bin/)?klarsida ([a-z][\w-]*)", text):
        assert command in commands, f"{path.name} mentions `klarsida {command}`, which does not exist"


def test_the_editor_guide_covers_what_editors_do():
    text = (REPO / "docs/redaktorer.md").read_text(encoding="utf-8")
    for heading in ("Skriva en mötesanteckning", "Skriva ett evenemang", "Fälten", "Läsbarhetsrapporten",
                    "Granskningsläge", "Öppna en pull request", "Vilka år gäller anteckningarna?"):
        assert f"## {heading}" in text
    assert "(front-matter.md)" in text


EXAMPLE = re.compile(r"<!-- exempel: (?P<path>\S+) -->\n```markdown\n(?P<text>.*?)```\n", re.S)


def guide_examples() -> list[tuple[str, str]]:
    text = (REPO / "docs/redaktorer.md").read_text(encoding="utf-8")
    return [(found["path"], found["text"]) for found in EXAMPLE.finditer(text)]


def test_the_editor_guide_has_examples_of_change_notes_translations_and_fix():
    texts = "\n".join(text for _, text in guide_examples())
    assert "changes:\n  - date:" in texts and "translated_from:" in texts
    assert len(guide_examples()) >= 3


@pytest.mark.parametrize("path,text", guide_examples(), ids=lambda v: v if v.startswith("content/") else "")
def test_each_example_in_the_editor_guide_passes_klarsida_check(path, text, tmp_path, monkeypatch, capsys):
    """Each example file of the guide, put in place of the real page in a copy of the site, passes."""
    import shutil

    from klarsida.cli import main

    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy2(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / path).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", path]) == 0, capsys.readouterr().out


def test_the_word_example_in_the_editor_guide_is_what_fix_makes(tmp_path, monkeypatch, capsys):
    import shutil

    from klarsida.cli import main

    guide = (REPO / "docs/redaktorer.md").read_text(encoding="utf-8")
    before = re.search(r"Så här kan en rad från Word se ut före:\n\n```text\n(.*?)\n```", guide, re.S).group(1)
    path, after = next((p, t) for p, t in guide_examples() if "Film och samtal" in t)
    pasted = "\n".join(before if line.startswith("title:") else line for line in after.split("\n"))
    assert pasted != after and "”" in pasted
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy2(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / path).write_text(pasted, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", path]) == 1
    assert main(["check", "--fix", path]) == 0, capsys.readouterr().out
    assert (tmp_path / path).read_text(encoding="utf-8") == after
