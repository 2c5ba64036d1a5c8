"""Batch ingest: read the inputs, send batches of new reports to be read, store the results.

One loop serves `warlog ingest` with and without ``--dask``; only the ``Runner`` that
reads the batches differs (``InProcess`` here, ``warlog.batch.dask.DaskRunner`` on a
cluster):

1. The inputs are read in this process, in order (files, feed items, archive records:
   ``warlog.batch.local.read_items``), and cut into batches of ``batch_size`` reports.
2. Reports already stored, by id (the hash of their text), and reports met earlier in
   the same run are set aside as "unchanged" before any work is sent: a batch that was
   interrupted resumes where it stopped.
3. The runner reads each batch (prefilter, parse, stages: ``warlog.batch.reading``) and
   hands the results back as they complete, in any order.
4. Each batch is stored here, the one writer, in one transaction: its documents, events
   and claims, then the re-linking of the merged events they touch. Linking gives the
   same merged events whatever order batches arrive in (``warlog.batch.linking``). When
   the batch's transaction fails, it is rolled back and its reports are stored one by one
   (``ingest_report``), so a failing report is named and the others still stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy.engine import Connection

from warlog.batch.linking import relink
from warlog.batch.local import (
    Summary,
    Timing,
    _link,
    _settle_versions,
    _source_doc,
    read_items,
)
from warlog.batch.outcome import Outcome
from warlog.batch.reading import Extracted, name_of, read_batch
from warlog.errors import StoreError, WarlogError
from warlog.ingest.fetch import FetchRules
from warlog.ingest.sources import Limits, Source
from warlog.link.candidate import Candidate, candidates
from warlog.model import Document
from warlog.store.engine import Store, retrying
from warlog.store.repository import (
    events_of,
    known_documents,
    save_claims,
    save_document,
    save_events,
)

log = logging.getLogger(__name__)
Result = Extracted | Outcome


class Runner(Protocol):
    """Reads batches of documents; yields each batch's results as it completes."""

    def run(self, batches: Iterator[list[Document]]) -> Iterator[list[Result]]: ...


@dataclass(slots=True, kw_only=True)
class InProcess:
    """Batches read one after another in this process, the resources loaded on first need."""

    resources: Callable[[], object]
    prefilter: bool = True
    seconds: float = 0

    def run(self, batches: Iterator[list[Document]]) -> Iterator[list[Result]]:
        for batch in batches:
            yield read_batch(batch, resources=self.resources(), prefilter=self.prefilter,
                             seconds=self.seconds)


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """What is read of the inputs, and how they are cut."""

    published: date | None = None
    batch_size: int = 32
    rules: FetchRules | None = None
    limits: Limits | None = None


