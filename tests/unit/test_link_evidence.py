"""The weighed evidence of linking: what merges, what never does, and why."""

from __future__ import annotations

from dataclasses import replace

from linkkit import AL_ASAD, TOWER_22, actor, cand, count, event
from warlog.link.dedup import link
from warlog.link.evidence import THRESHOLD, weigh
from warlog.link.records import explain_lines, merged_record
from warlog.model import Time

IRAQ = ("Iraq", "IQ", 33.0, 44.0, "country")
KYIV = ("Kyiv", "UA", 50.45, 30.52, "town")


def test_country_and_month_alone_never_merge() -> None:
    # the weakest agreement there is, with every other comparison agreeing as far as it can
    who = actor("Islamic Resistance in Iraq", "non_state_armed_group", "IQ")
    a = cand("a", event(where=IRAQ, day="2024-01-01", end="2024-01-31", precision="month",
                        attacker=who))
    b = cand("b", event(where=IRAQ, day="2024-01-01", end="2024-01-31", precision="month",
                        attacker=who))
    evidence = weigh(a, b)
    assert not evidence.linked and evidence.score < THRESHOLD
    assert link([a, b])[0].members != link([a, b])[1].members
    # even a shared toll, which lifts the sum over the threshold, needs a day or a place
    a, b = (cand(x.document.id, replace(x.event, killed=(count(12),), injured=(count(30),)))
            for x in (a, b))
    evidence = weigh(a, b)
    assert evidence.score >= THRESHOLD and not evidence.anchored and not evidence.linked


def test_one_place_one_day_one_kind_merges_with_its_evidence() -> None:
    evidence = weigh(cand("a", event()), cand("b", event()))
    assert evidence.linked
    names = {f.name: f.weight for f in evidence.factors}
    assert names["place"] > 0 and names["date"] > 0 and names["kind"] > 0


def test_a_day_off_merges_only_where_the_time_of_day_allows_it() -> None:
    plain_a = cand("a", event(day="2024-02-02", where=KYIV))
    plain_b = cand("b", event(day="2024-02-01", where=KYIV))
    assert not weigh(plain_a, plain_b).linked, "consecutive days at one place are two events"
    night = replace(plain_a.event, time=Time(text="4:30 a.m. Friday local", start=plain_a.event.time.start,
                                             end=plain_a.event.time.end, precision="day", span=None))
    us = actor("Russian forces", "state_forces", "RU")
    a = cand("a", replace(night, attacker=us, killed=(count(4),)))
    b = cand("b", replace(plain_b.event, attacker=us, killed=(count(4),)))
    assert weigh(a, b).linked, "a time-zone day off with the same attacker and toll is one event"


def test_two_days_apart_is_ruled_out_whatever_else_agrees() -> None:
    a, b = cand("a", event(day="2024-01-26", killed=(count(9),))), cand("b", event(day="2024-01-28", killed=(count(9),)))
    evidence = weigh(a, b)
    assert evidence.vetoed is not None and evidence.vetoed.name == "date"


def test_kinds_of_attack_in_one_family_do_not_keep_a_pair_apart() -> None:
    missile = event(sub_type="shelling_artillery_missile_attack", weapon="ballistic_missile")
    strike = event(sub_type="air_drone_strike", weapon="cruise_missile")
    assert weigh(cand("a", missile), cand("b", strike)).linked
    clash = event(sub_type="armed_clash", weapon="small_arms", type="battles")
    drone = event(sub_type="air_drone_strike", weapon="drone")
    assert not weigh(cand("a", clash), cand("b", drone)).linked


def test_a_town_inside_the_province_named_is_weak_but_positive_evidence() -> None:
    from warlog.link.evidence import place_factor
    from warlog.model import Place, Span

    town = Place(text="Uman", name="Uman", admin1="Cherkaska oblast", country="UA", lat=48.75,
                 lon=30.22, precision="town", gazetteer_id="g:1", role="literal", span=Span(start=0, end=1))
    province = replace(town, name="Cherkaska oblast", admin1="Cherkaska oblast", lat=49.2, lon=31.6,
                       precision="admin1", gazetteer_id="g:2")
    factor = place_factor(town, province)
    assert 0 < factor.weight < place_factor(town, town).weight and "lies in" in factor.detail


