"""klarsida.scaffold and `klarsida new`: file names, every schema field, placeholders that fail."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from klarsida import schema, scaffold
from klarsida.checks import check_site
from klarsida.cli import main
from klarsida.errors import ContentInvalid
from klarsida.frontmatter import read_source
from klarsida.scaffold import ScaffoldError, new_event, new_meeting, slugify
from klarsida.site import load_site
from klarsida.session import Session

PAGE = "---\ntitle: Start\n---\nVälkommen.\n"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Film: I, Daniel Blake", "film-i-daniel-blake"),
        ("Möte om nya lokaler på Röda kvarn", "mote-om-nya-lokaler-pa-roda-kvarn"),
        ("ÅÄÖ åäö É", "aao-aao-e"),
        ("  Våryra 2026!  ", "varyra-2026"),
    ],
)
def test_slug_from_title(title, slug):
    assert slugify(title) == slug


def test_long_titles_give_short_slugs_that_end_on_a_whole_word():
    slug = slugify("Ett mycket långt namn på ett möte om allt som gruppen har pratat om under hela året")
    assert len(slug) <= scaffold.SLUG_MAX
    assert not slug.endswith("-")
    assert slug.startswith("ett-mycket-langt-namn")


def test_a_title_without_letters_is_refused():
    with pytest.raises(ScaffoldError) as caught:
        slugify("!!! ???")
    assert "Titeln" in caught.value.sv and caught.value.example


def meta_of(path: Path) -> tuple[dict, str]:
    source, errors = read_source(path, path.name)
    assert not errors, errors
    return source.meta, path.read_text(encoding="utf-8")


def schema_fields(kind: str, path: list[str] | None = None) -> list[str]:
    """Every field name (dotted) in the schema, read the way an editor's reference would list it."""
    path = path or []
    node = schema.resolve(kind, path)
    names = []
    for name in node.get("properties", {}):
        dotted = ".".join([*path, name])
        if schema.resolve(kind, [*path, name]).get("x-scaffold") is False:
            continue  # written by a command (translated_from), not by hand
        names.append(dotted)
        if schema.resolve(kind, [*path, name]).get("type") == "object":
            names += schema_fields(kind, [*path, name])
    return names


