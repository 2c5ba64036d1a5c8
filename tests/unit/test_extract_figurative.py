"""Words of attack used for something else: deals, sport, titles, civilian drones, charges.

Short reports written for these tests (published Wed 2024-03-06).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "The firm struck a deal with the army on Monday to restart the search for the jet.",
    ("Paul hit an off-balance layup with 0.8 seconds left to lift the Houston Rockets to a win "
    "over the Jets on Monday."),
    ("A ship arrived at the search area on Monday and began using underwater drones to map "
    "the sea floor, officials said."),
    ("An air force helicopter was nearly downed on Monday after it came close to colliding "
    "with a drone."),
    "There are loads of different ways to bring down a drone, the soldier said.",
    "The anti-drone bazooka launches a net at flying objects and parachutes them down.",
    "Companies hope to use drones to make deliveries to military bases next year.",
    "The senator died of a heart attack on Monday, officials said.",
    "A ransomware attack hit the hospital's computers on Monday, the military said.",
    "Add the sauce until it hits the base of the pan, then add the rockets and bake.",
    "It was a three-run blast that won the series for the Jays on Monday.",
])
def test_no_attack_is_read(read_text, text: str) -> None:
    report = read_text(text)
    assert [e for e in report.events if e.type != "strategic_developments"] == []


def test_a_charge_names_a_crime_not_an_event(read_text) -> None:
    report = read_text("The soldier was charged on Monday with three counts of assault, "
                       "police said.")
    assert report.events == ()


def test_police_shooting_the_killer_is_another_event(read_text) -> None:
    report = read_text("Five people were killed on Tuesday in an attack on a market in "
                       "Strasbourg. The alleged killer, Karim Bensaid, shot dead by police on "
                       "Thursday, had pledged allegiance to Islamic State.")
    assert len(report.events) == 2
    shooting = report.events[1]
    assert shooting.attacker is not None and shooting.attacker.text == "police"
    assert shooting.target is not None and shooting.target.text.endswith("Karim Bensaid")


def test_a_visit_amid_attacks_is_no_attacker(read_text) -> None:
    report = read_text("The minister's visit came amid a wave of militant attacks in the "
                       "north, in which 40 soldiers were killed on Monday.")
    assert all(e.attacker is None or "visit" not in e.attacker.text for e in report.events)


def test_attack_decades_before_publication_is_history(read_text) -> None:
    report = read_text("Gunners shot down the pilot's jet over Hanoi in 1967, killing two crew.")
    assert report.events == ()


def test_a_year_names_attacks_it_does_not_count_them(read_text) -> None:
    report = read_text("Since the September 11, 2001 attacks, the army has fought in "
                       "Afghanistan.")
    assert [c for c in report.claims if c.kind == "attack_count"] == []


def test_a_bomb_at_a_stadium_is_still_an_attack(read_text) -> None:
    report = read_text("A bomb blast killed five fans outside the stadium in Kano on Monday.")
    assert [e.weapon for e in report.events] == ["ied"]


def test_dropping_what_is_no_weapon_is_no_attack(read_text) -> None:
    for text in ("The army dropped leaflets over Gaza City on Monday.",
                 "Prosecutors dropped the charges against two soldiers on Monday.",
                 "Troops dropped food parcels over the besieged town of Deir ez-Zor."):
        assert read_text(text).events == (), text


def test_a_weapon_fired_in_a_test_or_drill_is_no_attack(read_text) -> None:
    for text in (("India test-fired an Agni missile from an island off Odisha on Monday, the "
                 "defence ministry said."),
                 "The missile was fired from a test range on the coast on Monday during a drill.",
                 ("North Korea launched two ballistic missiles into the sea on Monday in what it "
                 "called an exercise.")):
        assert read_text(text).events == (), text
    # a drill that harms someone is told as harm
    assert read_text("A missile fired during the drill killed two soldiers at the range on "
                     "Monday.").events


def test_a_rumoured_or_merely_renamed_attack_tells_no_new_event(read_text) -> None:
    for text in ("He rejected rumours that a drone had struck the mosque on Monday.",
                 "Officials dismissed speculation that a rocket had hit the depot in Homs.",
                 "The police chief called the shooting in the square a hoax."):
        assert read_text(text).events == (), text
    # a strike told, then called a crime, is one event
    report = read_text("A drone struck a market in Marib on Monday, killing six people. "
                       "The governor called the strike a war crime.")
    assert len(report.events) == 1


def test_what_happened_described_as_an_attack_tells_no_new_event(read_text) -> None:
    for text in (('The president described what happened as "practically an ambush" against the '
                 'police of Coyuca.'),
                 "The minister described what took place as a massacre of civilians in Tawila.",
                 "Officials characterised what occurred as a deliberate attack on the camp."):
        assert read_text(text).events == (), text


@pytest.mark.parametrize("text", [
    # an indefinite attack in a present-tense clause, with no day and no place: any such attack
    ("Analysts say the ability to split one missile's payload makes a retaliatory strike harder "
     "to defend against."),
    "A drone attack costs far less than the interceptor that stops it, engineers note.",
    "In such terrain an ambush leaves a convoy little room to escape, officers say.",
])
def test_an_attack_as_a_rule_is_no_event(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text).events == ()


@pytest.mark.parametrize("text", [
    # a headline's present, a place, or a past verb: an attack told
    "A drone strike hits a hospital in Kyiv, officials say.",
    "Officials say a drone strike killed five people in Sumy on Monday.",
    "A car bomb explodes outside a police station in Kirkuk, killing three, police say.",
])
def test_an_attack_told_in_the_present_with_a_place_stays(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(read_text(text).events) == 1
