"""Internal links, anchors and image alt texts, checked in the engine (build and `klarsida check`).

Each page body is rendered as the generator renders it (the session's klarsida.markup, shared with
the safety and readability checks), so heading ids are exactly the ones the toc extension makes. Ids the
engine injects (listings: `upcoming`, `y2018`, ...) come from the engine's own renderer.

Links are written to source files, as the generator expects: `../events/2015-06-11-klarsprak.md` points
to the page in the reader's language (suffix structure), `about.md#vilka-ar-med` to a heading.
External links (http:, mailto:, ...) are checked by the opt-in `klarsida linkcheck` instead.
"""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .checks import register
from .errors import ContentError
from .markup import Element, Markup, elements
from .model import LANG_SUFFIX, Document
from .render import enrich_page
from .site import Site

def body_line(doc: Document, *needles: str) -> int:
    """The file line where the first needle found appears in the body (case-insensitive).

    Errors are found in the rendered HTML, which has no line numbers; the text the editor wrote
    (a URL, a tag name) leads back to the line. Falls back to the first line of the body.
    """
    lines = doc.body.lower().split("\n")
    for needle in needles:
        wanted = needle.lower()
        for offset, text in enumerate(lines):
            if wanted and wanted in text:
                return doc.body_line + offset
    return doc.body_line


def anchors(site: Site, doc: Document, lang: str, markup: Markup, now) -> set[str]:
    """Every id on the page as built for readers of `lang`: headings, attr_list/HTML ids, listings."""
    html = markup.html(doc.body)
    if not doc.draft:  # a draft's front matter is wrong: only its own headings are known
        html = enrich_page(site, doc, lang, html, now)
    return {value for element in elements(html) for key, value in element.attrs if key in ("id", "name") and value}


def target_key(site: Site, doc: Document, path: str) -> str | None:
    """The page key a relative `.md` link points to, or None when no such page exists."""
    base = posixpath.dirname(doc.doc_path)
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined.startswith("../") or joined == "..":
        return None
    match = LANG_SUFFIX.match(joined)
    # Pages whose source is there but broken count as existing: their own errors are reported, and
    # a link to them is not a second error (a partial site, klarsida/site.py PartialLoad).
    keys = {key for key, _ in site.documents} | {key for key, _ in site.broken}
    # `x.sv.md` names one language's file; `x.md` the page in the reader's language.
    if match and match["lang"] in site.languages and match["stem"] in keys:
        return match["stem"]
    stem = joined[: -len(".md")]
    return stem if stem in keys else None


