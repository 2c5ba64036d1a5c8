"""The store's change log (revision 0006), on SQLite and PostgreSQL: every write path
raises the generation in its own transaction, the merged events it writes are logged at
it, a reader catching up from an old generation ends where a full read does, and
revision 0006 applies on a database written at 0005."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import MetaData, create_engine, insert, select
from sqlalchemy.engine import Connection

from warlog.api.index import apply_changes, load_snapshot, snapshot_of
from warlog.batch.linking import relink
from warlog.batch.local import _source_doc, ingest_report
from warlog.link.candidate import candidates
from warlog.model import Document
from warlog.store.engine import Store, alembic_config, normalise_url, open_store
from warlog.store.queries_api import (
    all_merged_bodies,
    changes_since,
    generation,
    merged_summaries,
    summaries_streamed,
)
from warlog.store.repository import (
    MergedRow,
    ReportRows,
    add_decision,
    delete_merged,
    save_claims,
    save_document,
    save_events,
    save_merged,
    save_reports,
    set_current,
    set_undone,
)
from warlog.store.summary import summary_of
from warlog.store.tables import merged_changes, merged_events

REPO = Path(__file__).resolve().parents[2]


def _doc(n: int) -> Document:
    text = f"generated report number {n}"
    import hashlib

    return Document(id=hashlib.sha256(text.encode()).hexdigest(), path=f"g/{n}.txt",
                    published_source="cli", text=text)


def _merged(mid: str, n: int) -> MergedRow:
    body = {"id": mid, "type": "battles", "sub_type": "armed_clash", "weapon": "small_arms",
            "outcome": "hit", "grade": "single_source",
            "time": {"start": f"2024-03-{n:02d}", "end": f"2024-03-{n:02d}"},
            "location": {"name": "Town", "country": "IQ", "lat": 33.0, "lon": 44.0,
                         "precision": "town", "admin1": "somewhere"},
            "attacker": {"name": "Group A", "country": None, "kind": "non_state_armed_group"},
            "target": None, "killed": [{"low": n, "high": n, "group": "target_side"}],
            "injured": [], "sources": [], "provenance": {"type": "k"}}
    return MergedRow(id=mid, type="battles", sub_type="armed_clash", weapon="small_arms",
                     time_start=None, time_end=None, country="IQ", grade="single_source",
                     body=body, members=())


def _generation(store: Store) -> int:
    with store.read() as conn:
        return generation(conn)


def test_every_write_path_raises_the_generation(db_url: str, example_reports: Any) -> None:
    store = open_store(db_url)
    report = next(r for r in example_reports if r.claims and r.events)
    source = _source_doc(report.document)
    keys = [c.key for c in candidates(source, report.events)]
    writes: list[tuple[str, Callable[[Connection], object]]] = [
        ("save_document", lambda c: save_document(c, report.document,
                                                  fingerprint=source.fingerprint, current=True)),
        ("save_events", lambda c: save_events(c, report.document.id, report.events, keys)),
        ("save_claims", lambda c: save_claims(c, report.document.id, report.claims,
                                              [None] * len(report.claims))),
        ("set_current", lambda c: set_current(c, report.document.id, current=False)),
        ("save_reports", lambda c: save_reports(c, [ReportRows(document=_doc(1), fingerprint=(),
                                                               current=True)])),
        ("save_merged", lambda c: save_merged(c, [_merged("a1", 1), _merged("a2", 2)])),
        ("delete_merged", lambda c: delete_merged(c, ["a1"])),
        ("add_decision", lambda c: add_decision(c, action="merge", keys_a=["x"], keys_b=["y"],
                                                label="test")),
        ("set_undone", lambda c: set_undone(c, 1)),
    ]
    try:
        seen = [_generation(store)]
        for name, write in writes:
            with store.write() as conn:
                write(conn)
            seen.append(_generation(store))
            assert seen[-1] > seen[-2], f"{name} left the generation at {seen[-2]}"
        with pytest.raises(RuntimeError), store.write() as conn:   # rolled back: no change
            save_merged(conn, [_merged("a3", 3)])
            raise RuntimeError("failed after the write")
        assert _generation(store) == seen[-1]
        with store.read() as conn:
            logged = {r.merged_id: (r.generation, r.present)
                      for r in conn.execute(select(merged_changes))}
        assert logged == {"a1": (seen[7], False), "a2": (seen[6], True)}
    finally:
        store.close()


def test_catching_up_from_any_generation_ends_where_a_full_read_does(
        db_url: str, example_reports: Any, country_of: Any) -> None:
    store = open_store(db_url)
    try:
        snapshots = [load_snapshot(store)]
        for report in example_reports:      # each ingest re-links: merged events come and go
            ingest_report(store, report, country_of=country_of)
            snapshots.append(load_snapshot(store))
        with store.read() as conn:
            full = snapshot_of(all_merged_bodies(conn))
            assert sorted(summaries_streamed(conn), key=lambda s: s["id"]) == sorted(
                (summary_of(b) for b in all_merged_bodies(conn)), key=lambda s: s["id"])
            caught = [apply_changes(s, changes_since(conn, int(s.mark[0])))  # type: ignore[call-overload]
                      for s in snapshots]
        assert full.rows
        for s in caught:
            assert (s.rows, s.tally_events, s.lookup, s.facets) == (
                full.rows, full.tally_events, full.lookup, full.facets)
    finally:
        store.close()


WRITER = """
import sys
from warlog.store.engine import open_store
from warlog.store.queries_api import merged_bodies
from warlog.store.repository import MergedRow, delete_merged, members_of, save_merged