def written_fields(text: str) -> set[str]:
    """Field names in the front matter, whether active or commented out as optional."""
    front = text.split("---\n")[1]
    found, parents = set(), []
    for line in front.split("\n"):
        match = re.match(r"^( *)(?:# )?([a-z_]+):", line)
        if match:
            parents = parents[: len(match[1]) // 2] + [match[2]]
            found.add(".".join(parents))
    return found


def test_new_meeting_writes_both_languages_with_every_field(tmp_path):
    made = new_meeting(tmp_path / "content", "2026-12-03", "Möte om nya lokaler")
    sv = tmp_path / "content/meetings/2026-12-03-mote-om-nya-lokaler.sv.md"
    en = tmp_path / "content/meetings/2026-12-03-mote-om-nya-lokaler.en.md"
    assert made.files == [sv, en]  # a new year's archive page is made by the build, not by hand
    assert not (tmp_path / "content/meetings/2026.sv.md").exists()
    for path in (sv, en):
        meta, text = meta_of(path)
        assert meta["date"] == "2026-12-03"
        assert written_fields(text) == set(schema_fields("meeting"))
        assert set(schema.load_schema("meeting")["required"]) <= set(meta)
    assert meta_of(sv)[0]["title"] == "Möte om nya lokaler"
    assert "FYLL I" in meta_of(en)[0]["title"] and "Möte om nya lokaler" in meta_of(en)[0]["title"]


def test_new_event_writes_every_field_including_nested_ones(tmp_path):
    new_event(tmp_path / "content", "2026-12-03 17:30", "Film och samtal")
    sv = tmp_path / "content/events/2026-12-03-film-och-samtal.sv.md"
    meta, text = meta_of(sv)
    assert meta["start"] == "2026-12-03T17:30"
    assert written_fields(text) == set(schema_fields("event"))
    assert "place.address" in schema_fields("event")


def test_new_event_all_day_and_with_an_end(tmp_path):
    new_event(tmp_path / "content", "2026-10-05", "Veckan för psykisk hälsa", end="2026-10-11")
    meta, _ = meta_of(tmp_path / "content/events/2026-10-05-veckan-for-psykisk-halsa.sv.md")
    assert (meta["start"], meta["end"]) == ("2026-10-05", "2026-10-11")


def test_fields_added_to_the_schema_appear_without_code_changes(tmp_path, monkeypatch):
    real = schema.resolve

    def with_new_field(kind, path):
        node = real(kind, path)
        kind = getattr(kind, "name", kind)  # a content type, or a built-in type's name
        if kind == "meeting" and not path:
            props = {**node["properties"], "minutes_by": {"type": "string", "description": "Vem som skrev."}}
            return {**node, "properties": props, "required": [*node["required"], "minutes_by"]}
        if kind == "meeting" and path == ["minutes_by"]:
            return {"type": "string", "description": "Vem som skrev."}
        return node

    monkeypatch.setattr(scaffold.schema, "resolve", with_new_field)
    new_meeting(tmp_path / "content", "2026-12-03", "Möte")
    meta, _ = meta_of(tmp_path / "content/meetings/2026-12-03-mote.sv.md")
    assert meta["minutes_by"] == "FYLL I: Vem som skrev."


def write_start_page(content: Path) -> None:
    for lang in ("sv", "en"):
        (content / f"index.{lang}.md").write_text(PAGE, encoding="utf-8")


@pytest.mark.parametrize("kind", ["meeting", "event"])
def test_the_template_fails_until_it_is_filled_in(tmp_path, kind):
    content = tmp_path / "content"
    content.mkdir()
    write_start_page(content)
    if kind == "meeting":
        new_meeting(content, "2026-12-03", "Möte om lokaler")
    else:
        new_event(content, "2026-12-03 17:30", "Film", end="2026-12-03 20:00")
    site = load_site(content, tmp_path)
    problems = [p for p in check_site(site, Session()) if p.level == "error" and "FYLL I" in p.sv]
    files = {p.path for p in problems}
    assert files == {f"content/{kind}s/2026-12-03-{'mote-om-lokaler' if kind == 'meeting' else 'film'}.{lang}.md" for lang in ("sv", "en")}
    assert any(p.field == "summary" for p in problems)
    assert any(p.field is None for p in problems)  # the text below the front matter too


def test_an_event_without_an_end_fails_validation(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    write_start_page(content)
    new_event(content, "2026-12-03 17:30", "Film")
    with pytest.raises(ContentInvalid) as caught:
        load_site(content, tmp_path)
    assert {e.field for e in caught.value.errors} == {"end"}
    assert all("FYLL I" in e.sv for e in caught.value.errors)


def test_refuses_to_overwrite(tmp_path):
    content = tmp_path / "content"
    new_meeting(content, "2026-12-03", "Möte")
    en = content / "meetings/2026-12-03-mote.en.md"
    en.write_text("redigerad", encoding="utf-8")
    (content / "meetings/2026-12-03-mote.sv.md").unlink()
    with pytest.raises(ScaffoldError) as caught:
        new_meeting(content, "2026-12-03", "Möte")
    assert "finns redan" in caught.value.sv
    assert en.read_text(encoding="utf-8") == "redigerad"
    assert not (content / "meetings/2026-12-03-mote.sv.md").exists()


@pytest.mark.parametrize(
    ("call", "example"),
    [
        (lambda c: new_meeting(c, "3 december", "Möte"), "--date 2026-12-03"),
        (lambda c: new_meeting(c, "2026-02-30", "Möte"), "--date 2026-12-03"),
        (lambda c: new_event(c, "2026-12-03 25:00", "Film"), '--start "2026-12-03 17:30"'),
        (lambda c: new_event(c, "kväll", "Film"), '--start "2026-12-03 17:30"'),
        (lambda c: new_event(c, "2026-12-03 17:30", "Film", end="sen"), '--end "2026-12-03 17:30"'),
    ],
)
def test_wrong_dates_are_explained_with_an_example(tmp_path, call, example):
    with pytest.raises(ScaffoldError) as caught:
        call(tmp_path / "content")
    assert caught.value.example == example
    assert "(en)" in caught.value.format()
    assert not (tmp_path / "content").exists()


def test_cli_says_which_files_were_made_and_what_to_fill_in(tmp_path, monkeypatch, capsys):
    (tmp_path / "mkdocs.yml").write_text("docs_dir: content\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    monkeypatch.chdir(tmp_path)
    code = main(["new", "event", "--start", "2026-12-03 17:30", "--title", "Film och samtal"])
    out = capsys.readouterr().out
    assert code == 0
    assert "content/events/2026-12-03-film-och-samtal.sv.md" in out
    assert "content/events/2026-12-03-film-och-samtal.en.md" in out
    assert "content/events/2026-12-03-film-och-samtal.sv.md:4: end:" in out
    assert "summary:" in out and "klarsida check" in out
    assert "content/events/2026-12-03-film-och-samtal.en.md:2: title: The name of the event." in out
    # Every line the output points at really holds a placeholder.
    for line in out.splitlines():
        if line.startswith("  content/") and ".md:" in line:
            rel, number = line.strip().split(":")[:2]
            assert "FYLL I" in (tmp_path / rel).read_text(encoding="utf-8").split("\n")[int(number) - 1]

    again = main(["new", "event", "--start", "2026-12-03 17:30", "--title", "Film och samtal"])
    err = capsys.readouterr().err
    assert again == 1 and "finns redan" in err and "Traceback" not in err


def test_cli_without_a_site_folder_explains(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "meeting", "--date", "2026-12-03", "--title", "Möte"]) == 1
    assert "mkdocs.yml" in capsys.readouterr().err


def test_generated_front_matter_is_plain_yaml(tmp_path):
    new_event(tmp_path / "content", "2026-12-03 17:30", 'Film: "Citat" och # tecken')
    text = (tmp_path / "content/events/2026-12-03-film-citat-och-tecken.sv.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == 'Film: "Citat" och # tecken'
