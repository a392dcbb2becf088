"""Privacy: no request to another host, from any page, with search used and both colour schemes."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from .support import load

# Everything the HTML itself asks the browser to fetch or connect to (preconnect opens a connection
# without a request Playwright would see).
RESOURCE_URLS = """() => [
  ...[...document.querySelectorAll('link[href]')].filter(l => l.rel !== 'alternate' && l.rel !== 'canonical').map(l => l.href),
  ...[...document.querySelectorAll('script[src], img[src], iframe[src], source[src], video[src], audio[src], embed[src]')].map(e => e.src),
  ...[...document.querySelectorAll('img[srcset], source[srcset]')].flatMap(e => e.srcset.split(',').map(s => new URL(s.trim().split(' ')[0], location.href).href)),
  ...[...document.querySelectorAll('object[data]')].map(e => e.data),
]"""


def test_no_requests_to_other_hosts(new_page, base_url, site_pages, offsite_requests, record_tested):
    """Walks every page here; `offsite_requests` adds what every other browser test loaded (all
    configurations: dark, narrow, no JavaScript, print), as they record into it too."""
    host = urlsplit(base_url).netloc
    seen, failures = set(), []
    page = new_page()
    page.on("request", lambda request: seen.add(request.url))
    for path in site_pages:
        load(page, base_url, path)
        for url in page.evaluate(RESOURCE_URLS):
            if urlsplit(urljoin(base_url, url)).netloc != host:
                failures.append(f"/{path} links a resource on another host: {url}")
    # Search loads its index and a worker: use it once, on the home page.
    load(page, base_url, "")
    page.focus(".md-search__input")
    page.keyboard.type("Våryra")
    page.wait_for_selector(".md-search-result__item a[href*='varyra']")
    page.wait_for_load_state("networkidle")
    record_tested(site_pages)
    assert len(seen) > len(site_pages), "requests were not recorded"
    offsite = sorted({u for u in seen if urlsplit(u).netloc != host} | set(offsite_requests))
    assert not offsite, "requests to other hosts:\n" + "\n".join(offsite)
    assert not failures, "\n".join(failures)
