"""Words of attack whose doer is no attacker — nature, illness, a vehicle on the road,
critics — and weak verbs armed only by a clause about their arguments; each rule tried on
three phrasings written for this file, beside phrasings that stay attacks."""

from __future__ import annotations

import pytest

PUBLISHED = "2025-08-22"


@pytest.mark.parametrize("text", [
    "A powerful earthquake struck the south of the country on Monday, killing at least 50 people.",
    "Lightning struck a school in the district, killing three pupils.",
    "Disaster struck the village on Sunday when floods swept away 12 homes and killed four people.",
])
def test_nature_striking_is_no_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


@pytest.mark.parametrize("text", [
    ("The interior minister came under fire from opposition lawmakers on Tuesday for his "
     "handling of the floods."),
    "The club's owner is under fire over ticket prices.",
    "Aid agencies have come under fire from donors who say the money was wasted.",
])
def test_under_fire_from_critics_is_blame(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


@pytest.mark.parametrize("text", [
    "A police patrol came under fire from gunmen near the market on Tuesday.",
    "The convoy came under fire for two hours from the hills above the road.",
    "A missile struck a school in the district, killing three pupils.",
    "A truck packed with explosives struck the gate of the army base.",
])
def test_shooting_and_striking_weapons_stay_attacks(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert len(read_text(text, PUBLISHED).events) == 1


@pytest.mark.parametrize("text", [
    "A bus struck a lorry on the motorway, injuring 14 passengers.",
    ("Two soldiers were hurt when the driver of their truck lost control, striking a "
     "concrete pillar."),
    "An army truck struck a parked car in the town, killing a soldier.",
    "A police van struck a taxi outside the station, injuring two officers.",
])
def test_a_vehicle_running_into_another_or_a_pillar_is_an_accident(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


@pytest.mark.parametrize("text", [
    "Critics attacked the defence minister after five soldiers were killed at a checkpoint.",
    "Lawmakers attacked the army's plan to draft students.",
    "Opposition senators attacked the government's security policy after the bombing.",
])
def test_critics_attacking_in_words_tell_no_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text, PUBLISHED).events
    assert all(e.attacker is None or "senator" not in e.attacker.name.lower()
               and "critic" not in e.attacker.name.lower()
               and "lawmaker" not in e.attacker.name.lower() for e in events)
    assert len(events) <= ("bombing" in text)


@pytest.mark.parametrize("text", [
    "Tourism was badly hit following the bridge collapse that killed 12 people.",
    "A hunter who killed a wild boar in the forest was hit by a falling branch.",
    "Fans of The Walking Dead were hit by a price rise.",
])
def test_a_weak_verb_is_not_armed_by_a_clause_or_a_title(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


@pytest.mark.parametrize("text", [
    "The same base was targeted in 1999, when guerrillas fired mortar bombs at it from a truck.",
    "The embassy was hit in March 2004, when gunmen fired rockets at its gate.",
    ("Police said the pipeline was sabotaged in 2012, when militants fired rockets at a "
     "pumping station."),
])
def test_a_when_clause_on_a_past_year_is_dated_by_it(read_text, text) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text, PUBLISHED).events
    assert all(e.time.start is None or e.time.start.year < 2025 for e in events)
    assert all(e.time.start is not None for e in events)


@pytest.mark.parametrize("text", [
    "Police are investigating an indecent assault on a girl near the station.",
    "A police officer is accused of sexually assaulting two detainees at the border post.",
    "Police said a sexual assault on a student took place near the campus on Friday.",
])
def test_a_sexual_assault_is_no_armed_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


def test_an_armed_assault_stays_one(read_text) -> None:  # type: ignore[no-untyped-def]
    text = "Police said the man had assaulted a guard with a knife at the gate on Friday."
    assert len(read_text(text, PUBLISHED).events) == 1


@pytest.mark.parametrize("text", [
    "The army says it has limited the group's capacity to launch attacks.",
    "Officials doubt the rebels' capacity to mount a major assault on the city.",
    "Analysts question the junta's capacity to bomb rebel areas from the air.",
])
def test_a_capacity_to_attack_is_no_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


@pytest.mark.parametrize("text", [
    "Pagers carried by Hezbollah members blew up across the south on Tuesday.",
    "Al-Shabaab hit a hotel in Mogadishu on Friday.",
    "Boko Haram targeted a village near Maiduguri on Sunday.",
])
def test_a_named_armed_group_arms_a_weak_verb(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert len(read_text(text, PUBLISHED).events) == 1


@pytest.mark.parametrize("text", [
    "Hamas hit back at the minister's remarks on Monday.",
    "Hezbollah hit back at critics of its rocket campaign.",
    "Al-Shabaab struck back at accusations that it had lost ground.",
])
def test_hitting_back_at_words_is_an_answer(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


def test_hitting_back_with_strikes_stays_an_attack(read_text) -> None:  # type: ignore[no-untyped-def]
    text = "Israel hit back at Hezbollah with air strikes on Monday."
    assert len(read_text(text, PUBLISHED).events) == 1


@pytest.mark.parametrize("text", [
    ("The tenants' association is based in Brooklyn. It launched an engagement process "
     "with the housing authority in June."),
    ("The charity, based in Leeds, runs four shelters. Last month it launched an engagement "
     "drive with local schools."),
    "Our team is based in Nairobi. We launched a raid-prevention hotline for shop owners.",
])
def test_based_and_an_attack_word_qualifying_a_noun_arm_nothing(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


@pytest.mark.parametrize("text", [
    "The army trained local volunteers to fight the militants.",
    "Western instructors have been training Ukrainian crews to fire the new missiles.",
    ("The U.S. military has been training opposition forces at the garrison to fight "
     "against Islamic State."),
])
def test_training_to_fight_is_no_fight(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


@pytest.mark.parametrize("text", [
    "Al-Shabaab has been fighting for more than 17 years to overthrow the government.",
    "The rebels have been shelling the city for months.",
    "Houthi forces have been attacking ships in the Red Sea for more than a year.",
])
def test_a_perfect_that_lasts_months_is_a_campaign(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


def test_shelling_for_hours_stays_an_attack(read_text) -> None:  # type: ignore[no-untyped-def]
    text = "The rebels have been shelling the city for three hours, residents said."
    assert len(read_text(text, PUBLISHED).events) == 1
