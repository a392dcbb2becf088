"""HTML in page bodies: an allowlist applied to what browsers will see.

A page body is Markdown, and Markdown lets editors write HTML. The site needs a little of it
(tables, an expandable box, a language change), and nothing that runs code, loads files from another
host (a tracking pixel, a style sheet, a font) or sends what readers type elsewhere (a form asking
for a personal identity number). So the rule is an allowlist, ALLOWLIST below, the one place that
says which tags, attributes, attribute values and addresses a body may hold.

The allowlist is applied to the body as browsers read it. The body is rendered with the site's
Markdown extensions (the session's klarsida.markup), so Markdown links, reference links and attr_list
attributes are checked exactly like raw HTML. Then nh3 (ammonia over html5ever, an HTML5 parser:
the algorithm every browser implements, foreign content, comments, raw-text elements and all)
reads that HTML twice:

- `browser_view`: everything kept, so html5ever's serialization of the tree a browser builds;
- `allowed_html`: the same tree with the allowlist applied.

Any difference is something the allowlist would remove or rewrite, and it is an error of
`klarsida check` and of the build, named in Swedish (and English) from the view's tags. Using one
parser for both sides means the two can never disagree about where a comment or a `<style>` ends.
Both passes parse the text as the inside of a `<div>`; two things such a fragment parse hides are
checked on the side: start tags the parser or the sanitizer drops without a trace (`<body onload>`
gives the whole page an attribute, `<set>` outside SVG is dropped with its content), and end tags
such as `</div>` that close the page's own boxes around the text (the view is parsed inside
sentinel boxes to see them). The tests hold the view to html5lib's tree and to the DOM Chromium
builds, case by case (tests/hostile/).

nh3 is compiled code: html5lib, the pure-Python HTML5 parser, is a test dependency only. Measured
(median of 5, this repository's 30 pages / 1,000 generated meeting pages): both readings and the
comparison take 8 ms / 0.34 s, about what html.parser took for the old blocklist (6 ms / 0.31 s)
and a fraction of the Markdown step before them (75 ms / 1.3 s); html5lib takes 1.9 s just to
parse the 1,000 pages once.

Front-matter URLs (registration.url, ...) are checked for code-running schemes as before.
"""

from __future__ import annotations

import html as htmllib
import re
import secrets
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from types import MappingProxyType

import nh3

from .checks import register
from .errors import ContentError
from .links import front_matter_urls
from .markup import Markup
from .model import Document
from .site import Site


@dataclass(frozen=True)
class Allowlist:
    """Which HTML a page body may hold once Markdown has made HTML of it."""

    tags: Mapping[str, frozenset[str]]  # tag -> attributes it may have besides `everywhere`
    everywhere: frozenset[str]  # attributes every allowed tag may have
    values: Mapping[str, re.Pattern]  # attribute -> what its whole value must look like (others: any text)
    link_schemes: frozenset[str]  # <a href>: an address with one of these schemes, or a relative one
    # <img src> takes a relative address only: no scheme, no host. Nothing is loaded from another host.
    # Alt text is required too; the link check (klarsida/links.py) says so, with its own message.

    def attributes(self, tag: str) -> frozenset[str]:
        return self.tags.get(tag, frozenset()) | self.everywhere


def _tags(groups: dict[str, str]) -> Mapping[str, frozenset[str]]:
    """{"h1,h2": "id title"}: tags sharing a set of attributes, as a read-only mapping."""
    return MappingProxyType({tag: frozenset(attrs.split()) for names, attrs in groups.items() for tag in names.split(",")})


ALLOWLIST = Allowlist(
    tags=_tags({
        # Text and structure; attr_list and the toc extension give any of them class and id.
        "h1,h2,h3,h4,h5,h6,p,br,hr,ul,li,dl,dt,dd,blockquote,figure,figcaption,summary": "",
        "ol": "start",
        "code,pre,kbd,samp,em,strong,b,i,small,sub,sup,mark,del,ins,s,abbr,span,div,section": "",
        "table,caption,thead,tbody,tfoot,tr": "",
        # The tables extension aligns columns with style="text-align: ..." (only that value).
        "th": "scope colspan rowspan style align",
        "td": "colspan rowspan style align",
        "details": "open",
        "time": "datetime",
        "a": "href rel",
        # role="presentation" or aria-hidden="true" marks a decorative image (alt="", links.py).
        "img": "src alt width height role aria-hidden",
    }),
    everywhere=frozenset({"class", "id", "lang", "dir", "title"}),
    values=MappingProxyType({
        "dir": re.compile(r"ltr|rtl|auto", re.I),
        "lang": re.compile(r"[a-z]{2,3}(-[a-z0-9]{1,8})*", re.I),
        "scope": re.compile(r"row|col|rowgroup|colgroup", re.I),
        "colspan": re.compile(r"[1-9][0-9]{0,2}"),
        "rowspan": re.compile(r"[0-9]{1,3}"),
        "start": re.compile(r"-?[0-9]{1,6}"),
        "width": re.compile(r"[0-9]{1,4}"),
        "height": re.compile(r"[0-9]{1,4}"),
        "open": re.compile(r"|open", re.I),
        "align": re.compile(r"left|center|right", re.I),
        "style": re.compile(r"text-align: (left|center|right);"),
        "rel": re.compile(r"\s*((nofollow|noopener|noreferrer|external|license|author|help|tag)(\s+|$))+", re.I),
        "role": re.compile(r"presentation|none"),
        "aria-hidden": re.compile(r"true|false"),
    }),
    link_schemes=frozenset({"http", "https", "mailto", "tel"}),
)

