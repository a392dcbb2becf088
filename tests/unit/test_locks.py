"""The lock files pin every package to a version and a file hash, and make installs with
--require-hashes (tools/hash_locks.py writes the hashes)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO

LOCKS = ["requirements.lock", "requirements-test.lock"]


def entries(name: str) -> list[str]:
    text = (REPO / name).read_text(encoding="utf-8")
    joined = text.replace("\\\n", " ")
    return [line for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@pytest.mark.parametrize("name", LOCKS)
def test_every_package_is_pinned_with_a_hash(name):
    found = entries(name)
    assert found
    for entry in found:
        assert re.match(r"^[A-Za-z0-9_.\-]+==\S+ ", entry), f"{name}: not pinned exactly: {entry}"
        assert re.search(r"--hash=sha256:[0-9a-f]{64}\b", entry), f"{name}: no hash: {entry.split()[0]}"


def test_make_installs_with_require_hashes():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if "pip install" in line and " -r " in line]
    assert len(installs) == 2
    assert all("--require-hashes" in line for line in installs)
