"""Klarsida: plain-language, accessible, bilingual static sites.

The engine knows content, validation, listings, readability and calendars. It never imports MkDocs:
`hooks/` adapts MkDocs events to it, so the engine can outlive any one site generator.
"""

__version__ = "0.1.0"