# What each kind of refused tag is, for the message (anything else gets the general one).
CODE_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta",
                       "portal", "fencedframe", "param"})
FOREIGN_TAGS = frozenset({"svg", "math"})
STYLE_TAGS = frozenset({"style", "link", "font"})
FORM_TAGS = frozenset({"form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset",
                       "legend", "output", "datalist", "isindex", "keygen", "selectedcontent"})
MEDIA_TAGS = frozenset({"video", "audio", "source", "track", "picture", "canvas", "map", "area", "image", "bgsound"})
RAW_TEXT_TAGS = frozenset({"title", "noscript", "xmp", "noembed", "noframes", "plaintext", "template", "listing"})
PAGE_TAGS = frozenset({"html", "body", "head"})
# Their content is the browser's business, not the page's: the tag is reported, not what is inside.
WHOLE_TAGS = FOREIGN_TAGS | RAW_TEXT_TAGS | CODE_TAGS | STYLE_TAGS | {"textarea", "select"}
# Attributes whose value is an address a browser loads (other than <a href> and <img src>).
LOADING_ATTRIBUTES = frozenset({"srcset", "src", "href", "background", "poster", "data", "action", "formaction",
                                "ping", "lowsrc", "dynsrc", "longdesc", "cite", "codebase", "archive", "manifest",
                                "imagesrcset", "xlink:href"})

UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
# Front matter only: inline images are harmless there; other data: URLs (text/html) can carry scripts.
SAFE_DATA = re.compile(r"^data:image/(png|jpe?g|gif|webp|avif);", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
# How the URL standard reads an address: C0 controls and spaces around it go, tabs and newlines
# anywhere go, and a scheme is a letter, then letters, digits, + - ., then a colon.
_URL_EDGES = "".join(chr(c) for c in range(0x21))
_URL_DROPPED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# Runs of such characters that end in a colon, from their first character only (linear time).
_SCHEME_RUN = re.compile(r"(?<![A-Za-z0-9+.\-\t\n\r])([A-Za-z0-9+.\-\t\n\r]+):")
# A start tag as the HTML tokenizer sees it: `<`, a letter, then anything up to whitespace, / or >.
_START_TAG = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ\x00", "abcdefghijklmnopqrstuvwxyz\ufffd")
# The boxes the view is parsed inside, standing for the page around the text: an unmatched end tag
# of one of these in the text closes the page's own box in a browser.
SENTINELS = ("main", "article", "section", "div")
# SVG's mixed-case element names (the HTML standard's table), so the view keeps them too.
_SVG_NAMES = ("altGlyph altGlyphDef altGlyphItem animateColor animateMotion animateTransform clipPath feBlend "
              "feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap "
              "feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge "
              "feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence "
              "foreignObject glyphRef linearGradient radialGradient textPath").split()
# Elements the parser makes without a start tag of that name (<image> becomes <img>, </p> a <p>).
_IMPLIED = ("html", "head", "body", "tbody", "tr", "colgroup", "p", "br", "img", "svg", "math")
# Every tag the view keeps besides those the text names.
VIEW_TAGS = frozenset({*ALLOWLIST.tags, *_SVG_NAMES, *_IMPLIED, *SENTINELS, *CODE_TAGS, *FOREIGN_TAGS,
                       *STYLE_TAGS, *FORM_TAGS, *MEDIA_TAGS, *RAW_TEXT_TAGS})
# Every attribute the view keeps: names start with one of these (the tokenizer lowercases ASCII and
# makes NUL U+FFFD). Names starting with another character mean nothing to a browser.
VIEW_PREFIXES = frozenset({chr(c) for c in range(0x80)} | {"\ufffd"})
# End tags that can close a sentinel (and a box of the page around the text).
_CLOSERS = re.compile(r"</(?:main|article|section|div)(?:[\t\n\f\r />]|$)", re.I)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr", "keygen", "param", "basefont", "bgsound", "frame"})


# The allowlist's verdicts ------------------------------------------------------------------------

def url_scheme(value: str) -> str | None:
    """The scheme of an address as browsers read it (`JAVA\\tSCRIPT:x` -> "javascript"), or None."""
    squeezed = _URL_DROPPED.sub("", value.strip(_URL_EDGES))
    match = _SCHEME.match(squeezed)
    return match.group(1).lower() if match else None


def other_host(value: str) -> bool:
    """A relative-looking address that names a host (`//evil.example/x`, `\\\\evil.example/x`)."""
    squeezed = _URL_DROPPED.sub("", value.strip(_URL_EDGES)).replace("\\", "/")
    return squeezed.startswith("//")


def unsafe_url(value: str) -> str | None:
    """The scheme that makes `value` run code (`javascript:`, ...), or None for a harmless URL."""
    squeezed = _INVISIBLE.sub("", value).lower()
    for scheme in UNSAFE_SCHEMES:
        if squeezed.startswith(scheme):
            if scheme == "data:" and SAFE_DATA.match(squeezed):
                return None
            return scheme
    return None


def attribute_verdict(tag: str, name: str, value: str) -> str | None:
    """Why the allowlist refuses `name="value"` on an allowed `tag` (a kind of problem), or None."""
    if name not in ALLOWLIST.attributes(tag):
        if name.startswith("on"):
            return "handler"
        if name == "style":
            return "style"
        return "loads" if name in LOADING_ATTRIBUTES else "attribute"
    if tag == "a" and name == "href":
        scheme = url_scheme(value)
        if scheme is None or scheme in ALLOWLIST.link_schemes:
            return None
        return "link-code" if f"{scheme}:" in UNSAFE_SCHEMES else "link-scheme"
    if tag == "img" and name == "src":
        scheme = url_scheme(value)
        if scheme is None:
            return "image-host" if other_host(value) else None
        if scheme in ("http", "https"):
            return "image-host"
        if scheme == "data":
            return "image-data"
        return "image-code" if f"{scheme}:" in UNSAFE_SCHEMES else "image-scheme"
    pattern = ALLOWLIST.values.get(name)
    if pattern is not None and not pattern.fullmatch(value):
        return "style" if name == "style" else "value"
    return None


def _keep(tag: str, name: str, value: str) -> str | None:
    return value if attribute_verdict(tag, name, value) is None else None


# The two readings --------------------------------------------------------------------------------

# The allowlist as a sanitizer, configured once (it keeps nothing between texts).
ALLOWLIST_CLEANER = nh3.Cleaner(
    tags=set(ALLOWLIST.tags),
    clean_content_tags={"script", "style"},
    attributes={tag: set(ALLOWLIST.attributes(tag)) for tag in ALLOWLIST.tags},
    attribute_filter=_keep,
    url_schemes=set(ALLOWLIST.link_schemes),
    strip_comments=False,  # a comment is inert once read as browsers read it; editors leave notes
    link_rel=None,
)


def allowed_html(html: str) -> str:
    """`html` with the allowlist applied (html5ever's serialization of what is left)."""
    return ALLOWLIST_CLEANER.clean(html)


def start_tag_names(html: str) -> Counter:
    """How many start tags of each name the text holds, read as the tokenizer does (lowercase)."""
    return Counter(name.translate(_ASCII_LOWER) for name in _START_TAG.findall(html))


def _schemes(html: str) -> set[str]:
    """Every scheme an address in `html` could have, entities decoded (a superset).

    An attribute value starts after `=`, a quote or a space, none of which can be part of a scheme,
    so the scheme of any address is a whole run of scheme characters (tabs and newlines, which the
    URL standard removes, included) followed by a colon, in the text or in the text decoded."""
    found = {"http", "https", "mailto", "tel", "javascript", "vbscript", "data"}
    for text in (html, htmllib.unescape(html) if "&" in html else ""):
        for run in _SCHEME_RUN.findall(text):
            found.add(_URL_DROPPED.sub("", run).lower())
    return found


def _sentinels(token: str) -> tuple[str, str]:
    opening = "".join(f'<{tag} data-ks-sentinel="{token}">' for tag in SENTINELS)
    closing = "".join(f"</{tag}>" for tag in reversed(SENTINELS))
    return opening, closing


def browser_view(html: str, names: Counter | None = None, token: str = "") -> str:
    """html5ever's serialization of the tree browsers build from `html`, nothing removed.

    With a `token`, the text is parsed inside sentinel boxes (SENTINELS) marked with it, as a page
    holds it inside its own boxes. Kept: every tag (the names the text writes, and the parser's own),
    every attribute that means something to a browser (VIEW_PREFIXES), every address (any scheme the
    text could spell) and comments. ammonia still drops an element named like an SVG or MathML one
    outside SVG and MathML (`<set>`), content and all; `hidden_tags` finds those. Inside SVG and
    MathML it drops more, but those are refused as a whole.
    """
    names = start_tag_names(html) if names is None else names
    source = html
    if token:
        opening, closing = _sentinels(token)
        source = opening + html + closing
    return nh3.clean(
        source,
        tags=VIEW_TAGS | set(names),
        clean_content_tags=set(),
        attributes={},
        generic_attribute_prefixes=VIEW_PREFIXES,
        url_schemes=_schemes(html),
        strip_comments=False,
        link_rel=None,
    )


# Reading the view: tags and attributes in document order -----------------------------------------

@dataclass(frozen=True)
class Problem:
    kind: str  # "tag", "hidden", "closes", "handler", "style", "attribute", "loads", "value", "link-code", ...
    tag: str
    name: str = ""  # the attribute
    value: str = ""


class _View(HTMLParser):
    """Start tags of a view (html5ever's serialization) with the allowlist's verdicts."""

    # html5ever writes the text of these unescaped, as the source had it.
    CDATA_CONTENT_ELEMENTS = ("script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext")

    def __init__(self, token: str):
        super().__init__(convert_charrefs=True)
        self.token = token
        self.problems: list[Problem] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, is a sentinel)
        self.quiet_below: int | None = None  # inside a refused element whose content is not looked at
        self.opened = False  # the sentinels are open: the text has begun
        self.escaped: str | None = None  # the outermost sentinel an end tag of the text closed
        self.end_tags: Counter = Counter()  # end tags of sentinel names inside the text, before an escape

    def handle_starttag(self, tag, attrs):
        sentinel = bool(self.token) and ("data-ks-sentinel", self.token) in attrs
        if sentinel:
            self.opened = True
        else:
            self._content()
            if self.quiet_below is None:
                self._verdicts(tag, attrs)
        if tag in _VOID:
            return
        self.stack.append((tag, sentinel))
        if self.quiet_below is None and tag in WHOLE_TAGS and tag not in ALLOWLIST.tags:
            self.quiet_below = len(self.stack) - 1

    handle_startendtag = handle_starttag

    def _verdicts(self, tag, attrs):
        if tag not in ALLOWLIST.tags:
            self.problems.append(Problem("tag", tag))
            return
        for name, value in attrs:
            kind = attribute_verdict(tag, name, value or "")
            if kind:
                self.problems.append(Problem(kind, tag, name, value or ""))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                if self.escaped is None and tag in SENTINELS and not self.stack[index][1]:
                    self.end_tags[tag] += 1
                del self.stack[index:]
                if self.quiet_below is not None and len(self.stack) <= self.quiet_below:
                    self.quiet_below = None
                return

    def handle_data(self, data):
        if data.strip():
            self._content()

    def handle_comment(self, data):
        self._content()

    def _content(self):
        """Text or a tag of the text: it must sit inside every sentinel, as the text sits in the page."""
        if self.token and self.opened and self.escaped is None:
            open_sentinels = {tag for tag, sentinel in self.stack if sentinel}
            missing = [tag for tag in SENTINELS if tag not in open_sentinels]
            if missing:
                self.escaped = missing[0]


