"""One mention's reading: its actors, place, time, counts, outcome and sources, as values."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from warlog.extract import lexicon as lx
from warlog.extract.actors import CountryOf, make_actor
from warlog.extract.arguments import TokenRange, actor_range, read_frame
from warlog.extract.attribution import claimants, claimed_by, denied_by, said_by, said_by_tokens
from warlog.extract.casualties import RawCount, find_counts
from warlog.extract.dates import is_time_phrase, resolve_time
from warlog.extract.mentions import Mention
from warlog.model import Actor, Outcome, Place, Time
from warlog.model import Span as TextSpan

FOLLOW_CUES = ("immediately after", "shortly after", "right after", "moments after",
               "minutes after", "minutes later", "hours later", "soon after", "shortly afterward",
               "moments later", "immediately afterward", "in the aftermath")
SEPARATE_CUES = ("separately", "in a separate", "in another", "another attack",
                 "another strike", "elsewhere", "in a second", "a second attack",
                 "a further attack", "meanwhile")
PRECISION_RANK = {"facility": 0, "town": 1, "admin1": 2, "country": 3, "region": 4, None: 5}


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

    @property
    def informative(self) -> bool:
        return any((self.attacker, self.target, self.place, self.time, self.counts,
                    self.weapon != "unknown", self.claimed_by, self.denied_by))


# A report tells of its own days; an attack it dates more than a year before publication
# ("shot down over Hanoi in 1967") is history it recalls, told as background.
HISTORY_DAYS = 365


def is_historical(reading: Reading, published: date | None) -> bool:
    time = reading.time
    if published is None or time is None or time.start is None:
        return False
    return (published - (time.end or time.start)).days > HISTORY_DAYS


def read_mention(doc: Doc, mention: Mention, *, places: tuple[Place, ...],
                 published: date | None, country_of: CountryOf) -> Reading:
    """The reading of one mention in its sentence."""
    head = doc[mention.head]
    sent = head.sent
    frame = read_frame(doc, mention)
    speakers = said_by_tokens(sent, head)
    attacker = _resolve_possessive(doc, frame.attacker, speakers, country_of=country_of)
    target = _resolve_possessive(doc, frame.target, speakers, country_of=country_of)
    counts = tuple(find_counts(doc, sent))
    victims = tuple(make_actor(doc, c.victims, country_of=country_of) if c.victims else None
                    for c in counts)
    return Reading(
        mention=mention, sentence=TextSpan(start=sent.start_char, end=sent.end_char),
        lemma=mention.lemma, attacker=attacker, target=target, context_attacker=None,
        claimant=claimant_of(doc, sent, country_of=country_of),
        weapon=frame.weapon,
        place=pick_place(places, sent, target=frame.target, attacker=frame.attacker, head=head,
                        anaphoric=mention.anaphoric),
        time=(time := pick_time(sent, head, published=published)),
        context_time=None if time is not None or told_as_earlier(sent, head)
        else context_time(sent, published=published),
        counts=counts, victims=victims, outcome=read_outcome(sent, counts),
        response=_is_response(sent, head), follows=_has_cue(sent, FOLLOW_CUES),
        restates_target=False, headline=is_headline(sent), separate=_has_cue(sent, SEPARATE_CUES),
        accidental=is_accidental(doc, mention), suicide=is_suicide(head),
        earlier=told_as_earlier(sent, head),
        said_by=tuple(said_by(sent, head)), claimed_by=tuple(claimed_by(sent)),
        denied_by=tuple(denied_by(sent)),
    )


def claimant_of(doc: Doc, sent: Span, *, country_of: CountryOf) -> Actor | None:
    """The first party in the sentence that claims the attack, as an actor."""
    for tok in claimants(sent):
        actor = make_actor(doc, actor_range(tok), country_of=country_of)
        if actor is not None:
            return actor
    return None


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


def pick_place(places: tuple[Place, ...], sent: Span, *, target: TokenRange | None,
               attacker: TokenRange | None, head: Token, anaphoric: bool = False) -> Place | None:
    """The literal place of the sentence that says where the attack was.

    Preferred: a place inside the target ("an attack on Al-Asad Airbase"), then one in the
    trigger's own clause ("strikes … in Iraq", not "…responding to attacks by Iran"), then
    the most precise; never one inside the attacker's phrase.
    """
    doc = sent.doc

    def inside(place: Place, rng: TokenRange | None) -> bool:
        if rng is None:
            return False
        return doc[rng.start].idx <= place.span.start < doc[rng.end - 1].idx + len(doc[rng.end - 1])

    clause = clause_chars(head)
    backers = _modifier_chars(attacker, doc) | _speaker_chars(head)
    candidates = [p for p in places if p.role == "literal"
                  and sent.start_char <= p.span.start < sent.end_char
                  and not inside(p, attacker) and p.span.start not in backers]
    if anaphoric:
        # "the attack showed why Ukraine needs…": a re-mention's place is in its own clause
        candidates = [p for p in candidates if p.span.start in clause]
    dated_by = _temporal_phrase(head)
    if dated_by is not None:
        # "…removed his backpack from a dorm in Dartmouth three days after the bombing": a
        # phrase that only dates the main clause lends it no place ("after clashes there"
        # points back at the main clause's place, and keeps it)
        candidates = [p for p in candidates if p.span.start in dated_by]
    if not candidates:
        return None
    # the target's own place locates the attack best, when the gazetteer can put it on a map
    return min(candidates, key=lambda p: (not (inside(p, target) and p.lat is not None),
                                          p.span.start not in clause,
                                          _is_origin(doc, p), PRECISION_RANK[p.precision],
                                          p.span.start))


TEMPORAL_PREPS = frozenset({"after", "before", "since", "following", "until", "prior"})


def _temporal_phrase(head: Token) -> set[int] | None:
    """The characters of "after the bombing" when the trigger only dates another clause."""
    node = head
    while node.dep_ in ("compound", "conj", "appos") and node.head is not node:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ not in TEMPORAL_PREPS:
        return None
    phrase = {t.idx for t in node.head.subtree}
    if any(t.lower_ == "there" for t in node.head.subtree):
        return None
    return phrase


def _speaker_chars(head: Token) -> set[int]:
    """Offsets of who reports the attack: "a statement after a meeting at Stormont Castle
    said…" was made there; the attack was not."""
    out: set[int] = set()
    for verb in head.ancestors:
        if verb.lemma_.lower() in lx.REPORTING_VERBS:
            for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
                out.update(t.idx for t in subj.subtree)
    return out


