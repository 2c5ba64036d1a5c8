"""Which URL makes two documents versions of one report (issue 15, finding 3): a page's
own claim of an address (canonical link, og:url, base href) never displaces the report
stored from that address; a version given by its origin (the sidecar) still does.
Real pages through the real readers and pipeline, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from warlog.batch.local import ingest_report
from warlog.ingest.sources import find_sources, read_source
from warlog.model import Report
from warlog.pipeline import read_report
from warlog.store.engine import alembic_config, open_store
from warlog.store.repository import dump, merged_records

URL = "https://news.example.org/2024/kirkuk-attack"
REAL = ("Rocket attack on base near Kirkuk\n\nKIRKUK, March 5 (Kirkuk Herald) - Militants fired "
        "four rockets at a military base near Kirkuk on Monday, wounding three soldiers, "
        "police said.\n")
CLAIMS = {
    "canonical": f'<link rel="canonical" href="{URL}">',
    "og:url": f'<meta property="og:url" content="{URL}">',
    "base href": f'<base href="{URL}">',
}


def page(claim: str) -> str:
    return (f"<html><head><title>Rocket attack near Kirkuk</title>{claim}"
            '<meta property="article:published_time" content="2024-03-09"></head><body><article>'
            "<h1>Rocket attack near Kirkuk</h1><p>Militants fired rockets at a military base "
            "near Kirkuk on Friday, killing nine soldiers and wounding twenty, police said.</p>"
            "<p>No group claimed the attack.</p></article></body></html>")


def read(path: Path, resources: Any) -> Report:
    [source], _ = find_sources([str(path)])
    return read_report(read_source(source), resources=resources)


def documents(url: str) -> dict[str, dict[str, Any]]:
    store = open_store(url)
    with store.engine.connect() as conn:
        out = {d["id"]: d for d in dump(conn)["documents"]}
    store.close()
    return out


@pytest.fixture
def real(tmp_path: Path, resources: Any) -> Report:
    path = tmp_path / "herald.txt"
    path.write_text(REAL)
    path.with_name("herald.meta.json").write_text(json.dumps(
        {"url": URL, "published": "2024-03-05", "outlet": "Kirkuk Herald"}))
    return read(path, resources)


@pytest.mark.parametrize("claim", list(CLAIMS))
@pytest.mark.parametrize("page_first", [False, True])
def test_a_page_claiming_a_stored_reports_url_does_not_displace_it(
        db_url: str, tmp_path: Path, resources: Any, real: Report, claim: str,
        page_first: bool) -> None:
    (tmp_path / "stranger.html").write_text(page(CLAIMS[claim]))
    stranger = read(tmp_path / "stranger.html", resources)
    assert stranger.document.url == URL, "the page does claim the address"
    assert stranger.document.published is not None and real.document.published is not None
    assert stranger.document.published > real.document.published, "it would win on date"
    assert (real.document.url_source, stranger.document.url_source) == ("origin", "page")
    store = open_store(db_url)
    order = (stranger, real) if page_first else (real, stranger)
    assert [ingest_report(store, r).status for r in order] == ["new", "new"]
    store.close()
    docs = documents(db_url)
    assert docs[real.document.id]["current"] is True, "the report from that address counts"
    assert docs[stranger.document.id]["current"] is True, "the page is kept beside it"
    store = open_store(db_url)
    with store.engine.connect() as conn:
        sources = [{s["document"]["id"] for s in r["sources"]} for r in merged_records(conn)]
    store.close()
    assert any(real.document.id in s for s in sources), "the real report's event stands"
    assert all(s == {real.document.id} for s in sources if real.document.id in s), \
        "told on another day, the page's event stays apart"
    assert any(s == {stranger.document.id} for s in sources), "the page's own event is there"


def test_a_version_given_by_its_origin_still_replaces_the_older(
        db_url: str, tmp_path: Path, resources: Any, real: Report) -> None:
    update = tmp_path / "herald-update.txt"
    update.write_text(REAL.replace("wounding three soldiers", "wounding five soldiers"))
    update.with_name("herald-update.meta.json").write_text(json.dumps(
        {"url": URL, "published": "2024-03-06", "outlet": "Kirkuk Herald"}))
    newer = read(update, resources)
    store = open_store(db_url)
    assert [ingest_report(store, r).status for r in (real, newer)] == ["new", "new"]
    store.close()
    docs = documents(db_url)
    assert docs[real.document.id]["current"] is False
    assert docs[newer.document.id]["current"] is True


def test_documents_stored_before_the_url_source_keep_their_versions(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0001_store_tables")
        conn.exec_driver_sql(
            "INSERT INTO documents (id, url, path, published_source, text, dropped, "
            "fingerprint, current) VALUES ('ab', 'https://x.example/a', 'a.txt', 'none', 't', "
            "'[]', '[]', 1)")
    engine.dispose()
    [doc] = documents(url).values()
    assert doc["url_source"] == "origin"
