"""Loading and validating the whole content tree into a Site.

All files are read and checked before anything is built, and every error is collected, so an
editor sees the complete list at once. Nothing here knows about a site generator.

One web address, one source: every file the generator could build as a page is either loaded or
refused by name (capital letters, another Unicode form, another suffix, a language the site does
not have), and two files that would make the same address are refused, each naming the other
(`about.sv.md` and `about/index.sv.md`; `möte` in NFC and NFD; `Om` and `om`; `en/about.sv.md` and
`about.en.md`). The content folder is walked without following links to folders (refused: a loop
would never end), and file names are read as the UTF-8 they are whatever the locale says.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import schema
from .content_files import check_files, reserved_clash, reserved_error
from .errors import ContentError, ContentInvalid
from .frontmatter import read_source
from .model import DATED_NAME, DEFAULT_LANG, LANG_SUFFIX, Document, parse_date, url_for
from .types import ContentType, ContentTypes
from .types.dates import in_range, out_of_range, read_day

LANGUAGES = ("sv", "en")


@dataclass
class Site:
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    languages: tuple[str, ...] = LANGUAGES
    default_lang: str = DEFAULT_LANG
    # Where the sources live, for checks that look at files beside pages (images, downloads).
    content_dir: Path | None = None
    types: ContentTypes = field(default_factory=ContentTypes.load)
    # (key, lang) of source files that exist but could not be loaded (a load with errors). Checks
    # on such a partial site treat them as present: a link to a page whose front matter is broken
    # is not a second error, and its twin is not "missing its original".
    broken: set[tuple[str, str]] = field(default_factory=set)
    # Documents of those files whose YAML could be read (Document.draft): checks of page bodies
    # look at them too.
    drafts: list[Document] = field(default_factory=list)

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

    def first_key_with(self, field_name: str) -> str | None:
        """The first key (in order) of a document whose front matter has `field_name` (the contact
        page: `contact`). Asked for every page's footer, so found once per loaded site (documents
        are not changed after loading): a walk over every document per page cost 2 s of a build
        at N = 1,000."""
        found = self.__dict__.setdefault("_first_key_with", {})
        if field_name not in found:
            keys = sorted({key for (key, _), doc in self.documents.items() if doc.meta.get(field_name)})
            found[field_name] = keys[0] if keys else None
        return found[field_name]

    def in_language(self, key: str, lang: str) -> Document | None:
        """The page as a reader of `lang` gets it: the translation if there is one, else the original."""
        return self.get(key, lang) or self.get(key, self.default_lang)

    def exists(self, key: str) -> bool:
        """A page with this key has a source file (loaded, or present but broken)."""
        return any(k == key for k, _ in self.documents) or any(k == key for k, _ in self.broken)

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

    def bodies(self) -> list[Document]:
        """The written documents and the drafts: what checks of page bodies look at."""
        return self.written() + sorted(self.drafts, key=lambda d: d.rel)

    def translations(self, doc: Document) -> dict[str, Document]:
        return {lang: d for lang in self.languages if (d := self.get(doc.key, lang))}


def load_site(content_dir: Path, repo_root: Path | None = None, languages: tuple[str, ...] = LANGUAGES,
              types: ContentTypes | None = None) -> Site:
    """Read every Markdown file under `content_dir`; raise ContentInvalid listing all errors."""
    return Loader(types).load(content_dir, repo_root, languages)


@dataclass
class PartialLoad:
    """What a load with errors still has: the documents that loaded (and `site.broken`, the files
    that did not), for the checks that can run anyway (links, anchors, images), so an editor sees
    every error in one run instead of fixing in rounds. None as site: nothing can be checked
    (a link out of content/: nothing is read then)."""

    site: Site | None
    errors: list[ContentError]


class Loader:
    """Loads a content folder into a Site, again and again (a session's preview loads after every
    edit). A file whose size and modification time are unchanged since the last load is not read
    and validated again (0.4 s of each preview at 1,000 meetings). Documents are never changed
    after loading, so the same object can serve the next load.
    """

    def __init__(self, types: ContentTypes | None = None) -> None:
        self.types = types or ContentTypes.load()
        self._last: tuple[tuple, dict[str, tuple]] | None = None

    def load(self, content_dir: Path, repo_root: Path | None = None, languages: tuple[str, ...] = LANGUAGES,
             reserved: tuple[str, ...] = ()) -> Site:
        """The whole site; raises ContentInvalid with every loading error. `reserved`: the paths the
        build writes itself (content_files.reserved_outputs)."""
        found = self.load_partial(content_dir, repo_root, languages, reserved)
        if found.errors:
            raise ContentInvalid(found.errors)
        return found.site

    def load_partial(self, content_dir: Path, repo_root: Path | None = None,
                     languages: tuple[str, ...] = LANGUAGES, reserved: tuple[str, ...] = ()) -> PartialLoad:
        """The site as far as it loads, and the loading errors (none: the whole site)."""
        content_dir = Path(content_dir)
        repo_root = Path(repo_root) if repo_root else content_dir.parent
        site = Site(languages=languages, default_lang=languages[0], content_dir=content_dir, types=self.types)
        tree = walk_content(content_dir, repo_root)
        if tree.outside:
            return PartialLoad(None, list(tree.outside))  # never read, let alone publish, a file from outside
        errors: list[ContentError] = list(tree.errors)
        where = (content_dir, repo_root, languages)
        # Paths are strings until a file must be read: a site has thousands of files and few change
        # between two loads of a preview (pathlib would cost 0.3 s of each load at 1,000 meetings).
        # Folder links are refused, not followed, so a file's path is the content folder's and its own.
        base = os.fspath(content_dir)
        shown_dir = _relative(content_dir / "x", repo_root).removesuffix("x")  # "content/"

        earlier = self._last[1] if self._last and self._last[0] == where else {}
        this_load: dict[str, tuple] = {}
        sources: list[Source] = []
        for relative in tree.files:
            source = Source.of(relative, shown_dir, languages)
            if source.problem is None:
                doc, file_errors = self._load_unless_unchanged(os.path.join(base, relative), relative, content_dir,
                                                               source, languages, earlier, this_load, self.types)
                errors.extend(file_errors)
                if doc is not None and not file_errors:
                    site.documents[(doc.key, doc.lang)] = doc
                elif source.key is not None:
                    site.broken.add((source.key, source.lang))
                    if doc is not None:
                        site.drafts.append(doc)
            elif source.problem in ("utf8", "suffix"):
                errors.append(source.name_error())
            sources.append(source)
        self._last = (where, this_load)  # one content folder at a time: a long preview keeps no old files
        errors.extend(check_files(tree.other, content_dir, shown_dir, reserved, languages[1:]))
        errors.extend(_reserved_pages(sources, languages, reserved))
        errors.extend(check_sources(sources, languages))
        errors.extend(check_translations(site, sources))
        from .listings import archive_documents  # listings reads a Site: imported once one exists

        made = archive_documents(site)
        errors.extend(check_generated(sources, made, site.default_lang))
        for doc in made:
            if (doc.key, doc.lang) not in site.documents:
                site.documents[(doc.key, doc.lang)] = doc
        return PartialLoad(site, errors)

    @staticmethod
    def _load_unless_unchanged(path: str, relative: str, content_dir: Path, source: Source,
                               languages: tuple[str, ...], earlier: dict[str, tuple], this_load: dict[str, tuple],
                               types: ContentTypes):
        def load():
            return load_document(Path(path), content_dir, None, languages, rel=source.rel, types=types,
                                 doc_path=source.doc_path)

        try:
            found = os.stat(path)
        except OSError:  # load_document says what is wrong with the file
            return load()
        stamp = (found.st_mtime_ns, found.st_size)
        known = earlier.get(relative)
        loaded = known[1] if known is not None and known[0] == stamp else load()
        this_load[relative] = (stamp, loaded)
        return loaded


# Source files and their names ------------------------------------------------------------------

# The suffixes a generator may build as a Markdown page (today's builds every one of them), in any
# letter case: a page named about.sv.markdown or Om.SV.MD would be published without being read
# here, so each is either loaded or refused, never skipped.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


def _is_page_name(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def _text(name: str) -> str | None:
    """A file name as text. Python decodes names with the locale's encoding; under LC_ALL=C (and
    PYTHONUTF8=0) that is ASCII, so `möte` arrives as `m\udcc3\udcb6te`: the bytes are UTF-8 and
    are decoded as such here. None for a name that is not UTF-8 at all."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        return os.fsencode(name).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def _shown(name: str) -> str:
    """A name fit for a message (never a lone surrogate, which cannot be printed)."""
    text = _text(name)
    return text if text is not None else os.fsencode(name).decode("utf-8", "replace")


