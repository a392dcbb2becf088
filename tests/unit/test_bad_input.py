"""Every way content can be wrong, from tests/fixtures/bad_content/, with the exact message it gets.

Each case folder holds a tiny `content/` tree. The messages are what an editor sees from the build
and from `klarsida check` (both run load_site and then every registered check). A byte-order mark
is the one case that is not an error: editors expect such a file to work, and it does.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from klarsida import cli
from klarsida.checks import check_site
from klarsida.errors import ContentInvalid
from klarsida.frontmatter import MAX_BYTES
from klarsida.site import Loader, load_site
from klarsida.session import Session
from tests.conftest import REPO, mkdocs_build

FIXTURES = REPO / "tests" / "fixtures" / "bad_content"

EXPECTED: dict[str, list[str]] = {
    "bidi_override": [
        "content/om-oss.sv.md:3: description: Texten har ett osynligt tecken, U+202E (RIGHT-TO-LEFT OVERRIDE), i kolumn 24, skrivet som \\u202E, direkt efter ”Vilka vi”. Tecknet styr skrivriktningen, så att texten kan visas i en annan ordning än den står i filen. Skrivriktningen kommer från sidans språk och behövs inte i texten. Ta bort tecknet, eller skriv texten på nytt i stället för att klistra in den. Exempel: description: Vilka vi är och vad vi gör.\n    (en) The text holds an invisible character, U+202E (RIGHT-TO-LEFT OVERRIDE), in column 24, written as \\u202E, right after “Vilka vi”. The character controls the direction of writing, so the text can show in another order than it is written in the file. The direction comes from the page's language and is not needed in the text. Remove the character, or type the text again instead of pasting it. Example: description: Vilka vi är och vad vi gör.",
    ],
    "capital_letters_in_name": [
        'content/Om-oss.SV.MD: Filnamnet har stora bokstäver. Skriv det med små bokstäver: content/om-oss.sv.md. Webbadresser skiljer på stora och små bokstäver, men Windows och Mac gör det inte, så det blir lätt två sidor av en. Exempel: content/om-oss.sv.md\n    (en) The file name has capital letters. Write it in small letters: content/om-oss.sv.md. Web addresses tell capital and small letters apart, Windows and Mac do not, so one page easily becomes two. Example: content/om-oss.sv.md',
    ],
    "control_character": [
        'content/om-oss.sv.md:2: Raden har ett osynligt tecken som inte är tillåtet: U+0007 (BELL), i kolumn 10. Skriv raden på nytt i stället för att klistra in den. Exempel: title: Möte 8 juni\n    (en) The line holds an invisible character that is not allowed: U+0007 (BELL), in column 10. Type the line again instead of pasting it. Example: title: Möte 8 juni',
    ],
    "date_on_its_own_line": [
        'content/meetings/2018-06-14-mote.sv.md:3: date: 2018-06-14 slutar med en radbrytning: det står på en egen rad efter | eller > (eller slutar på \\n). Skriv det direkt efter date: på samma rad. Exempel: date: 2018-06-14\n    (en) 2018-06-14 ends in a line break: it is on a line of its own after | or > (or ends in \\n). Write it right after date: on the same line. Example: date: 2018-06-14',
    ],
    "duplicate_keys": [
        'content/om-oss.sv.md:4: title: Fältet står två gånger (första gången på rad 2). Ta bort det ena.\n    (en) The field appears twice (first on line 2). Remove one of them.',
    ],
    "empty_file": [
        'content/om-oss.sv.md: Filen är tom. Skriv front matter och text, eller ta bort filen.\n    (en) The file is empty. Write front matter and text, or delete the file.\n    Exempel (example):\n        ---\n        title: Möte 8 juni\n        ---\n        Text …',
    ],
    "english_without_swedish": [
        'content/contact-us.en.md: Den här översättningen saknar sin svenska sida contact-us.sv.md. Skapa den svenska sidan först, eller kolla att filnamnen är lika. Exempel: contact-us.sv.md\n    (en) This translation has no Swedish original contact-us.sv.md. Create the Swedish page first, or check that the file names match. Example: contact-us.sv.md',
    ],
    "front_matter_only": [
        'content/meetings/2018-06-14-mote.sv.md:6: Sidan har bara front matter. Skriv texten under den sista raden med ---.\n    (en) The page has front matter only. Write the text below the closing ---.\n    Exempel (example):\n        ---\n        (front matter)\n        ---\n        Vi träffades på Röda kvarn …',
    ],
    "image_without_alt": [
        'content/om-oss.sv.md:7: Bilden gruppen.png saknar alt-text. Skriv kort vad bilden visar, för den som inte ser den. Exempel: ![Gruppen samlad utanför Röda kvarn](gruppen.png)\n    (en) The image gruppen.png has no alt text. Say briefly what it shows, for people who cannot see it. Example: ![Gruppen samlad utanför Röda kvarn](gruppen.png)',
    ],
    "language_folder": [
        'content/en/om-oss.sv.md: Sidan får webbadressen /en/om-oss/. Adresser som börjar med /en/ är till för sidorna som heter .en.md, så content/en/om-oss.sv.md kan inte ligga i mappen en/. Flytta filen ut ur mappen eller byt namn på mappen. En översättning ligger bredvid originalet och heter om-oss.en.md. Exempel: content/om-oss.sv.md och content/om-oss.en.md\n    (en) The page gets the address /en/om-oss/. Addresses starting with /en/ belong to the pages named .en.md, so content/en/om-oss.sv.md cannot be in the folder en/. Move the file out of the folder or rename the folder. A translation sits next to its original, named om-oss.en.md. Example: content/om-oss.sv.md och content/om-oss.en.md',
    ],
    "language_not_configured": [
        "content/om-oss.de.md: Filnamnet slutar på .de.md, men de är inte ett av webbplatsens språk (sv, en). Sidan skulle inte publiceras. Döp om filen så att den slutar på .sv.md eller .en.md. Exempel: om-oss.sv.md\n    (en) The file name ends in .de.md, but de is not one of the site's languages (sv, en). The page would not be published. Rename it to end in .sv.md or .en.md. Example: om-oss.sv.md",
    ],
    "missing_anchor": [
        'content/om-oss.sv.md:9: Rubriken #ersattning finns inte på sidan content/om-oss.sv.md. Rubriker som finns: #vilka-ar-med. Exempel: [Läs mer](#vilka-ar-med)\n    (en) There is no heading #ersattning on the page content/om-oss.sv.md. Headings there: #vilka-ar-med. Example: [Läs mer](#vilka-ar-med)',
    ],
    "missing_page": [
        'content/om-oss.sv.md:5: Sidan kontakt.md finns inte. Kolla stavningen och var filen ligger. Exempel: [Evenemang](../events/2015-06-11-klarsprak.md)\n    (en) The page kontakt.md does not exist. Check the spelling and where the file is. Example: [Evenemang](../events/2015-06-11-klarsprak.md)',
    ],
    "no_language_in_name": [
        'content/om-oss.md: Filnamnet måste sluta på .sv.md eller .en.md, så att vi vet vilket språk sidan har. Exempel: kontakt.sv.md\n    (en) The file name must end in .sv.md or .en.md so we know its language. Example: kontakt.sv.md',
    ],
    "not_utf8": [
        'content/om-oss.sv.md:5: Filen är inte sparad som UTF-8. Spara den som UTF-8 i din editor. Exempel: I VS Code: klicka på teckenkodningen längst ner och välj "Save with Encoding" → UTF-8\n    (en) The file is not UTF-8. Save it as UTF-8 in your editor. Example: I VS Code: klicka på teckenkodningen längst ner och välj "Save with Encoding" → UTF-8',
    ],
    "page_and_folder_index": [
        'content/om-oss.sv.md: Filen blir samma webbadress (/om-oss/) som content/om-oss/index.sv.md. En sida om-oss.sv.md och en mapp med index.sv.md blir samma sida. Behåll en av dem och ta bort den andra. Exempel: content/om-oss.sv.md (och ingen content/om-oss/index.sv.md)\n    (en) The file makes the same web address (/om-oss/) as content/om-oss/index.sv.md. A page om-oss.sv.md and a folder holding index.sv.md make the same page. Keep one of them and delete the other. Example: content/om-oss.sv.md (och ingen content/om-oss/index.sv.md)',
        'content/om-oss/index.sv.md: Filen blir samma webbadress (/om-oss/) som content/om-oss.sv.md. En sida om-oss.sv.md och en mapp med index.sv.md blir samma sida. Behåll en av dem och ta bort den andra. Exempel: content/om-oss.sv.md (och ingen content/om-oss/index.sv.md)\n    (en) The file makes the same web address (/om-oss/) as content/om-oss.sv.md. A page om-oss.sv.md and a folder holding index.sv.md make the same page. Keep one of them and delete the other. Example: content/om-oss.sv.md (och ingen content/om-oss/index.sv.md)',
    ],
    "tab_in_yaml": [
        'content/events/2018-08-23-film.sv.md:6: Raden har ett tabbtecken (U+0009) i indraget på rad 6, kolumn 1. Front matter får bara ha vanliga mellanslag i indraget. Byt tabben mot två mellanslag. Eller kör klarsida check --fix, som rättar det åt dig.\n    (en) The line has a tab character (U+0009) in the indentation on line 6, column 1. Front matter may only be indented with ordinary spaces. Replace the tab with two spaces. Or run klarsida check --fix, which repairs it for you.\n    Exempel (example):\n        place:\n          name: Röda kvarn   (två mellanslag före name)',
    ],
    "time_that_does_not_exist": [
        'content/events/2026-03-29-nattvandring.sv.md:3: start: Klockan 02.30 finns inte den 29 mars 2026: då ställs klockan fram från 02.00 till 03.00. Välj en annan tid, till exempel 03.30. Exempel: start: 2026-03-29T03:30\n    (en) 02:30 does not exist on 29 March 2026: the clocks go forward from 02:00 to 03:00. Choose another time, for example 03:30. Example: start: 2026-03-29T03:30',
    ],
    "time_that_happens_twice": [
        'content/events/2026-10-25-nattvandring.sv.md:3: start: Klockan 02.30 finns två gånger den 25 oktober 2026: då ställs klockan tillbaka från 03.00 till 02.00, så vi vet inte vilken av dem du menar. Välj en tid före 02.00 eller från 03.00, till exempel 01.30 eller 03.30. Exempel: start: 2026-10-25T03:30\n    (en) 02:30 happens twice on 25 October 2026: the clocks go back from 03:00 to 02:00, so we cannot tell which one you mean. Choose a time before 02:00 or from 03:00, for example 01:30 or 03:30. Example: start: 2026-10-25T03:30',
    ],
    "title_too_long": [
        'content/om-oss.sv.md:2: title: Rubriken är 162 tecken lång, men får vara högst 150 tecken. Den syns i listor, flikar och sökresultat, och där måste den få plats. Korta den och skriv resten i texten. Exempel: title: Möte om sommaren\n    (en) The title is 162 characters long, but may be at most 150. It shows in listings, browser tabs and search results, and must fit there. Shorten it and say the rest in the text. Example: title: Möte om sommaren',
    ],
    "unclosed_front_matter": [
        'content/om-oss.sv.md:1: Front matter börjar med --- men slutar aldrig. Avsluta den med en rad med bara ---.\n    (en) The front matter starts with --- but never ends. Close it with a line holding only ---.\n    Exempel (example):\n        ---\n        title: …\n        ---',
    ],
    "unknown_accessibility": [
        'content/events/2018-08-23-film.sv.md:8: place.accessibility.1: "ramp" är inte ett tillåtet värde. Välj ett av: step-free-entrance, lift, accessible-toilet, hearing-loop, seating, accessible-parking. Exempel: accessibility: ["step-free-entrance", "accessible-toilet", "hearing-loop"]\n    (en) "ramp" is not an allowed value. Choose one of: step-free-entrance, lift, accessible-toilet, hearing-loop, seating, accessible-parking. Example: accessibility: ["step-free-entrance", "accessible-toilet", "hearing-loop"]',
    ],
    "unknown_field": [
        'content/om-oss.sv.md:3: descripton: Okänt fält. Menade du description? Tillåtna fält här: changes, contact, description, hide, readability_exception, title, translated_from. Exempel: description: Vem som är med i gruppen och vad vi gör.\n    (en) Unknown field (a typo?). Did you mean description? Allowed here: changes, contact, description, hide, readability_exception, title, translated_from. Example: description: Vem som är med i gruppen och vad vi gör.',
    ],
    "unsafe_html": [
        "content/om-oss.sv.md:7: <script> är inte tillåtet i texten, eftersom det kan köra kod hos besökarna. Ta bort det. Vill du visa något från en annan webbplats: skriv en vanlig länk. Exempel: [Se filmen hos Filminstitutet](https://www.filminstitutet.se/)\n    (en) <script> is not allowed in the text, because it can run code in visitors' browsers. Remove it. To show something from another website, write an ordinary link. Example: [Se filmen hos Filminstitutet](https://www.filminstitutet.se/)",
        'content/om-oss.sv.md:9: <button> är inte tillåtet i texten. En knapp gör ingenting utan kod, och i ett formulär kan den skicka det som besökarna skriver till en annan webbplats. Vill du visa mer text när någon klickar: använd en utfällbar ruta. Exempel: <details><summary>Visa mer</summary>Text.</details>\n    (en) <button> is not allowed in the text. A button does nothing without code, and in a form it can send what visitors type to another website. To show more text on a click, use an expandable box. Example: <details><summary>Visa mer</summary>Text.</details>',
        'content/om-oss.sv.md:11: Länken börjar med javascript: och kör kod i stället för att öppna en sida. Skriv en vanlig webbadress som börjar med https://. Exempel: [Läs mer](https://helsingborg.se/)\n    (en) The link starts with javascript: and runs code instead of opening a page. Write an ordinary web address starting with https://. Example: [Läs mer](https://helsingborg.se/)',
    ],
    "word_paste": [
        'content/events/2018-08-23-film.sv.md:2: title: Det står typografiska citattecken ” ” runt rubriken (på rad 2, kolumn 8). Front matter läser bara raka citattecken (" eller \'). Byt dem mot raka citattecken " ". Eller kör klarsida check --fix, som rättar det åt dig. Exempel: title: "Film och samtal: I, Daniel Blake"\n    (en) There are typographic quotes ” ” around the title (on line 2, column 8). Front matter only reads straight quotes (" or \'). Replace them with straight quotes " ". Or run klarsida check --fix, which repairs it for you. Example: title: "Film och samtal: I, Daniel Blake"',
        'content/events/2018-08-23-film.sv.md:6: Raden har ett hårt mellanslag (U+00A0) i indraget på rad 6, kolumn 1. Det ser ut som ett vanligt mellanslag, men front matter läser det inte som ett. Det kommer ofta med text som klistras in från Word. Skriv mellanslagen på nytt med mellanslagstangenten. Eller kör klarsida check --fix, som rättar det åt dig.\n    (en) The line has a no-break space (U+00A0) in the indentation on line 6, column 1. It looks like an ordinary space, but front matter does not read it as one. It often comes with text pasted from Word. Type the spaces again with the space bar. Or run klarsida check --fix, which repairs it for you.\n    Exempel (example):\n        place:\n          name: Röda kvarn   (två vanliga mellanslag före name)',
        'content/events/2018-08-23-film.sv.md:7: Raden har ett tabbtecken (U+0009) i indraget på rad 7, kolumn 1. Front matter får bara ha vanliga mellanslag i indraget. Byt tabben mot två mellanslag. Eller kör klarsida check --fix, som rättar det åt dig.\n    (en) The line has a tab character (U+0009) in the indentation on line 7, column 1. Front matter may only be indented with ordinary spaces. Replace the tab with two spaces. Or run klarsida check --fix, which repairs it for you.\n    Exempel (example):\n        place:\n          name: Röda kvarn   (två mellanslag före name)',
        'content/events/2018-08-23-film.sv.md:8: Raden har ett osynligt tecken, U+200B (ZERO WIDTH SPACE), på rad 8, kolumn 25. Det syns inte, men stör sökningen och uppläsningen. Ta bort det. Eller kör klarsida check --fix, som rättar det åt dig.\n    (en) The line has an invisible character, U+200B (ZERO WIDTH SPACE), on line 8, column 25. It does not show, but it disturbs search and reading aloud. Remove it. Or run klarsida check --fix, which repairs it for you.',
    ],
    "yaml_alias": [
        'content/om-oss.sv.md:3: description: Front matter får inte använda YAML-ankare (& och *). Skriv ut värdet där det behövs. Exempel: title: Möte 8 juni\n    (en) Front matter may not use YAML anchors and aliases (& and *). Write the value out where it is needed. Example: title: Möte 8 juni',
    ],
    "yaml_syntax": [
        'content/om-oss.sv.md:2: Citattecknet på raden stängs aldrig. Sätt samma citattecken sist i texten. Exempel: title: "Möte: 8 juni"\n    (en) The quote on this line is never closed. Put the same quote mark at the end of the text. Example: title: "Möte: 8 juni"',
    ],
    "yaml_tag": [
        'content/om-oss.sv.md:2: title: Värdet har en YAML-tagg (!!python/object/apply:os.system) som inte är tillåten. Ta bort taggen och skriv bara värdet. Exempel: title: Möte 8 juni\n    (en) The value has a YAML tag (!!python/object/apply:os.system) that is not allowed. Remove the tag and write the value only. Example: title: Möte 8 juni',
    ],
    "year_9999": [
        'content/events/9999-12-31-nattvandring.sv.md:3: start: Året 9999 i 9999-12-31 kan inte stämma. Ett datum ska vara mellan år 1900 och 2100. Kolla årtalet. Exempel: start: 2018-08-23\n    (en) The year 9999 in 9999-12-31 cannot be right. A date must be between the years 1900 and 2100. Check the year. Example: start: 2018-08-23',
        'content/events/9999-12-31-nattvandring.sv.md:4: end: Året 9999 i 9999-12-31 kan inte stämma. Ett datum ska vara mellan år 1900 och 2100. Kolla årtalet. Exempel: end: 2018-08-23\n    (en) The year 9999 in 9999-12-31 cannot be right. A date must be between the years 1900 and 2100. Check the year. Example: end: 2018-08-23',
    ],
}


def problems(content_dir: Path, root: Path) -> list[str]:
    """What the build reports: loading errors with the errors of the checks on the pages that
    loaded (every error in one run), else every registered check's findings."""
    found = Loader().load_partial(content_dir, root)
    if found.errors:
        return [e.format() for e in ContentInvalid(found.errors + Session().errors_of_checks(found.site)).errors]
    return [e.format() for e in check_site(found.site, Session())]


