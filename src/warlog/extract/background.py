"""Mentions that tell no event of their own: tallies, plans, habits, charges, characterisations.

A mention is *background* when it counts or characterises attacks in general ("the 66th
attack since…", "a surge in attacks", "have previously targeted"), is hypothetical
("could strike") or negated ("no retaliatory action"); it still lends its attacker as
context and its figures to claims.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from warlog.extract import lexicon as lx
from warlog.extract.aggregates import cue_tokens, in_aggregate_clause, spans_a_period
from warlog.extract.clauses import is_headline, is_section_head
from warlog.extract.lexicon import words
from warlog.extract.lookup import ents_within
from warlog.extract.senses import agent_of
from warlog.extract.vague import parse_number

INTENT_HEADS = frozenset({"rumour", "rumor", "speculation", "hoax",
                          "threaten", "vow", "plan", "warn", "seek", "want", "intend",
                          "prepare", "pledge", "promise", "deter", "prevent", "avoid",
                          "fear", "risk", "rule", "way", "ability", "able",
                          "capable", "capability", "capacity", "design", "means", "train",
                          # what may have happened: "the possibility that a grenade was thrown"
                          "possibility", "likelihood", "prospect"})

AGGREGATE_HEADS = frozenset({"surge", "wave", "series", "string", "spate", "number", "rise",
                             "increase", "escalation", "campaign", "flurry", "uptick", "spike",
                             "pattern", "total", "tally", "count"})

CHARACTERISING_VERBS = frozenset({"describe", "label", "call", "term", "brand", "condemn",
                                  "denounce", "classify", "treat", "investigate", "regard",
                                  "consider", "characterise", "characterize"})

# Verbs that give what they name a second name: "called the strike a criminal act".
NAMING_VERBS = frozenset({"call", "describe", "label", "term", "brand", "characterise",
                          "characterize", "deem", "dub"})

ASPECT_HEADS = frozenset({"begin", "start", "continue", "keep", "resume"})

DAY_WORDS = frozenset(words("""monday tuesday wednesday thursday friday saturday sunday today
    yesterday tonight overnight night morning afternoon evening dawn"""))


def is_background(head: Token, sent: Span) -> bool:
    """True when the trigger speaks of attacks in general, in the past, or hypothetically."""
    return (
        (_is_counted(head) and not _a_night_s_barrage(head, sent))
        or _is_negated_or_modal(head)
        or _under_intent(head)
        or _is_aggregate_plural(head, sent)
        or _tolls_a_period(head, sent)
        or _has_background_adverb(head)
        or _counted_by_its_noun(head)
        or _is_habitual(head, sent)
        or _is_a_charge(head)
        or _a_point_in_time(head)
        or _an_attack_as_a_rule(head, sent)
    )


def _an_attack_as_a_rule(head: Token, sent: Span) -> bool:
    """"makes a retaliatory strike harder to defend against", "a drone attack costs far
    less than the missile that stops it": an indefinite attack noun in a present-tense
    clause, with no day and no place in its sentence, is any such attack, not one told."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                      for c in head.children):
        return False
    verb = _governing_verb(head)
    for _ in range(3):  # "makes a strike harder to defend against": the finite verb above
        if verb is None or verb.tag_ not in ("VB", "VBG") or verb.dep_ not in ("ccomp", "xcomp"):
            break
        verb = _governing_verb(verb)
    if verb is None or verb.tag_ not in ("VBP", "VBZ") or any(c.dep_ == "aux" for c in verb.children):
        return False
    if is_headline(sent) or is_section_head(sent) or _has_day(head, sent):
        return False
    return not any(e.label_ in ("GPE", "LOC", "FAC") for e in sent.ents)


def _a_point_in_time(head: Token) -> bool:
    """"the first mass attack since the strike of 9 March": an attack named as the point a
    comparison is counted from is an earlier one, recalled ("three more have died since
    the attack on the market" counts from the attack told)."""
    node = head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.pos_ in ("NOUN", "PROPN") and node.dep_ == "pobj" and node.head.lower_ == "since" \
        and any(t.lower_ in lx.COMPARISON_WORDS for t in head.sent)


