"""Precision and recall of the passive-voice finding on the labelled corpus.

    python scripts/passive_corpus.py

Reads tests/data/passive_corpus.sv.tsv (label, category, sentence) and the held-out
tests/data/passive_heldout.sv.tsv, runs
klarsida.readability.passive on each sentence and prints precision, recall, the figures per
category and every sentence it gets wrong. tests/unit/test_readability_passive.py holds the
targets (both at least 0.9).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from klarsida.readability.passive import passive_words  # noqa: E402
from klarsida.readability.swedish import sentences  # noqa: E402
from klarsida.readability.text import Block  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "passive_corpus.sv.tsv"
# Written after the rules were tuned on CORPUS and never used to tune them: the honest figure.
HELD_OUT = ROOT / "tests" / "data" / "passive_heldout.sv.tsv"


@dataclass(frozen=True)
class Example:
    passive: bool
    category: str
    sentence: str


def corpus(path: Path = CORPUS) -> list[Example]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, category, sentence = line.split("\t")
        if label not in ("passive", "active"):
            raise ValueError(f"{path}:{number}: label must be passive or active, not {label!r}")
        found.append(Example(label == "passive", category, sentence))
    return found


def predicted(sentence: str) -> list[str]:
    return [hit for s in sentences([Block("p", sentence)]) for hit in passive_words(s)]


def evaluate(examples: list[Example]) -> dict:
    tp = fp = fn = tn = 0
    wrong: list[tuple[Example, list[str]]] = []
    per_category: dict[str, list[int]] = {}
    for example in examples:
        hits = predicted(example.sentence)
        right = bool(hits) == example.passive
        counts = per_category.setdefault(example.category, [0, 0])
        counts[0] += right
        counts[1] += 1
        if example.passive:
            tp, fn = tp + bool(hits), fn + (not hits)
        else:
            fp, tn = fp + bool(hits), tn + (not hits)
        if not right:
            wrong.append((example, hits))
    return {
        "sentences": len(examples), "passive": tp + fn, "active": fp + tn,
        "precision": tp / (tp + fp) if tp + fp else 0.0, "recall": tp / (tp + fn) if tp + fn else 0.0,
        "tp": tp, "fp": fp, "fn": fn, "tn": tn, "wrong": wrong, "per_category": per_category,
    }


def main() -> int:
    for path in (CORPUS, HELD_OUT):
        print(f"== {path.relative_to(ROOT)}")
        report(evaluate(corpus(path)))
    return 0


def report(result: dict) -> None:
    print(f"{result['sentences']} sentences ({result['passive']} passive, {result['active']} active)")
    print(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"(true positives {result['tp']}, false positives {result['fp']}, misses {result['fn']})")
    for category, (right, total) in sorted(result["per_category"].items()):
        print(f"  {category:12} {right}/{total} right")
    if result["wrong"]:
        print("Wrong:")
        for example, hits in result["wrong"]:
            kind = "missed passive" if example.passive else f"false alarm ({', '.join(hits)})"
            print(f"  {kind}: {example.sentence}")


if __name__ == "__main__":
    sys.exit(main())
