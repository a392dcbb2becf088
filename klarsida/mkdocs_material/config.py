"""The project as mkdocs.yml describes it, read without MkDocs (for the CLI) or from MkDocs' config.

The engine's `Project` (klarsida/project.py) needs: `docs_dir`, the repository root (the folder of
mkdocs.yml), `strict`, the typed `extra.klarsida` settings, the languages of the static-i18n plugin
(default first), `markdown_extensions`, `site_url` and the site's name in each language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..project import Project, ProjectNotFound
from ..settings import Settings

CONFIG_NAMES = ("mkdocs.yml",)
SETTINGS_KEY = "extra.klarsida"


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs-specific tags (`!ENV`, `!!python/name:`) as UNRESOLVED, not as
    errors: only MkDocs can resolve them (an environment variable, a Python object)."""


class _Unresolved:
    def __bool__(self):
        return False

    def __repr__(self):
        return "UNRESOLVED"


UNRESOLVED = _Unresolved()


def _ignore_tag(loader, suffix, node):
    return UNRESOLVED


_ConfigLoader.add_multi_constructor("!", _ignore_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def find_config(start: Path | None = None) -> Path | None:
    """mkdocs.yml in `start` (default: the current folder) or the nearest folder above it."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def find_project(start: Path, config: Path | None = None) -> Project | None:
    """The adapter's answer to `klarsida.project.load_project` (None: no mkdocs.yml here or above)."""
    path = config if config else find_config(start)
    if path is None:
        return None
    if not path.is_file():
        raise ProjectNotFound(f"{path} finns inte. (en) {path} does not exist.")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ProjectNotFound(f"{path} går inte att läsa. (en) {path} cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise ProjectNotFound(f"{path} går inte att läsa. (en) {path} is not a mapping of settings.")
    return project_from(data, path)


def project_from(data: dict[str, Any], path: Path) -> Project:
    """A Project from mkdocs.yml's data (as read above, or MkDocs' own config object)."""
    root = Path(path).resolve().parent
    content_dir = root / str(data.get("docs_dir") or "docs")
    if not content_dir.is_dir():
        raise ProjectNotFound(
            f"Mappen {content_dir} finns inte. Kolla docs_dir i {path}.\n"
            f"(en) The folder {content_dir} does not exist. Check docs_dir in {path}."
        )
    extra = data.get("extra") or {}
    languages, names = _languages(data)
    return Project(
        root=root,
        content_dir=content_dir,
        settings=Settings.parse(extra.get("klarsida") if isinstance(extra, dict) else None, f"{path.name} {SETTINGS_KEY}"),
        strict=bool(data.get("strict", False)),
        languages=languages,
        markdown_extensions=markdown_extensions(data.get("markdown_extensions") or []),
        site_url=data.get("site_url") or None,
        site_names=names,
        config_file=Path(path).resolve(),
        reserved_paths=RESERVED_PATHS,
    )


# What MkDocs, Material and static-i18n write in each language's folder: a content file there would
# replace the theme's script or stylesheet (tried: content/assets/javascripts/events.js ran on every
# page), the search index, the sitemap or the error page.
RESERVED_PATHS = ("assets/", "search/", "sitemap.xml", "sitemap.xml.gz", "404.html", "404/")

# MkDocs converts every page with these, whatever mkdocs.yml lists (config/defaults.py).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


def markdown_extensions(entries) -> dict[str, dict]:
    """The extensions MkDocs converts pages with, as {name: options}: its builtins, then mkdocs.yml's
    `markdown_extensions` (a list of names or one-key mappings, or a mapping)."""
    found: dict[str, dict] = {name: {} for name in MKDOCS_BUILTIN_EXTENSIONS}
    if isinstance(entries, dict):
        entries = [{k: v} for k, v in entries.items()]
    for entry in entries:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        # An option only MkDocs can resolve (a Python object) is left to the extension's default.
        found[str(name)] = {k: v for k, v in dict(options or {}).items() if v is not UNRESOLVED}
    return found


def _i18n(data: dict[str, Any]) -> dict[str, Any] | None:
    for entry in data.get("plugins") or []:
        if isinstance(entry, dict) and "i18n" in entry:
            return entry["i18n"] or {}
    return None


def _languages(data: dict[str, Any]) -> tuple[tuple[str, ...], dict[str, str]]:
    """The static-i18n languages, default first, and the site's name in each."""
    site_name = str(data.get("site_name") or "")
    i18n = _i18n(data)
    if not i18n or not i18n.get("languages"):  # the engine's languages (Project's default)
        languages = Project.__dataclass_fields__["languages"].default
        return languages, {lang: site_name for lang in languages}
    entries = [e for e in i18n["languages"] if isinstance(e, dict) and e.get("locale")]
    entries.sort(key=lambda e: not e.get("default", False))
    languages = tuple(str(e["locale"]) for e in entries)
    names = {str(e["locale"]): str(e.get("site_name") or site_name) for e in entries}
    return languages, names
