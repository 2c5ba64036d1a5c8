"""One mention's reading: its actors, place, time, counts, outcome and sources, as values."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from warlog.extract import lexicon as lx
from warlog.extract.actors import CountryOf, make_actor
from warlog.extract.arguments import PlaceTokens, read_frame
from warlog.extract.attribution import claimants, claimed_by, denied_by, said_by, said_by_tokens
from warlog.extract.casualties import RawCount, find_counts
from warlog.extract.clauses import (
    answered_words,
    clause_chars,
    is_headline,
    is_response_cue,
    is_section_head,
)
from warlog.extract.location import pick_place
from warlog.extract.mentions import Mention
from warlog.extract.phrases import WEAPON_LEMMAS, TokenRange, actor_range
from warlog.extract.senses import sets_ablaze
from warlog.extract.timing import (
    context_time,
    entry_day,
    later_time,
    pick_time,
    section_start,
    section_time,
    sentence_day,
    told_as_earlier,
)
from warlog.extract.weapons import is_generic
from warlog.model import Actor, Outcome, Place, Time
from warlog.model import Span as TextSpan

FOLLOW_CUES = ("immediately after", "shortly after", "right after", "moments after",
               "minutes after", "minutes later", "hours later", "soon after", "shortly afterward",
               "moments later", "immediately afterward", "in the aftermath")

SEPARATE_CUES = ("separately", "in a separate", "in another", "another attack",
                 "another strike", "elsewhere", "in a second", "a second attack",
                 "a further attack", "meanwhile")


@dataclass(frozen=True, slots=True)
class Reading:
    """What one sentence tells of one attack."""

    mention: Mention
    sentence: TextSpan
    lemma: str
    attacker: Actor | None
    target: Actor | None
    context_attacker: Actor | None         # named around the sentence, not in it
    claimant: Actor | None                 # "X claimed responsibility": who says they did it
    weapon: str
    place: Place | None
    time: Time | None
    context_time: Time | None              # a day named earlier in the paragraph
    counts: tuple[RawCount, ...]
    victims: tuple[Actor | None, ...]      # one per count
    outcome: Outcome
    response: bool
    follows: bool                          # "immediately after" the event it answers
    restates_target: bool
    headline: bool                         # a title line: it retells the main event
    separate: bool                         # "separately", "in another attack": a new event
    accidental: bool                       # "an accidental explosion": no one attacked
    suicide: bool                          # "a suicide bomber", "blew himself up"
    earlier: bool                          # "earlier in the year", "two years ago": a past event
    said_by: tuple[str, ...]
    claimed_by: tuple[str, ...]
    denied_by: tuple[str, ...]
    heading: bool = False                  # a section head: it titles the paragraph below
    weapon_generic: bool = False           # a bare "missile": of a kind the report may name
    perceived: bool = False                # "explosions were heard": a sound, of no kind
    answered: bool = False                 # "to punish Israel for the April 1 strike"
    section: int = -1                      # where its dated section begins (-1: none)
    unnamed_munition: bool = False         # "hit by an unidentified projectile": from afar
    long_before: bool = False              # dated weeks before the report's recent events
    continues: int = -1                    # a follow-up: the head of the mention it adds to

    @property
    def informative(self) -> bool:
        return any((self.attacker, self.target, self.place, self.time, self.counts,
                    self.weapon != "unknown", self.claimed_by, self.denied_by))


# A report tells of its own days; an attack it dates more than a year before publication
# ("shot down over Hanoi in 1967") is history it recalls, told as background.
HISTORY_DAYS = 365
# An attack named by its day ("the planners of the October 7 attack", "since the April 1
# strike") is one the reader knows already: a month before publication, it is recalled.
RECALLED_DAYS = 30


def is_historical(reading: Reading, published: date | None) -> bool:
    time = reading.time
    if published is None or time is None or time.start is None:
        return False
    ago = (published - (time.end or time.start)).days
    return ago > HISTORY_DAYS or reading.mention.dated and ago > RECALLED_DAYS


def mark_long_before(readings: list[Reading], published: date | None) -> list[Reading]:
    """In a report that tells an attack of its last month, an attack it dates more than
    RECALLED_DAYS before publication is background ("On 3 November 2023 an Iskander hit
    soldiers…" in a live blog of September 2024): another event, which neither lends its
    day to the report's undated sentences nor takes them. A report whose attacks are all
    older (a monthly review) marks none."""
    if published is None:
        return readings

    def ago(r: Reading) -> int | None:
        start = r.time.start if r.time is not None else None
        return (published - start).days if start is not None else None

    ages = [ago(r) for r in readings]
    if not any(d is not None and 0 <= d <= RECALLED_DAYS for d in ages):
        return readings
    old = [(d or 0) > RECALLED_DAYS for d in ages]
    background = [(r.sentence.start, r.sentence.end) for r, o in zip(readings, old, strict=True) if o]
    out = []
    for r, is_old in zip(readings, old, strict=True):
        if is_old:
            r = replace(r, long_before=True)
        elif r.time is None and r.context_time is not None and r.context_time.span is not None \
                and any(a <= r.context_time.span.start < b for a, b in background):
            # the day an earlier sentence gives the background attack it tells dates that
            # attack, not this one
            r = replace(r, context_time=None)
        out.append(r)
    return out


def read_mention(doc: Doc, mention: Mention, *, places: tuple[Place, ...],
                 published: date | None, country_of: CountryOf,
                 tokens_of_places: PlaceTokens) -> Reading:
    """The reading of one mention in its sentence (``tokens_of_places``: ``place_tokens``
    of the document, read once for all its mentions)."""
    head = doc[mention.head]
    sent = head.sent
    frame = read_frame(doc, mention, tokens_of_places)
    speakers = said_by_tokens(sent, head)
    attacker = _no_bare_weapon(_resolve_possessive(doc, frame.attacker, speakers,
                                                   country_of=country_of))
    target = _resolve_possessive(doc, frame.target, _owners_before(doc, frame.target,
                                                                  frame.attacker) or speakers,
                                 country_of=country_of)
    counts = tuple(find_counts(doc, sent))
    answered = answered_words(sent)
    inside = head.i in answered
    section_head = is_section_head(sent)
    if answered:
        # a figure told on the other side of the phrase naming the answered attack is the
        # other attack's ("its answer to the rocket that killed a dozen children")
        sides = {doc[i].idx for i in answered}
        counts = tuple(c for c in counts if (c.start_char in sides) == inside)
    if inside and mention.anaphoric:
        # "in answer to the drone strike": the answered attack is no pointer back at the
        # response told around it
        mention = replace(mention, anaphoric=False)
    # a weapon named on the other side of the answered phrase is the other attack's
    weapon = frame.weapon if frame.weapon_at is None or (frame.weapon_at in answered) == inside \
        else "unknown"
    victims = tuple(make_actor(doc, c.victims, country_of=country_of) if c.victims else None
                    for c in counts)
    return Reading(
        mention=mention, sentence=TextSpan(start=sent.start_char, end=sent.end_char),
        lemma=mention.lemma, attacker=attacker, target=target, context_attacker=None,
        claimant=None if inside else claimant_of(doc, sent, country_of=country_of),
        weapon=_bombed_from_the_air(head, weapon, attacker),
        place=pick_place(places, sent, target=frame.target, attacker=frame.attacker, head=head,
                        anaphoric=mention.anaphoric),
        time=(time := pick_time(sent, head, published=published)
              or later_time(sent, head, published=published)
              # (a heading's day is its section's, read with the sections)
              or (None if section_head or is_headline(sent)
                  else entry_day(sent, published=published))),
        context_time=None if time is not None or told_as_earlier(sent, head)
        else sentence_day(sent, head, published=published)
        or context_time(sent, published=published) or section_time(sent, published=published),
        counts=counts, victims=victims, outcome=read_outcome(sent, counts),
        response=_is_response(sent, head), follows=_has_cue(sent, FOLLOW_CUES),
        restates_target=False, headline=is_headline(sent), separate=_has_cue(sent, SEPARATE_CUES)
        # property burnt is coded apart from the killing beside it, as ACLED does
        or head.pos_ == "VERB" and sets_ablaze(head),
        accidental=is_accidental(doc, mention), suicide=is_suicide(head),
        earlier=told_as_earlier(sent, head),
        said_by=tuple(said_by(sent, head)), claimed_by=tuple(claimed_by(sent)),
        denied_by=tuple(denied_by(sent)), heading=section_head,
        weapon_generic=weapon == "ballistic_missile" and frame.weapon_at is not None
        and is_generic(doc, frame.weapon_at),
        perceived=is_perceived(head), answered=inside,
        section=section_start(sent, published=published),
        unnamed_munition=names_unnamed_munition(head),
    )


PERCEPTION_VERBS = frozenset({"hear", "feel"})


def is_perceived(head: Token) -> bool:
    """"Gunfire and explosions were heard", "residents heard blasts": what was heard tells
    that something happened there, not what kind of attack it was."""
    node = head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("nsubjpass", "dobj") and node.head.lemma_.lower() in PERCEPTION_VERBS


def _no_bare_weapon(actor: Actor | None) -> Actor | None:
    """"A rocket fired from Lebanon struck a pitch": the rocket is the weapon, not who
    attacked; a weapon phrase names an attacker only with a side ("Russian missiles")."""
    if actor is None or actor.kind != "unknown" or actor.country is not None:
        return actor
    words = actor.text.lower().replace("-", " ").split()
    head = words[-1].removesuffix("s") if words else ""
    people = lx.NON_STATE_WORDS | {"sniper", "bomber"}
    lead = words[:words.index("of")] if "of" in words else words
    partitive = bool(lead) and lead[-1] == "one" and "of" in words  # "one of the gunmen"
    if not partitive and (lead and _salvo(lead[-1]) or _salvo(words[-1] if words else "")):
        # "a second wave hit radios", "a series of strikes hit the town": no one who attacked
        return None
    return None if head in WEAPON_LEMMAS and words[-1] not in people and head not in people \
        else actor


# Nouns of how an attack came, or of what it hit, that parse as its subject.
SALVO_WORDS = frozenset({"wave", "series", "barrage", "salvo", "volley", "round",
                         "target", "blast", "explosion", "detonation", "spate", "string",
                         # "a second one struck", "rocket launchers fired", "its weapons
                         # hit": a weapon or a count of them, not who fired
                         "one", "launcher", "weapon", "system"})


def _salvo(word: str) -> bool:
    return word in SALVO_WORDS or word.removesuffix("s") in SALVO_WORDS


def _bombed_from_the_air(head: Token, weapon: str, attacker: Actor | None) -> str:
    """"The military bombed a gathering": a state's forces bomb from the air; a militant
    who bombs a station plants or throws the bomb."""
    if weapon == "ied" and head.pos_ == "VERB" and head.lemma_.lower() == "bomb" \
            and attacker is not None and attacker.kind == "state_forces":
        return "aircraft"
    return weapon


def claimant_of(doc: Doc, sent: Span, *, country_of: CountryOf) -> Actor | None:
    """The first party in the sentence that claims the attack, as an actor."""
    for tok in claimants(sent):
        actor = make_actor(doc, actor_range(tok), country_of=country_of)
        if actor is not None:
            return actor
    return None


def _owners_before(doc: Doc, target: TokenRange | None,
                   attacker: TokenRange | None) -> list[Token]:
    """Whom "their" in a target means when the sentence names people of that number before
    it other than the attackers: "14 soldiers were killed when gunmen attacked their bus" (the
    soldiers' bus, not the bus of whoever reports it)."""
    if target is None or doc[target.start].lower_ != "their":
        return []
    sent = doc[target.start].sent
    for tok in reversed(doc[sent.start:target.start]):
        if attacker is not None and attacker.start <= tok.i < attacker.end:
            continue
        if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return [tok]
    return []


def _resolve_possessive(doc: Doc, rng: TokenRange | None, speakers: list[Token], *,
                        country_of: CountryOf) -> Actor | None:
    """"X said its fighters attacked…": "its fighters" are X's; the actor is X."""
    if rng is None:
        return None
    actor = make_actor(doc, rng, country_of=country_of)
    if actor is None or doc[rng.start].lower_ not in ("its", "their", "our") or not speakers:
        return actor
    owner = make_actor(doc, actor_range(speakers[0]), country_of=country_of)
    if owner is None:
        return actor
    return replace(actor, name=owner.name, kind=owner.kind if owner.kind != "unknown" else actor.kind,
                   country=owner.country or actor.country)


def read_outcome(sent: Span, counts: tuple[RawCount, ...]) -> Outcome:
    text = sent.text.lower()
    lemmas = {t.lemma_.lower() for t in sent}
    intercepted = _has_cue(sent, tuple(w for w in lx.INTERCEPT_WORDS if " " in w)) or bool(
        lemmas & {w for w in lx.INTERCEPT_WORDS if " " not in w})
    if intercepted and not any((c.quantity.low or 0) > 0 for c in counts):
        return "intercepted"
    if any(w in text for w in lx.MISS_WORDS if " " in w) or "missed" in lemmas:
        return "missed"
    if any((c.quantity.low or 0) > 0 for c in counts) or lemmas & lx.HIT_WORDS:
        return "hit"
    return "unknown"


def _is_response(sent: Span, head: Token) -> bool:
    """A response cue on the trigger or on a verb above it, not what the cue answers."""
    if "self-defen" in sent.text.lower():
        return True
    path = {head.i} | {a.i for a in head.ancestors}
    for tok in sent:
        if not is_response_cue(tok):
            continue
        if head.i != tok.i and head in tok.subtree:
            continue  # "in response to the attack on X": that attack is the one answered
        anchor = tok.head.head if tok.dep_ == "pobj" else tok.head
        if tok.head.i == head.i or anchor.i in path:
            return True
    return False


ACCIDENT_WORDS = frozenset({"accidental", "accidentally", "premature", "prematurely",
                            "inadvertent", "inadvertently"})

BLAST_LEMMAS = lx.BLAST_LEMMAS


def is_accidental(doc: Doc, mention: Mention) -> bool:
    """"two accidental explosions", "the device detonated accidentally": a blast by mishap.

    Only blasts: a strike "by mistake" on the wrong house was still aimed at someone.
    """
    for i in mention.triggers:
        tok = doc[i]
        if tok.lemma_.lower() not in BLAST_LEMMAS:
            continue
        holders = [tok] + ([tok.head] if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else [])
        if any(c.lower_ in ACCIDENT_WORDS for h in holders for c in h.children):
            return True
    return False


def names_unnamed_munition(head: Token) -> bool:
    """"struck by an unknown projectile", "the munition hit the stern": the clause names a
    munition fired from afar without saying which kind."""
    return any(t.lemma_.lower() in lx.UNNAMED_MUNITIONS for t in _in_clause(head))


def _in_clause(head: Token) -> list[Token]:
    """The tokens of the trigger's own clause (``clause_chars``), in order."""
    scope = clause_chars(head)
    return [t for t in head.sent if t.idx in scope]


def is_suicide(head: Token) -> bool:
    """"a suicide bomber attacked", "blew himself up": the attacker died by his own blast."""
    if any(t.lower_ == "suicide" for t in _in_clause(head)):
        return True
    lemma = head.lemma_.lower()
    if lemma == "blow":
        return any(c.lower_ in SELF_WORDS for c in head.children)
    # "a woman detonated her explosives", "set off his explosive vest": the charge was
    # the attacker's own, carried on the body
    return lemma in DETONATING and any(
        c.dep_ == "dobj" and any(w.lower_ in CARRIED_CHARGE or w.dep_ == "poss" and w.lower_
                                 in OWN_WORDS for w in c.subtree)
        for c in head.children)


SELF_WORDS = frozenset({"himself", "herself", "themselves"})
OWN_WORDS = frozenset({"his", "her", "their"})
CARRIED_CHARGE = frozenset({"vest", "vests", "belt", "belts"})
DETONATING = frozenset({"detonate", "set", "trigger", "explode", "activate"})


def _has_cue(sent: Span, cues: tuple[str, ...]) -> bool:
    text = " ".join(sent.text.lower().split())
    return any(cue in text for cue in cues)


def target_restatements(doc: Doc, *, country_of: CountryOf) -> list[tuple[int, Actor]]:
    """"The targets were X": (sentence start char, X) for each such sentence."""
    found: list[tuple[int, Actor]] = []
    for sent in doc.sents:
        for tok in sent:
            if tok.lemma_.lower() == "target" and tok.pos_ == "NOUN" and tok.dep_ == "nsubj" \
                    and tok.head.lemma_.lower() == "be":
                attrs = [c for c in tok.head.children if c.dep_ in ("attr", "acomp")]
                if attrs:
                    actor = make_actor(doc, actor_range(attrs[0]), country_of=country_of)
                    if actor is not None:
                        found.append((sent.start_char, actor))
    return found
