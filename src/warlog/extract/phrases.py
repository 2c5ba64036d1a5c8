"""Noun phrases in the parse: token ranges, who can act, what names a weapon.

The shared ground of reading attackers and targets: the span an actor's phrase covers,
the subject of a verb, and the words that are weapons rather than people.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from warlog.extract import lexicon as lx
from warlog.geo.mentions import opens_line

WEAPON_LEMMAS = {w: v for w, v in lx.WEAPON_PHRASES if " " not in w}

WEAPON_BIGRAMS = {w: v for w, v in lx.WEAPON_PHRASES if " " in w}


@dataclass(frozen=True, slots=True)
class TokenRange:
    """Tokens [start, end) of the parsed document."""

    start: int
    end: int


def actor_range(tok: Token) -> TokenRange:
    """The noun phrase headed by tok, with its conjuncts, without clauses or long PPs."""
    left = tok.left_edge.i
    for child in tok.lefts:
        if child.i == left and (child.dep_ == "punct" or _verbs_adjective(child, tok)):
            left += 1
    right = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "cc" or child.dep_ == "punct" and child.text == ",":
            continue
        if _extends_phrase(child, right):
            right = _chunk_end(child)
        else:
            break
    return TokenRange(start=left, end=max(right, tok.i + 1))

def _verbs_adjective(child: Token, head: Token) -> bool:
    """"shot dead two suspects": an adjective the parse hangs on the noun before the
    phrase's own number or determiner is the verb's ("shot dead"), never the noun's."""
    after = child.doc[child.i + 1] if child.i + 1 < head.i else None
    return child.dep_ == "amod" and after is not None and after.dep_ in ("nummod", "det") \
        and after.head.i == head.i


def _extends_phrase(child: Token, right: int) -> bool:
    """A conjunct, an adjacent of/with phrase, or an apposition after at most a comma
    ("the alleged killer, Chérif Chekatt")."""
    if child.dep_ == "conj":
        return True
    if child.dep_ in ("nummod", "compound") and child.i == right and child.head.pos_ == "PROPN":
        return True  # "Tower 22", "Camp 5": a number after a name is part of it
    if child.dep_ == "prep":
        return child.lower_ in ("of", "with") and child.i == right
    return child.dep_ == "appos" and child.left_edge.i <= right + 1

def _chunk_end(tok: Token) -> int:
    """Where the phrase under tok ends: before a clause, or an against-phrase, which names
    whom an actor acted against ("fighters of the ADF armed group against civilians")."""
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "punct", "advcl") \
                or child.dep_ == "prep" and child.lower_ == "against" \
                or _says_where(tok, child):
            break
        end = _chunk_end(child)
    return end


def _says_where(tok: Token, prep: Token) -> bool:
    """"a band of militants in the village of X": a place phrase on a common noun says
    where they were, not who they are (a name keeps it: "al-Qaeda in the Arabian
    Peninsula")."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "near", "at") or tok.pos_ != "NOUN":
        return False
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and (objs[0].lemma_.lower() in lx.SETTLEMENT_NOUNS
                           or objs[0].ent_type_ in ("GPE", "LOC", "FAC"))


def overlaps(a: TokenRange | None, b: TokenRange | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def is_weapon_word(tok: Token) -> bool:
    """A weapon's name; "gunmen", "a sniper" name a weapon class but are people."""
    if tok.lower_ in lx.NON_STATE_WORDS or tok.lemma_.lower() in ("sniper", "bomber"):
        return False
    if is_a_worked_mine(tok):
        return False
    if tok.lemma_.lower() in WEAPON_LEMMAS or tok.lower_ in WEAPON_LEMMAS \
            or tok.lemma_.lower() in lx.UNNAMED_MUNITIONS:
        return True
    return is_munition_head(tok) or is_rigged_vehicle(tok) or _uncrewed(tok) or _worn_charge(tok) \
        or _manufactured(tok)


