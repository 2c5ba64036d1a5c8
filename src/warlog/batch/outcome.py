"""What became of one input of a batch ingest: one value per report, however it went."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# "skipped": the prefilter found nothing that can hold an attack or a tally, so it was
# not parsed, and not stored (warlog.batch.prefilter)
Status = Literal["new", "unchanged", "skipped", "failed"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What became of one input."""

    name: str
    status: Status
    document_id: str | None = None
    events_new: int = 0         # events of this report that start a merged event of their own
    events_merged: int = 0      # events of this report that joined other reports' events
    error: str | None = None    # the coded message of a failure
    # the merged events this report started (new) or joined (updated), by id
    new_ids: tuple[str, ...] = ()
    updated_ids: tuple[str, ...] = ()
