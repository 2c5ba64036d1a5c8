"""The extraction stages, registered by versioned name with what they read and write.

Each stage takes the annotated report so far and returns it with its own product added;
none amends what an earlier stage produced. ``build_pipeline`` refuses an order in which
a stage requires what no earlier stage assigns.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from warlog.errors import PipelineError
from warlog.extract.actors import CountryOf, make_actor
from warlog.extract.aggregates import event_counts
from warlog.extract.aliases import with_aliases
from warlog.extract.arguments import place_tokens
from warlog.extract.assemble import build_events
from warlog.extract.attach import enclosed_anchors, figures_outside_details, owned_counts
from warlog.extract.attribution import claimed_by, denied_by, said_by
from warlog.extract.casualties import find_counts
from warlog.extract.claims import find_claims, is_aggregate_sentence
from warlog.extract.context import sole_suspect, with_context_attackers
from warlog.extract.dates import resolve_time
from warlog.extract.events import NAMED_MISSILES, cluster_readings
from warlog.extract.frames import framed
from warlog.extract.lookup import ents_within
from warlog.extract.mentions import Mention, find_mentions
from warlog.extract.readings import (
    Reading,
    claimant_of,
    is_historical,
    mark_long_before,
    read_mention,
    target_restatements,
)
from warlog.extract.split import split_by_town
from warlog.extract.timing import sentence_day
from warlog.ingest.dates import latest_named_day
from warlog.model import Claim, Document, Event, Place
from warlog.model import Span as TextSpan
from warlog.registry import stages


@dataclass(frozen=True, slots=True, kw_only=True)
class Annotated:
    """A report on its way through the stages; each field is one stage's product."""

    document: Document
    parsed: Doc | None = None
    places: tuple[Place, ...] | None = None
    mentions: tuple[Mention, ...] | None = None
    readings: tuple[Reading, ...] | None = None
    events: tuple[Event, ...] | None = None
    claims: tuple[Claim, ...] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What the stages need beyond the report, passed in as plain functions."""

    country_of: CountryOf
    geoparse: Callable[[Doc], tuple[Place, ...]]


Stage = Callable[[Annotated, Context], Annotated]


@stages.register("warlog.places.v1", requires=("parsed",), assigns=("places",))
def places_stage(ann: Annotated, ctx: Context) -> Annotated:
    assert ann.parsed is not None
    return replace(ann, places=ctx.geoparse(ann.parsed))


@stages.register("warlog.mentions.v1", requires=("parsed",), assigns=("mentions",))
def mentions_stage(ann: Annotated, ctx: Context) -> Annotated:
    assert ann.parsed is not None
    return replace(ann, mentions=find_mentions(ann.parsed))


@stages.register("warlog.readings.v1", requires=("parsed", "places", "mentions"),
                 assigns=("readings",))
def readings_stage(ann: Annotated, ctx: Context) -> Annotated:
    assert ann.parsed is not None and ann.mentions is not None and ann.places is not None
    tokens_of_places = place_tokens(ann.parsed, ann.places)
    every = [read_mention(ann.parsed, m, places=ann.places, published=ann.document.published,
                          country_of=ctx.country_of, tokens_of_places=tokens_of_places)
             for m in ann.mentions]
    published = ann.document.published
    every = [_without_aggregates(ann.parsed, r, ann.places) for r in every]
    every, left = figures_outside_details(ann.parsed, owned_counts(ann.parsed, every))
    every = enclosed_anchors(ann.parsed, every)
    every = with_aliases(every, ann.parsed, country_of=ctx.country_of)
    # what is history in a report with no date of its own is judged from the latest day it
    # names: a profile that names 17 January 2018 tells a 1995 siege as history
    now = published or latest_named_day(ann.document.text)
    told = [r for r in every if not r.mention.background and not is_historical(r, now)]
    told = mark_long_before(split_by_town(told, ann.places), published)
    readings = with_context_attackers(told, every, text=ann.document.text,
                                      suspect=sole_suspect(
                                          ann.parsed, country_of=ctx.country_of,
                                          attackers=[r.attacker for r in every if r.attacker]))
    readings.extend(_restatements(ann, ctx, readings, left=left))
    readings = framed(readings, ann.document.text, ann.places)
    readings.sort(key=lambda r: (r.sentence.start, r.mention.head))
    return replace(ann, readings=tuple(readings))


def _without_aggregates(doc: Doc, reading: Reading, places: tuple[Place, ...]) -> Reading:
    """A reading keeps only the figures of its sentence that are not tallies over several
    attacks (``aggregates`` decides, and those figures become claims)."""
    sent = doc.char_span(reading.sentence.start, reading.sentence.end, alignment_mode="expand")
    if sent is None or not reading.counts:
        return reading
    kept = event_counts(sent, reading.counts, places=places)
    if len(kept) == len(reading.counts):
        return reading
    victims = tuple(v for c, v in zip(reading.counts, reading.victims, strict=True) if c in kept)
    return replace(reading, counts=kept, victims=victims)


def _restatements(ann: Annotated, ctx: Context, readings: list[Reading], *,
                  left: AbstractSet[int] = frozenset()) -> list[Reading]:
    """Sentences that only add to the latest event: "the targets were X", "X denied…";
    and the figures of a sentence whose only mention is a detail in a relative clause
    (``left``: "16 others were wounded, including two who were hit in an exchange of
    fire")."""
    assert ann.parsed is not None
    read_sentences = {r.sentence.start for r in readings} - left
    targets = dict(target_restatements(ann.parsed, country_of=ctx.country_of))
    latest = _latest_before(readings)
    out = []
    for sent in ann.parsed.sents:
        if sent.start_char in read_sentences:
            continue
        claimed, denied = claimed_by(sent), denied_by(sent)
        target = targets.get(sent.start_char)
        # a follow-up sentence's figures join the latest event; its zeros join it too
        # ("No one was hurt."), unless the sentence speaks of several attacks ("most had
        # caused no injuries")
        several = _of_several(sent)
        counts = () if is_aggregate_sentence(sent) else tuple(
            c for c in event_counts(sent, tuple(find_counts(ann.parsed, sent)),
                                       places=ann.places or ())
            if c.quantity.high != 0 or not several)
        if not (claimed or denied or target or counts):
            continue
        last = latest(sent.start_char)
        if last is None or _of_another_time(sent, last, published=ann.document.published):
            continue
        if counts:
            last = _of_its_place(sent, last, readings, ann.places or ())
        out.append(replace(
            last, mention=replace(last.mention, anaphoric=True), target=target,
            restates_target=target is not None, attacker=None, place=None, time=None,
            # "77 people lost their lives and 255 were wounded on Tuesday 17 September":
            # the day its figures are told on dates an event that has no day of its own
            context_time=sentence_day(sent, sent.root, published=ann.document.published)
            if counts else None, headline=False, separate=False, accidental=False, suicide=False,
            earlier=False,
            counts=counts, weapon="unknown", response=False, follows=False,
            victims=tuple(make_actor(ann.parsed, c.victims, country_of=ctx.country_of)
                          if c.victims else None for c in counts),
            said_by=tuple(said_by(sent, sent.root)) if counts else (),
            claimed_by=tuple(claimed), denied_by=tuple(denied),
            claimant=claimant_of(ann.parsed, sent, country_of=ctx.country_of),
            sentence=TextSpan(start=sent.start_char, end=sent.end_char),
            continues=last.mention.head if last.continues < 0 else last.continues,
        ))
    return out


def _of_its_place(sent: SpacySpan, last: Reading, readings: list[Reading],
                  places: tuple[Place, ...]) -> Reading:
    """Figures told with a town of their own ("New figures: 22 killed and 72 injured in
    Kyiv") join the latest event told at that town, when the latest event is elsewhere."""
    named = {p.name for p in places if p.role == "literal" and p.precision == "town"
             and sent.start_char <= p.span.start < sent.end_char}
    if len(named) != 1 or last.place is None or last.place.name in named:
        return last
    earlier = [r for r in readings if r.sentence.start < sent.start_char and not r.mention.background
               and r.place is not None and r.place.name in named]
    return max(earlier, key=lambda r: r.sentence.start) if earlier else last


# Words by which a sentence speaks of several attacks or of some among them.
_SEVERAL = frozenset({"most", "many", "some", "several", "all", "other", "others", "previous",
                      "earlier", "both", "each", "attacks", "strikes", "incidents", "raids"})


# A follow-up sentence dated this long before the event it would join tells another one.
OTHER_TIME_DAYS = 30


def _of_another_time(sent: SpacySpan, last: Reading, *, published: date | None) -> bool:
    """"In June 2023 fighters laid siege to another hotel; six were killed": figures of a
    sentence dated weeks before the latest event are that other time's, not the event's."""
    anchor = (last.time.start if last.time is not None else None) or published
    if anchor is None:
        return False
    for ent in ents_within(sent):
        # a date inside a noun's own phrase ("a child born in 2022") dates that noun
        if ent.label_ != "DATE" or any(a.dep_ in ("acl", "relcl", "appos", "amod")
                                       for a in ent.root.ancestors):
            continue
        start = resolve_time(ent.text, published=published).start
        if start is not None and (anchor - start).days > OTHER_TIME_DAYS:
            return True
    return False


def _of_several(sent: SpacySpan) -> bool:
    return any(t.lower_ in _SEVERAL for t in sent)


def _latest_before(readings: list[Reading]) -> Callable[[int], Reading | None]:
    """For a character offset, the reading of the latest sentence before it (the first
    such reading, of several in that sentence); one sort, then a bisection per question."""
    ordered = sorted(range(len(readings)), key=lambda i: (readings[i].sentence.start, i))
    starts = [readings[i].sentence.start for i in ordered]

    def latest(offset: int) -> Reading | None:
        before = bisect_left(starts, offset)
        if before == 0:
            return None
        return readings[ordered[bisect_left(starts, starts[before - 1])]]

    return latest


@stages.register("warlog.events.v1", requires=("readings", "places"), assigns=("events",))
def events_stage(ann: Annotated, ctx: Context) -> Annotated:
    assert ann.readings is not None and ann.places is not None
    clusters = cluster_readings(list(ann.readings))
    # a country's point, from its literal mention first ("in Mali"), else from any ("Mali's
    # capital"): where an event told without a place is put, at country precision
    country_points: dict[str, Place] = {}
    for p in sorted(ann.places, key=lambda p: p.role != "literal"):
        if p.precision == "country" and p.country and p.lat is not None:
            country_points.setdefault(p.country, replace(p, role="literal"))
    events = build_events(clusters, doc_id=ann.document.id, fallback_places=country_points,
                          report_country=_report_country(ann.places), places=ann.places,
                          text=ann.document.text, missile_kind=_missile_kind(ann.readings),
                          published=ann.document.published,
                          report_day=_report_day(ann.parsed, ann.document.published))
    return replace(ann, events=events)


# How far into the text the report's own day is looked for: its date line and first
# paragraph ("Daily field report - Sunday, 25 June 2023", "Today was the bloodiest day…").
OPENING_CHARS = 700


def _report_day(doc: Doc | None, published: date | None) -> date | None:
    """The day of publication, when the report's opening names it as the day it tells of
    (its date line or a "today"); else None."""
    if doc is None or published is None:
        return None
    for ent in ents_within(doc[:]):
        if ent.start_char > OPENING_CHARS:
            break
        if ent.label_ != "DATE":
            continue
        resolved = resolve_time(ent.text, published=published)
        if resolved.precision == "day" and resolved.start == published:
            return published
    return None


def _missile_kind(readings: Sequence[Reading]) -> str | None:
    """The one kind of missile the report names ("Kh-101 cruise missiles"), if it names
    missiles of one kind only."""
    kinds = {r.weapon for r in readings if r.weapon in NAMED_MISSILES and not r.weapon_generic}
    return kinds.pop() if len(kinds) == 1 else None


# The share of a report's literal places one country must hold to be the report's country.
REPORT_COUNTRY_SHARE = 0.6


def _report_country(places: tuple[Place, ...]) -> str | None:
    """The country most of the report's literal places lie in, if one holds most (places
    the gazetteer placed: a name it lacks only inherits the report's main country, and
    must not vote for it)."""
    countries = [p.country for p in places if p.role == "literal" and p.country
                 and p.precision is not None]
    if not countries:
        return None
    top = max(sorted(set(countries)), key=countries.count)
    if countries.count(top) < REPORT_COUNTRY_SHARE * len(countries):
        return None
    # a roundup of two countries ("Burkina Faso and Mali: a month of attacks") names the
    # other as often as the first: neither is the report's
    named = [p.country for p in places if p.role == "literal" and p.precision == "country"]
    if any(named.count(other) >= max(named.count(top), 1) for other in set(named) - {top}):
        return None
    return top


@stages.register("warlog.claims.v1", requires=("parsed", "places"), assigns=("claims",))
def claims_stage(ann: Annotated, ctx: Context) -> Annotated:
    assert ann.parsed is not None
    return replace(ann, claims=find_claims(ann.parsed, published=ann.document.published,
                                           country_of=ctx.country_of, places=ann.places or ()))


def check_order(names: Sequence[str], *, given: Sequence[str] = ("document", "parsed")) -> None:
    """Raise E202 when a stage requires what no earlier stage assigns."""
    assigned = set(given)
    for name in names:
        meta: dict[str, Any] = stages.get(name).meta
        for need in meta.get("requires", ()):
            if need not in assigned:
                raise PipelineError("E202", stage=name, needs=need)
        assigned.update(meta.get("assigns", ()))