# Participles that say a thing was made: "an Iranian-made Falaq-1", "a Russian-built Shahed".
MADE_WORDS = frozenset({"made", "built", "produced", "manufactured", "designed", "supplied"})


def _manufactured(tok: Token) -> bool:
    """"an Iranian-made Falaq-1", "a Russian-built Shahed": a product named by its maker, a
    weapon unknown to the lexicon (and never the one who fired it)."""
    return tok.pos_ in ("PROPN", "NOUN") and any(
        made_word(c) and (c.lower_ not in MADE_WORDS or any(
            g.dep_ in ("npadvmod", "compound", "amod") for g in c.children))
        for c in tok.children)


def made_word(tok: Token) -> bool:
    """"made" of "Iranian-made", or the one token "U.S.-made"."""
    return tok.dep_ == "amod" and (tok.lower_ in MADE_WORDS or any(
        tok.lower_.endswith("-" + w) for w in MADE_WORDS))


def _worn_charge(tok: Token) -> bool:
    """"an explosive vest", "a suicide belt": a bomb worn on the body; "an improvised
    explosive device", "an explosive charge": a bomb told by what it is made of."""
    kinds = {"vest": ("explosive", "suicide", "bomb"), "belt": ("explosive", "suicide", "bomb"),
             "device": ("explosive", "incendiary"), "charge": ("explosive",)}
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in kinds.get(tok.lemma_.lower(), ())
               for c in tok.children)


def _uncrewed(tok: Token) -> bool:
    """"an uncrewed surface vessel", "an unmanned aerial vehicle": a craft with no crew is
    a drone, a weapon, never an attacker."""
    return tok.pos_ == "NOUN" and any(t.lower_ in ("uncrewed", "unmanned")
                                      for c in tok.lefts for t in c.subtree)


def is_rigged_vehicle(tok: Token) -> bool:
    """"an explosives-laden truck", "a car packed with explosives", "a booby-trapped
    motorcycle": a vehicle its own modifiers rig as a bomb is the weapon."""
    if tok.lower_ not in lx.VEHICLE_NOUNS:
        return False
    return any(t.lower_ in lx.RIGGING_WORDS or t.lemma_.lower() in lx.RIGGING_WORDS
               for c in tok.children if c.dep_ in ("amod", "compound", "acl", "npadvmod")
               for t in c.subtree)


def is_munition_head(tok: Token) -> bool:
    """"a mortar round", "tank rounds": a munition named by its kind as a modifier."""
    return tok.lemma_.lower() in lx.MUNITION_HEADS and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in WEAPON_LEMMAS for c in tok.children)


SITE_VERBS = frozenset({"attack", "raid", "storm", "seize", "capture", "overrun", "occupy", "loot",
                        "control", "besiege", "target"})


def is_a_worked_mine(tok: Token) -> bool:
    """"attacked a mine", "a gold mine": a mine that is dug, not one that explodes."""
    if tok.lemma_.lower() != "mine":
        return False
    if any(c.dep_ in ("compound", "amod") and c.lower_ in ("gold", "coal", "copper", "cobalt", "tin",
                                                            "diamond", "artisanal", "mining")
           for c in tok.children):
        return True
    # "shot at the mine", "miners trapped inside the mine": a site where people are, as
    # a landmine is not
    if tok.dep_ == "pobj" and tok.head.lower_ in SITE_PREPS \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return True
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in SITE_VERBS


SITE_PREPS = frozenset({"at", "inside", "outside", "into", "in"})

PLATFORM_WORDS = frozenset({"helicopter", "gunship", "jet", "warplane", "aircraft", "bomber",
                            "plane", "fighter-bomber", "ac-130"})

# Things that go off or are driven, never the party behind them: "the device detonated",
# "a car rammed the crowd".
INANIMATE = frozenset({"device", "charge", "package", "parcel", "bag", "box", "backpack",
                       "object", "vehicle", "car", "truck", "van", "explosion", "blast", "fire",
                       "bullet", "shrapnel", "debris"})


