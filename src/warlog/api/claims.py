"""Tallies and the claims reports state, for /api/tally and /api/claims."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from sqlalchemy.engine import Connection

from warlog.export import claim_json
from warlog.link.tally import By, ClaimSeen, Period, TallyEvent, tally
from warlog.link.tally_text import tally_json
from warlog.store.queries_api import document_titles
from warlog.store.repository import StoredClaim, current_claims

ClaimKind = Literal["attack_count", "injured_count", "killed_count"]


def tally_of_index(conn: Connection, events: tuple[TallyEvent, ...], *, since: date | None,
                   until: date | None, by: By) -> dict[str, Any]:
    """`warlog tally --json`, counted over the index's events (the same records)."""
    seen = [ClaimSeen(claim=c.claim, document_id=c.document_id, published=c.published,
                      target_country=c.target_country) for c in current_claims(conn)]
    return tally_json(tally(events, seen, period=Period(since=since, until=until), by=by))


def claims_list(conn: Connection, *, since: date | None, until: date | None,
                kind: ClaimKind | None) -> list[dict[str, Any]]:
    """Every claim of a report whose reading counts, stated in the period (its as-of
    date, else the report's publication date), oldest first."""
    chosen = [c for c in current_claims(conn)
              if (kind is None or c.claim.kind == kind) and _stated_in(c, since, until)]
    titles = document_titles(conn, [c.document_id for c in chosen])
    out = [{"claim": claim_json(c.claim), "document": titles.get(c.document_id),
            "target_country": c.target_country, "as_of": _as_of(c)} for c in chosen]
    return sorted(out, key=lambda o: (o["as_of"] or "9999", o["claim"]["kind"],
                                      o["claim"]["value"], o["document"]["id"]))


def _as_of(c: StoredClaim) -> str | None:
    day = c.claim.as_of or c.published
    return day.isoformat() if day else None


def _stated_in(c: StoredClaim, since: date | None, until: date | None) -> bool:
    day = c.claim.as_of or c.published
    if day is None:
        return since is None and until is None
    return (since is None or day >= since) and (until is None or day <= until)
