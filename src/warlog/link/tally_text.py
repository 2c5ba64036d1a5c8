"""A tally as `warlog tally --json` prints it, and as readable lines."""

from __future__ import annotations

from typing import Any

from warlog.link.tally import Bounds, ClaimCheck, Group, Period, Tally
from warlog.model import Claim


def tally_json(t: Tally) -> dict[str, Any]:
    return {
        "period": _period(t.period), "by": t.by,
        "groups": [_group(g) for g in t.groups], "total": _group(t.total),
        "uncertain": [{"id": i, "why": why} for i, why in t.uncertain],
        "claims": [claim_check_json(c) for c in t.claims],
    }


def claim_check_json(c: ClaimCheck) -> dict[str, Any]:
    claim = c.claim
    on_record = _group(c.counted)
    on_record.pop("key")
    on_record["by_country"] = dict(c.by_country)
    on_record["uncertain"] = list(c.uncertain)
    return {
        "claim": {"kind": claim.kind, "value": claim.value, "qualifier": claim.qualifier,
                  "since": _iso(claim.since), "as_of": _iso(claim.as_of),
                  "scope": {"target": claim.scope.target, "countries": list(claim.scope.countries)},
                  "breakdown": dict(claim.breakdown), "said_by": claim.said_by},
        "reported_by": list(c.reported_by),
        "compared_with": {"rule": c.rule, "period": _period(c.period),
                          "countries": list(c.countries), "countries_from": c.countries_from,
                          "target_country": c.target_country},
        "on_record": on_record,
        "difference": difference(c),
    }


def difference(c: ClaimCheck) -> dict[str, int | None]:
    """Claimed minus on record: events for attack counts, people for casualty counts
    (a range when the counts on record are a range)."""
    value = c.claim.value
    if c.claim.kind == "attack_count":
        d = value - len(c.counted.event_ids)
        return {"low": d, "high": d}
    b = c.counted.killed if c.claim.kind == "killed_count" else c.counted.injured
    return {"low": None if b.high is None else value - b.high, "high": value - b.low}


def tally_lines(t: Tally) -> list[str]:
    span = _span_text(t.period) or "all dates"
    lines = [f"period: {span}; by {t.by}"]
    width = max([len(g.key) for g in t.groups] + [5])
    for g in (*t.groups, t.total):
        lines.append(f"  {g.key:<{width}}  {_group_text(g)}")
    if t.uncertain:
        lines.append(f"uncertain (not counted): {len(t.uncertain)} events")
        lines += [f"  {i}  {why}" for i, why in t.uncertain]
    lines += [claim_line(c) for c in t.claims]
    return lines


def claim_line(c: ClaimCheck) -> str:
    """"claim: 66 attacks since 2023-10-17 as of 2023-11-21 (Pentagon) — on record: N
    events in IQ+SY in that period"."""
    claim = c.claim
    said = f" ({claim.said_by})" if claim.said_by else ""
    reports = f", told by {len(c.reported_by)} reports" if len(c.reported_by) > 1 else ""
    where = "+".join(c.countries) if c.countries else "any country"
    if c.countries_from == "report":
        where += " (where its report's events are)"
    target = f" against {c.target_country} forces" if c.target_country else ""
    if c.rule == "report":
        scope = f"among the events its report tells, up to {_iso(c.period.until) or 'its date'}"
    else:
        scope = f"in {where}{target} in that period"
    record = _record_text(c)
    uncertain = f" (+{len(c.uncertain)} uncertain)" if c.uncertain else ""
    d = difference(c)
    diff = d["high"] if d["low"] == d["high"] else f"{d['low']}…{d['high']}"
    return (f"claim: {_claim_text(claim)}{said}{reports} — on record: {record} {scope}"
            f"{uncertain}; difference {diff}")


def _claim_text(claim: Claim) -> str:
    noun = {"attack_count": "attacks", "killed_count": "killed", "injured_count": "injured"}
    figure = {"exact": f"{claim.value}", "approximately": f"about {claim.value}",
              "at_least": f"at least {claim.value}", "more_than": f"more than {claim.value}",
              "ordinal": f"{claim.value} (ordinal)"}[claim.qualifier]
    since = f" since {claim.since.isoformat()}" if claim.since else ""
    as_of = f" as of {claim.as_of.isoformat()}" if claim.as_of else ""
    return f"{figure} {noun[claim.kind]}{since}{as_of}"


def _record_text(c: ClaimCheck) -> str:
    n = _events(len(c.counted.event_ids))
    if c.claim.kind == "attack_count":
        return n
    b = c.counted.killed if c.claim.kind == "killed_count" else c.counted.injured
    word = "killed" if c.claim.kind == "killed_count" else "injured"
    return f"{_bounds_text(b)} {word} in {n}"


def _events(n: int) -> str:
    return f"{n} event" if n == 1 else f"{n} events"


def _group_text(g: Group) -> str:
    return (f"{_events(len(g.event_ids)):<10} killed {_bounds_text(g.killed)}  "
            f"injured {_bounds_text(g.injured)}")


def _bounds_text(b: Bounds) -> str:
    if b.high is None:
        return f"≥{b.low}"
    return str(b.low) if b.low == b.high else f"{b.low}–{b.high}"


def _group(g: Group) -> dict[str, Any]:
    return {"key": g.key, "events": len(g.event_ids), "event_ids": list(g.event_ids),
            "killed": _bounds(g.killed), "injured": _bounds(g.injured)}


def _bounds(b: Bounds) -> dict[str, int | None]:
    return {"low": b.low, "high": b.high}


def _period(p: Period) -> dict[str, str | None]:
    return {"since": _iso(p.since), "until": _iso(p.until)}


def _span_text(p: Period) -> str:
    if p.since is None and p.until is None:
        return ""
    return f"{_iso(p.since) or '…'} – {_iso(p.until) or '…'}"


def _iso(d: object) -> str | None:
    return d.isoformat() if d is not None else None  # type: ignore[attr-defined]