def read_view(view: str, token: str = "") -> _View:
    reader = _View(token)
    reader.feed(view)
    reader.close()
    return reader


@dataclass(frozen=True)
class Review:
    """What the allowlist changes in one rendered body, and the two readings it compared."""

    problems: tuple[Problem, ...]
    view: str  # browser_view (without the sentinels when nothing escaped them)
    allowed: str  # allowed_html
    end_tags: int = 0  # for "closes": end tags of that name the text matched itself before the stray one


def dropped_with_content(name: str) -> bool:
    """Whether the sanitizer drops an element of this name in HTML, content and all (`<set>`, `<mi>`):
    ammonia keeps SVG and MathML names out of HTML, where a browser makes an unknown element."""
    probe = nh3.clean(f"<{name}>ks</{name}>", tags={name}, clean_content_tags=set(), attributes={},
                      strip_comments=False, link_rel=None)
    return "ks" not in probe


def hidden_tags(html: str, names: Counter, view: str) -> Counter:
    """Refused start tags the text writes that the view does not show, though a browser would use
    them: `<html>` and `<body>` give the whole page their attributes (a fragment parser drops them),
    and an SVG or MathML name outside SVG and MathML is dropped with its content by the sanitizer."""
    shown = start_tag_names(view)
    hidden: Counter = Counter()
    for name, count in names.items():
        if name in ALLOWLIST.tags or count <= shown[name]:
            continue
        if name in ("html", "body") or dropped_with_content(name):
            hidden[name] = count - shown[name]
    return hidden


