"""The events in memory, for filtering and aggregating 50,000 of them per request.

Each row is the few fields filters, the map and the timeline read, plus the counting
view ``warlog.link.tally`` takes; full records stay in the database and are read a
page at a time. The index belongs to one app (no module state). It is loaded from the events'
summaries (``store.summary``: the few hundred bytes of each record these rows read, not
the whole record), and kept current through the store's generation: one row, raised by
every write, read at most every ``recheck`` seconds in a background thread (requests
meanwhile answer from the snapshot they have). When it moved, only the merged events
logged since the snapshot's generation are read again (``queries_api.changes_since``),
so a `warlog ingest` beside a running server shows up soon after that time, and costs
the server what changed, not the whole store.
"""

from __future__ import annotations

import bisect
import gc
import logging
import sys
import threading
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from warlog.api.aggregate import facets
from warlog.exports.selection import EventFilter, EventRow, event_row, sort_key
from warlog.link.tally import TallyEvent, tally_event
from warlog.store.engine import Store
from warlog.store.queries_api import Changes, changes_since, content_mark, summaries_streamed

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Lookup:
    """Positions of the rows by exact field values and by start date: they only narrow
    the rows ``EventFilter.matches`` is asked about, so a filter keeps exactly the rows
    a full scan would (a property test checks that)."""

    # positions as arrays of machine ints: a list of a million Python ints is 36 MB, this 4
    by_country: dict[str, array[int]] = field(default_factory=dict)
    by_weapon: dict[str, array[int]] = field(default_factory=dict)
    by_sub_type: dict[str, array[int]] = field(default_factory=dict)
    by_name: dict[str, array[int]] = field(default_factory=dict)    # casefolded actor names
    starts: list[date] = field(default_factory=list)                # the dated rows' starts
    longest: timedelta = timedelta(0)                               # the longest end - start
    tidy: bool = True       # every dated row has an end, on or after its start


def _positions(table: dict[str, array[int]], key: str) -> array[int]:
    found = table.get(key)
    if found is None:
        found = table[key] = array("i")
    return found


def build_lookup(rows: Sequence[EventRow]) -> Lookup:
    found = Lookup()
    for i, r in enumerate(rows):
        if r.country is not None:
            _positions(found.by_country, r.country).append(i)
        _positions(found.by_weapon, r.weapon).append(i)
        _positions(found.by_sub_type, r.sub_type).append(i)
        for name in {n.casefold() for n in (r.attacker, r.target) if n}:
            _positions(found.by_name, name).append(i)
        if r.start is not None:
            found.starts.append(r.start)
    spans = [r.end - r.start if r.end is not None else None for r in rows if r.start is not None]
    known = [s for s in spans if s is not None]
    return Lookup(by_country=found.by_country, by_weapon=found.by_weapon,
                  by_sub_type=found.by_sub_type, by_name=found.by_name, starts=found.starts,
                  longest=max(known, default=timedelta(0)),
                  tidy=len(known) == len(spans) and all(s >= timedelta(0) for s in known))


@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """The events on record at one moment, oldest first (undated last), then by id."""

    rows: tuple[EventRow, ...]
    tally_events: tuple[TallyEvent, ...]
    mark: tuple[object, ...]
    lookup: Lookup = field(default_factory=Lookup)
    facets: dict[str, Any] = field(default_factory=dict)   # the filter menus' values

    def select(self, chosen: EventFilter) -> list[EventRow]:
        if chosen == EventFilter():
            return list(self.rows)
        lo, hi = self._date_window(chosen)
        narrowest = self._narrowest(chosen)
        if narrowest is None and chosen.bbox is None and self.lookup.tidy:
            # dates only: past the rows starting before ``since`` (tested one by one),
            # every row up to ``hi`` starts in the period and ends no earlier than it starts
            first = lo if chosen.since is None else max(lo, bisect.bisect_left(self.lookup.starts,
                                                                               chosen.since))
            first = min(first, hi)
            return [r for r in self.rows[lo:first] if chosen.matches(r)] + list(self.rows[first:hi])
        if narrowest is None:
            return [r for r in self.rows[lo:hi] if chosen.matches(r)]
        if _exact_fields_only(chosen):
            # country, weapon, sub type: the positions of one are those rows' exact values,
            # so only the other fields given are compared
            rows = self.rows
            return [rows[i] for i in narrowest if _same_fields(rows[i], chosen)]
        return [self.rows[i] for i in narrowest if lo <= i < hi and chosen.matches(self.rows[i])]

    def _date_window(self, chosen: EventFilter) -> tuple[int, int]:
        """Rows sorted by start: those starting after ``until``, or so early that even
        the longest event ends before ``since``, cannot match."""
        starts = self.lookup.starts
        if chosen.since is None and chosen.until is None:
            return 0, len(self.rows)
        lo = 0 if chosen.since is None else bisect.bisect_left(starts, _earliest(chosen.since, self.lookup.longest))
        hi = len(starts) if chosen.until is None else bisect.bisect_right(starts, chosen.until)
        return lo, hi

    def _narrowest(self, chosen: EventFilter) -> Sequence[int] | None:
        lists: list[Sequence[int]] = []
        for value, table in ((chosen.country and chosen.country.upper(), self.lookup.by_country),
                             (chosen.weapon, self.lookup.by_weapon),
                             (chosen.sub_type, self.lookup.by_sub_type)):
            if value is not None:
                lists.append(table.get(value, array("i")))
        if chosen.actor is not None:
            wanted = chosen.actor.casefold()
            lists.append(_union(ids for name, ids in self.lookup.by_name.items() if wanted in name))
        return min(lists, key=len) if lists else None


