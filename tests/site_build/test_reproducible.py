"""Two builds of the same sources with the same SOURCE_DATE_EPOCH give byte-identical site trees.

The second build differs in everything that must not matter: another checkout folder and output
folder, fresh file times, another hash seed (set order), time zone and locale. A third build with
the readability score cache filled by the second must not differ either.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import struct
import time
from pathlib import Path

from tests.conftest import PINNED_EPOCH, mkdocs_build


def digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_two_builds_are_byte_identical(site_copy, tmp_path_factory):
    # Both builds use one snapshot of the sources (site_copy), so edits in the working tree
    # between the two cannot make them differ.
    first_out = tmp_path_factory.mktemp("first") / "site"
    result = mkdocs_build(first_out, config=site_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr

    other_root = tmp_path_factory.mktemp("elsewhere")
    elsewhere = other_root / "checkout"
    # Without the first build's score cache (.cache/), so both builds compute everything.
    shutil.copytree(site_copy, elsewhere, symlinks=True, ignore=shutil.ignore_patterns(".cache"))
    now = time.time() + 3600
    for path in elsewhere.rglob("*"):
        if not path.is_symlink():
            os.utime(path, (now, now))
    second_out = other_root / "out"
    env = {"PYTHONHASHSEED": "4242", "TZ": "America/New_York", "LANG": "C", "LC_ALL": "C"}
    result = mkdocs_build(second_out, config=elsewhere / "mkdocs.yml", extra_env=env)
    assert result.returncode == 0, result.stdout + result.stderr

    # A third build reuses what the second one cached: the cache must not change a byte either.
    assert (elsewhere / ".cache").is_dir()
    third_out = other_root / "out-warm"
    result = mkdocs_build(third_out, config=elsewhere / "mkdocs.yml", extra_env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert digests(third_out) == digests(second_out)

    first, second = digests(first_out), digests(second_out)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    # What is worth comparing is there: pages, search index, sitemaps, feeds, calendars, report.
    assert {"index.html", "search/search_index.json", "sitemap.xml", "sitemap.xml.gz"} <= set(first)
    assert {".ics", ".xml", ".json"} <= {Path(name).suffix for name in first}


def test_sitemap_gz_carries_the_pinned_time_not_the_clock(built_site):
    raw = (built_site / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", raw[4:8])  # gzip header: bytes 4-7 are the mtime
    # MkDocs stamps it with the newest page date (midnight UTC of the pinned day), not the clock.
    assert 0 <= int(PINNED_EPOCH) - mtime < 24 * 3600
    assert gzip.decompress(raw) == (built_site / "sitemap.xml").read_bytes()
