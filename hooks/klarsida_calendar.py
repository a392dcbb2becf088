"""MkDocs hooks for events and feeds: calendar files, the meetings Atom feed, JSON-LD in the head.

static-i18n runs every event once per language build; each build writes its own language's files.
Imports only the installed `klarsida` package (MkDocs imports this file under an odd module name).
"""

from __future__ import annotations

from pathlib import Path

from klarsida import build, publish

_state: build.BuildState


def on_config(config):
    global _state
    # hooks/klarsida_content.py, listed first, has loaded the content for this build (or stopped it).
    _state = build.loaded(Path(config["docs_dir"]))
    return config


def on_post_page(output, page, config):
    doc = build.document_for(_state, page.file.src_uri)
    lang = config.theme["language"]
    page_url = publish.page_url_for(_state.site, doc, lang, page.url)
    return publish.add_to_head(output, publish.head_tags(_state.site, doc, lang, page_url, config["site_url"]))


def on_post_build(config):
    lang = config.theme["language"]
    files = publish.output_files(_state.site, lang, config["site_url"], _state.now, config["site_name"])
    publish.write_files(Path(config["site_dir"]), files)
