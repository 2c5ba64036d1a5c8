"""Look-ups into one parsed report, each built once per Doc and kept on it.

Several of spaCy's conveniences walk the whole document on every use: ``Doc.text`` joins
every token again, ``Span.ents`` builds a Span for every entity of the document, and
finding the token at a character offset means scanning the tokens. Called once per
attack mention, each made extraction quadratic in the mentions of a report (2,000
incident sentences: almost six minutes). These functions give the same answers from an
index made the first time it is needed and kept in ``doc.user_data``; a Doc is never
changed after parsing, so the index stays true.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from warlog.model import Place

_KEY = "warlog.lookup"
_PLACES_KEY = "warlog.lookup.places"


@dataclass(frozen=True, slots=True)
class _Index:
    text: str
    ents: tuple[Span, ...]
    ent_starts: tuple[int, ...]
    token_at: dict[int, int]     # character offset → index of the token starting there


def _index(doc: Doc) -> _Index:
    found = doc.user_data.get(_KEY)
    if isinstance(found, _Index):
        return found
    ents = tuple(doc.ents)
    made = _Index(text=doc.text, ents=ents, ent_starts=tuple(e.start for e in ents),
                  token_at={t.idx: t.i for t in reversed(doc)})
    doc.user_data[_KEY] = made
    return made


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once."""
    return _index(doc).text


def ents_within(span: Span) -> list[Span]:
    """``span.ents``: from the first entity starting in the span, those ending in it."""
    # spaCy's own loop stops at the first entity that starts inside but ends outside.
    index = _index(span.doc)
    out: list[Span] = []
    for ent in index.ents[bisect_left(index.ent_starts, span.start):]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def token_starting_at(doc: Doc, char: int) -> Token | None:
    """The token whose first character is at offset ``char``, if one starts there."""
    i = _index(doc).token_at.get(char)
    return None if i is None else doc[i]


def places_from(places: Sequence[Place], start: int, end: int, *, ordered: bool) -> list[Place]:
    """The places whose span starts in [start, end), in the order given.

    ``ordered`` says the places are sorted by their start (``in_start_order``), as the
    geoparser returns them: two bisections then find the run. Otherwise they are scanned
    in full, so the answer never depends on the order.
    """
    if not ordered:
        return [p for p in places if start <= p.span.start < end]
    lo = bisect_left(places, start, key=lambda p: p.span.start)
    hi = bisect_left(places, end, lo=lo, key=lambda p: p.span.start)
    return list(places[lo:hi])


def in_start_order(places: Sequence[Place]) -> bool:
    return all(a.span.start <= b.span.start for a, b in pairwise(places))


def in_start_order_on(doc: Doc, places: Sequence[Place]) -> bool:
    """``in_start_order``, answered once per places sequence of a Doc and kept on it."""
    kept = doc.user_data.get(_PLACES_KEY)
    if isinstance(kept, tuple) and kept[0] is places:
        return bool(kept[1])
    ordered = in_start_order(places)
    # the sequence itself is kept beside the answer, so that its id is never reused
    doc.user_data[_PLACES_KEY] = (places, ordered)
    return ordered
