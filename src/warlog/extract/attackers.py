"""Who carried out the attack a mention tells, read from the parse around its trigger.

The agent ("carried out by X"), the subject of an attack verb or of a light verb whose
object is the attack noun ("X conducted strikes"), an actor modifier ("Houthi attack"),
the first side of "clashes between X and Y", the party blamed, those said to take part,
or whoever wields the trigger's weapon.
"""

from __future__ import annotations

from spacy.tokens import Token

from warlog.extract import lexicon as lx
from warlog.extract.clauses import RELATIVE_SUBJECTS, launches_weapons
from warlog.extract.phrases import (
    INANIMATE,
    TokenRange,
    actor_range,
    can_act,
    elided_passive,
    harm_verb_over,
    is_weapon_word,
    made_word,
    subject,
)
from warlog.extract.senses import defends, goes_off

LIGHT_VERBS = frozenset({"execute", "conduct", "carry", "launch", "stage", "mount", "claim",
                         "unleash", "make", "order", "perform", "deliver", "fire", "undertake",
                         "initiate", "begin", "start", "lead", "commit", "orchestrate", "attempt",
                         "perpetrate",
                         # verbs that wield a weapon noun: "the group used drones to…"
                         "use", "deploy", "send", "fly", "drop"}) | lx.HAND_VERBS

ENGAGE_VERBS = frozenset({"engage", "participate", "join"})

# "by mistake", "by night": a by-phrase that names no one
NOT_AGENTS = frozenset({"mistake", "accident", "error", "chance", "means", "way", "design",
                        "default", "night", "day", "far", "time", "hand", "phone", "car", "road",
                        "sea", "air", "land", "end", "start", "beginning", "dawn",
                        "dusk", "morning", "evening", "midnight", "noon"})

BLAME_VERBS = frozenset({"blame", "attribute", "pin"})

WAVE_NOUNS = frozenset({"wave", "series", "campaign", "string", "spate", "barrage", "volley",
                        "salvo", "round"})


def find_attacker(head: Token, triggers: list[Token]) -> TokenRange | None:
    for tok in triggers:
        found = _agent_of(tok)
        if found is not None:
            return found
    trigger_ids = {t.i for t in triggers}
    for tok in triggers:
        if tok.pos_ == "VERB" and not defends(tok) and not elided_passive(tok) \
                and not goes_off(tok):
            subj = subject(tok, passive=False) or _subject_of_host(tok)
            # "a rocket fired by Ukrainian forces hit…": who fired the weapon that hit
            wielder = _agent_of(subj) if subj is not None and is_weapon_word(subj) else None
            if wielder is not None:
                return wielder
            if subj is not None and subj.i not in trigger_ids and can_act(subj):
                return actor_range(subj)
    if head.pos_ in ("NOUN", "PROPN"):
        carrier = _carrier(head)
        verb = carrier.head.head if carrier.dep_ == "pobj" else carrier.head
        # "X conducted strikes", "X began a wave of attacks", "X engaged in fighting"; not
        # "X's visit came amid a wave of attacks"
        light = LIGHT_VERBS if carrier.dep_ == "dobj" else ENGAGE_VERBS
        if carrier.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in light:
            subj = subject(verb, passive=False)
            if subj is not None and can_act(subj):
                return actor_range(subj)
        modifier = _actor_modifier(head)
        if modifier is not None:
            return modifier
        harm = harm_verb_over(head)
        subj = subject(harm, passive=False) if harm is not None and not defends(harm) \
            and not elided_passive(harm) else None
        if subj is not None and can_act(subj):
            return actor_range(subj)  # "security forces killed five militants in a gunfight"
    sides = between(head)
    if sides is not None:
        return sides[0]
    return _blamed(head) or _involved(head) or _attacker_behind_weapon(head) \
        or _launcher_in_sentence(head)


def _blamed(head: Token) -> TokenRange | None:
    """"the attack, which officials blamed on X", "Washington blames X for the attack":
    the party the report's sources hold responsible."""
    for child in head.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in ("blame", "attribute"):
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("on", "to"):
                    objs = [g for g in prep.children if g.dep_ == "pobj"]
                    if objs:
                        return actor_range(objs[0])
    if head.dep_ == "dobj" and head.head.lemma_.lower() in BLAME_VERBS:
        # "police blamed the bombing on two brothers"
        for prep in head.head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "to"):
                objs = [g for g in prep.children if g.dep_ == "pobj"]
                if objs:
                    return actor_range(objs[0])
    if head.dep_ == "pobj" and head.head.lower_ == "for":
        verb = head.head.head
        if verb.lemma_.lower() in ("blame", "accuse", "hold"):
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            if objs:
                return actor_range(objs[0])
    return None

