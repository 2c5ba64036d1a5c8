"""Phrasings of official statements: "attempted an attack", "an attack using drones
against facilities", and a country named beside its regions; each rule tried on three
phrasings written for this file."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-05-14"


@pytest.mark.parametrize(("text", "attacker"), [
    (("On Tuesday night the Kyiv regime attempted a drone attack on facilities in the Belgorod "
     "region."), "Kyiv regime"),
    (("Militants attempted an attack on a checkpoint in Bannu on Sunday, police said; two "
     "soldiers were wounded."), "Militants"),
    (("Gunmen perpetrated an attack on a bus in Balochistan on Monday, killing nine "
     "passengers."), "Gunmen"),
])
def test_who_attempted_or_perpetrated_an_attack_made_it(read_text, text, attacker) -> None:  # type: ignore[no-untyped-def]
    event = read_text(text, PUBLISHED).events[0]
    assert event.attacker is not None and event.attacker.name == attacker


@pytest.mark.parametrize(("text", "target"), [
    (("Militants staged an attack using explosives against a police post in Bannu on Friday, "
     "wounding four officers."), "police post"),
    (("Militants mounted an assault using grenades against a checkpoint in Lakki Marwat on "
     "Sunday, killing two policemen."), "checkpoint"),
    (("Insurgents launched a raid using heavy weapons against a village in Borno on Monday, "
     "killing 11 residents."), "village"),
])
def test_the_aim_of_an_attack_using_a_weapon_is_its_target(read_text, text, target) -> None:  # type: ignore[no-untyped-def]
    event = read_text(text, PUBLISHED).events[0]
    assert event.target is not None and event.target.name == target


@pytest.mark.parametrize("text", [
    ("On the night of 14 May drones attacked facilities on the territory of the Russian "
     "Federation. Air defence systems intercepted and destroyed 12 UAVs over the Kursk "
     "region."),
    ("On Sunday night the Kyiv regime attempted a drone attack on facilities on the "
     "territory of the Russian Federation. Air defences intercepted and destroyed 17 UAVs "
     "over the Rostov region."),
    ("The Kyiv regime attempted a terrorist attack with drones on targets on the territory "
     "of the Russian Federation overnight. Air defence systems intercepted nine UAVs over "
     "the Voronezh region."),
])
def test_a_country_holds_the_region_a_later_sentence_names(read_text, text) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text, PUBLISHED).events
    assert len(events) == 1
    assert events[0].location is not None and events[0].location.country == "RU"
