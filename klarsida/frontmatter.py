"""Reading a Markdown source file: bytes → text → front matter + body, with line numbers.

YAML is parsed into plain strings, lists and mappings only: dates stay strings (the schema checks
their shape, the model turns them into dates), so `2018-02-30` is reported as a wrong date rather
than failing deep inside PyYAML, and a title like `no` or `1.0` stays the text the editor wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

BOM = "\ufeff"
FENCE = "---"


class _TextLoader(yaml.SafeLoader):
    """SafeLoader that keeps every scalar except true/false/null as the string the editor wrote."""


# Only null and true/false are typed; YAML 1.1's yes/no/on/off would turn a title "No" into False.
_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_TextLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class SourceText:
    """A source file split into its parts. `lines` maps dotted field names to 1-based file lines."""

    path: str
    meta: dict[str, Any]
    body: str
    body_line: int
    lines: dict[str, int] = field(default_factory=dict)
    has_front_matter: bool = False


def read_source(file: Path, rel: str) -> tuple[SourceText | None, list[ContentError]]:
    """Read one file; return the parsed text or the errors that stop us from reading it."""
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            ContentError(
                rel, line, None,
                "Filen är inte sparad som UTF-8. Spara den som UTF-8 i din editor.",
                "The file is not UTF-8. Save it as UTF-8 in your editor.",
                "I VS Code: klicka på teckenkodningen längst ner och välj \"Save with Encoding\" → UTF-8",
            )
        ]
    # A byte-order mark is invisible in editors and harmless: drop it, as a user would expect.
    text = text.removeprefix(BOM).replace("\r\n", "\n")
    if not text.strip():
        return None, [
            ContentError(
                rel, None, None,
                "Filen är tom. Skriv front matter och text, eller ta bort filen.",
                "The file is empty. Write front matter and text, or delete the file.",
                "---\\ntitle: Möte 8 juni\\n---\\nText …",
            )
        ]
    return split_front_matter(text, rel)


def split_front_matter(text: str, rel: str) -> tuple[SourceText | None, list[ContentError]]:
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        return SourceText(rel, {}, text, 1), []
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            end = index
            break
    else:
        return None, [
            ContentError(
                rel, 1, None,
                "Front matter börjar med --- men slutar aldrig. Avsluta den med en rad med bara ---.",
                "The front matter starts with --- but never ends. Close it with a line holding only ---.",
                "---\\ntitle: …\\n---",
            )
        ]
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    meta, line_map, errors = parse_yaml(yaml_text, rel, first_line=2)
    if errors:
        return None, errors
    return SourceText(rel, meta, body, end + 2, line_map, has_front_matter=True), []


def parse_yaml(yaml_text: str, rel: str, first_line: int) -> tuple[dict, dict[str, int], list[ContentError]]:
    """Parse front matter YAML; report syntax errors, duplicate keys and non-mappings by line."""
    offset = first_line - 1
    try:
        node = yaml.compose(yaml_text, Loader=_TextLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else first_line
        return {}, {}, [_yaml_syntax_error(rel, line, exc, yaml_text, mark)]
    if node is None:
        return {}, {}, []
    if not isinstance(node, yaml.MappingNode):
        return {}, {}, [
            ContentError(
                rel, node.start_mark.line + 1 + offset, None,
                "Front matter måste vara fält med namn och värde, ett per rad.",
                "Front matter must be named fields, one per line (a YAML mapping).",
                "title: Möte 8 juni",
            )
        ]
    line_map: dict[str, int] = {}
    errors: list[ContentError] = []
    _walk(node, "", line_map, errors, rel, offset)
    if errors:
        return {}, line_map, errors
    loader = _TextLoader("")
    try:
        meta = loader.construct_document(node)
    finally:
        loader.dispose()
    return meta, line_map, []


def _walk(node: yaml.Node, prefix: str, line_map: dict, errors: list, rel: str, offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            name = f"{prefix}.{key}" if prefix else key
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                errors.append(
                    ContentError(
                        rel, line, name,
                        f"Fältet står två gånger (första gången på rad {seen[key]}). Ta bort det ena.",
                        f"The field appears twice (first on line {seen[key]}). Remove one of them.",
                    )
                )
            seen[key] = line
            line_map.setdefault(name, line)
            _walk(value_node, name, line_map, errors, rel, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            name = f"{prefix}.{index}"
            line_map.setdefault(name, item.start_mark.line + 1 + offset)
            _walk(item, name, line_map, errors, rel, offset)


def _yaml_syntax_error(rel: str, line: int, exc: yaml.MarkedYAMLError, yaml_text: str, mark) -> ContentError:
    problem = exc.problem or ""
    source_line = yaml_text.split("\n")[mark.line] if mark and mark.line < len(yaml_text.split("\n")) else ""
    if "\t" in problem or "\t" in source_line:
        return ContentError(
            rel, line, None,
            "Raden har ett tabbtecken. Front matter får bara ha mellanslag för indrag.",
            "The line holds a tab character. Front matter may only be indented with spaces.",
            "place:\\n  name: Röda kvarn   (två mellanslag före name)",
        )
    return ContentError(
        rel, line, None,
        f"Front matter går inte att läsa (YAML-fel: {problem}). Kolla kolon, citattecken och indrag.",
        f"The front matter is not valid YAML ({problem}). Check colons, quotes and indentation.",
        'title: "Möte: 8 juni"   (citattecken runt text med kolon)',
    )