store = open_store(sys.argv[1])
with store.write() as conn:
    body = merged_bodies(conn, [sys.argv[2]])[sys.argv[2]]
    members = members_of(conn, [sys.argv[2]])[sys.argv[2]]
    delete_merged(conn, [sys.argv[2]])
    body["weapon"] = sys.argv[3]
    save_merged(conn, [MergedRow(id=body["id"], type=body["type"], sub_type=body["sub_type"],
                                 weapon=sys.argv[3], time_start=None, time_end=None, country=None,
                                 grade=body["grade"], body=body, members=members)])
store.close()
"""


def test_a_change_by_another_process_reaches_a_running_index(db_url: str, example_reports: Any,
                                                              country_of: Any) -> None:
    from warlog.api.index import EventIndex
    from warlog.api.params import WEAPONS
    from warlog.exports.selection import EventFilter

    store = open_store(db_url)
    try:
        for report in example_reports:
            ingest_report(store, report, country_of=country_of)
        index = EventIndex(store, recheck=0)
        before = index.current()
        unused = next(w for w in WEAPONS if not before.select(EventFilter(weapon=w)))
        chosen = before.rows[0].id
        subprocess.run([sys.executable, "-c", WRITER, db_url, chosen, unused], check=True, cwd=REPO)
        after = index.current()
        assert after.mark != before.mark
        assert [r.id for r in after.select(EventFilter(weapon=unused))] == [chosen]
        assert [r.id for r in after.rows] == [r.id for r in before.rows]
        assert index.current() is after          # nothing more changed: the same snapshot
    finally:
        store.close()


def test_revision_0006_applies_on_a_database_with_merged_events(
        db_url: str, example_reports: Any, country_of: Any, tmp_path: Path,
        request: pytest.FixtureRequest) -> None:
    # merged events written by the current code into another database, copied into one
    # at revision 0005 through its own (older) tables
    donor_url = (f"sqlite:///{tmp_path / 'donor.sqlite3'}" if db_url.startswith("sqlite")
                 else str(request.getfixturevalue("postgres_database")()))
    donor = open_store(donor_url)
    for report in example_reports:
        ingest_report(donor, report, country_of=country_of)
    with donor.read() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(merged_events))]
    donor.close()
    command.upgrade(alembic_config(db_url), "0005_store_at_scale")
    engine = create_engine(normalise_url(db_url))
    old = MetaData()
    old.reflect(engine)
    assert "summary" not in old.tables["merged_events"].c
    with engine.begin() as conn:
        conn.execute(insert(old.tables["merged_events"]),
                     [{k: v for k, v in r.items() if k != "summary"} for r in rows])
    engine.dispose()
    assert rows
    store = open_store(db_url)          # migrates to the newest revision
    try:
        with store.read() as conn:
            assert generation(conn) == 1
            summaries = merged_summaries(conn, [r["id"] for r in rows])
            stored = {r.id: r.summary for r in conn.execute(select(merged_events))}
            logged = {r.merged_id: (r.generation, r.present)
                      for r in conn.execute(select(merged_changes))}
        assert stored == {r["id"]: summary_of(r["body"]) for r in rows}
        assert summaries == stored
        assert logged == {r["id"]: (1, True) for r in rows}
        with store.write() as conn:      # and the writers go on from there
            relink(conn, added=[], removed=[])
            save_merged(conn, [_merged("b1", 4)])
        with store.read() as conn:
            assert generation(conn) > 1
            assert set(changes_since(conn, 1).stored) == {"b1"}
    finally:
        store.close()
