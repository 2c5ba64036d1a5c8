"""/api/changes on a real SQLite database that grows while the app runs: the mark moves,
the new events (in the filter) are named, an unknown mark says so, bad marks are 422."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from warlog.api.app import create_app
from warlog.batch.local import ingest_report
from warlog.store.engine import open_store


def test_changes_since_a_mark(tmp_path: Any, example_reports: Any, country_of: Any) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'warlog.sqlite3'}")
    half = len(example_reports) // 2
    for report in example_reports[:half]:
        ingest_report(store, report, country_of=country_of)
    with TestClient(create_app(store, recheck=0.0), raise_server_exceptions=False) as client:
        first = client.get("/api/changes").json()
        assert first["changed"] is False and first["new"] == [] and len(first["mark"]) == 16
        before = {e["id"] for e in client.get("/api/events", params={"limit": 1000}).json()["events"]}
        same = client.get("/api/changes", params={"mark": first["mark"]}).json()
        assert same == first
        for report in example_reports[half:]:
            ingest_report(store, report, country_of=country_of)
        after = client.get("/api/events", params={"limit": 1000}).json()["events"]
        added = sorted({e["id"] for e in after} - before)
        assert added
        changed = client.get("/api/changes", params={"mark": first["mark"]}).json()
        assert changed["changed"] and changed["known"] and changed["mark"] != first["mark"]
        assert sorted(changed["new"]) == added
        iraq = client.get("/api/changes", params={"mark": first["mark"], "country": "IQ"}).json()
        in_iraq = {e["id"] for e in after if (e.get("location") or {}).get("country") == "IQ"}
        assert set(iraq["new"]) == set(added) & in_iraq
        unknown = client.get("/api/changes", params={"mark": "0" * 16}).json()
        assert unknown["changed"] and unknown["known"] is False
        for bad in ({"mark": "not-a-mark"}, {"since_mark": first["mark"]}):
            answer = client.get("/api/changes", params=bad)
            assert answer.status_code == 422 and answer.json()["error"]["code"] == "E701"
    store.close()
