"""What a pull request changes in readability, in Swedish for the klarspråk group: the table of
`klarsida diff` (the CI job summary) and the comment on the pull request (`klarsida diff --comment`).

Both compare two lists of rows (`klarsida score --json`, or site/klarsprak.json): base branch and
pull request. Every value taken from a row (page paths, sentences, notes, even numbers) is written
through `md_text`, so a page cannot end a table cell, open a code block, write HTML, mention
people or start a line of its own ("### Inga fel"): the comment is built from data the pull request
controls, by the base branch's code (.github/workflows/readability-comment.yml).
"""

from __future__ import annotations

import html
import re
from typing import Any

from .languages import rules_for
from .report import text

# The first line of the comment: the workflow finds its own comment by it and updates it in place.
COMMENT_MARKER = "<!-- klarsida:läsbarhet -->"
SHOWN_SENTENCES = 5  # per page and kind of change: enough to act on, short enough to read
SHORT = 160  # characters of a sentence in the comment
# Everything Markdown (GitHub's included) or a table could read as syntax: escaped with a backslash.
# (< and > are HTML-escaped first; ~ is GitHub's strikethrough.)
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md_text(value: Any, limit: int | None = None) -> str:
    """`value` as plain text in Markdown: one line, HTML escaped, every Markdown character escaped,
    @ and # kept from mentioning people or linking issues. Safe in a table cell and a list item."""
    value = "" if value is None else str(value)
    # Line and paragraph breaks, tabs and other control or format characters become spaces: a value
    # can never start a line of its own.
    value = "".join(ch if ch.isprintable() else " " for ch in value)
    value = re.sub(r"\s+", " ", value).strip()
    if limit is not None and len(value) > limit:
        value = value[: limit - 1] + "…"
    value = html.escape(value, quote=False)  # & < >, before the backslashes are added
    value = _MARKDOWN.sub(r"\\\1", value)
    # # is backslash-escaped above like every Markdown character; @ becomes an entity so that it
    # mentions no one. (Read back with Python-Markdown in the tests, not on GitHub itself.)
    return value.replace("@", "&#64;")


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _swedish(value: float | None, decimals: int = 1) -> str:
    """"35,2": a decimal comma, as the group reads numbers."""
    if value is None:
        return "–"
    return f"{value:.{decimals}f}".replace(".", ",")


def _key(row: dict[str, Any]) -> tuple[str, str]:
    return (str(row.get("path") or row.get("url") or ""), str(row.get("lang", "")))


def _main_score(row: dict[str, Any]) -> tuple[str, float | None, bool]:
    """(name, value, higher is better): the language's measure, or the next figure it has; for a
    language without one ("ingen läsbarhetsformel", None, True)."""
    for measure in rules_for(str(row.get("lang", ""))).figures:
        value = _number(measure.value(row))
        if value is not None:
            return measure.name, value, measure.higher_is_easier
    return text("sv", "no_measure").lower(), None, True


