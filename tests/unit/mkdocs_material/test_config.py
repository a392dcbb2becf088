"""The project as mkdocs.yml describes it, read by the adapter without MkDocs (what the CLI uses)."""

from __future__ import annotations

import pytest

from klarsida.mkdocs_material.config import find_config
from klarsida.project import ProjectNotFound, load_project
from klarsida.settings import ReadabilityTargets, SettingsInvalid
from tests.conftest import REPO


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
    assert project.settings.targets("sv") == ReadabilityTargets(lix_max=40.0)


def test_defaults_follow_mkdocs(tree):
    root = tree({"mkdocs.yml": "site_name: x\n", "docs/index.sv.md": "Hej.\n"})
    project = load_project(root / "mkdocs.yml")
    assert project.content_dir.name == "docs" and project.strict is False and project.settings.readability == {}
    assert project.languages == ("sv", "en")  # without static-i18n: the engine's default


def test_finds_the_config_from_a_subfolder(tree, monkeypatch):
    root = tree({"mkdocs.yml": "docs_dir: content\n", "content/meetings/x.sv.md": "Hej.\n"})
    monkeypatch.chdir(root / "content/meetings")
    assert find_config() == (root / "mkdocs.yml").resolve()
    assert load_project().content_dir == (root / "content").resolve()


def test_the_real_site_languages_names_and_markdown_come_from_mkdocs_yml():
    project = load_project(REPO / "mkdocs.yml")
    assert project.languages == ("sv", "en") and project.default_lang == "sv"
    assert project.site_name("en") == "Joint development group Helsingborg"
    assert project.site_name("sv") == "Gemensam utvecklingsgrupp Helsingborg"
    assert project.markdown_extensions["toc"] == {"permalink": False} and "attr_list" in project.markdown_extensions


def test_languages_default_first_from_the_i18n_plugin(tree):
    root = tree({
        "mkdocs.yml": """
            docs_dir: content
            plugins:
              - search
              - i18n:
                  languages:
                    - locale: en
                      name: English
                    - locale: sv
                      default: true
                    - locale: ar
                      site_name: مجموعة التطوير
        """,
        "content/index.sv.md": "Hej.\n",
    })
    project = load_project(root / "mkdocs.yml")
    assert project.languages == ("sv", "en", "ar") and project.site_name("ar") == "مجموعة التطوير"


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ({}, "Hittar ingen mkdocs.yml"),
        ({"mkdocs.yml": "docs_dir: innehall\n"}, "Mappen"),
        ({"mkdocs.yml": "docs_dir: [oavslutad\n"}, "går inte att läsa"),
        ({"mkdocs.yml": "- en lista\n"}, "går inte att läsa"),
    ],
)
def test_problems_are_explained(tree, monkeypatch, files, words):
    root = tree(files) if files else tree({"tom.txt": ""})
    monkeypatch.chdir(root)
    with pytest.raises(ProjectNotFound) as caught:
        load_project()
    assert words in str(caught.value) and "(en)" in str(caught.value)


def test_wrong_settings_are_messages_naming_the_key(tree):
    root = tree({
        "mkdocs.yml": """
            docs_dir: content
            extra:
              klarsida:
                readability:
                  sv: {lix_max: "40", lix_maks: 40}
        """,
        "content/index.sv.md": "Hej.\n",
    })
    with pytest.raises(SettingsInvalid) as caught:
        load_project(root / "mkdocs.yml")
    text = str(caught.value)
    assert "mkdocs.yml extra.klarsida.readability.sv.lix_max: '40'" in text and "lix_max: 40" in text
    assert "lix_maks: okänd inställning" in text and "lix_max?" in text


def test_the_engine_converts_with_the_extensions_of_mkdocs_yml():
    """What the session's Markup uses is read from mkdocs.yml, so heading ids match MkDocs' toc."""
    import yaml

    class Loader(yaml.SafeLoader):
        """mkdocs.yml may hold !!python/name tags (e.g. a slugify function); keep them as text."""

    Loader.add_multi_constructor("", lambda loader, suffix, node: suffix)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    configured = {"toc": {}, "tables": {}, "fenced_code": {}}  # MkDocs' builtins, always on
    for entry in config["markdown_extensions"]:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        configured[name] = options or {}
    assert load_project(REPO / "mkdocs.yml").markdown_extensions == configured
