"""Content types as a registry: what a meeting, an event or a plain page is lives in one module each.

A `ContentType` owns its front-matter schema, its model (the Document subclass and the fields parsed
from front matter), where its files live and how they are named, the facts shown under its pages'
titles, its listing and archive rules and templates, what `klarsida new` writes for it, and whether
it takes part in the feed or the calendar. The site's configuration names the types it uses
(`content_types` in the settings): built-in ones by name (`page`, `meeting`, `event`), the site's
own by the path of a Python file that defines `TYPE` (tests/fixtures/sites/news/ has a news type).
Adding a type therefore touches that module, its templates and the configuration only.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Document
from ..settings import DEFAULT_TYPES, SettingsInvalid

if TYPE_CHECKING:
    from ..errors import ContentError
    from ..site import Site

BUILTIN = {"page": "klarsida.types.page", "meeting": "klarsida.types.meeting", "event": "klarsida.types.event"}
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"

# (meta, key, rel, lines) -> (fields for the model, errors)
Parse = Callable[[dict, str, str, dict], tuple[dict, list["ContentError"]]]


@dataclass(frozen=True)
class Listing:
    """A collection's index page (`meetings/index`) and, if it has one, its archive by year."""

    index_key: str
    template: str
    # (site, type, lang, now) -> the template's variables
    context: Callable[[Site, ContentType, str, datetime], dict[str, Any]]
    archive_template: str | None = None  # a page per year with items: `<folder>/<year>`
    # Words of the year pages, keys of the type's words or the catalogs: title, description, intro.
    archive_words: tuple[str, str, str] = ("archive_title", "archive_description", "archive_intro")


@dataclass(frozen=True)
class Scaffold:
    """What `klarsida new <type>` asks for and writes."""

    when_option: str  # "date" (a day) or "start" (a day or a day and a time)
    bodies: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> body lines
    end_option: bool = False  # `--end` too (events)
    help_sv: str = ""
    help_en: str = ""


@dataclass(frozen=True, eq=False)  # one object per type: compared and hashed by identity
class ContentType:
    name: str  # the kind: `klarsida new <name>`, the schema's name
    schema_file: Path
    folder: str | None = None  # its collection's folder in content/ (None: plain pages, anywhere)
    model: type[Document] = Document
    dated: bool = False  # file names start with a date: 2018-06-14-slug.sv.md
    parse: Parse | None = None  # fields parsed from front matter (dates) and their errors
    order: Callable[[Document], Any] | None = None  # listing order (ascending)
    newest_first: bool = False
    # Fields both languages must agree on (when things happen).
    agree_between_languages: tuple[str, ...] = ()
    facts_template: str | None = None  # shown under the title of each of its pages
    listing: Listing | None = None
    templates: Path | None = None  # a folder of its own templates (site types)
    scaffold: Scaffold | None = None
    feed: bool = False  # its items are in the Atom feed
    calendar: bool = False  # its items are in the calendars (.ics)
    reference_path: str = ""  # where its files go, for the editors' reference
    year_of: Callable[[Document], int] = lambda doc: 0  # the year an item belongs to (archives)
    # Its own words, {lang: {key: text}}, before the engine's catalogs (klarsida/locales/).
    words: dict[str, dict[str, str]] = field(default_factory=dict)

    def word(self, lang: str, key: str, **values: object) -> str:
        from .. import i18n

        text = self.words.get(lang, {}).get(key)
        if text is None:
            return i18n.label(lang, key, **values)
        return text.format(**values) if values else text

    def items(self, site: Site, lang: str) -> list[Document]:
        """Every item of this type once, in `lang` where translated, in the type's order."""
        # None: only a translation loaded, its original is broken (a partial site with errors).
        found = [doc for key in site.keys(self.name) if (doc := site.in_language(key, lang)) is not None]
        key = self.order or (lambda doc: doc.key)
        return sorted(found, key=lambda d: (key(d), d.key), reverse=self.newest_first)


def _load(entry: str, root: Path | None) -> ContentType:
    if entry in BUILTIN:
        return importlib.import_module(BUILTIN[entry]).TYPE
    path = Path(entry)
    if root is not None and not path.is_absolute():
        path = root / path
    name = f"klarsida_site_type_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None or not path.is_file():
        raise TypeNotFound(entry, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses (a type's model) look their module up there
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # the site's own code: say where, never a traceback for the editor
        del sys.modules[name]
        raise TypeNotFound(entry, path, f"{type(exc).__name__}: {exc}") from exc
    if not isinstance(getattr(module, "TYPE", None), ContentType):
        raise TypeNotFound(entry, path, "defines no TYPE = ContentType(...)")
    return module.TYPE


class TypeNotFound(SettingsInvalid):
    def __init__(self, entry: str, path: Path, why: str = "finns inte / does not exist"):
        super().__init__("content_types", [
            f"content_types: {entry!r} är varken en inbyggd typ ({', '.join(BUILTIN)}) eller en Python-fil "
            f"som går att läsa / is neither a built-in type nor a readable Python file ({path}: {why}). "
            "Exempel / example: content_types: [page, meeting, event, types/news.py]"
        ])


class ContentTypes:
    """The types of one site, by name and by folder."""

    def __init__(self, types: tuple[ContentType, ...]):
        self.types = types
        self._by_name = {t.name: t for t in types}
        self._by_folder = {t.folder: t for t in types if t.folder}
        self._templates = tuple(t.templates for t in types if t.templates)

    @classmethod
    def load(cls, entries: tuple[str, ...] = DEFAULT_TYPES, root: Path | None = None) -> ContentTypes:
        return cls(tuple(_load(entry, root) for entry in entries))

    def __iter__(self):
        return iter(self.types)

    def get(self, name: str) -> ContentType | None:
        return self._by_name.get(name)

    def __getitem__(self, name: str) -> ContentType:
        return self._by_name[name]

    @property
    def template_dirs(self) -> tuple[Path, ...]:
        return self._templates

    def kind_of(self, doc_path: str) -> ContentType:
        """The type of a content-folder-relative source path: an item of a collection, or a page
        (the collection's index page and its year pages are pages that list the collection)."""
        parts = doc_path.split("/")
        name = parts[-1].split(".", 1)[0]
        collection = self._by_folder.get(parts[0]) if len(parts) >= 2 else None
        if collection is not None and name != "index" and not (len(name) == 4 and name.isdigit()):
            return collection
        return self._by_name.get("page") or _plain_page()

    def listing_for(self, key: str) -> tuple[ContentType, Listing, int | None] | None:
        """(type, listing, year) when `key` is a collection's index page (year None) or year page."""
        for ctype in self.types:
            if ctype.listing is None:
                continue
            if key == ctype.listing.index_key:
                return ctype, ctype.listing, None
            folder, _, year = key.partition("/")
            if ctype.listing.archive_template and folder == ctype.folder and year.isdigit() and len(year) == 4:
                return ctype, ctype.listing, int(year)
        return None

    def with_archive(self) -> list[ContentType]:
        return [t for t in self.types if t.listing and t.listing.archive_template]


def _plain_page() -> ContentType:
    return importlib.import_module(BUILTIN["page"]).TYPE