def split_url(url: str):
    """urlsplit, or None for an address no browser could follow (e.g. `http://[::1`)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def _external(url: str) -> bool:
    parts = split_url(url)
    return parts is None or bool(parts.scheme) or url.startswith("//")


def _not_found(doc: Document, href: str, sv: str, en: str, example: str) -> ContentError:
    return ContentError(doc.rel, body_line(doc, href), None, sv, en, example)


def check_document_links(site: Site, doc: Document, content_dir: Path | None, session, cache: dict | None = None) -> list[ContentError]:
    errors: list[ContentError] = []
    cache = {} if cache is None else cache

    def ids_of(page: Document) -> set[str]:
        if (page.key, page.lang, lang) not in cache:
            cache[(page.key, page.lang, lang)] = anchors(site, page, lang, session.markup, session.now)
        return cache[(page.key, page.lang, lang)]

    lang = doc.lang
    for element in session.markup.body_elements(doc.body):
        if element.tag == "img":
            errors.extend(_check_image(doc, element, content_dir))
        if element.tag != "a" or not element.get("href"):
            continue
        href = element.get("href").strip()
        if split_url(href) is None:
            errors.append(_not_found(
                doc, href,
                f"Länken {href} är inte en riktig adress. Kolla tecknen i den.",
                f"The link {href} is not a valid address. Check its characters.",
                "[Läs mer](https://helsingborg.se/)",
            ))
            continue
        if _external(href):
            continue
        parts = urlsplit(href)
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if path.startswith("/"):
            errors.append(_not_found(
                doc, href,
                f"Länken {href} börjar med /. Den fungerar inte när webbplatsen ligger i en undermapp. "
                "Länka till .md-filen i stället.",
                f"The link {href} starts with /. It breaks when the site lives in a subfolder. "
                "Link to the .md file instead.",
                "[Kontakt](../contact.md)",
            ))
            continue
        target = doc
        if path:
            if not path.endswith(".md"):
                if content_dir is None or not _asset_exists(content_dir, doc, path):
                    errors.append(_not_found(
                        doc, href,
                        f"Länken {href} leder ingenstans. Länka till en .md-fil eller en fil som finns i content/.",
                        f"The link {href} leads nowhere. Link to a .md file or a file that exists in content/.",
                        "[Om gruppen](about.md)",
                    ))
                continue
            key = target_key(site, doc, path)
            if key is None:
                guess = _closest_page(site, doc, path)
                errors.append(_not_found(
                    doc, href,
                    f"Sidan {path} finns inte.{f' Menade du {guess}?' if guess else ''} "
                    "Kolla stavningen och var filen ligger.",
                    f"The page {path} does not exist.{f' Did you mean {guess}?' if guess else ''} "
                    "Check the spelling and where the file is.",
                    f"[Läs mer]({guess})" if guess else "[Evenemang](../events/2015-06-11-klarsprak.md)",
                ))
                continue
            target = site.in_language(key, lang)
            if target is None:
                continue  # its source is broken: anchors are checked once it loads
        if fragment and fragment not in ids_of(target):
            known = sorted(ids_of(target))
            shown = ", ".join(f"#{a}" for a in known[:8]) or "inga / none"
            errors.append(_not_found(
                doc, href,
                f"Rubriken #{fragment} finns inte på sidan {target.rel}. Rubriker som finns: {shown}.",
                f"There is no heading #{fragment} on the page {target.rel}. Headings there: {shown}.",
                f"[Läs mer]({path}#{known[0]})" if known else f"[Läs mer]({path or target.doc_path})",
            ))
    return errors


def _closest_page(site: Site, doc: Document, path: str) -> str | None:
    """The existing page whose link (written from `doc`) looks most like `path`, if any does."""
    base = posixpath.dirname(doc.doc_path) or "."
    written = {posixpath.relpath(f"{key}.md", base) for key, _ in site.documents}
    found = difflib.get_close_matches(path, sorted(written), n=1, cutoff=0.7)
    return found[0] if found else None


def _asset_exists(content_dir: Path, doc: Document, path: str) -> bool:
    base = (content_dir / doc.doc_path).parent
    try:
        target = (base / path).resolve()
        target.relative_to(content_dir.resolve())
    except (ValueError, OSError):
        return False
    return target.is_file()


def _check_image(doc: Document, element: Element, content_dir: Path | None) -> list[ContentError]:
    errors = []
    src = (element.get("src") or "").strip()
    alt = element.get("alt")
    decorative = element.get("role") in ("presentation", "none") or element.get("aria-hidden") == "true"
    if (alt is None or not alt.strip()) and not decorative:
        errors.append(ContentError(
            doc.rel, body_line(doc, src) if src else doc.body_line, None,
            f"Bilden {src + ' ' if src else ''}saknar alt-text. Skriv kort vad bilden visar, för den som inte ser den.",
            f"The image {src + ' ' if src else ''}has no alt text. Say briefly what it shows, for people who cannot see it.",
            f"![Gruppen samlad utanför Röda kvarn]({src or 'bild.jpg'})",
        ))
    if src and not _external(src) and not src.startswith("data:") and content_dir is not None:
        if src.startswith("/") or not _asset_exists(content_dir, doc, unquote(split_url(src).path)):
            errors.append(ContentError(
                doc.rel, body_line(doc, src), None,
                f"Bilden {src} finns inte. Lägg bildfilen i content/ och skriv sökvägen från sidan.",
                f"The image {src} does not exist. Put the image file in content/ and write its path from the page.",
                "![Gruppen samlad utanför Röda kvarn](bilder/gruppen.jpg)",
            ))
    return errors


@dataclass(frozen=True)
class ExternalLink:
    path: str  # the source file, as in error messages
    line: int
    url: str


def external_links(site: Site, markup: Markup) -> list[ExternalLink]:
    """Every http(s) link and image in page bodies, and every front-matter `url`, with its line."""
    found: list[ExternalLink] = []
    for doc in site.written():
        for element in markup.body_elements(doc.body):
            for name in ("href", "src"):
                url = (element.get(name) or "").strip()
                if (split_url(url) or urlsplit("")).scheme in ("http", "https"):
                    found.append(ExternalLink(doc.rel, body_line(doc, url), url))
        for name, url in front_matter_urls(doc.meta):
            if (split_url(url) or urlsplit("")).scheme in ("http", "https"):
                found.append(ExternalLink(doc.rel, doc.lines.get(name) or 1, url))
    return found


def front_matter_urls(value, prefix: str = ""):
    """(dotted field name, value) for every front-matter field named `url` or `*_url`, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if isinstance(item, str) and (key == "url" or str(key).endswith("_url")):
                yield name, item.strip()
            else:
                yield from front_matter_urls(item, name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from front_matter_urls(item, f"{prefix}.{index}")


@register
def check_links(site: Site, session) -> list[ContentError]:
    """Internal links and anchors resolve, and every image has alt text."""
    content_dir = _content_dir(site)
    errors: list[ContentError] = []
    cache: dict = {}
    for doc in site.bodies():
        errors.extend(check_document_links(site, doc, content_dir, session, cache))
    return errors


def _content_dir(site: Site) -> Path | None:
    return site.content_dir
