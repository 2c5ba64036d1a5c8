"""Find attack mentions: trigger words, grouped per clause, told apart from background.

A mention is *specific* when the report tells it as something that happened (a new
event or a re-telling of one), and *background* when it counts or characterises
attacks in general ("the 66th attack since…", "a surge in attacks", "have previously
targeted"), is hypothetical ("could strike") or negated ("no retaliatory action").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from warlog.extract import lexicon as lx
from warlog.extract.lexicon import words
from warlog.extract.vague import parse_number

DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
INTENT_HEADS = frozenset({"threaten", "vow", "plan", "warn", "seek", "want", "intend",
                          "prepare", "pledge", "promise", "deter", "prevent", "avoid",
                          "condemn", "fear", "risk", "rule", "way", "ability", "able",
                          "capable", "capability", "design", "means"})
AGGREGATE_HEADS = frozenset({"surge", "wave", "series", "string", "spate", "number", "rise",
                             "increase", "escalation", "campaign", "flurry", "uptick", "spike",
                             "pattern", "total", "tally", "count"})


# A sentence a few after one about weapons, forces or casualties goes on telling the same
# story ("…killed 13 people. The attack is believed to have been carried out by ETA").
CUE_REACH = 2


@dataclass(frozen=True, slots=True)
class Mention:
    """One attack told in one clause: its trigger tokens and how it is told."""

    sent: int                 # index of the sentence in doc.sents order
    head: int                 # token index of the primary trigger (a noun when there is one)
    triggers: tuple[int, ...]
    lemma: str
    anaphoric: bool           # "the assault", "this attack", "Monday's attack"
    plural: bool
    background: bool = False  # attacks in general, counted or hypothetical: context only


def find_mentions(doc: Doc) -> tuple[Mention, ...]:
    """Every attack mention of the document in text order; background ones flagged."""
    found: list[Mention] = []
    last_cue = -CUE_REACH - 1
    furniture = furniture_spans(doc.text)
    for s_index, sent in enumerate(doc.sents):
        if _is_conflict_sentence(sent):
            last_cue = s_index
        elif s_index - last_cue > CUE_REACH:
            continue
        tally = _is_tally_sentence(sent)
        triggers = [t for t in sent if _is_trigger(t, sent)
                    and not any(a <= t.idx < b for a, b in furniture)]
        mentions = [_mention_of(g, s_index) for g in _group_triggers(triggers)]
        told = [m for m in mentions if not tally and not is_background(doc[m.head], sent)
                and not _characterises(doc[m.head])]
        # "struck the militants involved in the attack": beside a new mention, a definite
        # one points back at an event already told and adds nothing of its own
        if any(not m.anaphoric for m in told):
            told = [m for m in told if not m.anaphoric]
        found.extend(m if m in told else replace(m, background=True) for m in mentions)
    return tuple(found)


# Headings after which a page lists links and sources, not the story ("==See also==").
END_MATTER = frozenset({"see also", "references", "external links", "further reading",
                        "notes", "sources", "bibliography", "related", "related articles"})
HEADING = re.compile(r"==+\s*([^=\n]+?)\s*==+")


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges that are page furniture: wiki-style headings themselves, and the
    lists under a "See also" or "References" heading up to the next heading."""
    spans: list[tuple[int, int]] = []
    headings = list(HEADING.finditer(text))
    for i, match in enumerate(headings):
        spans.append((match.start(), match.end()))
        if match.group(1).lower() in END_MATTER:
            end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
            spans.append((match.end(), end))
    return spans


CHARACTERISING_VERBS = frozenset({"describe", "label", "call", "term", "brand", "condemn",
                                  "denounce", "classify", "treat", "investigate", "regard",
                                  "consider", "characterise", "characterize"})


def _characterises(head: Token) -> bool:
    """"Macron called the explosion an attack", "described the blast as an attack": the
    noun characterises something told elsewhere in the sentence, it tells nothing new."""
    if head.dep_ == "oprd":
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "as" \
        and head.head.head.lemma_.lower() in CHARACTERISING_VERBS


