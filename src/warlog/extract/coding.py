"""ACLED event type and sub-event type from the weapon, trigger words and actors."""

from __future__ import annotations

from collections.abc import Iterable

from warlog.model import Actor, EventType

CLASH_LEMMAS = frozenset({"clash", "fighting", "fight", "firefight", "gunfight", "shootout",
                          "skirmish", "battle", "engagement"})
REMOTE = {"ballistic_missile", "cruise_missile", "rocket", "mortar", "artillery"}
AIR = {"drone", "aircraft", "gunship"}


def code_event(*, weapon: str, lemmas: Iterable[str], attacker: Actor | None,
               target: Actor | None, victims_civilian: bool, text: str) -> tuple[EventType, str]:
    """(type, sub_type) in ACLED's vocabulary, snake case."""
    lemma_set = set(lemmas)
    lower = text.lower()
    if weapon in REMOTE:
        return "explosions_remote_violence", "shelling_artillery_missile_attack"
    if weapon in AIR or lemma_set & {"airstrike"} or "air strike" in lower or "air raid" in lower:
        return "explosions_remote_violence", "air_drone_strike"
    if weapon == "ied" or lemma_set & {"explosion", "blast", "detonation", "bombing"}:
        if "suicide" in lower:
            return "explosions_remote_violence", "suicide_bomb"
        return "explosions_remote_violence", "remote_explosive_landmine_ied"
    if "grenade" in lower:
        return "explosions_remote_violence", "grenade"
    if lemma_set & {"strike"} and weapon == "unknown" and (
            attacker is None or attacker.kind == "state_forces"):
        # A "strike" with no ground weapon named is, in wire usage, from the air.
        return "explosions_remote_violence", "air_drone_strike"
    if lemma_set & CLASH_LEMMAS:
        return "battles", "armed_clash"
    against_civilians = (target is not None and target.kind == "civilians") or victims_civilian
    if against_civilians and (attacker is None or attacker.kind != "state_forces"):
        return "violence_against_civilians", "attack"
    if against_civilians:
        return "violence_against_civilians", "attack"
    return "battles", "armed_clash"
