"""Valid HTML on every page: no HTML parse errors (WHATWG parser, html5lib) and no duplicate ids.

This checks what the browser tests rely on, well-formed markup and unique ids, but it is not a full
conformance check: test_validators.py runs the W3C Nu HTML Checker for that."""

from __future__ import annotations

from collections import Counter

import html5lib

from .conftest import sitemap_paths


def test_pages_parse_without_errors_and_ids_are_unique(built_site):
    failures = []
    paths = sitemap_paths(built_site)
    for path in paths:
        source = (built_site / path / "index.html").read_text(encoding="utf-8")
        parser = html5lib.HTMLParser(namespaceHTMLElements=False)
        tree = parser.parse(source)
        for (line, col), code, data in parser.errors:
            failures.append(f"/{path} line {line}:{col}: {code} {data or ''}")
        ids = Counter(el.get("id") for el in tree.iter() if el.get("id"))
        failures += [f"/{path}: id {i!r} used {n} times" for i, n in ids.items() if n > 1]
    assert paths
    assert not failures, "\n".join(failures)
