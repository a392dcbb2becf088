"""Two validators besides axe (issue 15): the W3C Nu HTML Checker and HTML_CodeSniffer (WCAG 2 AA).

axe alone found nothing while these two found 78 and 87 errors on the same 35 pages (Material's
checkboxes with `autocomplete`, a `<label for="__toc">` without its control, forms without a submit
button, an unnamed checkbox, a skip link to a missing target on the 404 page): one engine is not
enough. Both run on every page of the built site, both languages, the 404 page and review mode too.

- The Nu checker (npm package `vnu-jar`, run with `java -jar`) checks every HTML file of the built
  site and of a review-mode build in ONE run: starting Java is most of its time (one run over 70
  files took 8-10 s, about as long as a run over one).
- HTML_CodeSniffer (npm package `html_codesniffer`, HTMLCS.js) runs inside each page in Chromium,
  with the page's styles and scripts applied, in the light and the dark colour scheme: it checks
  colour contrast as it is shown. Errors count (its type 1); warnings and notices ask a person to
  judge and are not counted.

Both are pinned in package-lock.json and installed by `make validators` (part of `make test`):
nothing is downloaded while the tests run. Without them the tests fail and say how to get them.
"""

from __future__ import annotations

import json
import mimetypes
import re
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import serve, sitemap_paths
from .support import load

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTMLCS_JS = NODE_MODULES / "html_codesniffer" / "build" / "HTMLCS.js"
HOW_TO_INSTALL = ("Run `make validators` (part of `make test`): it installs the npm packages pinned in "
                  "package-lock.json and, when missing, Debian's default-jre-headless and npm.")

# Nu checker messages left out: {regular expression matching the message: reason}. None today.
NU_EXCEPTIONS: dict[str, str] = {}

# HTML_CodeSniffer errors left out: {(message code, CSS-like element description): reason}, the
# element as `describe` below writes it. None today.
HTMLCS_EXCEPTIONS: dict[tuple[str, str], str] = {}

# HTMLCS.process(standard, document, done, failed, language): errors (type 1) with what they are about.
HTMLCS_RUN = """() => new Promise((resolve, reject) => {
  const describe = el => {
    if (!el || !el.tagName) return String(el && el.nodeName)
    const classes = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : ""
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + classes
  }
  HTMLCS.process("WCAG2AA", document, () => resolve(HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR).map(m => ({
    code: m.code, message: m.msg, element: describe(m.element),
    html: m.element && m.element.outerHTML ? m.element.outerHTML.slice(0, 200) : "",
  }))), () => reject(new Error("HTML_CodeSniffer could not run")), "en")
})"""


def test_every_exception_has_a_reason():
    for pattern, reason in NU_EXCEPTIONS.items():
        assert pattern and len(reason.split()) >= 5, f"Nu checker exception {pattern!r} needs a written reason"
    for (code, element), reason in HTMLCS_EXCEPTIONS.items():
        assert code and element and len(reason.split()) >= 5, f"HTML_CodeSniffer exception {code} needs a written reason"


def test_the_validators_are_the_pinned_versions():
    """node_modules holds what package-lock.json pins (`make validators` reinstalls when the lock changes)."""
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    for name in ("vnu-jar", "html_codesniffer"):
        pinned = lock["packages"][f"node_modules/{name}"]["version"]
        assert pinned == json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"][name]
        installed = NODE_MODULES / name / "package.json"
        if not installed.is_file():
            pytest.fail(f"npm package {name} is not installed. {HOW_TO_INSTALL}", pytrace=False)
        version = json.loads(installed.read_text(encoding="utf-8"))["version"]
        assert version == pinned, f"{name} {version} is installed, package-lock.json pins {pinned}. {HOW_TO_INSTALL}"


@pytest.fixture(scope="session")
def review_site(tmp_path_factory) -> Path:
    """The real site built in review mode (KLARSIDA_REVIEW=1, what `make review` serves)."""
    from ..conftest import mkdocs_build

    site_dir = tmp_path_factory.mktemp("review_site")
    result = mkdocs_build(site_dir, extra_env={"KLARSIDA_REVIEW": "1"})
    assert result.returncode == 0, f"the site did not build in review mode:\n{result.stdout}\n{result.stderr}"
    return site_dir


