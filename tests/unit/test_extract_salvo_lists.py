"""Counted munitions in a list ("three missiles fired from X, one guided missile and 35
drones"): each item is a claim of how many were launched, however the parse hangs its
figure or the item; phrasings written for this file."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-06-10"


@pytest.mark.parametrize(("text", "values"), [
    (("The air force said Russia attacked with three ballistic missiles, a guided missile "
      "and 29 attack drones overnight."), {3, 29}),
    (("The enemy struck with two Kh-101 cruise missiles launched from the Caspian Sea, one "
      "Kinzhal fired over Tambov region and 48 Shahed drones."), {2, 48}),
    (("Overnight Russia attacked with four ballistic missiles fired from Bryansk region and "
      "61 attack drones."), {4, 61}),
])
def test_every_counted_item_of_a_salvo_list_is_a_claim(read_text, text, values) -> None:  # type: ignore[no-untyped-def]
    claims = read_text(text, PUBLISHED).claims
    found = {c.value for c in claims if c.kind == "attack_count"}
    assert values <= found


def test_missiles_that_hit_one_building_are_no_salvo(read_text) -> None:  # type: ignore[no-untyped-def]
    text = "Three missiles hit the hospital in Kharkiv on Monday, and 29 attack drones followed."
    assert not {c.value for c in read_text(text, PUBLISHED).claims} & {3}
