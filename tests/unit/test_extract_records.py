"""Readings of advisories, incident logs and ship reports, each rule tried on three
phrasings written for this file (published Fri 2024-06-14 unless given)."""

from __future__ import annotations

from datetime import date

import pytest

PUBLISHED = "2024-06-14"


@pytest.mark.parametrize("text", [
    "The tanker was hit by an unknown projectile near Mokha in Yemen on Tuesday, the master said.",
    "A bulk carrier was struck by two projectiles near Aden in Yemen on Tuesday.",
    "An unidentified munition struck the stern of a freighter near Aden in Yemen on Tuesday.",
])
def test_a_munition_of_no_named_kind_is_an_attack_from_afar(read_text, text) -> None:  # type: ignore[no-untyped-def]
    # the munition is the weapon, not who attacked; its kind is unknown, its coding remote
    report = read_text(text, PUBLISHED)
    assert len(report.events) == 1
    event = report.events[0]
    assert event.sub_type == "shelling_artillery_missile_attack"
    assert event.weapon == "unknown"
    assert event.attacker is None
    assert event.time.start == date(2024, 6, 11)


@pytest.mark.parametrize("text", [
    "A fan was hit by a projectile thrown from the stands during the derby on Sunday.",
    "The referee was struck by a projectile as fans invaded the pitch after the final whistle.",
    "Police said a projectile thrown by a fan hit the team bus outside the stadium on Sunday.",
])
def test_a_projectile_at_a_match_is_no_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, PUBLISHED).events == ()


@pytest.mark.parametrize(("text", "lat", "lon"), [
    ("A ship was attacked by a drone off Mokha on Monday, Yemen's coast guard said.", 13.32, 43.25),
    ("A tanker was hit by a missile off Hodeidah in Yemen on Monday.", 14.8, 42.95),
    ("Gunboats fired rockets at a trawler off Berbera in Somalia on Monday.", 10.44, 45.01),
])
def test_off_a_port_is_where_a_ship_was_attacked(read_text, text, lat, lon) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text, PUBLISHED)
    place = report.events[0].location
    assert place is not None and place.lat is not None and place.lon is not None
    assert abs(place.lat - lat) < 0.3 and abs(place.lon - lon) < 0.3


RECORDS = [
    ("1. OCEAN STAR, tanker\n\n"
     "- When: Tuesday 11 June.\n"
     "- Where: about 40 nautical miles west of Hodeidah, Yemen.\n"
     "- What: A missile struck the ship and started a fire.\n\n"
     "2. SEA HAWK, bulk carrier\n\n"
     "- When: Wednesday 12 June.\n"
     "- Where: about 30 nautical miles east of Aden, Yemen.\n"
     "- What: The vessel was hit by a drone on its bridge.\n"),
    ("Incident 1\n\n"
     "Date: Tuesday 11 June.\n"
     "Location: some 40 nautical miles west of Hodeidah, Yemen.\n"
     "Details: A missile struck the tanker on the port bow.\n\n"
     "Incident 2\n\n"
     "Date: Wednesday 12 June.\n"
     "Location: some 30 nautical miles east of Aden, Yemen.\n"
     "Details: A drone struck the accommodation block of the freighter.\n"),
    ("Log of the week\n\n"
     "* Tuesday 11 June. Position: 40 nm west of Hodeidah, Yemen. A merchant vessel was "
     "struck by a missile and caught fire.\n\n"
     "* Wednesday 12 June. Position: 30 nm east of Aden, Yemen. A drone hit a freighter "
     "near its bridge.\n"),
]


@pytest.mark.parametrize("text", RECORDS)
def test_a_records_where_line_places_its_event(read_text, text) -> None:  # type: ignore[no-untyped-def]
    # each record's event takes the position on its own "Where:" line (with the offset
    # from the port), not the country the lines name, nor the other record's position
    report = read_text(text, PUBLISHED)
    by_day = {e.time.start: e for e in report.events}
    assert set(by_day) == {date(2024, 6, 11), date(2024, 6, 12)}
    west = by_day[date(2024, 6, 11)].location
    east = by_day[date(2024, 6, 12)].location
    assert west is not None and west.lon is not None and west.lat is not None
    assert east is not None and east.lon is not None and east.lat is not None
    assert 42.0 < west.lon < 42.4 and abs(west.lat - 14.8) < 0.2   # west of Hodeidah (42.95 E)
    assert 45.3 < east.lon < 45.7 and abs(east.lat - 12.78) < 0.2  # east of Aden (45.04 E)