def test_different_attackers_or_swapped_roles_keep_apart() -> None:
    militia = actor("Islamic Resistance in Iraq", "non_state_armed_group", "IQ")
    us = actor("U.S. forces", "state_forces", "US")
    attack, answer = event(attacker=militia, target=us), event(attacker=us, target=militia)
    assert weigh(cand("a", attack), cand("b", answer)).vetoed is not None
    other = event(attacker=actor("Houthis", "non_state_armed_group", "YE"))
    assert not weigh(cand("a", event(attacker=militia)), cand("b", other)).linked


def test_a_background_mention_joins_but_does_not_change_the_figures() -> None:
    report = cand("a", event(where=AL_ASAD, killed=(count(3),), injured=(count(34),)),
                  published="2024-01-29")
    recalled = cand("b", event(where=AL_ASAD, day="2024-01-01", end="2024-01-31", precision="month",
                               killed=(count(2),), attacker=actor("militia", "non_state_armed_group")),
                    published="2024-03-10")
    [merged] = link([report, recalled])
    record = merged_record(merged)
    assert {s["key"] for s in record["sources"]} == {"a:e1", "b:e1"}
    assert record["killed"][0]["low"] == 3 and record["read_from"]["killed"]["document"] == "a"
    assert record["time"]["start"] == "2024-01-28" and record["read_from"]["type"]["document"] == "a"
    assert record["attacker"]["name"] == "militia", "a field only the recollection gives still fills in"


def test_a_later_report_still_revises_the_figures() -> None:
    first = cand("a", event(killed=(count(3),)), published="2024-01-28")
    later = cand("b", event(killed=(count(5),)), published="2024-01-30")
    [merged] = link([first, later])
    assert merged_record(merged)["killed"][0]["low"] == 5


def test_every_source_of_a_merge_says_why_and_explain_prints_it() -> None:
    [merged] = link([cand("a", event(where=TOWER_22)), cand("b", event(where=TOWER_22))])
    record = merged_record(merged)
    for source in record["sources"]:
        link_ = source["link"]
        assert link_["with"] in {"a:e1", "b:e1"} - {source["key"]}
        assert link_["score"] >= link_["threshold"]
        assert sum(f["weight"] for f in link_["evidence"]) == link_["score"]
    text = "\n".join(explain_lines(record))
    assert "linked with b:e1" in text and "same place: Tower 22" in text
    [alone] = link([cand("a", event())])
    assert merged_record(alone)["sources"][0]["link"] is None


def test_a_recollection_with_a_country_a_month_and_the_toll_joins_the_event() -> None:
    # "the drone attack that killed three soldiers in Jordan last month", a month later
    jordan = ("Jordan", "JO", 31.0, 36.0, "country")
    attack = cand("a", event(where=TOWER_22, killed=(count(3),), injured=(count(34),)),
                  published="2024-01-29")
    recalled = cand("b", event(where=jordan, day="2024-01-01", end="2024-01-31", precision="month",
                               killed=(count(3),)), published="2024-02-28")
    evidence = weigh(attack, recalled)
    assert evidence.recalled and evidence.anchored and evidence.linked
    [merged] = link([attack, recalled])
    record = merged_record(merged)
    assert record["location"]["name"] == "Tower 22" and record["injured"][0]["low"] == 34
    # the same words from a report of that month (not a recollection) do not link
    fresh = cand("b", recalled.event, published="2024-01-31")
    assert not weigh(attack, fresh).linked
    # nor does a recollection with another toll
    other = cand("b", replace(recalled.event, killed=(count(5),)), published="2024-02-28")
    assert not weigh(attack, other).linked


def test_a_name_as_written_agrees_where_one_report_placed_it_and_another_could_not() -> None:
    from warlog.link.evidence import place_factor
    from warlog.model import Place, Span

    for written, holder in (("Pazigyi village", "Kanbalu"), ("Lido beach", "Mogadishu"),
                            ("Mir Ali area", "North Waziristan")):
        placed = Place(text=written, name=holder, admin1=None, country=None, lat=10.0, lon=20.0,
                       precision="town", gazetteer_id="g:9", role="literal",
                       span=Span(start=0, end=1))
        unplaced = replace(placed, name=written, lat=None, lon=None, precision=None,
                           gazetteer_id=None)
        assert place_factor(placed, unplaced).weight > 0, written
        other = replace(unplaced, text="Tessit", name="Tessit")
        assert place_factor(placed, other).weight <= 0, written
        # written alike weighs more than a shared word ("Pazigyi" alone)
        part = replace(unplaced, text=written.split()[0], name=written.split()[0])
        assert place_factor(placed, unplaced).weight > place_factor(placed, part).weight > 0
