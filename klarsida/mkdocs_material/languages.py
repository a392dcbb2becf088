"""What the adapter knows about mkdocs-static-i18n: its folder layout and which languages it builds."""

from __future__ import annotations

from pathlib import Path


def site_root(config) -> Path:
    """The folder of the whole site: static-i18n builds languages but the first into <site>/<lang>."""
    return site_root_of(config["site_dir"], config.theme["language"])


def site_root_of(site_dir: str | Path, lang: str) -> Path:
    site_dir = Path(site_dir)
    return site_dir.parent if site_dir.name == lang else site_dir


def _plugin(config):
    return config["plugins"].get("i18n") if "plugins" in config else None


def apply_preview_switch(config, wanted: tuple[str, ...] | None) -> tuple[str, ...]:
    """Build only the `wanted` languages (a preview; None: all), and return the languages that build.

    Runs before static-i18n's own on_config, which reads each language's `build` flag.
    """
    plugin = _plugin(config)
    if plugin is None:
        return (config.theme["language"],)
    if wanted is not None and not getattr(plugin, "building", False):
        for language in plugin.config.languages:
            language.build = language.locale in wanted
    return tuple(plugin.build_languages)


def take_over_search_duplicates(config) -> bool:
    """Switch off static-i18n's removal of duplicate search entries (`reconfigure_search`); the
    adapter's split (search.py) removes them instead. static-i18n compares every entry of the default
    language with every entry of the others and removes from a list: at N = 1,000 (about 6,000
    entries a language) that was 32 million comparisons, about a sixth of the whole build. True if it
    was on (then the split must remove them)."""
    plugin = _plugin(config)
    if plugin is None or not plugin.config.reconfigure_search:
        return False
    plugin.config.reconfigure_search = False
    return True


def built(config) -> tuple[str, ...]:
    """The languages this build makes, default first (only the configured one without static-i18n)."""
    plugin = _plugin(config)
    if plugin is None:
        return (config.theme["language"],)
    return tuple(plugin.build_languages)


def default_language(config) -> str:
    plugin = _plugin(config)
    return plugin.default_language if plugin is not None else config.theme["language"]


def all_built(config) -> bool:
    """True in the outermost build, after static-i18n built the other languages inside it (its
    `building` flag is set while it does)."""
    plugin = _plugin(config)
    return plugin is None or not getattr(plugin, "building", False)