def is_generic_killing(head: Token, sent: Span) -> bool:
    """"retaliation for the U.S. killing of Muslims in wars overseas": a killing of a bare
    plural with no day of its own is a grievance or a campaign, not one attack ("the killing
    of 13 protesters", "the killing of protesters on Sunday" are). Unlike background, it
    lends no attacker to the report's attacks: it is no mention at all."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in ("killing", "massacre", "slaughter", "bombing",
                                                            "shelling", "targeting"):
        return False
    objs = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]
    if not objs or objs[0].tag_ not in ("NNS", "NNPS"):
        return False
    bare = not any(c.dep_ in ("det", "nummod", "poss") for c in objs[0].children)
    return bare and not _has_day(head, sent) and not _at_a_named_place(head)


def _at_a_named_place(head: Token) -> bool:
    """"the killing of worshippers by ADF fighters in Komanda": a killing at a named place
    is one event, not a grievance ("in wars overseas" names none)."""
    return any(t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "near")
               and t.ent_type_ in ("GPE", "LOC", "FAC") for t in head.subtree)


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


def characterises(head: Token) -> bool:
    """"Macron called the explosion an attack", "described the blast as an attack": the
    noun characterises something told elsewhere in the sentence, it tells nothing new."""
    if head.dep_ == "oprd":
        return True
    if head.dep_ == "attr" and head.head.lemma_.lower() == "be" and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in head.head.children):
        # "It was the deadliest attack in the capital in two years": the attack told is
        # characterised, no new one is told
        return True
    if head.dep_ == "dobj" and head.head.lemma_.lower() in NAMING_VERBS:
        # "Zelensky called the Hroza attack a crime", "described the bombing as a war crime":
        # the attack named is one told elsewhere; only what it is called is new
        verb = head.head
        return any(c.dep_ == "oprd" or c.dep_ == "dobj" and c.i != head.i
                   or c.dep_ == "prep" and c.lower_ == "as" for c in verb.children) \
            or any(c.dep_ == "prep" and c.lower_ == "as" for c in head.children)
    if head.dep_ != "pobj" or head.head.lower_ != "as":
        return False
    # "described the blast as an attack"; "described what happened as an ambush"
    holder = head.head.head
    return holder.lemma_.lower() in CHARACTERISING_VERBS or (
        holder.dep_ in ("ccomp", "xcomp") and holder.head.lemma_.lower() in CHARACTERISING_VERBS)


def is_tally_sentence(sent: Span) -> bool:
    """"came under attack at least 10 times … 13 attacks in all": counting, not telling."""
    text = " ".join(sent.text.lower().split())
    times = any(t.lower_ == "times" and any(c.like_num for c in t.children) for t in sent)
    return times or any(cue in text for cue in (" in all", " in total", " so far", "altogether"))


def _counted_by_its_noun(head: Token) -> bool:
    """"the fifth missile the group had launched": an ordinal on the noun it describes."""
    if head.dep_ not in ("relcl", "acl"):
        return False
    return any(c.ent_type_ == "ORDINAL" and c.lower_ != "first" for c in head.head.children)


def _is_habitual(head: Token, sent: Span) -> bool:
    """"have struck … since January", "began firing at ships in November": a campaign."""
    verb = head if head.pos_ == "VERB" else _governing_verb(head)
    if verb is None:
        return False
    perfect = any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in verb.children)
    since = any(t.lower_ == "since" for t in verb.subtree)
    if perfect and (since or _lasted(verb)):
        return True
    if _generic_present(verb) and not _has_day(head, sent):
        return True
    aspect = verb.head if verb.dep_ == "xcomp" else None
    return aspect is not None and aspect.lemma_.lower() in ASPECT_HEADS and not _has_day(head, sent)


LONG_SPANS = frozenset({"week", "month", "year", "decade"})


def _lasted(verb: Token) -> bool:
    """"has been fighting for more than 17 years", "have been shelling the city for
    months": a perfect that lasts weeks or longer is a campaign."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in LONG_SPANS for g in c.children)
        for c in verb.children)


def _generic_present(verb: Token) -> bool:
    """"bombers launch from far beyond the reach of air defences", "militants often attack
    convoys": a present-tense verb with a bare plural subject tells what happens as a rule
    (a headline's present, "Drones hit Kyiv", is read as a headline)."""
    lead = _leading_verb(verb)
    if lead.tag_ not in ("VBP", "VBZ") or verb.tag_ not in ("VBP", "VBZ", "VB") \
            or any(c.dep_ == "aux" for v in (verb, lead) for c in v.children):
        return False
    # the subject, or for a relative pronoun the noun it stands for ("gangs that kidnap")
    subj = agent_of(lead) if any(c.dep_ == "nsubj" for c in lead.children) else None
    return subj is not None and subj.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod") for c in subj.children) \
        and not is_headline(verb.sent) and not is_section_head(verb.sent)


