"""The geoparser: every place a report names, resolved with the whole report as context.

``geoparse(doc, gazetteer=…)`` finds the mentions (mentions.py), picks for each the place it
most likely means (choose.py: kind, population, countries the report names, places already
resolved near it, words such as "province" or "base"), gives it a role (roles.py) and
returns contract PLACEs. A mention it cannot place keeps its text, and the country where
one is known, with null coordinates: no wrong guess dressed as precise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warlog.geo import names
from warlog.geo.choose import Context, choose, cue_of, document_context
from warlog.geo.gazetteer import Gazetteer
from warlog.geo.mentions import Mention, context_mentions, find_mentions
from warlog.geo.roles import role_of
from warlog.geo.tables import Entry
from warlog.model import Place, Precision, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

_PRECISION: dict[str, Precision] = {
    "facility": "facility", "town": "town", "admin1": "admin1", "country": "country", "region": "region",
}


def country_of(text: str, *, gazetteer: Gazetteer) -> str | None:
    """ISO2 of a country name, demonym or adjective: "Iranian" → "IR", "U.S." → "US"."""
    entry = gazetteer.demonym(text)
    if entry is None:
        countries = [e for e in gazetteer.lookup(text) if e.kind == "country"]
        entry = countries[0] if countries else None
    return entry.country if entry is not None else None


def geoparse(doc: Doc, *, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Every place the report names, sorted by span start (see the module docstring)."""
    mentions = find_mentions(doc, gazetteer=gazetteer)
    context = document_context(mentions, gazetteer=gazetteer)
    extra = context_mentions(doc, mentions, countries=frozenset(context.countries), gazetteer=gazetteer)
    mentions = sorted(mentions + extra, key=lambda m: (m.start, m.end))
    chosen = _resolve_all(doc, mentions, context=context, gazetteer=gazetteer)
    places = [_place(doc, m, entry, context=context) for m, entry in zip(mentions, chosen, strict=True)]
    return tuple(sorted(places, key=lambda p: (p.span.start, p.span.end)))


def _resolve_all(doc: Doc, mentions: list[Mention], *, context: Context,
                 gazetteer: Gazetteer) -> list[Entry | None]:
    # Two passes: the second sees where the first put the report's other places, so an
    # ambiguous town is read near its neighbours ("Hit" near Ramadi, not Hit elsewhere).
    first = [_resolve(doc, m, context=context, gazetteer=gazetteer) for m in mentions]
    anchored = context.with_anchors((m.start, e) for m, e in zip(mentions, first, strict=True) if e)
    return [_resolve(doc, m, context=anchored, gazetteer=gazetteer) for m in mentions]


def _candidates(text: str, *, gazetteer: Gazetteer) -> tuple[Entry, ...]:
    found = gazetteer.lookup(text)
    if not found and names.strip_facility_words(text):
        found = gazetteer.lookup_facility(text)
    if not found:
        found = gazetteer.lookup_loose(text)
    return found


def _resolve(doc: Doc, mention: Mention, *, context: Context, gazetteer: Gazetteer) -> Entry | None:
    if mention.hint is not None:
        return mention.hint
    cue = cue_of(doc, mention)
    candidates = _candidates(mention.text, gazetteer=gazetteer)
    if not candidates:
        # "Orange County", "Oaxaca State", "eastern Ukraine": the name inside a descriptor.
        bare = names.strip_descriptor(mention.text)
        if bare is None:
            return None
        candidates = _candidates(bare.name, gazetteer=gazetteer)
        cue = bare.kind or cue
    if not candidates:
        return None
    return choose(candidates, mention=mention, cue=cue, context=context)


def _place(doc: Doc, mention: Mention, entry: Entry | None, *, context: Context) -> Place:
    span = doc[mention.tok_start:mention.tok_end]
    role = role_of(span, demonym=mention.source == "demonym" or (
        mention.source == "embedded" and mention.hint is not None))
    if entry is None or entry.lat is None or entry.lon is None:
        return Place(text=mention.text, name=entry.name if entry else mention.text,
                     admin1=entry.admin1 if entry else None,
                     country=entry.country if entry else context.sentence_country(mention),
                     lat=None, lon=None, precision=_PRECISION[entry.kind] if entry else None,
                     gazetteer_id=entry.id if entry else None, role=role,
                     span=Span(start=mention.start, end=mention.end))
    return Place(text=mention.text, name=entry.name, admin1=entry.admin1, country=entry.country,
                 lat=round(entry.lat, 5), lon=round(entry.lon, 5), precision=_PRECISION[entry.kind],
                 gazetteer_id=entry.id, role=role, span=Span(start=mention.start, end=mention.end))
