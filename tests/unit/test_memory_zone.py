"""Reading leaves the pipeline's vocabulary as loading left it (issue 14, memory per worker).

Every report brings words the pipeline never met (names, numbers, misspellings); spaCy
keeps each in its string store and lexeme table for good unless the parse runs in a
memory zone (``Resources.zone``). A worker reading an archive would otherwise grow with
every new word it read. The memory itself is measured in ``bench/worker_memory.py``;
what is checked here is deterministic: the strings a report adds are gone once it is
read, and the reports read are the same as without the zone.
"""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from typing import Any

import pytest

from warlog.batch.reading import Extracted, read_batch
from warlog.ingest.document import document_id
from warlog.model import Document
from warlog.pipeline import Resources, read_report

TEXTS = (
    ("Fighters of the Qorvashti Front fired rockets at an army post near Kandahar on "
    "Monday, killing three soldiers and wounding Zelmarovic, a medic, officials said."),
    ("A car bomb exploded outside the Ostravhani market in Mosul on Tuesday, killing 14 "
    "people; police blamed the Velkhaddin cell, which denied it."),
    ("Gunmen ambushed a convoy on the road to Jalbrekistovo, north of Aleppo, late on "
    "Friday. Two guards named as Drovanek and Ulmisthar were killed."),
)
NEW_WORDS = ("Qorvashti", "Zelmarovic", "Ostravhani", "Velkhaddin", "Jalbrekistovo",
             "Drovanek", "Ulmisthar")


def documents() -> list[Document]:
    return [Document(id=document_id(t), path=f"zone-{i}.txt", text=t,
                     published=date(2024, 3, 6), published_source="sidecar")
            for i, t in enumerate(TEXTS)]


def test_the_words_a_report_brings_are_evicted_once_it_is_read(resources: Any) -> None:
    strings = resources.nlp.vocab.strings
    known = {w for w in NEW_WORDS if w in strings}   # none, unless the baseline test ran first
    before = len(strings)
    reports = [read_report(doc, resources=resources) for doc in documents()]
    assert len(strings) == before
    assert {w for w in NEW_WORDS if w in strings} == known
    # what was read is plain text, whole after the zone ended
    assert all(r.events for r in reports)
    attackers = [e.attacker.text for r in reports for e in r.events if e.attacker]
    assert any("Qorvashti" in a for a in attackers), attackers


def test_a_workers_batch_adds_nothing_to_the_vocabulary(resources: Any) -> None:
    strings = resources.nlp.vocab.strings
    before = len(strings)
    out = read_batch(documents(), resources=resources, prefilter=True)
    assert len(strings) == before
    assert all(isinstance(o, Extracted) and o.report.events for o in out)


def test_the_zone_changes_nothing_that_is_read(resources: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    zoned = read_batch(documents(), resources=resources)
    monkeypatch.setattr(Resources, "zone", lambda self: nullcontext())
    strings = resources.nlp.vocab.strings
    before = len(strings)
    plain = read_batch(documents(), resources=resources)
    assert len(strings) > before        # outside the zone the new words stay: the baseline
    assert plain == zoned


class _Node:
    other: object = None


def test_the_garbage_of_a_batch_is_collected_when_the_zone_ends(resources: Any) -> None:
    """Cycles left by a batch are freed at the zone's end, not when the collector gets to
    them (automatic collection is off here, so nothing else can free them)."""
    import gc
    import weakref

    assert gc.get_freeze_count() > 0        # what load_resources loaded is frozen
    enabled = gc.isenabled()
    gc.disable()
    try:
        with resources.zone():
            a, b = _Node(), _Node()
            a.other, b.other = b, a
            ref = weakref.ref(a)
            del a, b
        assert ref() is None
    finally:
        if enabled:
            gc.enable()
