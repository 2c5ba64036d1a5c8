"""Read the arguments of one attack mention from the dependency parse.

Attacker: the agent ("carried out by X"), the subject of an attack verb or of a light
verb whose object is the attack noun ("X conducted strikes"), or an actor modifier
("Houthi attack"). Target: the object of an attack verb, the subject of a passive one,
or an "on/against/at X" phrase. Weapon: instrument words in the clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from warlog.extract import lexicon as lx
from warlog.extract.mentions import Mention

LIGHT_VERBS = frozenset({"execute", "conduct", "carry", "launch", "stage", "mount", "claim",
                         "unleash", "make", "order", "perform", "deliver", "fire", "undertake",
                         "initiate", "begin", "start", "lead", "commit", "orchestrate",
                         # verbs that wield a weapon noun: "the group used drones to…"
                         "use", "deploy", "send", "fly", "drop", "plant", "throw"})
ENGAGE_VERBS = frozenset({"engage", "participate", "join"})
# "by mistake", "by night": a by-phrase that names no one
NOT_AGENTS = frozenset({"mistake", "accident", "error", "chance", "means", "way", "design",
                        "default", "night", "day", "far", "time", "hand", "phone", "car", "road",
                        "sea", "air", "land", "force", "end", "start", "beginning", "dawn",
                        "dusk", "morning", "evening", "midnight", "noon"})
TARGET_PREPS = frozenset({"on", "against", "at", "upon", "toward", "towards", "into"})
WEAPON_LEMMAS = {w: v for w, v in lx.WEAPON_PHRASES if " " not in w}
WEAPON_BIGRAMS = {w: v for w, v in lx.WEAPON_PHRASES if " " in w}


@dataclass(frozen=True, slots=True)
class TokenRange:
    """Tokens [start, end) of the parsed document."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Frame:
    """What one mention says, in token ranges of the parsed document."""

    mention: Mention
    attacker: TokenRange | None
    target: TokenRange | None
    weapon: str
    weapon_at: int | None


def read_frame(doc: Doc, mention: Mention) -> Frame:
    """The attacker, target and weapon of one mention."""
    head = doc[mention.head]
    triggers = [doc[i] for i in mention.triggers]
    attacker = _attacker(head, triggers)
    target = _whose_life(doc, _target(head, triggers, attacker), head)
    weapon, weapon_at = find_weapon(doc, mention, exclude=(target,))
    return Frame(mention=mention, attacker=attacker, target=target, weapon=weapon,
                 weapon_at=weapon_at)


def _attacker(head: Token, triggers: list[Token]) -> TokenRange | None:
    for tok in triggers:
        found = _agent_of(tok)
        if found is not None:
            return found
    trigger_ids = {t.i for t in triggers}
    for tok in triggers:
        if tok.pos_ == "VERB":
            subj = _subject(tok, passive=False) or _subject_of_host(tok)
            if subj is not None and subj.i not in trigger_ids and _can_act(subj):
                return actor_range(subj)
    if head.pos_ in ("NOUN", "PROPN"):
        carrier = _carrier(head)
        verb = carrier.head.head if carrier.dep_ == "pobj" else carrier.head
        # "X conducted strikes", "X began a wave of attacks", "X engaged in fighting"; not
        # "X's visit came amid a wave of attacks"
        light = LIGHT_VERBS if carrier.dep_ == "dobj" else ENGAGE_VERBS
        if carrier.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in light:
            subj = _subject(verb, passive=False)
            if subj is not None and _can_act(subj):
                return actor_range(subj)
        modifier = _actor_modifier(head)
        if modifier is not None:
            return modifier
    between = _between(head)
    if between is not None:
        return between[0]
    return _blamed(head) or _involved(head) or _attacker_behind_weapon(head)


BLAME_VERBS = frozenset({"blame", "attribute", "pin"})


def _whose_life(doc: Doc, target: TokenRange | None, head: Token) -> TokenRange | None:
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
        if subj and subj[0].pos_ in ("NOUN", "PROPN") and _can_act(subj[0]):
            return actor_range(subj[0])
    if prep.lower_ == "for" and holder.lower_ == "responsible" \
            and holder.dep_ in ("amod", "acomp"):
        subj = [holder.head] if holder.dep_ == "amod" else [
            c for c in holder.head.children if c.dep_ == "nsubj"]
        if subj and subj[0].pos_ in ("NOUN", "PROPN") and _can_act(subj[0]):
            return actor_range(subj[0])
    return None


