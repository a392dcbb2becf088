"""The front-matter reference for editors (docs/front-matter.md), generated from the JSON Schemas.

The schemas are the single source of truth, so the reference cannot drift: a test compares the
committed file with `render_reference()`. Regenerate with `klarsida reference > docs/front-matter.md`.
"""

from __future__ import annotations

import json
from typing import Any

from .schema import common_schema, load_schema, resolve
from .types import ContentTypes


def _value(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f"`{text}`".replace("|", "\\|")


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _form(spec: dict[str, Any]) -> str:
    common = common_schema()["$defs"]
    kind = spec.get("type")
    if "enum" in spec:
        return "ett av: " + ", ".join(_value(v) for v in spec["enum"])
    if kind == "string":
        pattern = spec.get("pattern")
        if pattern == common["date"]["pattern"]:
            return "datum ÅÅÅÅ-MM-DD"
        if pattern == common["datetime_or_date"]["pattern"]:
            return "datum och tid ÅÅÅÅ-MM-DDTHH:MM, eller bara datum för heldag"
        if spec.get("minLength", 0) > 1:
            return f"text, minst {spec['minLength']} tecken"
        return "text"
    if kind == "boolean":
        return "`true` eller `false`"
    if kind == "integer":
        low = spec.get("minimum")
        return f"heltal, {low} eller mer" if low is not None else "heltal"
    if kind == "array":
        items = spec.get("items", {})
        if "enum" in items:
            return "lista med: " + ", ".join(_value(v) for v in items["enum"])
        if items.get("type") == "object" and items.get("properties"):
            names = " och ".join(f"`{n}`" for n in items["properties"])
            return f"lista: varje punkt (`- `) har {names}"
        return "lista med text, en sak per rad"
    if kind == "object":
        return "fält med namn och värde (se raderna under)"
    return kind or "valfri form"


def _required(name: str, node: dict[str, Any], optional_parent: str | None) -> str:
    if optional_parent and (name in node.get("required", []) or name in node.get("then", {}).get("required", [])):
        return f"ja, om `{optional_parent}` finns med"
    if name in node.get("required", []):
        return "ja"
    if name in node.get("then", {}).get("required", []):
        # The schemas use `if: not: {properties: {x: {const: v}}}` for "required unless x is v".
        condition = node.get("if", {}).get("not", {}).get("properties", {})
        if len(condition) == 1:
            (other, rule), = condition.items()
            if "const" in rule:
                return f"ja, utom när {other}: {json.dumps(rule['const'], ensure_ascii=False)}"
        return "ja, i vissa fall"
    return "nej"


def _rows(kind: str, path: list[str], optional_parent: str | None = None) -> list[str]:
    node = resolve(kind, path)
    rows = []
    for name in node.get("properties", {}):
        spec = resolve(kind, [*path, name])
        examples = spec.get("examples") or []
        example = _value(examples[0]) if examples else ""
        dotted = ".".join([*path, name])
        rows.append(
            f"| `{dotted}` | {_required(name, node, optional_parent)} | {_form(spec)} | {_cell(spec.get('description', ''))} | {example} |"
        )
        if spec.get("type") == "object" and spec.get("properties"):
            required = _required(name, node, optional_parent) != "nej"
            rows += _rows(kind, [*path, name], optional_parent if required else optional_parent or dotted)
    return rows


def render_reference(types: ContentTypes | None = None) -> str:
    """The reference for the site's content types: collections first, in the configured order, then pages."""
    types = types or ContentTypes.load()
    ordered = [t for t in types if t.folder] + [t for t in types if not t.folder]
    lines = [
        "# Fält i front matter",
        "",
        "<!-- Skapad av `klarsida reference` från klarsida/schemas/. Ändra inte här: ändra schemat",
        "     och kör `klarsida reference > docs/front-matter.md`. Ett test larmar om filen är gammal. -->",
        "",
        "Front matter är raderna mellan de två raderna med `---` överst i filen.",
        "Varje rad är ett fält: namnet, ett kolon och värdet. Fälten är samma på svenska och engelska,",
        "och datum och tider ska vara lika i båda språken.",
        "Skriv text med kolon inom citattecken, till exempel `title: \"Film: I, Daniel Blake\"`.",
        "",
        "Kommandot `klarsida new` skapar filerna med alla fält. Där det står FYLL I ska du skriva.",
        "",
    ]
    for kind in ordered:
        schema = load_schema(kind)
        lines += [f"## {schema.get('title', kind.name)}", ""]
        lines += [f"Mapp: `{kind.reference_path}`. {schema.get('description', '')}".rstrip(), ""]
        lines += [
            "| Fält | Måste finnas | Form | Vad det är | Exempel |",
            "| --- | --- | --- | --- | --- |",
            *_rows(kind, []),
            "",
        ]
    return "\n".join(lines).rstrip("\n") + "\n"
