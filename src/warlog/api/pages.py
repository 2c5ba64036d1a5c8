"""Pages of full records, encoded once: each MERGED EVENT's JSON (sorted keys) is kept
in a bounded least-recently-used cache, so a page of /api/events is mostly a join of
ready strings. Encoding a record alone gives the same bytes as encoding it inside the
page (same options), so the cache changes no output. The cache belongs to one
snapshot of the index: a changed database starts a new one."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.engine import Connection

from warlog.api.detail import page_records

ENCODE = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}


def encode(value: Any) -> str:
    return json.dumps(value, **ENCODE)  # type: ignore[arg-type]


class RecordCache:
    """Record id → its encoded JSON, at most ``size`` of them, for one content mark."""

    def __init__(self, *, size: int = 20_000) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._mark: tuple[object, ...] | None = None
        self._entries: OrderedDict[str, str] = OrderedDict()

    def encoded(self, ids: Sequence[str], *, mark: tuple[object, ...],
                load: Callable[[list[str]], list[dict[str, Any]]]) -> list[str]:
        """The records of ``ids`` in order; those not cached come from ``load``."""
        with self._lock:
            if mark != self._mark:
                self._mark, self._entries = mark, OrderedDict()
            found = {i: self._entries[i] for i in ids if i in self._entries}
            for i in found:
                self._entries.move_to_end(i)
        missing = [i for i in ids if i not in found]
        if missing:
            fresh = {r["id"]: encode(r) for r in load(missing)}
            found.update(fresh)
            with self._lock:
                if mark == self._mark:
                    self._entries.update(fresh)
                    while len(self._entries) > self._size:
                        self._entries.popitem(last=False)
        return [found[i] for i in ids if i in found]


def events_page(conn: Connection, cache: RecordCache, ids: list[str], *, mark: tuple[object, ...],
                total: int, offset: int, limit: int, partial: bool = False) -> bytes | None:
    """The /api/events answer, byte for byte what encoding the whole page would give.

    None when a record of the page is no longer stored (an ingest beside the server
    re-linked it since the index was taken): the caller refreshes the index and asks
    again, rather than answer a page shorter than its ``total`` says. ``partial``
    answers with what is there all the same."""
    records = cache.encoded(ids, mark=mark, load=lambda wanted: page_records(conn, wanted))
    if len(records) < len(ids) and not partial:
        return None
    tail = encode({"limit": limit, "offset": offset, "total": total})[1:]
    return ('{"events":[' + ",".join(records) + "]," + tail).encode("utf-8")