# In a view without comments and raw text, `<div` and `</div>` are tags and nothing else (html5ever
# escapes < in attribute values and text), so each sentinel's end can be found by counting.
_OPAQUE = re.compile(r"<!--|<(?:script|style|xmp|iframe|noembed|noframes|plaintext|noscript)[\s>]", re.I)
_SENTINEL_TAGS = tuple((tag, re.compile(rf"<(/?){tag}[\s>]")) for tag in SENTINELS)


def _escapes(view: str, opening: str, closing: str) -> bool:
    """Whether an end tag of the text may close a sentinel (False: surely not; True: read the view)."""
    if _OPAQUE.search(view) or not view.endswith(closing):
        return True
    end = len(view) - len(closing)
    for tag, pattern in _SENTINEL_TAGS:
        depth = 0
        for match in pattern.finditer(view, view.index(f"<{tag} ")):
            depth += -1 if match.group(1) else 1
            if depth == 0:
                if match.start() != end + closing.index(f"</{tag}>"):
                    return True
                break
    return False


def review(html: str) -> Review:
    """Compare `html` as browsers read it with what the allowlist keeps of it."""
    names = start_tag_names(html)
    token = secrets.token_hex(8)
    view = browser_view(html, names, token)
    allowed = allowed_html(html)
    opening, closing = _sentinels(token)
    inner = view[len(opening):-len(closing)] if view.startswith(opening) and view.endswith(closing) else None
    refused = any(name not in ALLOWLIST.tags for name in names)
    hidden = hidden_tags(html, names, view) if refused else Counter()
    if inner == allowed and not hidden and not (_CLOSERS.search(html) and _escapes(view, opening, closing)):
        return Review((), inner, allowed)
    try:
        reader = read_view(view, token)
    except Exception:  # noqa: BLE001 - html.parser gave up on the view: it must not let the text through
        return Review((Problem("changed", _first_difference(view, allowed)),), view, allowed)
    problems = list(reader.problems)
    problems += [Problem("hidden", name) for name in hidden for _ in range(hidden[name])]
    if reader.escaped:
        problems.append(Problem("closes", reader.escaped))
    if not problems and inner != allowed:
        problems.append(Problem("changed", _first_difference(inner if inner is not None else view, allowed)))
    shown = inner if inner is not None and not reader.escaped else view
    return Review(tuple(problems), shown, allowed, reader.end_tags[reader.escaped] if reader.escaped else 0)


def _first_difference(view: str, allowed: str) -> str:
    """The name of the tag where the two readings part (for a message when no rule names it)."""
    index = next((i for i, (a, b) in enumerate(zip(view, allowed)) if a != b), min(len(view), len(allowed)))
    start = view.rfind("<", 0, index + 1)
    match = re.match(r"</?([A-Za-z][^\s/>]*)", view[start:]) if start >= 0 else None
    return match.group(1).lower() if match else ""


# Messages -------------------------------------------------------------------------------------------

GUIDE = "Se avsnittet \"Vilken HTML du kan använda\" i guiden för redaktörer."
GUIDE_EN = "See the section \"Vilken HTML du kan använda\" in the editors' guide (docs/redaktorer.md)."
IMAGE_EXAMPLE = "![Gruppen samlad utanför Röda kvarn](bilder/gruppen.jpg)"
LINK_EXAMPLE = "[Läs mer](https://helsingborg.se/)"
# Allowed values, for the message about a value.
VALUE_HINTS = {
    "dir": ("ltr, rtl eller auto", "ltr, rtl or auto"),
    "lang": ("en språkkod, till exempel sv, en eller ar", "a language code such as sv, en or ar"),
    "scope": ("row, col, rowgroup eller colgroup", "row, col, rowgroup or colgroup"),
    "colspan": ("ett heltal, till exempel 2", "a whole number such as 2"),
    "rowspan": ("ett heltal, till exempel 2", "a whole number such as 2"),
    "start": ("ett heltal, till exempel 3", "a whole number such as 3"),
    "width": ("ett heltal (bildpunkter), till exempel 300", "a whole number (pixels) such as 300"),
    "height": ("ett heltal (bildpunkter), till exempel 200", "a whole number (pixels) such as 200"),
    "open": ("open eller inget värde", "open or no value"),
    "align": ("left, center eller right", "left, center or right"),
    "rel": ("nofollow, noopener, noreferrer, external, license, author, help eller tag",
            "nofollow, noopener, noreferrer, external, license, author, help or tag"),
    "role": ("presentation (för en bild som bara pryder)", "presentation (for an image that only decorates)"),
    "aria-hidden": ("true eller false", "true or false"),
}


