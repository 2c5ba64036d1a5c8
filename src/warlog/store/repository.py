"""Saving and finding reports, events and claims. Every function takes an open
connection, so the caller decides the transaction: one per report (``save_document``,
``save_events``, ``save_claims``), or one for a whole batch (``save_reports``: one
multi-row insert per table for many reports, the same rows as saving them one by one).

Nothing here sorts by the database's collation or reads the clock: what goes out is
sorted in Python, so SQLite and PostgreSQL give the same bytes.

Every function that writes raises the store's generation (``store_changes``) in the
caller's transaction, and those writing merged events log their ids at it
(``merged_changes``): the API's index reads one row to learn whether anything changed,
and only the changed merged events to catch up (``queries_api.changes_since``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Row, Table, delete, insert, select, update
from sqlalchemy.engine import Connection

from warlog.model import Actor, Claim, Document, Event, Place
from warlog.store.codec import decode_claim, decode_event, encode
from warlog.store.summary import summary_of
from warlog.store.tables import (
    ALL,
    actors,
    claims,
    documents,
    event_sources,
    link_decisions,
    merged_changes,
    merged_events,
    places,
    report_events,
    store_changes,
)

CHUNK = 500     # ids per IN (…) list: well under SQLite's and psycopg's parameter limits
ROWS_PER_INSERT = 5000  # rows per executemany call of ``save_reports`` (bounds its memory)


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentHead:
    """What the store keeps of a report besides its text: who, where from, when."""

    id: str
    path: str | None
    url: str | None
    outlet: str | None
    title: str | None
    published: date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredDoc(DocumentHead):
    """A report as linking sees it: its head and its text's fingerprint."""

    fingerprint: tuple[int, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredEvent:
    key: str
    document: StoredDoc
    event: Event


@dataclass(frozen=True, slots=True, kw_only=True)
class Version:
    id: str
    published: date | None
    current: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class MergedRow:
    """A merged event to store: indexed columns, the record, and its members' keys."""

    id: str
    type: str
    sub_type: str
    weapon: str
    time_start: date | None
    time_end: date | None
    country: str | None
    grade: str
    body: Mapping[str, Any]
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredClaim:
    claim: Claim
    document_id: str
    published: date | None
    target_country: str | None


def stable_id(*parts: object) -> str:
    blob = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    """Ids in slices of CHUNK, one IN (…) list each."""
    for i in range(0, len(values), CHUNK):
        yield values[i:i + CHUNK]


# -- the change log -------------------------------------------------------------------

def bump_generation(conn: Connection) -> int:
    """Raise the store's generation by one in the caller's transaction; the new value.
    The row stays locked until the transaction ends, so generations are handed out in
    the order writers commit, and a reader that sees generation g sees every write up
    to it."""
    conn.execute(update(store_changes).where(store_changes.c.id == 1)
                 .values(generation=store_changes.c.generation + 1))
    found = conn.scalar(select(store_changes.c.generation).where(store_changes.c.id == 1))
    assert found is not None, "store_changes has no row: the store is not at revision 0006"
    return int(found)


def _log_merged(conn: Connection, ids: Iterable[str], *, present: bool) -> None:
    generation = bump_generation(conn)
    for part in chunks(sorted(set(ids))):
        conn.execute(delete(merged_changes).where(merged_changes.c.merged_id.in_(part)))
        conn.execute(insert(merged_changes), [{"merged_id": i, "generation": generation,
                                               "present": present} for i in part])


# -- writing a report ---------------------------------------------------------------

def known_documents(conn: Connection, ids: Iterable[str]) -> set[str]:
    wanted = sorted(set(ids))
    found: set[str] = set()
    for part in chunks(wanted):
        found.update(conn.scalars(select(documents.c.id).where(documents.c.id.in_(part))))
    return found


def save_document(conn: Connection, doc: Document, *, fingerprint: Sequence[int],
                  current: bool) -> None:
    bump_generation(conn)
    conn.execute(insert(documents).values(**_document_row(doc, fingerprint=fingerprint,
                                                          current=current)))


def _document_row(doc: Document, *, fingerprint: Sequence[int], current: bool) -> dict[str, Any]:
    return {"id": doc.id, "url": doc.url, "path": doc.path, "outlet": doc.outlet,
            "title": doc.title, "published": doc.published,
            "published_source": doc.published_source, "text": doc.text,
            "dropped": encode(doc.dropped), "fingerprint": list(fingerprint),
            "current": current, "url_source": doc.url_source}


def save_events(conn: Connection, doc_id: str, events: Sequence[Event],
                keys: Sequence[str]) -> None:
    """A report's events, with the places and actors they name (added once each)."""
    bump_generation(conn)
    _add_missing(conn, places, {_place_row(e.location)["id"]: _place_row(e.location)
                                for e in events if e.location is not None})
    people = [a for e in events for a in (e.attacker, e.target) if a is not None]
    _add_missing(conn, actors, {_actor_row(a)["id"]: _actor_row(a) for a in people})
    rows = [_event_row(doc_id, i, key, e) for i, (key, e) in enumerate(zip(keys, events, strict=True))]
    if rows:
        conn.execute(insert(report_events), rows)


def save_claims(conn: Connection, doc_id: str, found: Sequence[Claim],
                target_countries: Sequence[str | None]) -> None:
    rows = _claim_rows(doc_id, found, target_countries)
    if rows:
        bump_generation(conn)
        conn.execute(insert(claims), rows)


def _claim_rows(doc_id: str, found: Sequence[Claim],
                target_countries: Sequence[str | None]) -> list[dict[str, Any]]:
    return [{"key": f"{doc_id}:{i}", "document_id": doc_id, "ordinal": i, "kind": c.kind,
             "value": c.value, "since": c.since, "as_of": c.as_of, "target_country": country,
             "body": _claim_body(c)}
            for i, (c, country) in enumerate(zip(found, target_countries, strict=True))]


def _claim_body(c: Claim) -> dict[str, Any]:
    body: dict[str, Any] = encode(c)
    body["breakdown"] = dict(c.breakdown)
    return body


def _add_missing(conn: Connection, table: Table, rows: Mapping[str, dict[str, Any]]) -> None:
    if not rows:
        return
    have: set[str] = set()
    for part in chunks(sorted(rows)):
        have.update(conn.scalars(select(table.c.id).where(table.c.id.in_(part))))
    missing = [rows[k] for k in sorted(rows) if k not in have]
    if missing:
        conn.execute(insert(table), missing)


def _place_row(p: Place | None) -> dict[str, Any]:
    assert p is not None
    fields = {"name": p.name, "admin1": p.admin1, "country": p.country, "lat": p.lat,
              "lon": p.lon, "precision": p.precision, "gazetteer_id": p.gazetteer_id}
    return {"id": stable_id("place", fields), **fields}


def _actor_row(a: Actor) -> dict[str, Any]:
    fields = {"name": a.name, "kind": a.kind, "country": a.country}
    return {"id": stable_id("actor", fields), **fields}


def _event_row(doc_id: str, ordinal: int, key: str, e: Event) -> dict[str, Any]:
    return {
        "key": key, "document_id": doc_id, "event_id": e.id, "ordinal": ordinal,
        "type": e.type, "sub_type": e.sub_type, "weapon": e.weapon,
        "time_start": e.time.start, "time_end": e.time.end,
        "place_id": _place_row(e.location)["id"] if e.location else None,
        "attacker_id": _actor_row(e.attacker)["id"] if e.attacker else None,
        "target_id": _actor_row(e.target)["id"] if e.target else None,
        "body": encode(e),
        "country": (e.location.country or None) if e.location else None,
    }


# -- writing many reports at once ---------------------------------------------------

@dataclass(frozen=True, slots=True, kw_only=True)
class ReportRows:
    """One report as ``save_reports`` writes it: what ``save_document``, ``save_events``
    and ``save_claims`` take for it, in one value."""

    document: Document
    fingerprint: Sequence[int]
    current: bool
    events: Sequence[Event] = ()
    keys: Sequence[str] = ()            # the events' keys (``link.candidate.event_keys``)
    claims: Sequence[Claim] = ()
    target_countries: Sequence[str | None] = ()   # one per claim


def save_reports(conn: Connection, reports: Sequence[ReportRows]) -> None:
    """Many reports in the caller's one transaction: the same rows as ``save_document``,
    ``save_events`` and ``save_claims`` per report, written as one multi-row insert per
    table (executemany; PostgreSQL's driver pipelines it), places and actors once each
    whether stored before or named by several reports of the batch. On an error nothing
    of the batch is written once the caller's transaction rolls back; a document id
    given twice, or one already stored, is an IntegrityError like ``save_document``'s."""
    if not reports:
        return
    doc_rows, event_rows, claim_rows = [], [], []
    place_rows: dict[str, dict[str, Any]] = {}
    actor_rows: dict[str, dict[str, Any]] = {}
    for r in reports:
        doc = r.document
        if len(r.keys) != len(r.events) or len(r.target_countries) != len(r.claims):
            raise ValueError(f"report {doc.id}: {len(r.events)} events with {len(r.keys)} keys, "
                             f"{len(r.claims)} claims with {len(r.target_countries)} countries")
        doc_rows.append(_document_row(doc, fingerprint=r.fingerprint, current=r.current))
        for e in r.events:
            if e.location is not None:
                row = _place_row(e.location)
                place_rows.setdefault(row["id"], row)
            for a in (e.attacker, e.target):
                if a is not None:
                    row = _actor_row(a)
                    actor_rows.setdefault(row["id"], row)
        event_rows += [_event_row(doc.id, i, key, e)
                       for i, (key, e) in enumerate(zip(r.keys, r.events, strict=True))]
        claim_rows += _claim_rows(doc.id, r.claims, r.target_countries)
    bump_generation(conn)
    conn.execute(insert(documents), doc_rows)
    _add_missing(conn, places, place_rows)
    _add_missing(conn, actors, actor_rows)
    for table, rows in ((report_events, event_rows), (claims, claim_rows)):
        for i in range(0, len(rows), ROWS_PER_INSERT):
            conn.execute(insert(table), rows[i:i + ROWS_PER_INSERT])


# -- versions of one report ---------------------------------------------------------

def versions_of(conn: Connection, url: str) -> list[Version]:
    """The stored versions of the report at ``url``: documents whose origin gave that
    URL (a page that only claims it is not one)."""
    rows = conn.execute(select(documents.c.id, documents.c.published, documents.c.current)
                        .where(documents.c.url == url, documents.c.url_source == "origin"))
    return sorted((Version(id=r.id, published=r.published, current=r.current) for r in rows),
                  key=lambda v: v.id)


def set_current(conn: Connection, doc_id: str, *, current: bool) -> None:
    bump_generation(conn)
    conn.execute(update(documents).where(documents.c.id == doc_id).values(current=current))


# -- linking candidates -------------------------------------------------------------

_EVENT_COLUMNS = (report_events.c.key, report_events.c.body, documents.c.id, documents.c.path,
                  documents.c.url, documents.c.outlet, documents.c.title, documents.c.published,
                  documents.c.fingerprint)


def events_of(conn: Connection, doc_ids: Iterable[str]) -> list[StoredEvent]:
    """The stored events of these reports, whether or not their reading counts."""
    out: list[StoredEvent] = []
    for part in chunks(sorted(set(doc_ids))):
        query = (select(*_EVENT_COLUMNS).join(documents)
                 .where(report_events.c.document_id.in_(part)))
        out += [_stored_event(r) for r in conn.execute(query)]
    return sorted(out, key=lambda s: s.key)


def events_by_key(conn: Connection, keys: Iterable[str], *,
                  current_only: bool = False) -> list[StoredEvent]:
    out: list[StoredEvent] = []
    for part in chunks(sorted(set(keys))):
        query = select(*_EVENT_COLUMNS).join(documents).where(report_events.c.key.in_(part))
        if current_only:
            query = query.where(documents.c.current.is_(True))
        out += [_stored_event(r) for r in conn.execute(query)]
    return sorted(out, key=lambda s: s.key)


ANY_COUNTRY = "*"   # ``overlapping_events(country=...)``: no blocking on the country


def overlapping_events(conn: Connection, *, type_: str | None = None, start: date,
                       end: date, longest: timedelta | None = None,
                       country: str | None = ANY_COUNTRY) -> list[StoredEvent]:
    """Events of current reports whose dates meet [start, end] (of the type, if given):
    linking's block. Widen the days to find the events a day off. ``longest`` bounds how
    long a stored span can be, so the index on start dates reads only the days that can
    meet, not every earlier event. ``country`` (a code, or None for "no country") blocks
    on the place: the events of that country and those with no country, the only ones
    whose place does not rule them out (``link.evidence.place_factor``); each part is read
    through the index on (country, start date, end date)."""
    def block(query: Any) -> list[StoredEvent]:
        query = query.where(documents.c.current.is_(True), report_events.c.time_start <= end,
                            report_events.c.time_end >= start)
        if longest is not None:
            query = query.where(report_events.c.time_start >= start - longest)
        if type_ is not None:
            query = query.where(report_events.c.type == type_)
        return [_stored_event(r) for r in conn.execute(query)]

    base = select(*_EVENT_COLUMNS).join(documents)
    if country == ANY_COUNTRY:
        found = block(base)
    else:
        found = block(base.where(report_events.c.country.is_(None)))
        if country is not None:
            found += block(base.where(report_events.c.country == country))
    return sorted(found, key=lambda s: s.key)


def _stored_event(r: Row[*tuple[Any, ...]]) -> StoredEvent:
    doc = StoredDoc(id=r.id, path=r.path, url=r.url, outlet=r.outlet, title=r.title,
                    published=r.published, fingerprint=tuple(r.fingerprint))
    return StoredEvent(key=r.key, document=doc, event=decode_event(r.body))


# -- merged events ------------------------------------------------------------------

def merged_containing(conn: Connection, keys: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The merged events any of these report events belong to, with all their members."""
    ids: set[str] = set()
    for part in chunks(sorted(set(keys))):
        ids.update(conn.scalars(select(event_sources.c.merged_id)
                                .where(event_sources.c.event_key.in_(part))))
    members: dict[str, list[str]] = {i: [] for i in ids}
    for part in chunks(sorted(ids)):
        for r in conn.execute(select(event_sources).where(event_sources.c.merged_id.in_(part))):
            members[r.merged_id].append(r.event_key)
    return {i: tuple(sorted(m)) for i, m in sorted(members.items())}


def delete_merged(conn: Connection, ids: Iterable[str]) -> None:
    wanted = sorted(set(ids))
    if not wanted:
        return
    _log_merged(conn, wanted, present=False)
    for part in chunks(wanted):
        conn.execute(delete(event_sources).where(event_sources.c.merged_id.in_(part)))
        conn.execute(delete(merged_events).where(merged_events.c.id.in_(part)))


def save_merged(conn: Connection, rows: Sequence[MergedRow]) -> None:
    if not rows:
        return
    _log_merged(conn, [m.id for m in rows], present=True)
    conn.execute(insert(merged_events), [
        {"id": m.id, "type": m.type, "sub_type": m.sub_type, "weapon": m.weapon,
         "time_start": m.time_start, "time_end": m.time_end, "country": m.country,
         "grade": m.grade, "source_count": len(m.members), "body": dict(m.body),
         "summary": summary_of(m.body)}
        for m in rows])
    links = [{"merged_id": m.id, "event_key": k} for m in rows for k in m.members]
    if links:
        conn.execute(insert(event_sources), links)


def merged_records(conn: Connection, *, since: date | None = None, until: date | None = None,
                   country: str | None = None) -> list[dict[str, Any]]:
    """Stored MERGED EVENT records whose dates meet [since, until] (an undated event
    only without dates), sorted by start date then id."""
    query = select(merged_events.c.id, merged_events.c.time_start, merged_events.c.body)
    if since is not None:
        query = query.where(merged_events.c.time_end >= since)
    if until is not None:
        query = query.where(merged_events.c.time_start <= until)
    if country is not None:
        query = query.where(merged_events.c.country == country.upper())
    rows = sorted(conn.execute(query), key=lambda r: (r.time_start or date.max, r.id))
    return [dict(r.body) for r in rows]


def merged_index(conn: Connection) -> dict[str, str]:
    """Report event key → the merged event it belongs to."""
    return {r.event_key: r.merged_id for r in conn.execute(select(event_sources))}


def members_of(conn: Connection, merged_ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Merged event id → its report events' keys (only ids on record)."""
    out: dict[str, list[str]] = {}
    for part in chunks(sorted(set(merged_ids))):
        for r in conn.execute(select(event_sources).where(event_sources.c.merged_id.in_(part))):
            out.setdefault(r.merged_id, []).append(r.event_key)
    return {i: tuple(sorted(k)) for i, k in sorted(out.items())}


# -- analysts' link decisions --------------------------------------------------------

@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    number: int
    action: str                 # "merge" or "split"
    keys_a: tuple[str, ...]
    keys_b: tuple[str, ...]
    label: str
    undone: bool


def add_decision(conn: Connection, *, action: str, keys_a: Sequence[str], keys_b: Sequence[str],
                 label: str) -> int:
    bump_generation(conn)
    result = conn.execute(insert(link_decisions).values(
        action=action, keys_a=sorted(keys_a), keys_b=sorted(keys_b), label=label, undone=False))
    number = result.inserted_primary_key[0] if result.inserted_primary_key else None
    assert number is not None
    return int(number)


def decisions(conn: Connection) -> list[Decision]:
    """Every decision, in the order made (undone ones too)."""
    rows = conn.execute(select(link_decisions).order_by(link_decisions.c.number))
    return [Decision(number=r.number, action=r.action, keys_a=tuple(r.keys_a),
                     keys_b=tuple(r.keys_b), label=r.label, undone=r.undone) for r in rows]


def set_undone(conn: Connection, number: int) -> None:
    bump_generation(conn)
    conn.execute(update(link_decisions).where(link_decisions.c.number == number)
                 .values(undone=True))


# -- claims -------------------------------------------------------------------------

def current_claims(conn: Connection) -> list[StoredClaim]:
    """The claims of every report whose reading counts."""
    query = (select(claims.c.key, claims.c.body, claims.c.target_country, documents.c.id,
                    documents.c.published)
             .join(documents).where(documents.c.current.is_(True)))
    rows = sorted(conn.execute(query), key=lambda r: r.key)
    return [StoredClaim(claim=decode_claim(r.body), document_id=r.id, published=r.published,
                        target_country=r.target_country) for r in rows]


# -- the whole content, for comparisons ---------------------------------------------

def dump(conn: Connection) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, sorted by primary key, JSON-ready: two databases hold
    the same content exactly when their dumps are equal."""
    out: dict[str, list[dict[str, Any]]] = {}
    for table in ALL:
        order = [c for c in table.primary_key.columns]
        rows = conn.execute(select(table).order_by(*order))
        out[table.name] = [{k: encode(v) for k, v in r._mapping.items()} for r in rows]
    return out
