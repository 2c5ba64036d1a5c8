"""Extraction cost per attack mention does not grow with the report (issue 15, finding 2).

Time is measured in bench/many_mentions.py, never here. What is counted here is
deterministic: the lines of warlog's own code executed while reading a report, per
mention. When some step scans the whole report for each mention, that count per mention
grows with the report (quadratic in total); when each mention is looked up in an index
built once, it stays flat.
"""

from __future__ import annotations

import sys
from datetime import date
from types import FrameType
from typing import Any

import pytest

from warlog.extract.lookup import (
    doc_text,
    ents_within,
    in_start_order,
    in_start_order_on,
    places_from,
    token_starting_at,
)
from warlog.extract.windows import parse_texts
from warlog.model import Document, Place, Span


def incidents(n: int) -> str:
    return "\n\n".join(f"A drone attack killed {i % 9 + 2} people in Baghdad on Monday, "
                       f"officials said ({i})." for i in range(n))


READING = ("warlog.places.v1", "warlog.mentions.v1", "warlog.readings.v1", "warlog.claims.v1")
EVENTS = ("warlog.places.v1", "warlog.mentions.v1", "warlog.readings.v1", "warlog.events.v1")


def lines_executed(resources: Any, text: str, stage_names: tuple[str, ...]) -> tuple[int, int]:
    """Lines of warlog's code run by read_parsed on the text (these stages only), and the
    events it found."""
    from dataclasses import replace

    from warlog.pipeline import read_parsed

    resources = replace(resources, stage_names=stage_names)

    doc = Document(id="x", path="many.txt", published=date(2024, 3, 6), published_source="cli",
                   text=text)
    (parsed,) = parse_texts([text], nlp=resources.nlp)
    count = 0

    def local(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: object) -> Any:
        return local if event == "call" and "/warlog/" in frame.f_code.co_filename else None

    sys.settrace(calls)
    try:
        report = read_parsed(doc, parsed, resources=resources)
    finally:
        sys.settrace(None)
    return count, len(report.events) + len(report.claims)


def growth(resources: Any, stage_names: tuple[str, ...]) -> float:
    """Lines per mention on 160 incident paragraphs over lines per mention on 40."""
    lines_executed(resources, incidents(4), stage_names)   # first use loads date tables
    small, _ = lines_executed(resources, incidents(40), stage_names)
    large, _ = lines_executed(resources, incidents(160), stage_names)
    return (large / 160) / (small / 40)


def test_reading_work_per_mention_stays_flat_as_the_report_grows(resources: Any) -> None:
    # geoparsing, mentions, each mention's reading and the claims: before the look-ups,
    # scans of the whole report per mention made this ratio 2.2 (and 2,000 incident
    # sentences took six minutes); a few lines more per mention on a longer report
    # (bisection depth) is not a scan of it
    assert growth(resources, READING) < 1.15


def test_event_gathering_work_per_mention_stays_flat(resources: Any) -> None:
    # gathering the readings into events: before the running aggregates, each comparison
    # recomputed the event's day, place, attacker and weapon from all its readings
    assert growth(resources, EVENTS) < 1.15


@pytest.fixture(scope="module")
def parsed(resources: Any) -> Any:
    text = ("Rocket attack hits base\n\nMilitants fired four rockets at Ain al-Asad air base "
            "in Iraq's Anbar province on Monday, wounding three U.S. soldiers, the Pentagon "
            "said on Tuesday. Kataib Hezbollah, an Iran-backed group, claimed it.\n\n"
            "In Syria, a drone struck al-Tanf garrison on Oct. 19, 2023; nobody was hurt.")
    (doc,) = parse_texts([text], nlp=resources.nlp)
    return doc


def test_lookups_answer_as_spacy_does(parsed: Any) -> None:
    assert doc_text(parsed) == parsed.text
    spans = [*parsed.sents, parsed[0:5], parsed[3:40], parsed[10:11], parsed[:]]
    for span in spans:
        assert ents_within(span) == list(span.ents), span.text
    for char in range(len(parsed.text)):
        scanned = [t for t in parsed if t.idx == char]
        found = token_starting_at(parsed, char)
        assert (found.i if found is not None else None) == (scanned[0].i if scanned else None)


def place(start: int) -> Place:
    return Place(text="x", name="x", admin1=None, country=None, lat=None, lon=None,
                 precision="town", gazetteer_id=None, role="literal",
                 span=Span(start=start, end=start + 1))


@pytest.mark.parametrize("starts", [[], [5], [1, 3, 3, 8, 20, 21], [9, 2, 7, 2, 30]])
def test_places_from_keeps_the_order_given_sorted_or_not(parsed: Any, starts: list[int]) -> None:
    places = tuple(place(s) for s in starts)
    ordered = in_start_order(places)
    assert ordered == (starts == sorted(starts))
    assert in_start_order_on(parsed, places) == ordered == in_start_order_on(parsed, places)
    for lo, hi in [(0, 100), (3, 8), (2, 3), (8, 9), (21, 22), (40, 50), (9, 2)]:
        assert places_from(places, lo, hi, ordered=ordered) == [
            p for p in places if lo <= p.span.start < hi]