@dataclass
class ContentTree:
    """What is in content/: the page sources, and what is wrong with the tree itself."""

    # Paths relative to the content folder, with `/`, as the file system spells them (a name in
    # UTF-8 may arrive with surrogates under LC_ALL=C: Source.of reads it as the text it is).
    files: list[str] = field(default_factory=list)
    # Every other file (images, PDF, and what must be refused: content_files.py), names starting with
    # a dot aside (generators never publish them).
    other: list[str] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    # Links out of content/: nothing is read while there is one.
    outside: list[ContentError] = field(default_factory=list)


def walk_content(content_dir: Path, repo_root: Path) -> ContentTree:
    """Every page source below `content_dir` (names with a Markdown suffix in any case), and the
    symbolic links and folders that must not be there. Links to folders are never followed here, and
    are refused: a generator that follows them (today's does, os.walk(followlinks=True)) would build
    without end through a link to its own folder (`ln -s . content/spegel`), and publish the same
    pages twice through any other."""
    tree = ContentTree()
    root = content_dir.resolve()
    base = os.fspath(content_dir)
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(os.path.join(base, folder) if folder else base) as entries:
                listed = []
                for entry in entries:
                    try:
                        listed.append((entry.name, entry.is_symlink(), entry.is_dir(follow_symlinks=False)))
                    except OSError:
                        listed.append((entry.name, False, False))
        except OSError as exc:
            tree.errors.append(_unreadable_folder(content_dir / folder, repo_root, exc))
            continue
        for name, is_link, is_dir in listed:
            relative = f"{folder}/{name}" if folder else name
            if is_link:
                outside, problem = _link_problem(content_dir / relative, root, repo_root)
                if problem is not None:
                    (tree.outside if outside else tree.errors).append(problem)
                elif _is_page_name(name):
                    tree.files.append(relative)  # a link to a page in content/, or a broken one (reported when read)
                elif not name.startswith("."):
                    tree.other.append(relative)
            elif is_dir:
                if name.startswith(".") and not _is_page_name(name):
                    continue  # .git, .obsidian: never published
                folders.append(relative)
                if _is_page_name(name):
                    tree.files.append(relative)  # a folder named like a page: reported when read
            elif _is_page_name(name):
                tree.files.append(relative)
            elif not name.startswith("."):
                tree.other.append(relative)
    tree.files.sort(key=lambda relative: relative.split("/"))
    tree.other.sort(key=lambda relative: relative.split("/"))
    return tree


