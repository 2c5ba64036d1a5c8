"""Which merged events a filter keeps, read from the MERGED EVENT record.

`warlog export` and the API filter the same way: since/until as `warlog events` (the
event's dates meet the period; an undated event only without dates), country as the
event's location, sub type and weapon exactly, actor as a case-insensitive part of the
attacker's or the target's name, bbox as a box of longitudes and latitudes (west > east
crosses the antimeridian). Pure: records in, rows and decisions out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    def contains(self, lat: float, lon: float) -> bool:
        if not self.south <= lat <= self.north:
            return False
        if self.west <= self.east:
            return self.west <= lon <= self.east
        return lon >= self.west or lon <= self.east


@dataclass(frozen=True, slots=True, kw_only=True)
class EventRow:
    """What filtering, sorting, the map and the timeline need of a merged event."""

    id: str
    start: date | None
    end: date | None
    country: str | None
    type: str
    sub_type: str
    weapon: str
    outcome: str
    grade: str
    lat: float | None
    lon: float | None
    precision: str | None
    place: str | None
    attacker: str | None
    target: str | None
    killed_low: int
    killed_high: int | None     # None: some count has no upper bound ("at least 5")
    injured_low: int
    injured_high: int | None
    sources: int

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


def event_row(record: Mapping[str, Any]) -> EventRow:
    time = record.get("time") or {}
    loc = record.get("location") or {}
    killed_low, killed_high = casualty_bounds(record.get("killed") or ())
    injured_low, injured_high = casualty_bounds(record.get("injured") or ())
    return EventRow(
        id=record["id"], start=_day(time.get("start")), end=_day(time.get("end")),
        country=loc.get("country"), type=record["type"], sub_type=record["sub_type"],
        weapon=record.get("weapon") or "unknown", outcome=record.get("outcome") or "unknown",
        grade=record.get("grade") or "single_source", lat=loc.get("lat"), lon=loc.get("lon"),
        precision=loc.get("precision"), place=loc.get("name"),
        attacker=(record.get("attacker") or {}).get("name"),
        target=(record.get("target") or {}).get("name"),
        killed_low=killed_low, killed_high=killed_high, injured_low=injured_low,
        injured_high=injured_high, sources=len(record.get("sources") or ()))


def casualty_bounds(counts: Iterable[Mapping[str, Any]]) -> tuple[int, int | None]:
    """Low and high totals over the groups; high None when one count is open-ended."""
    low, high = 0, 0
    open_ended = False
    for c in counts:
        low += c.get("low") or 0
        if c.get("high") is None:
            open_ended = True
        else:
            high += c["high"]
    return low, None if open_ended else high


def sort_key(row: EventRow) -> tuple[date, str]:
    """Oldest first, undated last, then by id: the order of `warlog events`."""
    return (row.start or date.max, row.id)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    since: date | None = None
    until: date | None = None
    country: str | None = None
    sub_type: str | None = None
    weapon: str | None = None
    actor: str | None = None
    bbox: BBox | None = None

    def matches(self, row: EventRow) -> bool:
        return (self._in_period(row)
                and (self.country is None or row.country == self.country.upper())
                and (self.sub_type is None or row.sub_type == self.sub_type)
                and (self.weapon is None or row.weapon == self.weapon)
                and (self.actor is None or _names_actor(row, self.actor))
                and (self.bbox is None or _in_box(row, self.bbox)))

    def _in_period(self, row: EventRow) -> bool:
        if self.since is not None and (row.end is None or row.end < self.since):
            return False
        return self.until is None or (row.start is not None and row.start <= self.until)


def _names_actor(row: EventRow, actor: str) -> bool:
    wanted = actor.casefold()
    return any(wanted in name.casefold() for name in (row.attacker, row.target) if name)


def _in_box(row: EventRow, box: BBox) -> bool:
    return row.lat is not None and row.lon is not None and box.contains(row.lat, row.lon)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
