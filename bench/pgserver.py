"""A throwaway PostgreSQL server from Debian's binaries, for the store tests and benches.

initdb + pg_ctl in a temporary directory on a free loopback port, as the postgres user
when run as root (initdb refuses root), trust auth, durability off; stopped and removed
on exit. Used by tests/e2e/conftest.py and bench/ingest_throughput.py.
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
from contextlib import contextmanager
from pathlib import Path


class PostgresStartError(RuntimeError):
    """initdb or pg_ctl failed; the message carries their output."""


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
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _run(args: list[str]) -> None:
    done = subprocess.run(_as_postgres(args), check=False, capture_output=True, text=True)
    if done.returncode != 0:
        raise PostgresStartError(f"PostgreSQL did not start: {done.stdout}{done.stderr}")


@contextmanager
def throwaway_postgres(bindir: Path) -> Iterator[str]:
    """Base URL of a fresh cluster (user postgres, no database part) for the block."""
    base = Path(tempfile.mkdtemp(prefix="warlog-pg-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(base, user.pw_uid, user.pw_gid)
    port = _free_port()
    data, log = base / "data", base / "log"
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")
    try:
        _run([str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
              "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-o", options,
              "start"])
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                     "-w", "stop"]), check=False, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def new_database(server: str, *, prefix: str = "w") -> str:
    """A fresh, empty database on the server; its URL."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"
