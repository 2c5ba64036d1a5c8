"""What kind of event a sentence tells: riots, accidents, suicide bombings, named attacks.

Short reports written for these tests (published Wed 2024-03-06).
"""

from __future__ import annotations

from datetime import date

import pytest


def test_protesters_clashing_with_police_is_a_riot(read_text) -> None:
    report = read_text("Protesters clashed with police in the capital on Monday, and two people "
                       "were killed.")
    assert [(e.type, e.sub_type) for e in report.events] == [("riots", "violent_demonstration")]


def test_force_against_protesters_is_a_protest_event(read_text) -> None:
    report = read_text("Soldiers fired on protesters in the town of Kassala on Monday, "
                       "killing three people.")
    assert [e.type for e in report.events] == ["protests"]


def test_accidental_blast_is_no_attack(read_text) -> None:
    report = read_text("Seven militants were killed in an accidental explosion in Kandahar "
                       "province on Friday night.")
    assert [e.type for e in report.events] == ["strategic_developments"]
    assert report.events[0].killed[0].best == 7
    assert report.events[0].time.start == date(2024, 3, 1)


def test_suicide_bomber_is_a_person_not_a_plane(read_text) -> None:
    report = read_text("A suicide bomber blew himself up at a checkpoint in Kabul on Monday, "
                       "killing six soldiers.")
    event = report.events[0]
    assert (event.sub_type, event.weapon) == ("suicide_bomb", "ied")
    assert event.attacker is not None and "bomber" in event.attacker.text


def test_a_states_bombers_are_aircraft(read_text) -> None:
    report = read_text("U.S. bombers struck militia positions near Al-Qaim in Iraq on Friday, "
                       "the military said.")
    assert [e.weapon for e in report.events] == ["aircraft"]


def test_gunmen_are_attackers_though_they_name_a_weapon(read_text) -> None:
    report = read_text("Gunmen attacked a checkpoint in Mosul on Monday, killing two policemen.")
    attacker = report.events[0].attacker
    assert attacker is not None and attacker.text == "Gunmen"


def test_adjective_says_what_kind_not_who(read_text) -> None:
    report = read_text("Five people were killed on Monday in a terrorist attack on a market "
                       "in Mosul.")
    event = report.events[0]
    assert event.attacker is None
    assert event.time.start == date(2024, 3, 4)
    assert event.target is not None and "market" in event.target.text


def test_attack_named_after_what_it_hit_names_no_attacker(read_text) -> None:
    report = read_text("Three people were killed on Monday in the Marathon bombing, and "
                       "hundreds were injured in Boston.")
    assert [e.attacker for e in report.events] == [None]


def test_blame_on_names_the_attacker(read_text) -> None:
    report = read_text("Three people were killed in a bombing in Boston on Monday. Police blamed "
                       "the bombing on two brothers.")
    attacker = report.events[0].attacker
    assert attacker is not None and attacker.text == "two brothers"
    assert report.events[0].target is None


def test_claim_of_responsibility_names_the_attacker(read_text) -> None:
    report = read_text("A bomb exploded at a police station in Mosul on Monday, killing two "
                       "policemen. The Islamic State group claimed responsibility for the attack.")
    attacker = report.events[0].attacker
    assert attacker is not None and attacker.name == "Islamic State"


def test_agent_of_a_believed_attack(read_text) -> None:
    report = read_text("A bomb exploded at a cafe in Madrid on Monday, killing 13 people. Though "
                       "no claim was made, the attack is widely believed to have been carried "
                       "out by the separatist group ETA.")
    attacker = report.events[0].attacker
    assert attacker is not None and attacker.text.endswith("ETA")


def test_calling_a_blast_an_attack_adds_no_event(read_text) -> None:
    report = read_text("A parcel bomb exploded outside a bakery in Lyon on Friday, wounding 13 "
                       "people. The explosion targeted a bakery on Victor Hugo street, in what "
                       "the president called an attack.")
    assert len(report.events) == 1
    target = report.events[0].target
    assert target is not None and "bakery" in target.text


def test_see_also_list_is_no_event(read_text) -> None:
    report = read_text("A suicide bomber killed six soldiers near Bagram on Monday.\n"
                       "==See also== * 2007 Bagram Airfield bombing * 2014 Bagram Airfield "
                       "bombing ==References==")
    assert len(report.events) == 1


def test_background_attack_elsewhere_lends_no_attacker(read_text) -> None:
    report = read_text("A parcel bomb exploded in a street in Lyon on Friday, wounding 13 "
                       "people.\n\nFrance has been on alert since the Islamic State group "
                       "launched a series of attacks across Paris, killing 130 people.")
    lyon = [e for e in report.events if e.location is not None and e.location.name == "Lyon"]
    assert len(lyon) == 1 and lyon[0].attacker is None


def test_by_phrase_of_an_active_verb_is_no_agent(read_text) -> None:
    report = read_text("By the end of the day, the rebel brigade had detonated at least 20 "
                       "bombs across the city of Homs, killing nine people.")
    attacker = report.events[0].attacker
    assert attacker is not None and attacker.text == "the rebel brigade"


def test_earlier_event_is_its_own_and_borrows_no_day(read_text) -> None:
    report = read_text("A car bomb killed nine people in Homs on Friday. Earlier in the year, "
                       "soldiers killed 13 protesters in Hama.")
    assert len(report.events) == 2
    earlier = report.events[1]
    assert earlier.type == "protests" and earlier.time.start is None
    assert earlier.target is not None and "protesters" in earlier.target.text


def test_striking_a_person_without_a_weapon_is_no_attack(read_text) -> None:
    report = read_text("Bombs exploded across the city of Homs on Friday. Passers-by had to "
                       "strike hysterical girls to calm them.")
    assert len(report.events) == 1
    assert report.events[0].attacker is None and report.events[0].target is None


def test_gun_battle_and_bombing_are_two_events(read_text) -> None:
    report = read_text("Bombs exploded across Belfast on Friday, killing nine people. In one "
                       "incident, a man was killed in a battle between troops and gunmen in the "
                       "Markets area.")
    kinds = sorted(e.sub_type for e in report.events)
    assert kinds == ["armed_clash", "remote_explosive_landmine_ied"]


def test_wiki_heading_stands_alone_and_a_place_within_another_joins(read_text) -> None:
    report = read_text("On Monday in Bagram, a suicide bomber blew himself up, killing six "
                       "soldiers. ==Attack== A suicide bomber riding a motorcycle loaded with "
                       "explosives crashed into a foot patrol while it was traveling through "
                       "the village near Bagram Air Base.")
    assert len(report.events) == 1
    target = report.events[0].target
    assert target is not None and "patrol" in target.text


def test_army_hitting_gunmen_is_its_own_event(read_text) -> None:
    report = read_text("Bombs exploded across Belfast on Friday, killing nine people. In one "
                       "incident, a man was killed in a battle between troops and rebels in the "
                       "Markets area. The army claimed to have hit three gunmen.")
    targets = [e.target.text if e.target else None for e in report.events]
    assert "three gunmen" in targets


def test_an_assassination_a_year_before_is_its_own_event(read_text) -> None:
    report = read_text("A car bomb killed nine people in Madrid on Friday. The suspects were "
                       "charged with complicity in the assassination of the prime minister one "
                       "year before.")
    assert len(report.events) == 2
    assert report.events[1].target is not None
    assert report.events[1].target.text == "the prime minister"


def test_earlier_the_same_day_is_the_same_story(read_text) -> None:
    report = read_text("Militants attacked a checkpoint in Mosul earlier on Monday, killing two "
                       "policemen. The attack was the deadliest this month.")
    assert len(report.events) == 1


def test_headline_names_no_attacker_for_the_body_event(read_text) -> None:
    report = read_text("Roadside bomb hits army convoy in Jenin as helicopters open fire\n\n"
                       "JENIN, West Bank - A roadside bomb tore into an armoured vehicle in "
                       "Jenin on Monday, wounding seven soldiers. Later, helicopter gunships "
                       "fired on gunmen in the city.")
    bomb = [e for e in report.events if e.weapon == "ied"]
    assert len(bomb) == 1 and bomb[0].attacker is None
    assert bomb[0].sub_type == "remote_explosive_landmine_ied"


def test_a_shooting_does_not_gather_the_days_bombings(read_text) -> None:
    report = read_text("Bombs exploded across Belfast on Friday. The army claimed to have hit "
                       "three gunmen. Later, a man was shot dead at his door in Deerpark Road. "
                       "In the afternoon, during an hour of concentrated bombing, at least 11 "
                       "people died.")
    bombings = [e for e in report.events if e.sub_type == "remote_explosive_landmine_ied"]
    assert len(bombings) == 1 and bombings[0].killed and bombings[0].killed[0].low == 11


def test_the_group_that_claims_it_outranks_a_bare_description(read_text) -> None:
    report = read_text("A suicide bomber blew himself up at a checkpoint in Mogadishu on Sunday, "
                       "killing five people, police said. Al-Shabaab later claimed responsibility "
                       "for the attack.")
    event = report.events[0]
    assert event.sub_type == "suicide_bomb"
    assert event.attacker is not None and event.attacker.text == "Al-Shabaab"


def test_a_named_attacker_is_kept_over_a_claimant(read_text) -> None:
    report = read_text("Taliban gunmen stormed a checkpoint in Kandahar on Sunday, killing five "
                       "policemen. A splinter group later claimed responsibility for the attack.")
    event = report.events[0]
    assert event.attacker is not None and "Taliban" in event.attacker.text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a vehicle its own words rig as a bomb is the weapon, not what was hit
        ("Militants rammed an explosives-laden truck into an army camp in Bannu on Monday.",
         "army camp"),
        ("A booby-trapped motorcycle exploded near a market in Kirkuk on Friday, wounding five.",
         "market"),
        (("Attackers detonated a car packed with explosives outside a police post near Gao on "
         "Sunday."), None),
    ],
)
def test_a_rigged_vehicle_is_a_car_bomb(read_text, text: str, target: str | None) -> None:  # type: ignore[no-untyped-def]
    event = read_text(text).events[0]
    assert event.weapon == "ied" and event.sub_type == "remote_explosive_landmine_ied", event
    assert event.attacker is None or "motorcycle" not in event.attacker.name
    if target is not None:
        assert event.target is not None and event.target.name.endswith(target), event.target


def test_a_vehicle_hit_by_gunmen_stays_the_target(read_text) -> None:  # type: ignore[no-untyped-def]
    event = read_text("Gunmen fired on a truck carrying workers near Quetta on Friday.").events[0]
    assert event.target is not None and "truck" in event.target.name
    assert event.weapon == "small_arms"


@pytest.mark.parametrize(
    "text",
    [
        # a time of day or a figure where the target would be says when or how many
        "A bomb exploded at rush hour in Karachi on Friday, killing four people.",
        "Militants attacked at nightfall on Sunday near Gao, killing nine people.",
        "Russia fired 40 missiles on Friday night; 90 percent were shot down, the air force said.",
        "Gunmen opened fire on Friday at sunset in Kano, wounding several people.",
    ],
)
def test_a_time_or_a_figure_is_no_target(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    event = read_text(text).events[0]
    assert event.target is None, event.target


def test_a_figure_of_people_is_its_people(read_text) -> None:  # type: ignore[no-untyped-def]
    event = read_text("A suicide bomber blew himself up among hundreds of worshippers in a "
                      "Peshawar mosque on Monday.").events[0]
    assert event.target is not None and "worshippers" in event.target.name


@pytest.mark.parametrize("text", [
    # a junta is a state's forces, and its bombing is from the air
    "Myanmar's junta bombed a monastery in Sagaing region on Sunday, killing 20 civilians.",
    "The junta's jets bombed a village in Magway region on Sunday.",
    "The Tatmadaw bombed a school in Sagaing region on Friday, killing seven children.",
])
def test_a_junta_is_state_forces(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert event.attacker is not None and event.attacker.kind == "state_forces", event.attacker
    assert event.sub_type == "air_drone_strike"


@pytest.mark.parametrize("text", [
    # a craft with no crew is a drone, at sea too, and "sank" with one is an attack
    "Ukrainian sea drones sank a Russian landing ship off Crimea on Thursday.",
    "An uncrewed surface vessel rammed the bulk carrier Tutor southwest of Hodeidah on Wednesday.",
    "An unmanned aerial vehicle struck a fuel depot in Bryansk on Monday, the governor said.",
])
def test_an_uncrewed_craft_is_a_drone(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert event.weapon == "drone" and event.sub_type == "air_drone_strike", event
    assert event.attacker is None or "vessel" not in event.attacker.name


@pytest.mark.parametrize("text", [
    "Shares sank on Monday as markets fell.",
    "The striker sank a late goal in the derby on Sunday.",
])
def test_sinking_without_a_weapon_is_no_attack(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text).events == ()


@pytest.mark.parametrize("text", [
    "Gunmen opened fire on a wedding party in the village of Kidal on Monday, killing six people.",
    "Militants fired on an army patrol near Kupwara on Sunday, wounding three soldiers.",
    "Two policemen were shot dead at a checkpoint in Peshawar on Tuesday, officials said.",
    "A soldier was killed in an exchange of fire with insurgents near Mopti on Monday.",
])
def test_shooting_told_in_words_is_small_arms(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    assert [e.weapon for e in report.events] == ["small_arms"], report.events


@pytest.mark.parametrize(("text", "weapon"), [
    ("Troops came under mortar fire near Bakhmut on Monday, and two soldiers were wounded.",
     "mortar"),
    ("Russian forces fired on Vovchansk with artillery on Monday, killing a woman.",
     "artillery"),
    ("Air defences shot down 12 drones over Kyiv on Sunday, but debris injured two people.",
     "drone"),
])
def test_a_named_weapon_wins_over_shots_in_words(read_text, text: str, weapon: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    assert [e.weapon for e in report.events][:1] == [weapon], report.events


@pytest.mark.parametrize("text", [
    "A soldier was killed in an exchange of fire with insurgents near Mopti on Monday.",
    "Two policemen died in an exchange of gunfire with bandits in Zamfara on Sunday.",
    "Militants and troops traded fire in Kupwara on Monday after an exchange of fire at dawn.",
])
def test_an_exchange_of_fire_is_a_clash(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    assert report.events and report.events[0].sub_type == "armed_clash", report.events


def test_an_exchange_of_prisoners_is_no_attack(read_text) -> None:
    report = read_text("Russia and Ukraine carried out an exchange of prisoners on Monday.")
    assert report.events == ()


def test_gunmen_firing_on_beachgoers_attack_civilians_though_troops_fight_them(read_text) -> None:
    report = read_text("Gunmen opened fire on beachgoers in Mogadishu on Friday, killing five "
                       "civilians, before security forces killed them after an exchange of fire.")
    assert [e.sub_type for e in report.events][:1] == ["attack"], report.events


@pytest.mark.parametrize("text", [
    ("Fighting between the army and rebel fighters has killed 40 civilians in the province "
     "of Darfur since Sunday, aid workers said."),
    ("Clashes between two militias in Tripoli on Monday killed 12 civilians, the health "
     "ministry said."),
    ("Heavy fighting between government troops and insurgents near Goma on Tuesday left nine "
     "villagers dead."),
])
def test_an_event_told_first_as_a_fight_is_a_clash_whoever_died(read_text, text: str) -> None:
    report = read_text(text)
    assert [(e.type, e.sub_type) for e in report.events] == [("battles", "armed_clash")]


@pytest.mark.parametrize("text", [
    ("Gunmen fired on diners at a restaurant in Mogadishu on Monday, killing six people, "
     "before they were killed after an exchange of fire with police."),
    ("Attackers opened fire on worshippers at a church in Kaduna on Sunday, killing four, "
     "and fled after a gunfight with soldiers."),
    ("Militants shot dead five shoppers at a market in Maiduguri on Monday before troops "
     "killed them in a firefight."),
])
def test_gunmen_who_shot_civilians_attacked_them_though_a_fight_followed(read_text,
                                                                        text: str) -> None:
    report = read_text(text)
    assert report.events
    assert (report.events[0].type, report.events[0].sub_type) == \
        ("violence_against_civilians", "attack")


@pytest.mark.parametrize("text", [
    "Gunmen attacked the airport in Bamako on Tuesday, where the army's drones are parked.",
    "Militants stormed an air base in Kano on Monday, where fighter jets are stationed.",
    "Rebels raided a workshop in Goma on Sunday where drones are assembled.",
])
def test_weapons_kept_at_the_place_attacked_are_not_what_attacked_it(read_text,
                                                                    text: str) -> None:
    event = read_text(text).events[0]
    assert event.weapon not in ("drone", "aircraft")
    assert event.sub_type != "air_drone_strike"


@pytest.mark.parametrize(("text", "weapon"), [
    ("Drones attacked the Zaporizhzhia nuclear power plant on Sunday, the operator said.", "drone"),
    ("Missiles attacked the port on Monday, the navy said.", "ballistic_missile"),
    ("Rockets slammed into a market in the city on Sunday, killing 27 people.", "rocket"),
])
def test_a_weapon_that_opens_a_sentence_is_the_weapon(read_text, text: str, weapon: str) -> None:  # type: ignore[no-untyped-def]
    # the small tagger files a capitalised plural at a sentence's start as a proper noun
    (event,) = read_text(text).events
    assert event.weapon == weapon


def test_a_name_that_opens_a_sentence_stays_a_name(resources) -> None:  # type: ignore[no-untyped-def]
    doc = resources.nlp("Hezbollah fired rockets. Rocket Lab launched a satellite. Strikes hit the city.")
    assert [t.pos_ for t in doc if t.text in ("Hezbollah", "Rocket")] == ["PROPN", "PROPN"]
    assert [t.lemma_ for t in doc if t.text == "Strikes"] == ["strike"]
