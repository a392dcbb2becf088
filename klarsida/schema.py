"""Front-matter schemas (JSON Schema files, one per content type) and editor-friendly messages.

The schemas are the single source of truth for fields: validation here, the front-matter
reference in `docs/` and the examples in error messages all come from them. Each content type
(klarsida/types/) names its schema file; shared shapes are in `klarsida/schemas/common.json`
(`$ref: "klarsida:common#/$defs/..."`). A function here takes a type or a built-in type's name.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource

from .errors import ContentError
from .types import SCHEMAS, ContentType, ContentTypes


def _type(kind: ContentType | str) -> ContentType:
    if isinstance(kind, ContentType):
        return kind
    found = ContentTypes.load().get(kind)
    if found is None:
        raise KeyError(f"no built-in content type {kind!r}")
    return found


@cache
def _read(path: Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def common_schema() -> dict[str, Any]:
    """The shapes every type's schema may use (`klarsida:common#/$defs/...`)."""
    return _read(SCHEMAS / "common.json")


def load_schema(kind: ContentType | str) -> dict[str, Any]:
    return _read(_type(kind).schema_file)


@cache
def _validator_for(ctype: ContentType) -> jsonschema.Draft202012Validator:
    registry = Registry().with_resources([
        ("klarsida:common", Resource.from_contents(_read(SCHEMAS / "common.json"))),
        (f"klarsida:{ctype.name}", Resource.from_contents(_read(ctype.schema_file))),
    ])
    return jsonschema.Draft202012Validator(_read(ctype.schema_file), registry=registry)


def _validator(kind: ContentType | str) -> jsonschema.Draft202012Validator:
    return _validator_for(_type(kind))


def resolve(kind: ContentType | str, pointer: list[str | int]) -> dict[str, Any]:
    """The schema of one field (following $ref), to find its examples and allowed values."""
    validator = _validator(kind)
    node: dict[str, Any] = load_schema(kind)
    resolver = validator._resolver  # jsonschema's own resolver follows our registry
    for part in pointer:
        node = _deref(node, resolver)
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(part, {})
    return _deref(node, resolver)


def _deref(node: dict[str, Any], resolver) -> dict[str, Any]:
    if "$ref" in node:
        target = resolver.lookup(node["$ref"]).contents
        merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return merged
    return node


def examples_in(spec: dict[str, Any], lang: str | None) -> list:
    """A field's examples in the language of the page: `x-examples-en` on English pages where the
    Swedish example is Swedish words (dates, addresses and names serve every language)."""
    if lang and lang != "sv" and spec.get(f"x-examples-{lang}"):
        return spec[f"x-examples-{lang}"]
    return spec.get("examples") or []


def example_for(kind: ContentType | str, field_path: list[str | int], lang: str | None = None) -> str | None:
    # A list item (place.accessibility.1) has no name of its own: show the whole list as written.
    while field_path and isinstance(field_path[-1], int):
        field_path = field_path[:-1]
    schema = resolve(kind, field_path)
    examples = examples_in(schema, lang)
    name = str(field_path[-1]) if field_path else None
    if not examples or name is None:
        return None
    value = examples[0]
    if isinstance(value, (list, dict)):
        return f"{name}: {json.dumps(value, ensure_ascii=False)}"
    if isinstance(value, str) and (": " in value or value[:1] in "\"'[{#&*!|>%@`"):
        return f"{name}: {json.dumps(value, ensure_ascii=False)}"  # as YAML must have it: in quotes
    return f"{name}: {value}"


def validate(kind: ContentType | str, meta: dict[str, Any], rel: str, lines: dict[str, int]) -> list[ContentError]:
    """Check front matter against the kind's schema; every problem becomes one ContentError."""
    errors = []
    for error in _validator(kind).iter_errors(meta):
        errors.extend(_to_content_errors(kind, error, rel, lines))
    return errors


# How messages name a field: "Rubriken är tom. Skriv en rubrik …". Others: "Fältet x".
_FIELD_NAMES = {
    "title": ("rubriken", "the title", "en rubrik"),
    "summary": ("sammanfattningen", "the summary", "en sammanfattning"),
    "description": ("beskrivningen", "the description", "en beskrivning"),
    "date": ("datumet", "the date", "ett datum"),
    "start": ("starttiden", "the start", "en tid"),
    "end": ("sluttiden", "the end", "en tid"),
    "place": ("platsen", "the place", "en plats"),
    "place.name": ("platsens namn", "the place's name", "ett namn"),
}


def _labels(name: str | None) -> tuple[str, str]:
    found = _FIELD_NAMES.get(name or "")
    return (found[0], found[1]) if found else (f"fältet {name}", f"the field {name}")


