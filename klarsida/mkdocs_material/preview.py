"""The editors' preview: `make serve` rebuilds only the pages an edit changes (issue 7).

A full rebuild of 1,000 meetings' Swedish pages takes 5-6 s; MkDocs's dirty builds (`serve
--dirty`) rebuild only pages whose source is newer than their output. Two things would then go
stale, and this module keeps them right:

- pages the engine builds from other pages (the start page, the listings, the readability report)
  are rebuilt after every edit;
- Material's search index would hold only the rebuilt pages: the entries of the other pages are
  merged in from the index the build before wrote.

MkDocs warns about every dirty build; under strict mode that warning would stop the preview, so
the hook filters that one message (`is_dirty_build_warning`).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model import Document
from ..readability.report import REPORT_KEY
from ..listings import lists_other_pages
from ..site import Site


def built_from_other_pages(site: Site, doc: Document) -> bool:
    """The start page and the listings (klarsida/listings.py), and the readability report."""
    return lists_other_pages(site, doc.key) or doc.key == REPORT_KEY


def is_dirty_build_warning(message: str) -> bool:
    return message.startswith("A 'dirty' build is being performed")


class SearchIndexMerge:
    """Material writes a search index of the pages it rebuilt; merge in the rest from the last one.

    Reads the previous index before the build writes anything, so it works across processes too
    (`mkdocs build --dirty`). Entries of rebuilt pages come from the new index; a deleted page's
    entries stay until the next full build.
    """

    PATH = ("search", "search_index.json")

    def __init__(self) -> None:
        self._before: dict | None = None
        self.rebuilt: set[str] = set()  # page URLs as MkDocs gives them: "", "meetings/x/"

    def before_build(self, site_dir: Path) -> None:
        self.rebuilt = set()
        try:
            self._before = json.loads(Path(site_dir, *self.PATH).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self._before = None  # the first build: it writes the whole index itself

    def page_built(self, url: str) -> None:
        self.rebuilt.add(url)

    def after_build(self, site_dir: Path) -> None:
        path = Path(site_dir, *self.PATH)
        if self._before is None or not path.is_file():
            return
        index = json.loads(path.read_text(encoding="utf-8"))
        kept = [d for d in self._before.get("docs", []) if d.get("location", "").split("#")[0] not in self.rebuilt]
        index["docs"] = index.get("docs", []) + kept
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
