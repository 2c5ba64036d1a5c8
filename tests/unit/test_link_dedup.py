"""Linking: the pairwise rules, complete-linkage grouping, the merged reading, ids."""

from __future__ import annotations

import hashlib
import itertools

import pytest

from linkkit import AL_ASAD, TOWER_22, actor, cand, count, event
from warlog.link.compat import compatible, distance_km, places_agree
from warlog.link.dedup import cluster, link, merged_event_id
from warlog.link.records import merged_record, resolve_responses


def together(a, b) -> bool:  # type: ignore[no-untyped-def]
    return compatible(a, b) and compatible(b, a)


def test_two_reports_of_one_strike_merge() -> None:
    assert together(cand("a", event()), cand("b", event()))


def test_two_strikes_on_one_base_on_different_days_stay_apart() -> None:
    assert not compatible(cand("a", event(day="2023-10-18")), cand("b", event(day="2023-10-23")))
    assert not compatible(cand("a", event(day="2023-10-18")), cand("b", event(day="2023-10-19")))


def test_events_of_one_report_never_merge() -> None:
    assert not compatible(cand("a", event("e1")), cand("a", event("e2")))


def test_a_strike_and_the_attack_it_answers_stay_apart() -> None:
    militia, us = actor("Islamic Resistance in Iraq", "non_state_armed_group"), actor("U.S. forces", "state_forces", "US")
    attack = event(attacker=militia, target=us)
    answer = event(attacker=us, target=militia, responds_to=("e0",))
    assert not compatible(cand("a", attack), cand("b", answer))
    # with no countries to go by, swapped roles alone keep them apart
    x, y = actor("Hezbollah fighters", "non_state_armed_group"), actor("Israeli army", "non_state_armed_group")
    assert not compatible(cand("a", event(attacker=x, target=y)), cand("b", event(attacker=y, target=x)))


def test_attackers_of_different_countries_stay_apart() -> None:
    a = event(attacker=actor("Houthis", "non_state_armed_group", "YE"))
    b = event(attacker=actor("Hezbollah", "non_state_armed_group", "LB"))
    assert not compatible(cand("a", a), cand("b", b))
    unnamed = event(attacker=None)
    assert together(cand("a", a), cand("b", unnamed))


@pytest.mark.parametrize(("first", "second", "agree"), [
    (TOWER_22, TOWER_22, True),
    (TOWER_22, AL_ASAD, False),                                    # other country
    (("Kirkuk", "IQ", 35.4681, 44.3922, "town"), ("Kirkuk suburb", "IQ", 35.60, 44.50, "town"), True),
    (("Kirkuk", "IQ", 35.4681, 44.3922, "town"), ("Tuz", "IQ", 34.88, 44.63, "town"), False),
    (AL_ASAD, ("Iraq", "IQ", 33.0, 44.0, "country"), True),         # "in Iraq" holds anywhere in Iraq
    (("Gulf of Aden", None, 12.5, 48.0, "region"), ("Yemen", "YE", 15.5, 47.5, "country"), True),
    (("Souaneh", "LB", None, None, None), ("Souaneh", "LB", None, None, None), True),
    (("Souaneh", "LB", None, None, None), ("Tyre", "LB", 33.27, 35.20, "town"), True),
])
def test_places_agree_by_precision(first, second, agree: bool) -> None:  # type: ignore[no-untyped-def]
    from linkkit import place

    p, q = place(*first), place(*second)
    assert places_agree(p, q) is agree and places_agree(q, p) is agree


def test_distance_is_great_circle() -> None:
    from linkkit import place

    km = distance_km(place(*TOWER_22), place(*AL_ASAD))
    assert km is not None and 330 < km < 360


def test_no_place_or_no_date_never_merges() -> None:
    assert not compatible(cand("a", event(where=None)), cand("b", event(where=None)))
    assert not compatible(cand("a", event(day="")), cand("b", event(day="")))


def test_kind_must_agree_weapons_by_family() -> None:
    assert together(cand("a", event(weapon="drone")), cand("b", event(weapon="aircraft")))
    assert together(cand("a", event(weapon="drone")), cand("b", event(weapon="unknown")))
    assert not compatible(cand("a", event(weapon="drone")), cand("b", event(weapon="rocket")))
    assert not compatible(cand("a", event()), cand("b", event(sub_type="armed_clash")))


def test_grouping_is_complete_linkage_closest_first() -> None:
    # A week-long report meets both days; the two days must not end up together, and the
    # week joins the closer day (its start), whatever the order given.
    monday, friday = event("mon", day="2024-01-22"), event("fri", day="2024-01-26")
    week = event("wk", day="2024-01-22", end="2024-01-28", precision="week")
    cands = [cand("a", monday), cand("b", friday), cand("c", week)]
    for order in itertools.permutations(cands):
        groups = {frozenset(c.key for c in g) for g in cluster(order)}
        assert groups == {frozenset({"a:mon", "c:wk"}), frozenset({"b:fri"})}


def test_link_is_the_same_in_every_order() -> None:
    cands = [cand("a", event(killed=(count(3),)), published="2024-01-28"),
             cand("b", event(killed=(count(3),), injured=(count(34),)), published="2024-01-29"),
             cand("c", event(day="2024-01-29")), cand("d", event(where=AL_ASAD))]
    first = [merged_record(m) for m in link(cands)]
    for order in itertools.permutations(cands):
        assert [merged_record(m) for m in link(order)] == first


def test_merged_id_is_the_oldest_sources_key_hashed() -> None:
    old, new = cand("zz", event(), published="2024-01-28"), cand("aa", event(), published="2024-01-29")
    [merged] = link([old, new])
    assert merged.id == merged_event_id([new, old])
    assert merged.id == hashlib.sha256(b"warlog.merged.v1:zz:e1").hexdigest()[:16]
    [alone] = link([old])
    assert alone.id == merged.id, "a later report joining leaves the id as it was"


def test_the_merged_reading_comes_from_the_latest_most_precise_source() -> None:
    early = cand("a", event(killed=(count(3),), injured=(count(25),),
                            attacker=actor("militants", "non_state_armed_group")),
                 published="2024-01-28")
    update = cand("b", event(killed=(count(3),), injured=(count(34),)), published="2024-01-29")
    [merged] = link([early, update])
    record = merged_record(merged)
    assert record["injured"][0]["low"] == 34
    assert record["read_from"]["injured"] == {"document": "b", "event_id": "e1"}
    assert record["attacker"]["name"] == "militants", "a field the update omits comes from the other"
    assert record["read_from"]["attacker"] == {"document": "a", "event_id": "e1"}
    assert [s["document"]["id"] for s in record["sources"]] == ["a", "b"]
    assert [s["injured"][0]["low"] for s in record["sources"]] == [25, 34], "kept per source"


def test_responds_to_names_merged_events() -> None:
    attack = cand("a", event("e1", attacker=actor("Hezbollah", "non_state_armed_group", "LB")))
    answer = cand("a", event("e2", where=("Nabatieh", "LB", 33.38, 35.48, "town"),
                             attacker=actor("Israeli jets", "state_forces", "IL"), responds_to=("e1",)))
    merged = {m.members[0].key: m for m in link([attack, answer])}
    index = {key: m.id for key, m in merged.items()}
    record = resolve_responses(merged_record(merged["a:e2"]), index)
    assert record["responds_to"] == [merged["a:e1"].id]
