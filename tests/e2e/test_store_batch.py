"""The store at scale (issue 14, part 3), on SQLite and PostgreSQL: a batch saved in one
transaction holds the same rows as the reports saved one by one; a failing batch writes
nothing; revision 0005 applies on a database that holds data; and linking's blocked
candidate query finds exactly the events a scan of the whole store would."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pytest
from alembic import command
from sqlalchemy import MetaData, create_engine, insert, inspect, select, text
from sqlalchemy.exc import IntegrityError

from warlog.batch.claims import target_country
from warlog.batch.linking import _neighbours, candidate, relink
from warlog.batch.local import _source_doc, ingest_report
from warlog.link.candidate import Candidate, SourceDoc, candidates
from warlog.link.compat import compatible
from warlog.model import Actor, Count, Document, Event, Place, Report, Span, Time
from warlog.store.engine import alembic_config, normalise_url, open_store
from warlog.store.repository import (
    ReportRows,
    _actor_row,
    _document_row,
    _event_row,
    _place_row,
    dump,
    events_of,
    save_reports,
)


def rows_of(report: Report, country_of: Any) -> ReportRows:
    source = _source_doc(report.document)
    return ReportRows(document=report.document, fingerprint=source.fingerprint, current=True,
                      events=report.events, keys=[c.key for c in candidates(source, report.events)],
                      claims=report.claims,
                      target_countries=[target_country(c.scope.target, country_of)
                                        for c in report.claims])


def content(url: str) -> dict[str, list[dict[str, Any]]]:
    store = open_store(url)
    with store.engine.connect() as conn:
        out = dump(conn)
    store.close()
    return out


def second_url(db_url: str, tmp_path: Any, request: pytest.FixtureRequest) -> str:
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'second.sqlite3'}"
    return str(request.getfixturevalue("postgres_database")())   # another fresh database


def save_batch(url: str, reports: Sequence[Report], country_of: Any) -> None:
    """The batch path: every report in one save_reports, one relink of all their events,
    one transaction."""
    store = open_store(url)
    try:
        with store.write() as conn:
            save_reports(conn, [rows_of(r, country_of) for r in reports])
            added = [c for r in reports
                     for c in candidates(_source_doc(r.document), r.events)]
            relink(conn, added=added, removed=[])
    finally:
        store.close()


def test_a_batch_holds_the_same_rows_as_reports_saved_one_by_one(  # type: ignore[no-untyped-def]
        db_url: str, example_reports, country_of, tmp_path, request) -> None:
    one_by_one = second_url(db_url, tmp_path, request)
    store = open_store(one_by_one)
    outcomes = [ingest_report(store, r, country_of=country_of) for r in example_reports]
    store.close()
    assert all(o.status == "new" for o in outcomes)
    save_batch(db_url, example_reports, country_of)
    batched, single = content(db_url), content(one_by_one)
    assert len(batched["documents"]) == len(example_reports)
    assert batched["report_events"] and batched["claims"] and batched["merged_events"]
    assert batched == single
    # the blocking key is the place's country
    assert {r["country"] for r in batched["report_events"]} - {None}
    for r in batched["report_events"]:
        assert r["country"] == ((r["body"]["location"] or {}).get("country") or None)


def test_a_failing_batch_writes_nothing(db_url: str, example_reports, country_of) -> None:  # type: ignore[no-untyped-def]
    first, rest = example_reports[:2], example_reports[2:]
    save_batch(db_url, first, country_of)
    before = content(db_url)
    store = open_store(db_url)
    try:
        # the last report of the batch is one already stored: the whole batch fails
        with pytest.raises(IntegrityError), store.write() as conn:
            save_reports(conn, [rows_of(r, country_of) for r in [*rest, first[0]]])
        with pytest.raises(RuntimeError, match="after the rows"), store.write() as conn:
            save_reports(conn, [rows_of(r, country_of) for r in rest])
            raise RuntimeError("a failure after the rows were written")
    finally:
        store.close()
    assert content(db_url) == before
    save_batch(db_url, rest, country_of)        # and the batch goes through once fixed
    assert len(content(db_url)["documents"]) == len(example_reports)


def test_revision_0005_applies_on_a_database_with_data(db_url: str, example_reports) -> None:  # type: ignore[no-untyped-def]
    """Rows written under revision 0004 (no country column) get their place's country."""
    config = alembic_config(db_url)
    command.upgrade(config, "0004_watch_state")
    engine = create_engine(normalise_url(db_url))
    old = MetaData()
    old.reflect(engine)
    assert "country" not in old.tables["report_events"].c
    written = 0
    with engine.begin() as conn:
        for r in example_reports:
            source = _source_doc(r.document)
            conn.execute(insert(old.tables["documents"]).values(
                **_document_row(r.document, fingerprint=source.fingerprint, current=True)))
            places = {_place_row(e.location)["id"]: _place_row(e.location)
                      for e in r.events if e.location is not None}
            people = {_actor_row(a)["id"]: _actor_row(a)
                      for e in r.events for a in (e.attacker, e.target) if a is not None}
            for table, rows in (("places", places), ("actors", people)):
                have = set(conn.scalars(select(old.tables[table].c.id)))
                fresh = [v for k, v in rows.items() if k not in have]
                if fresh:
                    conn.execute(insert(old.tables[table]), fresh)
            keys = [c.key for c in candidates(source, r.events)]
            for i, (key, e) in enumerate(zip(keys, r.events, strict=True)):
                row = _event_row(r.document.id, i, key, e)
                row.pop("country")
                conn.execute(insert(old.tables["report_events"]).values(**row))
                written += 1
    engine.dispose()
    assert written
    store = open_store(db_url)          # migrates to the newest revision
    with store.engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        indexes = {i["name"] for i in inspect(conn).get_indexes("report_events")}
        merged_indexes = {i["name"] for i in inspect(conn).get_indexes("merged_events")}
        stored = dump(conn)["report_events"]
    store.close()
    assert version == "0006_change_log"
    assert "ix_report_events_block" in indexes and "ix_merged_events_weapon" in merged_indexes
    assert len(stored) == written
    expected = {r["key"]: ((r["body"]["location"] or {}).get("country") or None) for r in stored}
    assert {r["key"]: r["country"] for r in stored} == expected
    assert any(expected.values())


