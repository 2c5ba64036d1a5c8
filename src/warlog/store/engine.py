"""Opening the store: the URL, the engine, and the migrations applied on open.

``--db`` defaults to a SQLite file in the user's data directory; ``postgresql://`` and
``postgresql+psycopg://`` URLs use PostgreSQL through psycopg 3. Every open brings the
schema to the newest revision, so no separate set-up step exists; the read commands
open with ``create=False``, so a mistyped path is an error (E506), not a new empty file.

Several processes may share one database (two ingests, an ingest beside `serve`):

- SQLite runs in WAL mode (readers never wait for a writer, nor it for them) with a busy
  timeout; warlog issues its own ``BEGIN``, so a read sees one snapshot for its whole
  connection and a write transaction (``Store.write``) is ``BEGIN IMMEDIATE``: it takes
  the write lock before reading anything, so two writers queue instead of one failing
  with "database is locked" half-way.
- PostgreSQL writers take a transaction-level advisory lock; ``Store.read`` reads in one
  REPEATABLE READ snapshot.
- Migration runs under the same write lock, and checks the revision again once it holds
  it, so two processes opening a fresh database create the tables once.
- ``retrying`` runs a transaction again when the database says it is busy (lock timeout,
  deadlock, serialization failure), a few times, before the error reaches the user.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from platformdirs import user_data_dir
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from warlog.errors import StoreError

log = logging.getLogger(__name__)
T = TypeVar("T")
BUSY_TIMEOUT = 30.0     # seconds a SQLite connection waits for a lock before it is "busy"
ATTEMPTS = 5            # tries of a transaction the database called busy (``retrying``)
# PostgreSQL advisory lock keys: writing (ingest, migration) is one at a time.
WRITE_LOCK = 0x7761726C   # "warl"


@dataclass(frozen=True, slots=True, kw_only=True)
class Store:
    """An open database: the engine, and its URL with any password hidden."""

    engine: Engine
    url: str

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction holding the database's write lock from its first statement:
        ``BEGIN IMMEDIATE`` on SQLite, the advisory lock on PostgreSQL. Commits on exit,
        rolls back on an exception."""
        with self.engine.connect() as conn:
            conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only connection that sees one snapshot of the database throughout."""
        with self.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn


def busy(err: BaseException) -> bool:
    """Whether a database error says "try again": SQLite's lock timeouts, PostgreSQL's
    deadlocks, serialization failures and lock timeouts."""
    if not isinstance(err, DBAPIError):
        return False
    orig = err.orig
    if isinstance(orig, sqlite3.OperationalError):
        return "locked" in str(orig) or "busy" in str(orig)
    return getattr(orig, "sqlstate", None) in ("40001", "40P01", "55P03")


def retrying(work: Callable[[], T], *, attempts: int = ATTEMPTS, pause: float = 0.2) -> T:
    """``work()``, run again (with a growing pause) while the database says it is busy."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except DBAPIError as err:
            if attempt == attempts or not busy(err):
                raise
            log.info("database busy (%s); trying again", str(err.orig).splitlines()[0])
            time.sleep(pause * attempt)
    raise AssertionError("unreachable")


def default_url() -> str:
    """The SQLite file in the user's data directory (``~/.local/share/warlog`` on Linux)."""
    return f"sqlite:///{Path(user_data_dir('warlog', appauthor=False)) / 'warlog.sqlite3'}"


