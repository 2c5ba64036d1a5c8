"""Who attacked and where: the suspect of an attack a report leaves unnamed when it names
another party as the attacker of an attack of its own, attackers' names without where
they were, and communities the recogniser took for organisations; each rule tried on
three phrasings written for this file."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-06-10"


@pytest.mark.parametrize(("text", "suspect"), [
    (("The Israeli military said its jets struck Hezbollah positions in southern Lebanon on "
     "Sunday.\n\nA rocket hit a school in Kiryat Shmona on Sunday, wounding three people. "
     "Hezbollah denied any involvement.\n"), "Hezbollah"),
    (("Russia's defence ministry said its forces struck an ammunition depot in Zaporizhzhia on "
     "Monday.\n\nA drone hit an oil refinery in Belgorod on Monday, starting a fire. Local "
     "officials rejected Kyiv's denial and blamed Ukraine.\n"), "Ukraine"),
    (("The army said its soldiers attacked a rebel camp near Butembo on Friday.\n\nSeparately, "
     "a bomb exploded at a market in Beni on Friday, killing four people. The Allied "
     "Democratic Forces denied any role in the blast.\n"), "Allied Democratic Forces"),
])
def test_the_party_with_no_attack_of_its_own_is_the_suspect(read_text, text, suspect) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text, PUBLISHED).events
    assert len(events) == 2
    named, unnamed = sorted(events, key=lambda e: e.evidence[0].start)
    assert named.attacker is not None and suspect not in named.attacker.name
    assert unnamed.attacker is not None and unnamed.attacker.name == suspect


def test_two_suspects_with_no_attack_named_leave_it_unnamed(read_text) -> None:  # type: ignore[no-untyped-def]
    text = ("A rocket hit a school in Kiryat Shmona on Sunday, wounding three people. Israel "
            "blamed Hezbollah, which denied it; Hamas also denied any involvement.\n")
    event = read_text(text, PUBLISHED).events[0]
    assert event.attacker is None


@pytest.mark.parametrize(("text", "attacker"), [
    (("Five soldiers died on Tuesday in an attack by a band of militants in the village of "
     "Kaura Namoda."), "band of militants"),
    ("Police said a unit of fighters near the town of Bunia attacked a camp on Monday.",
     "unit of fighters"),
    ("A column of fighters in the village of Mafa opened fire on a patrol on Monday.",
     "column of fighters"),
])
def test_where_the_attackers_were_is_no_part_of_their_name(read_text, text, attacker) -> None:  # type: ignore[no-untyped-def]
    event = read_text(text, PUBLISHED).events[0]
    assert event.attacker is not None and event.attacker.name == attacker


@pytest.mark.parametrize(("text", "town"), [
    (("Gunmen killed three police officers on Monday in the community of El Ocotito, in "
     "Guerrero."), "El Ocotito"),
    ("Hitmen attacked soldiers on Monday in the community of La Concordia, in Chiapas.",
     "La Concordia"),
    ("Gunmen attacked a bar on Sunday in the community of El Ocotito, killing two.", "El Ocotito"),
])
def test_a_community_named_as_an_organisation_is_a_town(read_text, text, town) -> None:  # type: ignore[no-untyped-def]
    place = read_text(text, PUBLISHED).events[0].location
    assert place is not None and place.name == town and place.country == "MX"