def html_files(site_dir: Path) -> list[Path]:
    """Every HTML file of a built site, after checking that every page of its sitemap is among them."""
    files = sorted(site_dir.rglob("*.html"))
    pages = {site_dir / path / "index.html" for path in sitemap_paths(site_dir)}
    assert pages <= set(files), f"pages in sitemap.xml without a file: {sorted(pages - set(files))}"
    assert (site_dir / "404.html") in files
    return files


def test_nu_html_checker(built_site, review_site, record_tested):
    """The W3C Nu HTML Checker finds no error on any HTML file of the site, normal or review mode."""
    java = shutil.which("java")
    if not java:
        pytest.fail(f"No Java for the Nu HTML Checker. {HOW_TO_INSTALL}", pytrace=False)
    if not VNU_JAR.is_file():
        pytest.fail(f"No Nu HTML Checker ({VNU_JAR.relative_to(REPO)}). {HOW_TO_INSTALL}", pytrace=False)
    sites = {"": built_site, "review mode: ": review_site}
    files = {file: label + "/" + file.relative_to(site).as_posix() for label, site in sites.items() for file in html_files(site)}
    started = time.monotonic()
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always", *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    seconds = time.monotonic() - started
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"The Nu HTML Checker gave no report (exit {result.returncode}):\n{result.stdout[:2000]}\n{result.stderr[:2000]}")
    by_path = {"file:" + str(file): name for file, name in files.items()}  # vnu's "url" of a file
    failures, warnings = [], []
    for m in messages:
        where = f"{by_path.get(m.get('url'), m.get('url'))} line {m.get('lastLine', '?')}"
        text = f"{where}: {m['message']} {m.get('extract', '').strip()[:160]!r}"
        if any(re.search(pattern, m["message"]) for pattern in NU_EXCEPTIONS):
            continue
        if m["type"] == "info":
            warnings.append(text)
        else:  # "error", and "non-document-error" (a file it could not read)
            failures.append(text)
    record_tested(sitemap_paths(built_site))
    print(f"Nu HTML Checker: {len(files)} files in {seconds:.1f} s, {len(failures)} errors, {len(warnings)} warnings")
    print("\n".join(warnings))
    assert not failures, f"{len(failures)} Nu HTML Checker errors:\n" + "\n".join(failures)


