"""One real-world event across reports: group compatible events, then read them as one.

Order-independence by construction: ``link`` is a function of the *set* of candidates.
Candidates are sorted by their stable keys, every compatible pair is scored, and pairs
are joined closest first (ties by key), a join allowed only when every event of one
group is compatible with every event of the other (complete linkage). No first-come
choice survives, so any ingest order gives the same groups, the same merged readings
and the same ids. ``docs/linking.md`` explains the rules with the bundled examples.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from math import inf

from warlog.link.candidate import Candidate
from warlog.link.compat import closeness, compatible
from warlog.link.evidence import Evidence, Factor, recollection, weigh
from warlog.link.grade import Grade, grade
from warlog.model import Count, Event

PLACE_RANK = {"facility": 0, "town": 1, "admin1": 2, "region": 3, "country": 3}
TIME_RANK = {"day": 0, "week": 1, "month": 2, "unresolved": 3}
# Fields of the merged reading, each taken from the best-ranked source that gives it.
READ_FIELDS = ("type", "weapon", "outcome", "attacker", "target", "location", "time",
               "killed", "injured")


@dataclass(frozen=True, slots=True, kw_only=True)
class Merged:
    """A real-world event: its merged reading, its sources, where each field came from."""

    id: str
    reading: Event                          # ``responds_to`` holds source keys here
    members: tuple[Candidate, ...]          # oldest report first, then by key
    provenance: tuple[tuple[str, str], ...]  # (field, key of the source it was read from)
    grade: Grade
    links: tuple[tuple[str, str, Evidence], ...] = ()   # (key, strongest other key, evidence)

    @property
    def lead(self) -> str:
        return dict(self.provenance)["type"]


# An analyst's ruling on a pair of report events: ("merge" | "split", decision number).
Rulings = Mapping[frozenset[str], tuple[str, int]]
FORCED = (-inf, 0.0, 0)     # an analyst's merge is joined before any weighed pair


def rulings_of(decisions: Iterable[tuple[int, str, Sequence[str], Sequence[str]]]) -> dict[frozenset[str], tuple[str, int]]:
    """Pair rulings from decisions (number, action, one side's keys, the other's), taken
    in number order so that a later decision on a pair overrides an earlier one."""
    out: dict[frozenset[str], tuple[str, int]] = {}
    for number, action, keys_a, keys_b in sorted(decisions, key=lambda d: d[0]):
        for x in keys_a:
            for y in keys_b:
                if x != y:
                    out[frozenset((x, y))] = (action, number)
    return out


def link(cands: Iterable[Candidate], rulings: Rulings | None = None) -> tuple[Merged, ...]:
    """Every merged event the candidates make, sorted by id."""
    rulings = rulings or {}
    return tuple(sorted((merge(group, rulings) for group in cluster(cands, rulings)),
                        key=lambda m: m.id))


def cluster(cands: Iterable[Candidate],
            rulings: Rulings | None = None) -> tuple[tuple[Candidate, ...], ...]:
    """Complete-linkage groups of linkable candidates (module docstring), each sorted by key.
    An analyst's merge makes a pair linkable whatever the evidence; a split makes it not."""
    rulings = rulings or {}
    ordered = sorted({c.key: c for c in cands}.values(), key=lambda c: c.key)
    pairs = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            ruling = rulings.get(frozenset((a.key, b.key)))
            if ruling is not None:
                if ruling[0] == "merge":
                    pairs.append((FORCED, a.key, b.key))
            elif compatible(a, b):
                pairs.append((closeness(a, b), a.key, b.key))
    pairs.sort()
    ok = {(ka, kb) for _, ka, kb in pairs}
    group_of: dict[str, frozenset[str]] = {c.key: frozenset({c.key}) for c in ordered}
    for _, ka, kb in pairs:
        first, second = group_of[ka], group_of[kb]
        # the consistency check: a join needs every member of one group linkable with
        # every member of the other, so no chain A–B–C joins an A and a C that are not
        if first is second or not all(_linked(x, y, ok) for x in first for y in second):
            continue
        joined = first | second
        for key in joined:
            group_of[key] = joined
    by_key = {c.key: c for c in ordered}
    groups = {min(g): g for g in group_of.values()}
    return tuple(tuple(by_key[k] for k in sorted(groups[m])) for m in sorted(groups))


def _linked(x: str, y: str, ok: set[tuple[str, str]]) -> bool:
    return (x, y) in ok or (y, x) in ok


