"""A synthetic archive for the benchmark: N meetings of plain Swedish (English twins for half), N/10 events.

The text is assembled from short, plain sentences like the real summaries, so readability scoring,
page sizes and Markdown work are realistic. A fixed seed makes every run build the same archive.
"""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITE_SOURCES = ("mkdocs.yml", "content", "hooks", "overrides")

# Short, common words, as the klarspråk group asks: every page meets the site's LIX target (40),
# so the strict build passes, as the real archive must.
SV_SUBJECTS = ["Vi", "Gruppen", "Hon", "De", "Klubben", "Staden", "Alla"]
SV_VERBS = ["pratade om", "planerar", "vill förbättra", "berättade om", "tittade på", "fortsätter med", "frågade om"]
SV_OBJECTS = [
    "stödet till unga", "nya jobb i staden", "kaféet på centret", "sommarens träffar", "webben",
    "lönen för att vara med", "en ny e-tjänst", "praktik i stan", "mötet i höst", "filmen",
    "stödet i hemmet", "hur vi når fler", "texterna på webben", "lokalen till Skåneveckan",
]
SV_ENDINGS = ["", " i dag", " nästa månad", " ihop", " i Helsingborg", " på mötet"]
SV_FOLLOW = [
    "Alla får vara med.", "Hör av dig om du har frågor.", "Vi skriver mer här sen.", "Det blir bra.",
    "Det tar tid.", "Vi behöver fler idéer.", "Du är välkommen.", "Vi ses igen snart.",
    "Vi tar det på nästa möte.", "Det är bra för alla.", "Vi vet inte än.", "Fråga oss gärna.",
]
EN_SUBJECTS = ["We", "The group", "The social services", "The labour market administration", "The association", "The staff"]
EN_VERBS = ["talked about", "are planning", "want to improve", "told us about", "looked at", "keep working on"]
EN_OBJECTS = [
    "support for young people", "new jobs in the city", "the café at the centre", "the summer meetings",
    "the website", "payment for taking part", "a new e-service", "work placements", "the autumn meeting",
]
EN_FOLLOW = ["Everyone can join.", "Get in touch if you have questions.", "We will write more here later.", "You are welcome."]
HEADINGS_SV = ["Det viktigaste", "Sommaren", "Pengar", "Nya idéer", "Övrigt", "Webben", "Nästa möte"]
HEADINGS_EN = ["The main points", "Summer", "Money", "New ideas", "Other points", "The website", "Next meeting"]


def sentence(rng: random.Random, lang: str) -> str:
    if lang == "sv":
        return f"{rng.choice(SV_SUBJECTS)} {rng.choice(SV_VERBS)} {rng.choice(SV_OBJECTS)}{rng.choice(SV_ENDINGS)}. {rng.choice(SV_FOLLOW)}"
    return f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)}. {rng.choice(EN_FOLLOW)}"


def body(rng: random.Random, lang: str, sections: int) -> str:
    headings = HEADINGS_SV if lang == "sv" else HEADINGS_EN
    parts = []
    for index in range(sections):
        parts.append(f"## {headings[index % len(headings)]}\n")
        parts.append(" ".join(sentence(rng, lang) for _ in range(rng.randint(2, 4))) + "\n")
        if index % 2 == 0:
            parts.append("\n".join(f"- {sentence(rng, lang).split('.')[0]}." for _ in range(3)) + "\n")
    return "\n".join(parts)


def meeting_dates(n: int) -> list[date]:
    """About two dozen meetings a year, on Thursdays, going back from 2026."""
    day = date(2026, 11, 19)
    dates = []
    for _ in range(n):
        dates.append(day)
        day -= timedelta(days=14 + (7 if len(dates) % 13 == 0 else 0))
    return dates


def generate(dest: Path, n: int, seed: int = 2018) -> dict[str, int]:
    """Copy the site sources to `dest` and add the synthetic archive; returns counts of what was made."""
    rng = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in SITE_SOURCES:
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    (dest / "klarsida").symlink_to(REPO / "klarsida")  # mkdocs.yml watches it
    meetings = dest / "content" / "meetings"
    made = {"meetings_sv": 0, "meetings_en": 0, "events_sv": 0}
    for index, day in enumerate(meeting_dates(n)):
        slug = f"{day.isoformat()}-mote-{index:04d}"
        for lang in ("sv", "en") if index % 2 == 0 else ("sv",):
            title = f"Möte nummer {index}" if lang == "sv" else f"Meeting number {index}"
            summary = sentence(rng, lang)
            text = f"---\ntitle: {title}\ndate: {day.isoformat()}\nsummary: {summary}\ngroup: Gemensam utvecklingsgrupp\n---\n\n{body(rng, lang, 5)}"
            (meetings / f"{slug}.{lang}.md").write_text(text, encoding="utf-8")
            made[f"meetings_{lang}"] += 1
    for year in sorted({day.year for day in meeting_dates(n)}):
        for lang, title in (("sv", f"Möten {year}"), ("en", f"Meetings in {year}")):
            page = meetings / f"{year}.{lang}.md"
            if not page.exists():
                text = ("Här ser du årets möten. Det nya mötet står först." if lang == "sv"
                        else "Here are the meetings of the year. The newest comes first.")
                page.write_text(f"---\ntitle: {title}\n---\n\n{text}\n", encoding="utf-8")
    events = dest / "content" / "events"
    for index in range(n // 10):
        day = date(2019, 1, 3) + timedelta(days=37 * index)
        slug = f"{day.isoformat()}-evenemang-{index:03d}"
        text = (
            f"---\ntitle: Evenemang {index}\nstart: {day.isoformat()}T17:30\nend: {day.isoformat()}T19:00\n"
            f"place:\n  name: Röda kvarn\n  address: Karlsgatan 7, Helsingborg\nsummary: {sentence(rng, 'sv')}\n---\n\n"
            f"{body(rng, 'sv', 2)}"
        )
        (events / f"{slug}.sv.md").write_text(text, encoding="utf-8")
        made["events_sv"] += 1
    return made


def plain_config(dest: Path) -> Path:
    """The same site as plain Material + static-i18n: our hooks, overrides and assets switched off.

    MkDocs' INHERIT merges this over mkdocs.yml, so every other setting (nav, i18n, Markdown
    extensions, the system-font choice) stays identical.
    """
    (dest / "plain-overrides").mkdir(exist_ok=True)
    path = dest / "mkdocs-plain.yml"
    path.write_text(
        "INHERIT: mkdocs.yml\n"
        "hooks: []\n"
        "extra_css: []\n"
        "extra_javascript: []\n"
        "watch: []\n"
        "theme:\n  custom_dir: plain-overrides\n",
        encoding="utf-8",
    )
    return path
