"""Who or what a mention's attack was aimed at, read from the parse around its trigger.

The object of an attack verb, its passive subject, an on/against/at phrase, the of-phrase
of a noun naming what was hit, the noun a participle describes, or the second side of
"clashes between X and Y".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc, Token

from warlog.extract import lexicon as lx
from warlog.extract.attackers import BLAME_VERBS, between
from warlog.extract.phrases import (
    HARM_VERB_LEMMAS,
    TokenRange,
    actor_range,
    comes_under,
    harm_verb_over,
    is_weapon_word,
    overlaps,
    subject,
)

TARGET_PREPS = frozenset({"on", "against", "at", "upon", "toward", "towards", "into"})

# Attack nouns whose "of"-phrase names what was hit: "the assassination of X", "the
# shelling of Kharkiv" ("an attack of panic", "a campaign of bombings" are no such thing).
PATIENT_NOUNS = frozenset({"assassination", "killing", "bombing", "shelling", "bombardment",
                           "massacre", "destruction", "siege", "targeting", "storming"})

# Common nouns that name where, not whom: "the bombing of the city", "near the village".
PLACE_NOUNS = frozenset({"city", "town", "village", "capital", "area", "region", "province",
                         "district", "country", "street", "road", "neighbourhood",
                         "neighborhood", "border", "outskirts", "centre", "center"})
DEVICE_VERBS = frozenset({"detonate", "explode", "fire", "launch", "plant", "drop", "blow",
                          "set", "throw", "hurl", "lob"})


def find_target(head: Token, triggers: list[Token], attacker: TokenRange | None,
                towns: frozenset[int] = frozenset(),
                countries: frozenset[int] = frozenset()) -> TokenRange | None:
    """The first reading of the target the parse gives that names a party or a thing, not
    a time or a figure ("at rush hour", "99 percent were intercepted"), nor only the town
    it was in when something else names what was hit.

    ``towns`` holds the tokens of places below country level the gazetteer read in the
    document, ``countries`` those of countries (an attack "on Israel" aims at the state).
    """
    doc = head.doc
    place = None

    def _names_place(root: Token) -> bool:
        return root.i in towns or is_place_noun(root) \
            or (root.ent_type_ in PLACE_ENTITIES and root.i not in countries)

    for found in _target_candidates(head, triggers, attacker, _names_place):
        if found is None or _time_or_figure(doc[found.start:found.end].root):
            continue
        # "the strike on Damascus, which destroyed the consular annex": a place says
        # where; what in it was hit, read anywhere around the mention, says more
        if not _names_place(doc[found.start:found.end].root):
            return found
        place = place or found
    return place


PLACE_ENTITIES = frozenset({"GPE", "LOC"})


def is_place_noun(tok: Token) -> bool:
    """A common noun of where ("the city", "the outskirts"), not of a site in it: a
    "health centre" or "shopping center" is a thing that can be hit."""
    lemma = tok.lemma_.lower()
    if lemma in ("centre", "center"):
        return not any(c.dep_ in ("compound", "amod") and c.lemma_.lower() not in PLACE_NOUNS
                       and c.lower_ not in ("central", "main", "old")
                       for c in tok.children)
    return lemma in PLACE_NOUNS


# Nouns of a time of day: "struck at dawn", "at rush hour" say when, not what was hit.
TIME_NOUNS = frozenset({"hour", "hours", "dawn", "dusk", "night", "midnight", "noon", "morning",
                        "evening", "afternoon", "daybreak", "nightfall", "sunrise", "sunset",
                        "time", "weekend", "moment", "minute", "minutes"})
FIGURE_ENTITIES = frozenset({"DATE", "TIME", "PERCENT", "QUANTITY", "MONEY", "CARDINAL", "ORDINAL"})


# Nouns of a state's ground, air or sea: "attacks on British soil", "strikes on Syrian
# territory" say where, not what was hit.
REALM_NOUNS = frozenset({"soil", "territory", "territories", "airspace", "waters"})


def _time_or_figure(root: Token) -> bool:
    if root.lemma_.lower() in TIME_NOUNS or root.lower_ in TIME_NOUNS | REALM_NOUNS:
        return True
    # "hundreds of worshippers": a figure of people counts as its people
    counts_people = root.ent_type_ == "CARDINAL" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
    return root.ent_type_ in FIGURE_ENTITIES and not counts_people


def _target_candidates(head: Token, triggers: list[Token], attacker: TokenRange | None,
                       names_place: Callable[[Token], bool]) -> Iterator[TokenRange | None]:
    sides = between(head)
    if sides is not None and sides[1] is not None:
        yield sides[1]
    for tok in triggers:
        # "missiles struck central Kharkiv, one hitting a residential building": what one
        # of them hit says more than the place they fell on
        verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "nsubj" else None
        found = _partitive_hit(verb) if verb is not None else None
        if found is not None and not overlaps(found, attacker):
            yield found
        if tok.pos_ == "VERB":
            found = _verb_target(tok)
            if found is not None and not overlaps(found, attacker):
                yield found
            yield _participle_hit(tok, names_place)
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "nsubj" and head.head.pos_ == "VERB":
        if head.head.lemma_.lower() in lx.DAMAGE_VERBS:
            # "a missile destroyed a private house": what the munition destroyed
            found = _verb_target(head.head)
            if found is not None and not overlaps(found, attacker):
                yield found
        # "a missile fell on the town, damaging houses": what the munition's fall hit
        yield _participle_hit(head.head, names_place)
    patient = _patient_of(head) or _under_attack(head) or _harmed(head)
    if patient is not None and not overlaps(patient, attacker):
        yield patient
    for node in _target_holders(head):
        for child in node.children:
            if child.dep_ == "prep" and (child.lower_ in TARGET_PREPS or _tears_through(node, child)):
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs and not is_weapon_word(objs[0]) and objs[0].ent_type_ not in ("DATE", "TIME"):
                    found = actor_range(objs[0])
                    if not overlaps(found, attacker):
                        yield found
            if child.dep_ in ("acl", "advcl") and child.lemma_.lower() == "target":
                objs = [g for g in child.children if g.dep_ == "dobj"]
                if objs:
                    yield actor_range(objs[0])
            if child.dep_ in ("acl", "advcl") and child.lemma_.lower() in ("use", "employ"):
                # "an attack using drones against facilities": the aim may hang on the
                # use or on the weapon used
                used = [g for g in child.children if g.dep_ == "dobj"]
                yield from _aims(
                    (*child.children, *(p for u in used for p in u.children)), attacker)
            if child.dep_ == "acl" and child.lemma_.lower() in CARRY_OUT_VERBS:
                # "the attack carried out by ADF fighters against civilians" (the parse
                # may hang the against-phrase on the doers)
                doers = [g for a in child.children if a.dep_ == "agent" for g in a.children
                         if g.dep_ == "pobj"]
                deep = (t for d in doers for t in d.subtree if t.lower_ == "against")
                yield from _aims(
                    (*child.children, *(p for d in doers for p in d.children), *deep), attacker)
    yield _blast_site(head)
    yield _what_it_hit(head, names_place)
    yield _killed_by(head)


def _aims(preps: Iterable[Token], attacker: TokenRange | None) -> Iterator[TokenRange]:
    """The objects of the on/against/at phrases among ``preps`` that name no weapon, no
    time and not the attacker."""
    for prep in preps:
        objs = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS and objs \
                and not is_weapon_word(objs[0]) and objs[0].ent_type_ not in ("DATE", "TIME"):
            found = actor_range(objs[0])
            if not overlaps(found, attacker):
                yield found


def _participle_hit(verb: Token, names_place: Callable[[Token], bool]) -> TokenRange | None:
    """"missiles struck Odesa, damaging the port": what the strike hit in the place it
    struck (heard only when the verb's own object is a place)."""
    for child in verb.children:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() in HIT_LEMMAS \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            found = _thing_hit(child, names_place)
            if found is not None:
                return found
    return None


def _what_it_hit(head: Token, names_place: Callable[[Token], bool]) -> TokenRange | None:
    """"the strike on Damascus, which destroyed the consular annex", "a barrage that hit a
    power plant": the object of a hitting clause on the attack noun or on the place or
    day said right after it."""
    # (the parse may hang the clause on the place or on the day after the noun: "the
    # strike on Damascus on Monday, which destroyed…")
    aims = [g for c in head.children if c.dep_ == "prep"
            for g in c.children if g.dep_ == "pobj"
            and (names_place(g) or g.ent_type_ in ("DATE", "TIME"))]
    for child in (c for node in (head, *aims) for c in node.children):
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in HIT_LEMMAS:
            found = _thing_hit(child, names_place)
            if found is not None:
                return found
    return None


def _thing_hit(verb: Token, names_place: Callable[[Token], bool]) -> TokenRange | None:
    """The first thing a hitting verb says was hit: no weapon, no place."""
    obj = next((o for o in _hit_objects(verb) if not is_weapon_word(o) and not names_place(o)),
               None)
    return _one_thing(obj) if obj is not None else None


# Verbs by which a blast is said to have been somewhere: "the blast which took place in
# the mosque", "the bombing, which happened at a wedding hall".
OCCUR_VERBS = frozenset({"take", "happen", "occur"})
SITE_IN_PREPS = frozenset({"in", "inside", "at"})


def _blast_site(head: Token) -> TokenRange | None:
    """The building or gathering a blast went off in ("a blast in a crowded market", "the
    suicide blast which took place in the mosque"): a common noun of a civilian site, not a
    town's name, which only says where."""
    if head.lemma_.lower() not in lx.BLAST_LEMMAS or head.pos_ != "NOUN":
        return None
    holders = [head] + [c for c in head.children if c.dep_ in ("relcl", "acl")
                        and c.lemma_.lower() in OCCUR_VERBS]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in SITE_IN_PREPS:
                continue
            for obj in prep.children:
                site = {obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children if c.dep_ == "compound"}
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and site & lx.CIVILIAN_OBJECTS \
                        and obj.lemma_.lower() not in PLACE_NOUNS:
                    return actor_range(obj)  # ("a wedding hall": the hall of a wedding)
    return None


# Verbs of a blast going through what it hit: "a blast tore through a camp", "the
# explosion ripped through the market".
TEAR_VERBS = frozenset({"tear", "rip", "plough", "plow", "slice", "sweep"})


def _tears_through(verb: Token, prep: Token) -> bool:
    """"tore through a camp" names what was hit; "tore through central Mogadishu" only
    where."""
    if prep.lower_ != "through" or verb.lemma_.lower() not in TEAR_VERBS:
        return False
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and objs[0].ent_type_ not in ("GPE", "LOC") \
        and objs[0].lemma_.lower() not in PLACE_NOUNS


# Verbs that say an attack was done, not what it hit: "the raid carried out against a
# village", "an assault launched on the base", "the massacre committed against civilians".
CARRY_OUT_VERBS = frozenset({"carry", "conduct", "launch", "mount", "stage", "perpetrate",
                             "commit", "wage", "unleash", "direct", "aim", "execute"})


# Subjects that pick one of the weapons just named: "one hitting a road", "one of them hit a
# school", "another struck a warehouse".
PARTITIVE_WORDS = frozenset({"one", "another", "some", "several", "two", "three"})


def _partitive_hit(verb: Token) -> TokenRange | None:
    """The object of a clause on the verb whose subject picks one of its weapons out: "two
    missiles struck the city, one hitting a road", "drones attacked Odesa, one of them
    striking a port warehouse"."""
    for child in verb.children:
        if child.dep_ not in ("advcl", "conj") or child.pos_ != "VERB" \
                or child.lemma_.lower() not in HIT_LEMMAS:
            continue
        subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ not in PARTITIVE_WORDS:
            continue
        found = _thing_hit(child, lambda t: t.lemma_.lower() in PLACE_NOUNS)
        if found is not None:
            return found
    return None


def _one_thing(obj: Token) -> TokenRange:
    """The phrase of one thing hit, without its conjuncts or the "the other" that picks it
    out: "a road and the other a residential building" gives "a residential building"."""
    start = actor_range(obj).start
    picks = [t.i for t in obj.lefts if any(g.lower_ in ("other", "another") for g in t.subtree)]
    if picks:
        start = max(t.right_edge.i for t in obj.lefts if t.i in picks) + 1
    return TokenRange(start=start, end=obj.i + 1)


def _hit_objects(verb: Token) -> Iterator[Token]:
    """What a partitive clause says was hit, in order: its object, what one "landed on",
    and the gapped object of "and the other a school"."""
    for child in verb.children:
        if child.pos_ not in ("NOUN", "PROPN"):
            if child.dep_ == "prep" and child.lower_ in ("on", "in", "into"):
                yield from (g for g in child.children
                            if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))
            continue
        if child.dep_ == "dobj" or (child.dep_ == "conj"
                                    and any(g.lower_ in PARTITIVE_WORDS | {"other"}
                                            for g in child.children)):
            yield child


