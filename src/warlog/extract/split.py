"""One mention, several towns: "missiles struck Odesa and Kharkiv" tells two attacks.

A reading whose target is a list of two or more towns (or facilities) the gazetteer
places is split into one reading per town, each with that town as its place and
target. A casualty figure goes with the town named after it before the next figure
("killing five people in Odesa and wounding 12 in Kharkiv"); a figure that names no
town stays with the first.
"""

from __future__ import annotations

from dataclasses import replace

from warlog.extract.lookup import in_start_order, places_from
from warlog.extract.readings import Reading
from warlog.model import Place

_LOCAL = ("town", "facility")


def split_by_town(readings: list[Reading], places: tuple[Place, ...]) -> list[Reading]:
    """The readings, those told of a list of towns split into one per town."""
    out: list[Reading] = []
    ordered = in_start_order(places)
    for reading in readings:
        towns = _listed_towns(reading, places, ordered=ordered)
        out.extend(_split(reading, towns, places, ordered=ordered) if len(towns) >= 2 else [reading])
    return out


def _listed_towns(reading: Reading, places: tuple[Place, ...], *, ordered: bool) -> list[Place]:
    """The distinct towns inside the reading's target phrase, when it lists them."""
    target = reading.target
    if target is None or reading.mention.anaphoric:
        return []
    inside = [p for p in places_from(places, target.span.start, target.span.end + 1, ordered=ordered)
              if p.role == "literal" and p.precision in _LOCAL and p.lat is not None
              and p.span.end <= target.span.end]
    keys = {p.gazetteer_id or p.name for p in inside}
    if len(keys) < 2 or len(keys) != len(inside):
        return []
    # the phrase is the list itself ("Odesa and Kharkiv"), not a place inside a longer
    # phrase ("a road between Odesa and Kharkiv")
    rest = target.text
    for place in inside:
        rest = rest.replace(place.text, " ")
    if set(rest.replace(",", " ").split()) - {"and", "the", "cities", "of", "towns", "both"}:
        return []
    return inside


def _split(reading: Reading, towns: list[Place], places: tuple[Place, ...], *,
           ordered: bool) -> list[Reading]:
    owner = _count_towns(reading, towns, places, ordered=ordered)
    out = []
    for index, town in enumerate(towns):
        keep = [i for i, at in enumerate(owner) if at == index or (at is None and index == 0)]
        assert reading.target is not None
        target = replace(reading.target, text=town.text, name=town.name, span=town.span)
        out.append(replace(reading, place=town, target=target,
                           counts=tuple(reading.counts[i] for i in keep),
                           victims=tuple(reading.victims[i] for i in keep)))
    return out


def _count_towns(reading: Reading, towns: list[Place], places: tuple[Place, ...], *,
                 ordered: bool) -> list[int | None]:
    """For each figure, the index of the listed town named after it, before the next figure."""
    owner: list[int | None] = []
    starts = [c.start_char for c in reading.counts]
    for i, count in enumerate(reading.counts):
        stop = starts[i + 1] if i + 1 < len(starts) else reading.sentence.end
        named = places_from(places, count.end_char, stop, ordered=ordered)
        match = next((towns.index(t) for p in named for t in towns
                      if (p.gazetteer_id or p.name) == (t.gazetteer_id or t.name)), None)
        owner.append(match)
    return owner
