"""Tallies: the period rule, ISO weeks, claims beside the events in their scope."""

from __future__ import annotations

from datetime import date

from warlog.link.tally import (
    Bounds,
    ClaimSeen,
    Period,
    TallyEvent,
    group_key,
    tally,
)
from warlog.link.tally_text import claim_line, difference, tally_json, tally_lines
from warlog.model import Claim, Scope

NONE = Bounds()


def ev(id: str, start: str | None, end: str | None = None, *, country: str | None = "IQ",
       attacker_country: str | None = None, killed: Bounds = NONE, docs: tuple[str, ...] = ("d1",),
       weapon: str = "drone") -> TallyEvent:
    first = date.fromisoformat(start) if start else None
    last = date.fromisoformat(end) if end else first
    return TallyEvent(id=id, start=first, end=last, country=country, weapon=weapon, actor="militia",
                      attacker_country=attacker_country, target_country=None, killed=killed,
                      injured=Bounds(), documents=docs)


def claim(value: int, *, since: str | None = "2023-10-17", as_of: str = "2023-11-21",
          countries: tuple[str, ...] = (), breakdown: tuple[tuple[str, int], ...] = (),
          kind: str = "attack_count", target: str | None = "U.S. forces") -> Claim:
    return Claim(kind=kind, value=value, qualifier="exact",  # type: ignore[arg-type]
                 since=date.fromisoformat(since) if since else None,
                 as_of=date.fromisoformat(as_of), scope=Scope(target=target, countries=countries),
                 breakdown=breakdown, said_by="Pentagon")


def test_an_event_counts_when_its_whole_span_lies_in_the_period() -> None:
    period = Period(since=date(2023, 10, 17), until=date(2023, 10, 31))
    assert period.place(ev("in", "2023-10-17")) == "in"
    assert period.place(ev("edge", "2023-10-15", "2023-10-21")) == "partial"
    assert period.place(ev("late", "2023-11-01")) == "out"
    assert period.place(ev("none", None)) == "undated"
    t = tally([ev("in", "2023-10-17"), ev("edge", "2023-10-15", "2023-10-21"), ev("late", "2023-11-01")],
              [], period=period)
    assert t.total.event_ids == ("in",)
    assert t.uncertain == (("edge", "partial"),)


def test_weeks_are_iso_weeks() -> None:
    assert group_key(ev("a", "2024-01-01"), "week") == "2024-W01"
    assert group_key(ev("a", "2023-01-01"), "week") == "2022-W52"
    assert group_key(ev("a", None), "week") == "undated"


def test_groups_and_unbounded_casualties() -> None:
    events = [ev("a", "2024-01-28", killed=Bounds(low=3, high=3), weapon="drone"),
              ev("b", "2024-01-29", killed=Bounds(low=4, high=None), weapon="rocket", country=None)]
    t = tally(events, [], period=Period(), by="country")
    assert [(g.key, g.event_ids) for g in t.groups] == [("IQ", ("a",)), ("unknown", ("b",))]
    assert t.total.killed == Bounds(low=7, high=None)
    assert "killed ≥7" in "\n".join(tally_lines(t))


def test_a_claim_repeated_by_several_reports_counts_once() -> None:
    first = ClaimSeen(claim=claim(66, as_of="2023-11-21", countries=("IQ", "SY")), document_id="r1")
    again = ClaimSeen(claim=claim(66, as_of="2023-11-22", countries=("IQ", "SY")), document_id="r2")
    t = tally([ev("a", "2023-10-18")], [again, first], period=Period())
    [check] = t.claims
    assert check.reported_by == ("r1", "r2")
    assert check.claim.as_of == date(2023, 11, 21), "as of the earliest report that states it"


def test_claim_scope_countries_period_and_target() -> None:
    seen = ClaimSeen(claim=claim(66, breakdown=(("IQ", 32), ("SY", 34)), countries=("IQ", "SY", "US")),
                     document_id="r1", target_country="US")
    events = [ev("iq", "2023-10-18"), ev("sy", "2023-10-20", country="SY"),
              ev("jo", "2023-10-21", country="JO"), ev("before", "2023-10-10"),
              ev("after", "2023-11-22"), ev("edge", "2023-11-20", "2023-11-23"),
              ev("nowhere", "2023-10-19", country=None),
              ev("us-strike", "2023-10-27", country="SY", attacker_country="US")]
    [check] = tally(events, [seen], period=Period()).claims
    assert check.counted.event_ids == ("iq", "sy")
    assert check.uncertain == ("edge", "nowhere")
    assert check.countries == ("IQ", "SY")
    assert difference(check) == {"low": 64, "high": 64}
    line = claim_line(check)
    assert line.startswith("claim: 66 attacks since 2023-10-17 as of 2023-11-21 (Pentagon) — "
                           "on record: 2 events in IQ+SY against US forces in that period")


def test_a_claim_without_a_start_sums_up_its_own_report() -> None:
    seen = ClaimSeen(claim=claim(21, since=None, as_of="2023-10-25", kind="injured_count"),
                     document_id="r1")
    mine = ev("mine", "2023-10-17", docs=("r1", "r9"))
    theirs = ev("theirs", "2023-10-18", docs=("r2",))
    [check] = tally([mine, theirs], [seen], period=Period()).claims
    assert check.rule == "report" and check.counted.event_ids == ("mine",)


def test_claims_stated_outside_the_period_are_left_out() -> None:
    seen = ClaimSeen(claim=claim(66, as_of="2023-11-21"), document_id="r1")
    assert tally([], [seen], period=Period(since=date(2024, 1, 1))).claims == ()
    assert len(tally([], [seen], period=Period(until=date(2023, 12, 31))).claims) == 1


def test_json_shape() -> None:
    seen = ClaimSeen(claim=claim(3, kind="killed_count", countries=("IQ",)), document_id="r1")
    t = tally([ev("a", "2023-10-18", killed=Bounds(low=1, high=2))], [seen], period=Period())
    out = tally_json(t)
    [c] = out["claims"]
    assert c["on_record"]["killed"] == {"low": 1, "high": 2}
    assert c["difference"] == {"low": 1, "high": 2}
    assert c["compared_with"]["period"] == {"since": "2023-10-17", "until": "2023-11-21"}