def _indefinite(sv_label: str) -> str:
    for sv, _, indefinite in _FIELD_NAMES.values():
        if sv == sv_label:
            return indefinite
    return "ett värde"


def _field_line(lines: dict[str, int], path: list[str | int]) -> int | None:
    for end in range(len(path), 0, -1):
        line = lines.get(".".join(str(p) for p in path[:end]))
        if line:
            return line
    return lines.get("", None) or (min(lines.values()) if lines else None)


def _to_content_errors(kind: ContentType | str, error: jsonschema.ValidationError, rel: str, lines: dict[str, int]) -> list[ContentError]:
    path = list(error.absolute_path)
    name = ".".join(str(p) for p in path) or None
    found_lang = re.search(r"\.([a-z]{2,3})\.md$", rel)
    lang = found_lang.group(1) if found_lang else None

    line = _field_line(lines, path)
    validator = error.validator

    if validator == "required":
        missing = [f for f in error.validator_value if f not in (error.instance or {})]
        found = []
        for field in missing:
            full = path + [field]
            found.append(
                ContentError(
                    rel, line if path else (min(lines.values()) if lines else None), ".".join(map(str, full)),
                    "Fältet saknas men måste finnas.",
                    "This required field is missing.",
                    example_for(kind, full, lang),
                )
            )
        return found
    if validator == "additionalProperties":
        allowed = sorted(resolve(kind, path).get("properties", {}))
        found = []
        for field in error.instance:
            if field in allowed:
                continue
            full = ".".join(map(str, path + [field]))
            guess = difflib.get_close_matches(str(field), allowed, n=1)
            hint_sv = f" Menade du {guess[0]}?" if guess else ""
            hint_en = f" Did you mean {guess[0]}?" if guess else ""
            found.append(
                ContentError(
                    rel, lines.get(full, line), full,
                    f"Okänt fält.{hint_sv} Tillåtna fält här: {', '.join(allowed)}.",
                    f"Unknown field (a typo?).{hint_en} Allowed here: {', '.join(allowed)}.",
                    example_for(kind, path + [guess[0]], lang) if guess else None,
                )
            )
        return found

    field_schema = resolve(kind, path)
    example = example_for(kind, path, lang)  # English examples on English pages
    value = json.dumps(error.instance, ensure_ascii=False)
    if (validator == "type" and error.instance is None) or (
            validator in ("minLength", "pattern") and isinstance(error.instance, str) and not error.instance.strip()):
        # `title:` with nothing after it (YAML reads null, which no editor wrote), or only spaces.
        sv_label, en_label = _labels(name)
        example_value = example.split(": ", 1)[1] if example and ": " in example else "…"
        empty = "tomt" if sv_label.startswith("fältet") else "tom"
        sv = (f"{sv_label[0].upper()}{sv_label[1:]} är {empty}. Skriv {_indefinite(sv_label)} efter kolon, "
              f"till exempel: {example_value}")
        en = f"{en_label[0].upper()}{en_label[1:]} is empty. Write it after the colon, for example: {example_value}"
        return [ContentError(rel, line, name, sv, en, None)]
    if validator == "type":
        expected = {"string": "text", "array": "en lista", "object": "fält med namn och värde", "boolean": "true eller false"}
        expected_en = {"string": "text", "array": "a list", "object": "named fields (a mapping)", "boolean": "true or false"}
        want = error.validator_value if isinstance(error.validator_value, str) else "string"
        sv = f"Värdet {value} har fel form: här ska det stå {expected.get(want, want)}."
        en = f"The value {value} has the wrong shape: expected {expected_en.get(want, want)}."
    elif validator == "pattern" and field_schema.get("pattern", "").startswith("^\\d{4}"):
        sv = f"{value} är inte skrivet som ett datum{' och en tid' if 'T' in (example or '') else ''} på rätt sätt."
        en = f"{value} is not written as a date{' (and time)' if 'T' in (example or '') else ''} in the expected form."
    elif validator in ("minLength", "pattern"):
        sv = "Fältet är tomt. Skriv en text."
        en = "The field is empty. Write some text."
    elif validator == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        sv = f"{value} är inte ett tillåtet värde. Välj ett av: {allowed}."
        en = f"{value} is not an allowed value. Choose one of: {allowed}."
    elif validator == "minItems":
        sv = "Listan är tom. Skriv minst en rad, eller ta bort fältet."
        en = "The list is empty. Add at least one item, or remove the field."
    else:
        sv = f"Värdet {value} stämmer inte: {error.message}."
        en = f"The value {value} is not valid: {error.message}."
    return [ContentError(rel, line, name, sv, en, example)]