@pytest.mark.parametrize("text", [
    "The captain reported being hit by a missile near Aden in Yemen on Tuesday.",
    "The patrol commander said his unit was ambushed by militants near Gao in Mali on Tuesday.",
    "Residents of the village described being shelled by artillery near Kupiansk in Ukraine on Tuesday.",
])
def test_who_reports_being_attacked_is_not_the_attacker(read_text, text) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text, PUBLISHED)
    assert len(report.events) == 1
    attacker = report.events[0].attacker
    assert attacker is None or not any(w in attacker.text.lower()
                                       for w in ("captain", "commander", "residents"))


@pytest.mark.parametrize("text", [
    "Two guards were shot by gunmen at the mine near Kidal in Mali on Tuesday.",
    "Gunmen killed four workers outside the mine near Kidal in Mali on Tuesday.",
    "Attackers opened fire on miners inside the mine near Kidal in Mali on Tuesday, killing three.",
])
def test_a_mine_where_people_work_is_no_landmine(read_text, text) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text, PUBLISHED)
    assert len(report.events) == 1
    assert report.events[0].weapon != "ied"
    assert report.events[0].sub_type != "remote_explosive_landmine_ied"


@pytest.mark.parametrize(("follow_up", "field"), [
    ("One civilian mariner was seriously wounded.", "injured"),
    ("A seafarer died in hospital on Friday.", "killed"),
    ("One deckhand was badly hurt.", "injured"),
])
def test_one_person_hurt_is_counted_whatever_their_trade(read_text, follow_up, field) -> None:  # type: ignore[no-untyped-def]
    report = read_text("Two missiles struck a freighter near Aden in Yemen on Thursday and "
                       "started a fire. " + follow_up, PUBLISHED)
    assert len(report.events) == 1
    counts = getattr(report.events[0], field)
    assert [c.best for c in counts] == [1]


@pytest.mark.parametrize("follow_up", [
    "One deal was killed.",
    "A plan to evacuate the crew was hurt by the weather.",
    "One proposal died in committee.",
])
def test_a_thing_killed_in_a_figure_of_speech_is_no_casualty(read_text, follow_up) -> None:  # type: ignore[no-untyped-def]
    report = read_text("Two missiles struck a freighter near Aden in Yemen on Thursday and "
                       "started a fire. " + follow_up, PUBLISHED)
    assert all(not e.killed and not e.injured for e in report.events)


@pytest.mark.parametrize(("follow_up", "field", "best"), [
    ("The hospital has received 55 wounded, more than 40 of them in grave condition.", "injured", 55),
    ("Doctors at the district clinic treated 40 injured through the night.", "injured", 40),
    ("Rescuers pulled out 9 dead from the rubble of the market.", "killed", 9),
])
def test_a_figure_received_or_treated_counts_the_casualties_after_it(read_text, follow_up, field, best) -> None:  # type: ignore[no-untyped-def]
    # the parser makes the figure the verb's object and the casualty word a clause of
    # its own: the figure still counts them
    report = read_text("A drone struck the market of Kidal in Mali on Thursday. " + follow_up,
                       PUBLISHED)
    assert len(report.events) == 1
    assert best in [c.best for c in getattr(report.events[0], field)]


@pytest.mark.parametrize(("text", "lat", "lon"), [
    (("A drone strike hit the centre of Finote Selam, a town in Ethiopia's Amhara region, on "
      "Sunday, killing 26 people."), 10.7, 37.27),
    ("Shells fell on the edge of Finote Selam, a town in Ethiopia, on Sunday, killing four.",
     10.7, 37.27),
    (("Gunmen attacked the market of Debre Markos, a town in Ethiopia's Amhara region, on "
      "Sunday, killing three traders."), 10.33, 37.72),
])
def test_a_town_the_recogniser_took_for_an_organisation_is_the_town(read_text, text, lat, lon) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text, PUBLISHED)
    place = report.events[0].location
    assert place is not None and place.precision == "town" and place.lat is not None and place.lon is not None
    assert abs(place.lat - lat) < 0.2 and abs(place.lon - lon) < 0.2


@pytest.mark.parametrize("background", [
    ("On 3 November 2023 a ballistic missile hit soldiers gathered for a ceremony in a village "
     "in Zaporizhzhia region; 19 of them were killed."),
    ("In March a drone struck a market in Kupiansk, killing eleven people."),
    ("Last winter, on 12 January, a rocket attack on Odesa killed four people."),
])
def test_an_attack_dated_long_before_is_background_of_its_own(read_text, background) -> None:  # type: ignore[no-untyped-def]
    # a sentence without a day of its own tells the report's event, not the old one
    text = ("Russian missiles struck Poltava early on Tuesday. " + background + " Two ballistic "
            "missiles hit the grounds of a military institute in Poltava. Officials said 41 "
            "people had been killed.")
    report = read_text(text, "2024-09-03")
    recent = [e for e in report.events if e.time.start == date(2024, 9, 3)]
    assert len(recent) == 1
    assert [c.best for c in recent[0].killed] == [41]
    assert all(e.time.start is None or e.time.start == date(2024, 9, 3)
               or e.time.start < date(2024, 8, 1) for e in report.events)


BLOG = ("LIVE: missile strikes across Ukraine\n\n"
        "{first}\n"
        "From Dnipro: the governor says a missile strike on the city at about 10 p.m. on Monday "
        "killed a man and injured six other people.\n\n"
        "{second}\n"
        "Two ballistic missiles hit the grounds of a military institute in Poltava, officials say.\n\n"
        "{third}\n"
        "The toll has risen. Officials say 47 people are now known to have died and 206 were injured.\n")


@pytest.mark.parametrize("clocks", [("07:55", "13:05", "17:10"), ("7.55am", "1.05pm", "5.10pm"),
                                    ("07:55 GMT", "13:05 GMT", "17:10 GMT")])
def test_a_live_blog_entry_is_of_its_day_and_its_toll_of_its_event(read_text, clocks) -> None:  # type: ignore[no-untyped-def]
    # an entry under a clock-time heading with no day of its own is of the day of
    # publication (not the day of the blog's first event), and a later entry's toll
    # updates the event it follows, not the one with a day
    first, second, third = clocks
    report = read_text(BLOG.format(first=first, second=second, third=third), "2024-09-03")
    poltava = [e for e in report.events if e.location is not None and e.location.name == "Poltava"]
    dnipro = [e for e in report.events if e.location is not None and e.location.name == "Dnipro"]
    assert len(poltava) == 1 and len(dnipro) == 1
    assert poltava[0].time.start == date(2024, 9, 3)
    assert dnipro[0].time.start == date(2024, 9, 2)
    assert 47 in [c.best for c in poltava[0].killed]
    assert 47 not in [c.best for c in dnipro[0].killed]


ADVISORY = ("MARITIME ADVISORY\n"
            "Issued: 07 MAR 2024\n\n"
            "1. INCIDENT A - M/V {ship_a} - 06 MAR 2024\n"
            "Position: approx. 50 nm southwest of Aden.\n"
            "Details: The vessel was hit by a ballistic missile and caught fire.\n\n"
            "2. INCIDENT B - M/V {ship_b} - 04 MAR 2024\n"
            "Position: approx. 85 nm southeast of Aden.\n"
            "Details: A missile struck the ship and started a small fire.\n\n"
            "3. OTHER ACTIVITY\n"
            "05 MAR 2024: US forces shot down a drone launched toward a destroyer in the Red Sea.\n")


@pytest.mark.parametrize(("ship_a", "ship_b"), [("NORTH STAR", "SEA LION"),
                                                 ("BLUE HERON", "CAPE ROSE"),
                                                 ("IRON BAY", "GOLDEN ERA")])
def test_an_advisory_dates_each_incident_by_its_heading_and_entry(read_text, ship_a, ship_b) -> None:  # type: ignore[no-untyped-def]
    # a day closing a numbered heading dates its incident ("… - 06 MAR 2024"), a numbered
    # heading that names none ends the dated section, and "05 MAR 2024:" opening a line
    # dates what the line tells; the month in capitals is read as a date
    report = read_text(ADVISORY.format(ship_a=ship_a, ship_b=ship_b), "2024-03-07")
    days = sorted(e.time.start for e in report.events if e.time.start is not None)
    assert days == [date(2024, 3, 4), date(2024, 3, 5), date(2024, 3, 6)]
    first = next(e for e in report.events if e.time.start == date(2024, 3, 6))
    assert first.location is not None and first.location.lat is not None
    assert abs(first.location.lat - 12.2) < 0.15   # 50 nm southwest of Aden (12.78 N)


@pytest.mark.parametrize(("text", "killed", "injured"), [
    (("A missile struck the tanker on Tuesday. Officials later put the toll at three dead and "
      "at least four injured, three of them critically."), 3, 4),
    (("A drone struck the market of Kidal in Mali on Tuesday. The ministry put the number of "
      "casualties at two killed and at least nine injured."), 2, 9),
    ("Shells hit the village on Tuesday. The toll stood at 14 dead and 30 injured by the evening.",
     14, 30),
])
def test_a_toll_put_at_dead_and_injured_reads_both(read_text, text, killed, injured) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text, PUBLISHED)
    assert len(report.events) == 1
    event = report.events[0]
    assert [c.low for c in event.killed] == [killed]
    assert [c.low for c in event.injured] == [injured]


@pytest.mark.parametrize("text", [
    "The campaign against shipping that began on 19 NOV 2023 goes on; a drone struck a tanker today.",
    "The offensive, which started on 12 January, widened when shells hit Avdiivka today.",
    "Since the war began on 15 April, the city has changed hands; a drone struck its market today.",
])
def test_the_day_something_began_dates_no_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text, PUBLISHED)
    assert len(report.events) == 1
    assert report.events[0].time.start == date(2024, 6, 14)


@pytest.mark.parametrize("text", [
    ("A truck bomb blew up outside the air base in Cali and, a few hours earlier, gunmen shot at "
     "a patrol elsewhere. The blast in Cali went off at 2:50 p.m. on Thursday on Carrera 8."),
    ("A car bomb exploded near the barracks in Cali and, minutes earlier, a grenade was thrown "
     "at a police post elsewhere. The blast in Cali went off on Thursday on Calle 52."),
    ("A bomb went off outside the station in Cali and, hours earlier, a drone struck a farm "
     "elsewhere. The explosion in Cali happened on Thursday on Carrera 15."),
])
def test_hours_earlier_and_a_numbered_street_keep_one_blast(read_text, text) -> None:  # type: ignore[no-untyped-def]
    # "hours earlier" dates the story itself, not a past event; "Carrera 8" is a street of
    # the town, not another town
    report = read_text(text, "2025-08-22")
    in_cali = [e for e in report.events if e.location is not None and e.location.name == "Cali"
               and e.sub_type == "remote_explosive_landmine_ied"]
    assert len(in_cali) == 1
    assert in_cali[0].time.start == date(2025, 8, 21)


@pytest.mark.parametrize("follow_up", [
    "By Friday the authorities said six people had died.",
    "By Friday evening officials said the toll had reached six dead.",
    "By Saturday, hospitals said six of the wounded had died.",
])
def test_by_a_day_dates_a_count_not_the_attack(read_text, follow_up) -> None:  # type: ignore[no-untyped-def]
    report = read_text("A car bomb exploded near a market in Cali on Thursday, wounding dozens. "
                       + follow_up + " Shops nearby were damaged by the blast.", "2025-08-23")
    assert len(report.events) == 1
    assert report.events[0].time.start == date(2025, 8, 21)


@pytest.mark.parametrize("opening", [
    "Daily field report - Sunday, 25 June 2023\n\nOur network recorded the following incidents.",
    "Today was the bloodiest day of the month in the northwest, our network says.",
    "NORTHWEST DESK, 25 June 2023\n\nThe following incidents were recorded by our sources.",
])
def test_a_daily_report_dates_its_undated_incidents_by_its_own_day(read_text, opening) -> None:  # type: ignore[no-untyped-def]
    # no incident names its day, but the report's opening says it tells of the day it
    # was published; background told as earlier keeps no such day
    text = (opening + "\n\n1. Jisr al-Shughur\nIn the early morning, warplanes struck the market of "
            "Jisr al-Shughur in Syria, killing nine people.\n\n2. Ariha\nAircraft carried out two "
            "strikes on the hills overlooking the town of Ariha in Syria.\n")
    report = read_text(text, "2023-06-25")
    assert len(report.events) == 2
    assert all(e.time.start == date(2023, 6, 25) for e in report.events)