def cue_words(tokens: Iterable[Token]) -> set[str]:
    """Lower-cased forms and lemmas of the tokens, leaving out weapon words that are part
    of a name ("the Houston Rockets", "Attack on Titan", "the Winnipeg Jets")."""
    out: set[str] = set()
    for t in tokens:
        if t.ent_type_ in NAME_ENTITIES and t.lemma_.lower() in NAME_WEAPONS:
            continue
        out.add(t.lower_)
        out.add(t.lemma_.lower())
    return out


NAME_ENTITIES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "FAC", "LAW"})
NAME_WEAPONS = frozenset({"rocket", "jet", "bomber", "missile", "bomb", "blast", "attack",
                          "gun", "drone", "shell", "tank", "thunder", "fighter", "raider",
                          "raid", "strike", "explosion", "shooter", "sniper", "warrior",
                          "dynamite", "blaze"})


def _is_conflict_sentence(sent: Span) -> bool:
    """A sentence with a weapon, a force or a casualty word; "attacked" alone is sport too."""
    words = cue_words(sent)
    return bool(words & lx.CONFLICT_CUES) or any(
        t.ent_type_ in ("ORG", "NORP") and t.lower_ in lx.KNOWN_GROUPS for t in sent)


def _is_tally_sentence(sent: Span) -> bool:
    """"came under attack at least 10 times … 13 attacks in all": counting, not telling."""
    text = " ".join(sent.text.lower().split())
    times = any(t.lower_ == "times" and any(c.like_num for c in t.children) for t in sent)
    return times or any(cue in text for cue in (" in all", " in total", " so far", "altogether"))


def _is_trigger(tok: Token, sent: Span) -> bool:
    lemma = tok.lemma_.lower()
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in lx.WEAPON_NOUNS:
        return False  # "attack drones" are weapons; the drone noun speaks for them
    if tok.ent_type_ in ("WORK_OF_ART", "ORG", "PERSON", "LAW"):
        return False  # "Attack on Titan", "Rocket League": a title or a name
    if tok.pos_ in ("NOUN", "PROPN") and lemma in lx.NOUN_TRIGGERS:
        if _unarmed(tok):
            return False  # "a heart attack", "a ransomware attack", "a shark attack"
        return lemma != "engagement" or _has_weapon_or_force(sent)
    if tok.pos_ == "NOUN" and lemma in lx.WEAPON_NOUNS and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return tok.head.lemma_.lower() in lx.WEAPON_VERBS and not _civil_use(tok) \
            and not _flown_past(tok.head)
    if tok.pos_ == "VERB" and lemma in lx.VERB_TRIGGERS:
        if _figurative_object(tok):
            return False
        if lemma in lx.WEAK_VERBS or _strikes_a_person(tok):
            return _weak_verb_is_attack(tok, sent)
        return True
    if tok.pos_ == "VERB" and lemma == "open":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in ("fire", "gunfire") for c in tok.children)
    # "an explosive device went off"
    return tok.pos_ == "VERB" and lemma == "go" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in tok.children
    ) and _weak_verb_is_attack(tok, sent)


# Modifiers that make an attack noun something other than armed violence.
UNARMED_KINDS = frozenset(words("""heart asthma panic anxiety seizure cyber ransomware
    malware phishing hacking hacker ddos computer online verbal personal political
    rhetorical legal shark dog bear snake bee wasp insect animal"""))
def _unarmed(tok: Token) -> bool:
    return any(c.dep_ in ("compound", "amod") and c.lower_ in UNARMED_KINDS for c in tok.children)


# Objects that make "strike", "hit", "launch" or "fire" figurative: "struck a deal", "hit
# a record", "launched a campaign", "fired the coach".
FIGURATIVE_OBJECTS = frozenset(words("""deal agreement accord bargain compromise balance chord
    note tone pose gold oil jackpot record high low peak milestone target layup homer
    run ball button note nerve snag wall road trail campaign bid appeal investigation
    inquiry probe website app product service career company business coach manager
    employee staff question warning broadside salvo tirade""")) - {"target", "salvo"}


def _figurative_object(verb: Token) -> bool:
    if verb.lemma_.lower() not in ("strike", "hit", "launch", "fire", "blow", "shoot", "target"):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in FIGURATIVE_OBJECTS for c in verb.children)


