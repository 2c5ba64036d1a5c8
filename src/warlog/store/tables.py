"""The store's tables (SQLAlchemy Core), one schema for SQLite and PostgreSQL.

Migrations in ``migrations/versions`` create and change these; a test checks that the
migrated database matches this module. The content's rows hold no clock time and no counters, so the
same reports give the same rows in any ingest order (``repository.dump`` compares them).

- ``documents``: one row per distinct normalised text (id = its sha256). Versions of a
  report share a URL given by their origin (``url_source`` "origin": sidecar or fetch
  address, never the page's own claim); ``current`` marks the one whose reading counts.
- ``report_events``: each event as one report tells it (``body`` is the EVENT), keyed
  ``<document id>:<event id>``; indexed columns for finding linking candidates (dates,
  and the place's country: the blocking key).
- ``places``, ``actors``: the distinct places and actors the events name.
- ``merged_events``: one row per real-world event; ``body`` is the MERGED EVENT record.
- ``event_sources``: which report events each merged event is made of.
- ``claims``: the aggregate tallies each report states.
- ``store_changes``, ``merged_changes`` (revision 0006): the store's generation, raised
  by every write, and the generation each merged event last changed at, so that a
  reader keeping the events in memory (the API) finds what changed without reading them
  all. They are counters, outside ``ALL``: ``dump`` leaves them out.
- ``link_decisions``: an analyst's merges and splits of merged events, numbered in the
  order they were made (the one counter in the store: decisions are made, not derived),
  each naming the report events on either side; ``undone`` keeps an undone one listed.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text, nullable=True),
    Column("path", Text, nullable=True),
    Column("outlet", Text, nullable=True),
    Column("title", Text, nullable=True),
    Column("published", Date, nullable=True),
    Column("published_source", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("dropped", JSON, nullable=False),
    Column("fingerprint", JSON, nullable=False),
    Column("current", Boolean, nullable=False),
    Column("url_source", String(8), nullable=False, server_default="origin"),
    Index("ix_documents_url", "url"),
)

places = Table(
    "places", metadata,
    Column("id", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("admin1", Text, nullable=True),
    Column("country", String(2), nullable=True),
    Column("lat", Float, nullable=True),
    Column("lon", Float, nullable=True),
    Column("precision", String(16), nullable=True),
    Column("gazetteer_id", Text, nullable=True),
)

actors = Table(
    "actors", metadata,
    Column("id", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("country", String(2), nullable=True),
)

report_events = Table(
    "report_events", metadata,
    Column("key", String(96), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("event_id", String(64), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("type", String(48), nullable=False),
    Column("sub_type", String(64), nullable=False),
    Column("weapon", String(32), nullable=False),
    Column("time_start", Date, nullable=True),
    Column("time_end", Date, nullable=True),
    Column("place_id", String(16), ForeignKey("places.id"), nullable=True),
    Column("attacker_id", String(16), ForeignKey("actors.id"), nullable=True),
    Column("target_id", String(16), ForeignKey("actors.id"), nullable=True),
    Column("body", JSON, nullable=False),
    Column("country", String(2), nullable=True),    # the place's, linking's blocking key
    Index("ix_report_events_document", "document_id"),
    Index("ix_report_events_candidates", "type", "time_start", "time_end"),
    Index("ix_report_events_days", "time_start", "time_end"),   # linking's block
    Index("ix_report_events_block", "country", "time_start", "time_end"),   # … in one country
)

merged_events = Table(
    "merged_events", metadata,
    Column("id", String(16), primary_key=True),
    Column("type", String(48), nullable=False),
    Column("sub_type", String(64), nullable=False),
    Column("weapon", String(32), nullable=False),
    Column("time_start", Date, nullable=True),
    Column("time_end", Date, nullable=True),
    Column("country", String(2), nullable=True),
    Column("grade", String(16), nullable=False),
    Column("source_count", Integer, nullable=False),
    Column("body", JSON, nullable=False),
    Column("summary", JSON, nullable=True),     # what the API's index reads (store.summary)
    Index("ix_merged_events_time", "time_start", "time_end"),
    Index("ix_merged_events_country", "country"),
    # the filters of `warlog events` and the API (revision 0005_store_at_scale)
    Index("ix_merged_events_end", "time_end"),
    Index("ix_merged_events_weapon", "weapon", "time_start"),
    Index("ix_merged_events_sub_type", "sub_type", "time_start"),
    Index("ix_merged_events_country_start", "country", "time_start"),
)

event_sources = Table(
    "event_sources", metadata,
    Column("merged_id", String(16), ForeignKey("merged_events.id", ondelete="CASCADE"),
           primary_key=True),
    Column("event_key", String(96), ForeignKey("report_events.key"), primary_key=True),
    # a report event belongs to one merged event at most
    Index("ux_event_sources_event", "event_key", unique=True),
)

claims = Table(
    "claims", metadata,
    Column("key", String(80), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("kind", String(24), nullable=False),
    Column("value", Integer, nullable=False),
    Column("since", Date, nullable=True),
    Column("as_of", Date, nullable=True),
    Column("target_country", String(2), nullable=True),
    Column("body", JSON, nullable=False),
    Index("ix_claims_document", "document_id"),
)

link_decisions = Table(
    "link_decisions", metadata,
    Column("number", Integer, primary_key=True, autoincrement=True),
    Column("action", String(8), nullable=False),        # "merge" or "split"
    Column("keys_a", JSON, nullable=False),             # report event keys on one side
    Column("keys_b", JSON, nullable=False),             # and on the other
    Column("label", Text, nullable=False),              # what the analyst typed
    Column("undone", Boolean, nullable=False),
)

store_changes = Table(
    "store_changes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),   # the one row: 1
    Column("generation", Integer, nullable=False),
)

merged_changes = Table(
    "merged_changes", metadata,
    Column("merged_id", String(16), primary_key=True),
    Column("generation", Integer, nullable=False),
    Column("present", Boolean, nullable=False),
    Index("ix_merged_changes_generation", "generation"),
)

# Parents before children: the order to write, and the reverse order to delete.
ALL = (documents, places, actors, report_events, merged_events, event_sources, claims,
       link_decisions)

# `warlog watch` keeps its own tables in the same schema (revision 0004_watch_state).
from warlog.store import watch_state as _watch_state  # noqa: F401
