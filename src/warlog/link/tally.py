"""Counting merged events, and setting official tallies (CLAIMs) beside them.

Pure: the events come as MERGED EVENT records, the claims with the report that states
them. The scope-matching rule (docs/tally.md):

1. Period. An event counts when its whole time span lies in the period; one that only
   overlaps it, or has no date, is listed apart as uncertain. A claim's period runs from
   its ``since`` to its ``as_of``, both days included.
2. A claim with no ``since`` ("21 U.S. personnel were injured") sums up what its own
   report tells: it is compared with the merged events that report is a source of.
3. Countries: the claim's breakdown countries if it has a breakdown ("57 in Iraq and 83
   in Syria"), else its scope's countries, else the countries of the events its own
   report tells (a tally of attacks on shipping is about the theatre the report covers);
   an event elsewhere is out, one of unknown country is uncertain. No countries at all:
   anywhere.
4. Target: when the scope's target resolves to a country's side ("U.S. forces" → US),
   events that side carried out are out (its own strikes are not attacks on it), and so
   are events whose target is known to be of another country.
5. The same claim told by several reports (same kind, figure, start, countries and
   target) counts once, as of the earliest report that states it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from warlog.link.names import fold
from warlog.model import Claim

By = Literal["country", "weapon", "actor", "week"]
Placement = Literal["in", "partial", "out", "undated"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Bounds:
    """A casualty total: ``high`` None when some count has no upper bound ("at least 5")."""

    low: int = 0
    high: int | None = 0

    def __add__(self, other: Bounds) -> Bounds:
        high = None if self.high is None or other.high is None else self.high + other.high
        return Bounds(low=self.low + other.low, high=high)


@dataclass(frozen=True, slots=True, kw_only=True)
class TallyEvent:
    """What counting needs of a merged event."""

    id: str
    start: date | None
    end: date | None
    country: str | None
    weapon: str
    actor: str
    attacker_country: str | None
    target_country: str | None
    killed: Bounds
    injured: Bounds
    documents: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimSeen:
    """A claim as one report states it; ``target_country`` resolved from its scope's target."""

    claim: Claim
    document_id: str
    published: date | None = None
    target_country: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    since: date | None = None
    until: date | None = None

    def place(self, event: TallyEvent) -> Placement:
        """Whether the event's whole span lies in the period (rule 1)."""
        if self.since is None and self.until is None:
            return "in"
        if event.start is None or event.end is None:
            return "undated"
        after = self.since is None or event.start >= self.since
        before = self.until is None or event.end <= self.until
        if after and before:
            return "in"
        starts_late = self.until is not None and event.start > self.until
        ends_early = self.since is not None and event.end < self.since
        return "out" if starts_late or ends_early else "partial"


@dataclass(frozen=True, slots=True, kw_only=True)
class Group:
    key: str
    event_ids: tuple[str, ...]
    killed: Bounds
    injured: Bounds


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimCheck:
    """One distinct claim beside the events on record in its scope and period."""

    claim: Claim                      # as_of: the earliest report's
    reported_by: tuple[str, ...]      # document ids, sorted
    target_country: str | None
    rule: Literal["period", "report"]
    period: Period
    countries: tuple[str, ...]
    countries_from: Literal["claim", "report", "none"]
    counted: Group
    uncertain: tuple[str, ...]
    by_country: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Tally:
    period: Period
    by: By
    groups: tuple[Group, ...]
    total: Group
    uncertain: tuple[tuple[str, Placement], ...]
    claims: tuple[ClaimCheck, ...]


def tally(events: Sequence[TallyEvent], claims: Sequence[ClaimSeen], *, period: Period,
          by: By = "country") -> Tally:
    """Counts by group over the period, and every claim stated in it beside its scope."""
    counted = [e for e in events if period.place(e) == "in"]
    uncertain = tuple(sorted((e.id, p) for e in events
                             if (p := period.place(e)) in ("partial", "undated")))
    keyed: dict[str, list[TallyEvent]] = {}
    for e in counted:
        keyed.setdefault(group_key(e, by), []).append(e)
    groups = tuple(make_group(k, keyed[k]) for k in sorted(keyed))
    checks = tuple(check_claim(c, events) for c in distinct_claims(claims)
                   if _stated_in(c, period))
    return Tally(period=period, by=by, groups=groups, total=make_group("total", counted),
                 uncertain=uncertain, claims=checks)


def group_key(event: TallyEvent, by: By) -> str:
    if by == "week":
        if event.start is None:
            return "undated"
        year, week, _ = event.start.isocalendar()
        return f"{year}-W{week:02d}"
    value = {"country": event.country, "weapon": event.weapon, "actor": event.actor}[by]
    return value or "unknown"


def make_group(key: str, events: Iterable[TallyEvent]) -> Group:
    chosen = sorted(events, key=lambda e: e.id)
    killed, injured = Bounds(), Bounds()
    for e in chosen:
        killed, injured = killed + e.killed, injured + e.injured
    return Group(key=key, event_ids=tuple(e.id for e in chosen), killed=killed, injured=injured)