# Drones that deliver, film, search or race: "underwater drones", "delivery drones",
# "use drones to carry drugs into prisons".
CIVIL_DRONE_WORDS = frozenset(words("""underwater delivery camera hobby hobbyist commercial
    consumer recreational racing agricultural survey surveying toy search mapping
    photography filming rescue"""))
CIVIL_PRODUCTS = frozenset(words("""delivery deliveries photo photograph picture video
    footage map survey inspection parcel package"""))
CIVIL_PURPOSES = frozenset(words("""deliver carry film photograph search map survey monitor
    inspect smuggle spray race record watch find locate"""))


def _civil_use(weapon: Token) -> bool:
    if any(c.lower_ in CIVIL_DRONE_WORDS for c in weapon.children):
        return True
    purposes = [c for c in weapon.head.children if c.dep_ in ("xcomp", "advcl")]
    purposes += [g for c in purposes for g in c.children if g.dep_ == "conj"]
    # "used drones to carry out reconnaissance and drop bombs" is no delivery service
    armed = any(_is_armed(p) for p in purposes)
    return not armed and any(_civil_purpose(p) for p in purposes)


def _civil_purpose(verb: Token) -> bool:
    """"to carry drugs", "to make deliveries" (but "to carry out strikes")."""
    if any(c.dep_ == "prt" for c in verb.children):
        return False
    return verb.lemma_.lower() in CIVIL_PURPOSES or any(
        c.dep_ == "dobj" and c.lemma_.lower() in CIVIL_PRODUCTS for c in verb.children)


def _flown_past(verb: Token) -> bool:
    """"flew drones over military sites" watches; "drones were flown at the base" attack."""
    return verb.lemma_.lower() == "fly" and not any(
        c.dep_ == "prep" and c.lower_ in ("at", "into", "toward", "towards", "against", "on")
        for c in verb.children)


def _is_armed(verb: Token) -> bool:
    return verb.lemma_.lower() in lx.VERB_TRIGGERS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in {w for w, _ in lx.WEAPON_PHRASES}
        for c in verb.children)


def _strikes_a_person(tok: Token) -> bool:
    """"passers-by had to strike hysterical girls": striking a person is a blow, an attack
    only with a weapon or force beside it ("gunmen struck villagers")."""
    return tok.lemma_.lower() in ("strike", "hit") and any(
        c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in lx.PERSON_LEMMAS
                              or c.lower_ in lx.PEOPLE_NOUNS | lx.CIVILIAN_WORDS)
        for c in tok.children)


def _has_weapon_or_force(sent: Span) -> bool:
    return any(t.lemma_.lower() in lx.CONFLICT_CUES for t in sent)


def _weak_verb_is_attack(tok: Token, sent: Span) -> bool:
    """"hit", "target", "fire", "kill" are attacks only with a weapon or force nearby."""
    lemma = tok.lemma_.lower()
    args = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "prep")]
    words = cue_words(w for c in args for w in c.subtree if not _unarmed(w))
    if tok.dep_ in ("acl", "relcl"):
        # "a missile fired by the group": the noun it modifies is its argument
        words |= cue_words(w for w in tok.head.subtree if w.i < tok.i)
    if lemma == "kill":
        # "gunmen killed five villagers" is an attack; "five were killed in the strike" is
        # a casualty of another trigger, read by the casualty stage.
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        return bool(subj) and not any(
            t.lemma_.lower() in lx.NOUN_TRIGGERS for t in sent if t.i != tok.i
        ) and bool({w.lemma_.lower() for w in subj[0].subtree} & (lx.NON_STATE_WORDS | lx.STATE_WORDS | {"strike", "drone", "missile", "bomb", "explosion", "blast"}))
    if lemma == "down":
        return bool(words & {"drone", "missile", "rocket", "aircraft", "jet", "helicopter", "uav"})
    if lemma in ("launch", "fire", "shoot") and _fires_no_munition(tok):
        return False  # "launches a net at flying objects", "fired the coach"
    if lemma in ("shoot", "gun") and any(c.lower_ == "dead" for c in tok.children):
        return True  # "shot dead by police", "gunned down": a killing by gunfire
    # a base or a target is hit in kitchens and sport too: the weak verb needs more
    cue = (lx.CONFLICT_CUES - {"base", "target", "targets"}) | lx.NOUN_TRIGGERS \
        | {w for w, _ in lx.WEAPON_PHRASES}
    return bool(words & cue)


