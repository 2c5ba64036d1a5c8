"""Reading rules that must hold on phrasings of any conflict: each rule is tried on three
sentences written for this file (published Wed 2024-03-06)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.mark.parametrize("text", [
    ("Gunmen stormed a police academy in Kaduna before dawn on Monday, the deadliest assault "
    "on the city in years, witnesses said."),
    ("Fighters attacked an army post outside Gao before sunrise on Monday, the first such "
    "attack on the town in months, a local official said."),
    ("Militants raided a checkpoint near Peshawar before daybreak on Monday, the boldest "
    "raid in the province in a decade, police said."),
])
def test_an_attack_timed_before_dawn_and_characterised_is_still_told(read_text, text) -> None:
    # "before dawn" times the attack (it is no "before" of habit), and the noun beside the
    # verb that characterises it ("the first such attack in months") leaves the verb told
    report = read_text(text)
    assert len(report.events) == 1
    assert report.events[0].time.start == date(2024, 3, 4)
    assert report.events[0].attacker is not None


@pytest.mark.parametrize(("text", "killed", "injured"), [
    (("Nine villagers were killed and 14 people wounded, some of them badly, when gunmen "
     "raided a market in Bunia on Monday."), 9, 14),
    (("Eleven soldiers were killed and 40 people wounded, many of them seriously, when a "
     "truck bomb exploded in Mogadishu on Monday."), 11, 40),
    (("Four civilians were killed and 17 people wounded, most of them children, when shells "
     "hit a square in Donetsk on Monday."), 4, 17),
])
def test_an_injured_figure_joined_to_a_passive_killing_is_read(read_text, text, killed,
                                                                injured) -> None:
    report = read_text(text)
    assert len(report.events) == 1
    event = report.events[0]
    assert [c.low for c in event.killed] == [killed]
    assert [c.low for c in event.injured] == [injured]


@pytest.mark.parametrize("text", [
    ("Eight police officers lost their lives on Monday in an ambush by gunmen near Uruapan, "
    "the state prosecutor said."),
    ("Four soldiers lost their lives on Monday in an attack by militants on an outpost near "
    "Kidal, the army said."),
    ("Twelve villagers lost their lives on Monday in a raid by armed men on Kaura Namoda, "
    "residents said."),
])
def test_the_day_people_lost_their_lives_dates_the_attack_they_died_in(read_text, text) -> None:
    report = read_text(text)
    assert len(report.events) == 1
    assert report.events[0].time.start == date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    ("Air defences shot down 20 of the 24 drones that Russia launched at the capital on "
    "Monday, the air force said."),
    ("Air defences shot down nine of the 12 missiles that Russia fired at Kharkiv in the early "
    "hours of Monday, the air force said."),
    ("A drone struck a fuel depot in Novorossiysk in the small hours of Monday, the governor "
    "said."),
])
def test_the_day_weapons_were_launched_dates_their_interception(read_text, text) -> None:
    # the launch clause of the weapons shot down belongs to the attack; "the early hours of
    # Monday" dates it as "on Monday" does ("as of" alone bounds a count)
    report = read_text(text)
    assert len(report.events) == 1
    assert report.events[0].time.start == date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    ("A warplane fired two missiles at a house in Marib on Monday, killing four people, "
    "residents said."),
    "Government jets dropped glide bombs on a market in Idlib on Monday, rescuers said.",
    "An army helicopter fired rockets at a convoy near Kidal on Monday, a local official said.",
])
def test_a_platform_and_what_it_fires_are_a_strike_from_the_air(read_text, text) -> None:
    report = read_text(text)
    assert [e.sub_type for e in report.events] == ["air_drone_strike"]


@pytest.mark.parametrize("text", [
    ("Fighter jets and warships shot down 12 drones that the Houthis launched at a tanker on "
    "Monday, officials said."),
    ("Helicopters intercepted four drones fired by militants at the base on Monday, the army "
    "said."),
    "Air force jets shot down five drones launched by rebels at the airport on Monday.",
])
def test_jets_that_shoot_down_drones_do_not_make_the_attack_an_air_strike(read_text,
                                                                          text) -> None:
    report = read_text(text)
    assert report.events and all(e.weapon == "drone" for e in report.events)


@pytest.mark.parametrize(("text", "not_weapon"), [
    (("An Israeli air strike hit a building in Tyre on Monday, Israel's answer to the rocket "
     "that killed four soldiers a week earlier."), "rocket"),
    (("A drone strike hit a truck near Sirte on Monday, days after the mortar that killed two "
     "guards at the port."), "mortar"),
    (("Troops raided a compound in Kunduz on Monday, an operation the army tied to the bomb "
     "that wounded nine police officers in the city."), "ied"),
])
def test_a_weapon_told_doing_harm_elsewhere_is_another_attack_s(read_text, text,
                                                                 not_weapon) -> None:
    report = read_text(text)
    assert report.events
    assert report.events[0].weapon != not_weapon


@pytest.mark.parametrize(("text", "attacker"), [
    (("Police hunted a woman believed to be responsible for a bombing that wounded four people "
     "in Quetta on Monday."), "a woman"),
    (("Troops arrested three men thought to be behind a blast that killed two soldiers in "
     "Kirkuk on Monday."), "three men"),
    (("Police were searching for a man believed to be responsible for a Friday blast which "
     "injured several people in Lyon."), "a man"),
])
def test_whoever_is_believed_responsible_or_behind_an_attack_is_its_attacker(
        read_text, text, attacker) -> None:
    report = read_text(text)
    assert len(report.events) == 1
    assert report.events[0].attacker is not None
    assert report.events[0].attacker.text == attacker


@pytest.mark.parametrize("text", [
    ("A Russian missile killed 40 people at a cafe in eastern Ukraine on Monday.\n\n"
    "The governor spoke again on Tuesday. Two Russian missiles struck a residential block, "
    "wounding 12 people."),
    ("Militants killed nine soldiers in an ambush in northern Mali on Sunday.\n\n"
    "The army gave its account on Tuesday. Militants attacked a convoy with rockets and "
    "wounded six soldiers."),
    ("Israeli strikes killed 20 people in southern Lebanon on Friday.\n\n"
    "Rescuers were still at work on Saturday. Israeli jets struck a house, killing four people."),
])
def test_an_attack_told_under_another_day_of_its_paragraph_is_another_event(read_text,
                                                                            text) -> None:
    # the second attack names no day of its own; the day its paragraph names is not the
    # first attack's, so it cannot be the first attack
    report = read_text(text)
    assert len(report.events) == 2
    assert report.events[0].time.start != report.events[1].time.start


@pytest.mark.parametrize(("text", "sub_type"), [
    (("Myanmar's military bombed a gathering in a village in Sagaing region on Tuesday, "
     "killing 50 people."), "air_drone_strike"),
    ("Government forces bombed the town of Tawila on Monday, killing 12.", "air_drone_strike"),
    ("The army bombed rebel positions near Kidal on Monday.", "air_drone_strike"),
    # a militant who bombs plants or throws the bomb
    ("Militants bombed a police station in Quetta on Monday.", "remote_explosive_landmine_ied"),
])
def test_a_state_s_forces_bomb_from_the_air(read_text, text, sub_type) -> None:
    assert [e.sub_type for e in read_text(text).events] == [sub_type]


@pytest.mark.parametrize(("text", "target"), [
    (("Russia fired two missiles at the city of Sumy on Monday, officials said. A missile hit "
     "a school in the centre, wounding 12."), "a school"),
    (("Artillery pounded the town of Bakhmut on Monday. Shells struck a hospital there, "
     "killing three."), "a hospital"),
    (("Drones attacked the port city of Odesa on Monday. A drone hit a grain warehouse there, "
     "injuring two workers."), "a grain warehouse"),
])
def test_what_was_hit_outranks_the_place_it_stands_in_as_target(read_text, text,
                                                                target) -> None:
    report = read_text(text)
    assert len(report.events) == 1
    assert report.events[0].target is not None and report.events[0].target.text == target


@pytest.mark.parametrize(("text", "kind"), [
    (("The Kashmir Tigers attacked an army patrol near Kathua on Monday, killing five "
     "soldiers."), "non_state_armed_group"),
    ("Hitmen ambushed police officers near Acapulco on Monday.", "non_state_armed_group"),
    ("Fighters of Jaish-e-Mohammed attacked a checkpoint near Pulwama on Monday.",
     "non_state_armed_group"),
    ("The Russian occupiers shelled a market in Kherson on Monday, killing two.",
     "state_forces"),
])
def test_who_attacked_is_classed_by_the_words_groups_and_forces_go_by(read_text, text,
                                                                       kind) -> None:
    report = read_text(text)
    assert len(report.events) == 1
    assert report.events[0].attacker is not None and report.events[0].attacker.kind == kind


ROUNDUP = (
    "Attacks in the north this week\n\n"
    "Security forces are stretched across three districts, officials say, and more troops "
    "have been sent to the region in recent days to guard roads and markets.\n\n"
    "{head}\n"
    "{body}\n\n"
    "Officials said patrols would continue through the weekend."
)


@pytest.mark.parametrize(("head", "body"), [
    # the head names the district, the paragraph the town in it: one event all the same
    ("March 4 — Rajouri: post attacked near the river",
     ("Two militants fired on a police post in Thanamandi on the evening of March 4, wounding "
     "one constable.")),
    ("March 4 — Kathua: convoy ambushed on the hill road",
     ("Gunmen fired on an army convoy near Billawar on the morning of March 4, killing three "
     "soldiers.")),
    ("March 4 — Poonch: village attacked at dusk",
     ("Attackers threw a grenade into the market of Surankote on the evening of March 4, "
     "wounding five traders.")),
])
def test_a_section_head_titles_the_paragraph_below_and_tells_no_event_of_its_own(
        read_text, head, body) -> None:
    report = read_text(ROUNDUP.format(head=head, body=body))
    assert len(report.events) == 1
    event = report.events[0]
    assert event.time.start == date(2024, 3, 4)
    assert event.attacker is None or "—" not in event.attacker.text


@pytest.mark.parametrize("text", [
    ("A rocket fired from Lebanon struck a football pitch in Majdal Shams on Monday, killing "
    "ten children."),
    "A drone struck a car near Sirte on Monday, killing two men.",
    "A missile slammed into a hospital in Kharkiv on Monday, wounding six people.",
])
def test_a_weapon_is_no_attacker(read_text, text) -> None:
    # the weapon is the event's weapon; who fired it is unsaid (or said elsewhere)
    report = read_text(text)
    assert len(report.events) == 1
    assert report.events[0].attacker is None
    assert report.events[0].weapon != "unknown"


@pytest.mark.parametrize("text", [
    "The tanker was sailing to Jeddah when it was struck by a missile off Aden on Monday.",
    "The convoy was driving to Gao when it was hit by a roadside bomb on Monday.",
    "The patrol was returning to base when it was ambushed near Kupwara on Monday.",
])
def test_what_was_struck_while_it_went_about_its_way_is_no_attacker(read_text, text) -> None:
    report = read_text(text)
    assert len(report.events) == 1
    attacker = report.events[0].attacker
    assert attacker is None or attacker.text.split()[-1] not in ("tanker", "convoy", "patrol")


@pytest.mark.parametrize(("text", "weapon"), [
    ("A mortar round landed near a checkpoint in Quetta on Sunday, police said.", "mortar"),
    ("Tank rounds slammed into a school in Khan Younis on Monday, medics said.", "artillery"),
    ("Mortar shells fell on a market in Goma on Tuesday, residents said.", "mortar"),
])
def test_a_munition_that_lands_is_an_attack_and_no_attacker(read_text, text, weapon) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert event.weapon == weapon and event.attacker is None


@pytest.mark.parametrize("text", [
    "Two rockets landed near a checkpoint in Quetta on Sunday, police said.",
    "Three mortar shells fell outside the gate of the airport in Mogadishu on Monday.",
    "Two drones crashed beside a fuel depot in Belgorod on Friday, the governor said.",
])
def test_munitions_that_land_at_one_site_count_no_attacks(read_text, text) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    assert len(report.events) == 1 and not report.claims, report.claims


@pytest.mark.parametrize("text", [
    "The water tank exploded at a factory in Quetta on Sunday.",
    "He shot a final round of 68 and the win hit the headlines on Sunday.",
    "A round of talks in Doha fell apart on Monday, diplomats said.",
])
def test_rounds_and_tanks_that_are_no_munitions_tell_no_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text).events == ()


# An attack told as the one answered ("to punish X for the raid", "in revenge for a strike",
# "in response to a rocket attack") is another event, with its own figures and day, and
# none of the response's weapon or claimant.
ANSWERED = [
    (("Militants fired rockets at Sderot on Tuesday to punish Israel for the March 3 raid on "
     "their camp in Jenin, which killed four fighters."), "2024-03-05", "2024-03-03", 4),
    (("Israeli jets struck Hezbollah positions near Tyre on Monday in response to a rocket "
     "attack on Metula that wounded two soldiers."), "2024-03-04", "2024-03-04", 2),
    (("The group said its fighters attacked an army convoy near Gao on Monday in revenge for "
     "an air strike near Timbuktu that killed two of its commanders on Friday."), "2024-03-04", "2024-03-01", 2),
]


@pytest.mark.parametrize(("text", "response_day", "answered_day", "figure"), ANSWERED)
def test_the_attack_answered_is_another_event_with_its_own_figures(
        read_text, text, response_day, answered_day, figure) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text).events
    assert len(events) == 2, events
    response = next(e for e in events if not e.killed and not e.injured)
    answered = next(e for e in events if e is not response)
    assert str(response.time.start) == response_day
    assert not response.killed and not response.injured
    assert str(answered.time.start) == answered_day
    assert [c.best for c in answered.killed + answered.injured] == [figure]
    assert answered.weapon != response.weapon or answered.weapon == "unknown"


@pytest.mark.parametrize(("text", "killed"), [
    (("An air strike on a house in Idlib on Monday killed five fighters, two of them "
     "commanders: Abu Omar and his aide."), 5),
    (("A roadside bomb in Kandahar on Monday killed four soldiers: a captain, two sergeants "
     "and a private."), 4),
    ("Gunmen killed three villagers, among them a farmer and his son, near Bunia on Monday.", 3),
    ("A drone strike killed two soldiers and a medic near Kupiansk on Monday.", 3),
])
def test_people_named_after_a_counted_group_are_who_they_were_not_more(read_text, text,
                                                                         killed) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert [c.best for c in event.killed] == [killed]


@pytest.mark.parametrize("text", [
    "A drone fired two missiles at a car near Marib on Sunday, killing three men, officials said.",
    "An Israeli drone launched a missile at a motorbike in Bint Jbeil on Tuesday, medics said.",
    "Witnesses said a drone dropped a bomb on a checkpoint near Kherson on Friday.",
])
def test_a_drone_that_fires_makes_the_strike_a_drone_strike(read_text, text) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert event.weapon == "drone" and event.sub_type == "air_drone_strike"


@pytest.mark.parametrize(("text", "figure"), [
    (("Israeli jets bombed a Hamas post in Rafah on Friday, the army's answer to a rocket that "
      "wounded two soldiers in Sderot on Thursday."), 2),
    (("A drone hit a depot near Belgorod overnight, Kyiv's answer to the missile that killed "
      "seven people in Kharkiv last week, officials said."), 7),
    (("Hezbollah fired rockets at Kiryat Shmona on Monday, its answer to a strike that killed "
      "four of its fighters near Nabatieh."), 4),
])
def test_the_figures_of_the_attack_answered_are_not_the_response_s(read_text, text, figure) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text).events
    response = events[0]
    assert all(c.best != figure for c in response.killed + response.injured), response


@pytest.mark.parametrize(("text", "day"), [
    (("Drones hit Kursk on Tuesday. He was behind Saturday's strike on Belgorod, where a "
      "missile landed on a market and killed nine people."), "2024-03-02"),
    (("A car bomb hit Mogadishu on Tuesday. The group also claimed Friday's attack on Baidoa, "
      "where a mortar round landed on a school and killed two pupils."), "2024-03-01"),
    (("Rockets hit Sderot on Tuesday. Officials recalled Sunday's raid on Jenin, where a "
      "missile struck a house and killed four people."), "2024-03-03"),
])
def test_an_attack_told_inside_another_s_phrase_takes_its_day(read_text, text, day) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text).events
    dated = [e for e in events if any(c.best for c in e.killed)]
    assert dated and all(str(e.time.start) == day for e in dated), events


@pytest.mark.parametrize(("text", "day"), [
    ("The group claimed Friday's attack on a police post in Baidoa, which killed two officers.",
     "2024-03-01"),
    ("Officials said Sunday's bombing of a market in Mogadishu killed five people.", "2024-03-03"),
    ("The army denied Monday's shelling of a school in Donetsk, which killed a teacher.",
     "2024-03-04"),
])
def test_a_day_on_the_attack_s_own_phrase_dates_it_under_a_reporting_verb(read_text, text,
                                                                          day) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert str(event.time.start) == day


@pytest.mark.parametrize("text", [
    "A man was shot dead when he answered a knock at his door in Belfast on Monday, police said.",
    "Gunmen shot a guard who answered the gate at a farm near Jos on Friday, residents said.",
    "Israeli fire wounded a medic as she answered a call for help in Khan Younis on Sunday.",
])
def test_answering_a_door_or_a_call_is_no_response(read_text, text) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert not event.responds_to


@pytest.mark.parametrize(("text", "field", "figure"), [
    ("A sniper wounded a medic in Kharkiv on Tuesday, the regional governor said.", "injured", 1),
    ("Soldiers wounded two farmers near Jenin on Wednesday, the health ministry said.",
     "injured", 2),
    ("A sniper killed a teenager in Gaza City on Thursday, relatives said.", "killed", 1),
    ("Gunmen injured three traders at a market in Maiduguri on Saturday, police said.",
     "injured", 3),
])
def test_a_harm_done_by_an_armed_subject_is_an_attack(read_text, text, field, figure) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert event.attacker is not None
    assert [c.best for c in getattr(event, field)] == [figure]


@pytest.mark.parametrize("text", [
    "The coach hurt his knee in training on Monday and will miss the final.",
    "The new tax hurt farmers across the region, officials said on Monday.",
    "A fall on the ice injured two pensioners in Leeds on Tuesday, the council said.",
])
def test_a_harm_without_an_armed_subject_is_no_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert not read_text(text).events


@pytest.mark.parametrize(("text", "killed"), [
    ("Gunmen shot three protesters dead in Khartoum on Monday, witnesses said.", 3),
    ("Police shot dead two suspects in Lagos on Monday, a spokesman said.", 2),
    ("Snipers shot dead four mourners at a funeral in Homs on Friday.", 4),
])
def test_shot_dead_is_a_killing_whoever_the_dead(read_text, text, killed) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert [c.best for c in event.killed] == [killed]


@pytest.mark.parametrize(("text", "attacker"), [
    (("Militants attacked an army post near Menaka on Sunday. Twenty soldiers and a civilian "
      "were killed, and nine soldiers wounded, the army said."), "Militants"),
    ("Twelve soldiers were killed and eight wounded when gunmen stormed a base near Diffa.",
     "gunmen"),
    ("Rebels shelled Goma on Friday; four soldiers died and six were wounded, officials said.",
     "Rebels"),
])
def test_the_wounded_of_an_elided_passive_are_no_attackers(read_text, text, attacker) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text).events
    assert [e.attacker.text for e in events if e.attacker] == [attacker]


@pytest.mark.parametrize("text", [
    "Two troops were killed and three officers wounded in the raid on Tuesday.",
    "Four soldiers were killed and two medics hurt in an ambush near Gao.",
    "Six policemen were shot dead and a driver injured in the attack on the convoy.",
])
def test_the_named_wounded_of_an_elided_passive_are_no_attackers(read_text, text) -> None:  # type: ignore[no-untyped-def]
    # "three officers wounded" joined to "were killed" is passive: the officers were hurt
    (event,) = read_text(text).events
    assert event.attacker is None and event.injured


@pytest.mark.parametrize(("text", "attacker"), [
    ("Militants killed two troops and wounded three officers in the raid.", "Militants"),
    ("Gunmen stormed the village and wounded five farmers in the assault.", "Gunmen"),
])
def test_an_active_harm_joined_to_an_attack_keeps_its_attacker(read_text, text, attacker) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert event.attacker is not None and event.attacker.text == attacker


@pytest.mark.parametrize(("text", "target"), [
    ("Police shot dead two suspects in Lagos on Monday.", "two suspects"),
    ("Snipers shot dead four mourners at a funeral in Homs.", "four mourners"),
    ("Soldiers shot dead the gunmen near the border.", "the gunmen"),
    ("Rebels attacked the wounded soldiers in a clinic.", "the wounded soldiers"),
])
def test_the_verbs_adjective_is_not_part_of_the_target(read_text, text, target) -> None:  # type: ignore[no-untyped-def]
    # the parse hangs "dead" of "shot dead" on the noun; before a number or a determiner
    # it cannot be the noun's ("dead two suspects"), after one it is ("the wounded soldiers")
    (event,) = read_text(text).events
    assert event.target is not None and event.target.text == target


@pytest.mark.parametrize(("text", "place"), [
    (("Attacks in Jammu this month\n\nJune 11 — Kathua: village attacked\nTwo militants opened "
     "fire on villagers, wounding one man.\n"), "Kathua"),
    (("Sudan: live updates\n\n11:05 El Fasher\nA drone struck a hospital on Sunday, wounding "
     "six patients.\n"), "El Fasher"),
    (("Ukraine round-up\n\nKherson region\nMortar fire hit a market on Thursday.\n\nA drone "
     "dropped a grenade on a bus on Friday, wounding two passengers.\n"), "Khersonska oblast"),
])
def test_an_event_without_a_place_takes_its_sections_heading(read_text, text, place) -> None:  # type: ignore[no-untyped-def]
    # roundups and live blogs name the place once, in the heading of the section
    events = read_text(text).events
    assert events and all(e.location is not None and e.location.name == place for e in events)


def test_a_heading_places_only_its_own_section(read_text) -> None:  # type: ignore[no-untyped-def]
    # the next heading names no place: its event is not put under the one before
    text = ("Sudan: live updates\n\n11:05 El Fasher\nA drone struck a hospital on Sunday, "
            "wounding six patients.\n\n11:40 Army statement\nGunmen fired on a convoy on "
            "Monday, wounding two guards.\n")
    by_type = {e.sub_type: e for e in read_text(text).events}
    assert by_type["air_drone_strike"].location.name == "El Fasher"
    convoy = by_type["armed_clash"].location
    assert convoy is None or convoy.precision == "country"


@pytest.mark.parametrize(("text", "days"), [
    (("Weekly security roundup\n\nFeb. 11 — Kathua\nGunmen opened fire on a bus carrying "
      "pilgrims, killing nine people, police said.\n\nFeb. 12 — Doda\nMilitants attacked a "
      "security post, wounding two soldiers.\n"), ["2024-02-11", "2024-02-12"]),
    (("Sudan: the week in attacks\n\nMonday, 26 February\nA drone struck a market, killing "
      "12 civilians.\n\nWednesday, 28 February\nShelling hit a hospital, wounding five "
      "staff.\n"), ["2024-02-26", "2024-02-28"]),
    (("Attacks in the north\n\nTuesday 20 February\n\nArmed men stormed a police station, "
      "killing three officers.\n\nThursday 22 February\n\nA car bomb exploded outside a "
      "mosque, wounding 14 worshippers.\n"), ["2024-02-20", "2024-02-22"]),
])
def test_dated_headings_date_their_sections(read_text, text, days) -> None:  # type: ignore[no-untyped-def]
    # a roundup dates each section once, in its heading: the section's attacks are told
    # without a day, each on the heading's day, and two sections are two events
    events = read_text(text).events
    assert sorted(str(e.time.start) for e in events) == days


def test_a_bare_weekday_heading_takes_its_sections_date_or_follows_the_one_before(read_text) -> None:  # type: ignore[no-untyped-def]
    # published on a Wednesday: "Wednesday" alone would be the day of publication; the
    # first section names its Tuesday, so the next section's Wednesday is the day after
    text = ("Analysis: a week of blasts\n\nTuesday: the depot\n\nAt about 3 p.m. on "
            "February 20, rockets hit a fuel depot in the south. Officials said four "
            "workers were killed.\n\nWednesday: the market\n\nThe next morning a car "
            "bomb exploded at a market, wounding 30 shoppers.\n")
    events = read_text(text, published="2024-03-06").events
    assert sorted(str(e.time.start) for e in events) == ["2024-02-20", "2024-02-21"]


@pytest.mark.parametrize(("text", "days"), [
    # the page's date line under the title is the day of publication, no section's
    (("Army posts attacked\nWednesday 6 March 2024\n\nRebels attacked a post.\n\n"
     "Monday 4 March\nA mortar hit a camp.\n\nTuesday 5 March\nA drone hit a road.\n"),
     ["2024-03-04", "2024-03-05"]),
    # a timeline is a list, not headings: its days head no section
    (("Toll rises\n\nHow the count grew\nMonday: 6 dead\nTuesday: 11 dead\n\nThe strike\n"
     "A drone hit the depot.\n\nFriday 1 March\nA mortar hit a camp.\n"), []),
    # one dated heading is not a roundup's structure
    ("Attacks\n\nFriday 1 March\nA mortar hit a camp.\n\nLater\nA drone hit a road.\n", []),
])
def test_which_date_lines_head_sections(resources, text, days) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from warlog.extract.timing import _section_days
    found = _section_days(resources.nlp(text), published=date(2024, 3, 6))
    assert [str(day.start) for _, day in found] == days


def test_figures_of_a_town_named_only_by_the_speaker_stay_with_the_latest_event(read_text) -> None:  # type: ignore[no-untyped-def]
    text = ("A drone struck a fuel depot in Kherson on Monday, setting it ablaze.\n\nFour "
            "workers were killed, officials in Kyiv said.\n")
    (event,) = read_text(text).events
    assert event.location.name == "Kherson" and [c.high for c in event.killed] == [4]


@pytest.mark.parametrize(("text", "target_word"), [
    ("Armed assailants penetrated the enclosure of a police academy in Kano on Monday.",
     "academy"),
    ("Gunmen burst into a church in Owo on Monday, witnesses said.", "church"),
    ("Militants broke into the compound of a hospital near Goma early on Monday.", "hospital"),
    ("Jihadists overran an army post in Menaka on Monday, a local official said.", "post"),
])
def test_armed_men_forcing_their_way_in_attack(read_text, text, target_word) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    assert len(report.events) == 1
    event = report.events[0]
    assert event.time.start == date(2024, 3, 4)
    assert event.attacker is not None and event.attacker.kind == "non_state_armed_group"
    assert target_word in event.target.text


@pytest.mark.parametrize("text", [
    "The company penetrated the Asian market in Tokyo on Monday.",
    "Thieves broke into a shop in Lagos on Monday.",
    "She burst into tears in Kyiv on Monday.",
])
def test_forcing_a_way_in_without_arms_is_no_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text).events == ()


@pytest.mark.parametrize(("text", "main_day", "main_town", "recalled_day", "recalled_town",
                          "recalled_killed"), [
    (("Gunmen attacked an army post in Menaka on Monday. The raid came two months after the "
      "bombing of a market in Gao, in northern Mali, where militants killed 30 people on 3 "
      "January."), date(2024, 3, 4), "Ménaka", date(2024, 1, 3), "Gao", 30),
    (("Militants attacked the airport in Bamako on Monday. It came barely one month after the "
      "massacre of Barsalogho, in neighbouring Burkina Faso, where the group killed on 24 "
      "January at least 200 people."), date(2024, 3, 4), "Bamako", date(2024, 1, 24), None, 200),
    (("Militants ambushed a convoy near Gao on Monday, killing five soldiers. The ambush took "
      "place a year after the attack on Tessit, in which the group killed 42 soldiers on 7 "
      "August."), date(2024, 3, 4), "Gao", date(2023, 8, 7), None, 42),
])
def test_an_attack_recalled_months_before_is_its_own_event(  # type: ignore[no-untyped-def]
        read_text, text, main_day, main_town, recalled_day, recalled_town, recalled_killed) -> None:
    # "a month after the massacre in X, where gunmen killed N on D": the phrase tells an
    # earlier attack, with its own day, place and dead; the main one keeps its own
    events = sorted(read_text(text).events, key=lambda e: e.time.start, reverse=True)
    assert len(events) == 2
    main, recalled = events
    assert main.time.start == main_day and main.location.name == main_town
    assert recalled.time.start == recalled_day
    if recalled_town is not None:
        assert recalled.location.name == recalled_town
    assert [k.low for k in recalled.killed] == [recalled_killed]
    assert all(k.low != recalled_killed for k in main.killed)


@pytest.mark.parametrize("text", [
    ("Three days after the attacks which struck a police academy in Kano on Monday, the toll "
     "does not stop rising."),
    "Two days after the bombing of the market in Kano on Monday, police have not made any arrest.",
    "A day after the raid on a village near Kaya on Monday, the army has not commented.",
])
def test_an_attack_dated_before_a_negated_clause_is_told(read_text, text) -> None:  # type: ignore[no-untyped-def]
    # "after the attacks, the toll does not stop rising": the negation is the later
    # clause's, not the attack's
    events = read_text(text).events
    assert len(events) == 1
    assert events[0].time.start == date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    "A woman detonated her explosives at a checkpoint in Konduga on Monday, killing four soldiers.",
    "The attacker set off his explosive vest at the gate of the base in Mogadishu on Monday.",
    "A man detonated an explosive belt in a mosque in Peshawar on Monday, killing 12.",
])
def test_a_charge_carried_on_the_body_is_a_suicide_bombing(read_text, text) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text).events
    assert [e.sub_type for e in events] == ["suicide_bomb"]
    assert events[0].target is None or "vest" not in events[0].target.text


@pytest.mark.parametrize(("text", "sub_types"), [
    ("Militants detonated a bomb on a road near Gao on Monday, killing two soldiers.",
     ["remote_explosive_landmine_ied"]),
    ("Militants set off a bomb on a road near Gao on Monday, killing two soldiers.",
     ["remote_explosive_landmine_ied"]),
    ("The decision set off a chain of protests in Gao on Monday.", []),
    ("The army convoy set off for the border from Gao on Monday.", []),
])
def test_setting_off_a_charge_is_an_attack_and_only_that(read_text, text, sub_types) -> None:  # type: ignore[no-untyped-def]
    assert [e.sub_type for e in read_text(text).events] == sub_types


@pytest.mark.parametrize(("text", "day"), [
    (("Gunmen attacked a police academy in Kano. Officials said 12 people were killed and 30 "
     "wounded on Monday."), date(2024, 3, 4)),
    (("Militants stormed an army camp near Gao, a security source said. According to the "
     "army, 14 soldiers died on Sunday 3 March."), date(2024, 3, 3)),
    (("Fighters raided a village outside Bunia, residents said. Nine villagers lost their "
     "lives and four others were wounded on Monday, a local official said."), date(2024, 3, 4)),
    # an event's own day stays: the figures' day only dates one that has none
    (("Gunmen attacked a police academy in Kano on Tuesday. Officials said 12 people were "
     "killed and 30 wounded on Monday."), date(2024, 3, 5)),
])
def test_the_day_of_a_later_sentences_figures_dates_an_undated_attack(  # type: ignore[no-untyped-def]
        read_text, text, day) -> None:
    events = read_text(text).events
    assert len(events) == 1
    assert events[0].time.start == day
    assert events[0].killed


@pytest.mark.parametrize(("text", "second_town"), [
    (("Russian forces struck Kramatorsk in Ukraine with two missiles on Monday evening. One "
      "missile hit a pizzeria in the centre, killing 12. The second missile fell in the "
      "village of Bilenke on the outskirts of the city, where five people were wounded."),
     "Bilenke"),
    (("Russian forces fired two rockets at Kharkiv in Ukraine on Monday. One rocket hit a "
      "school, killing two. The second rocket landed in the village of Tsyrkuny just north "
      "of the city, wounding three people."), "Tsyrkuny"),
    (("Russian forces fired two missiles at Odesa in Ukraine on Monday. One missile hit a "
      "port warehouse, killing one. The second missile struck the village of Usatove on the "
      "edge of the city, wounding two people."), "Usatove"),
])
def test_the_next_weapon_of_a_salvo_is_another_impact_by_the_same_side(  # type: ignore[no-untyped-def]
        read_text, text, second_town) -> None:
    # "the second missile" is one more weapon of the salvo, not a tally ("the 66th
    # attack"); at a village on the city's edge it takes the attacker the city's strike names
    events = read_text(text).events
    assert len(events) == 2
    other = next(e for e in events if e.location is not None and e.location.name == second_town)
    assert other.attacker is not None and other.attacker.kind == "state_forces"
    assert [i.low for i in other.injured] in ([5], [3], [2])


def test_an_attacker_is_not_lent_to_a_strike_on_a_distant_city(read_text) -> None:  # type: ignore[no-untyped-def]
    report = read_text("Russian forces struck Kramatorsk in Ukraine with two missiles on Monday "
                       "evening. One missile hit a pizzeria, killing 12. Another missile fell in "
                       "Zaporizhzhia, wounding five people.")
    far = [e for e in report.events if e.location is not None and e.location.name != "Kramatorsk"]
    assert len(far) == 1 and far[0].attacker is None


@pytest.mark.parametrize("text", [
    "Hand-held radios exploded at funerals in Beirut on Monday, killing 14 people.",
    "A bomb went off in a crowded market in Maiduguri on Monday, killing five people.",
    "A booby-trapped motorbike blew up outside a police station in Quetta on Monday, killing three policemen.",
])
def test_what_explodes_of_itself_is_a_bombing_and_not_the_attacker(read_text, text) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text).events
    assert [e.sub_type for e in events] == ["remote_explosive_landmine_ied"]
    assert events[0].attacker is None
    assert events[0].time.start == date(2024, 3, 4)


@pytest.mark.parametrize("text", [
    "Ammunition stored in the basement of a house in Gao blew up on Monday, witnesses said.",
    "Shells kept in a warehouse near Kherson went off for hours on Monday after a fire.",
    "Artillery shells that were stored in a depot near Goma exploded on Monday, residents said.",
])
def test_stores_going_off_are_no_attack_of_their_own(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text).events == ()


def test_stores_going_off_after_a_strike_leave_the_strike_alone(read_text) -> None:  # type: ignore[no-untyped-def]
    report = read_text("A military jet bombed a village near Kanbalu in Myanmar on Monday, killing "
                       "50 people. A spokesman said explosives stored at the site had blown up.")
    assert [e.sub_type for e in report.events] == ["air_drone_strike"]


@pytest.mark.parametrize(("text", "weapon"), [
    (("Militants attacked a checkpoint near Gao on Monday, killing two soldiers, and troops "
     "later found a truck packed with explosives nearby."), "unknown"),
    (("Gunmen attacked a police post in Kano on Monday, killing three officers, and police "
     "seized two grenades from the attackers."), "small_arms"),
    (("Gunmen stormed a hotel in Mogadishu on Monday, and a suspect was caught trying to drive "
     "away in a car loaded with explosives."), "small_arms"),
    ("A car bomb exploded at a checkpoint in Mogadishu on Monday, killing four.", "ied"),
])
def test_a_weapon_found_or_driven_away_is_not_the_attacks(read_text, text, weapon) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text).events
    assert len(events) == 1
    assert events[0].weapon == weapon


@pytest.mark.parametrize("places", [
    ("Kathua", "Doda"), ("Gao", "Menaka"), ("Bunia", "Beni"),
])
def test_an_attack_told_under_another_dated_heading_is_another_attack(read_text, places) -> None:  # type: ignore[no-untyped-def]
    # a roundup under dated headings: the second section's attack, told anew on the same
    # day, does not merge with the first section's, whose place it does not restate
    first, second = places
    text = (f"Attacks of the week\n\nMarch 4 — {first}: village attacked\n\nTwo militants "
            f"entered a village on the evening of March 4 and opened fire, wounding one man.\n\n"
            f"March 4 — {second}: checkpoint fired on\n\nLate on the same day, militants fired "
            f"on a checkpoint and threw a grenade at it. Five soldiers were injured.\n\n"
            f"March 5 — {second}: patrol ambushed\n\nOn March 5 militants ambushed a patrol, "
            f"killing two soldiers.\n")
    events = read_text(text).events
    assert len(events) == 3
    injured = sorted(sum((i.low or 0) for i in e.injured) for e in events)
    assert injured == [0, 1, 5]


@pytest.mark.parametrize(("text", "attacker"), [
    (("Israel and its allies brought down almost all of the drones and missiles that Iran "
      "launched at the country overnight, blunting the first attack ever mounted on Israel."),
     "Iran"),
    (("Air defences shot down most of the 40 drones that Russia launched at Kyiv on Monday, "
      "ending an attack that lasted six hours."), "Russia"),
    (("Navy ships destroyed the missiles that the Houthis fired at the vessel on Monday, in "
      "the third attack on shipping this week."), "Houthis"),
])
def test_who_launched_the_weapons_downed_is_the_attacker(read_text, text, attacker) -> None:  # type: ignore[no-untyped-def]
    # the defender who brought them down is not the attacker; the side the sentence says
    # launched the weapons is
    events = read_text(text).events
    assert len(events) == 1
    assert events[0].attacker is not None and attacker in events[0].attacker.text


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("On the same day, the enemy killed two residents in Kurakhove, the governor added.", 2, 0),
    ("The enemy wounded a 60-year-old woman in Nikopol overnight, the regional head said.", 0, 1),
    ("Overnight the enemy killed a man in the village of Bilozerka, the prosecutor said.", 1, 0),
])
def test_the_enemy_that_harms_people_is_an_attacker(read_text, text, killed, injured) -> None:  # type: ignore[no-untyped-def]
    # a side's own statements call the other side "the enemy": harming people, it attacked
    events = read_text(text).events
    assert len(events) == 1
    event = events[0]
    assert event.attacker is not None and "enemy" in event.attacker.text.lower()
    assert sum(k.low or 0 for k in event.killed) == killed
    assert sum(i.low or 0 for i in event.injured) == injured


@pytest.mark.parametrize("text", [
    "The minister said the enemies of progress had killed the reform.",
    "Critics said the enemy had killed the deal within a week.",
    "Our worst enemy wounded our pride in the final, the coach said.",
])
def test_an_enemy_that_harms_no_one_is_no_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert not read_text(text).events


@pytest.mark.parametrize(("text", "town", "killed", "injured"), [
    ("Six soldiers were killed near Gao on Tuesday, the army said.", "Gao", 6, 0),
    (("Two civilians were killed and four wounded in Kherson on Tuesday, the regional governor "
      "said."), "Kherson", 2, 4),
    ("Four policemen were wounded near Dera Ismail Khan late on Sunday, officials said.",
     "Dera Ismail Khan", 0, 4),
])
def test_a_toll_told_alone_at_a_place_is_an_attack(read_text, text, town, killed, injured) -> None:  # type: ignore[no-untyped-def]
    # people counted as killed or wounded at a named place, no cause told and no attack
    # before them in the paragraph: an attack no word names the kind of
    events = read_text(text).events
    assert len(events) == 1
    event = events[0]
    assert event.location is not None and event.location.name == town
    assert sum(k.low or 0 for k in event.killed) == killed
    assert sum(i.low or 0 for i in event.injured) == injured


@pytest.mark.parametrize("text", [
    "Three soldiers were killed by a falling tree near Gao on Monday, the army said.",
    "Two soldiers were killed in a crash near Kherson on Monday, the army said.",
    "Five soldiers were killed in Gao on Monday when their truck overturned, the army said.",
])
def test_a_toll_with_its_cause_told_is_no_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert not read_text(text).events


def test_a_toll_after_an_attack_in_its_paragraph_is_that_attack_s(read_text) -> None:  # type: ignore[no-untyped-def]
    text = ("Militants attacked an army post near Gao on Monday. Six soldiers were killed in Gao "
            "and two were wounded, the army said.")
    events = read_text(text).events
    assert len(events) == 1
    assert [k.low for k in events[0].killed] == [6]


@pytest.mark.parametrize(("text", "day", "told"), [
    (("Gunmen stormed a hotel in Mogadishu, Somalia, on Friday night, killing nine guests.\n\n"
      "Police told a news conference on Sunday that the siege lasted hours. The attackers then "
      "set fire to the hotel."), date(2024, 8, 2), date(2024, 8, 4)),
    (("Militants attacked an army base near Gao, Mali, on Saturday, killing six soldiers.\n\n"
      "The army said on Monday that the assault began before dawn. They then shelled the base "
      "with mortars."), date(2024, 8, 3), date(2024, 8, 5)),
    (("A suicide bomber struck a market in Maiduguri, Nigeria, on Thursday, killing 12 people."
      "\n\nPolice told reporters on Saturday that the bomber was a teenager. Gunmen then fired "
      "on people fleeing the market."), date(2024, 8, 1), date(2024, 8, 3)),
])
def test_the_day_of_a_statement_dates_no_attack_told_after_it(  # type: ignore[no-untyped-def]
        read_text, text, day, told) -> None:
    # "police told a news conference on Sunday that…": Sunday is when it was told; what the
    # attackers "then" did goes on with the attack, on its day
    events = read_text(text, "2024-08-06").events
    assert events and all(e.time.start == day for e in events)
    assert not any(e.time.start == told for e in events)


@pytest.mark.parametrize("text", [
    ("Gunmen stormed a hotel in Mogadishu, Somalia, on Friday night, killing nine guests. The "
     "attackers then set fire to the hotel."),
    ("Gunmen attacked a market in Gusau, Nigeria, on Monday, killing three traders. The "
     "attackers then set fire to the stalls."),
    ("Bandits raided a village near Gusau, Nigeria, on Monday, killing four farmers. The "
     "bandits then torched the granary."),
])
def test_what_the_attackers_then_did_is_the_same_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert len(read_text(text, "2024-08-06").events) == 1


@pytest.mark.parametrize(("text", "town", "killed", "injured"), [
    (("Russian missiles struck Kharkiv, Ukraine, on Monday, killing two people. Hours later "
      "drones hit Odesa, damaging the port.\n\nBy evening 14 people had been injured in Kharkiv, "
      "the governor said."), "Kharkiv", 2, 14),
    (("Gunmen attacked a village near Gusau, Nigeria, on Sunday. Bandits also raided a school "
      "in Kaduna.\n\nEleven villagers died in Gusau, police said."), "Gusau", 11, 0),
    (("Gunmen stormed a hotel in Mogadishu, Somalia, on Friday. A bomb also went off at a "
      "checkpoint in Baidoa.\n\nNine guests died in Mogadishu, police said."), "Mogadishu", 9, 0),
])
def test_figures_told_at_a_town_join_the_attack_there(  # type: ignore[no-untyped-def]
        read_text, text, town, killed, injured) -> None:
    # a follow-up toll that names its town joins the attack told there, not the latest one
    events = {e.location.name: e for e in read_text(text, "2024-03-06").events if e.location}
    assert sum(k.low or 0 for k in events[town].killed) == killed
    assert sum(i.low or 0 for i in events[town].injured) == injured
    others = [e for name, e in events.items() if name != town]
    assert others and all(not e.killed and not e.injured for e in others)


@pytest.mark.parametrize(("text", "named"), [
    (("Gunmen stormed a village in Plateau state on Sunday night, killing 30 residents. Police "
     "blamed Fulani herders for the massacre."), "Fulani"),
    (("Armed men attacked a convoy near Gao on Monday, killing four soldiers. The army blamed "
     "the Islamic State Sahel Province for the ambush."), "Islamic State"),
    (("Unidentified assailants shot dead two traders in Maiduguri on Friday. Officials blamed "
     "Boko Haram for the killing."), "Boko Haram"),
])
def test_a_re_mention_that_names_the_gunmen_is_their_attack(read_text, text: str,  # type: ignore[no-untyped-def]
                                                            named: str) -> None:
    (event,) = read_text(text).events
    assert event.attacker is not None and named in event.attacker.text


def test_a_side_that_fires_back_does_not_rename_the_attackers(read_text) -> None:  # type: ignore[no-untyped-def]
    report = read_text("Gunmen attacked a police station in Quetta on Friday. Police returned "
                       "fire, killing two attackers.")
    assert [e.attacker.text if e.attacker else None for e in report.events] == ["Gunmen"]
