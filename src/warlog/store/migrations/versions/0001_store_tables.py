"""Create the store: documents, places, actors, report events, merged events, their
sources, and claims.

Revision ID: 0001_store_tables
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_store_tables"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("path", sa.Text, nullable=True),
        sa.Column("outlet", sa.Text, nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("published_source", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("dropped", sa.JSON, nullable=False),
        sa.Column("fingerprint", sa.JSON, nullable=False),
        sa.Column("current", sa.Boolean, nullable=False),
    )
    op.create_index("ix_documents_url", "documents", ["url"])
    op.create_table(
        "places",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("admin1", sa.Text, nullable=True),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
        sa.Column("precision", sa.String(16), nullable=True),
        sa.Column("gazetteer_id", sa.Text, nullable=True),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("country", sa.String(2), nullable=True),
    )
    op.create_table(
        "report_events",
        sa.Column("key", sa.String(96), primary_key=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("type", sa.String(48), nullable=False),
        sa.Column("sub_type", sa.String(64), nullable=False),
        sa.Column("weapon", sa.String(32), nullable=False),
        sa.Column("time_start", sa.Date, nullable=True),
        sa.Column("time_end", sa.Date, nullable=True),
        sa.Column("place_id", sa.String(16), sa.ForeignKey("places.id"), nullable=True),
        sa.Column("attacker_id", sa.String(16), sa.ForeignKey("actors.id"), nullable=True),
        sa.Column("target_id", sa.String(16), sa.ForeignKey("actors.id"), nullable=True),
        sa.Column("body", sa.JSON, nullable=False),
    )
    op.create_index("ix_report_events_document", "report_events", ["document_id"])
    op.create_index("ix_report_events_candidates", "report_events",
                    ["type", "time_start", "time_end"])
    op.create_table(
        "merged_events",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("type", sa.String(48), nullable=False),
        sa.Column("sub_type", sa.String(64), nullable=False),
        sa.Column("weapon", sa.String(32), nullable=False),
        sa.Column("time_start", sa.Date, nullable=True),
        sa.Column("time_end", sa.Date, nullable=True),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("grade", sa.String(16), nullable=False),
        sa.Column("source_count", sa.Integer, nullable=False),
        sa.Column("body", sa.JSON, nullable=False),
    )
    op.create_index("ix_merged_events_time", "merged_events", ["time_start", "time_end"])
    op.create_index("ix_merged_events_country", "merged_events", ["country"])
    op.create_table(
        "event_sources",
        sa.Column("merged_id", sa.String(16),
                  sa.ForeignKey("merged_events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("event_key", sa.String(96), sa.ForeignKey("report_events.key"),
                  primary_key=True),
    )
    op.create_index("ux_event_sources_event", "event_sources", ["event_key"], unique=True)
    op.create_table(
        "claims",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("value", sa.Integer, nullable=False),
        sa.Column("since", sa.Date, nullable=True),
        sa.Column("as_of", sa.Date, nullable=True),
        sa.Column("target_country", sa.String(2), nullable=True),
        sa.Column("body", sa.JSON, nullable=False),
    )
    op.create_index("ix_claims_document", "claims", ["document_id"])


def downgrade() -> None:
    for name in ("claims", "event_sources", "merged_events", "report_events", "actors",
                 "places", "documents"):
        op.drop_table(name)