def _leading_verb(verb: Token) -> Token:
    """The first of conjoined verbs that share a subject: "gangs loot villages and kidnap
    residents" → "loot"."""
    while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ == "conj" \
            and verb.head.pos_ == "VERB":
        verb = verb.head
    return verb


def _a_night_s_barrage(head: Token, sent: Span) -> bool:
    """"launched 40 drones and six missiles at Ukraine overnight": weapons counted with a
    day of their own are one night's attack, not a tally."""
    return head.lemma_.lower() in lx.WEAPON_NOUNS and _has_day(head, sent)


def _is_counted(head: Token) -> bool:
    """"the 66th attack", "66 attacks", "dozens of attacks": a tally, read as a claim."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    weapon = head.lemma_.lower() in lx.WEAPON_NOUNS
    for child in head.children:
        if child.ent_type_ == "ORDINAL" and child.dep_ in ("amod", "nummod") \
                and child.lower_ != "first" and not weapon:
            # "a third drone", "the second missile" are one more of an attack's weapons;
            # "the 66th attack" is a tally
            return True
        if child.dep_ == "nummod" and child.like_num:
            # "two drone attacks on Sunday" are events; "66 attacks" is a tally.
            number = parse_number(child.text)
            return number is None or number > (10 if weapon else 4)
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.like_num


# Prepositions whose object happened before what the clause says, whatever its mood: "three
# days after the attacks, the toll does not stop rising", "since the raid no convoy has
# moved".
PAST_ANCHORS = frozenset({"after", "since", "following"})


def _is_negated_or_modal(head: Token) -> bool:
    verb = _governing_verb(head)
    if verb is not None and _anchored_before(head, verb):
        verb = None
    nodes = [head] + ([verb] if verb is not None else [])
    # "could still hit back after absorbing a nuclear attack": a gerund or infinitive
    # clause takes its mood from the verb it hangs on (its modal, not its negation)
    outer = _governing_verb(verb) if verb is not None and _non_finite(verb) else None
    if outer is not None and any(c.dep_ == "aux" and c.lower_ in lx.MODAL_WORDS
                                 for c in outer.children):
        return True
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
    intent's subject is no part of it ("the killer, shot dead by police, had pledged…").
    What is condemned is background only when it is attacks in general ("condemned attacks
    on civilians", "condemns all such attacks"); "condemned an attack on the village of X"
    tells that attack, as official statements do."""
    node = head
    for _ in range(4):
        if node.head.i == node.i:
            return False
        child, node = node, node.head
        if node.lemma_.lower() in INTENT_HEADS and node.pos_ in ("VERB", "NOUN", "ADJ"):
            return child.dep_ not in ("nsubj", "nsubjpass")
        if node.lemma_.lower() in ("condemn", "denounce") and child.i == head.i:
            return _in_general(head) or _restated(head)
    return False


