"""`make bench`: build a synthetic archive at N = 100 and N = 1,000 and report what it costs.

For each N: our build time against plain Material + static-i18n on the same content (our hooks and
overrides off) and the ratio; seconds per page; the largest meeting page and largest other page;
total site size; time in readability scoring; peak memory. Then, once: the weight of an event page
measured in Chromium, and how fast `mkdocs serve` shows an edit at the largest N.
Medians of several runs. A benchmark, not a test: it prints figures and writes bench/results.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import REPO, generate, plain_config  # noqa: E402

VENV_BIN = Path(sys.executable).parent
EPOCH = "1790000000"  # 2026-09-21: a fixed "now" so both builds see the same upcoming events
ENV = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def timed_build(config: Path, site_dir: Path, cold: bool = True) -> tuple[float, float, dict]:
    """Wall seconds, peak resident memory (MB) of one `mkdocs build` in its own process (the
    second process included), and what readability cost it. cold: without the .cache/ of scores
    from earlier builds, as on CI's fresh clone; warm: with it, as on an editor's machine."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    if cold:
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    stats_file = config.parent / "build-stats.json"
    stats_file.unlink(missing_ok=True)
    log = config.parent / "build.log"  # a file, not a pipe: MkDocs lists every page not in the nav
    start = time.perf_counter()
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [str(VENV_BIN / "mkdocs"), "build", "--config-file", str(config), "--site-dir", str(site_dir)],
            cwd=config.parent, env={**ENV, "KLARSIDA_STATS_FILE": str(stats_file)}, stdout=output, stderr=output,
        )
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        # Not --quiet: it hides warnings, and strict mode then lets them pass.
        raise SystemExit(f"build failed for {config}:\n{log.read_text(encoding='utf-8', errors='replace')[-5000:]}")
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else {}
    # wait4 reports the largest of the build process and the processes it waited for.
    return seconds, usage.ru_maxrss / 1024, stats


def site_figures(site: Path) -> dict[str, float]:
    pages = [p for p in site.rglob("index.html")]
    meeting_pages = [p for p in pages if "meetings" in p.parts and p.parent.name[:4].isdigit()]
    other_pages = [p for p in pages if p not in meeting_pages]
    largest_other = max(other_pages, key=lambda p: p.stat().st_size)
    return {
        "pages": len(pages),
        "largest_meeting_kb": round(max(p.stat().st_size for p in meeting_pages) / 1024, 1),
        "largest_other_kb": round(largest_other.stat().st_size / 1024, 1),
        "largest_other_page": largest_other.parent.relative_to(site).as_posix() + "/",
        "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20, 1),
    }


