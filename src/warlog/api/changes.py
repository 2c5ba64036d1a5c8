"""What changed since the page's content mark: for a dashboard that follows along.

``GET /api/changes`` gives the current mark; ``GET /api/changes?mark=M`` (with the
event filters of /api/events) gives whether anything changed since mark M and the ids
of the merged events in the filter that are new since then. The app keeps the event
ids of its last few marks; a mark it no longer knows (a restarted server) answers
``known: false``, and the page reloads its data in full.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request

from warlog.api.index import EventIndex, Snapshot
from warlog.api.params import event_filter, known_parameters_only
from warlog.api.responses import SortedJSON
from warlog.exports.selection import EventFilter

router = APIRouter(prefix="/api", dependencies=[Depends(known_parameters_only)])
MARKS_KEPT = 32


class MarkHistory:
    """Mark text → the ids on record at that mark, for the last ``MARKS_KEPT`` marks."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids: OrderedDict[str, frozenset[str]] = OrderedDict()

    def note(self, snapshot: Snapshot) -> str:
        text = mark_text(snapshot.mark)
        with self._lock:
            if text not in self._ids:
                self._ids[text] = frozenset(r.id for r in snapshot.rows)
                while len(self._ids) > MARKS_KEPT:
                    self._ids.popitem(last=False)
        return text

    def ids_at(self, text: str) -> frozenset[str] | None:
        with self._lock:
            return self._ids.get(text)


def mark_text(mark: tuple[object, ...]) -> str:
    """A short opaque text for a content mark."""
    return hashlib.sha256(repr(mark).encode("utf-8")).hexdigest()[:16]


def _history(app: FastAPI) -> MarkHistory:
    found = getattr(app.state, "mark_history", None)
    if found is None:
        found = app.state.mark_history = MarkHistory()
    assert isinstance(found, MarkHistory)
    return found


@router.get("/changes", summary="Whether the events changed since a content mark, and which "
                                "events in the filter are new since then")
def get_changes(request: Request, chosen: Annotated[EventFilter, Depends(event_filter)],
                mark: Annotated[str | None, Query(pattern=r"^[0-9a-f]{16}$",
                                                  description="the mark of an earlier answer")
                                ] = None) -> Any:
    index: EventIndex = request.app.state.index
    snapshot = index.current()
    history = _history(request.app)
    now = history.note(snapshot)
    if mark is None or mark == now:
        return SortedJSON({"mark": now, "changed": False, "known": True, "new": []})
    before = history.ids_at(mark)
    if before is None:
        return SortedJSON({"mark": now, "changed": True, "known": False, "new": []})
    fresh = [r.id for r in snapshot.select(chosen) if r.id not in before]
    return SortedJSON({"mark": now, "changed": True, "known": True, "new": fresh})
