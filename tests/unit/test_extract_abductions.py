"""People taken by force: abductions coded as ACLED does, a killing that outweighs them,
a crime that is no armed taking; property burnt by armed men; police raids named by their
noun; and the casualty and weapon readings these brought to light. Each rule is tried on
three phrasings written for this file."""

from __future__ import annotations

import pytest

PUBLISHED = "2025-05-12"
ABDUCTION = "abduction_forced_disappearance"


@pytest.mark.parametrize("text, taken", [
    ("Bandits abducted more than 60 passengers from a bus near Funtua on Saturday.", "passengers"),
    ("Gunmen kidnapped a parish priest in Nsukka on Sunday, the diocese said.", "priest"),
    ("Militants took 12 aid workers hostage after storming their compound in Kidal on Friday.",
     "aid workers"),
    ("Armed men seized 30 travellers from their cars on the highway near Zaria on Saturday.",
     "travellers"),
])
def test_people_taken_by_armed_men_are_an_abduction(read_text, text, taken) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text, PUBLISHED).events
    assert (event.type, event.sub_type) == ("violence_against_civilians", ABDUCTION)
    assert event.target is not None and taken in event.target.name
    assert event.attacker is not None


@pytest.mark.parametrize("text", [
    "Militants raided the village of Kaura on Sunday. Dozens of women had been seized, he said.",
    ("Jihadists stormed a camp near Diffa on Tuesday. Some 40 displaced people were reported "
     "abducted while they fetched water."),
    "Gunmen attacked a market in Zurmi on Monday. They snatched 14 traders and fled.",
])
def test_many_taken_in_an_attack_make_it_an_abduction(read_text, text) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text, PUBLISHED).events
    assert event.sub_type == ABDUCTION


@pytest.mark.parametrize("text", [
    ("Fighters killed 40 villagers in Gwoza on Sunday and abducted a number of young men "
     "before setting homes on fire."),
    "Gunmen shot dead 12 worshippers at a mosque near Katsina on Friday and kidnapped the imam.",
    ("Insurgents stormed the town of Kukawa on Monday, killing at least 25 people. They also "
     "abducted two traders."),
])
def test_a_killing_that_outweighs_the_taking_is_an_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text, PUBLISHED).events
    assert events and all(e.sub_type != ABDUCTION for e in events)


@pytest.mark.parametrize("text", [
    "Police said a man kidnapped an eight-year-old girl outside a shop in Leeds on Friday.",
    "A kidnapped toddler was found safe by police in Ohio on Monday.",
    "Police said the boy was snatched and kidnapped outside his school in Leeds on Friday.",
])
def test_one_child_taken_by_a_man_is_a_crime_not_an_armed_taking(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


@pytest.mark.parametrize("text", [
    ("Jihadist factions work alongside armed gangs that loot villages and kidnap residents "
     "for ransom."),
    "Armed groups that attack convoys and abduct drivers control the northern road.",
    "Mass kidnapping for ransom has become a lucrative trade for armed gangs in the north-west.",
])
def test_abduction_as_a_trade_or_habit_is_no_event(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


@pytest.mark.parametrize("text", [
    "Police seized three suspects in a raid on a house in Kano and charged them with robbery.",
    "Troops seized 20 fighters and a cache of rifles near Maiduguri on Monday.",
    "Soldiers seized weapons and took the town back from insurgents on Monday.",
])
def test_an_arrest_or_a_capture_is_no_abduction(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert all(e.sub_type != ABDUCTION for e in read_text(text, PUBLISHED).events)


@pytest.mark.parametrize("text, field, best", [
    ("Gunmen attacked a school in Kaura on Thursday. One pupil was shot and wounded.", "injured", 1),
    (("A drone struck a bus near Kherson on Monday. Two passengers were thrown from their seats "
      "and injured."), "injured", 2),
    ("Militants stormed a checkpoint in Kurram on Friday. A policeman was stabbed and killed.",
     "killed", 1),
])
def test_a_casualty_verb_shares_the_passive_it_is_joined_to(read_text, text, field, best) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text, PUBLISHED).events
    assert [c.best for c in getattr(event, field)] == [best]


@pytest.mark.parametrize("text", [
    "Gunmen killed a school principal in the village of Kaura on Sunday.",
    "Gunmen killed a local councillor in Kaura on Sunday.",
    "A sniper wounded a paramedic in Kherson on Sunday.",
])
def test_one_person_killed_or_wounded_is_counted_whatever_the_trade(read_text, text) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text, PUBLISHED).events
    assert [c.best for c in event.killed + event.injured] == [1]


@pytest.mark.parametrize("text", [
    "Gunmen killed a village chief in Kaura two weeks before the market raid.",
    ("According to a senator, gunmen killed a headmaster in the village more than a month "
     "before the school raid."),
    "Bandits killed two farmers near Zurmi on Sunday, days after the attack on the market.",
])
def test_an_attack_a_killing_is_dated_by_does_not_swallow_it(read_text, text) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text, PUBLISHED).events
    assert event.attacker is not None and event.attacker.name.lower() in ("gunmen", "bandits")
    assert event.killed and event.killed[0].best in (1, 2)