MUNITIONS = frozenset(words("""round rounds shot shots salvo volley barrage projectile
    projectiles munition munitions bullet bullets shell shells flare flares"""))


def _fires_no_munition(verb: Token) -> bool:
    """An object that is neither a weapon, a munition nor an attack."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:
        return False
    armed = {w for w, _ in lx.WEAPON_PHRASES} | MUNITIONS | lx.NOUN_TRIGGERS | lx.WEAPON_NOUNS
    # the object itself, a weapon word on it ("missile salvo") or what it is a series of
    # ("a series of attacks", "a barrage of rockets")
    return not any(t.lemma_.lower() in armed or t.lower_ in armed
                   for o in objs for t in o.subtree)


def _group_triggers(triggers: list[Token]) -> list[list[Token]]:
    """Triggers linked head-to-child ("Missile Strike Targets", "launched an attack") are one."""
    groups: list[list[Token]] = []
    for tok in triggers:
        for group in groups:
            if any(tok.head.i == g.i or g.head.i == tok.i for g in group):
                group.append(tok)
                break
        else:
            groups.append([tok])
    return groups


def _mention_of(group: list[Token], s_index: int) -> Mention:
    # the attack noun leads; a weapon noun only when nothing else names the attack
    nouns = sorted((t for t in group if t.pos_ in ("NOUN", "PROPN")),
                   key=lambda t: (t.lemma_.lower() in lx.WEAPON_NOUNS, t.i))
    head = nouns[0] if nouns else group[0]
    return Mention(
        sent=s_index,
        head=head.i,
        triggers=tuple(sorted(t.i for t in group)),
        lemma=head.lemma_.lower(),
        anaphoric=_is_anaphoric(head),
        plural=head.tag_ in ("NNS", "NNPS"),
    )


def _is_anaphoric(head: Token) -> bool:
    if head.pos_ == "VERB":
        # "The missile hit the ship": a definite weapon or attack as subject points back
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(any(g.dep_ == "det" and g.lower_ in DEFINITE for g in s.children)
                   and (s.lemma_.lower() in lx.NOUN_TRIGGERS or _names_weapon(s))
                   for s in subjects)
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    for child in head.children:
        if child.dep_ == "det" and child.lower_ in DEFINITE:
            return True
        if child.dep_ == "poss":
            return True
    return False


def _names_weapon(tok: Token) -> bool:
    return any(tok.lemma_.lower() == w or tok.lower_ == w for w, _ in lx.WEAPON_PHRASES)


def is_background(head: Token, sent: Span) -> bool:
    """True when the trigger speaks of attacks in general, in the past, or hypothetically."""
    return (
        _is_counted(head)
        or _is_negated_or_modal(head)
        or _under_intent(head)
        or _is_aggregate_plural(head, sent)
        or _has_background_adverb(head)
        or _counted_by_its_noun(head)
        or _is_habitual(head, sent)
        or _is_a_charge(head)
    )


def _is_a_charge(head: Token) -> bool:
    """"three counts of assault", "charged with attempted murder and assault": the crime
    named in a charge, not an event told."""
    if head.pos_ != "NOUN" or any(c.dep_ in ("det", "poss") for c in head.children):
        return False
    node = head
    while node.dep_ == "conj":
        node = node.head
    if node.dep_ != "pobj":
        return False
    prep, holder = node.head, node.head.head
    return (prep.lower_ == "of" and holder.lemma_.lower() in ("count", "charge", "conviction")) \
        or (prep.lower_ == "with" and holder.lemma_.lower() in ("charge", "accuse", "indict"))


def _counted_by_its_noun(head: Token) -> bool:
    """"the fifth missile the group had launched": an ordinal on the noun it describes."""
    if head.dep_ not in ("relcl", "acl"):
        return False
    return any(c.ent_type_ == "ORDINAL" and c.lower_ != "first" for c in head.head.children)


ASPECT_HEADS = frozenset({"begin", "start", "continue", "keep", "resume"})


def _is_habitual(head: Token, sent: Span) -> bool:
    """"have struck … since January", "began firing at ships in November": a campaign."""
    verb = head if head.pos_ == "VERB" else _governing_verb(head)
    if verb is None:
        return False
    perfect = any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in verb.children)
    since = any(t.lower_ == "since" for t in verb.subtree)
    if perfect and since:
        return True
    aspect = verb.head if verb.dep_ == "xcomp" else None
    return aspect is not None and aspect.lemma_.lower() in ASPECT_HEADS and not _has_day(head, sent)


def _is_counted(head: Token) -> bool:
    """"the 66th attack", "66 attacks", "dozens of attacks": a tally, read as a claim."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    weapon = head.lemma_.lower() in lx.WEAPON_NOUNS
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
    for child in head.children:
        if child.ent_type_ == "ORDINAL" and child.dep_ in ("amod", "nummod") \
                and child.lower_ != "first" and not (weapon and indefinite):
            return True  # "a third drone" is one more drone; "the 66th attack" a tally
        if child.dep_ == "nummod" and child.like_num:
            # "two drone attacks on Sunday" are events; "66 attacks" is a tally.
            number = parse_number(child.text)
            return number is None or number > (10 if weapon else 4)
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.like_num