def _reserved_pages(sources: list[Source], languages: tuple[str, ...], reserved: tuple[str, ...]) -> list[ContentError]:
    """Pages whose address is one the build writes (content/search.sv.md would be /search/)."""
    errors = []
    for source in sources:
        if source.key is None or not reserved:
            continue
        output = url_for(source.key, source.lang, languages[0])
        if source.lang != languages[0]:
            output = output.removeprefix(source.lang + "/")
        if kept := reserved_clash(output, reserved):
            errors.append(reserved_error(source.rel, output, kept))
    return errors


def content_fingerprint(content_dir: Path) -> tuple:
    """What changes when a page source changes, or when content/ gets a link or folder that is
    wrong (a preview loads again then, and says so). Never raises: a loop of links or a file that
    cannot be read is the loader's to report. (`Path.stat()` on a loop of links raises OSError.)"""
    tree = walk_content(content_dir, content_dir.parent)
    base = os.fspath(content_dir)
    stamps: list[tuple] = []
    for relative in tree.files:
        try:
            found = os.stat(os.path.join(base, relative))
            stamps.append((relative, found.st_mtime_ns, found.st_size))
        except OSError as exc:
            stamps.append((relative, exc.errno, None))
    return (*stamps, *tree.other, *(error.format() for error in (*tree.errors, *tree.outside)))