def _exact_fields_only(chosen: EventFilter) -> bool:
    return (chosen.since is None and chosen.until is None and chosen.actor is None
            and chosen.bbox is None)


def _same_fields(row: EventRow, chosen: EventFilter) -> bool:
    return ((chosen.country is None or row.country == chosen.country.upper())
            and (chosen.weapon is None or row.weapon == chosen.weapon)
            and (chosen.sub_type is None or row.sub_type == chosen.sub_type))


def _earliest(since: date, longest: timedelta) -> date:
    """The earliest start an event reaching ``since`` can have: ``since - longest``,
    or the first day there is when that lies before it (``since=0001-01-01``)."""
    return since - longest if since - date.min >= longest else date.min


def _union(lists: Iterable[array[int]]) -> list[int]:
    return sorted({i for ids in lists for i in ids})


Pair = tuple[EventRow, TallyEvent]


def load_snapshot(store: Store) -> Snapshot:
    with store.read() as conn, uncollected():   # the mark and the summaries of one moment
        mark = content_mark(conn)
        # streamed: each summary becomes its rows and is let go
        return _frozen(snapshot_of(summaries_streamed(conn), mark=mark))


@contextmanager
def uncollected() -> Iterator[None]:
    """No cyclic garbage collection while a snapshot is built. A million events are
    some ten million objects: building them triggered dozens of full collections, each
    walking every one (loading 1M took 90 s with them, 33 s without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


FREEZE_ROWS = 50_000


def _frozen(snapshot: Snapshot) -> Snapshot:
    """A large snapshot, and whatever else is live, moved out of the collector's sight
    (``gc.freeze``): else every full collection while serving walks its millions of
    objects (3 s at 1M, every request held up meanwhile). The rows hold no cycles, so
    reference counting still frees them once no snapshot holds them."""
    if len(snapshot.rows) >= FREEZE_ROWS:
        gc.freeze()
    return snapshot


def snapshot_of(bodies: Iterable[dict[str, object]], *, mark: tuple[object, ...] = ()) -> Snapshot:
    """The snapshot of these records (or their summaries: the same rows)."""
    pairs = sorted((_pair(b) for b in bodies), key=_pair_key)
    return _snapshot(pairs, mark=mark)


def _pair(body: dict[str, object]) -> Pair:
    _share_strings(body)
    return event_row(body), tally_event(body)


def _pair_key(pair: Pair) -> tuple[date, str]:
    return sort_key(pair[0])


# Values repeated across a million rows (country, weapon, …) are kept once: decoded JSON
# makes a new string per row.
_SHARED = ("type", "sub_type", "weapon", "outcome", "grade")


def _share_strings(body: dict[str, object]) -> None:
    for key in _SHARED:
        value = body.get(key)
        if isinstance(value, str):
            body[key] = sys.intern(value)
    for part, keys in (("location", ("country", "precision")), ("attacker", ("name", "country")),
                       ("target", ("name", "country"))):
        inner = body.get(part)
        if isinstance(inner, dict):
            for key in keys:
                value = inner.get(key)
                if isinstance(value, str):
                    inner[key] = sys.intern(value)


def _snapshot(pairs: Sequence[Pair], *, mark: tuple[object, ...]) -> Snapshot:
    rows = tuple(p[0] for p in pairs)
    return Snapshot(rows=rows, tally_events=tuple(p[1] for p in pairs), mark=mark,
                    lookup=build_lookup(rows), facets=facets(rows))


def apply_changes(snapshot: Snapshot, changes: Changes) -> Snapshot:
    """The snapshot caught up with the merged events written since it was taken: those
    gone or re-written are dropped, the stored ones put in their place in the order.
    The same snapshot as loading the store again (a test compares them)."""
    with uncollected():
        return _frozen(_caught_up(snapshot, changes))


def _caught_up(snapshot: Snapshot, changes: Changes) -> Snapshot:
    dropped = changes.gone | changes.stored.keys()
    kept = [p for p in zip(snapshot.rows, snapshot.tally_events, strict=True)
            if p[0].id not in dropped]
    fresh = sorted((_pair(b) for b in changes.stored.values()), key=_pair_key)
    if len(fresh) * 8 > len(kept):
        pairs = sorted(kept + fresh, key=_pair_key)
    else:       # each new row put at its place by bisection, the rest copied in slices
        pairs, at = [], 0
        for p in fresh:
            cut = bisect.bisect_left(kept, _pair_key(p), lo=at, key=_pair_key)
            pairs += kept[at:cut]
            pairs.append(p)
            at = cut
        pairs += kept[at:]
    return _snapshot(pairs, mark=(changes.generation,))


class EventIndex:
    """The current snapshot of a store; thread-safe (requests run in a thread pool)."""

    def __init__(self, store: Store, *, recheck: float = 1.0, idle: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._store = store
        self._recheck = recheck
        self._idle = idle if idle is not None else 10 * recheck
        self._clock = clock
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._asked = 0.0
        self._ticking = False

    def current(self) -> Snapshot:
        """The snapshot to answer with. While requests come, a background thread checks
        the store every ``recheck`` seconds and catches the snapshot up, requests going
        on with the snapshot they have meanwhile, so a change is answered within about
        ``recheck`` seconds of its commit, and no request waits for a catch-up (seconds at
        a million events). The thread stops ``idle`` seconds after the last request and
        the next one starts it again (``recheck`` 0: checked in the request, for tests)."""
        with self._lock:
            self._asked = self._clock()
            if self._snapshot is None:
                self._snapshot = load_snapshot(self._store)
            elif self._recheck <= 0:
                self._snapshot = self._newer(self._snapshot) or self._snapshot
            elif not self._ticking:
                self._ticking = True
                threading.Thread(target=self._tick, name="warlog-index", daemon=True).start()
            return self._snapshot

    def _tick(self) -> None:
        try:
            while True:
                time.sleep(self._recheck)
                with self._lock:
                    if self._clock() - self._asked > self._idle:
                        self._ticking = False       # the next request starts another
                        return
                    snapshot = self._snapshot
                if snapshot is not None:
                    self._catch_up(snapshot)
        except BaseException:
            with self._lock:
                self._ticking = False
            raise

    def _catch_up(self, snapshot: Snapshot) -> None:
        try:
            newer = self._newer(snapshot)
        except Exception:  # the next check tries again; the old snapshot still answers
            log.warning("re-reading the stored events failed; answering from the last "
                        "snapshot", exc_info=True)
            return
        if newer is not None:
            with self._lock:
                if self._snapshot is snapshot:      # not caught up by a refresh meanwhile
                    self._snapshot = newer

    def _newer(self, snapshot: Snapshot) -> Snapshot | None:
        with self._store.read() as conn:
            mark = content_mark(conn)
            if mark == snapshot.mark:
                return None
            since = snapshot.mark[0] if snapshot.mark else None
            if not isinstance(since, int):       # not a generation: read it all again
                return snapshot_of(summaries_streamed(conn), mark=mark)
            changes = changes_since(conn, since)
        return apply_changes(snapshot, changes)

    def refresh(self) -> Snapshot:
        """The snapshot, re-read now (in this request) if the database changed since it
        was taken."""
        with self._lock:
            if self._snapshot is None:
                self._snapshot = load_snapshot(self._store)
            else:
                self._snapshot = self._newer(self._snapshot) or self._snapshot
            return self._snapshot
