"""`warlog ingest --dask` (issue 14, part 2) as a user runs it: real `warlog` processes, a
real Dask LocalCluster of worker processes, real SQLite and PostgreSQL.

* the Dask ingest stores what the in-process ingest stores: the same documents and the same
  merged events, batches arriving in whatever order the workers finish them;
* an unreadable input is named on stderr and the rest of the batch is stored;
* a Dask ingest killed (SIGKILL) half-way and started again stores every report exactly
  once, and ends where an uninterrupted run does.

Batches are small (WARLOG_BATCH_SIZE=8) so that many are in flight at once.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reportgen import write_reports

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "src" / "warlog" / "examples"
ENV = {**os.environ, "WARLOG_BATCH_SIZE": "8"}
KILL_EVENTS = 200            # 400 reports
KILL_AFTER = 120             # documents stored when the ingest is killed
NOT_ABOUT_ATTACKS = ("The city council approved a new budget for parks and libraries on "
                     "Tuesday, after a long debate about bus fares.\n\nThe mayor welcomed it.\n")


def warlog(*args: str, timeout: float = 900, env: dict[str, str] | None = None
           ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warlog", *args], capture_output=True,
                          text=True, check=False, cwd=REPO, timeout=timeout, env=env or ENV)


def query(url: str, sql: str) -> list[tuple[Any, ...]]:
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///"), timeout=30) as conn:
            return [tuple(r) for r in conn.execute(sql).fetchall()]
    import psycopg

    with psycopg.connect(url) as conn:
        return [tuple(r) for r in conn.execute(sql).fetchall()]


def stored_documents(url: str) -> int:
    try:
        return int(query(url, "SELECT count(*) FROM documents")[0][0])
    except Exception:  # noqa: BLE001 (the tables may not exist yet)
        return 0


def events_json(url: str) -> list[dict[str, Any]]:
    done = warlog("events", "--json", "--db", url)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def snapshot(url: str) -> dict[str, Any]:
    return {"documents": sorted(query(url, "SELECT id, path, current FROM documents")),
            "report_events": query(url, "SELECT count(*) FROM report_events")[0][0],
            "claims": query(url, "SELECT count(*) FROM claims")[0][0],
            "events": events_json(url)}


def fresh_url(dialect: str, tmp_path: Path, request: pytest.FixtureRequest, name: str) -> str:
    if dialect == "sqlite":
        return f"sqlite:///{tmp_path / f'{name}.sqlite3'}"
    return str(request.getfixturevalue("postgres_database")())


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated reports, a report about no attack, and an input that cannot be read."""
    folder = tmp_path_factory.mktemp("mixed")
    write_reports(folder / "generated", range(30))
    (folder / "council.txt").write_text(NOT_ABOUT_ATTACKS, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    # two versions of one report (same URL), read into one batch: the later one counts
    for n, (published, killed) in enumerate((("2016-03-02", 4), ("2016-03-03", 6))):
        (folder / f"version{n}.txt").write_text(
            f"Mortar attack in Gao\n\nA mortar attack killed {killed} soldiers at a base in "
            "Gao on March 1, 2016, officials said.\n", encoding="utf-8")
        (folder / f"version{n}.meta.json").write_text(json.dumps(
            {"url": "https://news.example/gao-mortar", "published": published}))
    return folder


def counts_part(stdout: str) -> str:
    """The closing line up to the events, which count in arrival order."""
    return stdout.strip().splitlines()[-1].split(";")[0]


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_a_dask_ingest_stores_what_the_in_process_ingest_stores(
        dialect: str, mixed_corpus: Path, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    local_url = fresh_url(dialect, tmp_path, request, "local")
    dask_url = fresh_url(dialect, tmp_path, request, "dask")
    inputs = (str(mixed_corpus), str(EXAMPLES))
    one_url = fresh_url(dialect, tmp_path, request, "one-by-one")
    local = warlog("ingest", "--db", local_url, *inputs)
    dask = warlog("ingest", "--db", dask_url, "--dask", "local:2", *inputs)
    # batches of one: each report its own transaction, stored and linked in input order
    one = warlog("ingest", "--db", one_url, *inputs, env={**ENV, "WARLOG_BATCH_SIZE": "1"})
    for done in (local, dask, one):
        assert done.returncode == 1, done.stderr            # the empty input
        assert "empty.txt" in done.stderr and "Traceback" not in done.stderr
        assert "1 skipped by the prefilter" in done.stdout  # the council report
    assert "Dask dashboard: http://127.0.0.1:" in dask.stderr
    assert counts_part(dask.stdout) == counts_part(local.stdout)
    assert counts_part(local.stdout).endswith("0 unchanged, 1 skipped by the prefilter, 1 failed")
    mine, theirs = snapshot(dask_url), snapshot(local_url)
    assert mine["events"], "the corpus has events"
    assert mine == theirs
    assert mine == snapshot(one_url), "batched as stored report by report"
    current = query(dask_url, "SELECT path, current FROM documents WHERE path LIKE '%version%'")
    assert sorted((Path(p).name, bool(c)) for p, c in current) == [
        ("version0.txt", False), ("version1.txt", True)]


def test_a_bad_cluster_is_a_usage_error(tmp_path: Path) -> None:
    done = warlog("ingest", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "--dask", "remote",
                  str(EXAMPLES))
    assert done.returncode == 2
    assert "[E605]" in done.stderr and "'remote'" in done.stderr


def test_an_unreachable_scheduler_is_named_and_nothing_is_stored(tmp_path: Path) -> None:
    with socket.socket() as s:   # a port on which nothing listens
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    done = warlog("ingest", "--db", url, "--dask", f"tcp://127.0.0.1:{port}", str(EXAMPLES))
    assert done.returncode == 1
    assert f"[E606] cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in done.stderr
    assert stored_documents(url) == 0


@pytest.fixture(scope="module")
def kill_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill") / "reports"
    write_reports(folder, range(KILL_EVENTS))
    return folder


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_a_dask_ingest_killed_half_way_resumes_storing_each_report_once(
        dialect: str, kill_corpus: Path, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    clean_url = fresh_url(dialect, tmp_path, request, "clean")
    clean = warlog("ingest", "--db", clean_url, str(kill_corpus))
    assert clean.returncode == 0, clean.stderr
    url = fresh_url(dialect, tmp_path, request, "killed")
    proc = subprocess.Popen([sys.executable, "-m", "warlog", "ingest", "--db", url, "--dask",
                             "local:2", str(kill_corpus)], cwd=REPO,
                            # the killed run cannot remove its scratch folder: it is made
                            # under the test's own temporary folder, not in /tmp
                            env={**ENV, "TMPDIR": str(tmp_path)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 600
        while stored_documents(url) < KILL_AFTER and proc.poll() is None:
            assert time.monotonic() < deadline, "the ingest made no progress"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
    finally:
        # the cluster's worker processes, in the session the test started, go too
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert proc.returncode == -signal.SIGKILL, "killed before it finished"
    at_kill = stored_documents(url)
    total = 2 * KILL_EVENTS
    assert KILL_AFTER <= at_kill < total
    again = warlog("ingest", "--db", url, "--dask", "local:2", str(kill_corpus))
    assert again.returncode == 0, again.stderr
    assert counts_part(again.stdout) == (f"{total} reports read: {total - at_kill} new, "
                                         f"{at_kill} unchanged, 0 failed")
    resumed = snapshot(url)
    paths = [d[1] for d in resumed["documents"]]
    assert len(paths) == len(set(paths)) == total, "every report stored exactly once"
    assert resumed == snapshot(clean_url), "as an uninterrupted in-process run"


def _profiling(dask_worker: Any) -> tuple[bool, int]:
    import dask

    return bool(dask.config.get("distributed.worker.profile.enabled")), len(dask_worker.profile_history)


def test_the_local_workers_run_without_dasks_profiler() -> None:
    """Dask's profiler keeps 1,000 seconds of call-path trees on every worker (memory that
    grew ~200 MB per worker in bench/worker_memory.py): the workers warlog starts go
    without it, and the setting ends with the cluster."""
    import dask

    from warlog.batch.dask import ClusterSpec, DaskRunner

    with DaskRunner(spec=ClusterSpec(workers=1), gazetteer="warlog.places.v1") as runner:
        time.sleep(2.5)          # two of the profiler's one-second cycles, were it on
        (enabled, kept), = runner._client.run(_profiling).values()
    assert (enabled, kept) == (False, 0)
    assert dask.config.get("distributed.worker.profile.enabled") is True
