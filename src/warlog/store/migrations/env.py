"""Alembic environment: migrates the connection warlog hands over, or a URL.

warlog applies migrations itself when it opens a database (``warlog.store.engine``), by
passing its open connection in ``config.attributes["connection"]``. To write a new
revision against a scratch database (``sqlalchemy.url`` names it)::

    from alembic import command
    from warlog.store.engine import alembic_config
    command.revision(alembic_config("sqlite:///scratch.sqlite3"), "what it does",
                     autogenerate=True, rev_id="0002_what_it_does")
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from warlog.store.tables import metadata

config = context.config


def run(connection: Connection) -> None:
    # render_as_batch: SQLite alters tables by copying them; Alembic's batch mode does
    # that, and is a plain ALTER on PostgreSQL.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    given = config.attributes.get("connection")
    if given is not None:
        run(given)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url")
    if not url:
        raise SystemExit("give the database with -x url=… or sqlalchemy.url")
    with create_engine(url).begin() as connection:
        run(connection)


main()