def _involved(head: Token) -> TokenRange | None:
    """"34 people are involved in the attack", "those responsible for the bombing": who
    took part, as the report's sources say."""
    while head.dep_ == "compound":
        head = head.head  # "the assassination attempt": the phrase's head carries it
    if head.dep_ != "pobj":
        return None
    prep, holder = head.head, head.head.head
    if prep.lower_ == "in" and holder.lemma_.lower() in ("involve", "participate", "implicate"):
        subj = [c for c in holder.children if c.dep_ in ("nsubjpass", "nsubj")]
        if holder.dep_ in ("acl", "relcl"):
            subj = [holder.head]  # "people involved in the attack"
        if subj and subj[0].pos_ in ("NOUN", "PROPN") and can_act(subj[0]):
            return actor_range(subj[0])
    if prep.lower_ == "for" and holder.lower_ == "responsible" \
            and holder.dep_ in ("amod", "acomp"):
        subj = [holder.head] if holder.dep_ == "amod" else _described(holder.head)
        if subj and subj[0].pos_ in ("NOUN", "PROPN") and can_act(subj[0]):
            return actor_range(subj[0])
    if prep.lower_ == "behind" and holder.lemma_.lower() == "be":
        # "two men thought to be behind the attack"
        subj = _described(holder)
        if subj and subj[0].pos_ in ("NOUN", "PROPN") and can_act(subj[0]):
            return actor_range(subj[0])
    return None


def _described(verb: Token) -> list[Token]:
    """Whom a clause says something of: its subject, or the noun it hangs from ("a man
    believed to be responsible", "the group thought to be behind it")."""
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj
        if verb.dep_ in ("acl", "relcl"):
            return [verb.head]
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return []
        verb = verb.head
    return []

def _carrier(head: Token) -> Token:
    """"began a new wave of attacks": the noun that carries the attack into the clause."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in WAVE_NOUNS:
        return head.head.head
    return head

def _attacker_behind_weapon(head: Token) -> TokenRange | None:
    """"Russian missiles hit…", "a missile fired by the Houthis…": who wielded the weapon
    that the trigger itself uses (its subject, object, agent or the trigger noun)."""
    linked = [head] + [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj",
                                                                "compound", "agent", "prep")]
    linked += [g for c in linked if c.dep_ in ("agent", "prep") for g in c.children
               if g.dep_ == "pobj"]
    for tok in linked:
        if not is_weapon_word(tok):
            continue
        modifier = _actor_modifier(tok)
        if modifier is not None:
            return modifier
        agent = _agent_of(tok)
        if agent is not None:
            return agent
        owner = _owner_of(tok)
        if owner is not None:
            return owner
    return None


def _owner_of(weapon: Token) -> TokenRange | None:
    """"the artillery of the Rapid Support Forces fell on the camp", "drones of the
    Russian army struck…": the side whose weapon it is."""
    for child in weapon.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs and not is_weapon_word(objs[0]) and can_act(objs[0]) \
                    and (_actor_word(objs[0]) or _known_group(objs[0])
                         or objs[0].lower_ in lx.STATE_WORDS
                         or objs[0].ent_type_ in ("ORG", "NORP")):
                return actor_range(objs[0])
    return None


def _launcher_in_sentence(head: Token) -> TokenRange | None:
    """"brought down almost all of the drones that Iran launched at the country, blunting
    the first attack on Israel": the one side the sentence says launched the weapons."""
    found: dict[str, TokenRange] = {}
    for tok in head.sent:
        if not launches_weapons(tok):
            continue
        subj = subject(tok, passive=False)
        if subj is not None and subj.lower_ not in RELATIVE_SUBJECTS and can_act(subj):
            found.setdefault(subj.lower_, actor_range(subj))
    return next(iter(found.values())) if len(found) == 1 else None