def _link_problem(path: Path, root: Path, repo_root: Path) -> tuple[bool, ContentError | None]:
    """(leads out of content/, what is wrong) for one symbolic link; (False, None) when it is fine."""
    rel = _relative(path, repo_root)
    try:
        target = path.resolve()  # Python 3.11 raises RuntimeError for a loop of links
    except (RuntimeError, OSError):
        return False, _link_loop(rel)
    if not (target == root or root in target.parents):
        return True, ContentError(
            rel, None, None,
            "Filen är en genväg (symbolisk länk) till något utanför content/. "
            "Den kan inte publiceras. Kopiera in filen i stället.",
            "The file is a symbolic link to something outside content/. "
            "It cannot be published. Copy the file in instead.",
            "content/bilder/gruppen.jpg (en vanlig fil)",
        )
    try:
        is_dir = stat.S_ISDIR(path.stat().st_mode)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return False, _link_loop(rel)
        return False, None  # a broken link: reading it says so, if it is named like a page
    if not is_dir:
        return False, None
    shown = _relative(target, repo_root)
    home = path.parent.resolve()
    if target == home or target in home.parents:
        return False, ContentError(
            rel, None, None,
            f"Genvägen (symbolisk länk) pekar på mappen {shown}, som den själv ligger i. Då blir det mappar "
            f"i mappar utan slut ({rel}/{path.name}/{path.name}/…), och bygget tar aldrig slut. Ta bort genvägen.",
            f"The symbolic link points to the folder {shown}, which holds the link itself. That makes folders "
            f"within folders without end ({rel}/{path.name}/{path.name}/…), and the build never ends. Remove the link.",
            "content/bilder/ (en vanlig mapp)",
        )
    return False, ContentError(
        rel, None, None,
        f"Mappen är en genväg (symbolisk länk) till {shown}. Då publiceras samma sidor på två webbadresser. "
        f"Ta bort genvägen och länka till sidorna i {shown} i stället.",
        f"The folder is a symbolic link to {shown}. The same pages would be published at two web addresses. "
        f"Remove the link and link to the pages in {shown} instead.",
        f"{shown}/ (en mapp, ingen genväg)",
    )


def _link_loop(rel: str) -> ContentError:
    return ContentError(
        rel, None, None,
        "Genvägen (symbolisk länk) leder runt i en cirkel: den pekar på en annan genväg som till slut pekar "
        "tillbaka på den. Ta bort genvägen, eller låt den peka på en riktig fil.",
        "The symbolic link goes round in a circle: it points to another link that in the end points back "
        "to it. Remove the link, or point it to a real file.",
        "content/bilder/gruppen.jpg (en vanlig fil)",
    )


def _unreadable_folder(folder: Path, repo_root: Path, exc: OSError) -> ContentError:
    rel = _relative(folder, repo_root)
    why = exc.strerror or type(exc).__name__
    return ContentError(
        rel, None, None,
        f"Mappen går inte att öppna ({why}). Sidorna i den kan varken kontrolleras eller publiceras. "
        "Kolla att mappen går att läsa för alla.",
        f"The folder cannot be opened ({why}). The pages in it can be neither checked nor published. "
        "Check that everyone can read the folder.",
        f"chmod a+rx {rel}",
    )


