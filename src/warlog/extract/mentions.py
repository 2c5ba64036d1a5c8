"""Find attack mentions: trigger words, grouped per clause, told apart from background.

A mention is *specific* when the report tells it as something that happened (a new
event or a re-telling of one), and *background* when it does not (``background``);
words of attack used for something else are no triggers (``senses``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from warlog.extract import lexicon as lx
from warlog.extract.background import (
    characterises,
    is_background,
    is_generic_killing,
    is_tally_sentence,
)
from warlog.extract.lexicon import words
from warlog.extract.lookup import doc_text
from warlog.extract.phrases import WEAPON_LEMMAS, comes_under, is_munition_head
from warlog.extract.senses import (
    blame,
    civil_use,
    critics_did_it,
    cue_words,
    downed,
    executes_people,
    figurative_object,
    fires_no_munition,
    flown_past,
    forced_entry,
    kills_fighters,
    left_dead,
    nature_did_it,
    police_search,
    put_to_death,
    road_accident,
    sets_ablaze,
    sets_off_a_charge,
    stores_going_off,
    strikes_a_person,
    takes_captives,
    unarmed,
    weapons_trial,
)
from warlog.extract.vague import parse_quantity

DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})

# A sentence a few after one about weapons, forces or casualties goes on telling the same
# story ("…killed 13 people. The attack is believed to have been carried out by ETA").
CUE_REACH = 2

# Headings after which a page lists links and sources, not the story ("==See also==").
END_MATTER = frozenset({"see also", "references", "external links", "further reading",
                        "notes", "sources", "bibliography", "related", "related articles"})

HEADING = re.compile(r"==+\s*([^=\n]+?)\s*==+")


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
    dated: bool = False       # named by its day: "the October 7 attack", "the April 1 strike"


SPORT_WORDS = frozenset(words("""inning innings homer homers home-run rbi touchdown
    touchdowns goal goals striker midfielder goalkeeper playoff playoffs pitcher batter
    quarterback layup dunk scored scorer fans stadium league championship tournament
    semifinal semifinals final finals series season coach derby referee fan"""))
# Words a game is told in too: "a three-run blast", "a 60-yard bomb", "the attack".
SPORT_FIGURES = frozenset(words("""blast blasts shooting shooter shot shots strike strikes
    attack attacks explosion explosive bomb bombs target targets projectile projectiles
    gunner gunners"""))


def find_mentions(doc: Doc) -> tuple[Mention, ...]:
    """Every attack mention of the document in text order; background ones flagged."""
    found: list[Mention] = []
    last_cue = -CUE_REACH - 1
    furniture = furniture_spans(doc.text)
    last_told = -1  # where the sentence of the latest attack told starts
    for s_index, sent in enumerate(doc.sents):
        if _is_conflict_sentence(sent):
            last_cue = s_index
        elif s_index - last_cue > CUE_REACH:
            continue
        tally = is_tally_sentence(sent)
        triggers = [t for t in sent if _is_trigger(t, sent) and not is_generic_killing(t, sent)
                    and not any(a <= t.idx < b for a, b in furniture)]
        mentions = [_told_head(_mention_of(g, s_index), doc, sent) for g in _group_triggers(triggers)]
        if not mentions and not tally and not _told_in_paragraph(last_told, sent):
            toll = toll_alone(sent)
            if toll is not None:
                mentions = [_mention_of([toll], s_index)]
        told = [m for m in mentions if not tally and _is_told(doc[m.head], sent)]
        told = [_unfolding(m, told, doc) for m in told]
        # "struck the militants involved in the attack": beside a new mention, a definite
        # one points back at an event already told and adds nothing of its own
        if any(not m.anaphoric for m in told):
            told = [m for m in told if not m.anaphoric]
        found.extend(m if m in told else replace(m, background=True) for m in mentions)
        if told:
            last_told = sent.start_char
    return tuple(found)


# Verbs of a toll told alone ("five soldiers were killed near Mir Ali on Monday").
TOLL_VERBS = frozenset({"kill", "wound", "injure"})
# Prepositions that place or date a toll; any other phrase may tell its cause.
TOLL_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "on", "outside", "around"})


def toll_alone(sent: Span) -> Token | None:
    """"Five soldiers were killed near Mir Ali on Monday, the army said": people counted
    as killed or wounded at a named place, no cause told, is an attack whose kind no word
    gives. Not a toll with a cause ("killed in a crash", "when a building collapsed", "by
    a falling tree"), nor one that names no place (it is the casualties of an attack told
    before it)."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in TOLL_VERBS or verb.tag_ != "VBN":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not subjects or not _counted_people(subjects[0]):
            continue
        # "two were killed and four wounded in Kherson": the joined verb's phrases are both's
        verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        if any(c.dep_ in ("agent", "advcl") for v in verbs for c in v.children):
            continue
        preps = [c for v in verbs for c in v.children if c.dep_ == "prep"]
        objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
        if any(p.lower_ not in TOLL_PLACE_PREPOSITIONS for p in preps) \
                or any(o.pos_ != "PROPN" and o.ent_type_ not in ("DATE", "TIME") for o in objects):
            continue
        # (the small tagger calls many a town a person: "near Gao", "in Dera Ismail Khan")
        if any(o.pos_ == "PROPN" and o.ent_type_ not in ("DATE", "TIME") and o.head.lower_ != "on"
               for o in objects):
            return verb
    return None