def test_an_undated_incident_of_a_report_that_names_no_day_stays_undated(read_text) -> None:  # type: ignore[no-untyped-def]
    report = read_text("Warplanes struck the market of Jisr al-Shughur in Syria, killing nine "
                       "people, the monitor said.", "2023-06-25")
    assert len(report.events) == 1
    assert report.events[0].time.start is None


@pytest.mark.parametrize(("text", "town"), [
    ("Russian jets hit the western edge of Idlib city, killing two people.", "Idlib"),
    ("Russian artillery shelled the outskirts of Kherson city in Ukraine, wounding four people.", "Kherson"),
    ("A drone struck a market in Gaza city, killing three people.", "Gaza"),
])
def test_a_town_named_before_city_is_where_the_attack_was(read_text, text, town) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text, PUBLISHED)
    place = report.events[0].location
    assert place is not None and place.precision == "town" and town in place.name


@pytest.mark.parametrize("later", [
    "On Monday another drone strike hit {town}, killing two people.",
    "Late on Monday a drone struck a truck in {town}, killing its driver.",
    "Later on Monday, drones struck a market in {town}, killing four people.",
])
def test_a_headline_retells_the_first_of_equally_fitting_events(read_text, later) -> None:  # type: ignore[no-untyped-def]
    # a title that fits two events as well joins the report's first, not the latest
    town = "Finote Selam"
    text = ("Drone strike hits Ethiopian town\n\n"
            f"At least 26 people were killed when a drone strike hit the centre of {town}, a town in "
            "Ethiopia's Amhara region, on Sunday, a hospital official said.\n\n"
            + later.format(town=town))
    report = read_text(text, "2023-08-15")
    title_end = text.index("\n")
    told_in_title = [e for e in report.events if any(s.start < title_end for s in e.evidence)]
    assert len(told_in_title) == 1
    assert told_in_title[0].time.start == date(2023, 8, 13)


@pytest.mark.parametrize(("follow_up", "killed", "injured"), [
    ("As of noon, the casualty count stands at four (4) dead and fifty (50) wounded.", 4, 50),
    ("The toll stands at seven (7) killed and nineteen (19) injured.", 7, 19),
    ("The count as of this morning is two (2) dead and eleven (11) wounded.", 2, 11),
])
def test_a_figure_written_out_and_in_digits_counts_once(read_text, follow_up, killed, injured) -> None:  # type: ignore[no-untyped-def]
    report = read_text("A bomb exploded in the gymnasium of the university in Marawi City in "
                       "the Philippines on Sunday. " + follow_up, "2023-12-03")
    assert len(report.events) == 1
    assert [c.best for c in report.events[0].killed] == [killed]
    assert [c.best for c in report.events[0].injured] == [injured]


@pytest.mark.parametrize(("day", "expected"), [
    ("On Friday, 1 December 2023,", date(2023, 12, 1)),
    ("On Saturday, 2 December 2023,", date(2023, 12, 2)),
    ("On Thursday, 30 November 2023,", date(2023, 11, 30)),
])
def test_a_weekday_day_month_and_year_is_one_date(read_text, day, expected) -> None:  # type: ignore[no-untyped-def]
    # the small model reads "Friday, 1 December 2023" as "Friday" and "December 2023": the
    # day must not be lost, or the attack merges with the report's own of another day
    text = ("A bomb exploded at a church in Marawi City in the Philippines on Sunday, 3 December "
            f"2023, killing four. {day} troops assaulted a rebel camp in Maguindanao, killing 11.")
    report = read_text(text, "2023-12-03")
    days = sorted(e.time.start for e in report.events if e.time.start is not None)
    assert days == sorted([expected, date(2023, 12, 3)])


@pytest.mark.parametrize(("text", "value"), [
    (("US officials count more than 45 missile and drone attacks by the Houthis on merchant "
      "ships since November."), 45),
    ("Militias have launched 66 rocket and drone attacks on US bases since October 17.", 66),
    ("Monitors recorded 112 mortar and rocket attacks on the town since January.", 112),
])
def test_a_tally_of_attacks_named_by_their_weapons_is_read(read_text, text, value) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs the figure on the first weapon word ("45" on "missile"), not on
    # the attacks it counts
    report = read_text(text, "2024-03-07")
    assert [(c.kind, c.value) for c in report.claims] == [("attack_count", value)]


