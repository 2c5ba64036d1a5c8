"""Who attacked whom: roles read from the parse around the trigger.

Short reports written for these tests (published Wed 2024-03-06).
"""

from __future__ import annotations

import pytest


def test_people_involved_in_the_attack_are_its_attackers(read_text) -> None:
    report = read_text("The prosecutor said 34 people were involved in the failed "
                       "assassination attempt against President Ruiz in Lima on Saturday.")
    event = report.events[0]
    assert event.attacker is not None and event.attacker.text == "34 people"
    assert event.target is not None and event.target.text == "President Ruiz"


def test_attack_on_his_life_targets_the_subject(read_text) -> None:
    report = read_text("President Ruiz survived an attack on his life when a bomb exploded "
                       "near a parade in Lima on Saturday.")
    target = report.events[0].target
    assert target is not None and target.text == "President Ruiz"


def test_of_phrase_names_what_was_shelled(read_text) -> None:
    report = read_text("The shelling of Kharkiv on Monday killed four people.")
    event = report.events[0]
    assert event.target is not None and event.target.text == "Kharkiv"
    assert event.weapon == "artillery"


def test_assassination_is_an_attack(read_text) -> None:
    report = read_text("Gunmen assassinated the governor of Kandahar on Monday.")
    event = report.events[0]
    assert event.attacker is not None and event.attacker.text == "Gunmen"
    assert event.target is not None and "governor" in event.target.text


def test_those_responsible_for_the_bombing_are_its_attackers(read_text) -> None:
    report = read_text("A bomb exploded at a market in Kano on Monday, killing five people. "
                       "Police arrested the men responsible for the bombing.")
    assert len(report.events) == 1
    attacker = report.events[0].attacker
    assert attacker is not None and attacker.text == "the men"


def test_a_blast_under_a_convoy_targets_the_convoy(read_text) -> None:
    report = read_text("A roadside bomb detonated under a convoy of Russian soldiers near the "
                       "city of Deir ez-Zor on Monday, killing a general.")
    event = report.events[0]
    assert event.target is not None and event.target.text.startswith("a convoy")
    assert event.location is not None and event.location.name == "Deir ez-Zor"


def test_police_raids_are_no_attack(read_text) -> None:
    report = read_text("Police and counter-terror officers launched further raids early Monday "
                       "in east London after the attack on Saturday, which killed eight people.")
    assert all(e.attacker is None or "Police" not in e.attacker.text for e in report.events)


def test_police_raid_that_kills_is_an_attack(read_text) -> None:
    report = read_text("Police raided a militant hideout in Kano on Monday, killing three "
                       "gunmen.")
    attacker = report.events[0].attacker
    assert attacker is not None and attacker.text == "Police"


def test_the_bombing_of_the_city_locates_it(read_text) -> None:
    report = read_text("Government troops entered Homs on Friday. The rebels' bombing of the "
                       "city killed nine people on Saturday.")
    event = report.events[0]
    assert event.target is None
    assert event.location is not None and event.location.name == "Homs"


def test_explosives_by_name_are_improvised_devices(read_text) -> None:
    report = read_text("Prosecutors say 4,000 pounds of ammonium nitrate were loaded into the "
                       "truck, which was driven to the federal building and detonated on "
                       "Monday, killing 168 people.")
    assert [e.weapon for e in report.events] == ["ied"]


def test_plural_attacks_that_killed_people_are_told_and_keep_their_own_weapon(read_text) -> None:
    # A plural with no day of its own is usually attacks in general; one its clause's dead
    # died in is not. The airstrikes it prompted are another attack, with another weapon.
    report = read_text("In May, at least a dozen soldiers were killed in Islamic State attacks "
                       "near Palmyra, prompting Russian airstrikes, a monitoring group said.")
    told = [e for e in report.events if e.attacker is not None and e.attacker.name == "Islamic State"]
    assert len(told) == 1
    assert told[0].weapon != "aircraft"
    assert told[0].killed and told[0].killed[0].low == 12


def test_attacks_in_general_stay_background(read_text) -> None:
    report = read_text("Islamic State attacks remain a threat across the desert, officials said.")
    assert report.events == ()


def test_whoever_comes_under_attack_or_fire_is_the_target(read_text) -> None:
    report = read_text("A police convoy came under attack near Kandahar on Tuesday, officials said.")
    target = report.events[0].target
    assert target is not None and target.text == "A police convoy"
    report = read_text("A border post near Sumy came under heavy rocket fire on Tuesday, guards said.")
    assert len(report.events) == 1
    event = report.events[0]
    assert event.target is not None and event.target.text == "A border post"
    assert event.weapon == "rocket"


