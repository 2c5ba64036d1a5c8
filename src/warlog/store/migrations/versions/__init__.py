"""Alembic revisions, one named step each: ``NNNN_what_it_does``."""