@pytest.mark.parametrize("text", [
    "Militants killed three farmers near Gao on Sunday, days after the airstrike on their camp.",
    "Insurgents shot dead four soldiers near Diffa on Monday, a week after the drone strike on their base.",
    "Gunmen killed two herders near Mopti on Friday, weeks after the shelling of the market.",
])
def test_the_weapon_of_the_attack_it_is_dated_by_is_not_its_own(read_text, text) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text, PUBLISHED).events
    assert event.weapon not in ("aircraft", "drone", "artillery")
    assert event.sub_type not in ("air_drone_strike", "shelling_artillery_missile_attack")


@pytest.mark.parametrize("text, told", [
    (("Profile. Last reviewed 17 January 2018.\n\nOn 16 January 2018, gunmen attacked a police "
      "post in Derbent. In 1995, rebels seized hundreds of hostages in a hospital in "
      "Budennovsk."), 1),
    (("Country file, 3 March 2021.\n\nIn 2004, militants stormed a school in Beslan, taking "
      "more than 1,100 people hostage."), 0),
    (("The ministry said on 12 May 2023 that drones had struck a fuel depot near Kherson. Back "
      "in 2014, rebels shelled the airport of Donetsk for weeks."), 1),
])
def test_an_undated_report_tells_history_by_the_latest_day_it_names(read_text, text, told) -> None:  # type: ignore[no-untyped-def]
    assert len(read_text(text, None).events) == told


@pytest.mark.parametrize("text", [
    "Fighters of the group set fire to dozens of homes in the village of Kutu on Sunday.",
    "Armed men torched 40 houses and a church in Bokkos on Saturday, residents said.",
    "Militants burned down the main market in Kukawa on Friday night.",
    "Dozens of homes were torched by bandits in Zurmi on Sunday.",
])
def test_property_burnt_by_armed_men_is_its_destruction(read_text, text) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text, PUBLISHED).events
    assert (event.type, event.sub_type) == ("strategic_developments", "looting_property_destruction")
    assert event.attacker is not None


def test_a_burning_that_kills_is_an_attack(read_text) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text("Gunmen set the school ablaze in Kutu on Monday, killing two pupils.",
                         PUBLISHED).events
    assert event.sub_type == "attack" and [c.best for c in event.killed] == [2]


@pytest.mark.parametrize("text", [
    "Protesters set tyres on fire in Nairobi on Monday.",
    "Police burned seized drugs in Lagos on Monday.",
    "She burned the midnight oil before the exam.",
])
def test_burning_by_no_armed_man_is_no_event(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


@pytest.mark.parametrize("text", [
    "His mother's body was found in a freezer during a Thursday police raid on their home in Kolkata.",
    "Two men were arrested in a dawn police raid on a flat in Leeds on Friday.",
    "Detectives seized cash and laptops in a counter-terror police raid in east London on Friday.",
])
def test_a_raid_the_police_name_is_a_search(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


def test_a_police_raid_that_kills_stays_a_clash(read_text) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text("Two officers were killed in a police raid on a gang hideout in Rio on "
                         "Friday.", PUBLISHED).events
    assert [c.best for c in event.killed] == [2]


@pytest.mark.parametrize("text", [
    "Ukrainian gunners fired 155mm shells at Russian positions near Bakhmut on Monday.",
    "Russian forces fired 122-mm rockets at Kherson overnight.",
    "Troops fired 120 mm mortars at militant positions near Kidal on Friday.",
])
def test_a_calibre_counts_no_attacks(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).claims == ()


def test_munitions_counted_over_a_salvo_stay_a_tally(read_text) -> None:  # type: ignore[no-untyped-def]
    (claim,) = read_text("Russia launched 38 missiles at Ukraine overnight.", PUBLISHED).claims
    assert claim.value == 38
