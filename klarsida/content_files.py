"""Files in the content folder that are not pages, by allowlist, and the paths the build keeps for itself.

A generator copies every other file of the content folder to the site as it is. An `.html` or
`.svg` there would run script on the city's address, a `.js` at the theme's path would replace its
script on every page (tried: `content/assets/javascripts/events.js`). So only what residents need
is published: raster images and PDF whose first bytes say they are what their name says (a `.png`
holding HTML is refused: browsers sniff). Capital letters are fine in these names (cameras write
IMG_1234.JPG; links to them are checked as written). Names starting with a dot are never published
by generators (`.gitkeep`) and are left alone.

No content file may land where the theme or the build writes (assets, search, sitemap, feeds,
calendars, 404, the readability report): the adapter names the theme's paths
(`Project.reserved_paths`), the engine adds its own.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ContentError

# suffix → the file's first bytes (one of), as browsers and file(1) recognise them.
FILE_TYPES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),  # and "WEBP" at offset 8, checked below
    ".avif": (),  # "ftypavif" at offset 4, checked below
    ".pdf": (b"%PDF-",),
}
ALLOWED_SHOWN = "png, jpg, jpeg, gif, webp, avif, pdf"
# What these would do if published, in the editors' words.
RUNS_SCRIPT = {".html", ".htm", ".xhtml", ".shtml", ".svg", ".svgz", ".js", ".mjs", ".css", ".xml", ".xsl", ".xslt"}

# Output paths the engine writes in every language build (below the language's folder); the feeds'
# and calendars' own names are added by `reserved_outputs`.
ENGINE_PATHS = ("robots.txt", "klarsprak.json", "klarsprak.csv")


def _looks_like(suffix: str, head: bytes) -> bool:
    if suffix == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if suffix == ".avif":
        return head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis")
    return any(head.startswith(magic) for magic in FILE_TYPES[suffix])


def check_file(relative: str, path: str, shown_dir: str) -> ContentError | None:
    """Is this file (not a page) one we publish? `relative` to the content folder, `path` on disk."""
    shown = shown_dir + relative
    name = relative.rsplit("/", 1)[-1]
    stem, dot, suffix = name.rpartition(".")
    suffix = "." + suffix.lower() if dot and stem else ""
    example = f"{shown_dir}bilder/karta.png"
    if suffix not in FILE_TYPES:
        why_sv, why_en = (
            ("Filer av den typen kan köra skript i läsarens webbläsare.", "Files of that kind can run script in the reader's browser.")
            if suffix in RUNS_SCRIPT else
            ("Den typen av fil publicerar vi inte.", "We do not publish that kind of file.")
        )
        return ContentError(
            shown, None, None,
            f"{why_sv} I content/ får bara sidor (.sv.md, .en.md), bilder och PDF ligga ({ALLOWED_SHOWN}). "
            "Skriv innehållet som en sida, eller spara bilden som PNG eller JPG.",
            f"{why_en} content/ holds only pages (.sv.md, .en.md), images and PDF ({ALLOWED_SHOWN}). "
            "Write the content as a page, or save the image as PNG or JPG.",
            example,
        )
    try:
        with open(path, "rb") as found:
            head = found.read(16)
    except OSError as error:
        return ContentError(shown, None, None, f"Filen går inte att läsa ({error.strerror}).",
                            f"The file cannot be read ({error.strerror}).", example)
    if not _looks_like(suffix, head):
        return ContentError(
            shown, None, None,
            f"Filen heter {suffix} men innehåller något annat. Webbläsare läser innehållet, inte namnet. "
            f"Spara filen på nytt som {suffix[1:].upper()} i ett bildprogram (eller som PDF).",
            f"The file is named {suffix} but holds something else. Browsers read the content, not the name. "
            f"Save it again as {suffix[1:].upper()} from an image program (or as PDF).",
            example,
        )
    return None


def reserved_outputs(theme_paths: tuple[str, ...], feeds: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Every path the build keeps, below the site's root or a language's folder: a name ending in
    `/` is a folder, others are files."""
    return tuple(dict.fromkeys((*theme_paths, *ENGINE_PATHS, *feeds)))


def reserved_clash(output: str, reserved: tuple[str, ...]) -> str | None:
    """The reserved path that `output` (site-root-relative, without a language folder; a page's is
    its folder, `about/`) would take or block, or None."""
    output = output.lstrip("/")
    for kept in reserved:
        if kept.endswith("/"):
            if output == kept or output.startswith(kept) or output == kept.rstrip("/"):
                return kept
        elif output == kept or output.startswith(kept + "/") or output == kept + "/":
            return kept
    return None


def reserved_error(shown: str, output: str, kept: str) -> ContentError:
    return ContentError(
        shown, None, None,
        f"Filen skulle hamna på /{output}, men /{kept} skriver bygget själv (tema, sökning, flöden, kalendrar, "
        "felsidan eller läsbarhetsrapporten). Ge filen ett annat namn eller lägg den i en annan mapp.",
        f"The file would land on /{output}, but the build writes /{kept} itself (theme, search, feeds, calendars, "
        "the error page or the readability report). Give the file another name or put it in another folder.",
        "content/bilder/karta.png",
    )


def check_files(files: list[str], content_dir: Path, shown_dir: str, reserved: tuple[str, ...],
                other_languages: tuple[str, ...] = ()) -> list[ContentError]:
    """Errors for the files (not pages) below `content_dir`; `other_languages` have folders of their own
    (`en/`), where the build keeps the same paths as at the root."""
    base = os.fspath(content_dir)
    errors = []
    for relative in files:
        problem = check_file(relative, os.path.join(base, relative), shown_dir)
        first, _, rest = relative.partition("/")
        output = rest if first in other_languages and rest else relative
        if problem is None and (kept := reserved_clash(output, reserved)):
            problem = reserved_error(shown_dir + relative, relative, kept)
        if problem is not None:
            errors.append(problem)
    return errors
