"""The store at scale (issue 14, part 3): a blocking key for linking and indexes for the
filters the API and `warlog events` apply.

- ``report_events.country``: the ISO code of the event's place, copied from ``places``
  (filled here for the rows already stored). Linking's candidate query reads the events
  of one country (and those without one) in a window of days, through
  ``ix_report_events_block`` (country, time_start, time_end), instead of every event of
  those days; the end date in the index is tested there, so only the events whose span
  meets the window are read from the table.
- ``merged_events``: indexes on the end date (``since`` filters on it), on weapon and on
  sub type, and on (country, time_start) for a country's events in a period.

Revision ID: 0005_store_at_scale
Revises: 0004_watch_state
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_store_at_scale"
down_revision = "0004_watch_state"
branch_labels = None
depends_on = None

MERGED_INDEXES = {
    "ix_merged_events_end": ["time_end"],
    "ix_merged_events_weapon": ["weapon", "time_start"],
    "ix_merged_events_sub_type": ["sub_type", "time_start"],
    "ix_merged_events_country_start": ["country", "time_start"],
}


def upgrade() -> None:
    op.add_column("report_events", sa.Column("country", sa.String(2), nullable=True))
    # the rows stored before this revision: their place's country
    op.execute("UPDATE report_events SET country = (SELECT NULLIF(places.country, '') FROM places "
               "WHERE places.id = report_events.place_id) WHERE place_id IS NOT NULL")
    op.create_index("ix_report_events_block", "report_events",
                    ["country", "time_start", "time_end"])
    for name, columns in MERGED_INDEXES.items():
        op.create_index(name, "merged_events", columns)


def downgrade() -> None:
    for name in MERGED_INDEXES:
        op.drop_index(name, table_name="merged_events")
    op.drop_index("ix_report_events_block", table_name="report_events")
    with op.batch_alter_table("report_events") as batch:
        batch.drop_column("country")
