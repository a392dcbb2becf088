"""Checks beyond front matter (links, images, unsafe HTML, readability targets, ...).

Both the build (hooks/klarsida_content.py) and `klarsida check` call `check_site`, so an editor gets
exactly the same message from either. A check is a function `(site, settings) -> list[ContentError]`
registered with `@register`; its module is listed in CHECK_MODULES so it is imported here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from .errors import ContentError
from .site import Site

Check = Callable[[Site, dict[str, Any]], list[ContentError]]
_CHECKS: list[Check] = []

# Modules that register checks when imported. Add yours here.
CHECK_MODULES: list[str] = ["links", "safety", "placeholders", "events", "readability.targets", "listings"]


def register(check: Check) -> Check:
    _CHECKS.append(check)
    return check


def check_site(site: Site, settings: dict[str, Any] | None = None) -> list[ContentError]:
    """Run every registered check; `settings` is the `extra.klarsida` mapping from mkdocs.yml."""
    for module in CHECK_MODULES:
        importlib.import_module(f"klarsida.{module}")
    errors: list[ContentError] = []
    for check in _CHECKS:
        errors.extend(check(site, settings or {}))
    return errors
