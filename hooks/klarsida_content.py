"""MkDocs hooks for content: load and check it, and add headings, facts and listings to pages.

MkDocs imports this file under its path as module name, so it imports only the installed
`klarsida` package. static-i18n runs every event once per language build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from klarsida import build
from klarsida.errors import ContentInvalid

log = logging.getLogger("mkdocs.hooks.klarsida")
_state: build.BuildState | None = None


def on_config(config):
    global _state
    try:
        _state = build.prepare(
            Path(config["docs_dir"]),
            Path(config["config_file_path"]).parent,
            config["extra"].get("klarsida", {}),
        )
    except ContentInvalid as exc:
        # PluginError makes MkDocs print the message and stop, without a traceback.
        raise PluginError(str(exc)) from None
    if _state.checked:  # checked here (a tiny site): stop before building anything
        _report_checks()
    return config


def on_page_content(html, page, config, files):
    doc = build.document_for(_state, page.file.src_uri)
    if doc is None:
        return html
    return build.page_html(_state, doc, config.theme["language"], html)


def on_post_build(config):
    # The checks ran in a second process while pages were built; their verdict comes here.
    _report_checks()


def _report_checks():
    try:
        warnings = build.finish(_state)
    except ContentInvalid as exc:
        raise PluginError(str(exc)) from None
    if not _state.warnings_logged:  # once per content change, not once per language
        _state.warnings_logged = True
        for warning in warnings:
            log.warning(warning.format())
