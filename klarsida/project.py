"""A Klarsida project as the engine sees it, whatever generator builds the site.

The engine needs a few facts about a site: where its content is, the repository root (error paths
are relative to it), its languages, its Markdown dialect, its address and names, and the typed
settings. The generator's adapter reads them from the generator's configuration
(today's: the adapter package's config module); the CLI asks the installed adapters
(`klarsida.adapters` entry points) to find the project from the current folder, so `klarsida check`
gives the build's answers without the generator.
"""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .settings import Settings

ADAPTER_GROUP = "klarsida.adapters"


class ProjectNotFound(Exception):
    """No project here or above, or its configuration cannot be read."""


@dataclass(frozen=True)
class Project:
    root: Path
    content_dir: Path
    settings: Settings = field(default_factory=Settings)
    strict: bool = False
    # The first language is the default: its pages sit at the site's root, the others under /<lang>/.
    languages: tuple[str, ...] = ("sv", "en")
    # Markdown extensions and their options, as the generator converts pages (None: the engine's).
    markdown_extensions: dict[str, dict] | None = None
    site_url: str | None = None
    site_names: dict[str, str] = field(default_factory=dict)
    config_file: Path | None = None
    # Paths the generator and its theme write in every language's folder (a name ending in `/` is a
    # folder): no content file may land there (content_files.py). The adapter knows them.
    reserved_paths: tuple[str, ...] = ()

    @property
    def default_lang(self) -> str:
        return self.languages[0]

    @property
    def cache_dir(self) -> Path:
        """Scores of unchanged pages are kept here between runs (git-ignored)."""
        return self.root / ".cache" / "klarsida"

    def site_name(self, lang: str) -> str:
        return self.site_names.get(lang) or self.site_names.get(self.default_lang, "")


def adapters() -> list[Any]:
    """The installed adapters, by entry point: each has `find_project(start, config) -> Project | None`."""
    found = []
    for entry in sorted(importlib.metadata.entry_points(group=ADAPTER_GROUP), key=lambda e: e.name):
        found.append(entry.load())
    return found


def load_project(config: Path | None = None, start: Path | None = None) -> Project:
    """The project whose configuration is `config`, or the nearest one at or above `start` (default: here)."""
    looked_for = []
    for adapter in adapters():
        project = adapter.find_project(Path(start or Path.cwd()), Path(config) if config else None)
        if project is not None:
            return project
        looked_for.extend(adapter.CONFIG_NAMES)
    names = " / ".join(looked_for) or "?"
    raise ProjectNotFound(
        f"Hittar ingen {names}. Kör kommandot i mappen med webbplatsen, eller ange --config.\n"
        f"(en) No {names} found. Run the command in the site's folder, or pass --config."
    )
