"""Source files and their names: one web address, one source; a content tree the build can walk.

Cases that a repository cannot hold on every computer (two names that differ only in letter case
or Unicode form check out as one file on Windows and Mac; symbolic links; unreadable files) are
made here at test time. Each asserts the message and that no traceback reaches the editor.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from klarsida import cli
from klarsida.checks import check_site
from klarsida.errors import ContentInvalid
from klarsida.session import Session
from klarsida.site import Loader, content_fingerprint, load_site, url_key
from tests.conftest import write_tree

PAGE = "---\ntitle: Om oss\n---\n\nVi träffas en torsdag i månaden.\n"
MEETING = "---\ntitle: Möte\ndate: 2018-06-14\nsummary: Vi träffades.\n---\n\nVi träffades.\n"


def problems(root: Path, languages: tuple[str, ...] = ("sv", "en")) -> list:
    try:
        site = load_site(root / "content", root, languages)
    except ContentInvalid as exc:
        return exc.errors
    return check_site(site, Session())


def by_path(errors) -> dict[str, list]:
    found: dict[str, list] = {}
    for error in errors:
        found.setdefault(error.path, []).append(error)
    return found


def check_without_traceback(root: Path, capsys, monkeypatch) -> str:
    (root / "mkdocs.yml").write_text("site_name: Test\ndocs_dir: content\n", encoding="utf-8")
    monkeypatch.chdir(root)
    code = cli.main(["check"])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert code == 1, out.out + out.err
    return out.out + out.err


# One URL, one source ---------------------------------------------------------------------------


def test_page_and_folder_index_are_both_refused_naming_each_other(tmp_path):
    write_tree(tmp_path, {"content/about.sv.md": PAGE, "content/about/index.sv.md": PAGE})
    found = by_path(problems(tmp_path))
    assert set(found) == {"content/about.sv.md", "content/about/index.sv.md"}
    (page,), (index,) = found["content/about.sv.md"], found["content/about/index.sv.md"]
    assert page.sv.startswith("Filen blir samma webbadress (/about/) som content/about/index.sv.md. ")
    assert index.sv.startswith("Filen blir samma webbadress (/about/) som content/about.sv.md. ")
    assert "en mapp med index.sv.md blir samma sida" in page.sv
    assert page.example == "content/about.sv.md (och ingen content/about/index.sv.md)"


def test_meeting_and_meeting_folder_index(tmp_path):
    write_tree(tmp_path, {
        "content/meetings/2018-06-14-mote.sv.md": MEETING,
        "content/meetings/2018-06-14-mote/index.sv.md": PAGE,
    })
    found = by_path(problems(tmp_path))
    assert set(found) == {"content/meetings/2018-06-14-mote.sv.md", "content/meetings/2018-06-14-mote/index.sv.md"}
    for errors in found.values():
        assert len(errors) == 1 and "samma webbadress (/meetings/2018-06-14-mote/)" in errors[0].sv


def test_an_english_page_and_its_index_twin_clash_under_en(tmp_path):
    write_tree(tmp_path, {
        "content/about.sv.md": PAGE, "content/about.en.md": PAGE, "content/about/index.en.md": PAGE,
    })
    found = by_path(problems(tmp_path))
    assert set(found) == {"content/about.en.md", "content/about/index.en.md"}
    assert "(/en/about/)" in found["content/about.en.md"][0].sv


def test_same_name_in_two_unicode_forms(tmp_path):
    nfc, nfd = unicodedata.normalize("NFC", "möte"), unicodedata.normalize("NFD", "möte")
    assert nfc != nfd
    write_tree(tmp_path, {f"content/{nfc}.sv.md": PAGE, f"content/{nfd}.sv.md": PAGE})
    errors = problems(tmp_path)
    assert len(errors) == 2
    by_form = {e.path == f"content/{nfd}.sv.md": e for e in errors}
    assert "i den här filens namn är sparade på ett ovanligt sätt (Unicode NFD" in by_form[True].sv
    assert "Behåll den här filen och ta bort den andra." in by_form[False].sv
    for error in errors:
        assert "samma webbadress (/möte/)" in error.sv
        assert error.example == f"content/{nfc}.sv.md (och ingen fil till med samma namn)"


def test_a_name_in_unicode_nfd_alone_is_refused(tmp_path):
    nfd = unicodedata.normalize("NFD", "årsmöte")
    write_tree(tmp_path, {f"content/{nfd}.sv.md": PAGE})
    (error,) = problems(tmp_path)
    assert error.path == f"content/{nfd}.sv.md"
    assert "Unicode NFD" in error.sv and "Länkar till sidan fungerar då inte" in error.sv
    assert error.example == "content/årsmöte.sv.md (skrivet på tangentbordet)"


def test_names_that_differ_only_in_letter_case(tmp_path):
    write_tree(tmp_path, {"content/Om.sv.md": PAGE, "content/om.sv.md": PAGE})
    found = by_path(problems(tmp_path))
    assert set(found) == {"content/Om.sv.md", "content/om.sv.md"}
    assert found["content/Om.sv.md"][0].sv.startswith("Filen blir samma webbadress (/om/) som content/om.sv.md. "
                                                      "Namnen skiljer sig bara i stora och små bokstäver.")
    assert found["content/om.sv.md"][0].example == "content/om.sv.md"


@pytest.mark.parametrize("name", ["Om.sv.md", "om.SV.md", "om.sv.MD", "Om.SV.MD", "Möten/2018-06-14-mote.sv.md"])
def test_capital_letters_anywhere_in_a_page_name_are_refused(tmp_path, name):
    write_tree(tmp_path, {f"content/{name}": PAGE})
    (error,) = problems(tmp_path)
    assert error.path == f"content/{name}"
    assert error.sv.startswith(f"Filnamnet har stora bokstäver. Skriv det med små bokstäver: content/{name.lower()}.")
    assert error.example == f"content/{name.lower()}"


def test_capital_letters_in_images_are_fine(tmp_path):
    write_tree(tmp_path, {"content/om.sv.md": PAGE.replace("Vi träffas", "![Gruppen](Gruppen.JPG)\n\nVi träffas"),
                          "content/Gruppen.JPG": b"\xff\xd8\xff"})
    assert problems(tmp_path) == []


@pytest.mark.parametrize("name", ["om.sv.markdown", "om.sv.mdown", "om.sv.mkd"])
def test_other_markdown_suffixes_are_refused_not_skipped(tmp_path, name):
    # MkDocs would build them as pages, without the checks.
    write_tree(tmp_path, {f"content/{name}": PAGE})
    (error,) = problems(tmp_path)
    assert error.path == f"content/{name}"
    assert "Sidor ska sluta på .md, annars kontrolleras de inte. Döp om filen till content/om.sv.md." in error.sv


def test_a_name_that_is_not_utf8(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / os.fsdecode(b"m\xf6te.sv.md")).write_text(PAGE, encoding="utf-8")
    (error,) = problems(tmp_path)
    assert error.path == "content/m\ufffdte.sv.md"  # printable: a lone surrogate would crash print()
    assert "inte sparat som UTF-8" in error.sv


def test_a_page_in_the_other_languages_folder(tmp_path):
    write_tree(tmp_path, {"content/en/about.sv.md": PAGE})
    (error,) = problems(tmp_path)
    assert error.path == "content/en/about.sv.md"
    assert error.sv.startswith("Sidan får webbadressen /en/about/. Adresser som börjar med /en/ är till för sidorna "
                               "som heter .en.md, så content/en/about.sv.md kan inte ligga i mappen en/.")
    assert error.example == "content/about.sv.md och content/about.en.md"


def test_a_page_in_the_other_languages_folder_clashing_with_a_translation(tmp_path):
    write_tree(tmp_path, {"content/about.sv.md": PAGE, "content/about.en.md": PAGE, "content/en/about.sv.md": PAGE})
    found = by_path(problems(tmp_path))
    assert set(found) == {"content/about.en.md", "content/en/about.sv.md"}
    assert found["content/about.en.md"][0].sv.startswith(
        "Filen blir samma webbadress (/en/about/) som content/en/about.sv.md. ")
    assert found["content/en/about.sv.md"][0].sv.startswith(
        "Filen blir samma webbadress (/en/about/) som content/about.en.md. ")


def test_a_third_language_has_its_own_folder_too(tmp_path):
    write_tree(tmp_path, {"content/ar/about.sv.md": PAGE, "content/about.ar.md": PAGE, "content/about.sv.md": PAGE})
    found = by_path(problems(tmp_path, ("sv", "en", "ar")))
    assert set(found) == {"content/ar/about.sv.md", "content/about.ar.md"}


def test_a_language_the_site_does_not_have_is_reported(tmp_path):
    write_tree(tmp_path, {"content/om.sv.md": PAGE, "content/om.ar.md": PAGE})
    (error,) = problems(tmp_path)
    assert error.path == "content/om.ar.md"
    assert error.sv.startswith("Filnamnet slutar på .ar.md, men ar är inte ett av webbplatsens språk (sv, en).")
    assert error.example == "om.sv.md"
    # The same file is a page of a site that has Arabic.
    assert problems(tmp_path, ("sv", "en", "ar")) == []


def test_a_page_where_the_build_makes_a_year_page(tmp_path):
    write_tree(tmp_path, {"content/meetings/2018-06-14-mote.sv.md": MEETING,
                          "content/meetings/2018/index.sv.md": PAGE})
    (error,) = problems(tmp_path)
    assert error.path == "content/meetings/2018/index.sv.md"
    assert error.sv == ("Filen blir samma webbadress (/meetings/2018/) som en sida som bygget gör själv. "
                        "Vill du skriva den sidan själv: döp om filen till content/meetings/2018.sv.md.")
    assert "Exempel" not in error.format()  # the name is in the sentence: no "till …. Exempel: …" after it
    # Written as the build would name it, the editor's year page is used instead.
    (tmp_path / "content/meetings/2018/index.sv.md").rename(tmp_path / "content/meetings/2018.sv.md")
    assert problems(tmp_path) == []


def test_url_key():
    assert url_key("Möte/") == url_key(unicodedata.normalize("NFD", "möte/")) == "möte/"


def test_the_clash_is_reported_by_klarsida_check(tmp_path, capsys, monkeypatch):
    write_tree(tmp_path, {"content/Om.sv.md": PAGE, "content/om.sv.md": PAGE})
    out = check_without_traceback(tmp_path, capsys, monkeypatch)
    assert "content/Om.sv.md: Filen blir samma webbadress (/om/) som content/om.sv.md." in out


# Symbolic links and files that cannot be read ----------------------------------------------------


def test_a_link_to_its_own_folder_is_refused(tmp_path, capsys, monkeypatch):
    write_tree(tmp_path, {"content/om.sv.md": PAGE})
    (tmp_path / "content/spegel").symlink_to(".")
    (error,) = problems(tmp_path)
    assert error.path == "content/spegel"
    assert error.sv.startswith("Genvägen (symbolisk länk) pekar på mappen content, som den själv ligger i. "
                               "Då blir det mappar i mappar utan slut (content/spegel/spegel/spegel/…)")
    assert "content/spegel: Genvägen (symbolisk länk)" in check_without_traceback(tmp_path, capsys, monkeypatch)


def test_a_link_to_a_folder_above_is_refused(tmp_path):
    write_tree(tmp_path, {"content/om.sv.md": PAGE, "content/meetings/2018-06-14-mote.sv.md": MEETING})
    (tmp_path / "content/meetings/upp").symlink_to("..")
    (error,) = problems(tmp_path)
    assert error.path == "content/meetings/upp" and "som den själv ligger i" in error.sv


def test_a_link_to_another_folder_in_content_is_refused(tmp_path):
    write_tree(tmp_path, {"content/om.sv.md": PAGE, "content/meetings/2018-06-14-mote.sv.md": MEETING})
    (tmp_path / "content/moten").symlink_to("meetings")
    (error,) = problems(tmp_path)
    assert error.path == "content/moten"
    assert error.sv.startswith("Mappen är en genväg (symbolisk länk) till content/meetings. "
                               "Då publiceras samma sidor på två webbadresser.")


@pytest.mark.parametrize("names", [("a", "b"), ("a.sv.md", "b.sv.md")])
def test_a_loop_of_two_links(tmp_path, capsys, monkeypatch, names):
    write_tree(tmp_path, {"content/om.sv.md": PAGE})
    first, second = names
    (tmp_path / "content" / first).symlink_to(second)
    (tmp_path / "content" / second).symlink_to(first)
    errors = problems(tmp_path)
    assert [e.path for e in errors] == [f"content/{first}", f"content/{second}"]
    for error in errors:
        assert error.sv.startswith("Genvägen (symbolisk länk) leder runt i en cirkel")
    assert "leder runt i en cirkel" in check_without_traceback(tmp_path, capsys, monkeypatch)


def test_a_file_that_cannot_be_read(tmp_path, monkeypatch, capsys):
    write_tree(tmp_path, {"content/om.sv.md": PAGE, "content/hemlig.sv.md": PAGE})
    locked = tmp_path / "content/hemlig.sv.md"
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything: make reading fail the way it would
        real = Path.read_bytes

        def read_bytes(self):
            if self.name == "hemlig.sv.md":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)
        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    try:
        (error,) = problems(tmp_path)
        assert error.path == "content/hemlig.sv.md"
        assert error.sv == ("Filen går inte att läsa (Permission denied). "
                            "Kolla att det är en vanlig fil som du kan öppna.")
        assert "content/hemlig.sv.md: Filen går inte att läsa" in check_without_traceback(tmp_path, capsys, monkeypatch)
    finally:
        locked.chmod(0o644)


def test_a_folder_that_cannot_be_opened(tmp_path, monkeypatch, capsys):
    write_tree(tmp_path, {"content/om.sv.md": PAGE, "content/meetings/2018-06-14-mote.sv.md": MEETING})
    locked = tmp_path / "content/meetings"
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        real = os.scandir

        def scandir(path):
            if Path(path).name == "meetings":
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)
        monkeypatch.setattr(os, "scandir", scandir)
    try:
        (error,) = problems(tmp_path)
        assert error.path == "content/meetings"
        assert error.sv.startswith("Mappen går inte att öppna (Permission denied). "
                                   "Sidorna i den kan varken kontrolleras eller publiceras.")
        assert error.example == "chmod a+rx content/meetings"
        assert "content/meetings: Mappen går inte att öppna" in check_without_traceback(tmp_path, capsys, monkeypatch)
    finally:
        locked.chmod(0o755)


def test_content_fingerprint_never_raises_and_sees_new_links(tmp_path):
    write_tree(tmp_path, {"content/om.sv.md": PAGE})
    content = tmp_path / "content"
    before = content_fingerprint(content)
    (content / "a.sv.md").symlink_to("b.sv.md")
    (content / "b.sv.md").symlink_to("a.sv.md")
    looped = content_fingerprint(content)
    assert looped != before
    (content / "a.sv.md").unlink()
    (content / "b.sv.md").unlink()
    (content / "spegel").symlink_to(".")
    assert content_fingerprint(content) not in (before, looped)


def test_loader_still_reuses_unchanged_files(tmp_path):
    write_tree(tmp_path, {"content/om.sv.md": PAGE, "content/meetings/2018-06-14-mote.sv.md": MEETING})
    loader = Loader()
    first = loader.load(tmp_path / "content", tmp_path)
    second = loader.load(tmp_path / "content", tmp_path)
    assert second.get("om", "sv") is first.get("om", "sv")


# LC_ALL=C ---------------------------------------------------------------------------------------

SWEDISH_TREE = {
    "mkdocs.yml": "site_name: Föreningen\ndocs_dir: content\n",
    "content/om-föreningen.sv.md": "---\ntitle: Om föreningen\n---\n\nVi träffas på Röda kvarn. "
                                   "Läs [om årsmötet](möten/årsmöte.md).\n",
    "content/möten/årsmöte.sv.md": "---\ntitle: Årsmöte\ndescription: Årsmötet är i maj.\n---\n\n"
                                   "Årsmötet är i maj. Läs [om föreningen](../om-föreningen.md).\n",
}


def c_locale() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "PYTHONIOENCODING")}
    return {**env, "LC_ALL": "C", "PYTHONUTF8": "0"}


def test_klarsida_check_under_the_c_locale(tmp_path):
    # Python then decodes file names as ASCII (möte → m\udcc3\udcb6te) and opens files as ASCII
    # unless told otherwise: names and files must still be read as the UTF-8 they are.
    write_tree(tmp_path, SWEDISH_TREE)
    result = subprocess.run([sys.executable, "-m", "klarsida", "check"], cwd=tmp_path, env=c_locale(),
                            capture_output=True)
    out = (result.stdout + result.stderr).decode("utf-8", "replace")
    assert "Traceback" not in out
    assert result.returncode == 0, out
    assert "Sidor som vi kontrollerade: 2." in out


def test_names_under_the_c_locale_are_the_utf8_they_are(tmp_path):
    write_tree(tmp_path, SWEDISH_TREE)
    script = ("from pathlib import Path\nfrom klarsida.site import load_site\n"
              "site = load_site(Path('content'), Path('.'))\n"
              "print(ascii(sorted((d.key, d.rel, d.doc_path) for d in site.written())))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=c_locale(), capture_output=True)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert result.stdout.decode("ascii").strip() == ascii(sorted([
        ("möten/årsmöte", "content/möten/årsmöte.sv.md", "möten/årsmöte.sv.md"),
        ("om-föreningen", "content/om-föreningen.sv.md", "om-föreningen.sv.md"),
    ]))


def test_klarsida_check_prints_errors_under_the_c_locale(tmp_path):
    write_tree(tmp_path, {**SWEDISH_TREE, "content/fel.sv.md": "---\ntitel: Fel\n---\n\nText.\n"})
    result = subprocess.run([sys.executable, "-m", "klarsida", "check"], cwd=tmp_path, env=c_locale(),
                            capture_output=True)
    out = (result.stdout + result.stderr).decode("utf-8", "replace")
    assert "Traceback" not in out
    assert result.returncode == 1
