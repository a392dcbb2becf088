"""klarsida.project: what the CLI reads from mkdocs.yml, without MkDocs."""

from __future__ import annotations

import pytest

from klarsida.project import ProjectNotFound, find_config, load_project


def test_reads_docs_dir_strict_and_klarsida_settings_despite_mkdocs_tags(tree):
    root = tree({
        "mkdocs.yml": """
            docs_dir: content
            strict: true
            theme:
              icon: !!python/name:material.extensions.emoji.twemoji
            extra:
              token: !ENV [NO_SUCH_VARIABLE, x]
              klarsida:
                readability:
                  sv: {lix_max: 40}
        """,
        "content/index.sv.md": "Hej.\n",
    })
    project = load_project(root / "mkdocs.yml")
    assert project.root == root.resolve()
    assert project.content_dir == root.resolve() / "content"
    assert project.strict is True
    assert project.settings == {"readability": {"sv": {"lix_max": 40}}}


def test_defaults_follow_mkdocs(tree):
    root = tree({"mkdocs.yml": "site_name: x\n", "docs/index.sv.md": "Hej.\n"})
    project = load_project(root / "mkdocs.yml")
    assert project.content_dir.name == "docs" and project.strict is False and project.settings == {}


def test_finds_the_config_from_a_subfolder(tree, monkeypatch):
    root = tree({"mkdocs.yml": "docs_dir: content\n", "content/meetings/x.sv.md": "Hej.\n"})
    monkeypatch.chdir(root / "content/meetings")
    assert find_config() == (root / "mkdocs.yml").resolve()
    assert load_project().content_dir == (root / "content").resolve()


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ({}, "Hittar ingen mkdocs.yml"),
        ({"mkdocs.yml": "docs_dir: innehall\n"}, "Mappen"),
        ({"mkdocs.yml": "docs_dir: [oavslutad\n"}, "går inte att läsa"),
    ],
)
def test_problems_are_explained(tree, monkeypatch, files, words):
    root = tree(files) if files else tree({"tom.txt": ""})
    monkeypatch.chdir(root)
    with pytest.raises(ProjectNotFound) as caught:
        load_project()
    assert words in str(caught.value) and "(en)" in str(caught.value)
