"""Opening the store when something is wrong (issue 15, findings 4 and 8): a file that is
not a database, a mistyped path for a read command, several processes opening and
writing one fresh database at once. Real SQLite files and a real PostgreSQL server."""

from __future__ import annotations

import multiprocessing
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from warlog.batch.local import ingest_report
from warlog.store.engine import open_store
from warlog.store.repository import dump

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "src" / "warlog" / "examples"
READ_COMMANDS = (["events"], ["tally"], ["export", "--format", "jsonl"], ["serve", "--port", "0"])


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warlog", *args], capture_output=True, text=True,
                          check=False, cwd=REPO, timeout=300)


def one_coded_line(done: subprocess.CompletedProcess[str], code: str) -> str:
    assert done.returncode == 1, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"Error: [{code}] "), lines[0]
    assert "Traceback" not in done.stderr
    return lines[0]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_read_command_on_a_missing_sqlite_file_is_an_error_and_creates_nothing(
        tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "wralog.sqlite3"
    line = one_coded_line(run(*command, "--db", f"sqlite:///{typo}"), "E506")
    assert str(typo) in line
    assert list(tmp_path.iterdir()) == [], "no file was created"


def test_a_read_command_on_a_database_warlog_never_wrote_is_an_error(postgres_url: str) -> None:
    line = one_coded_line(run("events", "--db", postgres_url), "E506")
    assert postgres_url.rsplit("/", 1)[-1] in line
    import psycopg

    with psycopg.connect(postgres_url) as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()
    assert tables == (0,), "the empty database was left empty"


def test_ingest_still_creates_a_new_database(tmp_path: Path) -> None:
    fresh = tmp_path / "new" / "warlog.sqlite3"
    done = run("ingest", "--db", f"sqlite:///{fresh}", str(EXAMPLES / "2024-01-28-tower-22-drone.txt"))
    assert done.returncode == 0, done.stderr
    assert run("events", "--db", f"sqlite:///{fresh}").stdout.count("\n") >= 1


@pytest.mark.parametrize("command", [["events"], ["tally"], ["ingest", str(EXAMPLES)]],
                         ids=lambda c: c[0])
def test_a_file_that_is_not_a_database_is_one_coded_line_and_left_alone(
        tmp_path: Path, command: list[str]) -> None:
    passwd = tmp_path / "passwd"
    shutil.copyfile("/etc/passwd", passwd)
    before = passwd.read_bytes()
    line = one_coded_line(run(*command, "--db", f"sqlite:///{passwd}"), "E501")
    assert str(passwd) in line and "not a database" in line
    assert passwd.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["passwd"], "no -wal or -journal left"


def test_the_real_etc_passwd_as_a_database_is_one_coded_line() -> None:
    before = Path("/etc/passwd").read_bytes()
    line = one_coded_line(run("events", "--db", "sqlite:////etc/passwd"), "E501")
    assert "/etc/passwd" in line
    assert Path("/etc/passwd").read_bytes() == before


def test_a_folder_as_a_database_is_one_coded_line(tmp_path: Path) -> None:
    for command in (["events"], ["ingest", str(EXAMPLES)]):
        one_coded_line(run(*command, "--db", f"sqlite:///{tmp_path}"), "E501")


def _open_at_once(url: str, barrier: Any, results: Any) -> None:
    barrier.wait()
    try:
        open_store(url).close()
        results.put("ok")
    except Exception as err:  # noqa: BLE001 (reported to the test, which names it)
        results.put(f"{type(err).__name__}: {err}")


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_processes_opening_one_fresh_database_at_once_all_succeed(
        tmp_path: Path, request: pytest.FixtureRequest, dialect: str) -> None:
    context = multiprocessing.get_context("spawn")
    for attempt in range(4):
        url = (f"sqlite:///{tmp_path / f'fresh{attempt}.sqlite3'}" if dialect == "sqlite"
               else str(request.getfixturevalue("postgres_database")()))
        barrier = context.Barrier(4)
        results = context.Queue()
        procs = [context.Process(target=_open_at_once, args=(url, barrier, results))
                 for _ in range(4)]
        for p in procs:
            p.start()
        outcomes = [results.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        assert outcomes == ["ok"] * 4, outcomes
        store = open_store(url)
        with store.engine.connect() as conn:
            versions = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
        from alembic.script import ScriptDirectory

        from warlog.store.engine import alembic_config

        assert versions == ScriptDirectory.from_config(alembic_config()).get_heads()
        store.close()


def test_the_same_report_stored_by_two_writers_is_stored_once(db_url: str, example_reports: Any
                                                              ) -> None:
    """Two stores (two connections pools, as two processes have) writing the same
    reports one after the other: the second finds each stored and says so."""
    first, second = open_store(db_url), open_store(db_url)
    try:
        outcomes = [(ingest_report(first, r).status, ingest_report(second, r).status)
                    for r in example_reports]
        with first.engine.connect() as conn:
            documents = dump(conn)["documents"]
    finally:
        first.close()
        second.close()
    assert outcomes == [("new", "unchanged")] * len(example_reports)
    assert len(documents) == len(example_reports)


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_two_ingests_of_the_same_reports_into_a_fresh_database_both_succeed(
        tmp_path: Path, request: pytest.FixtureRequest, dialect: str) -> None:
    url = (f"sqlite:///{tmp_path / 'twice.sqlite3'}" if dialect == "sqlite"
           else str(request.getfixturevalue("postgres_database")()))
    procs = [subprocess.Popen([sys.executable, "-m", "warlog", "ingest", "--db", url,
                               str(EXAMPLES)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=REPO) for _ in range(2)]
    done = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, done, strict=True):
        assert p.returncode == 0, err
        assert "Error" not in err and "locked" not in err, err
    reports = sum(1 for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    news = [int(out.split(" new,")[0].rsplit(" ", 1)[-1]) for out, _ in done]
    assert sum(news) == reports, done
    store = open_store(url)
    with store.engine.connect() as conn:
        assert len(dump(conn)["documents"]) == reports
    store.close()
