"""Database URLs: the default SQLite file, psycopg 3 for PostgreSQL, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from platformdirs import user_data_dir

from warlog.errors import StoreError
from warlog.store.engine import default_url, normalise_url, open_store


def test_the_default_is_a_sqlite_file_in_the_user_data_dir() -> None:
    assert default_url() == f"sqlite:///{Path(user_data_dir('warlog', appauthor=False)) / 'warlog.sqlite3'}"


@pytest.mark.parametrize(("given", "used"), [
    ("postgresql://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///x.sqlite3", "sqlite:///x.sqlite3"),
])
def test_postgresql_urls_use_psycopg_3(given: str, used: str) -> None:
    assert normalise_url(given) == used


def test_other_databases_are_refused() -> None:
    with pytest.raises(StoreError) as raised:
        open_store("mysql://localhost/warlog")
    assert raised.value.code == "E504"
    with pytest.raises(StoreError) as raised:
        open_store("not a url")
    assert raised.value.code == "E504"


def test_opening_creates_the_folder_and_migrates(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'deep' / 'er' / 'w.sqlite3'}")
    with store.engine.connect() as conn:
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    from alembic.script import ScriptDirectory

    from warlog.store.engine import alembic_config

    assert [version] == ScriptDirectory.from_config(alembic_config()).get_heads()
    store.close()
