"""Crash safety and concurrency of `warlog ingest` (issue 15, deliverables 2 and 3), as a
user meets them: real `warlog` processes, SIGKILL part-way, two ingests at once on one
database, `serve` reading while `ingest` writes. Real SQLite and PostgreSQL.

The reports are generated (tests/e2e/reportgen.py): short, distinct, each event told by
two outlets, read by the real pipeline. 2,000 of them take about 45 s per ingest here;
the kill test runs three (a clean reference, then killed + resumed on each database).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reportgen import story, write_reports

REPO = Path(__file__).resolve().parents[2]
KILL_EVENTS = 1000          # two reports each: 2,000 reports
KILL_AFTER = 600            # documents stored when the ingest is killed
OVERLAP_EVENTS = 90         # 180 reports, two ingests of 120 each sharing 60


def warlog(*args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warlog", *args], capture_output=True, text=True,
                          check=False, cwd=REPO, timeout=timeout)


def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "warlog", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=REPO)


def sqlite_path(url: str) -> str:
    return url.removeprefix("sqlite:///")


def query(url: str, sql: str) -> list[tuple[Any, ...]]:
    if url.startswith("sqlite"):
        with sqlite3.connect(sqlite_path(url), timeout=30) as conn:
            return [tuple(r) for r in conn.execute(sql).fetchall()]
    import psycopg

    with psycopg.connect(url) as conn:
        cursor = conn.execute(sql)
        return [tuple(r) for r in cursor.fetchall()] if cursor.description else []


def stored_documents(url: str) -> int:
    try:
        return int(query(url, "SELECT count(*) FROM documents")[0][0])
    except Exception:  # noqa: BLE001 (the tables may not exist yet)
        return 0


def events_json(url: str) -> list[dict[str, Any]]:
    done = warlog("events", "--json", "--db", url)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def fresh_url(dialect: str, tmp_path: Path, request: pytest.FixtureRequest, name: str) -> str:
    if dialect == "sqlite":
        return f"sqlite:///{tmp_path / f'{name}.sqlite3'}"
    return str(request.getfixturevalue("postgres_database")())


def sound(url: str) -> None:
    """The database's own consistency checks, and every reference resolving."""
    if url.startswith("sqlite"):
        assert query(url, "PRAGMA integrity_check") == [("ok",)]
        assert query(url, "PRAGMA foreign_key_check") == []
    else:
        query(url, "CREATE EXTENSION IF NOT EXISTS amcheck")
        indexes = query(url, "SELECT c.oid::regclass::text FROM pg_index i JOIN pg_class c ON "
                             "c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                             "WHERE n.nspname = 'public'")
        assert indexes
        for (name,) in indexes:
            query(url, f"SELECT bt_index_check('{name}'::regclass, true)")
    orphans = {
        "report events without document": "SELECT count(*) FROM report_events r LEFT JOIN "
                                          "documents d ON d.id = r.document_id WHERE d.id IS NULL",
        "sources without report event": "SELECT count(*) FROM event_sources s LEFT JOIN "
                                        "report_events r ON r.key = s.event_key WHERE r.key IS NULL",
        "merged events without source": "SELECT count(*) FROM merged_events m LEFT JOIN "
                                        "event_sources s ON s.merged_id = m.id WHERE s.merged_id IS NULL",
        "report events of current documents in no merged event":
            "SELECT count(*) FROM report_events r JOIN documents d ON d.id = r.document_id "
            "LEFT JOIN event_sources s ON s.event_key = r.key WHERE d.current AND s.event_key IS NULL",
    }
    for what, sql in orphans.items():
        assert query(url, sql) == [(0,)], what


@pytest.fixture(scope="module")
def kill_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill") / "reports"
    write_reports(folder, range(KILL_EVENTS))
    return folder


@pytest.fixture(scope="module")
def clean_run(kill_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The reference: one uninterrupted ingest of the whole corpus."""
    url = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.sqlite3'}"
    done = warlog("ingest", "--db", url, str(kill_corpus))
    assert done.returncode == 0, done.stderr
    reports = 2 * KILL_EVENTS
    assert done.stdout.startswith(f"{reports} reports read: {reports} new, 0 unchanged, 0 failed")
    return {"url": url, "events": events_json(url),
            "documents": sorted(query(url, "SELECT id, path, current FROM documents")),
            "report_events": query(url, "SELECT count(*) FROM report_events")[0][0]}


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_sigkill_part_way_then_ingest_again_equals_a_clean_run(
        dialect: str, kill_corpus: Path, clean_run: dict[str, Any], tmp_path: Path,
        request: pytest.FixtureRequest) -> None:
    url = fresh_url(dialect, tmp_path, request, "killed")
    proc = spawn("ingest", "--db", url, str(kill_corpus))
    deadline = time.monotonic() + 600
    while stored_documents(url) < KILL_AFTER and proc.poll() is None:
        assert time.monotonic() < deadline, "the ingest made no progress"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "killed before it finished"
    at_kill = stored_documents(url)
    assert KILL_AFTER <= at_kill < 2 * KILL_EVENTS
    again = warlog("ingest", "--db", url, str(kill_corpus))
    assert again.returncode == 0, again.stderr
    assert "Error" not in again.stderr
    assert again.stdout.startswith(f"{2 * KILL_EVENTS} reports read: "
                                   f"{2 * KILL_EVENTS - at_kill} new, {at_kill} unchanged, 0 failed")
    documents = sorted(query(url, "SELECT id, path, current FROM documents"))
    assert documents == clean_run["documents"], "every report stored exactly once, as cleanly"
    paths = [d[1] for d in documents]
    assert len(paths) == len(set(paths)) == 2 * KILL_EVENTS
    assert query(url, "SELECT count(*) FROM report_events")[0][0] == clean_run["report_events"]
    assert events_json(url) == clean_run["events"], "merged events equal a clean run's"
    sound(url)


def ingest_pair(url: str, first: list[Path], second: list[Path]) -> list[tuple[int, str, str]]:
    procs = [spawn("ingest", "--db", url, *map(str, part)) for part in (first, second)]
    outs = [p.communicate(timeout=900) for p in procs]
    return [(p.returncode, out, err) for p, (out, err) in zip(procs, outs, strict=True)]


@pytest.fixture(scope="module")
def overlap_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict[str, Any]]:
    folder = tmp_path_factory.mktemp("overlap") / "reports"
    paths = sorted(write_reports(folder, range(OVERLAP_EVENTS)))
    url = f"sqlite:///{tmp_path_factory.mktemp('overlap-clean') / 'clean.sqlite3'}"
    done = warlog("ingest", "--db", url, str(folder))
    assert done.returncode == 0, done.stderr
    return paths, {"events": events_json(url),
                   "documents": sorted(query(url, "SELECT id, current FROM documents"))}


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_two_ingests_on_overlapping_inputs_lose_and_duplicate_nothing(
        dialect: str, overlap_corpus: tuple[list[Path], dict[str, Any]], tmp_path: Path,
        request: pytest.FixtureRequest) -> None:
    paths, clean = overlap_corpus
    third = len(paths) // 3
    first, second = paths[:2 * third], paths[third:]           # the middle third in both
    url = fresh_url(dialect, tmp_path, request, "shared")      # fresh: both migrate at once
    results = ingest_pair(url, first, list(reversed(second)))
    news = []
    for code, out, err in results:
        assert code == 0, err
        assert "locked" not in err and "Error" not in err and "Traceback" not in err, err
        news.append(int(out.split(" new,")[0].rsplit(" ", 1)[-1]))
    assert sum(news) == len(paths), "each report stored by exactly one of the two"
    assert sorted(query(url, "SELECT id, current FROM documents")) == clean["documents"]
    assert events_json(url) == clean["events"], "the merged events of one sequential run"
    sound(url)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def page_problems(page: dict[str, Any]) -> list[str]:
    """What makes a page of /api/events inconsistent: fewer events than its total
    promises, an event twice, out of order, an event without sources."""
    problems = []
    events = page["events"]
    if len(events) != min(page["limit"], page["total"] - page["offset"]):
        problems.append(f"{len(events)} events on a page of total {page['total']}")
    ids = [e["id"] for e in events]
    if len(ids) != len(set(ids)):
        problems.append("an event twice")
    keys = [(e["time"]["start"] or "9999", e["id"]) for e in events]
    if keys != sorted(keys):
        problems.append("out of order")
    if any(not e["sources"] for e in events):
        problems.append("an event without sources")
    return problems


def poll_while(running: Callable[[], bool], base: str) -> tuple[int, list[str], set[int]]:
    pages, problems, statuses = 0, [], set()
    with httpx.Client(base_url=base, timeout=60) as http:
        while running():
            r = http.get("/api/events", params={"limit": 1000})
            statuses.add(r.status_code)
            if r.status_code == 200:
                pages += 1
                problems += page_problems(r.json())
                some = r.json()["events"][-1:]
                for e in some:
                    detail = http.get(f"/api/events/{e['id']}")
                    statuses.add(detail.status_code)
            facets = http.get("/api/facets")
            statuses.add(facets.status_code)
    return pages, problems, statuses


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_serve_reading_while_ingest_writes_sees_consistent_pages(
        dialect: str, overlap_corpus: tuple[list[Path], dict[str, Any]], tmp_path: Path,
        request: pytest.FixtureRequest) -> None:
    paths, clean = overlap_corpus
    url = fresh_url(dialect, tmp_path, request, "served")
    seeded = warlog("ingest", "--db", url, *map(str, paths[:4]))
    assert seeded.returncode == 0, seeded.stderr
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARLOG_")}
    server = subprocess.Popen([sys.executable, "-m", "warlog", "serve", "--db", url, "--port",
                               str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=REPO, env=env)
    try:
        assert server.stdout is not None
        assert server.stdout.readline().startswith("warlog dashboard at ")
        writer = spawn("ingest", "--db", url, *map(str, paths[4:]))
        found: dict[str, Any] = {}
        reader = threading.Thread(target=lambda: found.update(zip(
            ("pages", "problems", "statuses"),
            poll_while(lambda: writer.poll() is None, f"http://127.0.0.1:{port}"))))
        reader.start()
        _out, err = writer.communicate(timeout=900)
        reader.join(timeout=120)
        assert writer.returncode == 0, err
        assert found["pages"] >= 3, "the pages were read while the ingest wrote"
        assert found["problems"] == []
        assert found["statuses"] <= {200, 404}, "an event may be re-linked away, never a 500"
        time.sleep(1.5)                        # the server re-checks the store every second
        final = httpx.get(f"http://127.0.0.1:{port}/api/events", params={"limit": 1000}).json()
        assert final["events"] == clean["events"], "once the ingest is done, what it stored"
    finally:
        server.terminate()
        _out, server_err = server.communicate(timeout=30)
    assert "Traceback" not in server_err and "locked" not in server_err, server_err


def test_a_page_asked_after_a_relink_is_whole_though_the_index_is_behind(
        tmp_path: Path, read_text: Any) -> None:
    """An older report joining an event gives the merged event a new id (its oldest
    member's): a server whose index still lists the old id must not answer a page
    shorter than its total."""
    from fastapi.testclient import TestClient

    from warlog.api.app import create_app
    from warlog.batch.local import ingest_report
    from warlog.store.engine import open_store

    told, retold = story(7, retold=False), story(7, retold=True)
    older = read_text(told[0], published=told[1]["published"])
    later = read_text(retold[0], published=retold[1]["published"])
    store = open_store(f"sqlite:///{tmp_path / 'relink.sqlite3'}")
    assert ingest_report(store, later).status == "new"
    with TestClient(create_app(store, recheck=3600.0)) as client:
        # the map reads the index, not the records: none of them is cached yet
        [cluster] = client.get("/api/map").json()["clusters"]
        before = cluster["event"]
        outcome = ingest_report(store, older)
        assert outcome.events_merged == 1, "the two reports tell one event"
        page = client.get("/api/events").json()
        assert page["total"] == len(page["events"]) == 1
        [after] = page["events"]
        assert after["id"] != before["id"] and len(after["sources"]) == 2
        assert client.get(f"/api/events/{after['id']}").status_code == 200
    store.close()
