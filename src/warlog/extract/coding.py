"""ACLED event type and sub-event type from the weapon, trigger words and actors."""

from __future__ import annotations

from collections.abc import Sequence

from warlog.extract.lexicon import (
    ABDUCTION_LEMMAS,
    ARSON_LEMMAS,
    BLAST_LEMMAS,
    CLASH_LEMMAS,
    UNNAMED_MUNITIONS,
)
from warlog.model import Actor, EventType

REMOTE = {"ballistic_missile", "cruise_missile", "rocket", "mortar", "artillery"}
AIR = {"drone", "aircraft", "gunship"}
# People whose violence ACLED codes as demonstrations, not as armed attacks.
CROWD_WORDS = frozenset({"protester", "protesters", "protestor", "protestors", "demonstrator",
                         "demonstrators", "rioter", "rioters", "marcher", "marchers", "mob",
                         "mobs", "crowd", "crowds"})


def code_event(*, weapon: str, lemmas: Sequence[str], attacker: Actor | None,
               target: Actor | None, victims_civilian: bool, text: str,
               accidental: bool = False, taken: int | None = None,
               dead: int = 0) -> tuple[EventType, str]:
    """(type, sub_type) in ACLED's vocabulary, snake case; ``lemmas`` in telling order.
    ``taken`` is how many the event's abductions took (None: it tells none), ``dead`` how
    many it killed beside the attackers."""
    lemma_set = set(lemmas)
    lower = text.lower()
    if accidental:
        # a bomb that went off in its makers' hands attacked no one: context, not violence
        return "strategic_developments", "other"
    crowd = _crowd_side(attacker, target)
    if crowd is not None:
        return crowd
    told_first = lemmas[0] if lemmas else None
    if weapon in REMOTE:
        return "explosions_remote_violence", "shelling_artillery_missile_attack"
    if weapon in AIR or lemma_set & {"airstrike"} or "air strike" in lower or "air raid" in lower:
        return "explosions_remote_violence", "air_drone_strike"
    # a complex attack opened by a suicide bomber is coded by its bomb, though gunfire
    # followed ("a suicide car bomber and fighters attacked…; gunmen then opened fire")
    if weapon == "ied" or lemma_set & BLAST_LEMMAS or "suicide" in lower and weapon == "small_arms":
        if "suicide" in lower:
            return "explosions_remote_violence", "suicide_bomb"
        return "explosions_remote_violence", "remote_explosive_landmine_ied"
    if "grenade" in lower:
        return "explosions_remote_violence", "grenade"
    if weapon == "unknown" and UNNAMED_MUNITIONS & set(lower.split()):
        # "hit by an unidentified projectile": fired from afar, by what is not known
        return "explosions_remote_violence", "shelling_artillery_missile_attack"
    if lemma_set & {"strike"} and weapon == "unknown" and (
            attacker is None or attacker.kind == "state_forces"):
        # A "strike" with no ground weapon named is, in wire usage, from the air.
        return "explosions_remote_violence", "air_drone_strike"
    if taken is not None and lemma_set & ABDUCTION_LEMMAS and taken > dead:
        # "bandits abducted 200 pupils; a vigilante was killed in the pursuit": people taken
        # by force are the event, unless as many or more were killed ("killed 81 and
        # abducted a number of youths" is a massacre)
        return "violence_against_civilians", "abduction_forced_disappearance"
    if lemma_set <= ARSON_LEMMAS and weapon == "unknown" and dead == 0 and not victims_civilian:
        # "armed men torched 40 houses": property destroyed, no one harmed (a device set
        # off is a bomb, above)
        return "strategic_developments", "looting_property_destruction"
    # gunmen who fired on beachgoers attacked civilians, though security forces fought them
    # afterwards ("neutralised after an exchange of fire"); an event told first as a fight
    # ("fighting between X and Y has killed 71 people") is a clash
    if target is not None and target.kind == "civilians" and told_first not in CLASH_LEMMAS:
        return "violence_against_civilians", "attack"
    # civilians caught in a fight between armed sides were not what the clash aimed at
    if victims_civilian and not lemma_set & CLASH_LEMMAS:
        return "violence_against_civilians", "attack"
    # people executed were in their killers' hands, whoever they were ("soldiers executed
    # 20 men", "the rebels executed five prisoners of war"): no fight
    if "execute" in lemma_set and not lemma_set & CLASH_LEMMAS:
        return "violence_against_civilians", "attack"
    return "battles", "armed_clash"


def _crowd_side(attacker: Actor | None, target: Actor | None) -> tuple[EventType, str] | None:
    """"Protesters clashed with police": a riot; "troops fired on protesters": force
    against a demonstration."""
    if _is_crowd(attacker):
        return "riots", "violent_demonstration"
    # force against a demonstration is the state's (a bomber's blast among protesters is
    # an explosion like any other)
    if _is_crowd(target) and (attacker is None or attacker.kind == "state_forces"):
        return "protests", "excessive_force_against_protesters"
    return None


def _is_crowd(actor: Actor | None) -> bool:
    """Protesters, a mob, a crowd — but not "a crowd of mourners" or "of shoppers"."""
    if actor is None:
        return False
    words = actor.text.lower().replace(",", " ").split()
    if not set(words) & CROWD_WORDS:
        return False
    for i, w in enumerate(words[:-1]):
        if w in ("crowd", "crowds") and words[i + 1] == "of":
            return bool(set(words[i + 2:]) & CROWD_WORDS)
    return True
