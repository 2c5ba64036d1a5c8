"""Server-side aggregation for the dashboard: map clusters on a pixel grid, timeline
buckets per day or ISO week, and the facets of the filter menus. Pure."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, Literal

from warlog.exports.selection import BBox, EventRow, sort_key

Step = Literal["day", "week"]
CELL_PX = 60        # a cluster gathers the events within about one marker's width
LISTED = 20         # a cluster this small lists its events (they may share one point)
TILE_PX = 256


def _pixel(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel coordinates at ``zoom`` (as Leaflet places markers)."""
    size = TILE_PX * 2 ** zoom
    lat = max(min(lat, 85.05112878), -85.05112878)
    x = (lon + 180.0) / 360.0 * size
    s = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * size
    return x, y


def clusters(rows: Sequence[EventRow], *, zoom: int, view: BBox | None) -> dict[str, Any]:
    """Every event in the filter is in a cluster, without coordinates, or outside the
    view: ``sum(cluster counts) + unlocated + outside_view == total``."""
    cells: dict[tuple[int, int], list[EventRow]] = {}
    unlocated = outside = 0
    for r in rows:
        if r.lat is None or r.lon is None:
            unlocated += 1
        elif view is not None and not view.contains(r.lat, r.lon):
            outside += 1
        else:
            x, y = _pixel(r.lat, r.lon, zoom)
            cells.setdefault((int(x // CELL_PX), int(y // CELL_PX)), []).append(r)
    out = [_cluster(cells[k]) for k in sorted(cells)]
    return {"total": len(rows), "unlocated": unlocated, "outside_view": outside,
            "on_map": len(rows) - unlocated - outside, "zoom": zoom, "clusters": out,
            "extent": extent(rows)}


def extent(rows: Sequence[EventRow]) -> list[float] | None:
    """[south, west, north, east] of every located event in the filter, whatever the view."""
    lats = [r.lat for r in rows if r.lat is not None and r.lon is not None]
    lons = [r.lon for r in rows if r.lat is not None and r.lon is not None]
    return [min(lats), min(lons), max(lats), max(lons)] if lats else None


def _cluster(members: list[EventRow]) -> dict[str, Any]:
    lats = [r.lat for r in members if r.lat is not None]
    lons = [r.lon for r in members if r.lon is not None]
    out: dict[str, Any] = {
        "count": len(members), "lat": round(sum(lats) / len(lats), 5),
        "lon": round(sum(lons) / len(lons), 5),
        "bounds": [min(lats), min(lons), max(lats), max(lons)],
        "killed_low": sum(r.killed_low for r in members),
    }
    if len(members) == 1:
        out["event"] = marker(members[0])
    elif len(members) <= LISTED:
        out["events"] = [marker(r) for r in sorted(members, key=sort_key)]
    return out


def marker(r: EventRow) -> dict[str, Any]:
    """One event as a map marker: what its size, colour, outline and tooltip show."""
    return {"id": r.id, "date": r.start.isoformat() if r.start else None, "sub_type": r.sub_type,
            "weapon": r.weapon, "precision": r.precision, "place": r.place, "country": r.country,
            "killed_low": r.killed_low, "killed_high": r.killed_high,
            "injured_low": r.injured_low, "injured_high": r.injured_high,
            "attacker": r.attacker, "grade": r.grade, "sources": r.sources}


def bucket_start(day: date, step: Step) -> date:
    return day - timedelta(days=day.weekday()) if step == "week" else day


def choose_step(rows: Sequence[EventRow], *, days: int = 180) -> Step:
    """Days for a short period, ISO weeks once the events span more than ``days``."""
    starts = [r.start for r in rows if r.start is not None]
    return "week" if starts and (max(starts) - min(starts)).days > days else "day"


def timeline(rows: Sequence[EventRow], *, step: Step) -> dict[str, Any]:
    """Events per day or ISO week (Monday) by start date; undated events apart, so
    ``sum(bucket counts) + undated == total``."""
    counts: Counter[date] = Counter()
    killed: Counter[date] = Counter()
    undated = 0
    for r in rows:
        if r.start is None:
            undated += 1
            continue
        key = bucket_start(r.start, step)
        counts[key] += 1
        killed[key] += r.killed_low
    buckets = [{"start": d.isoformat(), "count": counts[d], "killed_low": killed[d]}
               for d in sorted(counts)]
    return {"step": step, "total": len(rows), "undated": undated, "buckets": buckets}


def facets(rows: Sequence[EventRow], *, actors: int = 300) -> dict[str, Any]:
    """The values the filter menus offer, each with its number of events."""
    def ranked(values: Counter[str]) -> list[dict[str, Any]]:
        return [{"value": v, "count": n} for v, n in sorted(values.items(), key=lambda p: (-p[1], p[0]))]

    countries = Counter(r.country for r in rows if r.country)
    weapons = Counter(r.weapon for r in rows)
    sub_types = Counter(r.sub_type for r in rows)
    names = Counter(r.attacker for r in rows if r.attacker)
    days = [r.start for r in rows if r.start is not None]
    return {"countries": ranked(countries), "weapons": ranked(weapons),
            "sub_types": ranked(sub_types), "actors": ranked(names)[:actors],
            "first_day": min(days).isoformat() if days else None,
            "last_day": max(days).isoformat() if days else None, "total": len(rows)}
