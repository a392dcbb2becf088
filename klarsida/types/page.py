"""A plain page (about, contact, glossary ...): any Markdown file outside a collection's items."""

from __future__ import annotations

from . import SCHEMAS, ContentType

TYPE = ContentType(name="page", schema_file=SCHEMAS / "page.json", reference_path="content/")
