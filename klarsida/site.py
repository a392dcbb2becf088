"""Loading and validating the whole content tree into a Site.

All files are read and checked before anything is built, and every error is collected, so an
editor sees the complete list at once. Nothing here knows about a site generator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import schema
from .errors import ContentError, ContentInvalid
from .frontmatter import read_source
from .model import (
    COLLECTIONS,
    DATED_NAME,
    DEFAULT_LANG,
    LANG_SUFFIX,
    Document,
    Event,
    Meeting,
    parse_date,
    parse_local,
)

LANGUAGES = ("sv", "en")


@dataclass
class Site:
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    languages: tuple[str, ...] = LANGUAGES
    default_lang: str = DEFAULT_LANG
    # Where the sources live, for checks that look at files beside pages (images, downloads).
    content_dir: Path | None = None

    def get(self, key: str, lang: str) -> Document | None:
        return self.documents.get((key, lang))

    def for_doc_path(self, doc_path: str) -> Document | None:
        """The document behind a content-folder-relative source path, e.g. `meetings/x.sv.md`."""
        match = LANG_SUFFIX.match(doc_path.replace("\\", "/"))
        return self.get(match["stem"], match["lang"]) if match else None

    def in_language(self, key: str, lang: str) -> Document | None:
        """The page as a reader of `lang` gets it: the translation if there is one, else the original."""
        return self.get(key, lang) or self.get(key, self.default_lang)

    def keys(self, kind: str) -> list[str]:
        return sorted({key for (key, _), doc in self.documents.items() if doc.kind == kind})

    def meetings(self, lang: str) -> list[Meeting]:
        """Every meeting once, in `lang` where translated, newest first."""
        found = [self.in_language(key, lang) for key in self.keys("meeting")]
        return sorted(found, key=lambda m: (m.date, m.key), reverse=True)

    def events(self, lang: str) -> list[Event]:
        found = [self.in_language(key, lang) for key in self.keys("event")]
        return sorted(found, key=lambda e: (e.start, e.key))

    def written(self) -> list[Document]:
        """The documents editors wrote (files in the content folder), in a stable order: what
        checks and readability look at. Pages the build makes (archives) are left out."""
        return [doc for _, doc in sorted(self.documents.items()) if not doc.generated]

    def translations(self, doc: Document) -> dict[str, Document]:
        return {lang: d for lang in self.languages if (d := self.get(doc.key, lang))}


def load_site(content_dir: Path, repo_root: Path | None = None, languages: tuple[str, ...] = LANGUAGES) -> Site:
    """Read every Markdown file under `content_dir`; raise ContentInvalid listing all errors."""
    return Loader().load(content_dir, repo_root, languages)


class Loader:
    """Loads a content folder into a Site, again and again (a session's preview loads after every
    edit). A file whose size and modification time are unchanged since the last load is not read
    and validated again (0.4 s of each preview at 1,000 meetings). Documents are never changed
    after loading, so the same object can serve the next load.
    """

    def __init__(self) -> None:
        self._last: tuple[tuple, dict[Path, tuple]] | None = None

    def load(self, content_dir: Path, repo_root: Path | None = None, languages: tuple[str, ...] = LANGUAGES) -> Site:
        content_dir = Path(content_dir)
        repo_root = Path(repo_root) if repo_root else content_dir.parent
        site = Site(languages=languages, default_lang=languages[0], content_dir=content_dir)
        errors: list[ContentError] = check_links_out(content_dir, repo_root)
        if errors:
            raise ContentInvalid(errors)  # never read, let alone publish, a file from outside
        where = (content_dir, repo_root, languages)
        # Resolving asks the file system about every part of a path; a site has few folders and
        # thousands of files (0.05 s of each load at 1,000 meetings without this, per load).
        folders: dict[Path, Path] = {}
        resolved_root = repo_root.resolve()

        def rel(file: Path) -> str:
            if file.parent not in folders:
                folders[file.parent] = file.parent.resolve()
            try:
                return (folders[file.parent] / file.name).relative_to(resolved_root).as_posix()
            except ValueError:
                return file.as_posix()

        earlier = self._last[1] if self._last and self._last[0] == where else {}
        this_load: dict[Path, tuple] = {}
        for file in sorted(content_dir.rglob("*.md")):
            doc, file_errors = self._load_unless_unchanged(file, content_dir, rel, languages, earlier, this_load)
            errors.extend(file_errors)
            if doc is not None:
                site.documents[(doc.key, doc.lang)] = doc
        self._last = (where, this_load)  # one content folder at a time: a long preview keeps no old files
        errors.extend(check_translations(site))
        if errors:
            raise ContentInvalid(errors)
        from .listings import archive_documents  # listings reads a Site: imported once one exists

        for doc in archive_documents(site):
            site.documents[(doc.key, doc.lang)] = doc
        return site

    @staticmethod
    def _load_unless_unchanged(file: Path, content_dir: Path, rel, languages: tuple[str, ...],
                               earlier: dict[Path, tuple], this_load: dict[Path, tuple]):
        try:
            stat = file.stat()
        except OSError:  # load_document says what is wrong with the file
            return load_document(file, content_dir, None, languages, rel=rel(file))
        stamp = (stat.st_mtime_ns, stat.st_size)
        known = earlier.get(file)
        if known is not None and known[0] == stamp:
            loaded = known[1]
        else:
            loaded = load_document(file, content_dir, None, languages, rel=rel(file))
        this_load[file] = (stamp, loaded)
        return loaded


def check_links_out(content_dir: Path, repo_root: Path) -> list[ContentError]:
    """Symbolic links that lead out of content/: a generator would follow them and publish what they point
    to (a file of the build machine, a secret), so a pull request must not be able to add one."""
    errors = []
    root = content_dir.resolve()
    for path in sorted(content_dir.rglob("*")):
        if not path.is_symlink():
            continue
        target = path.resolve()
        if target == root or root in target.parents:
            continue
        errors.append(
            ContentError(
                _relative(path, repo_root), None, None,
                "Filen är en genväg (symbolisk länk) till något utanför content/. "
                "Den kan inte publiceras. Kopiera in filen i stället.",
                "The file is a symbolic link to something outside content/. "
                "It cannot be published. Copy the file in instead.",
                "content/bilder/gruppen.jpg (en vanlig fil)",
            )
        )
    return errors


def _relative(file: Path, root: Path) -> str:
    """The file's path relative to the repository; for a symbolic link, the link's own path."""
    try:
        return (file.parent.resolve() / file.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.as_posix()


def kind_of(doc_path: str) -> str:
    parts = doc_path.split("/")
    name = parts[-1].split(".", 1)[0]
    # index and year pages (meetings/2018.sv.md) list a collection; they are ordinary pages.
    if len(parts) >= 2 and parts[0] in COLLECTIONS and name != "index" and not (len(name) == 4 and name.isdigit()):
        return COLLECTIONS[parts[0]]
    return "page"


def load_document(file: Path, content_dir: Path, repo_root: Path | None, languages: tuple[str, ...],
                  rel: str | None = None) -> tuple[Document | None, list[ContentError]]:
    rel = rel or _relative(file, repo_root)
    doc_path = file.relative_to(content_dir).as_posix()
    name_match = LANG_SUFFIX.match(doc_path)
    if not name_match or name_match["lang"] not in languages:
        suffixes = " eller ".join(f".{lang}.md" for lang in languages)
        return None, [
            ContentError(
                rel, None, None,
                f"Filnamnet måste sluta på {suffixes}, så att vi vet vilket språk sidan har.",
                f"The file name must end in {' or '.join(f'.{lang}.md' for lang in languages)} so we know its language.",
                "kontakt.sv.md",
            )
        ]
    key, lang = name_match["stem"], name_match["lang"]
    kind = kind_of(doc_path)
    source, errors = read_source(file, rel)
    if source is None:
        return None, errors

    errors = schema.validate(kind, source.meta, rel, source.lines)
    fields: dict = {}
    if kind in ("meeting", "event"):
        errors += _check_dated_name(kind, key, rel)
    # Every page shows its body to residents; front matter alone is a page left half-written.
    if not source.body.strip():
        errors.append(
            ContentError(
                rel, source.body_line, None,
                "Sidan har bara front matter. Skriv texten under den sista raden med ---.",
                "The page has front matter only. Write the text below the closing ---.",
                "---\\n(front matter)\\n---\\nVi träffades på Röda kvarn …",
            )
        )
    if kind == "meeting":
        fields, more = _meeting_fields(source.meta, key, rel, source.lines)
        errors += more
    elif kind == "event":
        fields, more = _event_fields(source.meta, key, rel, source.lines)
        errors += more
    if errors:
        return None, errors
    cls = {"meeting": Meeting, "event": Event}.get(kind, Document)
    doc = cls(
        kind=kind, rel=rel, doc_path=doc_path, key=key, lang=lang, meta=source.meta,
        body=source.body, body_line=source.body_line, lines=source.lines, **fields,
    )
    return doc, []


def _check_dated_name(kind: str, key: str, rel: str) -> list[ContentError]:
    name = key.rsplit("/", 1)[-1]
    match = DATED_NAME.match(name)
    if match and parse_date(match["date"]):
        return []
    return [
        ContentError(
            rel, None, None,
            "Filnamnet ska vara datum och ett kort namn med små bokstäver, siffror och bindestreck.",
            "The file name must be the date and a short slug of lowercase letters, digits and hyphens.",
            f"{key.split('/')[0]}/2018-08-23-filmvisning.sv.md",
        )
    ]


def _name_date(key: str):
    match = DATED_NAME.match(key.rsplit("/", 1)[-1])
    return parse_date(match["date"]) if match else None


def _meeting_fields(meta: dict, key: str, rel: str, lines: dict) -> tuple[dict, list[ContentError]]:
    errors = []
    value = meta.get("date")
    day = parse_date(value) if isinstance(value, str) else None
    if isinstance(value, str) and day is None and looks_like_date(value):
        errors.append(_no_such_date(rel, lines, "date", value, "2018-06-14"))
    name_day = _name_date(key)
    if day and name_day and day != name_day:
        errors.append(
            ContentError(
                rel, lines.get("date"), "date",
                f"Datumet {day} stämmer inte med filnamnets datum {name_day}. Ändra det som är fel.",
                f"The date {day} disagrees with the date in the file name, {name_day}. Fix whichever is wrong.",
                f"date: {name_day}",
            )
        )
    next_value = meta.get("next_meeting")
    if isinstance(next_value, str) and looks_like_date(next_value) and parse_date(next_value) is None:
        errors.append(_no_such_date(rel, lines, "next_meeting", next_value, "2015-06-08"))
    return {"date": day}, errors


def _event_fields(meta: dict, key: str, rel: str, lines: dict) -> tuple[dict, list[ContentError]]:
    errors = []
    parsed = {}
    for name in ("start", "end"):
        value = meta.get(name)
        if not isinstance(value, str) or not looks_like_datetime(value):
            continue  # the schema has reported it
        moment, all_day = parse_local(value)
        if moment is None:
            errors.append(_no_such_date(rel, lines, name, value, "2018-08-23T17:30"))
        else:
            parsed[name] = (moment, all_day)
    if len(parsed) == 2:
        (start, start_all_day), (end, end_all_day) = parsed["start"], parsed["end"]
        if start_all_day != end_all_day:
            errors.append(
                ContentError(
                    rel, lines.get("end"), "end",
                    "start och end ska skrivas på samma sätt: båda med klockslag, eller båda bara datum (heldag).",
                    "start and end must have the same form: both with a time, or both dates only (all day).",
                    "start: 2015-10-05 och end: 2015-10-11",
                )
            )
        elif end < start:
            errors.append(
                ContentError(
                    rel, lines.get("end"), "end",
                    f"Evenemanget slutar ({meta['end']}) innan det börjar ({meta['start']}).",
                    f"The event ends ({meta['end']}) before it starts ({meta['start']}).",
                    "start: 2018-08-23T17:30 och end: 2018-08-23T20:00",
                )
            )
        name_day = _name_date(key)
        if name_day and start.date() != name_day:
            errors.append(
                ContentError(
                    rel, lines.get("start"), "start",
                    f"Startdagen {start.date()} stämmer inte med filnamnets datum {name_day}.",
                    f"The start day {start.date()} disagrees with the date in the file name, {name_day}.",
                    f"start: {name_day}T17:30",
                )
            )
        if not errors:
            return {"start": start, "end": end, "all_day": start_all_day}, []
    return {}, errors


def looks_like_date(value: str) -> bool:
    return len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit()


def looks_like_datetime(value: str) -> bool:
    return looks_like_date(value[:10]) and (len(value) == 10 or (len(value) == 16 and value[10] == "T"))


def _no_such_date(rel: str, lines: dict, name: str, value: str, example: str) -> ContentError:
    return ContentError(
        rel, lines.get(name), name,
        f"{value} finns inte i kalendern. Kolla dag, månad och klockslag.",
        f"{value} does not exist in the calendar. Check the day, month and time.",
        f"{name}: {example}",
    )


def check_translations(site: Site) -> list[ContentError]:
    """An English page needs its Swedish original, and both must agree on when things happen."""
    errors = []
    for (key, lang), doc in sorted(site.documents.items()):
        if lang == site.default_lang:
            continue
        original = site.get(key, site.default_lang)
        if original is None:
            errors.append(
                ContentError(
                    doc.rel, None, None,
                    f"Den här översättningen saknar sin svenska sida {key}.{site.default_lang}.md. "
                    "Skapa den svenska sidan först, eller kolla att filnamnen är lika.",
                    f"This translation has no Swedish original {key}.{site.default_lang}.md. "
                    "Create the Swedish page first, or check that the file names match.",
                    f"{key}.{site.default_lang}.md",
                )
            )
            continue
        if original.kind != doc.kind:
            continue
        for name in ("date", "start", "end"):
            if name in doc.meta and doc.meta.get(name) != original.meta.get(name):
                errors.append(
                    ContentError(
                        doc.rel, doc.lines.get(name), name,
                        f"{doc.meta[name]} skiljer sig från den svenska sidan ({original.meta.get(name)}). "
                        "Båda språken ska ha samma tid.",
                        f"{doc.meta[name]} differs from the Swedish page ({original.meta.get(name)}). "
                        "Both languages must have the same time.",
                        f"{name}: {original.meta.get(name)}",
                    )
                )
    return errors