VALUE_EXAMPLES = {
    "scope": '<th scope="col">Dag</th>', "colspan": '<td colspan="2">…</td>', "rowspan": '<td rowspan="2">…</td>',
    "start": '<ol start="3">…</ol>', "width": '<img src="bild.jpg" alt="…" width="300">',
    "height": '<img src="bild.jpg" alt="…" height="200">', "open": "<details open>…</details>",
    "align": '<td align="center">…</td>', "rel": '<a href="https://example.org/" rel="nofollow">…</a>',
    "role": '<img src="bilder/linje.png" alt="" role="presentation">',
    "aria-hidden": '<img src="bilder/linje.png" alt="" aria-hidden="true">',
}


def _tag_message(tag: str) -> tuple[str, str, str]:
    t = f"<{tag}>"
    if tag in CODE_TAGS:
        return (f"{t} är inte tillåtet i texten, eftersom det kan köra kod hos besökarna. "
                "Ta bort det. Vill du visa något från en annan webbplats: skriv en vanlig länk.",
                f"{t} is not allowed in the text, because it can run code in visitors' browsers. "
                "Remove it. To show something from another website, write an ordinary link.",
                "[Se filmen hos Filminstitutet](https://www.filminstitutet.se/)")
    if tag in FOREIGN_TAGS:
        return (f"{t} är inte tillåtet i texten. Webbläsaren läser koden i {t} efter andra regler än vanlig text, "
                "och den kan köra kod eller hämta filer från andra webbplatser. Vill du visa en bild: "
                "spara den som en fil (.png eller .jpg) i content/ och visa den med Markdown.",
                f"{t} is not allowed in the text. Browsers read the code inside {t} by other rules than ordinary "
                "text, and it can run code or fetch files from other websites. To show a picture, save it as a "
                "file (.png or .jpg) in content/ and show it with Markdown.",
                "![Karta över vägen till Röda kvarn](bilder/karta.png)")
    if tag in STYLE_TAGS:
        return (f"{t} är inte tillåtet i texten. Sidorna har webbplatsens eget utseende, och en stilmall kan "
                "hämta filer från andra webbplatser. Ta bort det. Vill du framhäva något: skriv **fetstil**.",
                f"{t} is not allowed in the text. Pages have the website's own look, and a style sheet can fetch "
                "files from other websites. Remove it. To make something stand out, write **bold**.",
                "**Viktigt:** Mötet börjar klockan 18.")
    if tag == "button":
        return (f"{t} är inte tillåtet i texten. En knapp gör ingenting utan kod, och i ett formulär kan den skicka "
                "det som besökarna skriver till en annan webbplats. Vill du visa mer text när någon klickar: "
                "använd en utfällbar ruta.",
                f"{t} is not allowed in the text. A button does nothing without code, and in a form it can send what "
                "visitors type to another website. To show more text on a click, use an expandable box.",
                "<details><summary>Visa mer</summary>Text.</details>")
    if tag in FORM_TAGS:
        return (f"{t} är inte tillåtet i texten. Ett formulär kan skicka det som besökarna skriver, till exempel "
                "sitt personnummer, till en annan webbplats. Länka till kommunens e-tjänst i stället.",
                f"{t} is not allowed in the text. A form can send what visitors type, such as their personal "
                "identity number, to another website. Link to the municipality's e-service instead.",
                "[Anmäl dig i e-tjänsten](https://helsingborg.se/)")
    if tag in MEDIA_TAGS:
        return (f"{t} är inte tillåtet i texten. Det hämtar filer, ofta från andra webbplatser. Skriv en vanlig "
                "länk till filmen eller ljudet. En bild visar du med Markdown.",
                f"{t} is not allowed in the text. It fetches files, often from other websites. Write an ordinary "
                "link to the film or the sound. Show an image with Markdown.",
                "[Se filmen hos Filminstitutet](https://www.filminstitutet.se/)")
    if tag in RAW_TEXT_TAGS:
        return (f"{t} är inte tillåtet i texten. Webbläsaren läser det som står inuti på ett eget sätt, så "
                "besökarna kan få något annat än det du ser. Vill du visa kod: skriv den mellan bakåtfnuttar (`) "
                "eller i ett kodblock.",
                f"{t} is not allowed in the text. Browsers read what is inside it in their own way, so visitors "
                "may get something other than what you see. To show code, put it between backticks (`) or in a "
                "code block.",
                "`<b>fetstil</b>`")
    if tag in PAGE_TAGS:
        return (f"{t} är inte tillåtet i texten. Webbläsaren lägger det som står i {t} på hela sidan, och det kan "
                "köra kod. Ta bort det. Sidans början och slut gör webbplatsen själv.",
                f"{t} is not allowed in the text. Browsers apply what is written in {t} to the whole page, and it "
                "can run code. Remove it. The website makes the start and end of the page itself.",
                "# Om gruppen")
    return (f"{t} är inte tillåtet i texten. Du kan använda Markdown och enkel HTML för rubriker, text, listor, "
            f"tabeller, bilder och utfällbara rutor. {GUIDE}",
            f"{t} is not allowed in the text. You can use Markdown and simple HTML for headings, text, lists, "
            f"tables, images and expandable boxes. {GUIDE_EN}",
            "<details><summary>Mer om mötet</summary>Text.</details>")


