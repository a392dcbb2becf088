"""`klarsida linkcheck` against a local HTTP server (CI has no network; nothing leaves 127.0.0.1)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from klarsida import cli


class Handler(BaseHTTPRequestHandler):
    def _answer(self, body: bool):
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path == "/no-head":
            self.send_response(200)
        elif self.path == "/slow":
            time.sleep(2)
            self.send_response(200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def project(tree, base: str):
    return tree({
        "mkdocs.yml": "site_name: Test\ndocs_dir: content\n",
        "content/about.sv.md": f"""
            ---
            title: Om oss
            ---

            Läs [mer]({base}/ok) och [det flyttade]({base}/moved).

            Den här [finns inte]({base}/borta) och inte [den här]({base}/borta).
            """,
        "content/events/2018-08-23-film.sv.md": f"""
            ---
            title: Film
            start: 2018-08-23T17:30
            end: 2018-08-23T20:00
            place:
              name: Röda kvarn
              address: Karlsgatan 7, Helsingborg
            summary: Vi visar en film.
            registration:
              how: Anmäl dig på webben.
              url: {base}/anmalan
            ---

            Se [bilden]({base}/no-head) och ![Affisch]({base}/ok). Skriv till [oss](mailto:a@example.org).
            """,
    })


def test_dead_links_are_reported_once_by_page_and_line(tree, server, capsys):
    root = project(tree, server)
    code = cli.main(["linkcheck", "--config", str(root / "mkdocs.yml"), "--timeout", "5"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines() == [
        "content/about.sv.md:",
        f"  rad 7: {server}/borta fungerar inte (HTTP 404 Not Found). Byt till en adress som fungerar, eller ta bort länken.",
        f"    (en) line 7: {server}/borta is dead (HTTP 404 Not Found). Change it to an address that works, or remove the link.",
        "content/events/2018-08-23-film.sv.md:",
        f"  rad 11: {server}/anmalan fungerar inte (HTTP 404 Not Found). Byt till en adress som fungerar, eller ta bort länken.",
        f"    (en) line 11: {server}/anmalan is dead (HTTP 404 Not Found). Change it to an address that works, or remove the link.",
        "Externa länkar: 5 adresser på 2 sidor, 2 fungerar inte. (en) External links: 5 addresses on 2 pages, 2 dead.",
    ]


def test_all_alive_exits_zero(tree, server, capsys):
    root = tree({
        "mkdocs.yml": "site_name: Test\ndocs_dir: content\n",
        "content/index.sv.md": f"[Ja]({server}/ok) [Flyttad]({server}/moved) [Bara GET]({server}/no-head)\n",
    })
    assert cli.main(["linkcheck", "--config", str(root / "mkdocs.yml")]) == 0
    assert "3 adresser på 1 sida, 0 fungerar inte" in capsys.readouterr().out


def test_timeouts_and_refused_connections_count_as_dead(tree, server, capsys):
    with ThreadingHTTPServer(("127.0.0.1", 0), Handler) as closed:
        free_port = closed.server_address[1]  # closed again at once: nothing listens there
    root = tree({
        "mkdocs.yml": "site_name: Test\ndocs_dir: content\n",
        "content/index.sv.md": f"[Seg]({server}/slow)\n\n[Stängd](http://127.0.0.1:{free_port}/)\n",
    })
    code = cli.main(["linkcheck", "--config", str(root / "mkdocs.yml"), "--timeout", "0.5"])
    out = capsys.readouterr().out
    assert code == 1
    assert f"rad 1: {server}/slow fungerar inte (" in out
    assert f"rad 3: http://127.0.0.1:{free_port}/ fungerar inte (" in out
    assert "2 fungerar inte" in out
    assert "Traceback" not in out
