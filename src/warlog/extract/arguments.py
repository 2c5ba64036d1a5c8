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


@dataclass(frozen=True, slots=True)
class Frame:
    """What one mention says, in token ranges of the parsed document."""

    mention: Mention
    attacker: TokenRange | None
    target: TokenRange | None
    weapon: str
    weapon_at: int | None

def read_frame(doc: Doc, mention: Mention) -> Frame:
    """The attacker, target and weapon of one mention."""
    head = doc[mention.head]
    triggers = [doc[i] for i in mention.triggers]
    attacker = find_attacker(head, triggers)
    target = whose_life(doc, find_target(head, triggers, attacker), head)
    weapon, weapon_at = find_weapon(doc, mention, exclude=(target,))
    return Frame(mention=mention, attacker=attacker, target=target, weapon=weapon,
                 weapon_at=weapon_at)
