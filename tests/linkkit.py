"""Small builders for linking tests: events and candidates in a line each."""

from __future__ import annotations

from datetime import date

from warlog.link.candidate import Candidate, SourceDoc
from warlog.link.grade import fingerprint
from warlog.model import Actor, Count, Event, Place, Span, Time

SPAN = Span(start=0, end=1)
TOWER_22 = ("Tower 22", "JO", 33.32, 38.70, "facility")
AL_ASAD = ("Al Asad Air Base", "IQ", 33.7856, 42.4412, "facility")


def place(name: str, country: str | None, lat: float | None, lon: float | None,
          precision: str | None) -> Place:
    return Place(text=name, name=name, admin1=None, country=country, lat=lat, lon=lon,
                 precision=precision, gazetteer_id=None, role="literal", span=SPAN)  # type: ignore[arg-type]


def actor(name: str, kind: str = "unknown", country: str | None = None) -> Actor:
    return Actor(text=name, name=name, kind=kind, country=country, span=SPAN)  # type: ignore[arg-type]


def count(low: int, high: int | None = None, group: str = "target_side") -> Count:
    high = low if high is None else high
    return Count(group=group, low=low, best=low if low == high else None, high=high,  # type: ignore[arg-type]
                 text=str(low), span=SPAN)


def event(id: str = "e1", *, sub_type: str = "air_drone_strike", weapon: str = "drone",
          day: str = "2024-01-28", end: str | None = None, precision: str = "day",
          where: tuple[str, str | None, float | None, float | None, str | None] | None = TOWER_22,
          attacker: Actor | None = None, target: Actor | None = None,
          killed: tuple[Count, ...] = (), injured: tuple[Count, ...] = (),
          claimed_by: tuple[str, ...] = (), denied_by: tuple[str, ...] = (),
          responds_to: tuple[str, ...] = (), type: str = "explosions_remote_violence") -> Event:
    start = date.fromisoformat(day) if day else None
    stop = date.fromisoformat(end) if end else start
    return Event(id=id, type=type, sub_type=sub_type, weapon=weapon, outcome="hit",  # type: ignore[arg-type]
                 attacker=attacker, target=target,
                 location=place(*where) if where else None,
                 time=Time(text=day, start=start, end=stop, precision=precision, span=None),  # type: ignore[arg-type]
                 killed=killed, injured=injured, responds_to=responds_to, claimed_by=claimed_by,
                 denied_by=denied_by, evidence=(SPAN,))


def cand(doc: str, e: Event, *, published: str = "2024-01-28", outlet: str | None = None,
         text: str = "", url: str | None = None) -> Candidate:
    source = SourceDoc(id=doc, path=f"{doc}.txt", url=url, outlet=outlet if outlet else doc,
                       title=None, published=date.fromisoformat(published),
                       fingerprint=fingerprint(text or f"a report numbered {doc} told in its own words here"))
    return Candidate(key=f"{doc}:{e.id}", document=source, event=e)