WAVE_NOUNS = frozenset({"wave", "series", "campaign", "string", "spate", "barrage", "volley",
                        "salvo", "round"})


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
        if not _is_weapon_word(tok):
            continue
        modifier = _actor_modifier(tok)
        if modifier is not None:
            return modifier
        agent = _agent_of(tok)
        if agent is not None:
            return agent
    return None


def _between(head: Token) -> tuple[TokenRange, TokenRange | None] | None:
    """"clashes between X and Y": X and Y are the two sides."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if not objs:
                continue
            first = objs[0]
            conj = [c for c in first.children if c.dep_ == "conj"]
            left = TokenRange(start=first.left_edge.i, end=first.i + 1)
            right = TokenRange(start=conj[0].left_edge.i, end=conj[0].i + 1) if conj else None
            return left, right
    return None


def _agent_of(tok: Token) -> TokenRange | None:
    """"by X" on the trigger, on a participle modifying it, or on a passive verb."""
    holders = [tok] + [c for c in tok.children if c.dep_ in ("acl", "relcl")]
    if tok.dep_ == "nsubjpass":
        holders.append(tok.head)  # "the attack had been carried out by X"
        # "the attack is believed to have been carried out by X"
        holders.extend(c for c in tok.head.children if c.dep_ == "xcomp")
    for holder in holders:
        # an active verb's subject is its agent: "by the end of the day, the brigade had
        # detonated 20 bombs" names a time, not who
        active = holder.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in holder.children)
        for child in holder.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"
                                         and not active):
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs and _can_be_agent(objs[0]):
                    return actor_range(objs[0])
    return None


def _can_be_agent(tok: Token) -> bool:
    return not _is_weapon_word(tok) and tok.lemma_.lower() not in NOT_AGENTS \
        and tok.ent_type_ not in ("DATE", "TIME")


PLATFORM_WORDS = frozenset({"helicopter", "gunship", "jet", "warplane", "aircraft", "bomber",
                            "plane", "fighter-bomber", "ac-130"})


# Things that go off or are driven, never the party behind them: "the device detonated",
# "a car rammed the crowd".
INANIMATE = frozenset({"device", "charge", "package", "parcel", "bag", "box", "backpack",
                       "object", "vehicle", "car", "truck", "van", "explosion", "blast", "fire",
                       "bullet", "shrapnel", "debris"})


def _can_act(tok: Token) -> bool:
    """A weapon is no attacker, but a platform with its crew is ("an Apache helicopter
    fired…"), and so is a weapon that names its force ("a U.S. military drone")."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) or tok.lower_ in (
            "nobody", "none", "no one"):
        return False  # "no group claimed the attack" names nobody
    if tok.lemma_.lower() in INANIMATE or tok.lemma_.lower() in lx.NOUN_TRIGGERS:
        return False  # "the attack killed five": an attack is no one
    if not _is_weapon_word(tok) or tok.lemma_.lower() in PLATFORM_WORDS:
        return True
    return any(t.ent_type_ in ("GPE", "NORP", "ORG") or t.lower_ in lx.STATE_WORDS - {tok.lower_}
               for t in tok.subtree if t.i != tok.i)


def _subject(verb: Token, *, passive: bool) -> Token | None:
    wanted = ("nsubjpass",) if passive else ("nsubj",)
    node = verb
    for _ in range(3):
        for child in node.children:
            if child.dep_ in wanted and child.pos_ != "PRON" or (
                child.dep_ in wanted and child.lower_ not in ("it", "this", "that", "which", "who")
                and child.pos_ == "PRON"
            ):
                return _resolve_relative(child)
        # a conjoined verb shares its subject: "stormed the village and killed …"
        if node.dep_ in ("conj", "xcomp") and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            continue
        break
    return None


def _subject_of_host(verb: Token) -> Token | None:
    """"the SDF took the village after fighting with loyalists": the fighter is the subject
    of the clause the trigger's phrase hangs from."""
    if verb.dep_ not in ("pcomp", "advcl"):
        return None
    host = verb.head.head if verb.dep_ == "pcomp" else verb.head
    if host.pos_ not in ("VERB", "AUX"):
        return None
    return _subject(host, passive=False)


