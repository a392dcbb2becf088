"""Shared fixtures: tiny content trees per test, and one real build of the site per test run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# 14 June 2018 12:00 Stockholm: the film screening (23 August 2018) is upcoming, Våryra (17 May) past.
PINNED_EPOCH = "1528970400"


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write {relative path: text} below root, dedenting text so tests can indent it."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def tree(tmp_path):
    """`tree({...})` writes a content tree and returns the repo root (content lives in content/)."""
    return lambda files: write_tree(tmp_path, files)


def mkdocs_build(site_dir: Path, config: Path = REPO / "mkdocs.yml", epoch: str = PINNED_EPOCH, extra_env=None,
                 args: tuple[str, ...] = ()):
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return subprocess.run(
        [str(mkdocs), "build", "--strict", *args, "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=config.parent, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test run with SOURCE_DATE_EPOCH pinned."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site_dir)
    assert result.returncode == 0, f"the site did not build:\n{result.stdout}\n{result.stderr}"
    return site_dir


# A site with Arabic, written right to left, as a third language: its own mkdocs.yml and content.
THREE_LANGUAGES = REPO / "tests" / "fixtures" / "sites" / "three_languages"


def three_language_sources(root: Path) -> Path:
    """The three-language fixture site in `root`, with the repository's hooks/ and overrides/ beside
    its mkdocs.yml (which names them as the real one does); returns its mkdocs.yml."""
    shutil.copytree(THREE_LANGUAGES, root)
    for name in ("hooks", "overrides"):
        shutil.copytree(REPO / name, root / name)
    return root / "mkdocs.yml"


@pytest.fixture(scope="session")
def three_language_site(tmp_path_factory) -> Path:
    """The three-language fixture site (sv, en, ar), built once per test run with SOURCE_DATE_EPOCH pinned."""
    config = three_language_sources(tmp_path_factory.mktemp("three_languages") / "source")
    site_dir = tmp_path_factory.mktemp("three_languages_site")
    result = mkdocs_build(site_dir, config=config)
    assert result.returncode == 0, f"the three-language site did not build:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture
def site_copy(tmp_path):
    """A copy of the repository's site sources (config, content, hooks, overrides) to break on purpose."""
    for name in ("mkdocs.yml", "content", "hooks", "overrides"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name)
        else:
            shutil.copy2(src, tmp_path / name)
    # mkdocs.yml watches klarsida/; the engine itself comes from the installed package.
    (tmp_path / "klarsida").symlink_to(REPO / "klarsida")
    return tmp_path
