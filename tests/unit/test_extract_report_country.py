"""The report's country, the last resort of an event that names no place it can be put
at: none for a roundup of two countries, and no vote from a name the gazetteer lacks;
three reports written for this file."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-03-08"

ROUNDUPS = [
    ("Burkina Faso and Mali: a month of attacks\n\n"
     "On 3 March, militants ambushed an army convoy near Djibo in northern Burkina Faso, "
     "killing 14 soldiers.\n\n"
     "On 4 March gunmen raided a village in central Mali, killing at least 20 civilians.\n\n"
     "On 5 March a roadside bomb struck a minibus near Boni, killing seven passengers.\n\n"
     "On 6 March militants attacked a military post near the border with Niger, killing 11 "
     "soldiers.\n"),
    ("Niger and Mali: the week in attacks\n\n"
     "On Monday gunmen killed 12 villagers near Tillaberi in western Niger, officials said. "
     "In Mali, the army reported heavy fighting in the centre.\n\n"
     "On Wednesday militants attacked a gendarmerie post near the border, killing four "
     "gendarmes.\n"),
    ("Somalia and Kenya: attacks along the frontier\n\n"
     "On Monday a roadside bomb killed five soldiers near Beledhawo in Somalia. In Kenya, "
     "security was tightened in Mandera county.\n\n"
     "On Thursday gunmen attacked a bus near the border, killing three passengers.\n"),
]


@pytest.mark.parametrize("text", ROUNDUPS)
def test_an_event_of_a_two_country_roundup_is_given_neither(read_text, text) -> None:  # type: ignore[no-untyped-def]
    events = read_text(text, PUBLISHED).events
    last = max(events, key=lambda e: e.evidence[0].start)
    assert last.location is None or last.location.country is None


def test_a_one_country_report_still_lends_its_country(read_text) -> None:  # type: ignore[no-untyped-def]
    text = ("Attacks in Burkina Faso\n\n"
            "On Monday militants ambushed a convoy near Djibo, killing 14 soldiers.\n\n"
            "On Tuesday gunmen raided a market near Dori, killing six traders.\n\n"
            "On Wednesday militants attacked a military post near the border, killing 11 "
            "soldiers.\n")
    events = read_text(text, PUBLISHED).events
    last = max(events, key=lambda e: e.evidence[0].start)
    assert last.location is not None and last.location.country == "BF"
