"""MkDocs hooks for page weight: pages link the subset of Material's stylesheet they use, and its
bundle waits for a search (klarsida/page_assets.py, overrides/main.html, lazy-material.js).

static-i18n runs every event once per language build; the subset collects the classes of every
page of both languages and is written after each build. Imports only the installed `klarsida`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from klarsida import build, page_assets

log = logging.getLogger("mkdocs.hooks.klarsida")
_subset: page_assets.StylesheetSubset | None = None


def on_config(config):
    global _subset
    if _subset is None:  # once per process: classes of earlier builds only keep rules
        try:
            assets = page_assets.theme_assets([Path(d) for d in config.theme.dirs])
        except page_assets.ThemeAssetsMissing as exc:
            raise PluginError(str(exc)) from None
        scripts = [Path(config.theme.custom_dir, "assets", "javascripts")] if config.theme.custom_dir else []
        _subset = page_assets.StylesheetSubset(assets, scripts)
    return config


def on_env(env, config, files):
    # overrides/main.html links these instead of Material's hard-coded names.
    env.globals["klarsida_assets"] = _subset.assets
    return env


def on_post_page(output, page, config):
    _subset.add_page(output)
    return output


def on_post_template(output_content, template_name, config):
    _subset.add_page(output_content)  # 404.html
    return output_content


def on_post_build(config):
    full, subset = _subset.write(build.site_root(config["site_dir"], config.theme["language"]))
    log.debug("Material's stylesheet: %.1f KB; the subset pages load: %.1f KB", full / 1024, subset / 1024)
