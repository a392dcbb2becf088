"""Scores kept on disk between runs, keyed by content hash, so a build or `mkdocs serve` that
starts again only scores what changed. Off unless a caller names a folder (the build does:
`.cache/klarsida/` in the project).

Keys cover the text and everything that shapes its score (see scorer.score_text), plus a
fingerprint of this package's code and data and of the libraries it counts with, so a new
engine never reads old results. A missing, broken or foreign file is simply ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

FILE = "readability.json"
MAX_ENTRIES = 5000  # about 2 kB each, enough for 3,000 meetings; the least recently used go first

_folder: Path | None = None
_entries: dict[str, Any] | None = None
_dirty = False


@cache
def fingerprint() -> str:
    import markdown
    import pyphen

    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted([*here.glob("*.py"), *here.parent.glob("data/stiff_words*.yaml")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(f"markdown {markdown.__version__} pyphen {pyphen.__version__}".encode())
    from .english import dictionary_path

    cmu = dictionary_path()
    digest.update(str(cmu.stat().st_size if cmu else 0).encode())  # its size stands for its version
    return digest.hexdigest()[:16]


def use(folder: Path | None) -> None:
    """Keep scores in `folder` (created when first written); None turns the disk cache off."""
    global _folder, _entries, _dirty
    _folder, _entries, _dirty = (Path(folder) if folder else None), None, False


def folder() -> Path | None:
    """Where scores are kept (None: nowhere), for a second process to use the same place."""
    return _folder


def _load() -> dict[str, Any]:
    global _entries
    if _entries is None:
        _entries = {}
        if _folder is not None:
            try:
                data = json.loads((_folder / FILE).read_text(encoding="utf-8"))
                if data.get("engine") == fingerprint() and isinstance(data.get("scores"), dict):
                    _entries = data["scores"]
            except (OSError, ValueError, AttributeError):
                pass  # no cache yet, or one we cannot read: score again
    return _entries


def get(key: str) -> dict[str, Any] | None:
    if _folder is None:
        return None
    entries = _load()
    found = entries.pop(key, None)
    if found is not None:
        entries[key] = found  # most recently used last
    return found


def put(key: str, value: dict[str, Any]) -> None:
    global _dirty
    if _folder is None:
        return
    entries = _load()
    entries[key] = value
    while len(entries) > MAX_ENTRIES:
        del entries[next(iter(entries))]
    _dirty = True


def save() -> None:
    """Write the cache if anything new was scored; atomic, so two builds at once cannot break it."""
    global _dirty
    if _folder is None or not _dirty:
        return
    try:
        _folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=_folder, suffix=".tmp", delete=False) as tmp:
            json.dump({"engine": fingerprint(), "scores": _entries}, tmp, ensure_ascii=False)
        os.replace(tmp.name, _folder / FILE)
        _dirty = False
    except OSError:
        pass  # a read-only checkout still builds; it just scores again next time
