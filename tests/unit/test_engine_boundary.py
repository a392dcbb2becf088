"""The engine knows nothing of MkDocs, Material or static-i18n; only the adapter package does.

Material for MkDocs reaches end of life on 5 May 2027 and MkDocs 2 drops plugins: moving to another
generator must mean writing a sibling of `klarsida/mkdocs_material/`, not editing the engine. So
every file of `klarsida/` outside the adapter (code, templates, schemas, data, comments included) is
scanned for the base's names: its packages, configuration keys, file names, CSS classes and HTML
attributes. And the engine keeps no mutable state in its modules: a session owns it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import REPO

ENGINE = REPO / "klarsida"
ADAPTER = ENGINE / "mkdocs_material"

# What only the adapter may say. Each pattern: (name, regular expression, why it is the base's).
FORBIDDEN = [
    ("MkDocs", r"mkdocs", "the generator (its package, mkdocs.yml, `mkdocs serve`)"),
    ("Material", r"\bmaterial\b", "the theme (Material for MkDocs)"),
    ("static-i18n", r"static[-_]i18n|i18n plugin", "the language plugin"),
    ("Zensical", r"zensical", "another generator: an adapter of its own"),
    ("docs_dir/site_dir", r"\b(docs_dir|site_dir|site_url|use_directory_urls|nav_translations)\b",
     "MkDocs configuration keys"),
    ("search index", r"search_index|data-search-exclude|lunr", "Material's search"),
    ("theme files", r"\.min\.(css|js)|bundle\.|palette\.|base\.html|main\.html", "Material's files"),
    ("theme classes", r"(?<![.\w])md-[a-z]|__toc|__drawer|data-md-", "Material's CSS classes and attributes"),
    ("plugin events", r"\bon_(config|files|page_\w+|post_\w+|pre_\w+|env|startup|shutdown)\b", "MkDocs events"),
]

# Words that are ours although they look like the base's.
ALLOWED = [
    # `site_url` is the project's address as the engine's Project names it (klarsida/project.py).
    ("docs_dir/site_dir", {"site_url"}),
]


def engine_files() -> list[Path]:
    return sorted(
        p for p in ENGINE.rglob("*")
        if p.is_file() and ADAPTER not in p.parents and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )


def test_the_engine_has_files_to_scan():
    names = {p.relative_to(ENGINE).as_posix() for p in engine_files()}
    assert {"session.py", "site.py", "render.py", "templates/home.html", "schemas/common.json"} <= names


@pytest.mark.parametrize("name, pattern, why", FORBIDDEN, ids=[f[0] for f in FORBIDDEN])
def test_no_file_of_the_engine_names_the_base(name, pattern, why):
    allowed = next((words for allowed_name, words in ALLOWED if allowed_name == name), set())
    found = []
    for path in engine_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            for match in re.finditer(pattern, line, re.I):
                if match.group(0) not in allowed:
                    found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert not found, f"The engine names {why}; move this to klarsida/mkdocs_material/:\n" + "\n".join(found)


def test_the_scan_finds_what_it_looks_for(tmp_path):
    """The patterns are not vacuous: each finds the thing it forbids in a line the old engine had."""
    old_lines = {
        "MkDocs": "from mkdocs.exceptions import PluginError",
        "Material": "Material's blog plugin writes no posts",
        "static-i18n": "static-i18n builds languages but the first into <site>/<lang>",
        "Zensical": "Zensical reads mkdocs.yml",
        "docs_dir/site_dir": 'content_dir = root / str(data.get("docs_dir") or "docs")',
        "search index": '<ul class="ks-list" data-search-exclude>',
        "theme files": '"stylesheet": "assets/stylesheets/main.*.min.css"',
        "theme classes": "md-header__button",
        "plugin events": "def on_page_content(html, page, config, files):",
    }
    for name, pattern, _ in FORBIDDEN:
        assert re.search(pattern, old_lines[name], re.I), name


def _module_level_state(path: Path) -> list[str]:
    """Module-level names bound to a mutable container ({} [] set() dict() list()), or `global`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        targets, value = [], None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        mutable = isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)) or (
            isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
            and value.func.id in ("dict", "list", "set", "defaultdict", "OrderedDict")
        )
        for target in targets:
            name = getattr(target, "id", "")
            if mutable and name and not name.isupper() and not (name.startswith("__") and name.endswith("__")):
                found.append(f"{path.relative_to(REPO)}:{node.lineno}: {name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.append(f"{path.relative_to(REPO)}:{node.lineno}: global {', '.join(node.names)}")
    return found


def test_no_mutable_state_in_engine_modules():
    """Constants are UPPER_CASE tables, read and never changed; everything that changes while the
    engine works belongs to a Session (klarsida/session.py), so two sessions share nothing."""
    found = [line for path in engine_files() if path.suffix == ".py" for line in _module_level_state(path)]
    assert not found, "Mutable module-level state (give it to the session):\n" + "\n".join(found)


def test_the_state_finder_finds_state(tmp_path):
    sample = REPO / "klarsida" / "__scan_sample.py"
    try:
        sample.write_text("_cache: dict = {}\nrows = []\nLIMITS = {'a': 1}\n\ndef f():\n    global rows\n", encoding="utf-8")
        assert [line.split(": ", 1)[1] for line in _module_level_state(sample)] == ["_cache", "rows", "global rows"]
    finally:
        sample.unlink()
