"""Analysts' link decisions on real SQLite and PostgreSQL: merge, split, list, undo,
respected by later ingests; the CLI's `warlog link` and the API's read-only view."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from warlog.batch import decisions
from warlog.batch.local import ingest_report
from warlog.errors import DecisionError, NotFound
from warlog.model import Report
from warlog.store.engine import open_store
from warlog.store.repository import merged_records

REPO = Path(__file__).resolve().parents[2]
TOWER = ("2024-01-28-tower-22-drone", "2024-01-29-tower-22-update")


def stem(path: str | None) -> str:
    return Path(path or "").name.removesuffix(".html").removesuffix(".txt")


def by_stem(reports: Sequence[Report]) -> dict[str, Report]:
    return {stem(r.document.path): r for r in reports}


def records(url: str) -> list[dict[str, Any]]:
    store = open_store(url)
    with store.engine.connect() as conn:
        out = merged_records(conn)
    store.close()
    return out


def ingest(url: str, reports: Sequence[Report]) -> None:
    store = open_store(url)
    for r in reports:
        assert ingest_report(store, r).status in ("new", "unchanged")
    store.close()


def event_of(url: str, doc_stem: str) -> dict[str, Any]:
    """The merged event with the most sources among those holding this report."""
    mine = [r for r in records(url) if any(stem(s["document"]["path"]) == doc_stem for s in r["sources"])]
    return max(mine, key=lambda r: (len(r["sources"]), r["id"]))


def test_split_then_later_ingests_then_undo(db_url: str, example_reports) -> None:  # type: ignore[no-untyped-def]
    reports = by_stem(example_reports)
    ingest(db_url, [reports[s] for s in TOWER])
    tower = event_of(db_url, TOWER[0])
    assert len(tower["sources"]) == 2
    update = next(s for s in tower["sources"] if stem(s["document"]["path"]) == TOWER[1])
    store = open_store(db_url)
    done = decisions.split(store, tower["id"], update["document"]["id"])
    assert [len(keys) for _, keys in done.merged] == [1, 1]
    store.close()
    ingest(db_url, example_reports)          # every other example arrives after the split
    assert len(event_of(db_url, TOWER[0])["sources"]) == 1, "a later ingest respects the split"
    store = open_store(db_url)
    [listed] = decisions.listed(store)
    assert (listed.number, listed.action, listed.undone) == (done.number, "split", False)
    decisions.undo(store, done.number)
    assert decisions.listed(store)[0].undone
    with pytest.raises(DecisionError):
        decisions.undo(store, done.number)
    store.close()
    assert len(event_of(db_url, TOWER[0])["sources"]) == 2, "undone: the evidence decides again"


def test_merge_joins_what_the_evidence_keeps_apart(db_url: str, example_reports) -> None:  # type: ignore[no-untyped-def]
    reports = by_stem(example_reports)
    first, second = "2024-03-03-odesa-drone-strike", "2024-04-18-chernihiv-missile-strike"
    ingest(db_url, [reports[first], reports[second]])
    a, b = event_of(db_url, first), event_of(db_url, second)
    store = open_store(db_url)
    with pytest.raises(NotFound):
        decisions.merge(store, a["id"], "0000000000000000")
    done = decisions.merge(store, a["id"], b["id"])
    store.close()
    [(merged_id, keys)] = done.merged
    assert len(keys) == len(a["sources"]) + len(b["sources"])
    joined = event_of(db_url, first)
    assert joined["id"] == merged_id
    assert any(f["factor"] == "decision" for s in joined["sources"] for f in s["link"]["evidence"])
    ingest(db_url, example_reports)
    assert event_of(db_url, first)["id"] == merged_id, "a later ingest respects the merge"
    store = open_store(db_url)
    decisions.undo(store, done.number)
    store.close()
    assert event_of(db_url, first)["id"] != event_of(db_url, second)["id"]


def test_the_cli_and_the_api_show_the_decisions(sqlite_url: str, example_reports) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from warlog.api.app import create_app

    reports = by_stem(example_reports)
    ingest(sqlite_url, [reports[s] for s in TOWER])
    tower = event_of(sqlite_url, TOWER[0])

    def warlog(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "warlog", *args, "--db", sqlite_url],
                              capture_output=True, text=True, cwd=REPO, check=False)

    key = tower["sources"][1]["key"]
    done = warlog("link", "--split", tower["id"], key)
    assert done.returncode == 0 and done.stdout.startswith("decision 1 recorded"), done.stderr
    again = warlog("link", "--split", tower["id"], key)
    # the oldest source keeps the id; the source split off is no longer in it
    assert again.returncode == 2 and "[E402]" in again.stderr and "not a source" in again.stderr
    assert warlog("link").returncode == 2
    [line] = [json.loads(x) for x in warlog("link", "--list", "--json").stdout.splitlines()]
    assert line["action"] == "split" and line["keys_a"] == [key]
    explained = warlog("events", "--explain", event_of(sqlite_url, TOWER[0])["id"])
    assert explained.returncode == 0 and "the only source" in explained.stdout
    store = open_store(sqlite_url)
    with TestClient(create_app(store)) as client:
        body = client.get("/api/link/decisions").json()
        assert body["decisions"] == [line]
        assert client.post("/api/link/decisions").status_code == 405
    store.close()
