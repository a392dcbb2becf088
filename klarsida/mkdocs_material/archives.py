"""Pages the build makes (the meeting archive's year pages), added where static-i18n cannot drop them.

static-i18n replaces MkDocs' files with its own in its `on_files` (priority -100), rebuilding each
from a path in `docs_dir`: a page that is no file there would be lost, or read from a file that does
not exist. So the adapter adds the engine's generated documents after it (priority -200), as
static-i18n would have made them from a file `meetings/2019.sv.md` (its folder layout, its locale
and alternates, so the language link and the sitemap know them), with the text in memory.
"""

from __future__ import annotations

from mkdocs.structure.files import File

from ..model import Document


def _i18n_file(config, plugin, doc_path: str, lang: str) -> File:
    """The file static-i18n would make from `doc_path` for the `lang` build (its own function)."""
    from mkdocs_static_i18n import suffix

    source = File(doc_path, config["docs_dir"], config["site_dir"], config["use_directory_urls"])
    return suffix.create_i18n_file(source, lang, plugin.default_language, plugin.all_languages, config)


def add_generated_pages(files, config, session, lang: str):
    """Add the generated documents of the `lang` build (in `lang`, or the default language's)."""
    site = session.site
    plugin = config["plugins"].get("i18n")
    keys = sorted({doc.key for doc in site.documents.values() if doc.generated})
    added = []
    for key in keys:
        doc: Document = site.in_language(key, lang)
        if plugin is None:
            page = File.generated(config, doc.doc_path, content=doc.body)
        else:
            page = _i18n_file(config, plugin, doc.doc_path, lang)
            page.alternates = {lang: page}
            for other in plugin.build_languages:
                twin = site.get(key, other) or site.get(key, site.default_lang)
                if other != lang and twin is not None:
                    page.alternates[other] = _i18n_file(config, plugin, twin.doc_path, other)
        page._content = doc.body  # MkDocs reads the page from memory (its 1.6 API for generated files)
        page.generated_by = "klarsida"
        files.append(page)
        added.append(page)
    if plugin is not None and added:
        # The sitemap lists static-i18n's pages of each language, collected before this ran.
        plugin.i18n_files_per_language[lang] = [*plugin.i18n_files_per_language[lang], *added]
    return files