def _relative(file: Path, root: Path | None) -> str:
    """The file's path relative to the repository; for a symbolic link, the link's own path."""
    try:
        if root is None:
            raise ValueError
        return _shown((file.parent.resolve() / file.name).relative_to(root.resolve()).as_posix())
    except (ValueError, RuntimeError, OSError):
        return _shown(file.as_posix())


def url_key(url: str) -> str:
    """Web addresses that are one address to readers, browsers and Windows or Mac file systems
    (where a site is edited and previewed): the same letters in either Unicode form and case."""
    return unicodedata.normalize("NFC", url).lower()


@dataclass
class Source:
    """One page source by its name: where its page will be, and what is wrong with the name.

    `problem`: None (a name to load), "utf8" (not UTF-8), "suffix" (not .md), "case" (capital
    letters) or "form" (not in Unicode NFC). A name with capitals or in another Unicode form is not
    loaded: its page is where the name in small NFC letters would put it, and that is what other
    files are compared with (check_sources)."""

    rel: str
    doc_path: str
    problem: str | None = None
    key: str | None = None
    lang: str | None = None

    @classmethod
    def of(cls, relative: str, shown_dir: str, languages: tuple[str, ...]) -> Source:
        """The source at `relative` (to the content folder, as the file system spells it), shown in
        messages as `shown_dir` + its name (`content/` + `om-oss.sv.md`)."""
        doc_path = _text(relative)
        if doc_path is None:
            shown = _shown(relative)
            return cls(shown_dir + shown, shown, "utf8")
        rel = shown_dir + doc_path
        plain = unicodedata.normalize("NFC", doc_path).lower()
        if not plain.endswith(".md"):
            return cls(rel, doc_path, "suffix")
        match = LANG_SUFFIX.match(plain)
        key, lang = (match["stem"], match["lang"]) if match and match["lang"] in languages else (None, None)
        problem = "case" if doc_path != doc_path.lower() else "form" if doc_path != plain else None
        return cls(rel, doc_path, problem, key, lang)

    def url(self, default_lang: str) -> str:
        return "/" + url_for(self.key, self.lang, default_lang)

    def plain_rel(self) -> str:
        """The path the file has in small letters and Unicode NFC (what it should be called)."""
        folder = self.rel[: -len(self.doc_path)] if self.rel.endswith(self.doc_path) else "content/"
        return folder + unicodedata.normalize("NFC", self.doc_path).lower()

    def name_error(self) -> ContentError:
        if self.problem == "utf8":
            return ContentError(
                self.rel, None, None,
                "Filnamnet har tecken som inte går att läsa (namnet är inte sparat som UTF-8). "
                "Döp om filen och skriv namnet på nytt.",
                "The file name holds characters that cannot be read (it is not UTF-8). "
                "Rename the file and type the name again.",
                "content/mote.sv.md",
            )
        if self.problem == "suffix":
            stem, _, suffix = self.rel.rpartition(".")
            return ContentError(
                self.rel, None, None,
                f"Filnamnet slutar på .{suffix}. Sidor ska sluta på .md, annars kontrolleras de inte. "
                f"Döp om filen till {stem}.md.",
                f"The file name ends in .{suffix}. Pages must end in .md, or they are not checked. "
                f"Rename the file to {stem}.md.",
                f"{stem}.md",
            )
        lower = self.plain_rel()
        if self.problem == "case":
            return ContentError(
                self.rel, None, None,
                f"Filnamnet har stora bokstäver. Skriv det med små bokstäver: {lower}. Webbadresser skiljer "
                "på stora och små bokstäver, men Windows och Mac gör det inte, så det blir lätt två sidor av en.",
                f"The file name has capital letters. Write it in small letters: {lower}. Web addresses tell "
                "capital and small letters apart, Windows and Mac do not, so one page easily becomes two.",
                lower,
            )
        return ContentError(
            self.rel, None, None,
            "Filnamnet har bokstäver som å, ä eller ö sparade på ett ovanligt sätt (Unicode NFD, som vissa Mac-program "
            "gör). Länkar till sidan fungerar då inte. Döp om filen och skriv namnet på nytt på tangentbordet.",
            "The file name stores letters such as å, ä or ö in an unusual way (Unicode NFD, as some Mac programs "
            "do). Links to the page do not work then. Rename the file and type the name again on the keyboard.",
            f"{lower} (skrivet på tangentbordet)",
        )


