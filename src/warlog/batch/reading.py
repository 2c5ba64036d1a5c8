"""One batch of documents read into reports: the prefilter, one ``nlp.pipe``, the stages.

The same function runs in `warlog ingest`'s own process and on a Dask worker
(``warlog.batch.dask``): it takes documents and loaded resources and returns plain
values, one per document, in order. A report the prefilter skips, or whose reading
fails, comes back as an ``Outcome`` naming it; a read report as ``Extracted``, with the
countries of its claims' targets already resolved, so that whoever stores it needs no
gazetteer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from warlog.batch.claims import target_country
from warlog.batch.deadline import time_limit
from warlog.batch.outcome import Outcome
from warlog.batch.prefilter import screen
from warlog.errors import WarlogError
from warlog.model import Document, Report

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True, kw_only=True)
class Extracted:
    """A report read, with the country of each claim's target (``target_country``) and
    the MinHash signature of its text (``warlog.link.grade.fingerprint``): both computed
    where the report is read, so that the one process storing every batch does neither
    (the signature was a third of that process's time)."""

    report: Report
    claim_countries: tuple[str | None, ...]
    fingerprint: tuple[int, ...]


def name_of(doc: Document) -> str:
    return doc.path or doc.id


def read_batch(docs: Sequence[Document], *, resources: object, prefilter: bool = True,
               seconds: float = 0) -> list[Extracted | Outcome]:
    """Every document read, in order. With ``prefilter`` (``warlog.batch.prefilter``) a
    report that cannot hold an attack or a tally is skipped unparsed, and only the
    paragraphs of the others that can are parsed. ``seconds`` (0: none) bounds the
    stages of each report (E204). The parse and the stages run in the pipeline's memory
    zone (``Resources.zone``): what the batch adds to the vocabulary is evicted after it."""
    from warlog.pipeline import Resources

    assert isinstance(resources, Resources)
    out: list[Extracted | Outcome | None] = [None] * len(docs)
    texts: dict[int, str] = {}
    for i, doc in enumerate(docs):
        if not prefilter:
            texts[i] = doc.text
            continue
        verdict = screen(doc.text)
        if verdict.keep:
            texts[i] = verdict.text
        else:
            out[i] = Outcome(name=name_of(doc), status="skipped", document_id=doc.id)
    with resources.zone():
        _read_parsed_batch(docs, texts, out, resources=resources, seconds=seconds)
    return [o for o in out if o is not None]


def _read_parsed_batch(docs: Sequence[Document], texts: dict[int, str],
                       out: list[Extracted | Outcome | None], *, resources: object,
                       seconds: float) -> None:
    from warlog.geo.resolver import country_of
    from warlog.link.grade import fingerprint
    from warlog.pipeline import Resources

    assert isinstance(resources, Resources)
    gazetteer = resources.gazetteer

    def extracted(doc: Document, report: Report) -> Extracted:
        countries = tuple(
            target_country(c.scope.target, lambda text: country_of(text, gazetteer=gazetteer))
            for c in report.claims)
        return Extracted(report=report, claim_countries=countries,
                         fingerprint=fingerprint(doc.text))

    chosen = [docs[i] for i in texts]
    for i, (doc, got) in zip(texts, read_each(chosen, texts.values(), resources=resources,
                                              seconds=seconds, then=extracted), strict=True):
        out[i] = got if isinstance(got, Extracted) else Outcome(
            name=name_of(doc), status="failed", document_id=doc.id, error=str(got))


def read_each(docs: Sequence[Document], texts: Iterable[str], *, resources: object,
              seconds: float, then: Callable[[Document, Report], T]
              ) -> Iterator[tuple[Document, T | WarlogError]]:
    """Each document read from its text (``texts``, one per document, in order: the whole
    text, or what the prefilter kept), all parsed in one ``nlp.pipe``; the stages and
    ``then`` (what the caller makes of the report) run within ``seconds`` (0: no limit,
    else E204). A reading that fails comes back as the error naming the document: its
    own ``WarlogError``, or E203 for anything unexpected, whose traceback goes to the log
    (shown with -v). The one reading loop of ``warlog extract``, ``warlog ingest`` and
    ``warlog watch``; run it inside ``Resources.zone``."""
    from warlog.pipeline import Resources, parse_texts, read_parsed

    assert isinstance(resources, Resources)
    for doc, parsed in zip(docs, parse_texts(texts, nlp=resources.nlp), strict=True):
        got: T | WarlogError
        try:
            with time_limit(seconds, name=name_of(doc)):
                got = then(doc, read_parsed(doc, parsed, resources=resources))
        except WarlogError as err:
            got = err
        except Exception as err:  # per item: named, counted, traceback kept in the log
            log.info("reading %s failed", name_of(doc), exc_info=True)
            got = WarlogError("E203", path=name_of(doc), why=f"{type(err).__name__}: {err}")
        yield doc, got  # outside the limit: the caller's time is not the reading's
