"""Write sha256 hashes into the lock files, so `pip install --require-hashes` installs exactly the
files we tested with (a replaced file on the registry, or a look-alike on another index, fails).

    .venv/bin/python tools/hash_locks.py [requirements.lock requirements-test.lock]

For every `name==version` line, pip downloads what it would install on this machine (Linux x86-64,
CPython 3.11, the build machine's platform) with the configured indexes, and the line gets that
file's hash. Comments and order are kept; a line that has hashes keeps them (`--all` hashes every
line again: pip download takes about 6 s a package here). Run it after changing a
version (docs/maintainers.md, "Dependencies"). Needs the registry, so it is not part of the build.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;\\]+)")


def requirements(path: Path) -> list[tuple[str, str | None, list[str]]]:
    """(line without hashes, 'name==version' or None, its sha256 hashes) per logical line."""
    found = []
    for logical in path.read_text(encoding="utf-8").replace("\\\n", " ").splitlines():
        digests = re.findall(r"--hash=sha256:([0-9a-f]{64})", logical)
        line = re.sub(r"\s*--hash=\S+", "", logical).rstrip()
        found.append((line, m.group(0) if (m := PIN.match(line)) else None, digests))
    return found


def hashes(pin: str, folder: Path) -> list[str]:
    target = folder / re.sub(r"\W", "_", pin)
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(target), pin],
                   check=True)
    return sorted(hashlib.sha256(file.read_bytes()).hexdigest() for file in target.iterdir())


def main(args: list[str]) -> int:
    again = "--all" in args
    paths = [a for a in args if a != "--all"]
    with tempfile.TemporaryDirectory() as tmp:
        for name in paths or ["requirements.lock", "requirements-test.lock"]:
            path = REPO / name if not Path(name).is_absolute() else Path(name)
            out = []
            for line, pin, known in requirements(path):
                if pin is None:
                    out.append(line)
                    continue
                found = known if known and not again else hashes(pin, Path(tmp))
                out.append(" \\\n".join([line.rstrip(), *(f"    --hash=sha256:{digest}" for digest in found)]))
            path.write_text("\n".join(out) + "\n", encoding="utf-8")
            print(f"{path.name}: {sum(1 for _, pin, _ in requirements(path) if pin)} pinned files hashed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
