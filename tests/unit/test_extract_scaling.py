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


# --- gathering: the running aggregates and the filing by day choose as a full pass does --

def _first_known(actors: Any) -> Any:
    """best_actor as it was written before the aggregates: a pass over all the actors."""
    from warlog.model import Actor

    found = [a for a in actors if isinstance(a, Actor)]
    return max(found, key=lambda a: (a.kind != "unknown", -found.index(a))) if found else None


def _recomputed(cluster: Any) -> dict[str, Any]:
    """What an event answers, recomputed from all its readings (the code the aggregates
    replaced, kept here as the reference)."""
    from warlog.extract.events import (
        LEMMA_FAMILY,
        _generic,
        _kind_of,
        _kind_of_reading,
        _place_like,
        platform_of,
        same_side,
    )
    from warlog.geo.local import is_street

    rs = cluster.readings
    restated = [r.target for r in rs if r.restates_target and r.target]
    if restated:
        target = restated[-1]
    else:
        places = {r.place.text.lower() for r in rs if r.place is not None}
        targets = [r.target for r in rs if r.target is not None]
        target = _first_known([t for t in targets if not _place_like(t, places)] or targets)
    body = [r for r in rs if not r.headline]
    told = _first_known(r.attacker for r in (body or rs))
    claimant = _first_known(r.claimant for r in rs)
    lent = _first_known(r.context_attacker for r in rs
                        if not same_side(r.context_attacker, target))
    if told is not None and claimant is not None and _generic(told) and not _generic(claimant) \
            and not same_side(claimant, target):
        attacker = claimant
    else:
        attacker = told or claimant or lent
    platform = platform_of(attacker.text, country=attacker.country) if attacker else None
    known = [r.weapon for r in rs if r.weapon != "unknown"]
    suicide = any(r.suicide for r in rs)
    weapon = platform or (known[0] if known else "ied" if suicide else "unknown")
    order = {"facility": 0, "town": 1, "admin1": 2, "": 2.5, "country": 3, "region": 4}
    located = [r.place for r in rs if r.place is not None]
    place = min(located, key=lambda p: (order.get(p.precision or "", 5), not is_street(p.text)),
                default=None)
    rank = {"day": 0, "week": 1, "month": 2}
    times = [r.time for r in rs if r.time is not None]
    context = [r.context_time for r in rs if r.context_time is not None]
    best = min(times, key=lambda t: rank.get(t.precision, 3), default=None)
    if best is not None and rank.get(best.precision, 3) == 0:
        time = best
    elif cluster.answers is not None and any(r.follows for r in rs):
        time = cluster.answers.time()
    else:
        time = min(times + context, key=lambda t: rank.get(t.precision, 3), default=None)
    return {
        "response": any(r.response for r in rs), "suicide": suicide,
        "accidental": any(r.accidental for r in rs), "told_attacker": told,
        "attacker": attacker, "target": target, "weapon": weapon, "place": place, "time": time,
        "kinds": {_kind_of(r.lemma) if r.headline else _kind_of_reading(r)
                  for r in rs if not r.mention.anaphoric} - {None},
        "streets": {r.place.text.lower() for r in rs if r.place is not None
                    and not r.mention.anaphoric and is_street(r.place.text)},
        "lemma_families": {LEMMA_FAMILY.get(r.lemma) for r in rs},
    }


def _kept(cluster: Any) -> dict[str, Any]:
    return {"response": cluster.response, "suicide": cluster.suicide,
            "accidental": cluster.accidental, "told_attacker": cluster.told_attacker(),
            "attacker": cluster.attacker(), "target": cluster.target(),
            "weapon": cluster.weapon(), "place": cluster.place(), "time": cluster.time(),
            "kinds": set(cluster.kinds), "streets": set(cluster.streets),
            "lemma_families": set(cluster.lemma_families)}


def _dated_incidents(n: int) -> str:
    """Attacks on many days (and some without one), re-mentioned now and then."""
    from datetime import timedelta

    day0 = date(2023, 6, 1)
    out = []
    for i in range(n):
        day = day0 + timedelta(days=(i * 7) % 40)
        out.append(f"A drone attack killed {i % 9 + 2} people in Baghdad on {day:%B} {day.day}, "
                   f"{day.year}, officials said ({i}).")
        if i % 5 == 0:
            out.append("Gunmen ambushed a convoy near Mosul. The attack wounded three soldiers.")
        if i % 7 == 0:
            out.append("Iraqi forces later struck back at the militants' base in response.")
    return "\n\n".join(out)


def _examples() -> list[Any]:
    from pathlib import Path

    import warlog

    root = Path(warlog.__file__).parent / "examples"
    return [p for p in sorted(root.iterdir()) if p.suffix in (".txt", ".html")]


def test_gathering_keeps_what_a_pass_over_all_events_and_readings_would(
        resources: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the bundled examples and on a report of attacks on many days: the events chosen
    with the filing by day are those chosen by comparing with every event, and each
    event's running aggregates equal a recomputation from all its readings, after every
    reading it takes in."""
    from warlog.extract import events
    from warlog.ingest.sources import Source, read_source
    from warlog.pipeline import read_report

    gathered: list[list[Any]] = []
    real = events.cluster_readings

    def recording(readings: list[Any]) -> Any:
        gathered.append(list(readings))
        return real(readings)

    monkeypatch.setattr("warlog.extract.stages.cluster_readings", recording)
    for path in _examples():
        read_report(read_source(Source(name=str(path), path=path)), resources=resources)
    read_report(Document(id="d", path="dated.txt", published=date(2024, 3, 6),
                         published_source="cli", text=_dated_incidents(60)),
                resources=resources)
    monkeypatch.setattr("warlog.extract.stages.cluster_readings", real)
    assert len(gathered) >= 10

    left_out = 0
    filed = events.Gathering.candidates

    def counting(self: Any, reading: Any) -> list[int]:
        nonlocal left_out
        chosen = filed(self, reading)
        left_out += len(self.clusters) - len(chosen)
        return chosen

    def every(self: Any, reading: Any) -> list[int]:
        return list(range(len(self.clusters)))

    for readings in gathered:
        monkeypatch.setattr(events.Gathering, "candidates", counting)
        blocked = events.cluster_readings(readings)
        monkeypatch.setattr(events.Gathering, "candidates", every)
        full = events.cluster_readings(readings)
        monkeypatch.setattr(events.Gathering, "candidates", filed)
        assert [c.readings for c in blocked] == [c.readings for c in full]
        assert [blocked.index(c.answers) if c.answers else None for c in blocked] == \
            [full.index(c.answers) if c.answers else None for c in full]
        for cluster in blocked:
            # the aggregates after each reading joined, against a pass over those readings
            grown = events.Cluster(answers=cluster.answers)
            for reading in cluster.readings:
                grown.add(reading)
                assert _kept(grown) == _recomputed(grown)
    # the filing did leave events out of the comparisons (the dated report has ~40 days)
    assert left_out > 1000
