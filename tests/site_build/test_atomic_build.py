"""`make build` replaces site/ only when the build succeeds; a failed build leaves it untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PINNED_EPOCH, REPO

VENV = Path(sys.executable).parent.parent


def make_build(root: Path) -> subprocess.CompletedProcess:
    # -o: treat the venv as installed (it is: these tests run in it), so make only builds.
    stamp = VENV / ".installed"
    command = ["make", "-C", str(root), "-o", str(stamp), f"VENV={VENV}", f"MKDOCS={VENV / 'bin' / 'mkdocs'}", "build"]
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH}
    return subprocess.run(command, env=env, capture_output=True, text=True)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file (path → sha256) and folder below `folder`, to compare a tree byte for byte."""
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        found[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return found


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith("site."))


@pytest.fixture
def project(site_copy):
    shutil.copy2(REPO / "Makefile", site_copy / "Makefile")
    result = make_build(site_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    # Mark the good site so we can tell it from a new one.
    (site_copy / "site" / "previous-build.txt").write_text("the good site\n", encoding="utf-8")
    return site_copy


def test_successful_build_replaces_site(project):
    assert (project / "site" / "index.html").is_file()
    assert oct((project / "site").stat().st_mode & 0o777) == "0o755"
    result = make_build(project)
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / "previous-build.txt").exists()
    assert (project / "site" / "en" / "index.html").is_file()
    assert leftovers(project) == []


def test_content_error_leaves_previous_site_exactly_as_it_was(project):
    before = snapshot(project / "site")
    page = project / "content" / "about.sv.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = make_build(project)
    assert result.returncode != 0
    assert "content/about.sv.md" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_failure_after_pages_were_written_leaves_previous_site(project):
    # A hook that fails at the very end, when MkDocs has already written every page.
    (project / "hooks" / "klarsida_fail_late.py").write_text(
        "from mkdocs.exceptions import PluginError\n\n"
        "def on_post_build(config):\n"
        "    raise PluginError('failing on purpose after writing the pages')\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("hooks:\n", "hooks:\n  - hooks/klarsida_fail_late.py\n", 1), encoding="utf-8")
    before = snapshot(project / "site")
    result = make_build(project)
    assert result.returncode != 0
    assert "failing on purpose" in result.stdout + result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []
