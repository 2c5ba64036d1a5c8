"""Event reading on short reports written for these tests (published Wed 2024-03-06)."""

from __future__ import annotations

from datetime import date

import pytest


def test_attack_and_response_are_two_linked_events(read_text) -> None:
    report = read_text(
        "Militants fired three rockets at a military base near Kirkuk on Monday, "
        "wounding two soldiers, officials said. In response, the army struck the "
        "launch site with artillery on Tuesday, killing four militants."
    )
    assert len(report.events) == 2
    attack, response = report.events
    assert attack.weapon == "rocket"
    assert attack.time.start == date(2024, 3, 4)
    assert response.time.start == date(2024, 3, 5)
    assert response.responds_to == (attack.id,)
    assert attack.injured[0].best == 2 and attack.injured[0].group == "target_side"
    assert response.killed[0].best == 4


def test_restatement_merges_into_one_event(read_text) -> None:
    report = read_text(
        "A drone strike hit a car in the town of Qamishli on Sunday, killing three people. "
        "The strike also wounded five bystanders, witnesses said."
    )
    assert len(report.events) == 1
    event = report.events[0]
    assert event.sub_type == "air_drone_strike"
    assert [c.best for c in event.killed] == [3]
    assert [c.best for c in event.injured] == [5]
    assert len(event.evidence) == 2


def test_tallies_and_threats_are_not_events(read_text) -> None:
    report = read_text(
        "It was the 41st attack on the port since January. The group threatened to attack "
        "the port again. Officials said there had been no retaliatory strike."
    )
    assert report.events == ()
    assert [(c.kind, c.value) for c in report.claims] == [("attack_count", 41)]
    assert report.claims[0].since == date(2024, 1, 1)


def test_two_attacks_on_different_days_stay_apart(read_text) -> None:
    report = read_text(
        "On Monday, a roadside bomb struck an army convoy near Kandahar, killing two soldiers. "
        "On Tuesday, gunmen attacked a police checkpoint in Herat, killing one officer."
    )
    assert len(report.events) == 2
    assert report.events[0].sub_type == "remote_explosive_landmine_ied"
    assert report.events[0].time.start != report.events[1].time.start


def test_civilian_victims_are_grouped_as_civilians(read_text) -> None:
    report = read_text(
        "An air strike on a market in the village of Kafr Nabl killed at least 12 civilians "
        "on Tuesday, local residents said."
    )
    assert len(report.events) == 1
    killed = report.events[0].killed
    assert killed[0].group == "civilians"
    assert killed[0].low == 12 and killed[0].best is None


def test_non_conflict_story_has_no_events(read_text) -> None:
    report = read_text(
        "The striker fired a shot into the top corner on Saturday, and the home side's "
        "attack dominated the second half. Ticket sales hit a record, the club said."
    )
    assert report.events == ()


def test_intercepted_drones(read_text) -> None:
    report = read_text(
        "Two drones launched at the Al-Tanf garrison on Sunday were shot down by coalition "
        "forces before they reached the base, causing no injuries, a U.S. official said."
    )
    assert len(report.events) == 1
    assert report.events[0].outcome == "intercepted"
    assert report.events[0].weapon == "drone"


def test_aggregate_claim_with_breakdown(read_text) -> None:
    report = read_text(
        "Of the 150 attacks since Oct. 17, 70 took place in Iraq and 80 in Syria, "
        "the Pentagon said."
    )
    assert report.events == ()
    claim = report.claims[0]
    assert (claim.kind, claim.value) == ("attack_count", 150)
    assert dict(claim.breakdown) == {"IQ": 70, "SY": 80}
    assert claim.since == date(2023, 10, 17)


def test_claim_of_responsibility_and_denial(read_text) -> None:
    report = read_text(
        "Gunmen attacked a checkpoint in Mosul on Monday, killing two policemen. "
        "The Islamic State group claimed responsibility for the attack. "
        "A rival faction denied any involvement."
    )
    assert len(report.events) == 1
    event = report.events[0]
    assert any("Islamic State" in c for c in event.claimed_by)
    assert any("faction" in d for d in event.denied_by)


def test_two_attacks_of_one_kind_in_one_sentence_have_two_ids(read_text) -> None:
    report = read_text("On Monday, a drone struck a police post in Erbil and another drone "
                       "struck a checkpoint in Basra, officials said.")
    assert len(report.events) == 2
    assert report.events[0].sub_type == report.events[1].sub_type
    assert report.events[0].id != report.events[1].id


def test_a_claim_stands_as_of_its_stated_day_and_counts_where_not_whose(read_text) -> None:
    report = read_text("As of Feb. 29, there had been 170 attacks on U.S. forces in Iraq and "
                       "Syria since Oct. 17, the Pentagon said.")
    claim = next(c for c in report.claims if c.kind == "attack_count")
    assert claim.value == 170
    assert claim.as_of == date(2024, 2, 29)
    assert claim.since == date(2023, 10, 17)
    assert set(claim.scope.countries) == {"IQ", "SY"}


def test_a_claim_without_a_stated_day_stands_as_of_the_report(read_text) -> None:
    report = read_text("There have been 170 attacks on American troops since Oct. 17, officials said.")
    claim = next(c for c in report.claims if c.kind == "attack_count")
    assert claim.as_of == date(2024, 3, 6)


def test_two_streets_of_one_town_each_with_its_attack_are_two_events(read_text) -> None:
    report = read_text(
        "Gunmen shot a man dead at his door on Deerpark Road in Belfast on Friday night. "
        "Later, an army post on Cliftonville Road came under heavy gunfire, the army said."
    )
    assert len(report.events) == 2
    assert {e.location.text for e in report.events if e.location} == {"Deerpark Road", "Cliftonville Road"}
    assert all(e.location is not None and e.location.name == "Belfast" for e in report.events)


def test_a_re_mention_on_another_street_stays_the_same_event(read_text) -> None:
    report = read_text(
        "A car bomb exploded on Oxford Street in Belfast on Friday, killing six people. "
        "The blast also shattered windows on nearby Cavehill Road, police said."
    )
    assert len(report.events) == 1


def test_a_day_later_counts_from_the_day_named_before(read_text) -> None:
    report = read_text(
        "Militants fired an RPG at a police vehicle in Quetta on Monday, wounding two officers.\n\n"
        "Two days later, an anti-tank mine exploded under an army truck near Khuzdar, killing "
        "three soldiers."
    )
    assert [e.time.start for e in report.events] == [date(2024, 3, 4), date(2024, 3, 6)]
    assert report.events[0].weapon == "rocket" and report.events[1].weapon == "ied"


def test_a_later_day_past_the_report_is_not_guessed(read_text) -> None:
    report = read_text("Gunmen attacked a checkpoint in Quetta on Tuesday. "
                       "A week later, a bomb exploded near Khuzdar, killing three soldiers.")
    assert report.events[-1].time.start != date(2024, 3, 12)


def test_one_strike_on_two_towns_is_two_events_with_their_own_tolls(read_text) -> None:
    report = read_text("Russian missiles struck Odesa and Kharkiv overnight, killing five people "
                       "in Odesa and wounding 12 in Kharkiv, officials said on Tuesday.")
    assert len(report.events) == 2
    by_town = {e.location.name: e for e in report.events if e.location}
    assert set(by_town) == {"Odesa", "Kharkiv"}
    assert [c.best for c in by_town["Odesa"].killed] == [5] and by_town["Odesa"].injured == ()
    assert [c.best for c in by_town["Kharkiv"].injured] == [12] and by_town["Kharkiv"].killed == ()
    assert len({e.id for e in report.events}) == 2


def test_a_road_between_two_towns_is_one_place_not_two_events(read_text) -> None:
    report = read_text("A roadside bomb hit a convoy on the road between Odesa and Mykolaiv on "
                       "Monday, killing two soldiers.")
    assert len(report.events) == 1


def test_whoever_intercepts_is_no_attacker(read_text) -> None:
    report = read_text("Two rockets were fired at the U.S. embassy in Baghdad on Sunday. The "
                       "embassy's air defences intercepted one of them, a security official said.")
    event = report.events[0]
    assert event.attacker is None or "defence" not in event.attacker.text
    assert event.outcome == "intercepted"


def test_a_title_case_dateline_stands_alone(read_text) -> None:
    report = read_text("Tikrit, Iraq - Gunmen killed a local official in a drive-by shooting in "
                       "Tikrit on Thursday evening, police said.")
    assert len(report.events) == 1
    event = report.events[0]
    assert event.attacker is not None and event.attacker.text == "Gunmen"


def test_overnight_outside_any_entity_dates_the_attack(read_text) -> None:
    report = read_text("Ukrainian drones hit an oil refinery in Russia's Krasnodar region overnight, "
                       "sparking a fire, regional authorities said.")
    event = report.events[0]
    assert event.time.start == date(2024, 3, 5)
    assert event.location is not None and event.location.text == "Krasnodar"
    assert (event.location.precision, event.location.country) == ("admin1", "RU")  # the region


def test_more_than_a_figure_is_that_figure_more_than(read_text) -> None:
    report = read_text("More than 3,000 people have been killed in Syria since the war began, "
                       "according to a monitoring group.")
    claim = next(c for c in report.claims if c.kind == "killed_count")
    assert (claim.value, claim.qualifier) == (3000, "more_than")
    assert claim.scope.countries == ("SY",)


def test_attackers_killed_are_counted_on_their_side(read_text) -> None:
    report = read_text("Taliban militants ambushed a police patrol near Lakki on Friday, killing four "
                       "policemen, officials said. Police said two of the attackers were killed in "
                       "the exchange of fire.")
    groups = {(c.group, c.best) for c in report.events[0].killed}
    assert groups == {("target_side", 4), ("attacker_side", 2)}


def test_the_other_side_of_a_clash_does_not_hide_the_town(read_text) -> None:
    report = read_text("Clashes between the army and the Rapid Support Forces in Omdurman killed at "
                       "least 12 civilians on Sunday, medics said.")
    event = report.events[0]
    assert event.location is not None and event.location.name == "Omdurman"


def test_a_drone_strike_and_its_missile_are_one_attack_by_its_state(read_text) -> None:
    report = read_text("A U.S. drone strike in Baghdad killed a senior militia commander on "
                       "Wednesday evening, officials said. The commander was travelling in a car "
                       "when the missile hit, they said.")
    assert len(report.events) == 1
    event = report.events[0]
    assert event.attacker is not None and event.attacker.country == "US"
    assert event.target is not None and event.target.text == "a senior militia commander"


def test_a_grievance_is_no_attack_and_lends_no_attacker(read_text) -> None:
    report = read_text("Twin bombs exploded near the finish line of the marathon in Boston on Monday, "
                       "killing three people. The suspect wrote that the bombings were retaliation "
                       "for the U.S. killing of Muslims in wars overseas.")
    assert len(report.events) == 1
    assert report.events[0].attacker is None


def test_the_street_an_attack_names_is_its_location_put_in_the_town(read_text) -> None:
    report = read_text("A parcel bomb exploded in Lyon on Friday, wounding 13 people. The explosion "
                       "targeted a bakery on the central street Rue Victor Hugo, officials said.")
    event = report.events[0]
    assert event.location is not None
    assert (event.location.text, event.location.name, event.location.precision) == \
        ("Rue Victor Hugo", "Lyon", "town")


def test_a_night_s_barrage_of_counted_weapons_is_an_attack(read_text) -> None:
    report = read_text("Russian forces launched 40 drones and six missiles at Ukraine overnight, the "
                       "air force said. Debris damaged a residential building in Kyiv, injuring two people.")
    assert len(report.events) == 1
    event = report.events[0]
    assert event.attacker is not None and event.attacker.country == "RU"
    assert event.time.start == date(2024, 3, 5)


def test_dozens_of_attacks_counted_with_no_day_stay_a_tally(read_text) -> None:
    report = read_text("Russian forces have launched more than 4,000 drones at Ukraine since January, "
                       "the air force said.")
    assert report.events == ()


def test_killed_by_a_side_s_fire_is_an_attack_by_that_side(read_text) -> None:
    report = read_text("Two Palestinians were killed by Israeli fire in the West Bank town of Jenin "
                       "on Wednesday, the health ministry said.")
    event = report.events[0]
    assert event.attacker is not None and event.attacker.country == "IL"
    assert [c.best for c in event.killed] == [2]


def test_a_device_that_killed_is_no_attacker(read_text) -> None:
    report = read_text("A general was killed in Syria by an improvised explosive device on Monday, "
                       "the ministry said.")
    event = report.events[0]
    assert event.attacker is None and event.weapon == "ied"


@pytest.mark.parametrize("text", [
    "ADF fighters killed 43 civilians in Beni on Sunday.",
    "Militiamen killed nine farmers near Bunia on Tuesday, local officials said.",
    "Guerrillas killed four soldiers in an ambush near Arauca on Monday.",
])
def test_armed_men_named_in_the_plural_who_kill_are_attackers(read_text, text: str) -> None:
    report = read_text(text)
    assert len(report.events) == 1
    assert report.events[0].attacker is not None
    assert report.events[0].attacker.kind == "non_state_armed_group"


@pytest.mark.parametrize("text", [
    ("The mission condemns the attack carried out by rebel fighters against civilians in "
    "Beni, in North Kivu province, on Sunday."),
    ("The ministry condemned the raid conducted by gunmen on a village near Gao, in the "
    "north of the country, on Friday."),
    ("The bishop denounced the assault launched by militants against worshippers in a church "
    "in Kaduna, the state capital, on Sunday."),
])
def test_a_condemned_attack_given_its_doers_is_told(read_text, text: str) -> None:
    report = read_text(text)
    assert len(report.events) == 1
    event = report.events[0]
    assert event.attacker is not None and event.target is not None
    assert "against" not in event.attacker.text and " on " not in event.attacker.text


@pytest.mark.parametrize(("text", "told"), [
    ("The council condemned the killing of worshippers by militants in Beni.", True),
    ("Activists decried the killing of protesters at a checkpoint in Khartoum.", True),
    ("He said the attack was revenge for the killing of Muslims in wars abroad.", False),
])
def test_a_killing_at_a_named_place_is_one_event(read_text, text: str, told: bool) -> None:
    assert bool(read_text(text).events) is told


@pytest.mark.parametrize("text", [
    ("Gunmen attacked a hotel in Mogadishu on Friday, killing seven people. The assault began "
    "when a bomber blew himself up at the gate."),
    ("Militants raided an army post near Gao on Monday. The raid started as fighters opened "
    "fire on the sentries."),
    ("Insurgents attacked a police station in Kano on Tuesday, killing three officers. The "
    "attack ended when soldiers shot dead the last gunman."),
])
def test_what_happens_as_an_attack_begins_or_ends_is_that_attack(read_text, text: str) -> None:
    assert len(read_text(text).events) == 1


@pytest.mark.parametrize(("text", "events"), [
    (("Fighters on motorbikes swept into a village in Zamfara state on Sunday, shooting "
     "residents and burning homes."), 1),
    ("Gunmen swept into a market in Katsina on Monday.", 1),
    ("Militants stormed into a school in Borno on Friday, shooting two teachers.", 1),
    ("A photographer shot the models for a magazine in Lagos on Monday.", 0),
    ("A cold front swept into the region on Monday.", 0),
])
def test_armed_men_sweeping_in_and_shooting_people_attack(read_text, text: str,
                                                         events: int) -> None:
    assert len(read_text(text).events) == events


@pytest.mark.parametrize(("text", "day"), [
    (("Rescuers were still digging through the rubble on Wednesday after a blast tore through "
     "a camp near Kabul late on Monday night."), date(2024, 3, 4)),
    (("Medics were treating the wounded on Tuesday after a drone struck a market in Goma on "
     "Sunday morning."), date(2024, 3, 3)),
    (("Families buried their dead on Wednesday, a day after shells hit the village of Kiwanja "
     "on Tuesday."), date(2024, 3, 5)),
])
def test_the_day_in_the_attack_s_own_clause_dates_it(read_text, text: str, day: date) -> None:
    assert read_text(text).events[0].time.start == day


@pytest.mark.parametrize("text", [
    "At least 12 people were killed in this morning's strike on a market in Gaza City.",
    "Officials said this afternoon's drone attack on a depot in Odesa wounded four.",
    "Five were killed in this evening's shelling of Kharkiv, the governor said.",
])
def test_this_morning_s_attack_is_of_the_report_s_day(read_text, text: str) -> None:
    assert read_text(text).events[0].time.start == date(2024, 3, 6)


@pytest.mark.parametrize(("text", "events"), [
    (("Troops raided a camp in Jenin on Tuesday, killing three. The army called the dead "
     "planners of the October 7 attack."), 1),
    (("Drones struck Odesa on Monday, killing two; officials compared it with the January 2 "
     "strike on the port."), 1),
    ("The March 3 raid on the village killed 12, officials said.", 1),
])
def test_an_attack_named_by_a_day_long_past_is_recalled(read_text, text: str,
                                                        events: int) -> None:
    report = read_text(text)
    assert len(report.events) == events
    assert all(e.time.start is None or e.time.start.year == 2024 and e.time.start.month == 3
               for e in report.events)


@pytest.mark.parametrize(("text", "day"), [
    ("Warplanes struck radar sites in Yemen at approximately 2:30 a.m. Sanaa time on Monday.",
     date(2024, 3, 4)),
    ("Drones hit a fuel depot in Odesa at 4 a.m. local time on Sunday.", date(2024, 3, 3)),
    ("Rockets struck Sderot at 9 p.m. GMT on Tuesday, the army said.", date(2024, 3, 5)),
])
def test_a_time_zone_after_the_clock_keeps_the_sentence_whole(read_text, text: str,
                                                             day: date) -> None:
    assert read_text(text).events[0].time.start == day


def test_a_sentence_still_ends_after_the_clock(resources) -> None:  # type: ignore[no-untyped-def]
    doc = resources.nlp("A drone hit the port at 6 a.m. The governor said a fire broke out.")
    assert len(list(doc.sents)) == 2