def _site_root(site_dir: Path) -> str:
    """The path the site is published under ("/klarsida/" for https://example.org/klarsida/)."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    return min((urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)), key=len)


def _as_published(page, site_dir: Path) -> str:
    """Serve the site under its published path, as GitHub Pages does: a missing address gets the
    nearest 404.html with status 404. The 404 page links its files from the site's root path
    (/klarsida/assets/...), because it is shown at any address. Returns that root path."""
    root = _site_root(site_dir)

    def fulfil(route):
        rel = unquote(urlsplit(route.request.url).path)[len(root):]
        file = site_dir / rel
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            route.fulfill(status=200, path=str(file), content_type=mimetypes.guess_type(file.name)[0])
            return
        folder = (site_dir / rel).parent
        while folder != site_dir and not (folder / "404.html").is_file():
            folder = folder.parent
        route.fulfill(status=404, path=str(folder / "404.html"), content_type="text/html")

    page.route(re.compile(r"^https?://[^/]+" + re.escape(root)), fulfil)
    return root


def _htmlcs_errors(page, label: str) -> list[str]:
    page.add_script_tag(path=str(HTMLCS_JS))
    failures = []
    for m in page.evaluate(HTMLCS_RUN):
        if (m["code"], m["element"]) in HTMLCS_EXCEPTIONS:
            continue
        failures.append(f"{label} {m['code']} at {m['element']}: {m['message'][:200]} {m['html'][:120]!r}")
    return failures


@pytest.fixture(scope="module")
def htmlcs_present():
    if not HTMLCS_JS.is_file():
        pytest.fail(f"No HTML_CodeSniffer ({HTMLCS_JS.relative_to(REPO)}). {HOW_TO_INSTALL}", pytrace=False)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_html_codesniffer_wcag2aa(htmlcs_present, new_page, base_url, built_site, site_pages, record_tested, scheme):
    """HTML_CodeSniffer (WCAG 2 AA) finds no error on any page of sitemap.xml, nor on the 404 page."""
    page = new_page(scheme=scheme)
    started = time.monotonic()
    failures = []
    for path in site_pages:
        load(page, base_url, path)
        failures += _htmlcs_errors(page, f"/{path}")
    root = _as_published(page, built_site)
    not_found = sorted(p.relative_to(built_site).parent.as_posix() for p in built_site.rglob("404.html"))
    for folder in not_found:
        missing = base_url.rstrip("/") + root + ("" if folder == "." else folder + "/") + "ks-no-such-page/"
        response = page.goto(missing, wait_until="load")
        assert response is not None and response.status == 404, f"{missing}: not the 404 page"
        failures += _htmlcs_errors(page, f"404 page ({folder}/404.html)")
    record_tested(site_pages)
    print(f"HTML_CodeSniffer {scheme}: {len(site_pages) + len(not_found)} pages in {time.monotonic() - started:.1f} s")
    assert not failures, f"{len(failures)} HTML_CodeSniffer errors ({scheme}):\n" + "\n".join(failures)


def test_html_codesniffer_review_mode(htmlcs_present, playwright_browser, review_site, site_pages):
    """Review mode marks long sentences, passive voice and more in the text: still no error."""
    # A context of its own: the shared ones count requests to any other server as off-site.
    context = playwright_browser.new_context(viewport={"width": 1280, "height": 800})
    failures = []
    try:
        page = context.new_page()
        with serve(review_site) as url:
            for path in site_pages:
                load(page, url, path)
                failures += _htmlcs_errors(page, f"review mode /{path}")
    finally:
        context.close()
    assert not failures, f"{len(failures)} HTML_CodeSniffer errors in review mode:\n" + "\n".join(failures)


# Material's behaviour after the markup changes the validators asked for ------------------------------

SEARCH_HIT = ".md-search-result__item a[href*='2018-05-17-varyra']"


@pytest.mark.parametrize("bundle_loaded", [False, True], ids=["before-bundle", "after-bundle"])
def test_the_search_forms_submit_button_searches(new_page, base_url, bundle_loaded):
    """The visually hidden submit button (partials/search.html) is a real search: the page opens
    again with ?q=, and the search shows what was typed and what it found."""
    page = new_page(isolated=True)
    load(page, base_url, "about/")
    button = page.locator(".md-search__form button[type=submit]")
    assert button.get_attribute("tabindex") == "-1" and button.inner_text().strip() == "Sök"
    assert button.bounding_box()["width"] <= 1, "the submit button should not be seen"
    if bundle_loaded:
        page.click(".md-search__input")
        page.wait_for_function("document.documentElement.dataset.ksMaterial === 'loaded'")
    # Typed without focusing the field, as a screen reader's form mode may; then the button.
    page.evaluate("document.querySelector('.md-search__input').value = 'Våryra'")
    with page.expect_navigation():
        button.evaluate("b => b.click()")  # what a screen reader does; it is out of the Tab order
    assert page.url.endswith("/about/?q=V%C3%A5ryra"), page.url
    page.wait_for_selector(SEARCH_HIT, state="visible")
    assert page.input_value(".md-search__input") == "Våryra"


def test_restored_toggles_start_closed(new_page, base_url):
    """Firefox restores checkboxes on a reload; Material's autocomplete="off" stopped it, klarsida.js
    does now. Simulated: the boxes are checked as the parser inserts them, as Firefox would."""
    page = new_page(isolated=True)
    page.add_init_script("""new MutationObserver(() => {
      for (const id of ["__drawer", "__search"]) {
        const box = document.getElementById(id)
        if (box && !box.dataset.restored) { box.checked = true; box.dataset.restored = "1" }
      }
    }).observe(document, {childList: true, subtree: true})""")
    load(page, base_url, "about/")
    restored = page.evaluate("[...document.querySelectorAll('[data-restored]')].map(b => [b.id, b.checked])")
    assert restored == [["__drawer", False], ["__search", False]]
    assert page.get_attribute("button[data-ks-for='__drawer']", "aria-expanded") == "false"


def test_toc_labels_and_checkbox_come_in_pairs(built_site, site_pages):
    """`label for="__toc"` only where the `__toc` checkbox is, and the checkbox only with a label
    (partials/nav-item.html, partials/toc.html)."""
    failures, pairs = [], 0
    for path in site_pages:
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        boxes, labels = html.count('id="__toc"'), html.count('for="__toc"')
        if (boxes == 0) != (labels == 0) or boxes > 1:
            failures.append(f"/{path}: {boxes} __toc checkboxes, {labels} labels for it")
        pairs += boxes
    assert pairs, "no page has a table of contents to toggle: the test checks nothing"
    assert not failures, "\n".join(failures)
