"""The API's indexed selection keeps exactly the rows a full scan with
EventFilter.matches keeps, in the same order, for any rows and any filter; a snapshot
caught up with changes equals one read afresh; and the stored summary of a record gives
the index the same rows as the record."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.api.aggregate import clusters, timeline
from warlog.api.index import apply_changes, snapshot_of
from warlog.exports.selection import BBox, EventFilter, event_row
from warlog.link.tally import tally_event
from warlog.store.queries_api import Changes
from warlog.store.summary import summary_of

COUNTRIES = st.sampled_from(["IQ", "SY", "UA", "JO", None])
WEAPONS = st.sampled_from(["drone", "rocket", "ied"])
SUB_TYPES = st.sampled_from(["air_drone_strike", "armed_clash", "attack"])
NAMES = st.sampled_from(["Group A", "group b", "Army", "Al-Shabaab", None])
DAYS = st.dates(min_value=date(2023, 1, 1), max_value=date(2023, 3, 1))


@st.composite
def records(draw: Any, n: int) -> dict[str, Any]:
    start = draw(st.one_of(st.none(), DAYS))
    if start is None:
        end = None
    elif draw(st.integers(0, 9)) == 0:     # now and then no end, or one before the start:
        end = draw(st.sampled_from([None, start - timedelta(days=3)]))   # the index must not assume
    else:
        end = start + timedelta(days=draw(st.integers(0, 20)))
    located = draw(st.booleans())
    attacker, target = draw(NAMES), draw(NAMES)
    return {
        "id": f"{n:04x}{draw(st.integers(0, 9))}", "type": "battles", "sub_type": draw(SUB_TYPES),
        "weapon": draw(WEAPONS), "outcome": "hit", "grade": "single_source",
        "time": {"start": start and start.isoformat(), "end": end and end.isoformat()},
        "location": {"name": "x", "country": draw(COUNTRIES),
                     "lat": draw(st.floats(-60, 60)) if located else None,
                     "lon": draw(st.floats(-179, 179)) if located else None,
                     "precision": "town"},
        "attacker": {"name": attacker} if attacker else None,
        "target": {"name": target} if target else None,
        "killed": [{"low": draw(st.integers(0, 5)), "high": None, "group": "target_side"}],
        "injured": [], "sources": [{"document": {"id": f"d{k}", "title": "t"}, "events": ["e1"]}
                                   for k in range(draw(st.integers(0, 2)))],
        "provenance": {"type": "a"},
    }


bodies = st.integers(0, 60).flatmap(lambda n: st.tuples(*[records(i) for i in range(n)]))
filters = st.builds(
    EventFilter, since=st.one_of(st.none(), DAYS), until=st.one_of(st.none(), DAYS),
    country=st.one_of(st.none(), st.sampled_from(["IQ", "SY", "ZZ"])),
    sub_type=st.one_of(st.none(), SUB_TYPES), weapon=st.one_of(st.none(), WEAPONS),
    actor=st.one_of(st.none(), st.sampled_from(["group", "ARMY", "shab", "zzz"])),
    bbox=st.one_of(st.none(), st.just(BBox(west=-50, south=-30, east=60, north=40)),
                   st.just(BBox(west=100, south=-90, east=-100, north=90))))


@settings(max_examples=300, deadline=None)
@given(bodies, filters)
def test_indexed_selection_is_the_full_scan(found: tuple[dict[str, Any], ...],
                                            chosen: EventFilter) -> None:
    snapshot = snapshot_of(found)
    scanned = [r for r in snapshot.rows if chosen.matches(r)]
    assert snapshot.select(chosen) == scanned
    keys = [(r.start or date.max, r.id) for r in snapshot.rows]
    assert keys == sorted((event_row(b).start or date.max, b["id"]) for b in found)


@settings(max_examples=200, deadline=None)
@given(bodies, st.integers(0, 12), st.sampled_from(["day", "week"]))
def test_map_and_timeline_account_for_every_event(found: tuple[dict[str, Any], ...], zoom: int,
                                                   step: Any) -> None:
    rows = snapshot_of(found).rows
    view = BBox(west=-20, south=-10, east=30, north=50)
    data = clusters(rows, zoom=zoom, view=view)
    assert sum(c["count"] for c in data["clusters"]) + data["unlocated"] + data["outside_view"] \
        == len(rows)
    line = timeline(rows, step=step)
    assert sum(b["count"] for b in line["buckets"]) + line["undated"] == len(rows)


@settings(max_examples=200, deadline=None)
@given(bodies, st.data())
def test_a_snapshot_caught_up_is_the_snapshot_read_afresh(found: tuple[dict[str, Any], ...],
                                                         data: Any) -> None:
    ids = sorted({b["id"] for b in found})
    gone = set(data.draw(st.lists(st.sampled_from(ids), unique=True) if ids else st.just([])))
    fresh = data.draw(st.integers(0, 8).flatmap(
        lambda n: st.tuples(*[records(5000 + i) for i in range(n)])))
    rewritten = {b["id"]: {**b, "weapon": "gunship"} for b in found
                 if b["id"] not in gone and data.draw(st.booleans())}
    stored = {**rewritten, **{b["id"]: b for b in fresh}}
    before = {b["id"]: b for b in found}
    after = {i: b for i, b in {**before, **stored}.items() if i not in gone}
    caught = apply_changes(snapshot_of(before.values()),
                           Changes(generation=2, stored=stored, gone=frozenset(gone)))
    afresh = snapshot_of(after.values(), mark=(2,))
    assert caught == afresh


@settings(max_examples=200, deadline=None)
@given(bodies)
def test_a_summary_gives_the_rows_of_its_record(found: tuple[dict[str, Any], ...]) -> None:
    for b in found:
        assert event_row(summary_of(b)) == event_row(b)
        assert tally_event(summary_of(b)) == tally_event(b)
        assert "provenance" not in summary_of(b)
