"""Say where each document's URL came from: its origin (sidecar, fetch address) or the
page's own claim. Only origin URLs make versions of one report (issue 15, finding 3).

Documents stored before this revision are marked "origin", which keeps their versions
as they were.

Revision ID: 0002_document_url_source
Revises: 0001_store_tables
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_document_url_source"
down_revision = "0001_store_tables"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("url_source", sa.String(8), nullable=False,
                                         server_default="origin"))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("url_source")
