"""Reads the API and the exports need beyond ``repository``: one merged event or document
by id, a page of records, report texts and titles, the store's generation (one row,
raised by every write) and the merged events changed since a generation: the API keeps
an in-memory index and catches it up with those.

Read-only. As in ``repository``, nothing is ordered by the database's collation: what
goes out is sorted in Python, so SQLite and PostgreSQL give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from warlog.store.repository import DocumentHead, chunks
from warlog.store.summary import summary_of
from warlog.store.tables import (
    documents,
    event_sources,
    merged_changes,
    merged_events,
    store_changes,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredDocument(DocumentHead):
    """A report as the API shows it: its head, text, and what was dropped from the page."""

    published_source: str
    current: bool
    text: str
    dropped: list[dict[str, Any]]


def generation(conn: Connection) -> int:
    """The store's generation: raised by every write (``repository.bump_generation``), so
    it differs exactly when something was written since. One row, whatever the size."""
    found = conn.scalar(select(store_changes.c.generation).where(store_changes.c.id == 1))
    return int(found or 0)


def content_mark(conn: Connection) -> tuple[object, ...]:
    """Changes whenever what is stored changes: the generation."""
    return (generation(conn),)


@dataclass(frozen=True, slots=True, kw_only=True)
class Changes:
    """The merged events written since a generation: stored now (their summaries), or gone."""

    generation: int
    stored: dict[str, dict[str, Any]]
    gone: frozenset[str]


def changes_since(conn: Connection, since: int) -> Changes:
    """What a reader at generation ``since`` must re-read to reach the current one. Read
    it inside one transaction (``Store.read``), so the two reads see the same moment."""
    now = generation(conn)
    rows = conn.execute(select(merged_changes.c.merged_id, merged_changes.c.present)
                        .where(merged_changes.c.generation > since)).all()
    present = sorted(r.merged_id for r in rows if r.present)
    stored = merged_summaries(conn, present)
    # an id logged as present but not found was deleted by a write not yet logged as such:
    # not possible through ``repository``; treated as gone
    gone = frozenset(r.merged_id for r in rows if not r.present) | (set(present) - set(stored))
    return Changes(generation=now, stored=stored, gone=frozenset(gone))


def merged_summaries(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Merged event id → its summary (``store.summary``), for the ids that are stored;
    the full record is read only for a row without one."""
    out: dict[str, dict[str, Any]] = {}
    missing: list[str] = []
    for part in chunks(sorted(set(ids))):
        query = select(merged_events.c.id, merged_events.c.summary).where(merged_events.c.id.in_(part))
        for r in conn.execute(query):
            if r.summary is None:
                missing.append(r.id)
            else:
                out[r.id] = r.summary
    out.update((i, summary_of(body)) for i, body in merged_bodies(conn, missing).items())
    return out


def summaries_streamed(conn: Connection, *, per_fetch: int = 5000) -> Iterator[dict[str, Any]]:
    """The summary of every merged event (unsorted), ``per_fetch`` rows at a time, the
    full record read only for a row without one. Read it inside one transaction."""
    query = select(merged_events.c.id, merged_events.c.summary)
    result = conn.execution_options(yield_per=per_fetch).execute(query)
    missing: list[str] = []
    for row in result:
        if row.summary is None:
            missing.append(row.id)
        else:
            yield row.summary
    for part in chunks(missing):
        for r in conn.execute(select(merged_events.c.body).where(merged_events.c.id.in_(part))):
            yield summary_of(r.body)


def all_merged_bodies(conn: Connection) -> list[dict[str, Any]]:
    """Every MERGED EVENT record (unsorted: the caller sorts)."""
    return list(merged_bodies_streamed(conn))


def merged_bodies_streamed(conn: Connection, *, per_fetch: int = 2000) -> Iterator[dict[str, Any]]:
    """Every MERGED EVENT record (unsorted), fetched ``per_fetch`` at a time (a
    server-side cursor on PostgreSQL), so that a caller that keeps less than the whole
    record (the API's index) never holds a million of them at once. Read it inside the
    connection's transaction."""
    result = conn.execution_options(yield_per=per_fetch).scalars(select(merged_events.c.body))
    for body in result:
        yield dict(body)


def merged_bodies(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The MERGED EVENT records of these ids (those that exist)."""
    out: dict[str, dict[str, Any]] = {}
    for part in chunks(sorted(set(ids))):
        query = select(merged_events.c.id, merged_events.c.body).where(merged_events.c.id.in_(part))
        out.update((r.id, dict(r.body)) for r in conn.execute(query))
    return out


def merged_of_keys(conn: Connection, keys: Iterable[str]) -> dict[str, str]:
    """Report event key → the merged event it belongs to, for these keys (those that
    belong to one): ``repository.merged_index`` restricted to them."""
    out: dict[str, str] = {}
    for part in chunks(sorted(set(keys))):
        query = (select(event_sources.c.event_key, event_sources.c.merged_id)
                 .where(event_sources.c.event_key.in_(part)))
        out.update((r.event_key, r.merged_id) for r in conn.execute(query))
    return out


def stored_document(conn: Connection, doc_id: str) -> StoredDocument | None:
    row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
    if row is None:
        return None
    return StoredDocument(id=row.id, path=row.path, url=row.url, outlet=row.outlet, title=row.title,
                          published=row.published, published_source=row.published_source,
                          current=row.current, text=row.text, dropped=list(row.dropped))


def document_texts(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """Document id → its normalised text, for the evidence sentences of exports."""
    out: dict[str, str] = {}
    for part in chunks(sorted(set(ids))):
        query = select(documents.c.id, documents.c.text).where(documents.c.id.in_(part))
        out.update((r.id, r.text) for r in conn.execute(query))
    return out


def document_titles(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Document id → its title, outlet, url and published date (no text)."""
    out: dict[str, dict[str, Any]] = {}
    cols = (documents.c.id, documents.c.title, documents.c.outlet, documents.c.url,
            documents.c.published, documents.c.path)
    for part in chunks(sorted(set(ids))):
        for r in conn.execute(select(*cols).where(documents.c.id.in_(part))):
            out[r.id] = {"id": r.id, "title": r.title, "outlet": r.outlet, "url": r.url,
                         "path": r.path,
                         "published": r.published.isoformat() if r.published else None}
    return out
