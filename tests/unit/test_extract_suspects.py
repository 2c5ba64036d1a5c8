"""The suspect of an attack a report leaves unnamed, when the report also names another
party as the attacker of an attack of its own; three phrasings written for this file."""

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
