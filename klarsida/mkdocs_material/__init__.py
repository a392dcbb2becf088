"""The adapter between Klarsida's engine and MkDocs with Material for MkDocs and mkdocs-static-i18n.

The only package that knows them (a test scans the rest of `klarsida/` for their names). Its
interface, which an adapter for another generator (Zensical, MkDocs 2) implements as a sibling
package, is described in docs/maintainers.md ("The adapter's interface"):

- `CONFIG_NAMES` and `find_project(start, config) -> Project | None`: the CLI finds the site
  through them (entry point `klarsida.adapters` in pyproject.toml);
- an object that owns one `klarsida.session.Session` per generator run and hands the generator's
  events to it (`MkDocsAdapter`, exposed by `hooks/klarsida_mkdocs.py`).
"""

from .adapter import MkDocsAdapter
from .config import CONFIG_NAMES, find_project

__all__ = ["CONFIG_NAMES", "MkDocsAdapter", "find_project"]
