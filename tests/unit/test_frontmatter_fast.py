"""libyaml reads shallow front matter faster; it must read it exactly as PyYAML does."""

from __future__ import annotations

import pytest
import yaml

from klarsida import frontmatter
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures"


def both_ways(monkeypatch, text: str):
    fast = frontmatter.split_front_matter(text, "x.sv.md")
    monkeypatch.setattr(frontmatter, "_FastTextLoader", None)
    slow = frontmatter.split_front_matter(text, "x.sv.md")
    monkeypatch.undo()
    return fast, slow


def sources():
    files = sorted([*(REPO / "content").rglob("*.md"), *FIXTURES.rglob("*.md")])
    assert len(files) > 40
    return files


def test_libyaml_is_there():
    # Without it every build is slower; the pinned PyYAML wheel ships it.
    assert frontmatter._FastTextLoader is not None


@pytest.mark.parametrize("path", sources(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_same_fields_lines_and_errors_either_way(monkeypatch, path):
    fast, slow = both_ways(monkeypatch, path.read_text(encoding="utf-8", errors="replace"))
    assert fast == slow


@pytest.mark.parametrize("text", [
    "---\ntitle: [a, [b, {c: d}]]\n---\n",
    "---\ntitle: Möte\norganisations:\n  - name: RSMH\n    role: [x]\n---\n",
    "---\ntitle: \"Oavslutad\n---\n",
    "---\ntitle: a\ntitle: b\n---\n",
    "---\nbase: &b {x: 1}\nother: *b\n---\n",
])
def test_tricky_yaml_reads_the_same(monkeypatch, text):
    fast, slow = both_ways(monkeypatch, text)
    assert fast == slow


@pytest.mark.parametrize("text", [
    "[" * 5000 + "]" * 5000,
    "- " * 5000 + "x",
    "\n".join(" " * i + f"k{i}:" for i in range(60)) + " x",
    "? " * 3000 + "x",
])
def test_deep_nesting_never_reaches_libyaml(monkeypatch, text):
    assert not frontmatter._shallow(text)
    real, loaders = yaml.compose, []

    def compose(stream, Loader):
        loaders.append(Loader)
        return real(stream, Loader)

    monkeypatch.setattr(yaml, "compose", compose)
    source, errors = frontmatter.split_front_matter(f"---\n{text}\n---\n", "x.sv.md")
    assert loaders == [frontmatter._TextLoader]
    assert source is None and errors
