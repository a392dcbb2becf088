"""Copies of Material's partials in overrides/ say which Material they were copied from; a Material
upgrade must compare each one with its new original (docs/maintainers.md, Upgrading).

overrides/partials/header.html (issue 16: the organisation's name never cut off), nav-item.html,
palette.html, search.html and toc.html are Material's templates with a few changes each. Without
this test a new Material would be built with the old copies, silently losing its fixes to them.
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import material

from tests.conftest import REPO

COPIED_FROM = re.compile(r"\{#-?\s*Material (\d+\.\d+\.\d+) (partials/[\w-]+\.html)")
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def copies() -> dict[Path, tuple[str, str]]:
    found = {}
    for path in sorted((REPO / "overrides").rglob("*.html")):
        match = COPIED_FROM.match(path.read_text(encoding="utf-8"))
        if match:
            found[path] = (match[1], match[2])
    return found


def test_every_copy_of_a_material_partial_names_the_installed_material():
    installed = importlib.metadata.version("mkdocs-material")
    stale = {path.relative_to(REPO).as_posix(): version for path, (version, _) in copies().items() if version != installed}
    assert not stale, (f"Material {installed} is installed; compare these copies with its templates, carry "
                       f"our changes over and update the version in their first line: {stale}")


def test_every_copy_names_a_partial_material_has_and_sits_at_its_path():
    found = copies()
    assert {p.name for p in found} >= {"header.html", "nav-item.html", "palette.html", "search.html", "toc.html"}
    for path, (_, original) in found.items():
        assert (MATERIAL_TEMPLATES / original).is_file(), f"{path.name}: Material has no {original}"
        assert path.relative_to(REPO / "overrides").as_posix() == original