HIT_LEMMAS = frozenset({"hit", "strike", "land", "damage", "destroy", "slam", "smash"})


def whose_life(doc: Doc, target: TokenRange | None, head: Token) -> TokenRange | None:
    """"Maduro survived an attack on his life": the target is the person whose life it was,
    the subject of the clause when the possessive is a pronoun (else the possessor)."""
    if target is None:
        return None
    root = doc[target.start:target.end].root
    if root.lemma_.lower() not in ("life", "lives"):
        return target
    owners = [c for c in root.children if c.dep_ == "poss"]
    if owners and owners[0].pos_ != "PRON":
        return actor_range(owners[0])
    verb = next((a for a in head.ancestors if a.pos_ == "VERB"), None)
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb else []
    if subj and subj[0].pos_ in ("PROPN", "NOUN"):
        return actor_range(subj[0])
    return None


def _patient_of(head: Token) -> TokenRange | None:
    if head.pos_ != "NOUN" or head.lemma_.lower() not in PATIENT_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            # "the bombing of the city" says where ("location" resolves "the city")
            if objs and not is_weapon_word(objs[0]) and objs[0].ent_type_ not in ("DATE", "TIME") \
                    and not objs[0].like_num and objs[0].lemma_.lower() not in PLACE_NOUNS:
                return actor_range(objs[0])
    return None

