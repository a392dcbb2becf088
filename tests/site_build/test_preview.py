"""The fast preview (`make serve`: Swedish only, dirty builds) shows an edit everywhere it appears.

MkDocs's `--dirty` rebuilds only pages whose source changed; the adapter (klarsida/mkdocs_material/
preview.py) adds the pages built from other pages and keeps the search index whole.
`mkdocs build --dirty` runs the same code as the dirty `mkdocs serve`.
"""

from __future__ import annotations

import json
import os

from tests.conftest import REPO, mkdocs_build

MEETING = "content/meetings/2018-06-14-film-och-nya-medlemmar.sv.md"
OLD_TITLE = "Filmvisning, nya medlemmar och pengar mot segregation"
NEW_TITLE = "Filmvisning och nya medlemmar i juni"


def preview_build(tree, site):
    return mkdocs_build(site, config=tree / "mkdocs.yml", extra_env={"KLARSIDA_PREVIEW_LANGUAGES": "sv"}, args=("--dirty",))


def page(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_an_edit_shows_on_its_page_and_every_list_and_nothing_else_is_rebuilt(site_copy, tmp_path):
    site = tmp_path / "site"
    first = preview_build(site_copy, site)
    assert first.returncode == 0, first.stderr
    untouched = (site / "about" / "index.html").stat().st_mtime_ns
    index_before = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))

    meeting = site_copy / MEETING
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(OLD_TITLE, NEW_TITLE), encoding="utf-8")
    later = meeting.stat().st_mtime_ns + 2_000_000_000  # a save after the first build
    os.utime(meeting, ns=(later, later))
    second = preview_build(site_copy, site)

    # Strict mode holds: MkDocs's warning about dirty builds does not stop the preview.
    assert second.returncode == 0, second.stderr
    assert "dirty" not in second.stderr.lower()
    for path in ("meetings/2018-06-14-film-och-nya-medlemmar", "meetings/2018", "meetings", ""):
        html = page(site, path)
        assert NEW_TITLE in html and OLD_TITLE not in html, f"/{path} shows the old title"
    assert (site / "about" / "index.html").stat().st_mtime_ns == untouched, "an unchanged page was rebuilt"
    # The search index has every page, the edited one as it is now.
    index_after = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))

    def pages_in(index):
        return sorted({d["location"].split("#")[0] for d in index["docs"]})

    assert pages_in(index_after) == pages_in(index_before)
    titles = {d["title"] for d in index_after["docs"] if d["location"] == "meetings/2018-06-14-film-och-nya-medlemmar/"}
    assert titles == {NEW_TITLE}

def test_make_serve_previews_with_dirty_builds():
    serve = (REPO / "Makefile").read_text(encoding="utf-8").split("\nserve:")[1].split("\n\n")[0]
    assert "serve --livereload --dirty" in serve and "KLARSIDA_PREVIEW_LANGUAGES=sv" in serve


def test_a_dirty_build_of_both_languages_is_refused_with_a_message(site_copy, tmp_path):
    """static-i18n rebuilds the search index from the languages it built in that run; a dirty build
    of two languages left it with 13 of 34 pages. Refused, with what to do instead."""
    result = mkdocs_build(tmp_path / "site", config=site_copy / "mkdocs.yml", args=("--dirty",))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "--dirty" in result.stderr and "KLARSIDA_PREVIEW_LANGUAGES=sv" in result.stderr and "make serve-all" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