def between(head: Token) -> tuple[TokenRange, TokenRange | None] | None:
    """"clashes between X and Y": X and Y are the two sides."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if not objs:
                continue
            first = objs[0]
            conj = [c for c in first.children if c.dep_ == "conj"]
            if not conj:
                # "between al-Shabaab and government forces", "between Russian and Ukrainian
                # troops", parsed as two modifiers of the last noun: each modifier is a side
                for mod in first.children:
                    other = next((g for g in mod.children if g.dep_ == "conj"), None)
                    if mod.dep_ in ("nmod", "compound", "amod") and other is not None:
                        return (TokenRange(start=mod.left_edge.i, end=mod.i + 1),
                                TokenRange(start=other.i, end=first.i + 1))
            left = TokenRange(start=first.left_edge.i, end=first.i + 1)
            right = TokenRange(start=conj[0].left_edge.i, end=conj[0].i + 1) if conj else None
            return left, right
    return None


def _agent_of(tok: Token) -> TokenRange | None:
    """"by X" on the trigger, on a participle modifying it, or on a passive verb."""
    # (not "a drone shot down by air defences": who stops a weapon is no wielder of it)
    holders = [tok] + [c for c in tok.children if c.dep_ in ("acl", "relcl") and not defends(c)]
    if tok.dep_ == "nsubjpass":
        holders.append(tok.head)  # "the attack had been carried out by X"
        # "the attack is believed to have been carried out by X"
        holders.extend(c for c in tok.head.children if c.dep_ == "xcomp")
    for holder in holders:
        launcher = _launcher(tok, holder)
        if launcher is not None:
            return launcher
        # an active verb's subject is its agent: "by the end of the day, the brigade had
        # detonated 20 bombs" names a time, not who
        active = holder.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in holder.children)
        for child in holder.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"
                                         and not active):
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs and _can_be_agent(objs[0]):
                    return actor_range(objs[0])
                if objs and objs[0].lemma_.lower() in lx.FIRE_NOUNS | {"shelling", "shrapnel"}:
                    owner = _actor_modifier(objs[0])
                    if owner is not None:
                        return owner  # "killed by Israeli fire": the fire's side
    return None

LAUNCH_LEMMAS = frozenset({"launch", "fire", "fly", "send", "drop", "shoot"})


def _launcher(weapon: Token, clause: Token) -> TokenRange | None:
    """"12 drones that the Houthis launched": who launched the weapons shot down."""
    if clause.i == weapon.i or clause.dep_ != "relcl" or clause.lemma_.lower() not in LAUNCH_LEMMAS \
            or not is_weapon_word(weapon):
        return None
    subj = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    return actor_range(subj[0]) if subj and can_act(subj[0]) else None


def _can_be_agent(tok: Token) -> bool:
    # "killed by an improvised explosive device": a device, a blast or a bullet is what
    # killed, not who ("killed by Israeli fire" names its side through the modifier)
    # "taken by force" is a manner; "fired by Ukrainian forces", "by the force" are actors
    by_force = tok.lower_ == "force" and not any(c.dep_ in ("det", "amod", "compound", "poss")
                                                 for c in tok.children)
    return not is_weapon_word(tok) and tok.lemma_.lower() not in NOT_AGENTS | INANIMATE \
        and tok.ent_type_ not in ("DATE", "TIME") and not by_force

def _subject_of_host(verb: Token) -> Token | None:
    """"the SDF took the village after fighting with loyalists": the fighter is the subject
    of the clause the trigger's phrase hangs from."""
    if verb.dep_ not in ("pcomp", "advcl"):
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # "the vessel was sailing when it was struck": struck, not striking
    host = verb.head.head if verb.dep_ == "pcomp" else verb.head
    if host.pos_ not in ("VERB", "AUX"):
        return None
    return subject(host, passive=False)

def _actor_modifier(head: Token) -> TokenRange | None:
    """"Houthi attack", "Israel's strike", "militia attacks": an actor before the noun."""
    for child in head.children:
        if child.dep_ not in ("poss", "compound", "amod", "nmod"):
            continue
        if child.ent_type_ in ("NORP", "ORG", "GPE") or _actor_word(child) or _known_group(child):
            if is_weapon_word(child) or child.ent_type_ in ("DATE", "TIME"):
                continue
            if child.ent_type_ == "GPE" and child.dep_ == "compound" and not _abbreviation(child):
                continue  # "the Jordan drone strike" says where, not who ("a U.S. drone strike": who)
            if _characterises(child) or _names_the_attack(child) or made_word(child):
                continue  # "an Iranian-made rocket" says who made it, not who fired it
            return TokenRange(start=child.left_edge.i, end=child.i + 1)
    return None

def _abbreviation(tok: Token) -> bool:
    """"U.S.", "UK", "US": a state's short form, which names who more often than where."""
    letters = tok.text.replace(".", "")
    return letters.isupper() and 2 <= len(letters) <= 3

def _characterises(tok: Token) -> bool:
    """"a terrorist attack", "a militant attack": an adjective that says what kind of
    attack it was, not who carried it out (a name or a plural noun would)."""
    return tok.dep_ == "amod" and tok.tag_ == "JJ" and tok.ent_type_ != "NORP" \
        and tok.lower_ in lx.NON_STATE_WORDS

def _names_the_attack(tok: Token) -> bool:
    """"the Boston Marathon bombing", "the Rolando bombing": a proper-noun compound names
    the attack after where or what it hit; only an armed group's name says who."""
    if tok.dep_ != "compound" or tok.ent_type_ == "NORP" or _known_group(tok):
        return False
    words = [t for t in tok.subtree if t.pos_ == "PROPN" or t.ent_type_ == "ORG"]
    text = " ".join(t.lower_ for t in words)
    if any(key == text or key in text.split() for key in lx.KNOWN_GROUPS):
        return False
    if any(t.lower_ in lx.NON_STATE_WORDS | lx.STATE_WORDS for t in tok.subtree):
        return False
    # an acronym ("IRA", "ETA", "PKK") is how armed groups are usually named
    return not (tok.text.isupper() and 2 <= len(tok.text.replace(".", "")) <= 6)

def _known_group(tok: Token) -> bool:
    """"Islamic State attacks": a group's name of several words, its head untagged."""
    return " ".join(t.lower_ for t in tok.subtree) in lx.KNOWN_GROUPS

def _actor_word(tok: Token) -> bool:
    lower = tok.lower_
    return (lower in lx.NON_STATE_WORDS or lower in lx.KNOWN_GROUPS
            or lower in ("israeli", "russian", "ukrainian", "american", "iranian", "military"))
