"""The events in memory, for filtering and aggregating 50,000 of them per request.

Each row is the few fields filters, the map and the timeline read, plus the counting
view ``warlog.link.tally`` takes; full records stay in the database and are read a
page at a time. The index belongs to one app (no module state) and is rebuilt when
``content_mark`` shows the stored events changed, checked at most every ``recheck``
seconds, so a `warlog ingest` beside a running server shows up within that time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from warlog.exports.selection import EventFilter, EventRow, event_row, sort_key
from warlog.link.tally import TallyEvent, tally_event
from warlog.store.engine import Store
from warlog.store.queries_api import all_merged_bodies, content_mark


@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """The events on record at one moment, oldest first (undated last), then by id."""

    rows: tuple[EventRow, ...]
    tally_events: tuple[TallyEvent, ...]
    mark: tuple[object, ...]

    def select(self, chosen: EventFilter) -> list[EventRow]:
        if chosen == EventFilter():
            return list(self.rows)
        return [r for r in self.rows if chosen.matches(r)]


def load_snapshot(store: Store) -> Snapshot:
    with store.engine.connect() as conn:
        mark = content_mark(conn)
        bodies = all_merged_bodies(conn)
    pairs = sorted(((event_row(b), tally_event(b)) for b in bodies), key=lambda p: sort_key(p[0]))
    return Snapshot(rows=tuple(p[0] for p in pairs), tally_events=tuple(p[1] for p in pairs),
                    mark=mark)


class EventIndex:
    """The current snapshot of a store; thread-safe (requests run in a thread pool)."""

    def __init__(self, store: Store, *, recheck: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._store = store
        self._recheck = recheck
        self._clock = clock
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._checked = 0.0

    def current(self) -> Snapshot:
        with self._lock:
            now = self._clock()
            if self._snapshot is None:
                self._snapshot, self._checked = load_snapshot(self._store), now
            elif now - self._checked >= self._recheck:
                self._checked = now
                with self._store.engine.connect() as conn:
                    changed = content_mark(conn) != self._snapshot.mark
                if changed:
                    self._snapshot = load_snapshot(self._store)
            return self._snapshot
