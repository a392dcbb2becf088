"""Check: no page may be published with a placeholder from `klarsida new` left in it.

Registered in klarsida.checks, so the build and `klarsida check` report the same message.
"""

from __future__ import annotations

from typing import Any

from .checks import register
from .errors import ContentError
from .scaffold import PLACEHOLDER, PLACEHOLDER_RE
from .schema import example_for
from .site import Site


def _strings(value: Any, path: list[str | int]):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, [*path, str(key)])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, [*path, index])


@register
def placeholders_left(site: Site, session) -> list[ContentError]:
    errors = []
    for doc in site.bodies():
        for path, text in _strings(doc.meta, []):
            if not PLACEHOLDER_RE.search(text):
                continue
            name = ".".join(map(str, path))
            # For a list item the list's own example is the helpful one.
            field_path = [p for p in path if not isinstance(p, int)]
            errors.append(
                ContentError(
                    doc.rel, doc.lines.get(name), name,
                    f"Fältet har kvar texten {PLACEHOLDER} från mallen. Skriv det riktiga värdet.",
                    f"The field still holds the template's {PLACEHOLDER} placeholder. Write the real value.",
                    example_for(site.types[doc.kind], field_path, doc.lang) if field_path else None,
                )
            )
        for offset, line in enumerate(doc.body.split("\n")):
            if PLACEHOLDER_RE.search(line):
                errors.append(
                    ContentError(
                        doc.rel, doc.body_line + offset, None,
                        f"Texten har kvar {PLACEHOLDER} från mallen. Skriv den riktiga texten på raden.",
                        f"The text still holds the template's {PLACEHOLDER} placeholder. Write the real text on this line.",
                        "Vi träffades på Röda kvarn och pratade om nya lokaler.",
                    )
                )
    return errors
