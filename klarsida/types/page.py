"""A plain page (about, contact, glossary ...): any Markdown file outside a collection's items."""

from __future__ import annotations

from . import SCHEMAS, ContentType

# The contact page shows its contact facts (`contact:`) under the title; other pages show nothing.
TYPE = ContentType(name="page", schema_file=SCHEMAS / "page.json", facts_template="contact_facts.html",
                   reference_path="content/")
