"""Who carried out an attack the sentence leaves unnamed, from the sentences around it.

A report often names the attacker once, in a general sentence ("Israel answered with a
wave of air strikes across southern Lebanon"; "since Iran-aligned militias began a new
wave of attacks on U.S. troops"), and then tells each strike without it. A reading with
no attacker takes the attacker of the nearest earlier mention in its paragraph, told or
background, of the same kind; failing that, the report's one background attacker, if
the report names exactly one and it is not the reading's own target.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Doc

from warlog.extract.actors import CountryOf, make_actor
from warlog.extract.attribution import suspects
from warlog.extract.events import LEMMA_FAMILY, km, places_conflict, same_side, times_conflict
from warlog.extract.phrases import actor_range
from warlog.extract.readings import Reading
from warlog.model import Actor


def with_context_attackers(told: list[Reading], every: list[Reading], *, text: str,
                           suspect: Actor | None = None) -> list[Reading]:
    """The told readings, each missing attacker filled from its context where one fits;
    last, from the report's one suspect (``sole_suspect``)."""
    sole = _sole_background_attacker(every)
    if sole is not None and any(_elsewhere(sole, r) for r in told):
        sole = None  # the background tells of another place than the report's own story
    named = _Named(every)
    out = []
    for reading in told:
        if reading.attacker is None:
            found = _paragraph_attacker(reading, named, text=text) or _lent(sole, reading) \
                or _suspected(suspect, reading)
            if found is not None:
                reading = replace(reading, context_attacker=found)
        out.append(reading)
    return out


class _Named:
    """The readings that name an attacker, by trigger family, in text order: the latest
    one before an offset is a bisection away, not a scan of the report per reading."""

    def __init__(self, every: list[Reading]) -> None:
        self.every = every
        self.ordered = all(a.sentence.start <= b.sentence.start for a, b in pairwise(every))
        self.by_family: dict[str, list[Reading]] = {}
        for r in every:
            if r.attacker is not None:
                self.by_family.setdefault(LEMMA_FAMILY.get(r.lemma, r.lemma), []).append(r)
        self.starts = {f: [r.sentence.start for r in rs] for f, rs in self.by_family.items()}

    def last_between(self, family: str, start: int, end: int) -> Reading | None:
        """The last reading of the family naming an attacker, its sentence in [start, end)."""
        if not self.ordered:  # not in text order: scan, as the answer must not depend on it
            found = [r for r in self.every if start <= r.sentence.start < end
                     and r.attacker is not None and LEMMA_FAMILY.get(r.lemma, r.lemma) == family]
            return found[-1] if found else None
        starts = self.starts.get(family, [])
        before = bisect_left(starts, end)
        if before == 0 or starts[before - 1] < start:
            return None
        return self.by_family[family][before - 1]


def _paragraph_attacker(reading: Reading, named: _Named, *, text: str) -> Actor | None:
    start = text.rfind("\n\n", 0, reading.sentence.start)
    family = LEMMA_FAMILY.get(reading.lemma, reading.lemma)
    last = named.last_between(family, start, reading.sentence.start)
    return _lent(last, reading) if last is not None else None


def _sole_background_attacker(every: list[Reading]) -> Reading | None:
    """The one background mention naming an attacker of a known kind, if there is one."""
    found: list[Reading] = []
    for reading in every:
        actor = reading.attacker
        if reading.mention.background and actor is not None and actor.kind != "unknown" \
                and not any(same_side(actor, other.attacker) for other in found):
            found.append(reading)
    return found[0] if len(found) == 1 else None


def sole_suspect(doc: Doc, *, country_of: CountryOf,
                 attackers: Sequence[Actor] = ()) -> Actor | None:
    """The one party of a known kind that the report, anywhere, says carried out an attack,
    by its own claim, another's blame or its own denial ("Hezbollah denied any role",
    "Israel blamed Hezbollah for the rocket"); None when it names none, or several.

    Of several, a party the report names as the attacker of one of its attacks
    (``attackers``) is taken to be suspected of that one ("the Israeli military says its
    aircraft struck…"; "Iran blamed Israel, which…"), and the one left, if one is, is
    the suspect of the attacks it leaves unnamed."""
    found: list[Actor] = []
    for sent in doc.sents:
        for tok in suspects(sent):
            actor = make_actor(doc, actor_range(tok), country_of=country_of)
            if actor is None or actor.kind == "unknown":
                continue
            if not any(same_side(actor, other) for other in found):
                found.append(actor)
    if len(found) > 1:
        found = [a for a in found if not any(same_side(a, named) for named in attackers)]
    return found[0] if len(found) == 1 else None


def _suspected(suspect: Actor | None, reading: Reading) -> Actor | None:
    """The report's one suspect, for an attack not aimed at its own side."""
    if suspect is None or reading.target is not None and same_side(suspect, reading.target):
        return None
    return suspect


def _lent(source: Reading | None, reading: Reading) -> Actor | None:
    """The source's attacker, unless it is the reading's own target or the source tells of
    another place or day ("since IS attacked Paris" lends nothing to a blast in Lyon)."""
    if source is None or source.attacker is None:
        return None
    if reading.target is not None and same_side(source.attacker, reading.target):
        return None
    if _elsewhere(source, reading) or times_conflict(reading.time, source.time):
        return None
    return source.attacker


def _elsewhere(source: Reading, reading: Reading) -> bool:
    """The two tell of different towns; a campaign told over a country or a region lends
    to any attack within it, and a strike on a city to one on a village at its edge ("struck
    the city with two missiles … the second fell in the village of X on the outskirts")."""
    theirs, mine = source.place, reading.place
    if theirs is None or theirs.precision not in ("facility", "town", None) \
            or not places_conflict(mine, theirs):
        return False
    return mine is None or None in (mine.lat, mine.lon, theirs.lat, theirs.lon) \
        or km(mine.lat, mine.lon, theirs.lat, theirs.lon) > NEIGHBOUR_KM  # type: ignore[arg-type]


# How far apart two places may be for an attacker named at one to be lent to the other.
NEIGHBOUR_KM = 15.0
