"""Real databases for the store tests: a SQLite file, and a PostgreSQL server that the
suite starts itself (initdb + pg_ctl in a temporary directory on a free port, as the
postgres user when run as root), stopped at the end of the session.

Without the PostgreSQL binaries the PostgreSQL half of each test skips with the reason,
except under CI=true, where it fails: CI installs Debian's postgresql package
(.ci/run), so a missing server there is a broken set-up, not a reason to skip.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def postgres_bindir() -> Path | None:
    """The newest installed PostgreSQL's bin directory (Debian keeps it off PATH)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(args: list[str]) -> list[str]:
    # initdb refuses to run as root; the server runs as the postgres user instead.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: .ci/run should have installed Debian's postgresql)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """Base URL of a throwaway PostgreSQL cluster (trust auth, user postgres)."""
    bindir = postgres_bindir()
    if bindir is None or not (bindir / "pg_ctl").exists():
        _missing("PostgreSQL binaries (initdb, pg_ctl) not found; install Debian's postgresql")
    assert bindir is not None
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        _missing("running as root needs runuser to start PostgreSQL as the postgres user")
    base = Path(tempfile.mkdtemp(prefix="warlog-pg-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(base, user.pw_uid, user.pw_gid)
    port = _free_port()
    data, log = base / "data", base / "log"
    subprocess.run(_as_postgres([str(bindir / "initdb"), "-D", str(data), "-A", "trust",
                                 "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]),
                   check=True, capture_output=True)
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")
    started = subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log),
                                           "-w", "-o", options, "start"]),
                             check=False, capture_output=True, text=True)
    if started.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        pytest.fail(f"PostgreSQL did not start: {started.stdout}{started.stderr}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                     "-w", "stop"]), check=False, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def new_database(server: str) -> str:
    """A fresh, empty database on the server; its URL."""
    import psycopg

    name = f"w_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    return new_database(postgres_server)


@pytest.fixture(scope="session")
def postgres_database(postgres_server: str):  # type: ignore[no-untyped-def]
    """Makes fresh databases on the session's server, for module-scoped fixtures."""
    return lambda: new_database(postgres_server)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'warlog.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """The same test on a real SQLite file and on a real PostgreSQL database."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "warlog" / "examples"


@pytest.fixture(scope="session")
def example_reports(resources):  # type: ignore[no-untyped-def]
    """The bundled examples, extracted once per session (sorted by path)."""
    from warlog.ingest.sources import find_sources, read_source
    from warlog.pipeline import read_report

    sources, _ = find_sources([str(EXAMPLES)])
    return tuple(read_report(read_source(s), resources=resources) for s in sources)


@pytest.fixture(scope="session")
def country_of(resources):  # type: ignore[no-untyped-def]
    from warlog.geo.resolver import country_of as resolve

    return lambda text: resolve(text, gazetteer=resources.gazetteer)
