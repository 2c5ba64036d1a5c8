"""Opening the store: the URL, the engine, and the migrations applied on open.

``--db`` defaults to a SQLite file in the user's data directory; ``postgresql://`` and
``postgresql+psycopg://`` URLs use PostgreSQL through psycopg 3. Every open brings the
schema to the newest revision, so no separate set-up step exists.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from platformdirs import user_data_dir
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from warlog.errors import StoreError

log = logging.getLogger(__name__)


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


def default_url() -> str:
    """The SQLite file in the user's data directory (``~/.local/share/warlog`` on Linux)."""
    return f"sqlite:///{Path(user_data_dir('warlog', appauthor=False)) / 'warlog.sqlite3'}"


def normalise_url(url: str) -> str:
    """The SQLAlchemy URL for a ``--db`` value: plain PostgreSQL URLs get psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def open_store(url: str | None = None) -> Store:
    """Open (creating if need be) and migrate the database at ``url``."""
    raw = normalise_url(url or default_url())
    try:
        parsed = make_url(raw)
    except ArgumentError as err:
        raise StoreError("E504", url=raw, why=str(err)) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError("E504", url=parsed.render_as_string(hide_password=True),
                         why=f"{parsed.get_backend_name()} is not SQLite or PostgreSQL")
    shown = parsed.render_as_string(hide_password=True)
    engine = _engine(raw, sqlite=parsed.get_backend_name() == "sqlite", database=parsed.database)
    store = Store(engine=engine, url=shown)
    migrate(store)
    return store


def _engine(url: str, *, sqlite: bool, database: str | None) -> Engine:
    if sqlite and database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    # SQLite leaves foreign keys unchecked unless asked, per connection.
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def alembic_config(url: str | None = None) -> Config:
    """Alembic's configuration for the migrations shipped in this package."""
    config = Config()
    config.set_main_option("script_location", str(files("warlog.store") / "migrations"))
    if url:
        config.set_main_option("sqlalchemy.url", normalise_url(url))
    return config


def migrate(store: Store) -> None:
    """Bring the schema to the newest revision; refuse a database from a newer warlog."""
    config = alembic_config()
    scripts = ScriptDirectory.from_config(config)
    heads = set(scripts.get_heads())
    known = {s.revision for s in scripts.walk_revisions()}
    try:
        connection = store.engine.connect()
    except SQLAlchemyError as err:
        raise StoreError("E501", url=store.url, why=_short(err)) from None
    with connection, connection.begin():
        current = set(MigrationContext.configure(connection).get_current_heads())
        if current - known:
            raise StoreError("E505", url=store.url, revision=", ".join(sorted(current)),
                             known=", ".join(sorted(heads)))
        if current == heads:
            return
        log.info("migrating %s from %s to %s", store.url, sorted(current) or "empty", sorted(heads))
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except (SQLAlchemyError, CommandError) as err:
            raise StoreError("E502", url=store.url, why=_short(err)) from None


def _short(err: BaseException) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__
