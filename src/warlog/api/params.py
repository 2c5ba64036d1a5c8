"""Query parameters of the API, validated into plain values.

Types and bounds are declared with FastAPI's ``Query`` so the OpenAPI schema shows
them; what a type cannot say (since after until, a malformed bbox, an unknown
parameter) raises ``BadRequest`` here. Every failure becomes a 422 with the parameter
named (``warlog.api.app``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from warlog.errors import BadRequest
from warlog.exports.selection import BBox, EventFilter

WEAPONS = ("ballistic_missile", "cruise_missile", "rocket", "mortar", "artillery", "drone",
           "aircraft", "gunship", "ied", "small_arms", "unknown")
Weapon = Literal["ballistic_missile", "cruise_missile", "rocket", "mortar", "artillery", "drone",
                 "aircraft", "gunship", "ied", "small_arms", "unknown"]
COUNTRY = r"^[A-Za-z]{2}$"
SUB_TYPE = r"^[a-z][a-z_]{0,63}$"
SHOWN_CHARS = 60
BOX = "west,south,east,north in degrees (west > east crosses the antimeridian)"


def clip(value: object, *, quoted: bool = True, limit: int = SHOWN_CHARS) -> str:
    """A value for a message: its repr (or text), cut to ``limit`` characters with the
    full length said, so an oversized parameter is named but not echoed."""
    text = repr(value) if quoted else str(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(str(value))} characters)"


def parse_bbox(name: str, raw: str | None) -> BBox | None:
    if raw is None:
        return None
    parts = raw.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise BadRequest("E701", why=f"{name}: {clip(raw)} is not four numbers {BOX}") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise BadRequest("E701", why=f"{name}: longitudes must lie in [-180, 180], got {clip(raw)}")
    if not (-90 <= south <= north <= 90):
        raise BadRequest("E701", why=f"{name}: latitudes must lie in [-90, 90] with south <= "
                                     f"north, got {clip(raw)}")
    return BBox(west=west, south=south, east=east, north=north)


def check_period(since: date | None, until: date | None) -> None:
    if since is not None and until is not None and since > until:
        raise BadRequest("E701", why=f"since {since} is after until {until}")


def event_filter(
    since: Annotated[date | None, Query(description="events whose dates reach this day or later "
                                                    "(YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="events starting on or before this day "
                                                    "(YYYY-MM-DD)")] = None,
    country: Annotated[str | None, Query(pattern=COUNTRY,
                                         description="ISO 3166 alpha-2 code of the event's place")] = None,
    sub_type: Annotated[str | None, Query(pattern=SUB_TYPE,
                                          description="ACLED sub-event type in snake case, "
                                                      "e.g. air_drone_strike")] = None,
    weapon: Annotated[Weapon | None, Query(description="the weapon")] = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=200,
                                       description="part of the attacker's or target's name, "
                                                   "any case")] = None,
    bbox: Annotated[str | None, Query(description=f"events located in this box: {BOX}")] = None,
) -> EventFilter:
    """The filters of events, shared by /api/events, /api/map, /api/timeline."""
    check_period(since, until)
    return EventFilter(since=since, until=until, country=country.upper() if country else None,
                       sub_type=sub_type, weapon=weapon, actor=actor.strip() or None if actor else None,
                       bbox=parse_bbox("bbox", bbox))


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    offset: int
    limit: int


def page(
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="events to skip")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000, description="events per page (at most 1000)")] = 100,
) -> Page:
    return Page(offset=offset, limit=limit)


def known_parameters_only(request: Request) -> None:
    """A misspelt parameter (``?contry=IQ``) is a 422, never silently ignored."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = query_names(route.dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise BadRequest("E701", why=f"unknown parameter {', '.join(clip(u, quoted=False) for u in unknown[:5])}; this endpoint takes "
                                     f"{', '.join(sorted(known)) or 'no parameters'}")


def query_names(dependant: Dependant) -> set[str]:
    """The query parameters a route reads, its dependencies' included."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= query_names(sub)
    return names
