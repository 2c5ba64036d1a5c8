"""The weapon a mention names: the most specific weapon word in its clause."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from warlog.extract import lexicon as lx
from warlog.extract.clauses import clause_chars
from warlog.extract.mentions import Mention, reference_point
from warlog.extract.phrases import (
    WEAPON_BIGRAMS,
    WEAPON_LEMMAS,
    TokenRange,
    is_a_worked_mine,
    is_rigged_vehicle,
)


def find_weapon(doc: Doc, mention: Mention, *,
                exclude: tuple[TokenRange | None, ...] = ()) -> tuple[str, int | None]:
    """The most specific weapon named in the mention's clause, and where."""
    sent = doc[mention.head].sent
    rank = {v: i for i, v in enumerate(
        ["gunship", "ballistic_missile", "cruise_missile", "drone", "rocket", "mortar",
         "artillery", "aircraft", "ied", "small_arms"])}
    head = doc[mention.head]
    # a re-mention ("the attack showed why Ukraine needs interceptor missiles") names its
    # weapon only inside its own phrase
    tokens = list(head.subtree) if mention.anaphoric else list(sent)
    clause = clause_chars(head)
    # "killed three farmers days after the airstrike": the weapon of the attack it is
    # dated by is not its own
    dated_by = {t.i for r in doc[mention.head].sent if reference_point(r) and r.i not in mention.triggers
                for t in r.subtree}
    found: list[tuple[tuple[int, float, int], str, int]] = []
    for tok in tokens:
        if tok.i in dated_by:
            continue
        if tok.idx not in clause and (tok.lemma_.lower() in lx.NOUN_TRIGGERS
                                      or _tells_another_attack(tok, head)):
            continue  # "killed in attacks, prompting Russian airstrikes": another attack's weapon
        if _not_used(tok):
            continue  # "…, and troops later found a truck packed with explosives"
        weapon = _weapon_at(doc, tok)
        if weapon is None and gunfire(tok):
            weapon = GUNFIRE
        # a weapon named in the target ("a rocket launcher", "an arms depot") is what
        # was hit, not what hit it
        if weapon is None or any(r is not None and r.start <= tok.i < r.end for r in exclude):
            continue
        distance = abs(tok.i - head.i)
        # a bare "missile" says less than a missile of a named kind beside it ("a Kh-101
        # missile"), and no less than what ranks below the missiles
        order = GENERIC_RANK if is_generic(doc, tok.i) else rank.get(weapon, 99)
        found.append(((distance // 6, order, tok.i), weapon, tok.i))
    # shooting told in words is small arms only where no weapon is named
    named = [f for f in found if f[1] != GUNFIRE]
    found = named or [(k, "small_arms", i) for k, _, i in found]
    if not found:
        return "unknown", None
    _, weapon, at = min(found)
    # a platform and what it fires are one attack, named by the platform: "a warplane fired
    # four missiles", "Tu-95 bombers launched cruise missiles" is a strike from the air
    if weapon in MUNITIONS:
        platforms = [f for f in found if (f[1] in PLATFORMS or _fires(doc[f[2]]))
                     and doc[f[2]].idx in clause and not _intercepts(doc[f[2]])]
        if platforms:
            _, weapon, at = min(platforms)
    return weapon, at


# A weapon read from shooting told in words ("opened fire", "a gunfight"): small arms.
GUNFIRE = "gunfire"


def gunfire(tok: Token) -> bool:
    """Shots told without a gun named: "gunmen opened fire", "came under fire", "an exchange of
    fire", "militants fired on a checkpoint", "he was shot", "a gunfight", "bullet holes"
    (not "shot down", "fired a missile", "fire engulfed the house")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma in lx.GUNFIRE_NOUNS:
        return True
    if tok.pos_ == "NOUN" and lemma == "fire":
        head = tok.head
        if head.lower_ == "of" and head.head.lemma_.lower() == "exchange":
            return True
        return head.i != tok.i and head.lemma_.lower() in lx.GUNFIRE_HEADS
    if tok.pos_ != "VERB" or lemma not in ("fire", "shoot"):
        return False
    if any(c.dep_ == "prt" and c.lower_ in ("down", "off", "up") for c in tok.children):
        return False  # "shot down two drones", "fired off a salvo"
    if lemma == "fire":  # "fired on a checkpoint", not "fired a missile", "was fired from"
        return not any(c.dep_ == "dobj" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ in ("on", "at", "upon", "into") for c in tok.children)
    return True


# Between the named missiles (ballistic 1, cruise 2) and the drones (3).
GENERIC_RANK = 2.5


def is_generic(doc: Doc, i: int) -> bool:
    """The word is the bare class noun "missile" ("a Russian missile", "missiles hit"), of
    no kind or model: read as a ballistic missile unless the report says which kind."""
    tok = doc[i]
    if tok.lemma_.lower() != "missile" and tok.lower_ not in ("missile", "missiles"):
        return False
    pairs = []
    if i + 1 < len(doc):
        pairs.append(f"{tok.lemma_.lower()} {doc[i + 1].lemma_.lower()}")
    if i > 0:
        pairs.append(f"{doc[i - 1].lower_} {tok.lemma_.lower()}")
    return not any(p in WEAPON_BIGRAMS for p in pairs)


# What an aircraft or a drone carries and fires; and what carries it.
MUNITIONS = frozenset({"ballistic_missile", "cruise_missile", "rocket", "ied"})
PLATFORMS = frozenset({"aircraft", "gunship"})
FIRING_VERBS = frozenset({"fire", "launch", "drop", "shoot"})


def _fires(tok: Token) -> bool:
    """"a drone fired three missiles", "the drone dropped a bomb": a drone that fires is
    the platform, and the strike is the drone's."""
    return tok.lemma_.lower() in ("drone", "uav") and tok.dep_ == "nsubj" \
        and tok.head.lemma_.lower() in FIRING_VERBS


HARM_OR_ATTACK = lx.VERB_TRIGGERS | frozenset({"kill", "wound", "injure", "destroy", "damage"})


INTERCEPT_LEMMAS = frozenset({"shoot", "intercept", "down", "destroy", "bring", "engage", "repel",
                              "thwart", "neutralise", "neutralize"})


def _intercepts(tok: Token) -> bool:
    """"warships and fighter jets shot down 18 drones": the jets defend; they fired nothing
    at the target."""
    node = tok
    while node.dep_ in ("conj", "compound", "amod") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "nsubj" and node.head.lemma_.lower() in INTERCEPT_LEMMAS


# Verbs by which a weapon is found, taken or moved, not used: named in another clause of the
# attack's sentence, such a weapon is no part of the attack.
NOT_USED_VERBS = frozenset({"find", "discover", "seize", "recover", "defuse", "dismantle",
                            "confiscate", "catch", "drive", "flee", "escape", "smuggle",
                            "transport", "store", "hide", "stockpile", "abandon", "arrest",
                            # "the airport, where the army's drones are parked": kept there
                            "park", "keep", "station", "house", "base", "repair",
                            "manufacture", "produce", "assemble"})


def _not_used(tok: Token) -> bool:
    """The weapon's nearest verb, past those of its own phrase ("a truck packed with
    explosives"), finds, takes or moves it."""
    for verb in tok.ancestors:
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("acl", "amod"):
            return verb.lemma_.lower() in NOT_USED_VERBS
    return False


def _tells_another_attack(tok: Token, head: Token) -> bool:
    """"an Israeli strike on Beirut, Israel's answer to the rocket that killed 12 children":
    a weapon outside the trigger's clause that is itself told doing harm is another
    attack's weapon (not "the rockets that Hamas fired", told by its own clause)."""
    if any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() in HARM_OR_ATTACK and c.i != head.i
           for c in tok.children):
        return True
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != head.i \
        and tok.head.lemma_.lower() in HARM_OR_ATTACK


def _weapon_at(doc: Doc, tok: Token) -> str | None:
    lower = tok.lower_
    lemma = tok.lemma_.lower()
    if tok.i + 1 < len(doc):
        pair = f"{lemma} {doc[tok.i + 1].lemma_.lower()}"
        if pair in WEAPON_BIGRAMS:
            return WEAPON_BIGRAMS[pair]
    if tok.i > 0:
        pair = f"{doc[tok.i - 1].lower_} {lemma}"
        if pair in WEAPON_BIGRAMS:
            return WEAPON_BIGRAMS[pair]
    if lemma == "shell" and tok.pos_ == "VERB":
        return "artillery"
    if lemma in ("mine",) and (tok.pos_ != "NOUN" or is_a_worked_mine(tok)):
        return None
    if is_rigged_vehicle(tok):
        return "ied"  # "a booby-trapped motorcycle": a vehicle bomb
    if lemma == "bomb" and _falls_from_the_air(tok):
        return "aircraft"  # "bombs fell on the old quarter": dropped, not planted
    return WEAPON_LEMMAS.get(lower) or WEAPON_LEMMAS.get(lemma)


def _falls_from_the_air(tok: Token) -> bool:
    head = tok.head.lemma_.lower()
    return (tok.dep_ == "nsubj" and head in lx.AIR_DROP_VERBS
            or tok.dep_ in ("dobj", "nsubjpass") and head == "drop"
            or any(c.dep_ == "acl" and c.lemma_.lower() == "drop" for c in tok.children))