def _counted_people(noun: Token) -> bool:
    """"five soldiers", "two civilians", "at least 12 people": people with their number."""
    return _names_people(noun) and any(c.dep_ == "nummod" for c in noun.children)


# Words for people, as a noun's lemma or as written ("a woman", "residents", "civilians").
_PEOPLE_WORDS = lx.PEOPLE_NOUNS | lx.CIVILIAN_WORDS


def _names_people(noun: Token) -> bool:
    return noun.lemma_.lower() in lx.PERSON_LEMMAS or noun.lower_ in _PEOPLE_WORDS


def _told_in_paragraph(last_told: int, sent: Span) -> bool:
    """An attack told earlier in the sentence's paragraph (the latest told starts its
    sentence at ``last_told``), whose toll the sentence may be."""
    return last_told >= 0 and doc_text(sent.doc).find("\n", last_told, sent.start_char) < 0


def _is_told(head: Token, sent: Span) -> bool:
    return not is_background(head, sent) and not characterises(head)


# Verbs of an attack's course: "the assault began when…", "the raid ended as…".
PHASE_VERBS = frozenset({"begin", "start", "open", "unfold", "end", "culminate", "commence"})


def _unfolding(mention: Mention, told: list[Mention], doc: Doc) -> Mention:
    """"The assault began when an attacker blew himself up at the gate", "the raid ended as
    troops stormed the house": a trigger in the when-clause of a told attack's beginning or
    end is a moment of that attack, pointing back as the definite one does."""
    if mention.anaphoric:
        return mention
    for other in told:
        noun = doc[other.head]
        verb = noun.head
        if not other.anaphoric or noun.dep_ != "nsubj" or verb.lemma_.lower() not in PHASE_VERBS:
            continue
        node = doc[mention.head]
        while node.head.i != node.i and node.head.i != verb.i:
            node = node.head
        if node.head.i == verb.i and node.dep_ == "advcl":
            return replace(mention, anaphoric=True)
    return mention


def _told_head(mention: Mention, doc: Doc, sent: Span) -> Mention:
    """A clause's triggers are told apart: "gunmen stormed a school, the first such assault
    in years" tells an attack by its verb though the noun beside it characterises. When the
    leading trigger is background and another trigger of the group is not, that one leads."""
    if len(mention.triggers) < 2 or _is_told(doc[mention.head], sent):
        return mention
    for i in mention.triggers:
        if i != mention.head and _is_told(doc[i], sent):
            tok = doc[i]
            return replace(mention, head=i, lemma=tok.lemma_.lower(),
                           anaphoric=_is_anaphoric(tok), plural=tok.tag_ in ("NNS", "NNPS"))
    return mention


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


