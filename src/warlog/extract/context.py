"""Who carried out an attack the sentence leaves unnamed, from the sentences around it.

A report often names the attacker once, in a general sentence ("Israel answered with a
wave of air strikes across southern Lebanon"; "since Iran-aligned militias began a new
wave of attacks on U.S. troops"), and then tells each strike without it. A reading with
no attacker takes the attacker of the nearest earlier mention in its paragraph, told or
background, of the same kind; failing that, the report's one background attacker, if
the report names exactly one and it is not the reading's own target.
"""

from __future__ import annotations

from dataclasses import replace

from warlog.extract.events import LEMMA_FAMILY, same_side
from warlog.extract.readings import Reading
from warlog.model import Actor


def with_context_attackers(told: list[Reading], every: list[Reading], *, text: str) -> list[Reading]:
    """The told readings, each missing attacker filled from its context where one fits."""
    sole = _sole_background_attacker(every)
    out = []
    for reading in told:
        if reading.attacker is None:
            found = _paragraph_attacker(reading, every, text=text) or _unless_target(sole, reading)
            if found is not None:
                reading = replace(reading, context_attacker=found)
        out.append(reading)
    return out


def _paragraph_attacker(reading: Reading, every: list[Reading], *, text: str) -> Actor | None:
    start = text.rfind("\n\n", 0, reading.sentence.start)
    family = LEMMA_FAMILY.get(reading.lemma, reading.lemma)
    earlier = [r for r in every if start <= r.sentence.start < reading.sentence.start
               and r.attacker is not None
               and LEMMA_FAMILY.get(r.lemma, r.lemma) == family]
    return _unless_target(earlier[-1].attacker, reading) if earlier else None


def _sole_background_attacker(every: list[Reading]) -> Actor | None:
    found: list[Actor] = []
    for reading in every:
        actor = reading.attacker
        if reading.mention.background and actor is not None and actor.kind != "unknown" \
                and not any(same_side(actor, other) for other in found):
            found.append(actor)
    return found[0] if len(found) == 1 else None


def _unless_target(actor: Actor | None, reading: Reading) -> Actor | None:
    if actor is None or (reading.target is not None and same_side(actor, reading.target)):
        return None
    return actor