def distinct_claims(claims: Sequence[ClaimSeen]) -> list[tuple[ClaimSeen, tuple[str, ...]]]:
    """Rule 5: one entry per distinct claim, the earliest statement first, with every
    report that states it."""
    found: dict[tuple[object, ...], list[ClaimSeen]] = {}
    for seen in claims:
        found.setdefault(_identity(seen), []).append(seen)
    out = []
    for same in found.values():
        first = min(same, key=lambda s: (s.claim.as_of or s.published or date.max, s.document_id))
        out.append((first, tuple(sorted({s.document_id for s in same}))))
    return sorted(out, key=lambda pair: _claim_order(pair[0]))


def _identity(seen: ClaimSeen) -> tuple[object, ...]:
    c = seen.claim
    target = seen.target_country or fold(c.scope.target or "")
    return (c.kind, c.value, c.since, scope_countries(c), target)


def _claim_order(seen: ClaimSeen) -> tuple[str, str, int, str]:
    c = seen.claim
    as_of = c.as_of or seen.published
    return (as_of.isoformat() if as_of else "9999", c.kind, c.value, seen.document_id)


def _stated_in(pair: tuple[ClaimSeen, tuple[str, ...]], period: Period) -> bool:
    """A claim belongs to a tally over a period when it was stated in that period."""
    seen = pair[0]
    as_of = seen.claim.as_of or seen.published
    if as_of is None:
        return period.since is None and period.until is None
    return ((period.since is None or as_of >= period.since)
            and (period.until is None or as_of <= period.until))


def scope_countries(claim: Claim) -> tuple[str, ...]:
    """Rule 3: the breakdown's countries when there is a breakdown, else the scope's."""
    if claim.breakdown:
        return tuple(sorted(k for k, _ in claim.breakdown))
    return tuple(sorted(claim.scope.countries))


def check_claim(pair: tuple[ClaimSeen, tuple[str, ...]], events: Sequence[TallyEvent]) -> ClaimCheck:
    seen, reported_by = pair
    claim = seen.claim
    as_of = claim.as_of or seen.published
    rule: Literal["period", "report"] = "period" if claim.since is not None else "report"
    period = Period(since=claim.since, until=as_of)
    pool = events if rule == "period" else [e for e in events if set(e.documents) & set(reported_by)]
    countries = scope_countries(claim)
    countries_from: Literal["claim", "report", "none"] = "claim"
    if not countries:
        countries = report_countries(events, reported_by)
        countries_from = "report" if countries else "none"
    counted, uncertain = [], []
    for e in pool:
        verdict = _in_scope(e, period=period, countries=countries, target=seen.target_country)
        if verdict == "in":
            counted.append(e)
        elif verdict == "uncertain":
            uncertain.append(e.id)
    by_country: dict[str, int] = {}
    for e in counted:
        by_country[e.country or "unknown"] = by_country.get(e.country or "unknown", 0) + 1
    return ClaimCheck(claim=replace(claim, as_of=as_of),
                      reported_by=reported_by, target_country=seen.target_country, rule=rule,
                      period=period, countries=countries, countries_from=countries_from,
                      counted=make_group("claim", counted),
                      uncertain=tuple(sorted(uncertain)), by_country=tuple(sorted(by_country.items())))


def report_countries(events: Sequence[TallyEvent], reported_by: tuple[str, ...]) -> tuple[str, ...]:
    """Rule 3, last resort: where the events of the claim's reports happened."""
    told = set(reported_by)
    return tuple(sorted({e.country for e in events if e.country and told & set(e.documents)}))


def _in_scope(e: TallyEvent, *, period: Period, countries: tuple[str, ...],
              target: str | None) -> Literal["in", "uncertain", "out"]:
    if target is not None and (e.attacker_country == target
                               or (e.target_country is not None and e.target_country != target)):
        return "out"
    placed = period.place(e)
    if placed == "out" or (countries and e.country is not None and e.country not in countries):
        return "out"
    if placed != "in" or (countries and e.country is None):
        return "uncertain"
    return "in"


def tally_event(record: Mapping[str, Any]) -> TallyEvent:
    """The counting view of a MERGED EVENT record."""
    time = record.get("time") or {}
    location = record.get("location") or {}
    attacker = record.get("attacker") or {}
    target = record.get("target") or {}
    return TallyEvent(
        id=record["id"], start=_day(time.get("start")), end=_day(time.get("end")),
        country=location.get("country"), weapon=record.get("weapon") or "unknown",
        actor=attacker.get("name") or "unknown", attacker_country=attacker.get("country"),
        target_country=target.get("country"), killed=_bounds(record.get("killed") or ()),
        injured=_bounds(record.get("injured") or ()),
        documents=tuple(s["document"]["id"] for s in record.get("sources") or ()))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _bounds(counts: Iterable[Mapping[str, Any]]) -> Bounds:
    total = Bounds()
    for c in counts:
        total = total + Bounds(low=c.get("low") or 0, high=c.get("high"))
    return total