def check_sources(sources: list[Source], languages: tuple[str, ...]) -> list[ContentError]:
    """One web address, one source file: two files that would be the same page are both refused,
    each naming the other; then the names with capitals or in Unicode NFD, and pages of the default
    language in a folder whose addresses belong to another language (content/en/)."""
    default_lang = languages[0]
    others = set(languages[1:])
    by_url: dict[str, list[Source]] = {}
    for source in sources:
        if source.key is not None:
            by_url.setdefault(url_key(source.url(default_lang)), []).append(source)
    errors = []
    for group in by_url.values():
        if len(group) > 1:
            errors.extend(_clash(source, [o for o in group if o is not source], default_lang) for source in group)
            continue
        (source,) = group
        if source.problem is not None:
            errors.append(source.name_error())
            continue
        first = source.url(default_lang).strip("/").split("/")[0]
        if source.lang == default_lang and first in others:
            errors.append(_language_folder(source, first, default_lang))
    for source in sources:
        if source.key is None and source.problem in ("case", "form"):
            errors.append(source.name_error())  # e.g. Om.md: the language is reported once the name is fixed
    return errors


def _clash(source: Source, others: list[Source], default_lang: str) -> ContentError:
    url = source.url(default_lang)
    other = others[0]
    names = " och ".join(o.rel for o in others)
    names_en = " and ".join(o.rel for o in others)
    head = f"Filen blir samma webbadress ({url}) som {names}. "
    head_en = f"The file makes the same web address ({url}) as {names_en}. "
    if other.lang != source.lang:
        code = other.lang if source.lang == default_lang else source.lang
        local = source if source.lang == default_lang else other
        return ContentError(
            source.rel, None, None,
            head + _language_folder_advice(local, code, default_lang)[0],
            head_en + _language_folder_advice(local, code, default_lang)[1],
            _language_folder_advice(local, code, default_lang)[2],
        )
    keep = next((s.rel for s in (source, *others) if s.problem is None), None)
    if unicodedata.normalize("NFC", source.doc_path) == unicodedata.normalize("NFC", other.doc_path):
        if source.problem == "form":
            sv = ("Namnen ser likadana ut, men å, ä eller ö i den här filens namn är sparade på ett ovanligt sätt "
                  "(Unicode NFD, som vissa Mac-program gör), i den andras på det vanliga. Ta bort den här filen, "
                  "eller flytta in det som saknas i den andra först.")
            en = ("The names look the same, but å, ä or ö in this file's name are stored in an unusual way "
                  "(Unicode NFD, as some Mac programs do), in the other's in the usual way. Delete this file, "
                  "or move what is missing into the other first.")
        else:
            sv = ("Namnen ser likadana ut, men å, ä eller ö i den andra filens namn är sparade på ett ovanligt sätt "
                  "(Unicode NFD, som vissa Mac-program gör). Behåll den här filen och ta bort den andra.")
            en = ("The names look the same, but å, ä or ö in the other file's name are stored in an unusual way "
                  "(Unicode NFD, as some Mac programs do). Keep this file and delete the other.")
        return ContentError(source.rel, None, None, head + sv, head_en + en,
                            f"{keep or source.plain_rel()} (och ingen fil till med samma namn)")
    if url_key(source.doc_path) == url_key(other.doc_path):
        return ContentError(
            source.rel, None, None,
            head + "Namnen skiljer sig bara i stora och små bokstäver. På Windows och Mac blir de samma fil. "
            "Behåll filen med små bokstäver och ta bort den andra.",
            head_en + "The names differ only in capital and small letters. On Windows and Mac they are the same "
            "file. Keep the file in small letters and delete the other.",
            keep or source.plain_rel(),
        )
    page = next((s for s in (source, *others) if not s.key.endswith("/index") and s.key != "index"), source)
    index = next((s for s in (source, *others) if s is not page), other)
    return ContentError(
        source.rel, None, None,
        head + f"En sida {page.doc_path.rsplit('/', 1)[-1]} och en mapp med index.{source.lang}.md blir samma sida. "
        "Behåll en av dem och ta bort den andra.",
        head_en + f"A page {page.doc_path.rsplit('/', 1)[-1]} and a folder holding index.{source.lang}.md make the "
        "same page. Keep one of them and delete the other.",
        f"{page.rel} (och ingen {index.rel})",
    )