def test_a_house_fire_is_no_attack(read_text) -> None:
    report = read_text("A house fire in Kandahar on Tuesday was put out by neighbours, officials said.")
    assert report.events == ()


def test_the_militia_is_the_group_named_before(read_text) -> None:
    report = read_text("U.S. forces struck three sites used by Kataib Hezbollah in western Iraq on "
                       "Friday. The militia had launched a drone at Tower 22 on Sunday, killing "
                       "three American soldiers.")
    drone = next(e for e in report.events if e.weapon == "drone")
    assert drone.attacker is not None
    assert (drone.attacker.text, drone.attacker.name) == ("The militia", "Kataib Hezbollah")
    assert drone.attacker.kind == "non_state_armed_group"
    assert drone.target is not None and drone.target.text == "Tower 22"


def test_the_group_with_no_group_named_before_stays_as_written(read_text) -> None:
    report = read_text("The group fired rockets at a base near Erbil on Friday, wounding two guards.")
    attacker = report.events[0].attacker
    assert attacker is not None and attacker.name == "group"


def test_a_counted_plural_of_any_noun_is_a_casualty_count(read_text) -> None:
    report = read_text("A gunman opened fire at a wedding party in Kirkuk on Saturday, killing "
                       "three guests and wounding seven.")
    event = report.events[0]
    assert event.target is not None and event.target.text == "a wedding party"
    assert [c.best for c in event.killed] == [3] and [c.best for c in event.injured] == [7]


def test_a_thrown_grenade_is_an_attack(read_text) -> None:
    report = read_text("Unknown assailants threw a grenade into a crowded bar in Bujumbura late on "
                       "Saturday, wounding 15 people, witnesses said.")
    assert len(report.events) == 1
    event = report.events[0]
    assert event.attacker is not None and event.attacker.text == "Unknown assailants"
    assert event.weapon == "small_arms" and [c.best for c in event.injured] == [15]


def test_a_gunfight_under_a_killing_has_its_two_sides(read_text) -> None:
    report = read_text("Security forces killed five militants in a gunfight near Kupwara on Tuesday, "
                       "police said.")
    event = report.events[0]
    assert event.attacker is not None and event.attacker.text == "Security forces"
    assert event.target is not None and event.target.text == "five militants"


def test_a_suicide_bombing_is_a_bomb_even_unnamed(read_text) -> None:
    report = read_text("The death toll from Monday's suicide bombing at a mosque in Peshawar has "
                       "risen to 100, officials said.")
    event = report.events[0]
    assert (event.sub_type, event.weapon) == ("suicide_bomb", "ied")
    assert [c.best for c in event.killed] == [100]


def test_a_mine_that_is_attacked_is_a_target_not_a_weapon(read_text) -> None:
    report = read_text("Militants armed with rifles attacked a gold mine in eastern Congo's Ituri "
                       "province on Saturday night, killing 23 workers, a local official said.")
    event = report.events[0]
    assert event.target is not None and event.target.text == "a gold mine"
    assert event.weapon != "ied"
    assert event.location is not None and event.location.country == "CD"


def test_a_mine_that_explodes_is_still_a_weapon(read_text) -> None:
    report = read_text("A mine exploded under an army truck near Ituri on Monday, killing two soldiers.")
    assert report.events[0].weapon == "ied"