def _is_negated_or_modal(head: Token) -> bool:
    verb = _governing_verb(head)
    nodes = [head] + ([verb] if verb is not None else [])
    for node in nodes:
        for child in node.children:
            if child.dep_ == "neg" or child.lower_ in ("no", "never", "without"):
                return True
            if child.dep_ == "advmod" and child.lower_ in ("nearly", "almost") \
                    and node.pos_ == "VERB":
                return True  # "the helicopter was nearly downed": it was not
            if child.dep_ == "aux" and child.lower_ in lx.MODAL_WORDS:
                return True
    return False


def _under_intent(head: Token) -> bool:
    """"threatened to strike", "plans for an attack": what is intended, not done. The
    intent's subject is no part of it ("the killer, shot dead by police, had pledged…")."""
    node = head
    for _ in range(4):
        if node.head is node:
            return False
        child, node = node, node.head
        if node.lemma_.lower() in INTENT_HEADS and node.pos_ in ("VERB", "NOUN"):
            return child.dep_ not in ("nsubj", "nsubjpass")
    return False


def _is_aggregate_plural(head: Token, sent: Span) -> bool:
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    if head.lemma_.lower() in lx.WEAPON_NOUNS or any(
            c.dep_ == "nummod" and (parse_number(c.text) or 99) <= 4 for c in head.children):
        return False  # "two drones were sent", "three strikes hit": counted, so specific
    if head.dep_ == "pobj" and head.head.head.lemma_.lower() in AGGREGATE_HEADS:
        return True
    # A plural told as events has a day of its own ("strikes ... early Wednesday");
    # without one it characterises attacks in general.
    return not _has_day(head, sent)


def _has_day(head: Token, sent: Span) -> bool:
    verb = _governing_verb(head)
    scope = {t.i for t in (verb.subtree if verb is not None else head.subtree)}
    return any(e.label_ in ("DATE", "TIME") and e.root.i in scope and _names_a_day(e.text)
               for e in sent.ents)


DAY_WORDS = frozenset(words("""monday tuesday wednesday thursday friday saturday sunday today
    yesterday tonight overnight night morning afternoon evening dawn"""))


def _names_a_day(text: str) -> bool:
    """"early Wednesday", "Oct. 17", "last night": a day; "November", "the past month": not."""
    lower = text.lower()
    if lower.startswith(("since", "the past", "past")):
        return False
    return bool(set(lower.replace(",", " ").split()) & DAY_WORDS) or any(c.isdigit() for c in lower)


def _has_background_adverb(head: Token) -> bool:
    verb = _governing_verb(head)
    nodes = [head] + ([verb] if verb is not None else [])
    return any(c.lower_ in lx.BACKGROUND_ADVERBS for n in nodes for c in n.children)


def _governing_verb(tok: Token) -> Token | None:
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") and node is not tok:
            return node
        if node.head is node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
    return None
