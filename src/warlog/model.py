"""The domain objects: frozen, typed, hold tuples, change only by ``dataclasses.replace``.

Every object here mirrors a shape of the outside contract (``docs/contract.md``); the
conversion to and from JSON lives in ``warlog.export``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

EventType = Literal[
    "battles",
    "explosions_remote_violence",
    "violence_against_civilians",
    "strategic_developments",
    "protests",
    "riots",
]
Weapon = Literal[
    "ballistic_missile", "cruise_missile", "rocket", "mortar", "artillery", "drone",
    "aircraft", "gunship", "ied", "small_arms", "unknown",
]
Outcome = Literal["hit", "intercepted", "missed", "unknown"]
ActorKind = Literal["state_forces", "non_state_armed_group", "civilians", "unknown"]
Precision = Literal["facility", "town", "admin1", "country", "region"]
Role = Literal["literal", "modifier", "metonymic"]
TimePrecision = Literal["day", "week", "month", "unresolved"]
Group = Literal["attacker_side", "target_side", "civilians", "unknown"]
ClaimKind = Literal["attack_count", "injured_count", "killed_count"]
Qualifier = Literal["exact", "approximately", "at_least", "more_than", "ordinal"]
PublishedSource = Literal["cli", "sidecar", "feed", "html-meta", "text", "archive", "none"]
# Where a Document's url comes from: "origin" (the sidecar, or the address it was
# fetched from) or "page" (the page's own claim: canonical link, og:url, base href).
# Only an origin URL makes two documents versions of one report (docs/reliability.md).
UrlSource = Literal["origin", "page", "none"]
DroppedKind = Literal["comment", "related", "navigation", "share", "cookie", "form", "other"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """Character offsets [start, end) into a Document's normalised text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Dropped:
    """A part of the page that is not the report (comments, related stories, …)."""

    kind: DroppedKind
    chars: int
    preview: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    id: str                      # sha256 hex of the normalised text
    path: str | None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    published_source: PublishedSource = "none"
    text: str = ""
    dropped: tuple[Dropped, ...] = ()
    url_source: UrlSource = "none"


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    text: str
    name: str
    kind: ActorKind
    country: str | None
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    text: str
    name: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: Precision | None
    gazetteer_id: str | None
    role: Role
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Time:
    text: str
    start: date | None
    end: date | None
    precision: TimePrecision
    span: Span | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Count:
    group: Group
    low: int | None
    best: int | None             # None when the report is vague ("several")
    high: int | None
    text: str
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    id: str
    type: EventType
    sub_type: str
    weapon: Weapon
    outcome: Outcome
    attacker: Actor | None
    target: Actor | None
    location: Place | None
    time: Time
    killed: tuple[Count, ...] = ()
    injured: tuple[Count, ...] = ()
    responds_to: tuple[str, ...] = ()
    said_by: tuple[str, ...] = ()
    claimed_by: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Scope:
    target: str | None
    countries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    kind: ClaimKind
    value: int
    qualifier: Qualifier
    since: date | None
    as_of: date | None
    scope: Scope
    breakdown: tuple[tuple[str, int], ...] = ()
    said_by: str | None = None
    span: Span = field(default_factory=lambda: Span(start=0, end=0))


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    document: Document
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