@pytest.mark.parametrize(("text", "hit"), [
    ("Two missiles struck central Odesa on Tuesday, one hitting a port warehouse.", "warehouse"),
    ("Russian drones attacked Kherson overnight, one of them hitting a hospital.", "hospital"),
    ("Several shells landed in the town of Nikopol on Sunday, one damaging a kindergarten.",
     "kindergarten"),
])
def test_what_one_of_the_weapons_hit_is_the_target(read_text, text: str, hit: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    assert len(report.events) == 1, report.events
    target = report.events[0].target
    assert target is not None and hit in target.text, target


@pytest.mark.parametrize("text", [
    "Russian shells landed in Nikopol on Sunday.",
    "A bomb fell on the market in Tarnak on Tuesday, witnesses said.",
    "Three rockets slammed into Sderot on Monday, the army said.",
])
def test_a_munition_striking_is_an_attack_by_itself(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(read_text(text).events) == 1


def test_shells_of_eggs_are_no_munitions(read_text) -> None:
    assert read_text("Her egg shells landed in the bin on Sunday.").events == ()


@pytest.mark.parametrize(("text", "who"), [
    ("A rocket fired by Ukrainian forces hit a barracks in Donetsk on Sunday.", "Ukrainian forces"),
    ("A missile launched by the Houthis struck a tanker off Hodeidah on Monday.", "Houthis"),
    ("The village was shelled by government forces on Tuesday, killing three.", "government forces"),
])
def test_who_fired_the_weapon_that_hit_is_the_attacker(read_text, text: str, who: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    attacker = report.events[0].attacker
    assert attacker is not None and who in attacker.text, report.events


@pytest.mark.parametrize("text", [
    "An Iranian-made Falaq-1 rocket struck a football pitch in Majdal Shams on Saturday.",
    "A Russian-built Shahed slammed into a building in Odesa on Monday, killing two.",
    "A U.S.-made HIMARS rocket hit a barracks in Donetsk on Sunday.",
])
def test_who_made_a_weapon_is_not_who_fired_it(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    assert len(report.events) == 1
    assert report.events[0].attacker is None, report.events[0].attacker


@pytest.mark.parametrize(("text", "who"), [
    (("A rocket struck a football pitch in Majdal Shams on Saturday, killing 12 children. "
     "Hezbollah denied any involvement."), "Hezbollah"),
    (("A car bomb exploded outside a police station in Quetta on Monday, killing four officers. "
     "The Balochistan Liberation Army later claimed responsibility."), "Balochistan"),
    (("A mortar shell hit a market in Goma on Tuesday, killing three people. The army blamed "
     "M23 rebels for the attack."), "M23"),
])
def test_the_reports_one_suspect_is_the_attacker_of_an_unnamed_attack(read_text, text: str, who: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    attacker = report.events[0].attacker
    assert attacker is not None and who in attacker.text, report.events
    assert attacker.kind == "non_state_armed_group"


def test_two_suspects_name_no_attacker(read_text) -> None:
    report = read_text("A blast hit a market in Goma on Tuesday, killing two people. The army "
                       "blamed M23 rebels, and M23 blamed the army.")
    assert report.events and report.events[0].attacker is None, report.events[0].attacker


def test_a_suspect_is_never_the_attacker_of_a_strike_on_itself(read_text) -> None:
    report = read_text("An air strike hit a Hezbollah position near Tyre on Monday, killing "
                       "two fighters. Hezbollah denied that its men had fired the rocket.")
    attacker = report.events[0].attacker
    assert attacker is None or "Hezbollah" not in attacker.text, attacker


@pytest.mark.parametrize(("text", "kind"), [
    ("The Balochistan Liberation Army attacked a police station in Quetta on Monday.",
     "non_state_armed_group"),
    ("Fighters of the National Liberation Army bombed a base in Arauca on Tuesday.",
     "non_state_armed_group"),
    ("The People's Liberation Army shelled an outpost near the border on Tuesday.",
     "state_forces"),
])
def test_liberation_armies_are_armed_groups_but_one_state(read_text, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    attacker = report.events[0].attacker
    assert attacker is not None and attacker.kind == kind, attacker


@pytest.mark.parametrize(("text", "word"), [
    (("Militants set off explosive charges against a police station in Quetta on Monday, "
     "officials said."), "station"),
    ("Insurgents set off a bomb against an army convoy near Mosul on Tuesday.", "convoy"),
    ("Fighters set off explosives against the gates of the prison in Kandahar on Friday.",
     "gates"),
])
def test_what_is_set_off_is_the_weapon_not_the_target(read_text, text: str,
                                                     word: str) -> None:
    report = read_text(text)
    assert report.events
    target = report.events[0].target
    assert target is not None and word in target.text
    assert "explosive" not in target.text and "bomb" not in target.text


@pytest.mark.parametrize(("text", "word"), [
    ("Gunmen opened fire on beachgoers in Mogadishu on Friday.", "beachgoers"),
    ("Militants attacked a bus of pilgrims near Reasi on Sunday.", "pilgrims"),
    ("A drone struck diners at a cafe in Khartoum on Monday.", "diners"),
])
def test_people_at_leisure_prayer_or_travel_are_civilians(read_text, text: str, word: str) -> None:
    report = read_text(text)
    target = report.events[0].target
    assert target is not None and word in target.text and target.kind == "civilians"


@pytest.mark.parametrize("text", [
    "Militants launched attacks on Kenyan soil on Monday, killing two soldiers near Lamu.",
    "Drones launched from Lebanon struck Israeli territory near Metula on Sunday.",
    "Jets carried out strikes on Syrian territory near Daraa on Friday, killing four fighters.",
])
def test_a_state_s_ground_says_where_not_what_was_hit(read_text, text: str) -> None:
    for event in read_text(text).events:
        assert event.target is None or not any(
            w in event.target.text for w in ("soil", "territory"))


@pytest.mark.parametrize(("text", "kind"), [
    (("A roadside bomb hit a convoy of Russian soldiers and pro-government militiamen near "
     "Palmyra on Monday."), "state_forces"),
    (("Insurgents ambushed a patrol of police officers and allied militiamen near Kidal on "
     "Friday."), "state_forces"),
    ("Troops attacked a camp of rebel fighters and their soldiers near Goma on Sunday.",
     "non_state_armed_group"),
])
def test_of_two_sides_named_together_the_first_gives_the_kind(read_text, text: str,
                                                              kind: str) -> None:
    target = read_text(text).events[0].target
    assert target is not None and target.kind == kind


@pytest.mark.parametrize(("text", "word"), [
    ("A massive blast tore through a camp for displaced families near Kabul on Monday.", "camp"),
    ("An explosion ripped through a crowded market in Kano on Friday, killing six.", "market"),
    ("A car bomb ploughed through a checkpoint in Mogadishu on Sunday.", "checkpoint"),
])
def test_what_a_blast_tears_through_is_its_target(read_text, text: str, word: str) -> None:
    target = read_text(text).events[0].target
    assert target is not None and word in target.text


@pytest.mark.parametrize("text", [
    ("It was not possible to verify which side launched the drone that hit the hospital in "
    "El Fasher on Friday."),
    "Nobody knows what group fired the rockets that hit Sderot on Monday.",
    "Officials could not say whose forces shelled the village near Kadugli on Sunday.",
])
def test_a_question_names_no_attacker(read_text, text: str) -> None:
    for event in read_text(text).events:
        assert event.attacker is None


@pytest.mark.parametrize("text", [
    "Artillery fell on the Abu Shouk camp near El Fasher on Friday and killed eight people.",
    "Army artillery fell on the market in Kadugli on Monday, killing five.",
    "Heavy artillery landed on the outskirts of Khartoum on Sunday, wounding three.",
])
def test_artillery_falling_on_a_place_is_a_shelling(read_text, text: str) -> None:
    events = read_text(text).events
    assert [e.sub_type for e in events] == ["shelling_artillery_missile_attack"]


@pytest.mark.parametrize("text", [
    "A series of strikes hit Khan Younis early on Sunday, killing nine.",
    "A second wave of explosions hit hand-held radios across Lebanon on Wednesday.",
    "Targets in Gaza City were struck overnight, the army said.",
])
def test_how_an_attack_came_is_no_attacker(read_text, text: str) -> None:
    events = read_text(text).events
    assert len(events) == 1 and events[0].attacker is None


@pytest.mark.parametrize(("text", "events"), [
    ("A second wave of explosions hit hand-held radios across Lebanon on Wednesday, killing 14.", 1),
    ("A string of bombings shook Baghdad on Friday, killing 20.", 1),
    ("A wave of attacks has hit the region since October, officials said.", 0),
    ("A tally of attacks in the region since January 1 counts 12 soldiers killed.", 0),
])
def test_a_wave_with_a_day_tells_that_day_s_attacks(read_text, text: str, events: int) -> None:
    assert len(read_text(text).events) == events


@pytest.mark.parametrize("text", [
    ("A missile hit a recreation centre near Kharkiv on Sunday, and a second one struck as "
    "rescuers arrived, killing five."),
    "Multiple rocket launchers shelled the villages near Kupiansk on Sunday.",
    "Drones attacked the port of Izmail overnight; the first one hit a grain silo.",
])
def test_a_weapon_counted_or_its_launcher_is_no_attacker(read_text, text: str) -> None:
    for event in read_text(text).events:
        assert event.attacker is None


def test_one_of_the_gunmen_is_an_attacker(read_text) -> None:  # type: ignore[no-untyped-def]
    event = read_text("One of the gunmen opened fire on worshippers in Kaduna on Sunday.").events[0]
    assert event.attacker is not None and "gunmen" in event.attacker.text


@pytest.mark.parametrize(("text", "word"), [
    (("The artillery of the Rapid Support Forces fell on a camp near El Fasher on Friday, "
     "killing eight."), "Rapid Support"),
    ("Drones of the Russian army struck a depot in Odesa on Monday.", "army"),
    ("Shells of the army landed on the market in Kadugli on Monday, killing five.", "army"),
])
def test_whose_weapon_it_was_is_the_attacker(read_text, text: str, word: str) -> None:
    attacker = read_text(text).events[0].attacker
    assert attacker is not None and word in attacker.text


def test_a_weapon_of_unknown_origin_has_no_attacker(read_text) -> None:  # type: ignore[no-untyped-def]
    assert read_text("Rockets of unknown origin hit the town of Metula on Sunday.").events[0].attacker is None