def _is_conflict_sentence(sent: Span) -> bool:
    """A sentence with a weapon, a force or a casualty word; "attacked" alone is sport too.
    Told in a game's words ("a three-run blast won the series"), a blast or a shooting is
    no cue for itself: a weapon, a force or a casualty must stand beside it."""
    words = cue_words(sent)
    cues = words & lx.CONFLICT_CUES
    if words & SPORT_WORDS:
        cues -= SPORT_FIGURES
    return bool(cues) or names_a_group(list(sent)) or any(
        t.ent_type_ in ("ORG", "NORP") and t.lower_ in lx.KNOWN_GROUPS
        or t.lemma_.lower() in lx.NOUN_TRIGGERS | lx.FIRE_NOUNS and _attacked_under(t)
        or is_munition_head(t) or _munition_lands(t) or _munition_fired(t)
        or _attack_on_a_site(t) for t in sent)


def _attack_on_a_site(tok: Token) -> bool:
    """"the attack on the church", "an assault on a checkpoint": an attack noun made on a
    building or a post is one of force (not "an attack on the Church", an institution, nor "a
    heart attack on the bus", which `unarmed` tells)."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in lx.NOUN_TRIGGERS and not unarmed(tok) \
        and any(p.dep_ == "prep" and p.lower_ in ("on", "at", "against") and any(
            o.dep_ == "pobj" and o.pos_ == "NOUN" and o.lemma_.lower() in lx.ATTACKED_SITES
            and o.text.islower() for o in p.children) for p in tok.children)


def _attacked_under(tok: Token) -> bool:
    """"came under fire", "were under attack" (not "came under fire from critics")."""
    verb = comes_under(tok)
    return verb is not None and not blame(tok, verb)


# What arrives where it strikes: munitions, artillery, and a grenade that lands or is dropped.
LANDING_MUNITIONS = lx.MUNITION_NOUNS | {"artillery", "grenade"}


def _munition_lands(tok: Token) -> bool:
    """"shells landed in the town", "a bomb fell on the market", "a grenade dropped from a
    drone wounded three", "bombs were dropped on the village": a munition that strikes
    (not "egg shells landed in the bin": a noun before it that is no weapon or force)."""
    # (a capitalised first word the small tagger calls a proper noun counts, unnamed)
    return (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and not tok.ent_type_ and bool(tok.is_sent_start)) \
        and tok.lemma_.lower() in LANDING_MUNITIONS \
        and (tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lx.MUNITION_STRIKE_VERBS
             and not _drops_something(tok.head)
             or tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() == "drop") \
        and not any(c.dep_ == "compound" and c.pos_ == "NOUN"
                    and not cue_words([c]) & (lx.CONFLICT_CUES | WEAPON_LEMMAS.keys())
                    for c in tok.children)


def _drops_something(verb: Token) -> bool:
    """"a drone dropped leaflets": what drops something is no munition arriving (a bomb
    that "dropped on the market" drops nothing)."""
    return verb.lemma_.lower() == "drop" and any(c.dep_ == "dobj" for c in verb.children)


def _munition_fired(tok: Token) -> bool:
    """"fired shells at the positions", "lobbed bombs into the camp": a munition sent at a
    place or people (not "fired shells" at a range, nor "launched a bomb-shaped balloon")."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in lx.MUNITION_NOUNS \
        and tok.dep_ == "dobj" and tok.head.lemma_.lower() in lx.FIRING_VERBS \
        and any(c.dep_ == "prep" and c.lower_ in lx.AIMED_PREPOSITIONS for c in tok.head.children)


