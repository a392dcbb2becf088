"""klarsida.reference: the editors' front-matter reference comes from the schemas and is never stale."""

from __future__ import annotations

import json

from klarsida import schema
from klarsida.cli import main
from klarsida.reference import render_reference
from tests.conftest import REPO

REFERENCE = REPO / "docs/front-matter.md"


def test_committed_reference_is_up_to_date():
    assert REFERENCE.read_text(encoding="utf-8") == render_reference(), (
        "docs/front-matter.md is stale: run `klarsida reference > docs/front-matter.md` and commit it"
    )


def test_every_field_of_every_kind_is_listed_with_description_and_example():
    text = render_reference()
    for kind in ("meeting", "event", "page"):
        section = text.split(f"## {schema.load_schema(kind)['title']}\n", 1)[1].split("\n## ", 1)[0]
        for name, spec in schema.resolve(kind, []).get("properties", {}).items():
            field = schema.resolve(kind, [name])
            row = next((line for line in section.splitlines() if line.startswith(f"| `{name}` |")), None)
            assert row, f"{kind}.{name} is missing from the reference"
            assert field.get("description", "").split(".")[0] in row
            if field.get("examples"):
                example = field["examples"][0]
                assert (example if isinstance(example, str) else json.dumps(example, ensure_ascii=False)) in row


def test_required_and_optional_are_told_apart():
    text = render_reference()
    assert "| `date` | ja | datum ÅÅÅÅ-MM-DD |" in text
    assert "| `next_meeting` | nej |" in text
    # Required only when the venue is decided (place.tbd).
    assert "| `place.address` | ja, utom när tbd: true |" in text


def test_the_command_prints_the_reference(capsys):
    assert main(["reference"]) == 0
    assert capsys.readouterr().out == render_reference()
