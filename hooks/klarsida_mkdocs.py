"""MkDocs hooks: hand MkDocs events to the klarsida engine. No logic lives here.

MkDocs imports this file under its path as module name, so it imports only the installed
`klarsida` package. static-i18n runs every event once per language build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from klarsida import build
from klarsida.errors import ContentInvalid

_state: build.BuildState | None = None


def on_config(config):
    global _state
    docs_dir = Path(config["docs_dir"])
    repo_root = Path(config["config_file_path"]).parent
    try:
        _state = build.prepare(docs_dir, repo_root)
    except ContentInvalid as exc:
        # PluginError makes MkDocs print the message and stop, without a traceback.
        raise PluginError(str(exc)) from None
    return config


def on_page_content(html, page, config, files):
    doc = build.document_for(_state, page.file.src_uri)
    if doc is None:
        return html
    return build.page_html(_state, doc, config.theme["language"], html)