def _language_folder_advice(source: Source, code: str, default_lang: str) -> tuple[str, str, str]:
    """(sv, en, example) for a page of the default language in the folder of another language."""
    rest = source.key.split("/", 1)[1] if "/" in source.key else "index"
    return (
        f"Adresser som börjar med /{code}/ är till för sidorna som heter .{code}.md, så {source.rel} kan inte "
        f"ligga i mappen {code}/. Flytta filen ut ur mappen eller byt namn på mappen. En översättning ligger "
        f"bredvid originalet och heter {rest}.{code}.md.",
        f"Addresses starting with /{code}/ belong to the pages named .{code}.md, so {source.rel} cannot be in "
        f"the folder {code}/. Move the file out of the folder or rename the folder. A translation sits next to "
        f"its original, named {rest}.{code}.md.",
        f"content/{rest}.{default_lang}.md och content/{rest}.{code}.md",
    )


def _language_folder(source: Source, code: str, default_lang: str) -> ContentError:
    sv, en, example = _language_folder_advice(source, code, default_lang)
    url = source.url(default_lang)
    return ContentError(source.rel, None, None, f"Sidan får webbadressen {url}. " + sv,
                        f"The page gets the address {url}. " + en, example)


def check_generated(sources: list[Source], made: list[Document], default_lang: str) -> list[ContentError]:
    """A page the build makes (a year of an archive) may not get the address of a source file."""
    taken = {url_key(s.url(default_lang)): s for s in sources if s.key is not None}
    errors = []
    for doc in made:
        url = "/" + url_for(doc.key, doc.lang, default_lang)
        source = taken.get(url_key(url))
        if source is not None:
            errors.append(
                ContentError(
                    source.rel, None, None,
                    f"Filen blir samma webbadress ({url}) som en sida som bygget gör själv. "
                    f"Vill du skriva den sidan själv: döp om filen till {doc.rel}.",
                    f"The file makes the same web address ({url}) as a page the build makes itself. "
                    f"To write that page yourself, rename the file to {doc.rel}.",
                )
            )
    return errors