def _is_trigger(tok: Token, sent: Span) -> bool:
    lemma = tok.lemma_.lower()
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in lx.WEAPON_NOUNS:
        return False  # "attack drones" are weapons; the drone noun speaks for them
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in lx.ALERT_NOUNS:
        return False  # "air raid sirens", "a missile alert": a warning of an attack
    if tok.ent_type_ in ("WORK_OF_ART", "ORG", "PERSON", "LAW"):
        return False  # "Attack on Titan", "Rocket League": a title or a name
    if police_search(tok):
        return False
    if tok.pos_ == "VERB" and (nature_did_it(tok) or road_accident(tok) or critics_did_it(tok)):
        return False  # "an earthquake struck the south", "a bus struck a lorry", "critics attacked"
    if (under := comes_under(tok)) is not None and blame(tok, under):
        return False  # "the minister came under fire for his handling of the floods"
    if stores_going_off(tok) or tok.dep_ == "nsubj" and stores_going_off(tok.head):
        return False  # "explosives stored at the site blew up", "rockets kept there exploded"
    # the small tagger files a sentence-initial "Shelling hit…" as an auxiliary: no
    # auxiliary verb is an attack noun, so the word is the noun it reads as
    if tok.pos_ in ("NOUN", "PROPN") and lemma in lx.NOUN_TRIGGERS \
            or tok.pos_ == "AUX" and tok.tag_ == "VBG" and tok.lower_ in lx.NOUN_TRIGGERS:
        if unarmed(tok):
            return False  # "a heart attack", "a ransomware attack", "a shark attack"
        if lemma in lx.ABDUCTION_NOUNS:
            # "the kidnapping of a priest", not "mass kidnapping"; by armed men or of many
            return _one_taking(tok) and _armed_taking(tok, sent)
        return lemma != "engagement" or _has_weapon_or_force(sent)
    if tok.pos_ == "NOUN" and lemma in HARMING_WEAPONS and tok.dep_ == "nsubj" \
            and tok.head.lemma_.lower() in HARM_LEMMAS and not civil_use(tok) \
            and (lemma != "fire" or _shots_fired(tok)):
        return True  # "a rocket killed a boy", "sniper fire wounded two medics"
    if tok.pos_ == "VERB" and lemma in HARM_LEMMAS - {"kill"} and _harms_someone(tok) \
            and _harmed_by_armed_subject(tok, sent):
        return True  # "a sniper wounded a medic" (killing is a weak trigger, below)
    if (_munition_lands(tok) or is_munition_head(tok) and tok.dep_ == "nsubj"
            and tok.head.lemma_.lower() in lx.MUNITION_STRIKE_VERBS):
        return not civil_use(tok) and not weapons_trial(sent)  # "a mortar round landed"
    if tok.dep_ in ("acl", "amod") and downed(tok.head):
        return False  # "a drone shot down by air defences": the drone is the attack
    if tok.pos_ == "NOUN" and downed(tok):
        return not civil_use(tok) and not weapons_trial(sent)
    if tok.pos_ == "NOUN" and lemma in lx.WEAPON_NOUNS and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return tok.head.lemma_.lower() in lx.WEAPON_VERBS and not civil_use(tok) \
            and not flown_past(tok.head) and not weapons_trial(sent)
    if tok.pos_ == "VERB" and put_to_death(tok):
        return True  # "hacked 14 villagers to death"
    if executes_people(tok) or kills_fighters(tok):
        # "the army said it had neutralised 23 terrorists", "soldiers executed 20 men"; told
        # in the passive, with no one named, they are the dead of another attack, as
        # "killed" would be
        return _harmed_by_armed_subject(tok, sent) or _killed_by_fire(tok)
    if tok.pos_ == "VERB" and forced_entry(tok):
        return True  # "gunmen burst into a church"
    if tok.pos_ == "VERB" and (takes_captives(tok) or lemma in ("abduct", "kidnap")):
        # "armed men seized 30 passengers", "took 12 aid workers hostage", "bandits
        # abducted 200 pupils"
        return not figurative_object(tok) and _armed_taking(tok, sent)
    if tok.pos_ == "VERB" and sets_ablaze(tok):
        return True  # "armed men torched 40 houses", "set fire to dozens of homes"
    if tok.pos_ == "VERB" and sets_off_a_charge(tok):
        return True  # "a teenage girl set off a fourth device"
    if tok.pos_ == "VERB" and lemma in lx.VERB_TRIGGERS:
        if figurative_object(tok) or unarmed(tok):
            return False  # "struck a deal", "sexually assaulted a girl"
        if lemma in ("launch", "fire") and weapons_trial(sent):
            return False  # "test-fired a missile from the island"
        if lemma in lx.WEAK_VERBS or strikes_a_person(tok):
            return _weak_verb_is_attack(tok, sent)
        return True
    if tok.pos_ == "NOUN" and lemma in lx.HAND_WEAPONS and tok.dep_ in ("dobj", "nsubjpass") \
            and tok.head.lemma_.lower() in lx.HAND_VERBS:
        return True  # "assailants threw a grenade into a crowded bar", "a grenade was thrown"
    if tok.pos_ == "NOUN" and lemma in lx.FIRE_NOUNS and comes_under(tok):
        return True  # "came under fire", "were under heavy gunfire"
    if tok.pos_ == "NOUN" and lemma == "exchange" and _of_fire(tok):
        return True  # "killed in an exchange of fire with insurgents"
    if tok.pos_ == "VERB" and lemma == "open":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in lx.FIRE_NOUNS for c in tok.children)
    # "an explosive device went off"
    return tok.pos_ == "VERB" and lemma == "go" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in tok.children
    ) and _weak_verb_is_attack(tok, sent)


