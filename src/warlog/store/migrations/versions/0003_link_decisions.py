"""Linking: analysts' merge and split decisions, and an index on event dates alone (the
linker's block spans attack types).

Revision ID: 0003_link_decisions
Revises: 0002_document_url_source
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_link_decisions"
down_revision = "0002_document_url_source"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_decisions",
        sa.Column("number", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("keys_a", sa.JSON, nullable=False),
        sa.Column("keys_b", sa.JSON, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("undone", sa.Boolean, nullable=False),
    )
    op.create_index("ix_report_events_days", "report_events", ["time_start", "time_end"])


def downgrade() -> None:
    op.drop_index("ix_report_events_days", table_name="report_events")
    op.drop_table("link_decisions")