def _restated(noun: Token) -> bool:
    """"condemned the attack (on the patrol, in Afghanistan)": a definite attack with no
    day of its own is one told before, condemned; "the bombing of a market on Monday" is
    told."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return False
    # "condemns the attack carried out by ADF fighters against civilians": a definite
    # attack given its doers here is told here
    told_by = any(c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children)
                  for c in noun.children)
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children) \
        and not told_by and not any(t.ent_type_ in ("DATE", "TIME") for t in noun.subtree)


def _in_general(noun: Token) -> bool:
    """"attacks on civilians", "all attacks", "such attacks", "any attack": no one attack."""
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "amod")}
    if dets & {"all", "any", "such", "every", "these", "those", "repeated", "continued",
               "ongoing", "indiscriminate"}:
        return True
    return noun.tag_ in ("NNS", "NNPS") and not any(
        c.dep_ in ("det", "nummod", "poss") for c in noun.children)


# Nouns for fighting as a whole, which a span of time makes a sum ("500 people have died
# in fighting in the region this year").
CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "maim", "murder", "massacre"})
MASS_FIGHTING = frozenset({"fighting", "violence", "shelling", "bombardment", "clash"})


def _is_aggregate_plural(head: Token, sent: Span) -> bool:
    if head.tag_ == "NN" and head.lemma_.lower() in MASS_FIGHTING and _caused_the_casualties(head):
        return spans_a_period(sent.text) and not _has_day(head, sent)
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    if head.lemma_.lower() in lx.WEAPON_NOUNS or any(
            c.dep_ == "nummod" and (parse_number(c.text) or 99) <= 4 for c in head.children):
        return False  # "two drones were sent", "three strikes hit": counted, so specific
    if head.dep_ == "pobj" and head.head.head.lemma_.lower() in AGGREGATE_HEADS:
        # "a wave of attacks since October" sums them; "a second wave of explosions hit
        # radios on Wednesday" tells that day's blasts
        return spans_a_period(sent.text) or not _has_day(head.head.head, sent, since=False)
    if _caused_the_casualties(head) and not spans_a_period(sent.text):
        # "fighters were killed in IS attacks in Badia": attacks told with their dead (but
        # "so far this year, 45 soldiers have been killed in attacks" sums a period's)
        return False
    # A plural told as events has a day of its own ("strikes ... early Wednesday");
    # without one it characterises attacks in general.
    return not _has_day(head, sent)


def _tolls_a_period(head: Token, sent: Span) -> bool:
    """"Gunmen have killed more than 40 farmers in the state this month", "bandits have
    killed 60 villagers since March": a verb of killing whose clause has a scope wider than
    one attack (``aggregates`` decides) and no day sums attacks, whose figures are a claim;
    no one attack is told."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in CASUALTY_VERBS:
        return False
    cues = cue_tokens(sent)
    return bool(cues) and in_aggregate_clause(head, cues) and not _has_day(head, sent, since=False)


def _caused_the_casualties(head: Token) -> bool:
    """"were killed in attacks", "wounded in the strikes": the plural is what its clause's
    dead or wounded died of, so the clause tells attacks that happened."""
    node = head
    while node.dep_ == "conj":
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ not in ("in", "by", "during"):
        return False
    verb = node.head.head
    return verb.pos_ == "VERB" and (verb.lemma_.lower() in lx.KILL_WORDS or verb.lemma_.lower() in lx.INJURE_WORDS)


def _has_day(head: Token, sent: Span, *, since: bool = True) -> bool:
    """A day in the clause of head; with ``since=False``, not the day a span starts from
    ("a tally of attacks since January 1")."""
    verb = _governing_verb(head)
    scope = {t.i for t in (verb.subtree if verb is not None else head.subtree)}
    return any(e.label_ in ("DATE", "TIME") and e.root.i in scope and _names_a_day(e.text)
               and (since or not _after_since(e)) for e in ents_within(sent)) \
        or any(t.lower_ in lx.BARE_TIME_WORDS and t.i in scope for t in sent)


def _after_since(ent: Span) -> bool:
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return before in ("since", "from", "until", "till") or ent.text.lower().startswith("since")


def _names_a_day(text: str) -> bool:
    """"early Wednesday", "Oct. 17", "last night": a day; "November", "the past month": not."""
    lower = text.lower()
    if lower.startswith(("since", "the past", "past")):
        return False
    if re.fullmatch(r"\d{1,3}", lower.strip()):
        return False  # the small tagger files a bare count ("80 aid workers") as a date
    return bool(set(lower.replace(",", " ").split()) & DAY_WORDS) or any(c.isdigit() for c in lower)


def _has_background_adverb(head: Token) -> bool:
    """"had previously targeted", "attacked before"; but "one year before" dates a
    single event (told as earlier than the story, not as a habit), and "before dawn" is a
    preposition that times it."""
    verb = _governing_verb(head)
    nodes = [head] + ([verb] if verb is not None else [])
    return any(c.lower_ in lx.BACKGROUND_ADVERBS and not any(
        g.dep_ in ("npadvmod", "pobj", "pcomp") for g in c.children)
        for n in nodes for c in n.children)


def _non_finite(verb: Token) -> bool:
    return verb.tag_ in ("VBG", "VB") and not any(c.dep_ in ("aux", "nsubj") for c in verb.children
                                                  if c.lower_ not in ("to",))


def _anchored_before(head: Token, verb: Token) -> bool:
    """Whether the path up from the mention to the verb passes "after …", "since …"."""
    node = head
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ == "pobj" and node.head.lower_ in PAST_ANCHORS:
            return True
        node = node.head
    return False


def _governing_verb(tok: Token) -> Token | None:
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.i != tok.i:
            return node
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
    return None
