"""What `warlog watch` remembers: validators per source, items handled per source.

Revision ID: 0004_watch_state
Revises: 0003_link_decisions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_watch_state"
down_revision = "0003_link_decisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("etag", sa.Text, nullable=True),
        sa.Column("last_modified", sa.Text, nullable=True),
    )
    op.create_table(
        "watch_items",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("item_key", sa.Text, nullable=False),
        sa.Column("content_id", sa.String(64), nullable=False),
        sa.Column("document_id", sa.String(64), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("watch_items")
    op.drop_table("watch_sources")
