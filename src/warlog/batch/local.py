"""`warlog ingest` on this machine: read, extract, link and store, one report at a time.

Each report is one transaction: its document, events and claims, the version flags of
its URL and the re-linked merged events are committed together or not at all, so a
report that fails (named on stderr with a code) leaves the database as it was. Reports
already stored (same normalised text, hence the same id) are skipped before extraction.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from warlog.batch.claims import CountryOf, target_country
from warlog.batch.linking import relink
from warlog.batch.outcome import Outcome, Status
from warlog.batch.reading import name_of, read_each
from warlog.errors import LinkError, StoreError, WarlogError
from warlog.ingest.fetch import FetchRules
from warlog.ingest.sources import Limits, Source
from warlog.ingest.streams import documents_of
from warlog.link.candidate import Candidate, SourceDoc, candidates
from warlog.link.grade import fingerprint
from warlog.model import Document, Report
from warlog.store.engine import Store, retrying
from warlog.store.repository import (
    events_of,
    known_documents,
    save_claims,
    save_document,
    save_events,
    set_current,
    versions_of,
)

# Outcome and Status live in warlog.batch.outcome, re-exported here for watch and the tests
__all__ = ["Outcome", "Status", "Summary", "Timing", "ingest_items", "ingest_report",
           "ingest_sources", "read_items"]
log = logging.getLogger(__name__)


@dataclass(slots=True, kw_only=True)
class Timing:
    """Seconds spent per step, for the benchmark; never part of the database."""

    read: float = 0.0
    extract: float = 0.0
    store: float = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    outcomes: tuple[Outcome, ...]
    timing: Timing = field(default_factory=Timing)

    def count(self, status: Status) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def failed(self) -> int:
        return self.count("failed")

    def line(self) -> str:
        """The closing line: reports read, new, unchanged, skipped (when any), failed; events
        new and merged."""
        new = sum(o.events_new for o in self.outcomes)
        merged = sum(o.events_merged for o in self.outcomes)
        read = len(self.outcomes)
        skipped = (f"{self.count('skipped')} skipped by the prefilter, "
                   if self.count("skipped") else "")
        return (f"{read} report{'' if read == 1 else 's'} read: {self.count('new')} new, "
                f"{self.count('unchanged')} unchanged, {skipped}{self.failed} failed; "
                f"events: {new} new, {merged} merged into events already on record")


def ingest_sources(sources: Sequence[Source], *, store: Store, resources: Callable[[], object],
                   published: date | None = None, batch_size: int = 32,
                   on_outcome: Callable[[Outcome], None] | None = None,
                   rules: FetchRules | None = None, limits: Limits | None = None,
                   seconds: float = 0) -> Summary:
    """Ingest every source in order; ``resources`` loads the pipeline on first need. A
    source may hold many reports (a feed, an archive: ``warlog.ingest.streams``).

    ``limits`` bound what is read of each input; ``seconds`` (0: none) bounds the
    extraction of each report, past which it fails with E204."""
    timing = Timing()
    return ingest_items(read_items(sources, published=published, rules=rules, timing=timing,
                                   limits=limits),
                        store=store, resources=resources, batch_size=batch_size,
                        on_outcome=on_outcome, timing=timing, seconds=seconds)


def read_items(sources: Iterable[Source], *, published: date | None = None,
               rules: FetchRules | None = None, timing: Timing | None = None,
               limits: Limits | None = None) -> Iterator[Document | Outcome]:
    """Every report of the sources, read; a failure as a failed Outcome naming it."""
    for source in sources:
        stream = documents_of(source, published=published, rules=rules, limits=limits)
        while True:
            started = time.perf_counter()
            item = next(stream, None)
            if timing is not None:
                timing.read += time.perf_counter() - started
            if item is None:
                break
            yield (item if isinstance(item, Document)
                   else Outcome(name=_failed_name(item, source), status="failed", error=str(item)))


def _failed_name(err: WarlogError, source: Source) -> str:
    named = err.fields.get("path") or err.fields.get("url")
    return str(named) if named else source.name


def ingest_items(items: Iterable[Document | Outcome], *, store: Store,
                 resources: Callable[[], object], batch_size: int = 32,
                 on_outcome: Callable[[Outcome], None] | None = None,
                 timing: Timing | None = None, seconds: float = 0) -> Summary:
    """Ingest documents already read (failures passed through), in order, in batches;
    ``seconds`` (0: none) bounds each report's extraction."""
    timing = timing or Timing()
    outcomes: list[Outcome] = []
    for batch in _batched(items, batch_size):
        for outcome in _ingest_batch(batch, store=store, resources=resources, timing=timing,
                                     seconds=seconds):
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
    return Summary(outcomes=tuple(outcomes), timing=timing)


