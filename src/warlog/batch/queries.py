"""What `warlog events` and `warlog tally` ask of the store, read in one transaction.

The store hands back stored records and claims; the pure functions of ``warlog.link``
shape and count them. Living here keeps the store free of linking and the command line
thin.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from warlog.link.records import resolve_responses
from warlog.link.tally import By, ClaimSeen, Period, Tally, tally, tally_event
from warlog.store.engine import Store
from warlog.store.repository import current_claims, merged_index, merged_records


def event_records(store: Store, *, since: date | None = None, until: date | None = None,
                  country: str | None = None) -> list[dict[str, Any]]:
    """MERGED EVENT records meeting the filters, by start date then id."""
    with store.engine.connect() as conn:
        records = merged_records(conn, since=since, until=until, country=country)
        index = merged_index(conn) if any(r.get("responds_to") for r in records) else {}
    return [resolve_responses(r, index) for r in records]


def event_record(store: Store, merged_id: str) -> dict[str, Any] | None:
    """One MERGED EVENT record by id, None when no merged event has it."""
    from warlog.store.queries_api import merged_bodies

    with store.engine.connect() as conn:
        found = merged_bodies(conn, [merged_id]).get(merged_id)
        index = merged_index(conn) if found and found.get("responds_to") else {}
    return None if found is None else resolve_responses(found, index)


def tally_of(store: Store, *, since: date | None = None, until: date | None = None,
             by: By = "country") -> Tally:
    """Counts over the period and every claim stated in it beside its scope (link.tally)."""
    with store.engine.connect() as conn:
        records = merged_records(conn)
        stored = current_claims(conn)
    claims = [ClaimSeen(claim=c.claim, document_id=c.document_id, published=c.published,
                        target_country=c.target_country) for c in stored]
    return tally([tally_event(r) for r in records], claims, period=Period(since=since, until=until),
                 by=by)
