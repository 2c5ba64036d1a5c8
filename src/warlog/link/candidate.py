"""What linking works on: one report's event with the document it came from.

Linking is pure: the store loads candidates, ``warlog.link.dedup`` groups them, and
nothing here reads a database, a file or the clock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from warlog.model import Event


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceDoc:
    """The facts about a report that linking and grading need, not its text."""

    id: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    fingerprint: tuple[int, ...] = ()   # MinHash of the text, for near-copy tests


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """One event as one report tells it, keyed for life by ``<document id>:<event id>``."""

    key: str
    document: SourceDoc
    event: Event


def event_keys(doc_id: str, events: Sequence[Event]) -> tuple[str, ...]:
    """Stable keys for a report's events, in the report's order.

    An event id is meant to be unique within its report; a repeated one still gets its
    own key (``~2``, ``~3`` in report order), so no event of a report is ever lost.
    """
    seen: Counter[str] = Counter()
    keys = []
    for event in events:
        seen[event.id] += 1
        suffix = f"~{seen[event.id]}" if seen[event.id] > 1 else ""
        keys.append(f"{doc_id}:{event.id}{suffix}")
    return tuple(keys)


def candidates(doc: SourceDoc, events: Sequence[Event]) -> tuple[Candidate, ...]:
    """A report's events as candidates for linking."""
    return tuple(Candidate(key=k, document=doc, event=e)
                 for k, e in zip(event_keys(doc.id, events), events, strict=True))