def _resolve_relative(tok: Token) -> Token:
    """"militants who attacked…": the subject "who" stands for the noun it modifies."""
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _actor_modifier(head: Token) -> TokenRange | None:
    """"Houthi attack", "Israel's strike", "militia attacks": an actor before the noun."""
    for child in head.children:
        if child.dep_ not in ("poss", "compound", "amod", "nmod"):
            continue
        if child.ent_type_ in ("NORP", "ORG", "GPE") or _actor_word(child):
            if _is_weapon_word(child) or child.ent_type_ in ("DATE", "TIME"):
                continue
            if child.ent_type_ == "GPE" and child.dep_ == "compound":
                continue  # "the Jordan drone strike" says where, not who
            if _characterises(child) or _names_the_attack(child):
                continue
            return TokenRange(start=child.left_edge.i, end=child.i + 1)
    return None


def _characterises(tok: Token) -> bool:
    """"a terrorist attack", "a militant attack": an adjective that says what kind of
    attack it was, not who carried it out (a name or a plural noun would)."""
    return tok.dep_ == "amod" and tok.tag_ == "JJ" and tok.ent_type_ != "NORP" \
        and tok.lower_ in lx.NON_STATE_WORDS


def _names_the_attack(tok: Token) -> bool:
    """"the Boston Marathon bombing", "the Rolando bombing": a proper-noun compound names
    the attack after where or what it hit; only an armed group's name says who."""
    if tok.dep_ != "compound" or tok.ent_type_ == "NORP":
        return False
    words = [t for t in tok.subtree if t.pos_ == "PROPN" or t.ent_type_ == "ORG"]
    text = " ".join(t.lower_ for t in words)
    if any(key == text or key in text.split() for key in lx.KNOWN_GROUPS):
        return False
    if any(t.lower_ in lx.NON_STATE_WORDS | lx.STATE_WORDS for t in tok.subtree):
        return False
    # an acronym ("IRA", "ETA", "PKK") is how armed groups are usually named
    return not (tok.text.isupper() and 2 <= len(tok.text.replace(".", "")) <= 6)


def _actor_word(tok: Token) -> bool:
    lower = tok.lower_
    return (lower in lx.NON_STATE_WORDS or lower in lx.KNOWN_GROUPS
            or lower in ("israeli", "russian", "ukrainian", "american", "iranian", "military"))


def _target(head: Token, triggers: list[Token], attacker: TokenRange | None) -> TokenRange | None:
    between = _between(head)
    if between is not None and between[1] is not None:
        return between[1]
    for tok in triggers:
        if tok.pos_ == "VERB":
            found = _verb_target(tok)
            if found is not None and not _overlaps(found, attacker):
                return found
    patient = _patient_of(head)
    if patient is not None and not _overlaps(patient, attacker):
        return patient
    for node in _target_holders(head):
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs and not _is_weapon_word(objs[0]) and objs[0].ent_type_ not in ("DATE", "TIME"):
                    found = actor_range(objs[0])
                    if not _overlaps(found, attacker):
                        return found
            if child.dep_ in ("acl", "advcl") and child.lemma_.lower() == "target":
                objs = [g for g in child.children if g.dep_ == "dobj"]
                if objs:
                    return actor_range(objs[0])
    return None


# Attack nouns whose "of"-phrase names what was hit: "the assassination of X", "the
# shelling of Kharkiv" ("an attack of panic", "a campaign of bombings" are no such thing).
PATIENT_NOUNS = frozenset({"assassination", "killing", "bombing", "shelling", "bombardment",
                           "massacre", "destruction", "siege", "targeting", "storming"})


def _patient_of(head: Token) -> TokenRange | None:
    if head.pos_ != "NOUN" or head.lemma_.lower() not in PATIENT_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs and not _is_weapon_word(objs[0]) and objs[0].ent_type_ not in ("DATE", "TIME") \
                    and not objs[0].like_num:
                return actor_range(objs[0])
    return None


def _target_holders(head: Token) -> list[Token]:
    holders = [head]
    if head.dep_ == "compound" and head.head.pos_ == "NOUN":
        head = head.head  # "the assassination attempt against X"
        holders.append(head)
    if head.dep_ in ("dobj", "nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX") \
            and head.head.lemma_.lower() not in BLAME_VERBS:
        holders.append(head.head)
    return holders


