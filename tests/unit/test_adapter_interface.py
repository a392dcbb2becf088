"""docs/maintainers.md describes the adapter's interface (what a Zensical or MkDocs 2 adapter would
implement, and what it calls in the engine). Every name in that table must exist, and the adapter
the table names must be the one registered for the CLI, so the description stays true."""

from __future__ import annotations

import importlib
import importlib.metadata
import re

from tests.conftest import REPO

GUIDE = REPO / "docs" / "maintainers.md"


def interface_names() -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("### The adapter's interface", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    return re.findall(r"^\| `(klarsida\.[\w.]+)` \|", section, re.M)


def resolve(dotted: str):
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            found = getattr(found, name)
        return found
    raise ImportError(dotted)


def test_the_guide_names_the_interface():
    names = interface_names()
    assert len(names) >= 15 and "klarsida.mkdocs_material.find_project" in names


def test_every_name_in_the_guide_exists():
    missing = []
    for name in interface_names():
        try:
            resolve(name)
        except (ImportError, AttributeError):
            missing.append(name)
    assert not missing, f"docs/maintainers.md names what does not exist: {missing}"


def test_the_adapter_in_the_guide_is_the_one_the_cli_finds():
    entries = importlib.metadata.entry_points(group="klarsida.adapters")
    assert {e.value for e in entries} == {"klarsida.mkdocs_material"}
    adapter = importlib.import_module("klarsida.mkdocs_material")
    assert callable(adapter.find_project) and adapter.CONFIG_NAMES == ("mkdocs.yml",)


def test_the_hook_file_only_hands_events_to_the_adapter():
    hook = (REPO / "hooks" / "klarsida_mkdocs.py").read_text(encoding="utf-8")
    code = [line for line in hook.split('"""', 2)[2].splitlines() if line.strip()]
    assert code[0] == "from klarsida.mkdocs_material import MkDocsAdapter"
    assert code[1] == "adapter = MkDocsAdapter()"
    assert all(re.fullmatch(r"on_\w+ = adapter\.on_\w+", line) for line in code[2:]), code
    adapter = resolve("klarsida.mkdocs_material.MkDocsAdapter")
    assert all(hasattr(adapter, line.split(" = adapter.")[1]) for line in code[2:])
