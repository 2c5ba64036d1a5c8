"""The store's JSON columns give back the very model objects that went in."""

from __future__ import annotations

from datetime import date

from linkkit import actor, count, event
from warlog.model import Claim, Scope, Span
from warlog.store.codec import decode_claim, decode_event, encode


def test_events_round_trip() -> None:
    e = event(attacker=actor("Houthis", "non_state_armed_group", "YE"), target=actor("ship"),
              killed=(count(3),), injured=(count(4, None),), claimed_by=("Yahya Saree",),
              responds_to=("e0",), where=("Souaneh", "LB", None, None, None))
    assert decode_event(encode(e)) == e


def test_claims_round_trip_with_breakdown_as_an_object() -> None:
    c = Claim(kind="attack_count", value=140, qualifier="exact", since=date(2023, 10, 17),
              as_of=date(2024, 1, 18), scope=Scope(target="U.S. forces", countries=("IQ", "SY")),
              breakdown=(("IQ", 57), ("SY", 83)), said_by="Pentagon", span=Span(start=5, end=90))
    body = encode(c)
    body["breakdown"] = dict(c.breakdown)      # as the contract prints it
    assert decode_claim(body) == c
