"""Alembic migration environment of the store (applied by ``warlog.store.engine.migrate``)."""
