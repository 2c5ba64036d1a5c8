"""Real databases for the store tests: a SQLite file, and a PostgreSQL server that the
suite starts itself (initdb + pg_ctl in a temporary directory on a free port, as the
postgres user when run as root), stopped at the end of the session.

Without the PostgreSQL binaries the PostgreSQL half of each test skips with the reason,
except under CI=true, where it fails: CI installs Debian's postgresql package
(.ci/run), so a missing server there is a broken set-up, not a reason to skip.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

# The server recipe is shared with bench/ingest_throughput.py.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from pgserver import (
    PostgresStartError,
    new_database,
    postgres_bindir,
    throwaway_postgres,
)


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
    with ExitStack() as stack:
        try:
            url = stack.enter_context(throwaway_postgres(bindir))
        except PostgresStartError as err:
            pytest.fail(str(err))
        yield url


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