def _modifier_chars(rng: TokenRange | None, doc: Doc) -> set[int]:
    """Offsets of the attacker's whole phrase: "militias backed by Iran" is not in Iran."""
    if rng is None:
        return set()
    head = doc[rng.end - 1]
    return {t.idx for t in head.subtree}


def _is_origin(doc: Doc, place: Place) -> bool:
    """"rockets fired from Lebanon": where they came from, less likely where they fell."""
    tokens = [t for t in doc if t.idx == place.span.start]
    if not tokens:
        return False
    tok = tokens[0]
    node = tok
    while node.dep_ in ("compound", "amod", "det") and node.head is not node:
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ == "from"


def time_scope(head: Token) -> set[int]:
    """Where the attack's date may stand: its clause, and the clause a "when"-clause
    hangs from ("three were killed early on Sunday when a drone struck the base")."""
    scope = clause_chars(head)
    root = _clause_root(head)
    if root.dep_ == "advcl" and root.head is not root:
        scope |= clause_chars(root.head)
    return scope


HARM_PREPS = frozenset({"in", "during", "by", "amid"})
HARM_VERBS = frozenset({"kill", "die", "wound", "injure", "hurt", "destroy", "damage", "slay",
                        "perish"})


def _clause_root(head: Token) -> Token:
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") \
            and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    # "five were killed on Monday in an attack on the market": the casualty verb the
    # attack's phrase hangs from holds its day and place ("raising the toll from a strike"
    # does not: the raising is another moment)
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "pobj" and head.head.lower_ in HARM_PREPS \
            and head.head.head.lemma_.lower() in HARM_VERBS:
        return head.head.head
    return head


def clause_chars(head: Token) -> set[int]:
    """Character offsets of the trigger's clause, without clauses embedded in it."""
    root = _clause_root(head)
    skip: set[int] = set()
    for tok in root.subtree:
        if tok is not root and tok.dep_ in ("advcl", "ccomp", "relcl", "parataxis") \
                and head not in tok.subtree:
            skip.update(t.i for t in tok.subtree)
    return {t.idx for t in root.subtree if t.i not in skip}


def pick_time(sent: Span, head: Token, *, published: date | None) -> Time | None:
    """The time expression that dates the attack, not the report of it."""
    reporting = {a.i for a in head.ancestors if a.lemma_.lower() in lx.REPORTING_VERBS}
    scope = time_scope(head)
    best: tuple[int, Time] | None = None
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME") or not is_time_phrase(ent.text):
            continue
        if ent.start_char not in scope and not _inside_report(ent, head):
            continue  # "…said the missile was built in May 2023": another clause's date
        if _is_since(ent) or (_attached_to(ent, reporting) and not _inside_report(ent, head)):
            continue
        resolved = resolve_time(_with_qualifier(ent), published=published)
        if resolved.start is None:
            continue
        distance = abs(ent.root.i - head.i)
        time = Time(text=ent.text, start=resolved.start, end=resolved.end,
                    precision=resolved.precision,
                    span=TextSpan(start=ent.start_char, end=ent.end_char))
        if best is None or distance < best[0]:
            best = (distance, time)
    return best[1] if best else None