def _attribute_message(problem: Problem) -> tuple[str, str, str]:
    tag, name, value = f"<{problem.tag}>", problem.name, problem.value
    kind = problem.kind
    if kind == "handler":
        return (f"Attributet {name} på {tag} kör kod i webbläsaren och är inte tillåtet. Ta bort det.",
                f"The attribute {name} on {tag} runs code in the browser and is not allowed. Remove it.",
                '<div class="ks-kolumner">…</div>')
    if kind == "style":
        return (f"Attributet style på {tag} är inte tillåtet. Sidorna har webbplatsens eget utseende, och style kan "
                "hämta filer från andra webbplatser. Ta bort det. Vill du framhäva något: skriv **fetstil**.",
                f"The attribute style on {tag} is not allowed. Pages have the website's own look, and style can "
                "fetch files from other websites. Remove it. To make something stand out, write **bold**.",
                "**Viktigt:** Mötet börjar klockan 18.")
    if kind == "loads":
        return (f"Attributet {name} på {tag} är inte tillåtet. Det kan hämta filer från andra webbplatser. "
                "Ta bort det. En bild visar du med Markdown.",
                f"The attribute {name} on {tag} is not allowed. It can fetch files from other websites. "
                "Remove it. Show an image with Markdown.",
                IMAGE_EXAMPLE)
    if kind == "value":
        sv_hint, en_hint = VALUE_HINTS.get(name, ("ett enklare värde", "a simpler value"))
        return (f"Värdet \"{value}\" på attributet {name} på {tag} är inte tillåtet. Skriv {sv_hint}.",
                f"The value \"{value}\" of the attribute {name} on {tag} is not allowed. Write {en_hint}.",
                VALUE_EXAMPLES.get(name, '<p lang="en" dir="ltr">…</p>'))
    if kind == "link-code":
        scheme = f"{url_scheme(value)}:"
        return (f"Länken börjar med {scheme} och kör kod i stället för att öppna en sida. "
                "Skriv en vanlig webbadress som börjar med https://.",
                f"The link starts with {scheme} and runs code instead of opening a page. "
                "Write an ordinary web address starting with https://.",
                LINK_EXAMPLE)
    if kind == "link-scheme":
        scheme = f"{url_scheme(value)}:"
        return (f"Länken börjar med {scheme}, och den sortens länk är inte tillåten. Skriv en webbadress som börjar "
                "med https://, en e-postadress med mailto: eller ett telefonnummer med tel:.",
                f"The link starts with {scheme}, and that kind of link is not allowed. Write a web address starting "
                "with https://, an email address with mailto: or a phone number with tel:.",
                "[Ring oss](tel:+4642100000)")
    if kind == "image-host":
        return (f"Bilden från en annan webbplats ({value.strip()}) är inte tillåten. Webbläsaren hämtar den därifrån "
                "när sidan visas, och då får den webbplatsen veta vem som läser sidan. Spara bilden i content/ och "
                "skriv sökvägen från sidan.",
                f"The image from another website ({value.strip()}) is not allowed. Browsers fetch it from there "
                "when the page is shown, and that website then learns who reads the page. Save the image in "
                "content/ and write its path from the page.",
                IMAGE_EXAMPLE)
    if kind == "image-data":
        return ("Bilden är inbäddad i texten som en data:-adress. Spara bilden som en fil i content/ och skriv "
                "sökvägen från sidan.",
                "The image is embedded in the text as a data: address. Save the image as a file in content/ and "
                "write its path from the page.",
                IMAGE_EXAMPLE)
    if kind == "image-code":
        scheme = f"{url_scheme(value)}:"
        return (f"Bildens adress börjar med {scheme} och kör kod i stället för att visa en bild. "
                "Spara bilden i content/ och skriv sökvägen från sidan.",
                f"The image's address starts with {scheme} and runs code instead of showing an image. "
                "Save the image in content/ and write its path from the page.",
                IMAGE_EXAMPLE)
    if kind == "image-scheme":
        return (f"Bildens adress {value.strip()} är inte tillåten. Spara bilden i content/ och skriv sökvägen "
                "från sidan.",
                f"The image's address {value.strip()} is not allowed. Save the image in content/ and write its path "
                "from the page.",
                IMAGE_EXAMPLE)
    allowed = ", ".join(sorted(ALLOWLIST.attributes(problem.tag)))
    return (f"Attributet {name} på {tag} är inte tillåtet. Ta bort det. På {tag} kan du använda: {allowed}.",
            f"The attribute {name} on {tag} is not allowed. Remove it. On {tag} you can use: {allowed}.",
            '<div class="ruta" id="mer">…</div>')


