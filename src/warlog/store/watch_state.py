"""What `warlog watch` remembers between polls, in the database it ingests into.

- ``watch_sources``: per watched address, the validators of its last answer (ETag,
  Last-Modified), sent back as a conditional GET so an unchanged feed costs a 304.
- ``watch_items``: per source, the items already handled (a feed item by its id or
  link, a file by its path) and a content id that changes when the item does; an item
  seen with the same content id is not read again.

Only `warlog watch` writes these; the events themselves are stored by ingest as ever.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Column, String, Table, Text, delete, select
from sqlalchemy.engine import Connection

from warlog.store.tables import metadata

watch_sources = Table(
    "watch_sources", metadata,
    Column("id", String(64), primary_key=True),         # sha256 of the source
    Column("source", Text, nullable=False),
    Column("etag", Text, nullable=True),
    Column("last_modified", Text, nullable=True),
)

watch_items = Table(
    "watch_items", metadata,
    Column("id", String(64), primary_key=True),         # sha256 of source and item key
    Column("source", Text, nullable=False),
    Column("item_key", Text, nullable=False),
    Column("content_id", String(64), nullable=False),
    Column("document_id", String(64), nullable=True),
)


def _id(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def validators(conn: Connection, source: str) -> tuple[str | None, str | None]:
    row = conn.execute(select(watch_sources.c.etag, watch_sources.c.last_modified)
                       .where(watch_sources.c.id == _id(source))).first()
    return (row.etag, row.last_modified) if row is not None else (None, None)


def save_validators(conn: Connection, source: str, *, etag: str | None,
                    last_modified: str | None) -> None:
    conn.execute(delete(watch_sources).where(watch_sources.c.id == _id(source)))
    conn.execute(watch_sources.insert().values(id=_id(source), source=source, etag=etag,
                                               last_modified=last_modified))


def seen_content(conn: Connection, source: str, key: str) -> str | None:
    """The content id an item had when last handled, or None if it never was."""
    found: str | None = conn.scalar(select(watch_items.c.content_id)
                                    .where(watch_items.c.id == _id(source, key)))
    return found


def remember(conn: Connection, source: str, key: str, *, content_id: str,
             document_id: str | None) -> None:
    conn.execute(delete(watch_items).where(watch_items.c.id == _id(source, key)))
    conn.execute(watch_items.insert().values(id=_id(source, key), source=source, item_key=key,
                                             content_id=content_id, document_id=document_id))