def _killed_by(head: Token) -> TokenRange | None:
    """"A drone strike killed a senior commander": whom the attack killed is its target,
    when nothing else names one (the last resort of ``find_target``)."""
    if head.pos_ != "NOUN" or head.dep_ != "nsubj" or head.head.lemma_.lower() not in HARM_VERB_LEMMAS:
        return None
    objs = [c for c in head.head.children if c.dep_ == "dobj"]
    if not objs or objs[0].like_num or objs[0].pos_ not in ("NOUN", "PROPN") \
            or any(c.dep_ == "nummod" for c in objs[0].children) \
            or objs[0].lemma_.lower() in ("people", "person", "civilian"):
        return None  # "the strike killed five", "killed nine people": a count, not an aim
    return actor_range(objs[0])


def _harmed(head: Token) -> TokenRange | None:
    """"killed five militants in a gunfight": those killed are the other side."""
    verb = harm_verb_over(head)
    objs = [c for c in verb.children if c.dep_ == "dobj"] if verb is not None else []
    return actor_range(objs[0]) if objs and objs[0].pos_ in ("NOUN", "PROPN") else None


def _under_attack(head: Token) -> TokenRange | None:
    """"a police convoy came under attack", "posts came under intense gunfire": whoever
    comes under it is the target."""
    verb = comes_under(head)
    if verb is None:
        return None
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return actor_range(subj[0]) if subj and subj[0].pos_ in ("NOUN", "PROPN") else None