def _batched(items: Iterable[Document | Outcome], size: int) -> Iterator[list[Document | Outcome]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _ingest_batch(docs: Sequence[Document | Outcome], *, store: Store,
                  resources: Callable[[], object], timing: Timing,
                  seconds: float = 0) -> Iterator[Outcome]:
    with store.engine.connect() as conn:
        known = known_documents(conn, [d.id for d in docs if isinstance(d, Document)])
    fresh = {i: d for i, d in enumerate(docs) if isinstance(d, Document) and d.id not in known}
    if not fresh:
        yield from (d if isinstance(d, Outcome) else _unchanged(d) for d in docs)
        return
    loaded = resources()
    extracted = _extract(fresh, resources=loaded, timing=timing, seconds=seconds)
    country_of = _country_of(loaded)
    for i, doc in enumerate(docs):
        if isinstance(doc, Outcome):
            yield doc
        elif i not in fresh:
            yield _unchanged(doc)
        elif isinstance(item := extracted[i], Outcome):
            yield item
        else:
            started = time.perf_counter()
            yield ingest_report(store, item, name=name_of(doc), country_of=country_of)
            timing.store += time.perf_counter() - started


def _unchanged(doc: Document) -> Outcome:
    return Outcome(name=name_of(doc), status="unchanged", document_id=doc.id)


def _extract(docs: dict[int, Document], *, resources: object,
             timing: Timing, seconds: float = 0) -> dict[int, Report | Outcome]:
    from warlog.pipeline import Resources

    assert isinstance(resources, Resources)
    started = time.perf_counter()
    out: dict[int, Report | Outcome] = {}
    with resources.zone():
        for i, (doc, got) in zip(docs, read_each(list(docs.values()), (d.text for d in docs.values()),
                                                 resources=resources, seconds=seconds,
                                                 then=lambda _doc, report: report), strict=True):
            out[i] = got if isinstance(got, Report) else Outcome(
                name=name_of(doc), status="failed", document_id=doc.id, error=str(got))
    timing.extract += time.perf_counter() - started
    return out


def _country_of(loaded: object) -> CountryOf:
    # The one reach past pipeline into geo: a claim's target ("U.S. forces") is resolved
    # with the gazetteer the pipeline already loaded, the way extraction resolves
    # demonyms, so tally's scope rule gets a country rather than a phrase.
    from warlog.geo.resolver import country_of
    from warlog.pipeline import Resources

    if not isinstance(loaded, Resources):
        return lambda _text: None
    gazetteer = loaded.gazetteer
    return lambda text_: country_of(text_, gazetteer=gazetteer)


def ingest_report(store: Store, report: Report, *, name: str | None = None,
                  country_of: CountryOf = lambda _text: None) -> Outcome:
    """Store and link one extracted report in one transaction (module docstring).

    The transaction holds the database's write lock from its start (``Store.write``), so
    a report another process stored meanwhile is seen and skipped ("unchanged"); a
    transaction the database calls busy is run again (``retrying``)."""
    doc = report.document
    name = name or doc.path or doc.id
    source = _source_doc(doc)
    step = ["store"]

    def attempt() -> Outcome:
        step[0] = "store"
        with store.write() as conn:
            if known_documents(conn, [doc.id]):
                return Outcome(name=name, status="unchanged", document_id=doc.id)
            current, removed = _save(conn, report, source=source, country_of=country_of)
            step[0] = "link"
            added = candidates(source, report.events) if current else ()
            return _link(conn, added, doc_id=doc.id, name=name, removed=removed)

    try:
        return retrying(attempt)
    except WarlogError as err:
        return Outcome(name=name, status="failed", document_id=doc.id, error=str(err))
    except Exception as err:  # per item: the transaction is rolled back, the report named
        if isinstance(err, IntegrityError) and _stored_meanwhile(store, doc.id):
            # a writer that does not take the lock stored the same text first: all is kept
            return Outcome(name=name, status="unchanged", document_id=doc.id)
        log.info("ingesting %s failed", name, exc_info=True)
        why = f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}".rstrip(": ")
        failure: WarlogError = (LinkError("E401", path=name, why=why) if step[0] == "link"
                                else StoreError("E503", path=name, why=why))
        return Outcome(name=name, status="failed", document_id=doc.id, error=str(failure))


