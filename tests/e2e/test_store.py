"""The store on real SQLite and real PostgreSQL: every test here runs on both (``db_url``).

Reports are extracted once per session and stored through ``ingest_report``, the same
per-report transaction `warlog ingest` runs; test_cli_store.py drives the command itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from warlog.batch.linking import candidate
from warlog.batch.local import Outcome, ingest_report
from warlog.link.dedup import link
from warlog.link.records import merged_record
from warlog.model import Report
from warlog.store.engine import open_store
from warlog.store.repository import dump, events_of, merged_records

SAME_EVENT = {
    frozenset({"2024-01-28-tower-22-drone", "2024-01-29-tower-22-update"}),
    frozenset({"2024-03-07-true-confidence-gulf-desk",
               "2024-03-07-true-confidence-maritime-ledger"}),
}


def ingest(url: str, reports: Sequence[Report],
           country_of: Callable[[str], str | None] | None = None) -> list[Outcome]:
    store = open_store(url)
    try:
        return [ingest_report(store, r, **({"country_of": country_of} if country_of else {}))
                for r in reports]
    finally:
        store.close()


def content(url: str) -> dict[str, list[dict[str, Any]]]:
    store = open_store(url)
    with store.engine.connect() as conn:
        out = dump(conn)
    store.close()
    return out


def records(url: str) -> list[dict[str, Any]]:
    store = open_store(url)
    with store.engine.connect() as conn:
        out = merged_records(conn)
    store.close()
    return out


def stem(path: str | None) -> str:
    name = Path(path or "").name
    return name.removesuffix(".html").removesuffix(".txt")


def test_the_examples_store_and_the_same_event_pairs_merge(db_url: str, example_reports) -> None:  # type: ignore[no-untyped-def]
    outcomes = ingest(db_url, example_reports)
    assert [o.status for o in outcomes] == ["new"] * len(example_reports)
    groups = {frozenset(stem(s["document"]["path"]) for s in r["sources"])
              for r in records(db_url) if len(r["sources"]) > 1}
    assert groups == SAME_EVENT, "only the two same-event pairs may merge"
    tower = next(r for r in records(db_url)
                 if {stem(s["document"]["path"]) for s in r["sources"]} in SAME_EVENT
                 and "tower" in r["sources"][0]["document"]["path"])
    assert tower["location"]["name"] == "Tower 22" and tower["time"]["start"] == "2024-01-28"
    stored_events = sum(len(r.events) for r in example_reports)
    assert sum(len(r["sources"]) for r in records(db_url)) == stored_events


def test_ingesting_twice_changes_nothing(db_url: str, example_reports) -> None:  # type: ignore[no-untyped-def]
    ingest(db_url, example_reports)
    before = content(db_url)
    again = ingest(db_url, example_reports)
    assert {o.status for o in again} == {"unchanged"}
    assert content(db_url) == before


def test_reversed_order_gives_the_same_content(db_url: str, example_reports, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               request: pytest.FixtureRequest) -> None:
    other = (f"sqlite:///{tmp_path / 'reversed.sqlite3'}" if db_url.startswith("sqlite")
             else str(request.getfixturevalue("postgres_url")))
    ingest(db_url, example_reports)
    ingest(other, tuple(reversed(example_reports)))
    assert content(other) == content(db_url)


def test_incremental_linking_equals_a_full_relink(db_url: str, example_reports) -> None:  # type: ignore[no-untyped-def]
    # Interleave so that merges happen late: every other report first, then the rest.
    ingest(db_url, example_reports[1::2] + example_reports[0::2])
    store = open_store(db_url)
    with store.engine.connect() as conn:
        current = [d["id"] for d in dump(conn)["documents"] if d["current"]]
        everything = [candidate(s) for s in events_of(conn, current)]
        stored = merged_records(conn)
    store.close()
    full = sorted((merged_record(m) for m in link(everything)), key=lambda r: r["id"])
    assert sorted(stored, key=lambda r: r["id"]) == full


@pytest.mark.parametrize("where", ["save_claims", "relink"])
def test_a_failure_mid_transaction_leaves_the_database_as_before(  # type: ignore[no-untyped-def]
        db_url: str, example_reports, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    by_stem = {stem(r.document.path): r for r in example_reports}
    ingest(db_url, [by_stem["2024-01-28-tower-22-drone"], by_stem["2024-01-10-red-sea-barrage"]])
    before = content(db_url)

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("injected failure")

    monkeypatch.setattr(f"warlog.batch.local.{where}", fail)
    [outcome] = ingest(db_url, [by_stem["2024-01-29-tower-22-update"]])
    assert outcome.status == "failed"
    assert outcome.error is not None
    assert outcome.error.startswith("[E401]" if where == "relink" else "[E503]")
    assert "tower-22-update" in outcome.error and "injected failure" in outcome.error
    assert content(db_url) == before
    monkeypatch.undo()
    [outcome] = ingest(db_url, [by_stem["2024-01-29-tower-22-update"]])
    assert outcome.status == "new" and outcome.events_merged == 1


def version(report: Report, *, text_suffix: str, published: str, url: str) -> Report:
    """Another version of a report: other text (so another id), same URL."""
    from datetime import date
    from hashlib import sha256

    text = report.document.text + text_suffix
    doc = replace(report.document, id=sha256(text.encode()).hexdigest(), text=text, url=url,
                  published=date.fromisoformat(published))
    return replace(report, document=doc)


@pytest.mark.parametrize("same_day", [False, True])
def test_the_newer_version_counts_whatever_the_order(db_url: str, example_reports,  # type: ignore[no-untyped-def]
                                                     request: pytest.FixtureRequest,
                                                     tmp_path: Path, same_day: bool) -> None:
    by_stem = {stem(r.document.path): r for r in example_reports}
    base = by_stem["2024-03-07-true-confidence-gulf-desk"]
    url = "https://example.org/story"
    old = version(base, text_suffix="", published="2024-03-07", url=url)
    new = version(base, text_suffix="\nUpdated.", published="2024-03-07" if same_day else "2024-03-08",
                  url=url)
    newest = max(old, new, key=lambda r: (r.document.published, r.document.id))
    other = by_stem["2024-03-07-true-confidence-maritime-ledger"]
    second = (f"sqlite:///{tmp_path / 'second.sqlite3'}" if db_url.startswith("sqlite")
              else str(request.getfixturevalue("postgres_url")))
    ingest(db_url, [old, other, new])
    ingest(second, [new, other, old])
    assert content(db_url) == content(second)
    docs = {d["id"]: d for d in content(db_url)["documents"]}
    assert len(docs) == 3, "both versions are kept"
    assert [i for i, d in docs.items() if d["url"] == url and d["current"]] == [newest.document.id]
    sources = {s["document"]["id"] for r in records(db_url) for s in r["sources"]}
    assert newest.document.id in sources and len(sources & {old.document.id, new.document.id}) == 1
    merged = [r for r in records(db_url) if len(r["sources"]) == 2]
    assert len(merged) == 1, "the newer version still merges with the other outlet's report"


def test_claims_keep_their_resolved_target(db_url: str, example_reports, country_of) -> None:  # type: ignore[no-untyped-def]
    ingest(db_url, example_reports, country_of=country_of)
    claims = content(db_url)["claims"]
    us = [c for c in claims if (c["body"]["scope"]["target"] or "").startswith("U.S.")]
    assert us and all(c["target_country"] == "US" for c in us)


def test_the_migrated_schema_is_the_one_the_code_uses(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from warlog.store.tables import metadata

    store = open_store(db_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    store.close()
    assert diff == []
    from alembic.script import ScriptDirectory

    from warlog.store.engine import alembic_config

    assert [version] == ScriptDirectory.from_config(alembic_config()).get_heads()


def test_a_database_from_a_newer_warlog_is_refused(db_url: str) -> None:
    from warlog.errors import StoreError

    store = open_store(db_url)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    store.close()
    with pytest.raises(StoreError) as raised:
        open_store(db_url)
    assert raised.value.code == "E505" and "0099_from_the_future" in str(raised.value)
