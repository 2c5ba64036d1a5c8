"""Events and claims to JSON-ready dicts and back, for the store's JSON columns.

The dict shape is the contract's (``docs/contract.md``), so a stored row reads like
`warlog extract --json`; ``decode_*`` rebuilds the frozen model objects exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import date
from typing import Any

from warlog.model import Actor, Claim, Count, Event, Place, Scope, Span, Time

_PLAIN = (str, int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...] | None] = {}   # a class → its dataclass fields' names


def encode(value: Any) -> Any:
    """Dataclasses → dicts, tuples → lists, dates → ISO strings. Each class's fields
    are looked up once (a batch of a million events walks a few dozen classes)."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    names = _FIELDS.get(kind, ())
    if names == ():
        names = (tuple(f.name for f in fields(value))
                 if is_dataclass(value) and not isinstance(value, type) else None)
        _FIELDS[kind] = names
    if names is not None:
        return {name: encode(getattr(value, name)) for name in names}
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def decode_event(d: Mapping[str, Any]) -> Event:
    return Event(
        id=d["id"], type=d["type"], sub_type=d["sub_type"], weapon=d["weapon"],
        outcome=d["outcome"], attacker=_actor(d.get("attacker")), target=_actor(d.get("target")),
        location=_place(d.get("location")), time=_time(d["time"]),
        killed=tuple(_count(c) for c in d.get("killed", ())),
        injured=tuple(_count(c) for c in d.get("injured", ())),
        responds_to=tuple(d.get("responds_to", ())), said_by=tuple(d.get("said_by", ())),
        claimed_by=tuple(d.get("claimed_by", ())), denied_by=tuple(d.get("denied_by", ())),
        evidence=tuple(_span(s) for s in d.get("evidence", ())))


def decode_claim(d: Mapping[str, Any]) -> Claim:
    scope = d.get("scope") or {}
    breakdown = d.get("breakdown") or ()
    if isinstance(breakdown, Mapping):
        breakdown = breakdown.items()
    return Claim(
        kind=d["kind"], value=d["value"], qualifier=d["qualifier"], since=_day(d.get("since")),
        as_of=_day(d.get("as_of")),
        scope=Scope(target=scope.get("target"), countries=tuple(scope.get("countries", ()))),
        breakdown=tuple((str(k), int(v)) for k, v in breakdown),
        said_by=d.get("said_by"), span=_span(d.get("span") or {"start": 0, "end": 0}))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _span(d: Mapping[str, Any]) -> Span:
    return Span(start=d["start"], end=d["end"])


def _actor(d: Mapping[str, Any] | None) -> Actor | None:
    if d is None:
        return None
    return Actor(text=d["text"], name=d["name"], kind=d["kind"], country=d.get("country"),
                 span=_span(d["span"]))


def _place(d: Mapping[str, Any] | None) -> Place | None:
    if d is None:
        return None
    return Place(text=d["text"], name=d["name"], admin1=d.get("admin1"), country=d.get("country"),
                 lat=d.get("lat"), lon=d.get("lon"), precision=d.get("precision"),
                 gazetteer_id=d.get("gazetteer_id"), role=d.get("role", "literal"),
                 span=_span(d["span"]))


def _time(d: Mapping[str, Any]) -> Time:
    span = d.get("span")
    return Time(text=d.get("text", ""), start=_day(d.get("start")), end=_day(d.get("end")),
                precision=d.get("precision", "unresolved"), span=_span(span) if span else None)


def _count(d: Mapping[str, Any]) -> Count:
    return Count(group=d["group"], low=d.get("low"), best=d.get("best"), high=d.get("high"),
                 text=d.get("text", ""), span=_span(d["span"]))