# Weapons and fire that, as the subject of a harm verb, are the attack itself.
HARMING_WEAPONS = lx.WEAPON_NOUNS | lx.FIRE_NOUNS | frozenset({"shell", "bomb", "grenade",
                                                               "landmine", "airstrike"})
HARM_LEMMAS = frozenset({"kill", "wound", "injure", "hurt", "maim"})


ARMED_SUBJECT_WORDS = lx.NON_STATE_WORDS | lx.STATE_WORDS | lx.ARMED_PERSON_WORDS | frozenset(
    {"strike", "drone", "missile", "bomb", "explosion", "blast"})
# Who a side's statements call the other side ("the enemy killed two residents"): an
# armed subject only when what it harmed were people, not "the enemies of reform killed
# the bill".
HOSTILE_SIDE_WORDS = frozenset({"enemy", "enemies", "foe", "foes"})


def _harmed_by_armed_subject(verb: Token, sent: Span) -> bool:
    """"gunmen killed five villagers", "a sniper wounded a medic", "soldiers injured two
    farmers": a harm done by an armed subject, in the active voice, is an attack; "five
    were killed in the strike", "the blast wounded ten" are casualties of another
    trigger, read by the casualty stage."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj or _another_trigger(verb, sent):
        return False
    words = cue_words(_own_speaker(subj[0]).subtree)
    return not words.isdisjoint(ARMED_SUBJECT_WORDS) \
        or not words.isdisjoint(HOSTILE_SIDE_WORDS) and _harms_people(verb)


def _harms_people(verb: Token) -> bool:
    """"killed two residents", "wounded a woman", "injured 14": its object is people."""
    return any(c.dep_ == "dobj" and (
        _names_people(c) or c.like_num or any(n.dep_ == "nummod" for n in c.children))
        for c in verb.children)


def _own_speaker(subj: Token) -> Token:
    """"the army said it had killed 23 militants": a pronoun subject of what a speaker
    says is the speaker; any other subject is itself."""
    verb = subj.head
    if subj.lower_ in ("it", "they", "we") and verb.dep_ == "ccomp" \
            and verb.head.lemma_.lower() in lx.REPORTING_VERBS:
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), subj)
    return subj


def _another_trigger(verb: Token, sent: Span) -> bool:
    """An attack noun in the sentence that may be what killed ("five were killed in the
    strike"); not one the killing is dated by ("gunmen killed a chief a week before the
    market raid", "days after the ambush")."""
    return any(t.lemma_.lower() in lx.NOUN_TRIGGERS and t.i != verb.i and not reference_point(t)
               for t in sent)


# Prepositions that date a thing by another: "a week before the raid", "days after the
# strike" (not "during", "amid": what happens during an attack is part of it).
REFERENCE_PREPOSITIONS = frozenset(words("before after following"))
SPANS_OF_TIME = frozenset(words("hour day week month year"))


def reference_point(noun: Token) -> bool:
    """An attack noun something else is dated by, days or more apart: "two weeks before
    the market raid", "days after the airstrike" (not "killed the three after a gunfight",
    one fight's end)."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in REFERENCE_PREPOSITIONS \
        and noun.lemma_.lower() in lx.NOUN_TRIGGERS and any(
            c.dep_ == "npadvmod" and c.lemma_.lower() in SPANS_OF_TIME for c in prep.children)


def _harms_someone(verb: Token) -> bool:
    """An active harm with its object: "wounded a medic"; "20 soldiers were killed and
    nine wounded" says who was hurt, not who hurt them."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "VBG") and any(c.dep_ == "dobj" for c in verb.children)


