"""The API's endpoints: read-only GETs over the store and the in-memory index."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from warlog.api.aggregate import choose_step, clusters, timeline
from warlog.api.claims import ClaimKind, claims_list, tally_of_index
from warlog.api.detail import document_detail, event_detail
from warlog.api.index import EventIndex, Snapshot
from warlog.api.memo import Memo
from warlog.api.pages import RecordCache, events_page
from warlog.api.params import (
    Page,
    check_period,
    event_filter,
    known_parameters_only,
    page,
    parse_bbox,
)
from warlog.api.responses import SortedJSON
from warlog.exports.selection import EventFilter, EventRow
from warlog.store.engine import Store

# every endpoint refuses parameters it does not know (params.known_parameters_only)
router = APIRouter(prefix="/api", dependencies=[Depends(known_parameters_only)])
Filter = Annotated[EventFilter, Depends(event_filter)]
TALLIES_KEPT = 64
SELECTIONS_KEPT = 16    # filters whose rows are kept (a list of up to every event each)
PAGE_ATTEMPTS = 3   # an index behind the database is refreshed, at most this often a page
Since = Annotated[date | None, Query(description="from this day on (YYYY-MM-DD)")]
Until = Annotated[date | None, Query(description="up to this day (YYYY-MM-DD)")]


def _index(request: Request) -> EventIndex:
    index: EventIndex = request.app.state.index
    return index


def _selected(request: Request, snapshot: Snapshot, chosen: EventFilter) -> list[EventRow]:
    """The snapshot's rows in the filter, selected once per snapshot and filter while
    the answer is kept (paging through one filter selects it once)."""
    if chosen == EventFilter():
        return snapshot.select(chosen)
    selections: Memo[list[EventRow]] = request.app.state.selections
    return selections.get((snapshot.mark, chosen), lambda: snapshot.select(chosen))


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@router.get("/events", summary="Merged events meeting the filters, oldest first, a page at a time")
def list_events(request: Request, chosen: Filter, paged: Annotated[Page, Depends(page)]) -> Any:
    cache: RecordCache = request.app.state.records
    index = _index(request)
    body: bytes | None = None
    for attempt in range(PAGE_ATTEMPTS):
        snapshot = index.current() if attempt == 0 else index.refresh()
        rows = _selected(request, snapshot, chosen)
        ids = [r.id for r in rows[paged.offset:paged.offset + paged.limit]]
        with _store(request).read() as conn:
            body = events_page(conn, cache, ids, mark=snapshot.mark, total=len(rows),
                               offset=paged.offset, limit=paged.limit,
                               partial=attempt == PAGE_ATTEMPTS - 1)
        if body is not None:
            break
    assert body is not None
    return Response(body, media_type="application/json")


@router.get("/events/{event_id}", summary="One merged event: every source, its evidence "
                                          "sentences and the fields it gave")
def get_event(request: Request,
              event_id: Annotated[str, Path(pattern=r"^[0-9a-f]{1,64}$")]) -> Any:
    with _store(request).read() as conn:
        return SortedJSON(event_detail(conn, event_id))


@router.get("/documents/{document_id}", summary="One report: normalised text and dropped parts")
def get_document(request: Request,
                 document_id: Annotated[str, Path(pattern=r"^[0-9a-f]{1,64}$")]) -> Any:
    with _store(request).engine.connect() as conn:
        return SortedJSON(document_detail(conn, document_id))


@router.get("/tally", summary="Counts of events and casualties with official tallies beside "
                              "them, as `warlog tally --json`")
def get_tally(request: Request, since: Since = None, until: Until = None,
              by: Literal["country", "weapon", "actor", "week"] = "country") -> Any:
    check_period(since, until)
    snapshot = _index(request).current()
    # The dashboard asks for the same tally on every change of the other filters: the
    # answer depends only on the stored content (its mark) and these three parameters,
    # and is computed once however many ask at the same time (``api.memo``).
    tallies: Memo[bytes] = request.app.state.tallies

    def count() -> bytes:
        with _store(request).read() as conn:
            counted = tally_of_index(conn, snapshot.tally_events, since=since, until=until, by=by)
        return bytes(SortedJSON(counted).body)

    body = tallies.get((snapshot.mark, since, until, by), count)
    return Response(body, media_type="application/json")


@router.get("/claims", summary="Aggregate figures reports state, stated in the period")
def get_claims(request: Request, since: Since = None, until: Until = None,
               kind: ClaimKind | None = None) -> Any:
    check_period(since, until)
    with _store(request).engine.connect() as conn:
        found = claims_list(conn, since=since, until=until, kind=kind)
    return SortedJSON({"total": len(found), "claims": found})


@router.get("/map", summary="The events in the filter clustered on the map's pixel grid")
def get_map(request: Request, chosen: Filter,
            zoom: Annotated[int, Query(ge=0, le=20, description="the map's zoom level")] = 2,
            view: Annotated[str | None, Query(description="the visible box: west,south,east,north")] = None,
            ) -> Any:
    rows = _selected(request, _index(request).current(), chosen)
    return SortedJSON(clusters(rows, zoom=zoom, view=parse_bbox("view", view)))


@router.get("/timeline", summary="Events in the filter per day or ISO week")
def get_timeline(request: Request, chosen: Filter,
                 step: Literal["auto", "day", "week"] = "auto") -> Any:
    rows = _selected(request, _index(request).current(), chosen)
    return SortedJSON(timeline(rows, step=choose_step(rows) if step == "auto" else step))


@router.get("/facets", summary="Countries, weapons, sub types and actors on record, with counts")
def get_facets(request: Request) -> Any:
    return SortedJSON(_index(request).current().facets)


@router.get("/link/decisions", summary="Analysts' link decisions (merges, splits), in the "
                                       "order made, undone ones marked; read-only")
def get_link_decisions(request: Request) -> Any:
    from warlog.batch.decisions import decision_record
    from warlog.store.repository import decisions

    with _store(request).engine.connect() as conn:
        return SortedJSON({"decisions": [decision_record(d) for d in decisions(conn)]})
