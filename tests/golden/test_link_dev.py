"""Linking on the 40 dev reports against their same-event groups (``dev/dedup.json``).

The reports are extracted once per session with the real pipeline, then stored through
``ingest_report`` (what `warlog ingest` runs per report) into fresh SQLite files in four
orders. Held here: no false merge, the share of groups linked (floor in floors.json,
``link_dev``), re-ingest changes nothing, and forward, reverse and shuffled ingest give
the same database. Figures: bench/link_dev.py prints them per part (tune / check).
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from warlog.batch.local import ingest_report
from warlog.model import Report
from warlog.store.codec import encode
from warlog.store.engine import open_store
from warlog.store.repository import dump, merged_records

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEV = REPO.parent / "shared" / "eval" / "dev"
FLOORS = json.loads((HERE / "floors.json").read_text())["link_dev"]
sys.path.insert(0, str(REPO / "bench"))
from linkeval import load_gold, measure

pytestmark = pytest.mark.skipif(not (DEV / "dedup.json").exists(),
                                reason=f"{DEV} not found (../shared)")


@pytest.fixture(scope="module")
def dev_reports(resources) -> tuple[Report, ...]:  # type: ignore[no-untyped-def]
    from warlog.ingest.sources import find_sources, read_source
    from warlog.pipeline import read_report

    sources, _ = find_sources([str(DEV / "reports")])
    return tuple(read_report(read_source(s), resources=resources) for s in sources)


def _ingest(url: str, reports: Sequence[Report]) -> list[str]:
    store = open_store(url)
    try:
        return [ingest_report(store, r).status for r in reports]
    finally:
        store.close()


def _content(url: str) -> dict[str, list[dict[str, Any]]]:
    store = open_store(url)
    with store.engine.connect() as conn:
        out = dump(conn)
    store.close()
    return out


def _records(url: str) -> list[dict[str, Any]]:
    store = open_store(url)
    with store.engine.connect() as conn:
        out = merged_records(conn)
    store.close()
    return out


@pytest.fixture(scope="module")
def forward(dev_reports: tuple[Report, ...], tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('dev') / 'forward.sqlite3'}"
    assert _ingest(url, dev_reports) == ["new"] * len(dev_reports)
    return url


def test_dev_groups_link_without_false_merges(forward: str, dev_reports: tuple[Report, ...]) -> None:
    gold, dedup = load_gold(DEV)
    predicted = {f"reports/{Path(r.document.path or '').name}": encode(r.events) for r in dev_reports}
    result = measure(_records(forward), gold=gold, dedup=dedup, predicted=predicted)
    assert result.false_merges == (), f"merged events join reports of no common group: {result.false_merges}"
    linked, attainable, total = result.count()
    assert linked >= FLOORS["groups_linked"], f"{linked} of {total} groups linked"
    assert result.share(attainable=True) >= FLOORS["share_of_attainable"] - 1e-9, (
        f"{linked} of the {attainable} groups extraction found enough of are linked")


def test_dev_reingest_changes_nothing(forward: str, dev_reports: tuple[Report, ...]) -> None:
    before = _content(forward)
    assert set(_ingest(forward, dev_reports)) == {"unchanged"}
    assert _content(forward) == before


@pytest.mark.parametrize("order", ["reverse", "shuffled"])
def test_dev_ingest_order_gives_the_same_events(forward: str, dev_reports: tuple[Report, ...],
                                               tmp_path: Path, order: str) -> None:
    reports = list(reversed(dev_reports)) if order == "reverse" else \
        random.Random(12).sample(list(dev_reports), len(dev_reports))
    url = f"sqlite:///{tmp_path / f'{order}.sqlite3'}"
    _ingest(url, reports)
    assert _content(url) == _content(forward)
