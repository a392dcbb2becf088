"""`make build` replaces site/ only when the build succeeds; a failed build leaves it untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
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


def test_read_only_site_is_refused_before_anything_changes(site_copy):
    """A read-only folder in site/ (as a non-root user would meet it: root may delete anything) stops
    the build before it starts, names the folder, and leaves site/ and the folder around it alone."""
    shutil.copy2(REPO / "Makefile", site_copy / "Makefile")
    site = site_copy / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("the good site\n", encoding="utf-8")
    (site / "assets" / "x.css").write_text("a{}\n", encoding="utf-8")
    # nobody must reach the project: tmp_path's parents are private to root
    public = Path(tempfile.mkdtemp(prefix="klarsida-readonly-"))
    public.chmod(0o755)
    try:
        project = public / "project"
        shutil.copytree(site_copy, project, symlinks=True)
        subprocess.run(["chown", "-R", "65534:65534", str(project)], check=True)
        (project / "site" / "assets").chmod(0o555)
        before = snapshot(project / "site")
        command = [sys.executable, "-m", "klarsida.mkdocs_material.build_site"]
        if os.getuid() == 0:
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        result = subprocess.run(command, cwd=project, capture_output=True, text=True,
                                env={**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "HOME": str(public)})
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert "Mappen site/assets är skrivskyddad" in output
        assert "Traceback" not in output
        assert snapshot(project / "site") == before
        assert leftovers(project) == []
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(public)], check=False)
        shutil.rmtree(public, ignore_errors=True)


def test_killed_build_leaves_leftovers_that_the_next_build_removes(project):
    """SIGKILL runs no cleanup: the next build removes site.tmp.<pid> and the second process's folder."""
    before = snapshot(project / "site")
    stamp = VENV / ".installed"
    command = ["make", "-C", str(project), "-o", str(stamp), f"VENV={VENV}", "build"]
    build = subprocess.Popen(command, env={**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH},
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(project.glob("site.tmp.*/index.html")):
        time.sleep(0.05)
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    killed = leftovers(project)
    assert killed and killed[0].startswith("site.tmp."), killed
    pid = killed[0].rsplit(".", 1)[1]
    assert snapshot(project / "site") == before, "a killed build must not touch site/"

    result = make_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert leftovers(project) == []
    assert killed[0] in result.stderr  # it says what it removed
    assert not list(Path(tempfile.gettempdir()).glob(f"klarsida-check-{pid}-*"))
    assert (project / "site" / "index.html").is_file()


def test_full_disk_leaves_previous_site_and_says_so(project):
    """A real full disk: the project on a 3 MB tmpfs (root only, as on CI; mounting needs it)."""
    assert os.getuid() == 0, "this test mounts a small tmpfs to fill it: run the tests as root, as CI does"
    mount = Path(tempfile.mkdtemp(prefix="klarsida-full-"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], check=True)
    try:
        small = mount / "project"
        shutil.copytree(project, small, symlinks=True, ignore=shutil.ignore_patterns("site"))
        (small / "site").mkdir()
        (small / "site" / "index.html").write_text("the good site\n", encoding="utf-8")
        before = snapshot(small / "site")
        result = make_build(small)
        output = result.stdout + result.stderr
        assert result.returncode != 0
        assert "disken är full" in output and "No space left on device" in output
        assert "Traceback" not in output
        assert snapshot(small / "site") == before
        assert leftovers(small) == []
    finally:
        subprocess.run(["umount", str(mount)], check=False)
        shutil.rmtree(mount, ignore_errors=True)