def copy_case(name: str, root: Path) -> Path:
    shutil.copytree(FIXTURES / name / "content", root / "content")
    return root / "content"


def test_every_fixture_has_an_expected_message():
    cases = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
    assert cases == sorted([*EXPECTED, "byte_order_mark"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_content_gets_its_exact_message(name, tmp_path):
    content = copy_case(name, tmp_path)
    assert problems(content, tmp_path) == EXPECTED[name]


def test_byte_order_mark_and_windows_line_ends_just_work(tmp_path):
    content = copy_case("byte_order_mark", tmp_path)
    assert (content / "om-oss.sv.md").read_bytes().startswith(b"\xef\xbb\xbf---\r\n")
    site = load_site(content, tmp_path)
    doc = site.get("om-oss", "sv")
    assert doc.title == "Om oss"
    assert doc.body.strip() == "Vi träffas en torsdag i månaden."
    assert check_site(site, Session()) == []


def test_huge_file_is_refused_before_it_is_read(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    text = "---\ntitle: Protokoll\n---\n\n" + "Vi pratade om stödet. " * (MAX_BYTES // 20)
    (content / "protokoll.sv.md").write_text(text, encoding="utf-8")
    size_kb = (content / "protokoll.sv.md").stat().st_size // 1024
    assert problems(content, tmp_path) == [
        f"content/protokoll.sv.md: Filen är för stor ({size_kb} kB). En sida får vara högst 256 kB. "
        "Dela upp texten på flera sidor, eller kolla att det är rätt fil. "
        "Exempel: meetings/2018-06-14-mote.sv.md och meetings/2018-06-14-mote-bilaga.sv.md\n"
        f"    (en) The file is too large ({size_kb} kB). A page may be at most 256 kB. "
        "Split the text into several pages, or check that it is the right file. "
        "Example: meetings/2018-06-14-mote.sv.md och meetings/2018-06-14-mote-bilaga.sv.md"
    ]


def test_a_page_just_under_the_limit_is_fine(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    text = "---\ntitle: Protokoll\n---\n\n" + "Vi pratade om stödet.\n" * ((MAX_BYTES - 100) // 23)
    (content / "protokoll.sv.md").write_text(text, encoding="utf-8")
    assert (content / "protokoll.sv.md").stat().st_size <= MAX_BYTES
    assert problems(content, tmp_path) == []


def test_yaml_alias_bomb_is_refused_quickly(tmp_path):
    # "Billion laughs": nine levels of nine aliases would expand to 387 million strings.
    lines = ['a0: &a0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    content = tmp_path / "content"
    content.mkdir()
    (content / "om-oss.sv.md").write_text("---\n" + "\n".join(lines) + "\n---\n\nText.\n", encoding="utf-8")
    started = time.monotonic()
    found = problems(content, tmp_path)
    assert time.monotonic() - started < 5
    assert len(found) == 1
    assert found[0].startswith("content/om-oss.sv.md:3: a1: Front matter får inte använda YAML-ankare (& och *).")


@pytest.mark.parametrize("front_matter", ["title: " + "[" * 3000 + "]" * 3000,
                                          "title:\n" + "".join("  " * i + "a:\n" for i in range(1, 40)) + "  " * 40 + "b: c"])
def test_deeply_nested_front_matter(tmp_path, front_matter):
    content = tmp_path / "content"
    content.mkdir()
    (content / "om-oss.sv.md").write_text(f"---\n{front_matter}\n---\n\nText.\n", encoding="utf-8")
    (found,) = problems(content, tmp_path)
    assert "Front matter har för många nivåer av indrag (högst 20)." in found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_klarsida_check_prints_the_message_without_a_traceback(name, tmp_path, capsys, monkeypatch):
    copy_case(name, tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\ndocs_dir: content\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = cli.main(["check"])
    out = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out.out + out.err
    first_line = EXPECTED[name][0].split("\n")[0]
    assert first_line in out.out + out.err


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_build_stops_with_the_message(name, site_copy):
    for path in (FIXTURES / name / "content").rglob("*"):
        if path.is_file():
            target = site_copy / "content" / path.relative_to(FIXTURES / name / "content")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    # In the whole site a message may say more (e.g. "did you mean contact.md?"): the build must
    # print what the engine reports for that same tree.
    expected = problems(site_copy / "content", site_copy)
    assert expected and expected[0].startswith(EXPECTED[name][0].split(": ")[0])
    out_dir = site_copy / "out"
    result = mkdocs_build(out_dir, config=site_copy / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert expected[0].split("\n")[0] in output
    # Pages may already be in out/: link, safety and readability checks run beside the page build
    # and fail it at the end. `make build` (and so publishing) never replaces site/ with such a
    # build: tests/site_build/test_atomic_build.py.


@pytest.mark.parametrize("target", ["/etc/passwd", "../../secret.txt", "../.."])
def test_symbolic_link_out_of_content_is_refused(tmp_path, target):
    (tmp_path / "secret.txt").write_text("token\n", encoding="utf-8")
    content = copy_case("byte_order_mark", tmp_path)
    (content / "bilder").mkdir()
    (content / "bilder" / "lank.sv.md").symlink_to(target)
    assert problems(content, tmp_path) == [
        "content/bilder/lank.sv.md: Filen är en genväg (symbolisk länk) till något utanför content/. "
        "Den kan inte publiceras. Kopiera in filen i stället. "
        "Exempel: content/bilder/gruppen.jpg (en vanlig fil)\n"
        "    (en) The file is a symbolic link to something outside content/. It cannot be published. "
        "Copy the file in instead. Example: content/bilder/gruppen.jpg (en vanlig fil)"
    ]


def test_symbolic_link_inside_content_is_fine(tmp_path):
    content = copy_case("byte_order_mark", tmp_path)
    (content / "om-gruppen.sv.md").symlink_to("om-oss.sv.md")
    assert problems(content, tmp_path) == []


def test_unreadable_entries_named_like_pages(tmp_path):
    content = copy_case("byte_order_mark", tmp_path)
    (content / "mapp.sv.md").mkdir()
    (content / "trasig.sv.md").symlink_to("finns-inte.sv.md")
    assert problems(content, tmp_path) == [
        "content/mapp.sv.md: Filen går inte att läsa (Is a directory). Kolla att det är en vanlig fil som du "
        "kan öppna. Exempel: content/om-oss.sv.md\n"
        "    (en) The file cannot be read (Is a directory). Check that it is an ordinary file you can open. "
        "Example: content/om-oss.sv.md",
        "content/trasig.sv.md: Filen går inte att läsa (No such file or directory). Kolla att det är en vanlig "
        "fil som du kan öppna. Exempel: content/om-oss.sv.md\n"
        "    (en) The file cannot be read (No such file or directory). Check that it is an ordinary file you "
        "can open. Example: content/om-oss.sv.md",
    ]


@pytest.mark.parametrize("value", ["!!int tio", "!!float abc", "!!bool kanske"])
def test_explicit_yaml_tag_with_a_value_it_cannot_hold(tmp_path, value):
    content = tmp_path / "content"
    content.mkdir()
    (content / "om-oss.sv.md").write_text(f"---\ntitle: Om oss\ndescription: {value}\n---\n\nText.\n", encoding="utf-8")
    (found,) = problems(content, tmp_path)
    assert found.startswith(
        "content/om-oss.sv.md:3: Värdet efter YAML-taggen (!!int, !!float eller !!bool) går inte att läsa. "
        "Ta bort taggen och skriv bara värdet. Exempel: price: 50"
    )
