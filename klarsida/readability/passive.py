"""A heuristic for Swedish passive voice: s-passive ("ska anpassas") and bli-passive ("blev inställt").

It looks at word endings and neighbours only, with stop-lists for deponent and reciprocal verbs,
genitives and nouns ending in -s, and adjectives after "bli". Known misses (tested as such):
- present s-passive in -es or a consonant + s ("läses", "köps") unless the form is in
  STRONG_OR_SHORT below ("görs", "skrivs", "ges" are);
- "behövs" and "anses" are treated as not passive (they read as ordinary verbs to most readers);
- passive-like phrases with "vara" or "få" ("är stängt", "fick betalt") are not counted;
- a capitalised word inside a sentence is taken for a name, so its -as ending is ignored.
"""

from __future__ import annotations

from .swedish import Sentence

# Deponent and reciprocal verbs: s-forms that are active in meaning.
DEPONENTS = frozenset(
    """finns fanns funnits finnas hoppas hoppades hoppats lyckas lyckades lyckats andas andades
    andats trivs trivdes trivts trivas minns mindes mints minnas träffas träffades träffats ses sågs
    setts synas syns syntes synts känns kändes känts kännas märks märktes märkts märkas låtsas
    låtsades fattas fattades brottas kräkas svettas svettades åldras åldrades skäms skämdes skämmas
    umgås umgicks umgåtts slåss slogs möts möttes mötas hörs hördes höras enas enades samsas kivas
    pratas pratades väsnas väsnades avundas behövs behövdes behövts anses ansågs ansetts
    tycks tycktes tyckas saknas saknades saknats""".split()
)
# Nouns, adverbs and other words ending like a passive.
NOT_VERBS = frozenset(
    """glas gas ras bas fas vas atlas kanvas ananas plats platts kurs hus kors puls vals las dags
    alls annars tvärs lucas tomas andreas""".split()
)
# Words before a genitive: "en veckas", "vår förenings".
GENITIVE_BEFORE = frozenset("en ett varje denna detta min din sin vår er deras hans hennes dess".split())
# Common present or past s-passives that the ending rules miss.
STRONG_OR_SHORT = frozenset(
    """görs gjordes gjorts ges gavs getts givits tas togs tagits skrivs skrevs skrivits hålls hölls
    hållits läggs lades lagts ställs ställdes ställts sköts sköttes skötts säljs såldes sålts sägs
    sades sagts nås nåddes nåtts fås fåtts drivs drevs drivits bjuds bjöds bjudits väljs valdes
    valts betalas""".split()
)
BLI = frozenset("bli blir blev blivit bliva blivande".split())
# Adjectives and other words that follow "bli" without making it passive.
BLI_ADJECTIVES = frozenset(
    """glad glada glatt rädd rädda nöjd nöjda nöjt sjuk sjuka sjukt frisk friska friskt arg arga
    argt ledsen ledsna trött trötta bättre sämre bäst sämst klar klara klart färdig färdiga färdigt
    kär kära kvar av till stor stora stort liten små litet bra dålig dåliga dåligt lätt lätta svår
    svåra svårt lång långa långt gammal gamla gammalt rik rika rikt fattig fattiga arbetslös
    arbetslösa ensam ensamma van vana vant vän vänner trygg trygga tryggt mätt kall kalla kallt varm
    varma varmt hungrig hungriga orolig oroliga oroligt sen sent tidig tidigt fler färre mer mindre
    mycket lite det den detta dessa de en ett någon något några så inte också ju nog snart redan
    alltid aldrig ofta då nu där här vad vem hur vilken vilket vilka mamma pappa förälder""".split()
)
PARTICIPLE_ENDINGS = ("ad", "at", "ade", "ads", "d", "t", "da", "dd", "tt", "en", "et", "na")
# Words that may stand between "bli" and its participle: "blev inte inställt".
BLI_FILLERS = frozenset("inte också aldrig snart redan ju nog alltså därför då helt väl kanske".split())


def _s_passive(word: str, previous: str) -> bool:
    lower = word.lower()
    if lower in DEPONENTS or lower in NOT_VERBS or previous.lower() in GENITIVE_BEFORE:
        return False
    if lower in STRONG_OR_SHORT:
        return True
    if len(lower) < 5 or not lower.isalpha():
        return False
    if lower.endswith(("ades", "ats")):  # betalades, betalats
        return True
    if lower.endswith(("des", "tes")) and len(lower) >= 6:  # ordnades is above; valdes, sköttes
        return True
    return lower.endswith("as") and not lower.endswith(("ss",))  # anpassas, delas


def passive_words(sentence: Sentence) -> list[str]:
    """The words that make a sentence passive (empty if none)."""
    hits: list[str] = []
    words = sentence.words
    for i, word in enumerate(words):
        if word[-1] not in "sS" and word.lower() not in BLI:
            continue  # neither an s-form nor a form of "bli": most words stop here
        previous = words[i - 1] if i else ""
        # A capital letter inside a sentence means a name ("Tomas", "Våryras").
        if i and word[:1].isupper():
            continue
        if _s_passive(word, previous):
            hits.append(word)
            continue
        if word.lower() in BLI:
            for follower in words[i + 1 : i + 4]:
                lower = follower.lower()
                if lower in BLI_FILLERS:
                    continue
                if lower not in BLI_ADJECTIVES and len(lower) >= 4 and lower.endswith(PARTICIPLE_ENDINGS):
                    hits.append(f"{word} {follower}")
                break
    return hits


def is_passive(sentence: Sentence) -> bool:
    return bool(passive_words(sentence))