def normalise_url(url: str) -> str:
    """The SQLAlchemy URL for a ``--db`` value: plain PostgreSQL URLs get psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def open_store(url: str | None = None, *, create: bool = True,
               busy_timeout: float = BUSY_TIMEOUT) -> Store:
    """Open and migrate the database at ``url``. With ``create`` (ingest, demo) a SQLite
    file or an empty database is set up; without it (the read commands) a database that
    warlog never wrote is E506, and nothing is created."""
    raw = normalise_url(url or default_url())
    try:
        parsed = make_url(raw)
    except ArgumentError as err:
        raise StoreError("E504", url=raw, why=str(err)) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError("E504", url=parsed.render_as_string(hide_password=True),
                         why=f"{parsed.get_backend_name()} is not SQLite or PostgreSQL")
    shown = parsed.render_as_string(hide_password=True)
    sqlite = parsed.get_backend_name() == "sqlite"
    database = parsed.database
    if sqlite and database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database).expanduser()
        if path.is_dir():
            raise StoreError("E501", url=shown, why="it is a folder, not a file")
        if not create and not path.exists():
            raise StoreError("E506", url=shown, why="no such file")
        if create:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError("E501", url=shown, why=err.strerror or str(err)) from None
    engine = _engine(raw, sqlite=sqlite, busy_timeout=busy_timeout)
    store = Store(engine=engine, url=shown)
    try:
        migrate(store, create=create)
    except BaseException:
        engine.dispose()
        raise
    return store


def _engine(url: str, *, sqlite: bool, busy_timeout: float) -> Engine:
    if not sqlite:
        return create_engine(url)
    engine = create_engine(url, connect_args={"timeout": busy_timeout})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: object, _record: object) -> None:
    # warlog's own BEGIN (below), not the driver's, which begins only before writes.
    dbapi_connection.isolation_level = None  # type: ignore[attr-defined]
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    # SQLite leaves foreign keys unchecked unless asked, per connection.
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL is kept in the file once set; setting it again is a no-op. A database that
    # cannot switch (in memory, read-only) keeps its mode.
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError as err:
        if "readonly" not in str(err):      # a read-only file is read in the mode it has
            raise
    finally:
        cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {'IMMEDIATE' if mode == 'IMMEDIATE' else 'DEFERRED'}")


def alembic_config(url: str | None = None) -> Config:
    """Alembic's configuration for the migrations shipped in this package."""
    config = Config()
    config.set_main_option("script_location", str(files("warlog.store") / "migrations"))
    if url:
        config.set_main_option("sqlalchemy.url", normalise_url(url))
    return config


def migrate(store: Store, *, create: bool = True) -> None:
    """Bring the schema to the newest revision; refuse a database from a newer warlog.
    Checked first without a lock (the usual case: nothing to do), then again under the
    write lock, which the upgrade runs under."""
    try:
        retrying(lambda: _migrate(store, create=create))
    except SQLAlchemyError as err:
        # "file is not a database", a read-only file, a dropped connection…
        raise StoreError("E501", url=store.url, why=_short(err)) from None


def _migrate(store: Store, *, create: bool) -> None:
    config = alembic_config()
    scripts = ScriptDirectory.from_config(config)
    heads = set(scripts.get_heads())
    known = {s.revision for s in scripts.walk_revisions()}
    with store.engine.connect() as connection, connection.begin():
        current = _revisions(connection, store=store, known=known, heads=heads)
    if current == heads:
        return
    if not current and not create:
        raise StoreError("E506", url=store.url, why="no warlog tables in it")
    with store.write() as connection:
        current = _revisions(connection, store=store, known=known, heads=heads)
        if current == heads:
            return          # another process migrated it while this one waited
        log.info("migrating %s from %s to %s", store.url, sorted(current) or "empty", sorted(heads))
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except (SQLAlchemyError, CommandError) as err:
            if isinstance(err, DBAPIError) and busy(err):
                raise
            raise StoreError("E502", url=store.url, why=_short(err)) from None


def _revisions(connection: Connection, *, store: Store, known: set[str],
               heads: set[str]) -> set[str]:
    current = set(MigrationContext.configure(connection).get_current_heads())
    if current - known:
        raise StoreError("E505", url=store.url, revision=", ".join(sorted(current)),
                         known=", ".join(sorted(heads)))
    return current


def _short(err: BaseException) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__
