"""The README's phone screenshots: the start page and the film screening's page at 360×640, from
a site built with "now" pinned to 14 June 2018 (as the tests build it), in Chromium.

    python docs/images/screenshots.py [SITE_DIR]

Without SITE_DIR the site is built into a temporary folder first. Writes docs/images/*.png.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from datetime import datetime, timezone
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
PINNED_EPOCH = "1528970400"  # 14 June 2018 12:00 Stockholm, as tests/conftest.py
SHOTS = {"phone-start.png": "", "phone-event.png": "events/2018-08-23-i-daniel-blake/"}


def build(site_dir: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run([str(mkdocs), "build", "--strict", "--site-dir", str(site_dir)], cwd=REPO, env=env, check=True,
                   capture_output=True)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    tmp = None
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        tmp = Path(tempfile.mkdtemp())
        site = tmp / "site"
        build(site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or shutil.which("chromium-browser"))
            context = browser.new_context(viewport={"width": 360, "height": 640}, color_scheme="light")
            page = context.new_page()
            page.clock.set_fixed_time(datetime.fromtimestamp(int(PINNED_EPOCH), timezone.utc))
            for name, path in SHOTS.items():
                page.goto(base + path)
                page.screenshot(path=str(OUT / name))
                print(f"wrote {OUT / name}")
            browser.close()
    finally:
        server.shutdown()
        if tmp:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
