"""Read the arguments of one attack mention from the dependency parse.

Attacker (``attackers``), target (``targets``) and weapon (``weapons``), as token ranges
of the parsed document; ``phrases`` holds what they share.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from warlog.extract.attackers import find_attacker
from warlog.extract.mentions import Mention
from warlog.extract.phrases import TokenRange
from warlog.extract.targets import find_target, whose_life
from warlog.extract.weapons import find_weapon
from warlog.model import Place


@dataclass(frozen=True, slots=True)
class Frame:
    """What one mention says, in token ranges of the parsed document."""

    mention: Mention
    attacker: TokenRange | None
    target: TokenRange | None
    weapon: str
    weapon_at: int | None

PlaceTokens = tuple[frozenset[int], frozenset[int]]


def read_frame(doc: Doc, mention: Mention,
               places: PlaceTokens = (frozenset(), frozenset())) -> Frame:
    """The attacker, target and weapon of one mention (``places``: the document's place
    tokens, ``place_tokens``, which tell a town named as the target from what in it was
    hit)."""
    head = doc[mention.head]
    triggers = [doc[i] for i in mention.triggers]
    attacker = find_attacker(head, triggers)
    towns, countries = places
    target = whose_life(doc, find_target(head, triggers, attacker, towns, countries), head)
    weapon, weapon_at = find_weapon(doc, mention, exclude=(target,))
    return Frame(mention=mention, attacker=attacker, target=target, weapon=weapon,
                 weapon_at=weapon_at)


def place_tokens(doc: Doc, places: tuple[Place, ...]) -> PlaceTokens:
    """The tokens of the document's places below country level (facilities aside: a base
    is what was hit) and those of its countries; read once per document."""
    towns: set[int] = set()
    countries: set[int] = set()
    for place in places:
        span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
        if span is None or place.precision == "facility":
            continue
        (countries if place.precision in ("country", "region") else towns).update(
            t.i for t in span)
    return frozenset(towns), frozenset(countries)