def _shots_fired(fire: Token) -> bool:
    """"sniper fire", "Israeli fire", "tank fire": fire that is shooting, not a blaze."""
    return any(c.dep_ in ("compound", "amod") and (
        c.lower_ in lx.CONFLICT_CUES or c.ent_type_ in ("NORP", "GPE", "ORG")
        or c.lemma_.lower() in ("sniper", "tank", "machine", "machine-gun", "enemy", "gun"))
        for c in fire.children)


def _of_fire(tok: Token) -> bool:
    """"an exchange of fire", "an exchange of gunfire" (not "an exchange of prisoners")."""
    return any(c.lower_ == "of" and any(g.lemma_.lower() in lx.FIRE_NOUNS for g in c.children)
               for c in tok.children)


def _armed_taking(tok: Token, sent: Span) -> bool:
    """An abduction by armed men ("gunmen kidnapped a priest", "Boko Haram abducted
    girls") or of many at once ("187 students had been seized"): not one child taken by a
    man, which is a crime the police tell of, not an armed attack."""
    # the police who tell of it or free the captive are no sign of who took them
    if cue_words(sent) & (lx.CONFLICT_CUES - lx.POLICE_NOUNS) or names_a_group(list(sent)):
        return True
    holders = (tok, tok.head) if tok.dep_ in ("xcomp", "ccomp") else (tok,)
    taken = [c for h in holders for c in h.children
             if c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "prep" and c.lower_ == "of"]
    if tok.dep_ == "amod":
        taken.append(tok.head)  # "a kidnapped girl"
    taken = [g for c in taken for g in ([c] if c.dep_ != "prep" else
                                        [g for g in c.children if g.dep_ == "pobj"])]
    for phrase in taken:
        quantity = parse_quantity(" ".join(t.text for t in phrase.subtree))
        if quantity is not None and (quantity.low or 0) >= 2 or phrase.tag_ == "NNS":
            return True
    return False


def _one_taking(noun: Token) -> bool:
    """"the abduction", "Thursday's kidnapping", "the kidnapping of a priest", "two
    abductions": one taking or a counted few, not the crime as a kind ("mass kidnapping for
    ransom has become a trade", "kidnapping is rife")."""
    return any(c.dep_ in ("det", "poss", "nummod") or c.dep_ == "prep" and c.lower_ == "of"
               for c in noun.children)


def _has_weapon_or_force(sent: Span) -> bool:
    return any(t.lemma_.lower() in lx.CONFLICT_CUES for t in sent)


# Prepositions that say when, not who or what: "hit hard following the crash".
TIME_PREPOSITIONS = frozenset(words("after before following during since amid until despite"))
# Clauses inside a phrase that tell something else: "a hunter who killed a rabbit".
OTHER_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "csubj", "parataxis"})


