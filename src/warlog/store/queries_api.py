"""Reads the API and the exports need beyond ``repository``: one merged event or document
by id, a page of records, report texts and titles, and a cheap mark that changes
when the stored events do (the API keeps an in-memory index and rebuilds it then).

Read-only. As in ``repository``, nothing is ordered by the database's collation: what
goes out is sorted in Python, so SQLite and PostgreSQL give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from warlog.store.repository import DocumentHead, chunks
from warlog.store.tables import claims, documents, merged_events


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredDocument(DocumentHead):
    """A report as the API shows it: its head, text, and what was dropped from the page."""

    published_source: str
    current: bool
    text: str
    dropped: list[dict[str, Any]]


def content_mark(conn: Connection) -> tuple[object, ...]:
    """Changes whenever what is stored changes. Ingest only ever adds documents (a new
    version of a report is a new row too), so their count grows with every change that
    reaches merged events; the merged events' own count and id bounds are added for
    writers other than ingest."""
    n_docs = conn.scalar(select(func.count()).select_from(documents))
    merged = conn.execute(select(func.count(), func.min(merged_events.c.id),
                                 func.max(merged_events.c.id),
                                 func.sum(merged_events.c.source_count))).one()
    n_claims = conn.scalar(select(func.count()).select_from(claims))
    return (n_docs, *tuple(merged), n_claims)


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