def _target_holders(head: Token) -> list[Token]:
    holders = [head]
    if head.dep_ == "compound" and head.head.pos_ == "NOUN":
        head = head.head  # "the assassination attempt against X"
        holders.append(head)
    if head.dep_ in ("dobj", "nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX") \
            and head.head.lemma_.lower() not in BLAME_VERBS:
        holders.append(head.head)
    if head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.pos_ == "VERB":
        # "people killed by a strike on a market": the parse may hang the aim on the verb
        holders.append(head.head.head)
    return holders

def _verb_target(verb: Token) -> TokenRange | None:
    lemma = verb.lemma_.lower()
    passive_subj = subject(verb, passive=True)
    # "explosive devices were detonated at places…": what was set off is no target
    if passive_subj is not None and not is_weapon_word(passive_subj) \
            and lemma not in DEVICE_VERBS:
        return actor_range(passive_subj)
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ == "nsubj" for c in verb.children) \
            and lemma not in DEVICE_VERBS and not is_weapon_word(verb.head):
        return actor_range(verb.head)  # "Chekatt, shot dead by police": the noun it describes
    # "fired rockets at X": the object is the weapon; "killed five" counts the dead, but
    # "killed 13 protesters" says whom the killing was aimed at
    # "opened fire at X"; "detonated a vest", "planted a device": what is set off or laid
    object_is_target = lemma not in ("fire", "launch", "blow", "open", "detonate", "explode",
                                     "plant", "throw", "hurl", "lob", "set")
    for child in verb.children:
        if child.dep_ == "dobj" and not is_weapon_word(child) and object_is_target \
                and child.pos_ in ("NOUN", "PROPN"):
            return actor_range(child)
    preps = TARGET_PREPS | ({"with"} if lemma in ("fight", "clash", "battle") else set())
    # "set off a bomb against a convoy", "fired rockets at the base": the aim may hang on
    # the weapon rather than the verb
    weapons = [c for c in verb.children if c.dep_ == "dobj"
               and (is_weapon_word(c) or not object_is_target)]
    for child in (*verb.children, *(g for w in weapons for g in w.children)):
        if child.dep_ == "prep" and child.lower_ in preps:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs and objs[0].ent_type_ not in ("DATE", "TIME") and not is_weapon_word(objs[0]):
                return actor_range(objs[0])
    return _blast_beside(verb)


# A blast "under a convoy", "near a patrol", "outside a mosque" was aimed at what it went
# off beside; "near the city of Deir ez-Zor" only says where.
BLAST_VERBS = frozenset({"explode", "detonate", "blow", "go"})
BESIDE_PREPS = frozenset({"under", "near", "beside", "outside", "alongside", "inside", "among",
                          "amid", "amidst"})


def _blast_beside(verb: Token) -> TokenRange | None:
    if verb.lemma_.lower() not in BLAST_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in BESIDE_PREPS:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            # "among hundreds of worshippers": a figure of people counts as its people
            if objs and (objs[0].pos_ == "NOUN" or objs[0].pos_ == "NUM" and any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in objs[0].children)) \
                    and objs[0].lemma_.lower() not in PLACE_NOUNS and not is_weapon_word(objs[0]):
                return actor_range(objs[0])
    return None
