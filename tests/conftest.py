"""Shared fixtures: the real spaCy pipeline and gazetteer, loaded once per session."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def resources():  # type: ignore[no-untyped-def]
    from warlog.pipeline import load_resources

    return load_resources()


@pytest.fixture(scope="session")
def read_text(resources):  # type: ignore[no-untyped-def]
    """Read a report given as a string, published on the given day."""
    from warlog.model import Document
    from warlog.pipeline import read_report

    def read(text: str, published: str | None = "2024-03-06"):  # type: ignore[no-untyped-def]
        doc = Document(id=hashlib.sha256(text.encode()).hexdigest(), path="test.txt",
                       published=date.fromisoformat(published) if published else None,
                       published_source="cli" if published else "none", text=text)
        return read_report(doc, resources=resources)

    return read
