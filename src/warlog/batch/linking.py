"""Keeping the merged events right as reports come and go, inside one transaction.

``warlog.link.dedup.link`` is a function of a set of events. Running it on every stored
event for every report would be correct and slow; running it on the new events alone
would be fast and order-dependent. In between: the events a change can affect are those
connected to it through the compatibility graph (its connected component). Grouping
never crosses components, so re-linking the whole component around the changed events,
and replacing every merged event that touched it, gives exactly what a full re-link of
the database would (a test checks that). Candidates are found by blocking on dates: the
evidence rules out events more than a day apart (``warlog.link.evidence``), so only the
events whose spans come within a day of the new one are compared; and places in two
countries rule a pair out, so an event placed in a country is compared only with the
events of that country and those with no country, through the store's index on
(country, start date, end date). An event with no country is compared with every event of its
days. The cost of a new report depends on how many events share its days and country,
not on how many the store holds (bench/link_scale.py and bench/store_scale.py measure it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.engine import Connection

from warlog.link.candidate import Candidate, SourceDoc
from warlog.link.compat import compatible
from warlog.link.dedup import Merged, Rulings, link, rulings_of
from warlog.link.evidence import LONGEST_SPAN_DAYS
from warlog.link.records import merged_record
from warlog.store.repository import (
    ANY_COUNTRY,
    MergedRow,
    StoredEvent,
    decisions,
    delete_merged,
    events_by_key,
    merged_containing,
    overlapping_events,
    save_merged,
)

BLOCK_SLACK = timedelta(days=1)
LONGEST = timedelta(days=LONGEST_SPAN_DAYS)


@dataclass(frozen=True, slots=True, kw_only=True)
class Relinked:
    """What a change did: the merged events now standing for the changed events."""

    merged: tuple[Merged, ...]
    deleted: tuple[str, ...]


def relink(conn: Connection, *, added: Sequence[Candidate], removed: Sequence[str]) -> Relinked:
    """Re-link the events connected to ``added`` and to the merged events that held the
    ``removed`` report events (a superseded version's), and store the result."""
    held = merged_containing(conn, removed)
    removed_set = set(removed)
    kept = [k for members in held.values() for k in members if k not in removed_set]
    seeds = {c.key: c for c in added}
    seeds.update({s.key: candidate(s) for s in events_by_key(conn, kept)})
    rulings = stored_rulings(conn)
    component = connected(conn, seeds, rulings)
    stale = set(held) | set(merged_containing(conn, component))
    delete_merged(conn, stale)
    merged = link(component.values(), rulings)
    save_merged(conn, [merged_row(m) for m in merged])
    return Relinked(merged=merged, deleted=tuple(sorted(stale)))


def stored_rulings(conn: Connection) -> dict[frozenset[str], tuple[str, int]]:
    """The analysts' decisions still in force, as pair rulings."""
    return rulings_of((d.number, d.action, d.keys_a, d.keys_b)
                      for d in decisions(conn) if not d.undone)


def connected(conn: Connection, seeds: dict[str, Candidate],
              rulings: Rulings | None = None) -> dict[str, Candidate]:
    """The seeds and every current event reachable from them by compatible pairs or by
    an analyst's merge (which may join events the evidence would not)."""
    partners: dict[str, set[str]] = {}
    for pair, (action, _) in (rulings or {}).items():
        if action == "merge":
            x, y = sorted(pair)
            partners.setdefault(x, set()).add(y)
            partners.setdefault(y, set()).add(x)
    found = dict(seeds)
    frontier = sorted(seeds.values(), key=lambda c: c.key)
    while frontier:
        reached: list[Candidate] = []
        for c in frontier:
            near = list(_neighbours(conn, c))
            wanted = sorted(partners.get(c.key, set()) - set(found))
            near += [candidate(s) for s in events_by_key(conn, wanted, current_only=True)]
            for other in near:
                if other.key not in found:
                    found[other.key] = other
                    reached.append(other)
        frontier = reached
    return found


def _neighbours(conn: Connection, c: Candidate) -> Iterable[Candidate]:
    start, end = c.event.time.start, c.event.time.end
    if start is None or end is None:
        return ()
    # the block: events whose dates come within a day (the most the evidence allows)
    # and whose place's country is this one's or none (another country is a veto)
    country = (c.event.location.country or None) if c.event.location else None
    block = ANY_COUNTRY if country is None else country
    near = (candidate(s) for s in overlapping_events(conn, start=start - BLOCK_SLACK,
                                                    end=end + BLOCK_SLACK, longest=LONGEST,
                                                    country=block))
    return [o for o in near if o.key != c.key and compatible(c, o)]


def candidate(s: StoredEvent) -> Candidate:
    d = s.document
    doc = SourceDoc(id=d.id, path=d.path, url=d.url, outlet=d.outlet, title=d.title,
                    published=d.published, fingerprint=d.fingerprint)
    return Candidate(key=s.key, document=doc, event=s.event)


def merged_row(m: Merged) -> MergedRow:
    r = m.reading
    return MergedRow(id=m.id, type=r.type, sub_type=r.sub_type, weapon=r.weapon,
                     time_start=r.time.start, time_end=r.time.end,
                     country=r.location.country if r.location else None, grade=m.grade,
                     body=merged_record(m), members=tuple(c.key for c in m.members))
