"""Is the built site ready to publish at its real address?

`site_url` (one place: the site's configuration file, named by the project) is what every absolute
address of the site is made from: the canonical links and language alternates, the calendars' and
feeds' links, the sitemap and robots.txt. While it is a placeholder (`https://example.org/klarsida/`)
every one of them points to a host that is not the site's; the publish workflow runs
`klarsida address site` after the build and deploys nothing while this finds a problem.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

# Names reserved for examples and tests (RFC 2606, RFC 6761): never a published site's address.
RESERVED_HOSTS = re.compile(
    r"^(?:(?:[a-z0-9-]+\.)*example(?:\.(?:com|net|org))?|(?:[a-z0-9-]+\.)*(?:test|invalid|localhost)"
    r"|localhost|127(?:\.\d{1,3}){3})$"
)
# The built files that hold the site's own addresses.
SCANNED = {".html", ".xml", ".ics", ".txt", ".json"}
FIX_SV = ("Skriv webbplatsens riktiga adress som site_url i {config}, till exempel "
          "site_url: https://<namn>.github.io/klarsida/ på GitHub Pages.")
FIX_EN = "Set the site's real address as site_url in {config} (README, Publishing; docs/maintainers.md)."


def is_placeholder(url: str | None) -> bool:
    if not url:
        return True
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme != "https" or not host or bool(RESERVED_HOSTS.match(host))


def problems(site_url: str | None, built: Path, config: str = "the configuration") -> list[str]:
    """Every reason not to publish the `built` folder, in Swedish and English; empty when it is ready."""
    found = []
    if is_placeholder(site_url):
        found.append(
            f"site_url är {site_url or 'inte satt'}, inte webbplatsens riktiga https-adress. "
            f"{FIX_SV.format(config=config)}\n"
            f"    (en) site_url is {site_url or 'not set'}, not the site's real https address. {FIX_EN.format(config=config)}"
        )
    host = (urlsplit(site_url).hostname or "").lower() if site_url else ""
    if host and is_placeholder(site_url) and Path(built).is_dir():
        pattern = re.compile(r"https?://" + re.escape(host) + r"\b", re.I)
        files = sorted(p for p in Path(built).rglob("*") if p.suffix in SCANNED and p.is_file())
        hits = [p for p in files if pattern.search(p.read_text(encoding="utf-8", errors="replace"))]
        if hits:
            shown = ", ".join(str(p.relative_to(built)) for p in hits[:5])
            found.append(
                f"{len(hits)} av de byggda filerna länkar till {host} ({shown}{', …' if len(hits) > 5 else ''}).\n"
                f"    (en) {len(hits)} built files link to {host}."
            )
    return found
