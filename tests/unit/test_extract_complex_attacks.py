"""A complex attack — bombers and gunmen together — is one event, its blasts and its
gunfire told of it alike; three phrasings written for this file, and the cases that
stay apart."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-06-10"


@pytest.mark.parametrize(("text", "killed"), [
    (("A suicide bomber and gunmen attacked a hotel in Mogadishu on Friday night, killing "
     "nine people. Four more attackers then stormed the building and fired on guests."), [9]),
    (("A suicide car bomber and fighters attacked an army base near Menaka on Sunday. Gunmen "
     "then opened fire on soldiers at the gate, killing six."), [6]),
    (("Suicide bombers and gunmen attacked a police compound in Bannu on Monday. The "
     "militants then fought security forces for several hours."), []),
])
def test_bombers_and_gunmen_make_one_suicide_bombing(read_text, text, killed) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text, PUBLISHED).events
    assert len(events) == 1
    assert events[0].sub_type == "suicide_bomb"
    assert [c.best for c in events[0].killed] == killed


@pytest.mark.parametrize("text", [
    ("A suicide bomber blew himself up at a market in Maiduguri on Monday, killing five "
     "people. Separately, gunmen shot dead two police officers in Bama on Monday."),
    ("A car bomb exploded near a checkpoint in Mogadishu on Sunday. Gunmen later attacked "
     "a police station in Kismayo on Sunday, killing three officers."),
])
def test_a_bombing_and_a_shooting_elsewhere_stay_two(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert len(read_text(text, PUBLISHED).events) == 2