def own_phrase(tok: Token) -> list[Token]:
    """The words of a phrase, leaving out the clauses inside it that tell something else
    ("the town, whose mayor was killed last year,"): a weak verb's arguments are armed
    by their own words, not by a clause about them."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in OTHER_CLAUSES:
            out.extend(own_phrase(c))
    return out


def _names_another(tok: Token) -> bool:
    """An attack noun that only qualifies another noun ("an engagement process", "the
    bombing suspect"): what the verb did is to the other noun, which arms it or not."""
    return tok.dep_ == "compound" and tok.lemma_.lower() in lx.NOUN_TRIGGERS - lx.WEAPON_NOUNS \
        and not cue_words([tok.head]) & (lx.CONFLICT_CUES | lx.NOUN_TRIGGERS | lx.WEAPON_NOUNS)


def names_a_group(tokens: list[Token]) -> bool:
    """A known armed group named among the tokens, as written ("Al-Shabaab", "Boko
    Haram"): a force, as a soldier or a militant is."""
    text = "".join(t.text_with_ws for t in sorted(tokens, key=lambda t: t.i))
    return lx.GROUP_KEYS.search(text) is not None


def _weak_verb_is_attack(tok: Token, sent: Span) -> bool:
    """"hit", "target", "fire", "kill" are attacks only with a weapon or force nearby."""
    lemma = tok.lemma_.lower()
    args = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "prep")
            and not (c.dep_ == "prep" and c.lower_ in TIME_PREPOSITIONS)]
    phrases = [own_phrase(c) for c in args]
    if any(names_a_group(p) and not _tells_an_attack(p) for p in phrases):
        # "Al-Shabaab hit a hotel", "pagers carried by Hezbollah members blew up"; not "killed
        # in clashes between the army and the RSF", where the group is the clash's
        return True
    words = cue_words(w for p in phrases for w in p if not unarmed(w) and not _names_another(w))
    if tok.dep_ in ("acl", "relcl"):
        # "a missile fired by the group": the noun it modifies is its argument
        words |= cue_words(w for w in tok.head.subtree if w.i < tok.i)
    if lemma == "kill":
        if _killed_by_fire(tok) and not _another_trigger(tok, sent):
            return True  # "two Palestinians were killed by Israeli fire"
        return _harmed_by_armed_subject(tok, sent)
    if left_dead(tok):
        # "shot dead by police", "shot dead three protesters": a killing by gunfire,
        # whoever the dead were
        return True
    if lemma == "down":
        return bool(words & lx.AIRBORNE_WEAPONS)
    if lemma == "intercept":
        return _intercepts_weapons(tok)
    if lemma == "drop":
        # "dropped bombs on a market", not "dropped leaflets" or "dropped the charges"
        return any(c.dep_ == "dobj" and _names_weapon(c) for c in tok.children)
    if lemma == "shoot" and _shoots_people(tok):
        return True  # "shooting residents", "shot two soldiers": people shot are attacked
    if lemma in ("launch", "fire", "shoot") and fires_no_munition(tok):
        return False  # "launches a net at flying objects", "fired the coach"
    # a base or a target is hit in kitchens and sport too: the weak verb needs more
    cue = (lx.CONFLICT_CUES - {"base", "target", "targets"}) | lx.NOUN_TRIGGERS \
        | {w for w, _ in lx.WEAPON_PHRASES} | lx.WEAPON_NOUNS
    return bool(words & cue)