def _stored_meanwhile(store: Store, doc_id: str) -> bool:
    try:
        with store.engine.connect() as conn:
            return bool(known_documents(conn, [doc_id]))
    except SQLAlchemyError:
        return False


def _save(conn: Connection, report: Report, *, source: SourceDoc,
          country_of: CountryOf) -> tuple[bool, list[str]]:
    """Write the report; settle which version of its URL counts. Returns whether this one
    counts, and the event keys of the version it replaced."""
    doc = report.document
    current, replaced = _settle_versions(conn, doc)
    save_document(conn, doc, fingerprint=source.fingerprint, current=current)
    keys = [c.key for c in candidates(source, report.events)]
    save_events(conn, doc.id, report.events, keys)
    save_claims(conn, doc.id, report.claims,
                [target_country(c.scope.target, country_of) for c in report.claims])
    removed = [s.key for s in events_of(conn, replaced)]
    return current, removed


def _settle_versions(conn: Connection, doc: Document) -> tuple[bool, list[str]]:
    """Versions of one report share the URL their origin gave (sidecar, fetch address);
    the newest (later ``published``, ties by the greater document id) counts, whatever
    order they arrive in. A URL the page only claims for itself (canonical link,
    og:url, base href) makes no version of anything: such a page counts on its own,
    beside any report at that address, so no page can displace another source."""
    if not doc.url or doc.url_source != "origin":
        return True, []
    versions = versions_of(conn, doc.url)
    newest = max([(v.published or date.min, v.id) for v in versions]
                 + [(doc.published or date.min, doc.id)])
    if newest[1] != doc.id:
        return False, []
    replaced = [v.id for v in versions if v.current]
    for old in replaced:
        set_current(conn, old, current=False)
    return True, replaced


def _link(conn: Connection, added: Sequence[Candidate], *, doc_id: str, name: str,
          removed: list[str]) -> Outcome:
    if not added and not removed:
        return Outcome(name=name, status="new", document_id=doc_id)
    done = relink(conn, added=added, removed=removed)
    mine = {c.key for c in added}
    touched = [m for m in done.merged if mine & {c.key for c in m.members}]
    # an event of this report "merged" when its merged event has another report's events
    joined = [m.id for m in touched if any(c.document.id != doc_id for c in m.members)]
    alone = [m.id for m in touched if m.id not in joined]
    return Outcome(name=name, status="new", document_id=doc_id,
                   events_new=len(alone), events_merged=len(joined),
                   new_ids=tuple(alone), updated_ids=tuple(joined))


def _source_doc(doc: Document, signature: tuple[int, ...] | None = None) -> SourceDoc:
    """The report as linking sees it; ``signature``, when the reader computed it, saves
    computing the text's fingerprint again."""
    return SourceDoc(id=doc.id, path=doc.path, url=doc.url, outlet=doc.outlet, title=doc.title,
                     published=doc.published,
                     fingerprint=fingerprint(doc.text) if signature is None else signature)