def can_act(tok: Token) -> bool:
    """A weapon is no attacker, but a platform with its crew is ("an Apache helicopter
    fired…"), and so is a weapon that names its force ("a U.S. military drone")."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) or tok.lower_ in (
            "nobody", "none", "no one"):
        return False  # "no group claimed the attack" names nobody
    if tok.lemma_.lower() in INANIMATE or tok.lemma_.lower() in lx.NOUN_TRIGGERS:
        return False  # "the attack killed five": an attack is no one
    if is_label(tok):
        return False  # "Poltava: a missile struck a block of flats": where, not who
    if not is_weapon_word(tok) or tok.lemma_.lower() in PLATFORM_WORDS:
        return True
    # "an Iranian-made rocket" names its maker, not its force
    makers = {t.i for c in tok.children if made_word(c) for t in c.subtree}
    return any(t.ent_type_ in ("GPE", "NORP", "ORG") or t.lower_ in lx.STATE_WORDS - {tok.lower_}
               for t in tok.subtree if t.i != tok.i and t.i not in makers)


def is_label(tok: Token) -> bool:
    """The word's phrase opens a line and a colon closes it: a label saying what the
    line is about ("Poltava: a missile struck…", "Update: …"), not a part of the clause."""
    left, right = tok.left_edge, tok.right_edge
    doc = tok.doc
    opens = opens_line(doc, left.i)
    # the colon closes the phrase itself, or the name before it ("Poltava:" as a compound)
    closes = [t for t in doc[left.i:min(right.i + 2, len(doc))] if t.text == ":"]
    return opens and bool(closes) and all(t.i > left.i for t in closes) \
        and closes[0].i - left.i <= 4


def subject(verb: Token, *, passive: bool) -> Token | None:
    wanted = ("nsubjpass",) if passive else ("nsubj",)
    node = verb
    for _ in range(3):
        for child in node.children:
            if child.dep_ in wanted and child.pos_ != "PRON" or (
                child.dep_ in wanted and child.lower_ not in ("it", "this", "that", "which", "who")
                and child.pos_ == "PRON"
            ):
                return _resolve_relative(child)
        # a conjoined verb shares its subject: "stormed the village and killed …"; a passive
        # one's shared subject underwent it ("the master reported being hit")
        if not passive and any(c.dep_ == "auxpass" for c in node.children):
            break
        if node.dep_ in ("conj", "xcomp") and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            continue
        break
    return None


def elided_passive(verb: Token) -> bool:
    """"four were killed and two medics hurt": a participle joined to a passive verb, with
    no auxiliary or object of its own, is passive too; its subject was hurt, not hurting."""
    return verb.tag_ == "VBN" and verb.dep_ == "conj" \
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children) \
        and any(c.dep_ == "auxpass" for c in verb.head.children)


def _resolve_relative(tok: Token) -> Token:
    """"militants who attacked…": the subject "who" stands for the noun it modifies."""
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


UNDER_VERBS = frozenset({"come", "be", "remain", "fall"})


def comes_under(tok: Token) -> Token | None:
    """The verb of "came under attack", "were under heavy gunfire", whose subject is what
    was attacked; None when the noun stands otherwise."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "under":
        return None
    verb = tok.head.head
    return verb if verb.lemma_.lower() in UNDER_VERBS else None


HARM_VERB_LEMMAS = frozenset({"kill", "wound", "injure", "hurt", "slay"})


def harm_verb_over(head: Token) -> Token | None:
    """"Security forces killed five militants in a gunfight": the active casualty verb a
    trigger noun hangs from by in/during, whose subject and object are its two sides."""
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ != "pobj" or head.head.lower_ not in ("in", "during"):
        return None
    verb = head.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in HARM_VERB_LEMMAS or verb.tag_ == "VBN" \
            and any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return verb
