"""Checks beyond front matter (links, images, unsafe HTML, readability targets, ...).

Both the build and `klarsida check` call `check_site`, so an editor gets exactly the same message
from either. A check is a function `(site, session) -> list[ContentError]` marked with `@register`
in a module listed in CHECK_MODULES; `session` gives it the settings and the session's caches
(klarsida/session.py).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING

from .errors import ContentError
from .site import Site

if TYPE_CHECKING:
    from .session import Session

Check = Callable[[Site, "Session"], list[ContentError]]

# Modules whose marked functions are the checks, in this order. Add yours here.
CHECK_MODULES: tuple[str, ...] = ("links", "safety", "placeholders", "events", "readability.targets", "text_checks",
                                 "translations", "changes", "glossary")


def register(check: Check) -> Check:
    """Mark a function as a check (collected by `checks()`; nothing is kept here)."""
    check.klarsida_check = True
    return check


def checks() -> list[Check]:
    """Every marked function of CHECK_MODULES, in the modules' order and then in source order."""
    found: list[Check] = []
    for name in CHECK_MODULES:
        module = importlib.import_module(f"klarsida.{name}")
        marked = [f for f in vars(module).values()
                  if inspect.isfunction(f) and getattr(f, "klarsida_check", False) and f.__module__ == module.__name__]
        found.extend(sorted(marked, key=lambda f: f.__code__.co_firstlineno))
    return found


def check_site(site: Site, session: Session) -> list[ContentError]:
    """Run every check on a loaded site."""
    errors: list[ContentError] = []
    for check in checks():
        errors.extend(check(site, session))
    return errors
