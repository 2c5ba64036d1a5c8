"""The 40 dev reports linked on real SQLite and real PostgreSQL give the same database:
the same merged events, sources, link evidence and ids (blocks crossing attack types,
recollections, a day off and all)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from warlog.batch.local import ingest_report
from warlog.model import Report
from warlog.store.engine import open_store
from warlog.store.repository import dump

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "reports"

pytestmark = pytest.mark.skipif(not DEV.exists(), reason=f"{DEV} not found (../shared)")


@pytest.fixture(scope="module")
def dev_reports(resources) -> tuple[Report, ...]:  # type: ignore[no-untyped-def]
    from warlog.ingest.sources import find_sources, read_source
    from warlog.pipeline import read_report

    sources, _ = find_sources([str(DEV)])
    return tuple(read_report(read_source(s), resources=resources) for s in sources)


def content(url: str, reports: tuple[Report, ...]) -> dict[str, list[dict[str, Any]]]:
    store = open_store(url)
    try:
        for r in reports:
            assert ingest_report(store, r).status == "new"
        with store.engine.connect() as conn:
            return dump(conn)
    finally:
        store.close()


def test_sqlite_and_postgresql_link_the_dev_set_alike(sqlite_url: str, postgres_url: str,
                                                      dev_reports: tuple[Report, ...]) -> None:
    lite = content(sqlite_url, dev_reports)
    assert sum(len({s["document"]["id"] for s in m["body"]["sources"]}) > 1
               for m in lite["merged_events"]) >= 4, "the dev set has merges to compare"
    assert content(postgres_url, tuple(reversed(dev_reports))) == lite
