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