def ingest_batched(sources: Sequence[Source], *, store: Store, runner: Runner,
                   plan: Plan = Plan(),
                   on_outcome: Callable[[Outcome], None] | None = None) -> Summary:
    """Ingest every report of the sources (module docstring); one Outcome per report."""
    outcomes: list[Outcome] = []

    def emit(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    items = read_items(sources, published=plan.published, rules=plan.rules, limits=plan.limits)
    batches = new_batches(items, store=store, size=plan.batch_size, emit=emit)
    for results in runner.run(batches):
        for outcome in store_batch(store, results):
            emit(outcome)
    return Summary(outcomes=tuple(outcomes), timing=Timing())


def new_batches(items: Iterable[Document | Outcome], *, store: Store, size: int,
                emit: Callable[[Outcome], None]) -> Iterator[list[Document]]:
    """Batches of the reports not yet stored nor met earlier in this run; every other
    item (unreadable inputs, reports already stored) is emitted as it is met."""
    seen: set[str] = set()
    pending: list[Document] = []
    for chunk in _chunks(items, size):
        docs = [d for d in chunk if isinstance(d, Document)]
        with store.engine.connect() as conn:
            known = known_documents(conn, [d.id for d in docs])
        for item in chunk:
            if isinstance(item, Outcome):
                emit(item)
            elif item.id in known or item.id in seen:
                emit(Outcome(name=name_of(item), status="unchanged", document_id=item.id))
            else:
                seen.add(item.id)
                pending.append(item)
        while len(pending) >= size:
            yield pending[:size]
            pending = pending[size:]
    if pending:
        yield pending


def _chunks(items: Iterable[Document | Outcome], size: int) -> Iterator[list[Document | Outcome]]:
    chunk: list[Document | Outcome] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def store_batch(store: Store, results: Sequence[Result]) -> list[Outcome]:
    """Store a batch's read reports in one transaction, then link them in it; the
    others' outcomes (skipped, failed) pass through. On a failed transaction, report by
    report."""
    passed = [r for r in results if isinstance(r, Outcome)]
    read = [r for r in results if isinstance(r, Extracted)]
    if not read:
        return passed
    try:
        return passed + retrying(lambda: _store_together(store, read))
    except Exception:  # the batch rolled back whole: each report alone names its failure
        log.info("storing a batch of %d reports failed; storing them one by one", len(read),
                 exc_info=True)
        return passed + [_store_alone(store, r) for r in read]


def _store_together(store: Store, read: Sequence[Extracted]) -> list[Outcome]:
    with store.write() as conn:
        known = known_documents(conn, [r.report.document.id for r in read])
        outcomes: dict[str, Outcome] = {}
        added: list[Candidate] = []
        removed: list[str] = []
        superseded: set[str] = set()
        for r in read:
            doc = r.report.document
            if doc.id in known:
                outcomes[doc.id] = Outcome(name=name_of(doc), status="unchanged",
                                           document_id=doc.id)
                continue
            current, replaced, gone = _save(conn, r)
            if current:
                added.extend(candidates(_source_doc(doc, r.fingerprint), r.report.events))
            superseded.update(replaced)
            removed.extend(gone)
        # a version stored earlier in this batch and replaced by a later one in it was
        # never linked: its events are not added, as they would not be one by one
        added = [c for c in added if c.document.id not in superseded]
        done = relink(conn, added=added, removed=removed) if added or removed else None
    return [outcomes.get(r.report.document.id) or _linked(r, done) for r in read]


def _save(conn: Connection, r: Extracted) -> tuple[bool, list[str], list[str]]:
    """Write one report (as ``warlog.batch.local._save``, the claims' countries given).
    Returns whether it counts, the versions it replaced, and their event keys."""
    doc = r.report.document
    source = _source_doc(doc, r.fingerprint)
    current, replaced = _settle_versions(conn, doc)
    save_document(conn, doc, fingerprint=source.fingerprint, current=current)
    save_events(conn, doc.id, r.report.events,
                [c.key for c in candidates(source, r.report.events)])
    save_claims(conn, doc.id, r.report.claims, list(r.claim_countries))
    return current, replaced, [s.key for s in events_of(conn, replaced)]


def _linked(r: Extracted, done: object) -> Outcome:
    """A stored report's outcome: which merged events its events started or joined."""
    doc = r.report.document
    merged = getattr(done, "merged", ())
    mine = {c.key for c in candidates(_source_doc(doc, r.fingerprint), r.report.events)}
    touched = [m for m in merged if mine & {c.key for c in m.members}]
    joined = [m.id for m in touched if any(c.document.id != doc.id for c in m.members)]
    alone = [m.id for m in touched if m.id not in joined]
    return Outcome(name=name_of(doc), status="new", document_id=doc.id, events_new=len(alone),
                   events_merged=len(joined), new_ids=tuple(alone), updated_ids=tuple(joined))


def _store_alone(store: Store, r: Extracted) -> Outcome:
    """One report in its own transaction; a failure named, as ``ingest_report`` does."""
    doc = r.report.document

    def attempt() -> Outcome:
        with store.write() as conn:
            if known_documents(conn, [doc.id]):
                return Outcome(name=name_of(doc), status="unchanged", document_id=doc.id)
            current, _replaced, removed = _save(conn, r)
            added = candidates(_source_doc(doc, r.fingerprint), r.report.events) if current else ()
            return _link(conn, added, doc_id=doc.id, name=name_of(doc), removed=removed)

    try:
        return retrying(attempt)
    except WarlogError as err:
        return Outcome(name=name_of(doc), status="failed", document_id=doc.id, error=str(err))
    except Exception as err:  # per item: rolled back, named, traceback kept in the log
        log.info("storing %s failed", name_of(doc), exc_info=True)
        why = f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}".rstrip(": ")
        failure = StoreError("E503", path=name_of(doc), why=why)
        return Outcome(name=name_of(doc), status="failed", document_id=doc.id, error=str(failure))
