"""MkDocs hooks for the editors' fast preview (`make serve`, a dirty `mkdocs serve`):
klarsida/preview.py says which pages to rebuild and completes the search index.

Does nothing unless MkDocs runs with --dirty. Imports only the installed `klarsida` package.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from klarsida import build, preview

_partial = False
_search_index = preview.SearchIndexMerge()


class _WithoutDirtyBuildWarning(logging.Filter):
    def filter(self, record):
        return not preview.is_dirty_build_warning(record.getMessage())


def on_startup(command, dirty):
    global _partial
    _partial = dirty
    if dirty:  # MkDocs warns on every dirty build; strict mode would stop the preview on it
        logging.getLogger("mkdocs.commands.build").addFilter(_WithoutDirtyBuildWarning())


@event_priority(-200)  # after static-i18n, which puts its own objects in place of the files
def on_files(files, config):
    if _partial:
        state = build.loaded(Path(config["docs_dir"]))
        for file in files.documentation_pages():
            doc = build.document_for(state, file.src_uri)
            if doc is not None and preview.built_from_other_pages(doc):
                file.is_modified = lambda: True  # MkDocs rebuilds it after any edit
    return files


def on_pre_build(config):
    if _partial:
        _search_index.before_build(_site_root(config))


def on_post_page(output, page, config):
    if _partial:
        _search_index.page_built(page.url)
    return output


@event_priority(-200)  # after Material's search and static-i18n have written the index
def on_post_build(config):
    if _partial:
        _search_index.after_build(_site_root(config))


def _site_root(config):
    return build.site_root(config["site_dir"], config.theme["language"])
