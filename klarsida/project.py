"""Finding a Klarsida project and reading what the engine needs from its mkdocs.yml.

The CLI must give the same answers as the build without importing MkDocs, so it reads the same
three things the hooks get from MkDocs: the content folder (`docs_dir`), the repository root (the
folder of mkdocs.yml, which error paths are relative to) and the `extra.klarsida` settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CONFIG_NAME = "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs-specific tags (`!ENV`, `!!python/name:`) as null, not as errors."""


def _ignore_tag(loader, suffix, node):
    return None


_ConfigLoader.add_multi_constructor("!", _ignore_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


class ProjectNotFound(Exception):
    """No mkdocs.yml here or above, or it cannot be read."""


@dataclass
class Project:
    root: Path
    content_dir: Path
    settings: dict[str, Any] = field(default_factory=dict)
    strict: bool = False


def find_config(start: Path | None = None) -> Path | None:
    """mkdocs.yml in `start` (default: the current folder) or the nearest folder above it."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_project(config: Path | None = None) -> Project:
    path = Path(config) if config else find_config()
    if path is None or not path.is_file():
        raise ProjectNotFound(
            f"Hittar ingen {CONFIG_NAME}. Kör kommandot i mappen med webbplatsen, eller ange --config.\n"
            f"(en) No {CONFIG_NAME} found. Run the command in the site's folder, or pass --config."
        )
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except yaml.YAMLError as exc:
        raise ProjectNotFound(f"{path} går inte att läsa. (en) {path} cannot be read: {exc}") from None
    root = path.resolve().parent
    extra = data.get("extra") or {}
    content_dir = root / str(data.get("docs_dir") or "docs")
    if not content_dir.is_dir():
        raise ProjectNotFound(
            f"Mappen {content_dir} finns inte. Kolla docs_dir i {path}.\n"
            f"(en) The folder {content_dir} does not exist. Check docs_dir in {path}."
        )
    return Project(
        root=root,
        content_dir=content_dir,
        settings=dict(extra.get("klarsida") or {}),
        strict=bool(data.get("strict", False)),
    )