def load_document(file: Path, content_dir: Path, repo_root: Path | None, languages: tuple[str, ...],
                  rel: str | None = None, types: ContentTypes | None = None,
                  doc_path: str | None = None) -> tuple[Document | None, list[ContentError]]:
    rel = rel or _relative(file, repo_root)
    types = types or ContentTypes.load()
    doc_path = doc_path or _shown(file.relative_to(content_dir).as_posix())
    name_match = LANG_SUFFIX.match(doc_path)
    suffixes = " eller ".join(f".{lang}.md" for lang in languages)
    suffixes_en = " or ".join(f".{lang}.md" for lang in languages)
    if not name_match:
        return None, [
            ContentError(
                rel, None, None,
                f"Filnamnet måste sluta på {suffixes}, så att vi vet vilket språk sidan har.",
                f"The file name must end in {suffixes_en} so we know its language.",
                "kontakt.sv.md",
            )
        ]
    if name_match["lang"] not in languages:
        # Never dropped: a page in a language the site does not have would silently go missing.
        lang, stem = name_match["lang"], name_match["stem"].rsplit("/", 1)[-1]
        return None, [
            ContentError(
                rel, None, None,
                f"Filnamnet slutar på .{lang}.md, men {lang} är inte ett av webbplatsens språk "
                f"({', '.join(languages)}). Sidan skulle inte publiceras. Döp om filen så att den slutar på {suffixes}.",
                f"The file name ends in .{lang}.md, but {lang} is not one of the site's languages "
                f"({', '.join(languages)}). The page would not be published. Rename it to end in {suffixes_en}.",
                f"{stem}.{languages[0]}.md",
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
    errors += _change_dates(source.meta, rel, source.lines)
    if ctype.parse is not None:
        fields, more = ctype.parse(source.meta, key, rel, source.lines)
        errors += more
        errors += _dates_in_range(fields, more, source.meta, rel, source.lines)
    if errors:
        draft = Document(kind=ctype.name, rel=rel, doc_path=doc_path, key=key, lang=lang, meta=source.meta,
                         body=source.body, body_line=source.body_line, lines=source.lines, draft=True)
        return draft, errors
    doc = ctype.model(
        kind=ctype.name, rel=rel, doc_path=doc_path, key=key, lang=lang, meta=source.meta,
        body=source.body, body_line=source.body_line, lines=source.lines, **fields,
    )
    return doc, []


def _change_dates(meta: dict, rel: str, lines: dict) -> list[ContentError]:
    """The days of the change notes exist (the schema checks their form), in any type."""
    changes = meta.get("changes")
    if not isinstance(changes, list):
        return []
    numbered = {"changes": {str(index): item for index, item in enumerate(changes)}}
    errors = []
    for index in range(len(changes)):
        errors += read_day(numbered, f"changes.{index}.date", rel, lines, "2018-08-20")[1]
    return errors


def _dates_in_range(fields: dict, reported: list[ContentError], meta: dict, rel: str,
                    lines: dict) -> list[ContentError]:
    """Any type's parsed dates (a site's own type too) within 1900–2100: beyond, date arithmetic,
    listings by year and calendars fail. The built-in types say so themselves (types/dates.py)."""
    errors = []
    for name, value in fields.items():
        if isinstance(value, date) and not in_range(value) and not any(e.field == name for e in reported):
            errors.append(out_of_range(rel, lines, name, str(meta.get(name, value)), "2018-06-14"))
    return errors


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


def check_translations(site: Site, sources: list[Source] | None = None) -> list[ContentError]:
    """An English page needs its Swedish original, and both must agree on when things happen.

    A translation whose original exists but is broken is not reported (the original's own errors
    are); a translation that is broken itself still is, when its original is missing (`sources`).
    """
    errors = []
    loaded = {(doc.key, doc.lang): doc.rel for doc in site.documents.values()}
    present = dict(loaded)
    for source in sources or ():
        if source.key is not None and source.problem is None:
            present.setdefault((source.key, source.lang), source.rel)
    for (key, lang), rel in sorted(present.items()):
        if lang == site.default_lang:
            continue
        original = site.get(key, site.default_lang)
        if original is None:
            if (key, site.default_lang) in present:
                continue  # the original is there but broken: its own errors say what to fix
            errors.append(
                ContentError(
                    rel, None, None,
                    f"Den här översättningen saknar sin svenska sida {key}.{site.default_lang}.md. "
                    "Skapa den svenska sidan först, eller kolla att filnamnen är lika.",
                    f"This translation has no Swedish original {key}.{site.default_lang}.md. "
                    "Create the Swedish page first, or check that the file names match.",
                    f"{key}.{site.default_lang}.md",
                )
            )
            continue
        doc = site.get(key, lang)
        if doc is None or original.kind != doc.kind:
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
