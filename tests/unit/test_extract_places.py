"""Where an event happened: which place of its sentences it takes, and when it takes none.

Short reports written for these tests (published Wed 2024-03-06).
"""

from __future__ import annotations

import pytest


def test_unmapped_target_yields_to_the_province_it_is_in(read_text) -> None:
    # the camp names no place the gazetteer can put on a map; the province can
    report = read_text("Taliban gunmen attacked Camp Zarghun in Helmand Province, Afghanistan, "
                       "on Monday, killing 23 soldiers.")
    event = report.events[0]
    assert event.target is not None and event.target.text == "Camp Zarghun"
    assert event.location is not None and event.location.precision == "admin1"


def test_named_town_beats_the_country_named_later(read_text) -> None:
    report = read_text("On Monday in Bagram, a suicide bomber blew himself up near a patrol, "
                       "killing six soldiers. The White House condemned the attack in "
                       "Afghanistan.")
    assert [e.location.text if e.location else None for e in report.events] == ["Bagram"]


def test_second_event_borrows_no_place_from_the_first(read_text) -> None:
    report = read_text("Gunmen attacked a checkpoint in Mosul on Monday. On Tuesday, a bomb "
                       "exploded at a market, killing three people.")
    assert len(report.events) == 2
    assert report.events[0].location is not None
    assert report.events[1].location is None


def test_where_a_statement_was_made_is_not_where_the_attack_was(read_text) -> None:
    report = read_text("A statement after a meeting at Stormont Castle said that the bombing "
                       "killed nine people in Belfast on Friday.")
    assert [e.location.text if e.location else None for e in report.events] == ["Belfast"]


def test_devices_set_off_are_no_target(read_text) -> None:
    report = read_text("Explosive devices were detonated at bus stations in Belfast on Friday, "
                       "killing nine people.")
    target = report.events[0].target
    assert target is None or "device" not in target.text


def test_a_phrase_that_only_dates_lends_no_place(read_text) -> None:
    report = read_text("Police searched a flat in Leeds three days after the bombing, which "
                       "killed three people on Monday.")
    assert all(e.location is None or e.location.text != "Leeds" for e in report.events)


def test_clashes_there_take_the_main_clause_place(read_text) -> None:
    report = read_text("The army sent reinforcements toward Aleppo on Monday, "
                       "after heavy clashes there on Sunday with tribal fighters.")
    assert [e.location.text if e.location else None for e in report.events] == ["Aleppo"]


def test_the_city_is_the_town_named_before(read_text) -> None:
    report = read_text("Government troops entered Homs on Friday. By evening, rebels had "
                       "detonated 20 bombs across the city, killing nine people.")
    bombs = [e for e in report.events if e.weapon == "ied"]
    assert bombs and bombs[0].location is not None
    assert (bombs[0].location.text, bombs[0].location.name) == ("the city", "Homs")


def test_an_event_with_no_place_takes_the_country_most_of_the_report_is_in(read_text) -> None:
    # the country is named only as a modifier ("Malian officials"; "Mali's capital" is
    # Bamako, a place of its own), and one place of the report lies elsewhere (France):
    # most of its places are in Mali, so the event is
    report = read_text("Gunmen attacked a gendarmerie school before dawn on Monday, Malian "
                       "officials said. The army sent troops from Bamako and Kati. "
                       "France condemned the attack.")
    assert report.events and report.events[0].location is not None
    assert report.events[0].location.country == "ML"
    assert report.events[0].location.precision == "country"


def test_no_country_is_guessed_when_none_holds_most_of_the_report(read_text) -> None:
    report = read_text("Gunmen attacked a school before dawn on Monday. Ministers met in "
                       "Paris, Berlin and Madrid; envoys flew to Dakar.")
    assert report.events and report.events[0].location is None


@pytest.mark.parametrize(("text", "name", "precision"), [
    # "central" before a large city is its centre, not the middle of its namesake province
    ("A missile struck central Kharkiv on Thursday, wounding five people.", "Kharkiv", "town"),
    ("An air strike hit central Beirut on Friday, killing three people.", "Beirut", "town"),
    # a direction word after a cue word keeps the country a place, however the NER files it
    ("Jihadists attacked a village in central Mali on Sunday.", "Mali", "country"),
    ("Gunmen killed 12 villagers in northern Benin on Monday.", "Benin", "country"),
])
def test_a_part_of_a_place_is_the_place(read_text, text: str, name: str, precision: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert event.location is not None, event
    assert (event.location.name, event.location.precision) == (name, precision), event.location


@pytest.mark.parametrize("text", [
    # an armed group's common name is a cue of conflict by itself
    "Jihadists attacked a village on Sunday.",
    "Bandits raided a village in Zamfara on Monday.",
    "Assailants stormed a police post near Tillaberi on Friday.",
])
def test_an_armed_group_word_makes_the_sentence_one_of_conflict(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(read_text(text).events) == 1


@pytest.mark.parametrize(("text", "country"), [
    ("A blast hit a market in Bannu district on Sunday, killing four people.", "PK"),
    ("Gunmen opened fire on a bus in Reasi district on Sunday evening, killing nine.", "IN"),
    ("Militants attacked a police post in Kandahar district on Monday, killing two officers.",
     "AF"),
])
def test_a_district_named_without_an_article_is_where_it_happened(read_text, text: str,  # type: ignore[no-untyped-def]
                                                                  country: str) -> None:
    (event,) = read_text(text).events
    assert event.location is not None and event.location.country == country
    assert event.location.precision != "country"



@pytest.mark.parametrize(("text", "country"), [
    ("A suicide bomber struck a wedding in Gwoza on Saturday, killing 18 guests.", "NG"),
    ("Gunmen attacked a market in Gwoza on Saturday, police said.", "NG"),
    ("Militants stormed a school in Damboa on Friday, witnesses said.", "NG"),
])
def test_a_town_alone_under_its_name_is_placed_without_a_country(read_text, text: str,  # type: ignore[no-untyped-def]
                                                                 country: str) -> None:
    (event,) = read_text(text).events
    assert event.location is not None and event.location.country == country
    assert event.location.precision == "town"