def explain(members: Sequence[Candidate],
            rulings: Rulings | None = None) -> tuple[tuple[str, str, Evidence], ...]:
    """For each member of a group, the other member its evidence is strongest with
    (an analyst's merge first; ties by key), and that evidence: why it is in the group."""
    rulings = rulings or {}
    out = []
    for m in sorted(members, key=lambda c: c.key):
        scored = []
        for o in members:
            if o.key == m.key:
                continue
            evidence = weigh(m, o)
            ruling = rulings.get(frozenset((m.key, o.key)))
            forced = ruling is not None and ruling[0] == "merge"
            if forced and ruling is not None:
                evidence = Evidence((*evidence.factors, Factor(
                    "decision", 0.0, f"decision {ruling[1]}: merged by an analyst")))
            scored.append((-inf if forced else -evidence.score, o.key, evidence))
        if scored:
            _, other, evidence = min(scored, key=lambda p: (p[0], p[1]))
            out.append((m.key, other, evidence))
    return tuple(out)


def merge(members: Sequence[Candidate], rulings: Rulings | None = None) -> Merged:
    """The merged reading of one group (docs/linking.md, "The merged reading")."""
    ranked = sorted(members, key=_rank)
    picks = {name: _pick(ranked, name) for name in READ_FIELDS}
    counts_ranked = sorted(members, key=_count_rank)
    picks["killed"] = next((m for m in counts_ranked if m.event.killed), None)
    picks["injured"] = next((m for m in counts_ranked if m.event.injured), None)
    merged_id = merged_event_id(members)
    lead = ranked[0].event
    # type and sub_type stay the lead's: they belong together
    reading = replace(
        lead, id=merged_id,
        **{name: getattr(m.event, name) for name, m in picks.items()
           if m is not None and name != "type"},
        said_by=_union(m.event.said_by for m in ranked),
        claimed_by=_union(m.event.claimed_by for m in ranked),
        denied_by=_union(m.event.denied_by for m in ranked),
        responds_to=_union(_answered(m) for m in ranked))
    provenance = tuple((name, m.key) for name, m in picks.items() if m is not None)
    return Merged(id=merged_id, reading=reading, members=tuple(sorted(members, key=_age)),
                  provenance=provenance, grade=grade(members),
                  links=explain(members, rulings))


def merged_event_id(members: Sequence[Candidate]) -> str:
    """The id of a merged event: a hash of its oldest source's key. Later reports that
    join the event leave its id as it was; the same members always give the same id."""
    oldest = min(members, key=_age)
    return hashlib.sha256(f"warlog.merged.v1:{oldest.key}".encode()).hexdigest()[:16]


def _age(c: Candidate) -> tuple[date, str]:
    return (c.document.published or date.max, c.key)


def _rank(c: Candidate) -> tuple[bool, int, int, int, str]:
    """Best first: a report of the event before one that recalls it in passing, then the
    latest report (updates correct earlier ones), then the most precise place, then the
    most precise date, then the key."""
    published = c.document.published.toordinal() if c.document.published else 0
    place = c.event.location
    place_rank = 5 if place is None else PLACE_RANK.get(place.precision or "", 4)
    return (recollection(c), -published, place_rank, TIME_RANK[c.event.time.precision], c.key)


def _count_rank(c: Candidate) -> tuple[bool, int, float, str]:
    """Counts: not from a recollection while a report of the event gives them; then the
    latest report that gives any, then the narrowest bounds, then the key."""
    published = c.document.published.toordinal() if c.document.published else 0
    return (recollection(c), -published, _width(c.event.killed) + _width(c.event.injured), c.key)


def _width(counts: tuple[Count, ...]) -> float:
    return sum(float("inf") if c.high is None or c.low is None else c.high - c.low
               for c in counts)


def _pick(ranked: Sequence[Candidate], name: str) -> Candidate | None:
    """The best-ranked source that says something about the field."""
    for m in ranked:
        value = getattr(m.event, name)
        if name == "time":
            value = value.start
        if value not in (None, "unknown", ()):
            return m
    return ranked[0] if name == "type" else None


def _answered(c: Candidate) -> tuple[str, ...]:
    # A source's responds_to names events of its own report; as keys they stay valid
    # whichever merged events those end up in (``records`` turns them into merged ids).
    return tuple(f"{c.document.id}:{event_id}" for event_id in c.event.responds_to)


def _union(lists: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for values in lists:
        for value in values:
            seen.setdefault(value, None)
    return tuple(seen)
