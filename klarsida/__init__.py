"""Klarsida: plain-language, accessible, bilingual static sites.

The engine knows content, validation, listings, readability and calendars, and nothing of the site
generator or theme that builds the pages: one adapter package does (see docs/maintainers.md), so
the engine can outlive any one generator. A test scans the engine for
the generator's names.
"""

__version__ = "0.1.0"
