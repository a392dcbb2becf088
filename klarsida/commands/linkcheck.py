"""`klarsida linkcheck`: are the external links in the content still alive? Needs the internet.

Opt-in (`make linkcheck`), not part of `make test`: CI has no network, and other people's sites
going down must not fail our build. Internal links and anchors are checked in every build instead.
Each address is asked once (HEAD, then GET where a server refuses HEAD); dead links are reported
by page and line. Exit code 1 when a link is dead, 0 when all are alive.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentInvalid
from ..links import ExternalLink, external_links
from ..project import ProjectNotFound, load_project
from ..session import Session
from ..settings import SettingsInvalid

NAME = "linkcheck"
HELP = "Kontrollera att externa länkar fungerar; kräver internet (check that external links work; needs the internet)."
USER_AGENT = "klarsida-linkcheck/1"
# Servers that refuse HEAD say so with one of these; ask again with GET before calling a link dead.
RETRY_WITH_GET = {400, 403, 405, 501}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="webbplatsens inställningsfil (standard: närmaste uppåt) / the site's configuration file (default: nearest upwards)")
    parser.add_argument("--timeout", type=float, default=15.0, help="sekunder per länk / seconds per link (15)")
    parser.add_argument("--workers", type=int, default=4, help="länkar som kontrolleras samtidigt / links checked at once (4)")


@dataclass(frozen=True)
class Result:
    url: str
    ok: bool
    reason: str


def probe(url: str, timeout: float) -> Result:
    """Ask for `url` the way a browser would follow a link; redirects are followed."""
    status = None
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Result(url, True, str(response.status))
        except urllib.error.HTTPError as exc:
            status = exc.code
            exc.close()
            if method == "HEAD" and exc.code in RETRY_WITH_GET:
                continue
            return Result(url, False, f"HTTP {exc.code} {exc.reason}")
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return Result(url, False, f"{type(reason).__name__}: {reason}" if str(reason) else type(reason).__name__)
    return Result(url, False, f"HTTP {status}")


def check(links: list[ExternalLink], timeout: float, workers: int) -> dict[str, Result]:
    urls = sorted({link.url for link in links})
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return dict(zip(urls, pool.map(lambda url: probe(url, timeout), urls)))


def report(links: list[ExternalLink], results: dict[str, Result]) -> tuple[str, int]:
    """The dead links grouped by page, and how many there are."""
    dead_by_page: dict[str, list[ExternalLink]] = defaultdict(list)
    for link in sorted(set(links), key=lambda item: (item.path, item.line, item.url)):
        if not results[link.url].ok:
            dead_by_page[link.path].append(link)
    lines = []
    for path in sorted(dead_by_page):
        lines.append(f"{path}:")
        for link in dead_by_page[path]:
            lines.append(f"  rad {link.line}: {link.url} fungerar inte ({results[link.url].reason}). "
                         "Byt till en adress som fungerar, eller ta bort länken.")
            lines.append(f"    (en) line {link.line}: {link.url} is dead ({results[link.url].reason}). "
                         "Change it to an address that works, or remove the link.")
    return "\n".join(lines), sum(len(items) for items in dead_by_page.values())


def run(args: argparse.Namespace) -> int:
    try:
        project = load_project(args.config)
        session = Session(project)
    except (ProjectNotFound, SettingsInvalid) as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        site = session.read_site()
    except ContentInvalid as exc:
        print(exc, file=sys.stderr)
        return 1
    links = external_links(site, session.markup)
    results = check(links, args.timeout, args.workers)
    text, dead = report(links, results)
    pages = len({link.path for link in links})
    if text:
        print(text)
    sidor, pages_en = ("sida", "page") if pages == 1 else ("sidor", "pages")
    print(f"Externa länkar: {len(results)} adresser på {pages} {sidor}, {dead} fungerar inte. "
          f"(en) External links: {len(results)} addresses on {pages} {pages_en}, {dead} dead.")
    return 1 if dead else 0