EARLIER = re.compile(r"\b(?:previous|prior) (?:year|month|week)\b|\blast (?:year|month)\b")


def told_as_earlier(sent: Span, head: Token) -> bool:
    """"Earlier in the year, …", "two years ago", "last year": the attack is dated before
    the story the report tells."""
    scope = time_scope(head)
    if any(t.idx in scope and (t.lower_ in ("earlier", "ago") or t.lower_ == "before" and any(
            c.dep_ == "npadvmod" for c in t.children)) for t in sent):
        return True  # "earlier", "two years ago", "one year before"
    return any(e.label_ == "DATE" and e.start_char in scope and EARLIER.search(e.text.lower())
               for e in sent.ents)


def is_headline(sent: Span) -> bool:
    """A title line near the top: a line of its own with no closing full stop."""
    text = sent.doc.text
    line_start = sent.start_char == 0 or text[sent.start_char - 1] == "\n"
    line_end = sent.end_char >= len(text) or text[sent.end_char:sent.end_char + 1] in ("\n", "")
    stripped = sent.text.strip()
    return (line_start and line_end and sent.start_char < 400 and not stripped.endswith((".", "—", "-"))
            and len(stripped.split()) <= 25)


def _is_dateline(sent: Span) -> bool:
    """"ODESA, Ukraine, March 3 (Courier) —": the date of the report, not of the attack."""
    stripped = sent.text.strip()
    return stripped.endswith(("—", "–", "--")) or stripped.lower().startswith(("published", "updated"))


def context_time(sent: Span, *, published: date | None) -> Time | None:
    """The last day named in the sentences before, within the same paragraph."""
    doc = sent.doc
    paragraph_start = doc.text.rfind("\n\n", 0, sent.start_char)
    previous = [s for s in doc.sents if paragraph_start <= s.start_char < sent.start_char
                and not _is_dateline(s) and not is_headline(s)]
    for earlier in reversed(previous):
        for ent in reversed(earlier.ents):
            if ent.label_ != "DATE" or not is_time_phrase(ent.text) or _is_since(ent):
                continue
            resolved = resolve_time(_with_qualifier(ent), published=published)
            if resolved.start is not None and resolved.precision == "day":
                return Time(text=ent.text, start=resolved.start, end=resolved.end,
                            precision="day", span=TextSpan(start=ent.start_char, end=ent.end_char))
    return None


def _with_qualifier(ent: Span) -> str:
    """"early Wednesday": the qualifier sits outside the entity as often as inside."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in ("early", "late", "last", "this", "next"):
        return f"{before.text} {ent.text}"
    return ent.text


def _is_since(ent: Span) -> bool:
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (before is not None and before.lower_ in ("since", "until", "of")) or \
        ent.text.lower().startswith(("since", "the past", "past"))


def _inside_report(ent: Span, head: Token) -> bool:
    """"…when a drone bombed villagers on Sunday night, the agency said on Tuesday": a date
    before the closing attribution's speaker is part of what was reported."""
    verb = next((a for a in head.ancestors if a.lemma_.lower() in lx.REPORTING_VERBS), None)
    if verb is None or verb.i < head.i:
        return False
    speakers = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(speakers) and ent.end <= speakers[0].left_edge.i and ent.start > head.i


def _attached_to(ent: Span, verbs: set[int]) -> bool:
    """True when the date's nearest verb is a reporting verb above the trigger."""
    node = ent.root
    for _ in range(4):
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.i in verbs
        if node.head is node:
            break
    return False


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
        if tok.lemma_.lower() not in lx.RESPONSE_CUES and tok.lower_ not in lx.RESPONSE_CUES:
            continue
        if head.i != tok.i and head in tok.subtree:
            continue  # "in response to the attack on X": that attack is the one answered
        anchor = tok.head.head if tok.dep_ == "pobj" else tok.head
        if tok.head.i == head.i or anchor.i in path:
            return True
    return False


ACCIDENT_WORDS = frozenset({"accidental", "accidentally", "premature", "prematurely",
                            "inadvertent", "inadvertently"})
BLAST_LEMMAS = frozenset({"explosion", "blast", "detonation", "explode", "detonate", "go", "blow",
                          "bombing"})


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


def is_suicide(head: Token) -> bool:
    """"a suicide bomber attacked", "blew himself up": the attacker died by his own blast."""
    scope = clause_chars(head)
    if any(t.lower_ == "suicide" and t.idx in scope for t in head.sent):
        return True
    return head.lemma_.lower() == "blow" and any(
        c.lower_ in ("himself", "herself", "themselves") for c in head.children)


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