def _findings(row: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not row or not isinstance(row.get("findings"), list):
        return []
    return [f for f in row["findings"] if isinstance(f, dict)]


def _finding_ids(row: dict[str, Any] | None) -> set[tuple[str, str]]:
    return {(str(f.get("kind")), str(f.get("text"))) for f in _findings(row)}


def _kind_name(kind: str) -> str:
    try:
        return text("sv", kind)
    except KeyError:
        return kind  # a kind this engine does not know (escaped by the caller)


def _share(row: dict[str, Any]) -> float:
    return _number(row.get("long_sentence_share")) or 0.0


def _changes(old: list[dict[str, Any]], new: list[dict[str, Any]]):
    """(key, before, after) for every page whose figures or findings changed, then removed pages."""
    before = {_key(r): r for r in old if isinstance(r, dict)}
    for row in sorted((r for r in new if isinstance(r, dict)), key=_key):
        previous = before.pop(_key(row), None)
        if previous is not None:
            same_scores = _main_score(previous)[1] == _main_score(row)[1] and _share(previous) == _share(row)
            if same_scores and _finding_ids(previous) == _finding_ids(row) \
                    and previous.get("nominal_ratio") == row.get("nominal_ratio"):
                continue
        yield _key(row), previous, row
    for key in sorted(before):
        yield key, before[key], None


def _verdict(previous: dict[str, Any] | None, row: dict[str, Any] | None) -> str:
    if previous is None:
        return "ny sida"
    if row is None:
        return "sidan är borttagen"
    _, old_value, higher_better = _main_score(previous)
    _, value, _ = _main_score(row)
    if value is None or old_value is None or value == old_value:
        return "oförändrad"
    return "lättare" if (value > old_value) == higher_better else "svårare"


def _scores(previous: dict[str, Any] | None, row: dict[str, Any] | None) -> str:
    if row is None:
        return "–"
    name, value, _ = _main_score(row)
    if previous is None or value is None:
        return f"{name} {_swedish(value)}" if value is not None else name
    _, old_value, _ = _main_score(previous)
    return f"{name} {_swedish(old_value)} → {_swedish(value)}"


def diff_markdown(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> str:
    """A Markdown table of the pages whose scores or findings changed, in Swedish (job summary)."""
    lines = []
    for key, previous, row in _changes(old, new):
        if row is None:
            lines.append(f"| {md_text(key[0])} | – | sidan är borttagen | – | – |")
            continue
        share = f"{_share(row):.0%}"
        shares = share if previous is None else f"{_share(previous):.0%} → {share}"
        fresh = sorted(_finding_ids(row) - _finding_ids(previous))
        new_findings = "; ".join(f"{_kind_name(kind).lower()}: ”{t}”" for kind, t in fresh) or "–"
        lines.append(f"| {md_text(key[0])} | {md_text(_scores(previous, row))} | {_verdict(previous, row)} | "
                     f"{md_text(shares)} | {md_text(new_findings, 600)} |")
    if not lines:
        return "Ingen förändring av läsbarheten.\n"
    head = [
        "| Sida | Läsbarhet före → efter | Förändring | Meningar med fler än 20 ord | Nya fynd |",
        "| --- | --- | --- | --- | --- |",
    ]
    return "\n".join(head + lines) + "\n"


def _worse(previous: dict[str, Any] | None, row: dict[str, Any]) -> list[str]:
    """What got worse on a page, in words."""
    found = []
    if previous is not None:
        name, value, higher_better = _main_score(row)
        _, old_value, _ = _main_score(previous)
        if value is not None and old_value is not None and value != old_value and (value > old_value) != higher_better:
            found.append(f"{name} {_swedish(old_value)} → {_swedish(value)}")
        if _share(row) > _share(previous):
            found.append(f"långa meningar {_share(previous):.0%} → {_share(row):.0%}")
        old_ratio, ratio = _number(previous.get("nominal_ratio")), _number(row.get("nominal_ratio"))
        if ratio is not None and old_ratio is not None and ratio > old_ratio:
            found.append(f"nominalkvot {_swedish(old_ratio, 2)} → {_swedish(ratio, 2)}")
    fresh = _finding_ids(row) - _finding_ids(previous)
    for kind in dict.fromkeys(k for k, _ in sorted(fresh)):
        n = sum(1 for k, _ in fresh if k == kind)
        found.append(f"{n} {'ny' if n == 1 else 'nya'}: {_kind_name(kind).lower()}")
    return found


def comment_markdown(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> str:
    """The pull request comment: per changed page, LIX före → efter, what got worse and the
    sentences behind it; in Swedish, for the klarspråk group."""
    table, details = [], []
    for key, previous, row in _changes(old, new):
        page = md_text(key[0])
        if row is None:
            table.append(f"| {page} | – | Sidan är borttagen. |")
            continue
        worse = _worse(previous, row)
        verdict = _verdict(previous, row)
        summary = "; ".join(worse) if worse else ("Inget blev sämre." if previous is not None else "Ny sida.")
        table.append(f"| {page} | {md_text(_scores(previous, row))} ({verdict}) | {md_text(summary)} |")
        fresh = [f for f in _findings(row) if (str(f.get("kind")), str(f.get("text"))) not in _finding_ids(previous)]
        if fresh:
            details.append(f"#### {page}")
            details.append("")
            for finding in fresh[:SHOWN_SENTENCES * 3]:
                note = finding.get("note_sv") or _kind_name(str(finding.get("kind")))
                details.append(f"- {md_text(note)}: ”{md_text(finding.get('text'), SHORT)}”")
            if len(fresh) > SHOWN_SENTENCES * 3:
                details.append(f"- … och {len(fresh) - SHOWN_SENTENCES * 3} till.")
            details.append("")
    lines = [COMMENT_MARKER, "### Läsbarhet i den här ändringen", ""]
    if not table:
        lines.append("Ändringen påverkar inte läsbarheten på någon sida.")
        return "\n".join(lines) + "\n"
    lines += [
        "Vi jämför sidorna före och efter ändringen. LIX: ju lägre tal, desto lättare text.",
        "",
        "| Sida | LIX före → efter | Vad blev sämre |",
        "| --- | --- | --- |",
        *table,
        "",
    ]
    if details:
        lines += ["Nya fynd, med meningen eller ordet de gäller:", "", *details]
    lines.append("Granska markeringarna på sidan med `make review`. Kommentaren uppdateras vid varje ny ändring.")
    return "\n".join(lines) + "\n"
