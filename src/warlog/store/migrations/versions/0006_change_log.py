"""A change log for readers that keep the stored events in memory (the API's index).

- ``store_changes``: one row, the store's ``generation``: every write through
  ``warlog.store.repository`` raises it by one in its own transaction, so a reader
  learns whether anything changed by reading one row, whatever the size of the store.
- ``merged_changes``: per merged event id, the generation of its last write and whether
  it is stored at that point (``present``; false once deleted). A reader at generation
  g re-reads only the ids whose generation is above g.
- ``merged_events.summary``: the part of the record the index reads
  (``warlog.store.summary``), filled here for the rows already stored.

Revision ID: 0006_change_log
Revises: 0005_store_at_scale
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from warlog.store.summary import summary_of

revision = "0006_change_log"
down_revision = "0005_store_at_scale"
branch_labels = None
depends_on = None

FILL_CHUNK = 2000


def upgrade() -> None:
    changes = op.create_table(
        "store_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("generation", sa.Integer, nullable=False),
    )
    op.bulk_insert(changes, [{"id": 1, "generation": 1}])
    logged = op.create_table(
        "merged_changes",
        sa.Column("merged_id", sa.String(16), primary_key=True),
        sa.Column("generation", sa.Integer, nullable=False),
        sa.Column("present", sa.Boolean, nullable=False),
    )
    op.create_index("ix_merged_changes_generation", "merged_changes", ["generation"])
    op.add_column("merged_events", sa.Column("summary", sa.JSON, nullable=True))
    # the rows stored before this revision: their summaries, and one entry each in the
    # log at generation 1 (a reader starting from nothing reads everything anyway)
    conn = op.get_bind()
    merged = sa.table("merged_events", sa.column("id", sa.String), sa.column("body", sa.JSON),
                      sa.column("summary", sa.JSON))
    ids = sorted(conn.scalars(sa.select(merged.c.id)))
    for i in range(0, len(ids), FILL_CHUNK):
        part = ids[i:i + FILL_CHUNK]
        rows = conn.execute(sa.select(merged.c.id, merged.c.body).where(merged.c.id.in_(part)))
        fill = [{"row_id": r.id, "row_summary": summary_of(r.body)} for r in rows]
        conn.execute(sa.update(merged).where(merged.c.id == sa.bindparam("row_id"))
                     .values(summary=sa.bindparam("row_summary")), fill)
        op.bulk_insert(logged, [{"merged_id": m, "generation": 1, "present": True} for m in part])


def downgrade() -> None:
    with op.batch_alter_table("merged_events") as batch:
        batch.drop_column("summary")
    op.drop_index("ix_merged_changes_generation", table_name="merged_changes")
    op.drop_table("merged_changes")
    op.drop_table("store_changes")
