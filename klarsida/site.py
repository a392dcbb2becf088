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
from .model import DATED_NAME, DEFAULT_LANG, LANG_SUFFIX, Document, parse_date
from .types import ContentType, ContentTypes

LANGUAGES = ("sv", "en")


@dataclass
class Site:
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    languages: tuple[str, ...] = LANGUAGES
    default_lang: str = DEFAULT_LANG
    # Where the sources live, for checks that look at files beside pages (images, downloads).
    content_dir: Path | None = None
    types: ContentTypes = field(default_factory=ContentTypes.load)

    def __getstate__(self):
        # The types are code (functions, classes): a second process has its own from the settings
        # (klarsida/background.py) and puts them back with `with_types`.
        return {**self.__dict__, "types": None}

    def with_types(self, types: ContentTypes) -> Site:
        self.types = types
        return self

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

    def items(self, kind: str, lang: str) -> list[Document]:
        """Every item of the type `kind` once, in `lang` where translated, in the type's order."""
        ctype = self.types.get(kind)
        return ctype.items(self, lang) if ctype else []

    def written(self) -> list[Document]:
        """The documents editors wrote (files in the content folder), in a stable order: what
        checks and readability look at. Pages the build makes (archives) are left out."""
        return [doc for _, doc in sorted(self.documents.items()) if not doc.generated]

    def translations(self, doc: Document) -> dict[str, Document]:
        return {lang: d for lang in self.languages if (d := self.get(doc.key, lang))}


def load_site(content_dir: Path, repo_root: Path | None = None, languages: tuple[str, ...] = LANGUAGES,
              types: ContentTypes | None = None) -> Site:
    """Read every Markdown file under `content_dir`; raise ContentInvalid listing all errors."""
    return Loader(types).load(content_dir, repo_root, languages)


class Loader:
    """Loads a content folder into a Site, again and again (a session's preview loads after every
    edit). A file whose size and modification time are unchanged since the last load is not read
    and validated again (0.4 s of each preview at 1,000 meetings). Documents are never changed
    after loading, so the same object can serve the next load.
    """

    def __init__(self, types: ContentTypes | None = None) -> None:
        self.types = types or ContentTypes.load()
        self._last: tuple[tuple, dict[Path, tuple]] | None = None

    def load(self, content_dir: Path, repo_root: Path | None = None, languages: tuple[str, ...] = LANGUAGES) -> Site:
        content_dir = Path(content_dir)
        repo_root = Path(repo_root) if repo_root else content_dir.parent
        site = Site(languages=languages, default_lang=languages[0], content_dir=content_dir, types=self.types)
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
            doc, file_errors = self._load_unless_unchanged(file, content_dir, rel, languages, earlier, this_load, self.types)
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
                               earlier: dict[Path, tuple], this_load: dict[Path, tuple], types: ContentTypes):
        try:
            stat = file.stat()
        except OSError:  # load_document says what is wrong with the file
            return load_document(file, content_dir, None, languages, rel=rel(file), types=types)
        stamp = (stat.st_mtime_ns, stat.st_size)
        known = earlier.get(file)
        if known is not None and known[0] == stamp:
            loaded = known[1]
        else:
            loaded = load_document(file, content_dir, None, languages, rel=rel(file), types=types)
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


def load_document(file: Path, content_dir: Path, repo_root: Path | None, languages: tuple[str, ...],
                  rel: str | None = None, types: ContentTypes | None = None) -> tuple[Document | None, list[ContentError]]:
    rel = rel or _relative(file, repo_root)
    types = types or ContentTypes.load()
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
    ctype = types.kind_of(doc_path)
    source, errors = read_source(file, rel)
    if source is None:
        return None, errors

    errors = schema.validate(ctype, source.meta, rel, source.lines)
    fields: dict = {}
    if ctype.dated:
        errors += _check_dated_name(ctype, key, rel)
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
    if ctype.parse is not None:
        fields, more = ctype.parse(source.meta, key, rel, source.lines)
        errors += more
    if errors:
        return None, errors
    doc = ctype.model(
        kind=ctype.name, rel=rel, doc_path=doc_path, key=key, lang=lang, meta=source.meta,
        body=source.body, body_line=source.body_line, lines=source.lines, **fields,
    )
    return doc, []


def _check_dated_name(ctype: ContentType, key: str, rel: str) -> list[ContentError]:
    name = key.rsplit("/", 1)[-1]
    match = DATED_NAME.match(name)
    if match and parse_date(match["date"]):
        return []
    return [
        ContentError(
            rel, None, None,
            "Filnamnet ska vara datum och ett kort namn med små bokstäver, siffror och bindestreck.",
            "The file name must be the date and a short slug of lowercase letters, digits and hyphens.",
            f"{ctype.folder or key.split('/')[0]}/2018-08-23-filmvisning.sv.md",
        )
    ]


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
        ctype = site.types.get(doc.kind)
        for name in ctype.agree_between_languages if ctype else ():
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