def _intercepts_weapons(verb: Token) -> bool:
    """"intercepted two missiles", "intercepted one of them", "the drones intercepted over
    Kyiv"; not "communications intercepted by the army", "intercepted a shipment"."""
    things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl":
        things.append(verb.head)
    for thing in things:
        # "one of them", "most of the 40": what they are a part of
        whole = next((g for p in thing.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj"), None)
        noun = whole if whole is not None and thing.pos_ != "NOUN" else thing
        if noun.pos_ in ("NOUN", "PROPN"):
            lemma = noun.lemma_.lower()
            return lemma in lx.AIRBORNE_WEAPONS | lx.MUNITION_NOUNS | lx.WEAPON_NOUNS or is_munition_head(noun) \
                or noun.pos_ == "PROPN"
    return bool(things)  # "intercepted them", "intercepted most": the weapons told before


def _tells_an_attack(phrase: list[Token]) -> bool:
    return any(w.pos_ == "NOUN" and w.lemma_.lower() in lx.NOUN_TRIGGERS for w in phrase)


def _killed_by_fire(verb: Token) -> bool:
    """A passive killing whose agent is fire, a weapon or a force ("killed by Israeli fire",
    "killed by a sniper", "killed by soldiers")."""
    agents = [c for c in verb.children if c.dep_ == "agent"]
    cues = lx.CONFLICT_CUES | lx.FIRE_NOUNS | {"sniper", "shrapnel", "gunman"}
    return any(w.lemma_.lower() in cues or w.lower_ in cues for a in agents for w in a.subtree)


def _shoots_people(verb: Token) -> bool:
    """"shot a man dead", "shot two soldiers": a person shot is a person attacked (a coach
    fired is not, so this holds for "shoot" only)."""
    people = lx.PERSON_LEMMAS | lx.PEOPLE_NOUNS
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in people or c.lower_ in people
                                     or c.ent_type_ == "PERSON")
               for c in verb.children)


def _group_triggers(triggers: list[Token]) -> list[list[Token]]:
    """Triggers linked head-to-child ("Missile Strike Targets", "launched an attack") are one,
    and so is what tells a weapon joined to another ("shot down a missile and three drones
    launched from Yemen": one salvo)."""
    groups: list[list[Token]] = []
    for tok in triggers:
        for group in groups:
            if any(tok.head.i == g.i or g.head.i == tok.i or _told_of_a_conjunct(tok, g)
                   for g in group):
                group.append(tok)
                break
        else:
            groups.append([tok])
    return groups


def _told_of_a_conjunct(tok: Token, other: Token) -> bool:
    noun = tok.head
    return tok.dep_ in ("acl", "relcl") and noun.pos_ == "NOUN" and noun.dep_ == "conj" \
        and noun.head.i == other.i


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
        dated=head.pos_ in ("NOUN", "PROPN") and _named_by_its_date(head),
    )


def _named_by_its_date(head: Token) -> bool:
    """"the April 1 strike", "the Oct. 7 attacks": a calendar day before the noun."""
    return any(c.dep_ in ("nmod", "compound", "npadvmod", "amod") and c.i < head.i
               and any(t.ent_type_ == "DATE" and t.like_num for t in c.subtree)
               for c in head.children)


# Pronouns that stand for attackers already told of: "they then stormed the hotel".
_TOLD_PRONOUNS = frozenset({"they", "he", "she"})


def _goes_on(verb: Token, subjects: list[Token]) -> bool:
    """"The attackers then set fire to the building", "they then stormed the hotel": the
    attackers told of, doing the next thing, go on with the attack told (not "gunmen then
    attacked another village", new men and a new place)."""
    if not any(c.dep_ == "advmod" and c.lower_ in ("then", "thereafter") for c in verb.children):
        return False
    if any(t.lower_ in ("another", "other", "second", "separate") for t in verb.subtree):
        return False
    return any(s.lower_ in _TOLD_PRONOUNS or any(
        g.dep_ == "det" and g.lower_ in DEFINITE for g in s.children) for s in subjects)


def _is_anaphoric(head: Token) -> bool:
    if head.pos_ == "VERB":
        # "The missile hit the ship": a definite weapon or attack as subject points back
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if _goes_on(head, subjects):
            return True
        return any(any(g.dep_ == "det" and g.lower_ in DEFINITE for g in s.children)
                   and (s.lemma_.lower() in lx.NOUN_TRIGGERS or _names_weapon(s))
                   for s in subjects)
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if _named_by_its_date(head):
        return False  # "the March 3 raid": an attack picked out by its day, not "the" one told
    for child in head.children:
        if child.dep_ == "det" and child.lower_ in DEFINITE:
            return True
        if child.dep_ == "poss":
            return True
    return False


def _names_weapon(tok: Token) -> bool:
    return any(tok.lemma_.lower() == w or tok.lower_ == w for w, _ in lx.WEAPON_PHRASES)
