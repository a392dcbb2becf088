"""Scores kept on disk between runs, keyed by content hash, so a build or a preview that
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

@cache
def fingerprint() -> str:
    import markdown
    import pyphen

    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted([*here.glob("*.py"), *here.parent.glob("data/*")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(f"markdown {markdown.__version__} pyphen {pyphen.__version__}".encode())
    from .english import dictionary_path

    cmu = dictionary_path()
    digest.update(str(cmu.stat().st_size if cmu else 0).encode())  # its size stands for its version
    return digest.hexdigest()[:16]


class DiskCache:
    """Scores in `folder` (created when first written); with None, a cache that keeps nothing."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else None
        self._entries: dict[str, Any] | None = None
        self._dirty = False

    def _load(self) -> dict[str, Any]:
        if self._entries is None:
            self._entries = {}
            if self.folder is not None:
                try:
                    data = json.loads((self.folder / FILE).read_text(encoding="utf-8"))
                    if data.get("engine") == fingerprint() and isinstance(data.get("scores"), dict):
                        self._entries = data["scores"]
                except (OSError, ValueError, AttributeError):
                    pass  # no cache yet, or one we cannot read: score again
        return self._entries

    def get(self, key: str) -> dict[str, Any] | None:
        if self.folder is None:
            return None
        entries = self._load()
        found = entries.pop(key, None)
        if found is not None:
            if not isinstance(found, dict):
                return None  # a damaged entry: score again
            entries[key] = found  # most recently used last
        return found

    def put(self, key: str, value: dict[str, Any]) -> None:
        if self.folder is None:
            return
        entries = self._load()
        entries[key] = value
        while len(entries) > MAX_ENTRIES:
            del entries[next(iter(entries))]
        self._dirty = True

    def save(self) -> None:
        """Write the cache if anything new was scored; atomic, so two builds at once cannot break it."""
        if self.folder is None or not self._dirty:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.folder, suffix=".tmp", delete=False) as tmp:
                json.dump({"engine": fingerprint(), "scores": self._entries}, tmp, ensure_ascii=False)
            os.replace(tmp.name, self.folder / FILE)
            self._dirty = False
        except OSError:
            pass  # a read-only checkout or a full disk still builds; it just scores again next time
