"""The readability targets as a check (build and `klarsida check`): a page over its language's
target is a warning, which fails the strict build, unless front matter `readability_exception`
gives a reason.

Targets come from the typed settings (klarsida/settings.py, `readability.<lang>`): `lix_max`,
`long_sentence_share_max` and, for English if wanted, `flesch_min`. `nominal_ratio_max` is shown in
the report (a page over it is marked there) but is no warning: the nominal ratio is an estimate
without a part-of-speech tagger (nominal.py), not a measure to fail a build on. A language without a
readability measure (languages.py) gets none of them: its pages are counted, not judged.
"""

from __future__ import annotations

from ..checks import register
from ..errors import ContentError
from ..settings import ReadabilityTargets
from ..site import Site
from .languages import measure_for
from .pages import exception_of, score_document
from .scorer import LONG_SENTENCE, Score

EXAMPLE = "readability_exception: Sidan citerar ett beslut ordagrant."


def misses(score: Score, targets: ReadabilityTargets) -> list[tuple[str, str, str]]:
    """(field, Swedish, English) for each target the score misses."""
    found = []
    if score.measure is None:
        return []  # no readability measure for the language: no target applies
    lix_max = targets.lix_max
    if lix_max is not None and score.lix is not None and score.lix > lix_max:
        found.append(("lix", f"LIX är {score.lix}, målet är högst {lix_max}",
                      f"LIX is {score.lix}, the target is at most {lix_max}"))
    share_max = targets.long_sentence_share_max
    if share_max is not None and score.long_sentence_share > share_max:
        found.append((
            "long_sentence_share",
            f"{score.long_sentence_share:.0%} av meningarna har fler än {LONG_SENTENCE} ord, målet är högst {share_max:.0%}",
            f"{score.long_sentence_share:.0%} of sentences have more than {LONG_SENTENCE} words, the target is at most {share_max:.0%}",
        ))
    flesch_min = targets.flesch_min
    if flesch_min is not None and score.flesch is not None and score.flesch < flesch_min:
        found.append(("flesch", f"Flesch är {score.flesch}, målet är minst {flesch_min}",
                      f"Flesch reading ease is {score.flesch}, the target is at least {flesch_min}"))
    return found


@register
def readability_targets(site: Site, session) -> list[ContentError]:
    errors = []
    for doc in sorted(site.written(), key=lambda d: d.rel):
        targets = session.settings.targets(doc.lang)
        if not targets.as_dict() or exception_of(doc) or measure_for(doc.lang) is None:
            continue
        for field, sv, en in misses(score_document(session.scorer, site, doc), targets):
            errors.append(ContentError(
                doc.rel, None, field,
                f"Texten är svårare än målet: {sv}. Skriv kortare meningar och enklare ord "
                f"(kör `klarsida score {doc.rel}`), eller skriv ett skäl i front matter.",
                f"The text is harder than the target: {en}. Write shorter sentences and plainer words "
                f"(run `klarsida score {doc.rel}`), or give a reason in the front matter.",
                EXAMPLE, level="warning",
            ))
    return errors