def readability_seconds(content: Path) -> float | None:
    """Time to score every page once, as the build does (it caches by content hash across languages)."""
    klarsida = VENV_BIN / "klarsida"
    probe = subprocess.run([str(klarsida), "score", "--help"], capture_output=True)
    if probe.returncode != 0:
        return None
    start = time.perf_counter()
    subprocess.run([str(klarsida), "--version"], capture_output=True, check=True)
    startup = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([str(klarsida), "score", "--json", str(content)], capture_output=True, env=ENV)
    return max(0.0, time.perf_counter() - start - startup)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_weight(site: Path) -> dict[str, object]:
    """Bytes an event page transfers in Chromium (HTML, CSS, JS, fonts, images) and hosts it asks."""
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread

    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("KLARSIDA_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        return {"error": "no Chromium (apt-get install chromium)"}
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = partial(Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    event = sorted(p for p in (site / "events").iterdir() if p.is_dir() and p.name[:4].isdigit())[0]
    url = base + event.relative_to(site).as_posix() + "/"
    bodies, hosts = {}, set()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()

        def record(response):
            hosts.add(response.url.split("/")[2])
            try:
                bodies[response.url] = response.body()
            except Exception:  # redirects and aborted requests have no body
                bodies.setdefault(response.url, b"")

        page.on("response", record)
        page.goto(url, wait_until="networkidle")
        before_search = dict(bodies)
        # What a reader who then searches downloads on top: Material's bundle, stylesheet and index.
        page.click(".md-search__input")
        page.keyboard.type("möte")
        page.wait_for_selector(".md-search-result__item", state="attached")
        page.wait_for_load_state("networkidle")
        searched = {u: b for u, b in bodies.items() if u not in before_search}
        bodies = before_search
        browser.close()
    server.shutdown()
    return {
        "url": url.replace(base, "/"),
        "requests": len(bodies),
        "transfer_kb": round(sum(len(b) for b in bodies.values()) / 1024, 1),
        # What a server with gzip (GitHub Pages, most web servers) sends for the same files.
        "gzip_kb": round(sum(len(gzip.compress(b, 6)) for b in bodies.values()) / 1024, 1),
        "files_kb": {u.replace(base, "/"): round(len(b) / 1024, 1) for u, b in sorted(bodies.items(), key=lambda x: -len(x[1]))},
        "other_hosts": sorted(h for h in hosts if not h.startswith("127.0.0.1")),
        "search_adds_kb": round(sum(len(b) for b in searched.values()) / 1024, 1),
        "search_adds_files_kb": {u.replace(base, "/"): round(len(b) / 1024, 1) for u, b in sorted(searched.items(), key=lambda x: -len(x[1]))},
    }


def preview_seconds(tree: Path, swedish_only: bool) -> float:
    """How long `mkdocs serve` takes to show an edit to one meeting: as `make serve` runs it
    (Swedish only) or with both languages (`make serve-all`)."""
    port = free_port()
    env = {**ENV, "KLARSIDA_PREVIEW_LANGUAGES": "sv"} if swedish_only else ENV
    log = open(tree / "serve.log", "wb")
    process = subprocess.Popen(
        # --livereload: without it MkDocs does not watch the files at all. --dirty, as `make serve`
        # runs it: only the edited page and the pages built from other pages are rebuilt.
        [str(VENV_BIN / "mkdocs"), "serve", "--livereload", *(["--dirty"] if swedish_only else []),
         "-a", f"127.0.0.1:{port}"],
        cwd=tree, env=env, stdout=log, stderr=log,
    )
    try:
        meeting = sorted((tree / "content/meetings").glob("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-*.sv.md"))[-1]
        # MkDocs serves under site_url's path (/klarsida/ here).
        site_url = re.search(r"^site_url:\s*(\S+)", (tree / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
        prefix = urllib.parse.urlsplit(site_url.group(1)).path if site_url else "/"
        url = f"http://127.0.0.1:{port}{prefix}meetings/{meeting.name.removesuffix('.sv.md')}/"
        deadline = time.time() + 600
        while True:
            if process.poll() is not None or time.time() > deadline:
                raise SystemExit(f"mkdocs serve did not serve {url}; see {tree / 'serve.log'}")
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        time.sleep(2)  # let the watcher settle after the first build
        marker = f"Ändrad {time.time_ns()}"
        start = time.perf_counter()
        meeting.write_text(meeting.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
        while time.perf_counter() - start < 600:
            try:
                if marker in urllib.request.urlopen(url, timeout=2).read().decode():
                    return round(time.perf_counter() - start, 2)
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit(f"mkdocs serve never showed the edit; see {tree / 'serve.log'}")
    finally:
        process.terminate()
        process.wait()
        log.close()


def bench(sizes: list[int], runs: int, work: Path) -> dict:
    results = {
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "runs": runs,
        "sizes": {},
    }
    for n in sizes:
        tree = work / f"n{n}"
        made = generate(tree, n)
        cold, warm, plain, memory, stats = [], [], [], [], []
        for run in range(runs):
            seconds, peak, cost = timed_build(tree / "mkdocs.yml", tree / "site", cold=True)
            cold.append(seconds)
            memory.append(peak)
            stats.append(cost)
            warm.append(timed_build(tree / "mkdocs.yml", tree / "site", cold=False)[0])
            plain.append(timed_build(plain_config(tree), tree / "site-plain")[0])
            print(f"  N={n} run {run + 1}/{runs}: ours {seconds:.1f} s (warm {warm[-1]:.1f} s), plain {plain[-1]:.1f} s",
                  flush=True)
        figures = site_figures(tree / "site")
        median_ours, median_plain = statistics.median(cold), statistics.median(plain)
        # Readability on the build's critical path: scoring in the build process, plus waiting for
        # the second process (which checks and scores while pages are built).
        in_build = statistics.median(s.get("seconds", 0.0) + s.get("waited_for_second_process", 0.0) for s in stats)
        scoring = readability_seconds(tree / "content")
        results["sizes"][str(n)] = {
            **made,
            "build_s": round(median_ours, 2),
            "warm_build_s": round(statistics.median(warm), 2),
            "plain_build_s": round(median_plain, 2),
            "ratio": round(median_ours / median_plain, 3),
            "warm_ratio": round(statistics.median(warm) / median_plain, 3),
            "s_per_page": round(median_ours / figures["pages"], 4),
            **figures,
            "readability_in_build_s": round(in_build, 2),
            "readability_share": round(in_build / median_ours, 3),
            "readability_background_s": round(statistics.median(s.get("background_seconds", 0.0) for s in stats), 2),
            "readability_from_scratch_s": None if scoring is None else round(scoring, 2),
            "peak_memory_mb": round(max(memory), 1),
        }
    largest = work / f"n{max(sizes)}"
    results["page_weight"] = page_weight(largest / "site")
    results["preview_edit_s"] = {
        "make serve (Swedish)": preview_seconds(largest, swedish_only=True),
        "make serve-all (both languages)": preview_seconds(largest, swedish_only=False),
    }
    return results


def table(results: dict) -> str:
    rows = [
        ("build time, cold (s)", "build_s"), ("build time, warm: scores cached from the last build (s)", "warm_build_s"),
        ("plain Material + i18n (s)", "plain_build_s"), ("ratio, cold", "ratio"), ("ratio, warm", "warm_ratio"),
        ("pages", "pages"), ("seconds per page", "s_per_page"), ("largest meeting page (KB)", "largest_meeting_kb"),
        ("largest other page (KB)", "largest_other_kb"), ("largest other page", "largest_other_page"),
        ("site size (MB)", "site_mb"), ("readability on the build's path (s)", "readability_in_build_s"),
        ("readability share of build", "readability_share"),
        ("readability in the second process, parallel (s)", "readability_background_s"),
        ("scoring every page from scratch, `klarsida score` (s)", "readability_from_scratch_s"),
        ("peak memory, largest process (MB)", "peak_memory_mb"),
    ]
    sizes = list(results["sizes"])
    lines = ["| | " + " | ".join(f"N = {int(n):,}" for n in sizes) + " |", "| --- |" + " ---: |" * len(sizes)]
    for label, key in rows:
        lines.append(f"| {label} | " + " | ".join(str(results["sizes"][n][key]) for n in sizes) + " |")
    small, large = results["sizes"][sizes[0]], results["sizes"][sizes[-1]]
    lines.append(f"| seconds per page, N = {int(sizes[-1]):,} vs N = {int(sizes[0]):,} | | {large['s_per_page'] / small['s_per_page']:.2f}× |")
    weight = results["page_weight"]
    lines.append("")
    lines.append(f"Event page in Chromium ({weight.get('url')}): {weight.get('transfer_kb')} KB uncompressed, "
                 f"{weight.get('gzip_kb')} KB with gzip, {weight.get('requests')} requests, "
                 f"requests to other hosts: {weight.get('other_hosts') or 'none'}.")
    top = list((weight.get("files_kb") or {}).items())[:4]
    lines.append("Largest files: " + ", ".join(f"{url} {kb} KB" for url, kb in top) + ".")
    searched = list((weight.get("search_adds_files_kb") or {}).items())[:4]
    lines.append(f"A reader who then searches loads {weight.get('search_adds_kb')} KB more: "
                 + ", ".join(f"{url} {kb} KB" for url, kb in searched) + ".")
    preview = ", ".join(f"{name}: {seconds} s" for name, seconds in results["preview_edit_s"].items())
    lines.append(f"Preview, an edit to one meeting shown at N = {int(sizes[-1]):,}: {preview}.")
    m = results["machine"]
    lines.append(f"Machine: {m['cores']} cores, Python {m['python']}, {m['platform']}; medians of {results['runs']} runs.")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="comma-separated N (default 100,1000)")
    parser.add_argument("--runs", type=int, default=3, help="builds per variant and N; medians are reported")
    parser.add_argument("--output", default=str(REPO / "bench" / "results.json"))
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="klarsida-bench-") as work:
        results = bench(sizes, args.runs, Path(work))
    Path(args.output).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nWritten to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