def message(problem: Problem) -> tuple[str, str, str]:
    """(Swedish, English, example) for one problem."""
    if problem.kind in ("tag", "hidden"):
        return _tag_message(problem.tag)
    if problem.kind == "closes":
        t = f"</{problem.tag}>"
        return (f"{t} stänger en ruta som inte öppnades i texten. Då hamnar resten av texten utanför sidans ruta, "
                f"på fel plats. Ta bort {t}, eller skriv <{problem.tag}> före.",
                f"{t} closes a box that was not opened in the text. The rest of the text then ends up outside the "
                f"page's box, in the wrong place. Remove {t}, or write <{problem.tag}> before it.",
                '<div class="ruta">Text</div>')
    if problem.kind == "changed":
        where = f" vid <{problem.tag}>" if problem.tag else ""
        where_en = f" at <{problem.tag}>" if problem.tag else ""
        return (f"Webbläsaren läser HTML-koden{where} på ett annat sätt än den ser ut, och det som blir kvar är inte "
                f"tillåtet. Skriv om den med Markdown eller enkel HTML. {GUIDE}",
                f"Browsers read the HTML{where_en} differently from how it looks, and what they get is not allowed. "
                f"Rewrite it with Markdown or simple HTML. {GUIDE_EN}",
                "<details><summary>Mer om mötet</summary>Text.</details>")
    return _attribute_message(problem)


# Lines ------------------------------------------------------------------------------------------------

class _Lines:
    """The file line of each problem: where the text the editor wrote (a tag, a URL) appears.

    The rendered HTML has no line numbers; like links.body_line, the text leads back to the line.
    The second problem found by the same words goes to their second occurrence, and so on.
    """

    def __init__(self, doc: Document):
        self.doc = doc
        self.lines = doc.body.lower().split("\n")
        self.used: Counter = Counter()

    def find(self, *needles: str, nth: int | None = None) -> int:
        for needle in needles:
            wanted = needle.lower()
            if not wanted:
                continue
            hits = [offset for offset, text in enumerate(self.lines) for _ in range(text.count(wanted))]
            if hits:
                index = self.used[wanted] if nth is None else nth
                self.used[wanted] += 1
                return self.doc.body_line + hits[min(index, len(hits) - 1)]
        return self.doc.body_line

    def of(self, problem: Problem, end_tags: int = 0) -> int:
        tag = f"<{problem.tag}"
        if problem.kind in ("tag", "hidden", "changed"):
            return self.find(tag, problem.tag)
        if problem.kind == "closes":
            return self.find(f"</{problem.tag}", nth=end_tags)
        value = problem.value.strip()
        if problem.kind.startswith(("link-", "image-")):
            scheme = url_scheme(value) or ""
            return self.find(value, value[:40], scheme, tag, "](")
        return self.find(problem.name, value, tag)


# The check --------------------------------------------------------------------------------------------

def check_document(doc: Document, markup: Markup) -> list[ContentError]:
    """Every change the allowlist would make to the page body as browsers read it, as an error."""
    result = review(markup.html(doc.body))
    if not result.problems:
        return []
    lines = _Lines(doc)
    errors: list[ContentError] = []
    seen: set[tuple[int, str]] = set()
    for problem in result.problems:
        line = lines.of(problem, result.end_tags)
        sv, en, example = message(problem)
        if (line, sv) not in seen:
            seen.add((line, sv))
            errors.append(ContentError(doc.rel, line, None, sv, en, example))
    return errors


def check_front_matter(doc: Document) -> list[ContentError]:
    """Front-matter links (e.g. registration.url) end up in href attributes: no javascript: there."""
    errors = []
    for name, value in front_matter_urls(doc.meta):
        if scheme := unsafe_url(value):
            errors.append(ContentError(
                doc.rel, doc.lines.get(name), name,
                f"Länken börjar med {scheme} och kör kod i stället för att öppna en sida. "
                "Skriv en vanlig webbadress som börjar med https://.",
                f"The link starts with {scheme} and runs code instead of opening a page. "
                "Write an ordinary web address starting with https://.",
                f"{name.rsplit('.', 1)[-1]}: https://helsingborg.se/anmalan",
            ))
    return errors


@register
def check_safety(site: Site, session) -> list[ContentError]:
    """Page bodies hold only the allowlist's HTML as browsers read it; no javascript: in front matter."""
    errors: list[ContentError] = []
    for doc in site.bodies():
        errors.extend(check_front_matter(doc))
        errors.extend(check_document(doc, session.markup))
    return errors