# -- the blocked candidate query against a scan of everything ------------------------

SPAN = Span(start=0, end=1)
COUNTRIES = {"UA": (48.5, 35.0), "SY": (35.0, 38.0), "IQ": (33.0, 44.0)}


def generated(n: int, seed: int) -> list[tuple[Document, Event]]:
    """Events crowded on a few days and places, in three countries, some placed without
    a country and some not placed at all, some retelling another: many compatible pairs,
    and pairs the country alone tells apart."""
    rnd = random.Random(seed)
    places = []
    for i in range(12):
        cc = sorted(COUNTRIES)[i % 3]
        lat, lon = COUNTRIES[cc]
        places.append(Place(text=f"Town {i}", name=f"Town {i}", admin1=None,
                            country=None if i % 5 == 4 else cc,
                            lat=lat + rnd.uniform(-0.2, 0.2), lon=lon + rnd.uniform(-0.2, 0.2),
                            precision="town", gazetteer_id=None if i % 5 == 4 else f"t:{i}",
                            role="literal", span=SPAN))
    out = []
    for k in range(n):
        day = date(2024, 3, 1) + timedelta(days=rnd.randrange(6))
        end = day + timedelta(days=rnd.choice((0, 0, 0, 1)))
        place = None if rnd.random() < 0.1 else rnd.choice(places)
        killed = rnd.randrange(1, 6)
        who = Actor(text="Group A", name="Group A", kind="non_state_armed_group", country=None,
                    span=SPAN)
        event = Event(id="e1", type="explosions_remote_violence", sub_type="air_drone_strike",
                      weapon="drone", outcome="hit", attacker=who, target=None, location=place,
                      time=Time(text="on Monday", start=day, end=end, precision="day", span=None),
                      killed=(Count(group="target_side", low=killed, best=killed, high=killed,
                                    text=str(killed), span=SPAN),),
                      evidence=(SPAN,))
        body = f"generated report {seed}-{k}"
        doc = Document(id=hashlib.sha256(body.encode()).hexdigest(), path=f"g/{k}.txt",
                       outlet=f"outlet {k % 7}", published=end, published_source="cli", text=body)
        out.append((doc, event))
    return out


def test_blocked_candidates_are_those_a_full_scan_finds(db_url: str) -> None:
    store = open_store(db_url)
    made = generated(240, seed=3)
    rows: list[ReportRows] = []
    added: list[Candidate] = []
    for doc, event in made:
        source = SourceDoc(id=doc.id, path=doc.path, outlet=doc.outlet, published=doc.published)
        cands = candidates(source, (event,))
        rows.append(ReportRows(document=doc, fingerprint=(), current=True, events=(event,),
                               keys=[c.key for c in cands]))
        added += cands
    with store.write() as conn:
        save_reports(conn, rows)
        relink(conn, added=added, removed=[])
    with store.engine.connect() as conn:
        everything: list[Candidate] = [candidate(s) for s in events_of(conn, [d.id for d, _ in made])]
        assert len(everything) == len(made)
        pairs = 0
        for c in everything:
            blocked = sorted(o.key for o in _neighbours(conn, c))
            scanned = sorted(o.key for o in everything if o.key != c.key and compatible(c, o))
            assert blocked == scanned, c.key
            pairs += len(scanned)
    store.close()
    assert pairs > len(made), "the generated store has compatible pairs to find"
