"""The API's indexed selection keeps exactly the rows a full scan with
EventFilter.matches keeps, in the same order, for any rows and any filter."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.api.aggregate import clusters, timeline
from warlog.api.index import snapshot_of
from warlog.exports.selection import BBox, EventFilter, event_row

COUNTRIES = st.sampled_from(["IQ", "SY", "UA", "JO", None])
WEAPONS = st.sampled_from(["drone", "rocket", "ied"])
SUB_TYPES = st.sampled_from(["air_drone_strike", "armed_clash", "attack"])
NAMES = st.sampled_from(["Group A", "group b", "Army", "Al-Shabaab", None])
DAYS = st.dates(min_value=date(2023, 1, 1), max_value=date(2023, 3, 1))


@st.composite
def records(draw: Any, n: int) -> dict[str, Any]:
    start = draw(st.one_of(st.none(), DAYS))
    end = None if start is None else start + timedelta(days=draw(st.integers(0, 20)))
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
        "killed": [{"low": draw(st.integers(0, 5)), "high": None}], "injured": [], "sources": [],
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