DEVICE_VERBS = frozenset({"detonate", "explode", "fire", "launch", "plant", "drop", "blow",
                          "set", "throw", "hurl", "lob"})


def _verb_target(verb: Token) -> TokenRange | None:
    lemma = verb.lemma_.lower()
    passive_subj = _subject(verb, passive=True)
    # "explosive devices were detonated at places…": what was set off is no target
    if passive_subj is not None and not _is_weapon_word(passive_subj) \
            and lemma not in DEVICE_VERBS:
        return actor_range(passive_subj)
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ == "nsubj" for c in verb.children) \
            and lemma not in DEVICE_VERBS and not _is_weapon_word(verb.head):
        return actor_range(verb.head)  # "Chekatt, shot dead by police": the noun it describes
    # "fired rockets at X": the object is the weapon; "killed five" counts the dead, but
    # "killed 13 protesters" says whom the killing was aimed at
    object_is_target = lemma not in ("fire", "launch", "blow")
    for child in verb.children:
        if child.dep_ == "dobj" and not _is_weapon_word(child) and object_is_target \
                and child.pos_ in ("NOUN", "PROPN"):
            return actor_range(child)
    preps = TARGET_PREPS | ({"with"} if lemma in ("fight", "clash", "battle") else set())
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs and objs[0].ent_type_ not in ("DATE", "TIME") and not _is_weapon_word(objs[0]):
                return actor_range(objs[0])
    return None


def actor_range(tok: Token) -> TokenRange:
    """The noun phrase headed by tok, with its conjuncts, without clauses or long PPs."""
    left = tok.left_edge.i
    for child in tok.lefts:
        if child.dep_ in ("punct",) and child.i == left:
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


def _extends_phrase(child: Token, right: int) -> bool:
    """A conjunct, an adjacent of/with phrase, or an apposition after at most a comma
    ("the alleged killer, Chérif Chekatt")."""
    if child.dep_ == "conj":
        return True
    if child.dep_ == "prep":
        return child.lower_ in ("of", "with") and child.i == right
    return child.dep_ == "appos" and child.left_edge.i <= right + 1


def _chunk_end(tok: Token) -> int:
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "punct", "advcl"):
            break
        end = child.right_edge.i + 1
    return end


def _overlaps(a: TokenRange | None, b: TokenRange | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _is_weapon_word(tok: Token) -> bool:
    """A weapon's name; "gunmen", "a sniper" name a weapon class but are people."""
    if tok.lower_ in lx.NON_STATE_WORDS or tok.lemma_.lower() in ("sniper", "bomber"):
        return False
    return tok.lemma_.lower() in WEAPON_LEMMAS or tok.lower_ in WEAPON_LEMMAS


def find_weapon(doc: Doc, mention: Mention, *,
                exclude: tuple[TokenRange | None, ...] = ()) -> tuple[str, int | None]:
    """The most specific weapon named in the mention's clause, and where."""
    sent = doc[mention.head].sent
    best: tuple[int, str, int] | None = None
    rank = {v: i for i, v in enumerate(
        ["gunship", "ballistic_missile", "cruise_missile", "drone", "rocket", "mortar",
         "artillery", "aircraft", "ied", "small_arms"])}
    head = doc[mention.head]
    # a re-mention ("the attack showed why Ukraine needs interceptor missiles") names its
    # weapon only inside its own phrase
    tokens = list(head.subtree) if mention.anaphoric else list(sent)
    for tok in tokens:
        weapon = _weapon_at(doc, tok)
        # a weapon named in the target ("a rocket launcher", "an arms depot") is what
        # was hit, not what hit it
        if weapon is None or any(r is not None and r.start <= tok.i < r.end for r in exclude):
            continue
        distance = abs(tok.i - head.i)
        key = (distance // 6, rank.get(weapon, 99), tok.i)
        if best is None or key < (best[0] // 6, rank.get(best[1], 99), best[2]):
            best = (distance, weapon, tok.i)
    if best is None:
        return "unknown", None
    return best[1], best[2]


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
    if lemma in ("mine",) and tok.pos_ != "NOUN":
        return None
    return WEAPON_LEMMAS.get(lower) or WEAPON_LEMMAS.get(lemma)