@pytest.mark.parametrize("follow_up", [
    ("At least 16 others were seriously wounded, including two guards who were hit during an "
     "exchange of fire with the attackers."),
    ("Nine more were wounded, among them a guard who was shot in a gunfight with the "
     "attackers at the gate."),
    ("Twelve others were hurt, including three soldiers who were injured in a clash with the "
     "gunmen as they fled."),
])
def test_figures_around_a_detail_told_in_a_relative_clause_are_the_events(read_text, follow_up) -> None:  # type: ignore[no-untyped-def]
    # the mention inside "who were hit during an exchange of fire" describes some of the
    # wounded; the figure of the main clause is the bombing's, told before
    text = ("A car bomb exploded outside a hotel in Mogadishu in Somalia on Thursday, killing 20 "
            "people, officials said. " + follow_up)
    report = read_text(text, "2024-10-04")
    bombing = next(e for e in report.events if any(c.low == 20 for c in e.killed))
    assert bombing.injured and max(c.low or 0 for c in bombing.injured) >= 9
    assert all(not e.injured for e in report.events if e is not bombing)


@pytest.mark.parametrize(("text", "site"), [
    (("The suicide blast which took place in the mosque of the Police Lines on Monday killed "
      "84 people."), "mosque"),
    ("A blast in a crowded market in Quetta on Monday killed 12 people.", "market"),
    ("The bombing, which happened at a wedding hall in Kabul on Monday, killed nine.", "wedding"),
])
def test_the_site_a_blast_went_off_in_is_its_target(read_text, text, site) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text, "2023-02-04")
    assert len(report.events) == 1
    target = report.events[0].target
    assert target is not None and site in target.text


def test_a_blast_in_a_town_has_no_site_for_a_target(read_text) -> None:  # type: ignore[no-untyped-def]
    report = read_text("An explosion in Quetta on Monday killed 12 people.", "2023-02-04")
    assert report.events[0].target is None


@pytest.mark.parametrize(("text", "value"), [
    (("CENTCOM described it as the fifth anti-ship ballistic missile fired by the Houthis in "
      "two days."), 5),
    ("It was the third drone to hit the base this week, officials said.", 3),
    ("It was the tenth rocket fired at the town since Friday.", 10),
])
def test_an_ordinal_munition_over_a_period_is_a_tally(read_text, text, value) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text, "2024-03-07")
    assert [(c.kind, c.value, c.qualifier) for c in report.claims] == [("attack_count", value, "ordinal")]


@pytest.mark.parametrize("text", [
    "A second missile struck the same spot ten minutes later.",
    "The first missile hit the port on Monday.",
    "A third drone was shot down over the sea before it reached the ship.",
])
def test_an_ordinal_munition_in_the_story_counts_nothing(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text, "2024-03-07").claims == ()


@pytest.mark.parametrize(("text", "country"), [
    (("Russia attacked Ukraine with a Kh-59 missile launched over Kursk region and 35 drones "
      "overnight."), "UA"),
    ("Iran attacked Israel with drones launched from Iraq overnight.", "IL"),
    ("Hezbollah struck Haifa with rockets fired from southern Lebanon overnight.", "IL"),
])
def test_where_a_weapon_was_launched_from_is_no_attack_of_its_own(read_text, text, country) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text, "2024-09-03")
    assert len(report.events) == 1
    place = report.events[0].location
    assert place is not None and place.country == country


@pytest.mark.parametrize(("text", "field"), [
    ("Late on Monday a drone struck a truck in Kidal in Mali, killing its driver.", "killed"),
    ("The driver was killed when a roadside bomb hit his car near Gao in Mali on Monday.", "killed"),
    ("A mortar round hit a house in Gao in Mali on Monday, wounding the owner.", "injured"),
])
def test_one_person_named_with_the_or_a_possessive_is_counted(read_text, text, field) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text, PUBLISHED)
    assert len(report.events) == 1
    assert [c.best for c in getattr(report.events[0], field)] == [1]


def test_one_named_among_the_counted_is_not_counted_again(read_text) -> None:  # type: ignore[no-untyped-def]
    report = read_text("Three soldiers were killed, including the commander, when a bomb hit "
                       "their convoy near Gao in Mali on Monday.", PUBLISHED)
    assert [c.best for c in report.events[0].killed] == [3]
