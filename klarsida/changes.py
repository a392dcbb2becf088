"""Change notes: a published page whose facts change says so (front matter `changes`, as GOV.UK does).

A page is published when it is on the main branch. The check compares each page with its version
there (where this branch started from it, as a pull request's diff does) (git, read-only: `git ls-tree` and one `git cat-file --batch`, no network) and asks for a new
change note when its facts changed without one. Facts are what a reader acts on:

- the fields of FACT_FIELDS (when, where, the price, registration, the status of an event), and
- every number in the text (dates, times, amounts, counts): "kl. 17.30" becoming "kl. 18.00" is a
  fact, a reworded sentence is not, so a spelling fix needs no note.

The main branch is `KLARSIDA_BASE_REF` if set (CI can name `origin/main`), else `origin/main`, else
`main`. Without git, outside a repository or without that branch the check cannot compare; it
says so once (`klarsida check` prints `base_status`) and asks for nothing.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import environment
from .checks import register
from .errors import ContentError
from .frontmatter import split_front_matter
from .model import Document
from .site import Site

BASE_CANDIDATES = ("origin/main", "main")
FACT_FIELDS = ("date", "start", "end", "place", "next_meeting", "price", "registration", "status")
NUMBER = re.compile(r"\d+(?:[.:,]\d+)*")


@dataclass(frozen=True)
class Base:
    """The published versions of the pages: {repository-relative path: file text}, or why not."""

    ref: str | None
    files: dict[str, str]
    reason_sv: str = ""
    reason_en: str = ""


def _git(root: Path, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], input=data, capture_output=True, timeout=60, check=False)


def read_base(root: Path, content_dir: Path) -> Base:
    """The main branch's version of every page under `content_dir` (read-only git, offline). Git
    that cannot be run, times out or answers in an unexpected way means "cannot compare", said as
    such by `klarsida check`, never a traceback."""
    try:
        return _read_base(root, content_dir)
    except FileNotFoundError:
        return Base(None, {}, "git finns inte på datorn", "git is not installed")
    except (OSError, subprocess.SubprocessError, ValueError, IndexError) as error:
        return Base(None, {}, f"git svarade inte som väntat ({type(error).__name__})",
                    f"git did not answer as expected ({type(error).__name__})")


def _read_base(root: Path, content_dir: Path) -> Base:
    inside = _git(root, "rev-parse", "--show-toplevel")
    if inside.returncode != 0:
        return Base(None, {}, "mappen är inte ett git-arkiv", "the folder is not a git repository")
    top = Path(inside.stdout.decode().strip())
    wanted = environment.base_ref()
    ref = None
    for candidate in ([wanted] if wanted else BASE_CANDIDATES):
        if _git(root, "rev-parse", "--verify", "--quiet", f"{candidate}^{{commit}}").returncode == 0:
            ref = candidate
            break
    if ref is None:
        names = wanted or " eller ".join(BASE_CANDIDATES)
        return Base(None, {}, f"grenen {names} finns inte här (en kopia utan historik?)",
                    f"the branch {wanted or ' or '.join(BASE_CANDIDATES)} is not here (a copy without history?)")
    # What this branch changed, as a pull request shows it (`git diff main...HEAD`): compared with the
    # commit it started from, not with main's tip, which may have moved on since (another merged
    # change is not this branch's to note). On main itself that is main's last commit.
    fork = _git(root, "merge-base", "HEAD", ref)
    commit = fork.stdout.decode().strip() if fork.returncode == 0 and fork.stdout.strip() else ref
    try:
        folder = content_dir.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        return Base(None, {}, "content/ ligger utanför git-arkivet", "content/ is outside the git repository")
    listed = _git(top, "ls-tree", "-r", "-z", "--name-only", commit, "--", folder)
    names = [n for n in listed.stdout.decode("utf-8", "replace").split("\0") if n.endswith(".md")]
    if not names:
        return Base(ref, {})
    batch = _git(top, "cat-file", "--batch", data="".join(f"{commit}:{n}\n" for n in names).encode("utf-8"))
    if batch.returncode != 0:
        return Base(None, {}, "git kunde inte läsa sidorna på huvudgrenen", "git could not read the pages on the main branch")
    files: dict[str, str] = {}
    data, position = batch.stdout, 0
    prefix = root.resolve().relative_to(top.resolve()).as_posix() if root.resolve() != top.resolve() else ""
    for name in names:
        end = data.index(b"\n", position)
        header = data[position:end].split()
        position = end + 1
        if len(header) < 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        text = data[position:position + size].decode("utf-8", "replace")
        position += size + 1
        rel = name[len(prefix) + 1:] if prefix and name.startswith(prefix + "/") else name
        files[rel] = text.replace("\r\n", "\n").removeprefix("\ufeff")
    return Base(ref, files)


def base_status(session) -> str | None:
    """A line for `klarsida check` when published versions cannot be compared; None when they can."""
    project = getattr(session, "project", None)
    if project is None:
        return None
    base = _base(session)
    if base.ref is not None:
        return None
    return (f"Ändringsnoteringar kontrollerades inte: {base.reason_sv}. Vi jämför med den publicerade "
            f"versionen på grenen main. (en) Change notes were not checked: {base.reason_en}.")


def _base(session) -> Base:
    cached = getattr(session, "_published", None)
    if cached is None:
        cached = read_base(session.project.root, session.project.content_dir)
        session._published = cached
    return cached


def facts(meta: dict, body: str) -> dict[str, object]:
    found: dict[str, object] = {name: meta.get(name) for name in FACT_FIELDS if name in meta}
    found["text numbers"] = sorted(NUMBER.findall(body))
    return found


@register
def change_notes(site: Site, session) -> list[ContentError]:
    """A published page whose facts changed has a new change note."""
    if getattr(session, "project", None) is None:
        return []
    base = _base(session)
    if base.ref is None:
        return []
    problems = []
    for doc in site.written():
        old_text = base.files.get(doc.rel)
        if old_text is None:
            continue  # not published yet: no note needed
        old, _ = split_front_matter(old_text, doc.rel)
        if old is None:
            continue
        problem = _changed_without_note(doc, old.meta, old.body, base.ref)
        if problem is not None:
            problems.append(problem)
    return problems


def _changed_without_note(doc: Document, old_meta: dict, old_body: str, ref: str) -> ContentError | None:
    before, after = facts(old_meta, old_body), facts(doc.meta, doc.body)
    if before == after:
        return None
    old_notes = old_meta.get("changes") if isinstance(old_meta.get("changes"), list) else []
    if len(doc.changes) > len(old_notes):
        return None
    changed = [name for name in sorted(set(before) | set(after)) if before.get(name) != after.get(name)]
    fields = [name for name in changed if name != "text numbers"]
    line = doc.lines.get(fields[0]) if fields else _first_new_number_line(doc, before["text numbers"])
    what = ", ".join(fields) if fields else "siffror i texten"
    what_en = ", ".join(fields) if fields else "numbers in the text"
    return ContentError(
        doc.rel, line, fields[0] if fields else None,
        f"Sidan är publicerad, och uppgifter har ändrats ({what}) jämfört med {ref}. Skriv en ändringsnotering "
        "så att läsarna ser vad som är nytt. Rättar du bara stavning behövs ingen, men då ska uppgifterna vara som förut.",
        f"The page is published, and facts have changed ({what_en}) compared with {ref}. Write a change note so "
        "that readers see what is new. A spelling fix needs none, but then the facts stay as they were.",
        "changes:\\n  - date: 2018-08-20\\n    note: Vi har rättat tiden.",
        level="warning",
    )


def _first_new_number_line(doc: Document, old_numbers: list[str]) -> int:
    remaining = list(old_numbers)
    for offset, text in enumerate(doc.body.split("\n")):
        for number in NUMBER.findall(text):
            if number in remaining:
                remaining.remove(number)
            else:
                return doc.body_line + offset
    return doc.body_line
