"""Two builds of the same sources with the same SOURCE_DATE_EPOCH give byte-identical site trees.

The second build differs in everything that must not matter: another checkout folder and output
folder, fresh file times, another hash seed (set order), time zone and locale.
"""

from __future__ import annotations

import gzip
import hashlib
import os
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


def test_two_builds_are_byte_identical(built_site, site_copy, tmp_path):
    now = time.time()
    for path in site_copy.rglob("*"):
        if not path.is_symlink():
            os.utime(path, (now, now))
    other = tmp_path / "elsewhere" / "out"
    env = {"PYTHONHASHSEED": "4242", "TZ": "America/New_York", "LANG": "C", "LC_ALL": "C"}
    result = mkdocs_build(other, config=site_copy / "mkdocs.yml", extra_env=env)
    assert result.returncode == 0, result.stdout + result.stderr

    first, second = digests(built_site), digests(other)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    # What is worth comparing is there: pages, search index and sitemaps at least.
    assert {"index.html", "search/search_index.json", "sitemap.xml", "sitemap.xml.gz"} <= set(first)


def test_sitemap_gz_carries_the_pinned_time_not_the_clock(built_site):
    raw = (built_site / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", raw[4:8])  # gzip header: bytes 4-7 are the mtime
    # MkDocs stamps it with the newest page date (midnight UTC of the pinned day), not the clock.
    assert 0 <= int(PINNED_EPOCH) - mtime < 24 * 3600
    assert gzip.decompress(raw) == (built_site / "sitemap.xml").read_bytes()
