"""Build klarsida/data/passive_forms.sv.txt from the Swedish Hunspell dictionary hunspell-sv.

hunspell-sv (PyPI, LGPL-3.0; SFOL by Göran Andersson with SALDO and Folkets lexikon entries) is
installed for the tests only (requirements-test.lock); the engine reads the generated file, so a
build needs neither the dictionary nor this script. A unit test regenerates the file and compares.

What the file holds: every s-form of a verb (infinitive -as, present -s, past -ades/-des/-tes,
supine -ats/-ts...) that the dictionary's affix rules make from a verb stem, with its stem:
`fattades fatta`. Verbs are entries carrying a conjugation flag (K, L, M, N: the aff file's
"konjugation" sections). The s-forms come from the flags that add an -s: A on a verb stem (the
infinitive: fatta → fattas), L (second conjugation: läggs, lades) and N (first and third:
fattades, fattats). Passive infinitives listed as compound parts (göras/XY) are s-forms of the
verb without the s, and those in -es (läses/XY) the present passive of a verb in -a. Flag R (archaic "handlägges") is left out: its forms collide with noun
genitives ("arbetes"). Entries that are themselves s-forms (fattas/N, lyckas/N, andas/N) are
deponents in the dictionary; they are written as `fattas -` so the detector knows the form can
be active too.

Usage: python scripts/build_verb_lexicon.py [--check]
"""

from __future__ import annotations

import re
import sys
import sysconfig
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "klarsida" / "data"
OUT = DATA / "passive_forms.sv.txt"
PARTICIPLES = DATA / "participles.sv.txt"
VERB_FLAGS = set("KLMNOP")
S_FLAGS = ("A", "L", "N")
# Past participles: O (second conjugation: inställd, inställt, inställda), P (first: beviljad,
# beviljat; its "-de" is the plural participle and the past tense alike).
PARTICIPLE_FLAGS = ("O", "P")


def dictionary() -> tuple[Path, Path]:
    for root in (sysconfig.get_path("data"), sys.prefix):
        folder = Path(root) / "share" / "hunspell"
        if (folder / "sv_SE.dic").is_file():
            return folder / "sv_SE.dic", folder / "sv_SE.aff"
    sys.exit("hunspell-sv is not installed: pip install -r requirements-test.lock")


def suffix_rules(aff: Path) -> dict[str, list[tuple[str, str, re.Pattern]]]:
    rules: dict[str, list] = {}
    for line in aff.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX" and parts[1] in S_FLAGS + PARTICIPLE_FLAGS:
            flag, strip, add, condition = parts[1], parts[2], parts[3], parts[4]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add.split("/")[0]
            rules.setdefault(flag, []).append((strip, add, re.compile(f"(?:{condition})$")))
    return rules


def entries(dic: Path):
    lines = dic.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        word, _, flags = line.partition("/")
        word = word.strip()
        if word and word.isalpha() and word.islower():
            yield word, set(flags.split()[0]) if flags else set()


def build() -> tuple[str, str]:
    dic, aff = dictionary()
    rules = suffix_rules(aff)
    forms: dict[str, set[str]] = {}
    participles: dict[str, set[str]] = {}
    deponents: set[str] = set()
    listed_es: list[str] = []
    for word, flags in entries(dic):
        if not flags & VERB_FLAGS:
            if word.endswith("as") and flags and flags <= {"X", "Y"}:
                # A passive infinitive listed for compounds (göras, avgöras): the verb's s-form.
                forms.setdefault(word, set()).add(word[:-1])
            elif word.endswith("es") and flags and flags <= {"X", "Y"}:
                listed_es.append(word)  # "läses": the present passive of läsa, if läsa is a verb
            elif word.endswith(("as", "ås", "ns", "rs", "vs")) and flags <= {"N"}:
                deponents.add(word)  # an s-verb of its own: lyckas/N, trivas, umgås, minns, hörs
            continue
        if word.endswith("s"):
            deponents.add(word)  # fattas/N: the deponent entry
        for flag in S_FLAGS:
            if flag not in flags:
                continue
            for strip, add, condition in rules.get(flag, []):
                if not condition.search(word) or not word.endswith(strip):
                    continue
                form = word[: len(word) - len(strip)] + add
                if form.endswith("s") and form != word:
                    forms.setdefault(form, set()).add(word)
        for flag in PARTICIPLE_FLAGS:
            if flag not in flags:
                continue
            for strip, add, condition in rules.get(flag, []):
                if condition.search(word) and word.endswith(strip):
                    participles.setdefault(word[: len(word) - len(strip)] + add, set()).add(word)
    verbs = {stem for stems in forms.values() for stem in stems}
    for word in listed_es:
        if word[:-2] + "a" in verbs:
            forms.setdefault(word, set()).add(word[:-2] + "a")
    for word in deponents:
        forms.setdefault(word, set()).add("-")
    lines = [
        "# Swedish verb s-forms and their stems, generated by scripts/build_verb_lexicon.py from",
        "# hunspell-sv (PyPI; LGPL-3.0; SFOL by Göran Andersson, with SALDO and Folkets lexikon entries).",
        "# `-` marks a deponent entry of the dictionary (the form is active: hoppas, lyckas, fattas).",
    ]
    for form in sorted(forms):
        lines.append(" ".join([form, *sorted(forms[form])]))
    participle_lines = [
        "# Swedish past participles (one form a line), generated by scripts/build_verb_lexicon.py from",
        "# hunspell-sv (PyPI; LGPL-3.0; SFOL by Göran Andersson, with SALDO and Folkets lexikon entries).",
        *sorted(participles),
    ]
    return "\n".join(lines) + "\n", "\n".join(participle_lines) + "\n"


def main() -> int:
    built = dict(zip((OUT, PARTICIPLES), build()))
    if "--check" in sys.argv:
        stale = [p for p, text in built.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"{path} is out of date: run python scripts/build_verb_lexicon.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in built.items():
        path.write_text(text, encoding="utf-8")
        print(f"{path}: {sum(1 for line in text.splitlines() if not line.startswith('#'))} forms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
