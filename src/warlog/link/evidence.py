"""How strongly two reports' events look like one real-world event: weighed evidence.

Fellegi–Sunter record linkage in miniature. Each comparison (date, place, kind of attack,
attacker, target, casualty figures) gives a weight, the log2 of how much likelier that
outcome is when the two events are one than when they are two events of the same block
(reports of the same days). Weights add; a pair whose total reaches ``THRESHOLD`` may be
one event. A few outcomes are not weighed but rule the pair out (``VETO``): two events of
one report, dates that cannot meet, places in different countries or too far apart for
their precision, an attack and its answer (swapped roles). ``docs/linking.md`` gives the
table of weights and the reasoning behind each; the values below are the ones it quotes.

Every comparison is symmetric and looks only at the two events, so grouping built on it
does not depend on the order reports arrive in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from math import asin, cos, inf, radians, sin, sqrt

from warlog.link.candidate import Candidate
from warlog.link.names import content_words, fold
from warlog.model import Actor, Count, Event, Place, Time

LONGEST_SPAN_DAYS = 62   # a date spanning longer ("this year") is too vague to link on
THRESHOLD = 6.0     # log2 odds: 64 to 1 for "one event" over "two events of the block"
# A recollection ("the drone attack that killed three soldiers in Jordan last month")
# names an event already told: the prior odds that it is one of the few events of its
# block that match its details are far higher than for two fresh reports, so it needs
# 16 to 1 rather than 64 to 1.
RECALL_THRESHOLD = 4.0
VETO = -inf
# Weak evidence alone never links: without a day or week that meets, or a place finer
# than a province, no sum of coarse agreements (country, month, kind, actors, a toll) does.
ANCHOR = {"date": 1.0, "place": 1.5}

# The radius within which two places can be one event's place, by the coarser precision.
RADIUS_KM: dict[str, float] = {
    "facility": 10.0, "town": 25.0, "admin1": 150.0, "country": 600.0, "region": 600.0,
}
# Agreement on one gazetteer entry (or one name), by its precision: a base or a village
# is strong evidence, a province weak, a country next to none (reports of one war share it).
SAME_PLACE = {"facility": 5.0, "town": 4.0, "admin1": 2.0, "region": 1.0, "country": 0.5}
NEAR_PLACE = {"facility": 3.0, "town": 3.0, "admin1": 1.5, "region": 0.5, "country": 0.5}
# One place name written alike by two reports, one of which found it in the gazetteer and
# one not ("Pazigyi village"): less than one gazetteer entry (4.0), more than a shared word.
WRITTEN_ALIKE = 3.0
NO_PLACE = -2.0     # one event has no place: nothing shows it is the same, little against

# Kinds of attack reports confuse for one another. A sub-type is one report's reading:
# a missile with no platform named is "shelling" to one writer and a "strike" to another;
# a shooting at a beach hotel is an "attack" on civilians or a "suicide bomb" with gunmen.
KIND_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"air_drone_strike", "shelling_artillery_missile_attack", "disrupted_weapons_use"}),
    frozenset({"attack", "armed_clash", "suicide_bomb", "remote_explosive_landmine_ied",
               "grenade"}),
    frozenset({"remote_explosive_landmine_ied", "suicide_bomb", "grenade",
               "shelling_artillery_missile_attack"}),
)
WEAPON_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"aircraft", "drone", "gunship"}),
    frozenset({"ballistic_missile", "cruise_missile", "rocket"}),
    frozenset({"rocket", "mortar", "artillery"}),
    frozenset({"ied", "small_arms"}),
)
# A clock time near midnight or a night's span lets a day-precision date be a day off
# (local time against another outlet's, "overnight", "late on Thursday").
LOOSE_DAY = re.compile(r"\b(night|overnight|evening|dawn|early|late|midnight|a\.m|p\.m|gmt|utc"
                       r"|local|morning|hours)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Factor:
    """One comparison: what was compared, its weight, and what was found."""

    name: str
    weight: float
    detail: str


@dataclass(frozen=True, slots=True)
class Evidence:
    factors: tuple[Factor, ...]

    @property
    def score(self) -> float:
        return sum(f.weight for f in self.factors)

    @property
    def vetoed(self) -> Factor | None:
        return next((f for f in self.factors if f.weight == VETO), None)

    @property
    def recalled(self) -> bool:
        return any(f.name == "recalled" for f in self.factors)

    @property
    def anchored(self) -> bool:
        """Some specific agreement on when or where: a day or week (date weight 1 or
        more) or a place finer than a province (place weight 1.5 or more); for a
        recollection, a toll of 3 or more both give stands in for them."""
        weights = {f.name: f.weight for f in self.factors}
        if weights.get("date", 0.0) >= ANCHOR["date"] or weights.get("place", 0.0) >= ANCHOR["place"]:
            return True
        return self.recalled and any(f.name in ("killed", "injured") and f.weight >= 2.0
                                     for f in self.factors)

    @property
    def threshold(self) -> float:
        return RECALL_THRESHOLD if self.recalled else THRESHOLD

    @property
    def linked(self) -> bool:
        return self.vetoed is None and self.anchored and self.score >= self.threshold


def weigh(a: Candidate, b: Candidate) -> Evidence:
    """Every comparison between a and b, each with its weight (module docstring)."""
    if a.document.id == b.document.id:
        return Evidence((Factor("report", VETO, "two events of one report"),))
    e, f = a.event, b.event
    recalling = [c for c in (a, b) if recollection(c)]
    factors: list[Factor | None] = [Factor(
        "recalled", 0.0, f"{recalling[0].key} recalls an earlier event "
                         f"({published_gap(recalling[0])} days before its report)")
        if len(recalling) == 1 else None]
    factors += [date_factor(e.time, f.time), place_factor(e.location, f.location),
               kind_factor(e, f), weapon_factor(e.weapon, f.weapon), *actor_factors(e, f),
               *count_factors("killed", e.killed, f.killed),
               *count_factors("injured", e.injured, f.injured)]
    return Evidence(tuple(x for x in factors if x is not None))


def compatible(a: Candidate, b: Candidate) -> bool:
    """True when the evidence that a and b are one event reaches the threshold."""
    return weigh(a, b).linked


# -- dates -----------------------------------------------------------------------------

def date_factor(s: Time, t: Time) -> Factor:
    if s.start is None or s.end is None or t.start is None or t.end is None:
        # undated: nothing places the two in one block of days, and no block holds them
        return Factor("date", VETO, "a date is missing")
    for x in (s, t):
        assert x.start is not None and x.end is not None
        if (x.end - x.start).days >= LONGEST_SPAN_DAYS:
            return Factor("date", VETO, f"{_span(x)} is too long a span to tell one event by")
    gap = _gap_days(s, t)
    coarse = [p for p in (s.precision, t.precision) if p != "day"]
    if gap == 0:
        if not coarse:
            return Factor("date", 3.0, f"same day ({_span(s)})")
        if "month" in coarse or "unresolved" in coarse:
            return Factor("date", 0.5, f"{_span(s)} meets {_span(t)} (month)")
        return Factor("date", 1.0, f"{_span(s)} meets {_span(t)} (week)")
    if gap == 1 and not coarse and (_loose(s) or _loose(t)):
        return Factor("date", 1.0, f"a day apart, which the time of day allows "
                                   f"({_span(s)}, {_span(t)})")
    if gap == 1 and not coarse:
        return Factor("date", -5.0, f"consecutive days ({_span(s)}, {_span(t)})")
    return Factor("date", VETO, f"{gap} days apart ({_span(s)}, {_span(t)})")


def _gap_days(s: Time, t: Time) -> int:
    assert s.start and s.end and t.start and t.end
    if s.start <= t.end and t.start <= s.end:
        return 0
    return (t.start - s.end).days if s.end < t.start else (s.start - t.end).days


def _loose(t: Time) -> bool:
    return bool(LOOSE_DAY.search(t.text or "")) or (
        t.start is not None and t.end is not None and t.end - t.start == timedelta(days=1))


def _span(t: Time) -> str:
    assert t.start is not None and t.end is not None
    return t.start.isoformat() if t.start == t.end else f"{t.start}…{t.end}"


# -- places ----------------------------------------------------------------------------

def place_factor(p: Place | None, q: Place | None) -> Factor:
    if p is None or q is None:
        return Factor("place", NO_PLACE, "a place is missing")
    if p.country and q.country and p.country != q.country:
        return Factor("place", VETO, f"different countries ({p.country}, {q.country})")
    finer = _finer(p, q)
    same_entry = bool(p.gazetteer_id) and p.gazetteer_id == q.gazetteer_id
    # one name for two gazetteer entries is two places (villages share names)
    same_name = (bool(fold(p.name)) and fold(p.name) == fold(q.name)
                 and not (p.gazetteer_id and q.gazetteer_id))
    if same_entry or same_name:
        precision = p.precision or q.precision or "town"
        return Factor("place", SAME_PLACE.get(precision, 3.0), f"same place: {p.name} ({precision})")
    if _within(p, q) or _within(q, p):
        return Factor("place", 1.5, f"{finer.name} lies in {_coarser(p, q).name}")
    km = distance_km(p, q)
    if km is None:
        if content_words(p.name) & content_words(q.name):
            return Factor("place", 2.0, f"names share a word: {p.name}, {q.name}")
        # a name one report's gazetteer put in the place that holds it ("Pazigyi village"
        # at Kanbalu) and another left unplaced: the names as written still agree
        if fold(p.text) and fold(p.text) == fold(q.text) and not (_coarse(p) and _coarse(q)):
            return Factor("place", WRITTEN_ALIKE, f"the same name as written: {p.text}")
        if content_words(p.text) & content_words(q.text):
            return Factor("place", 2.0, f"names as written share a word: {p.text}, {q.text}")
        if p.country and p.country == q.country:
            return Factor("place", 0.0, f"both in {p.country}, one without coordinates")
        return Factor("place", -1.0, f"cannot compare {p.name} and {q.name}")
    coarser = _coarser(p, q)
    radius = RADIUS_KM.get(coarser.precision or "country", RADIUS_KM["country"])
    if _coarse(p) or _coarse(q):
        if p.country and p.country == q.country:
            return Factor("place", 0.5, f"{finer.name} is in {coarser.name}")
        return Factor("place", 0.5 if km <= radius else VETO,
                      f"{p.name} and {q.name}: {km:.0f} km")
    if km > radius:
        return Factor("place", VETO, f"{p.name} and {q.name} are {km:.0f} km apart")
    tight = RADIUS_KM.get(finer.precision or "town", 25.0)
    weight = NEAR_PLACE.get(coarser.precision or "town", 1.0) if km <= tight else 1.0
    return Factor("place", weight, f"{p.name} and {q.name} are {km:.0f} km apart")


PRECISION_ORDER = {"facility": 0, "town": 1, "admin1": 2, "region": 3, "country": 4}


def _finer(p: Place, q: Place) -> Place:
    return min((p, q), key=lambda x: (PRECISION_ORDER.get(x.precision or "", 5), x.name))


def _coarser(p: Place, q: Place) -> Place:
    return max((p, q), key=lambda x: (PRECISION_ORDER.get(x.precision or "", 5), x.name))


def _within(inner: Place, outer: Place) -> bool:
    """The gazetteer's hierarchy: a town whose province is the other place."""
    return (outer.precision == "admin1" and inner.precision in ("facility", "town")
            and bool(inner.admin1) and fold(inner.admin1 or "") == fold(outer.admin1 or outer.name))


def _coarse(p: Place) -> bool:
    return p.precision in ("country", "region") or p.precision is None


def distance_km(p: Place | None, q: Place | None) -> float | None:
    """Great-circle distance (haversine, mean Earth radius), None without coordinates."""
    if p is None or q is None or p.lat is None or p.lon is None or q.lat is None or q.lon is None:
        return None
    dlat, dlon = radians(q.lat - p.lat), radians(q.lon - p.lon)
    h = sin(dlat / 2) ** 2 + cos(radians(p.lat)) * cos(radians(q.lat)) * sin(dlon / 2) ** 2
    return 2 * 6371.0088 * asin(min(1.0, sqrt(h)))


# -- kinds of attack -------------------------------------------------------------------

def kind_factor(e: Event, f: Event) -> Factor:
    if e.sub_type == f.sub_type:
        return Factor("kind", 1.0, f"both {e.sub_type}")
    if any(e.sub_type in fam and f.sub_type in fam for fam in KIND_FAMILIES):
        return Factor("kind", 0.0, f"{e.sub_type} and {f.sub_type}: one family")
    return Factor("kind", -3.0, f"{e.sub_type} and {f.sub_type}")


def weapon_factor(w: str, v: str) -> Factor | None:
    if "unknown" in (w, v):
        return None
    if w == v:
        return Factor("weapon", 0.5, f"both {w}")
    if any(w in fam and v in fam for fam in WEAPON_FAMILIES):
        return Factor("weapon", 0.0, f"{w} and {v}: one family")
    return Factor("weapon", -4.0, f"{w} and {v}")


# -- actors ----------------------------------------------------------------------------

def actor_factors(e: Event, f: Event) -> list[Factor]:
    if (_same(e.attacker, f.target) and _same(e.target, f.attacker)
            and not _same(e.attacker, f.attacker)):
        return [Factor("roles", VETO, "swapped roles: an attack and its answer")]
    out = [side("attacker", e.attacker, f.attacker, agree=1.5, differ=-5.0),
           side("target", e.target, f.target, agree=1.0, differ=-1.0)]
    return [x for x in out if x is not None]


def side(name: str, x: Actor | None, y: Actor | None, *, agree: float,
         differ: float) -> Factor | None:
    if x is None or y is None:
        return None
    shared = sorted(content_words(x.name) & content_words(y.name)
                    | content_words(x.text) & content_words(y.text))
    if x.country and y.country:
        if x.country != y.country:
            return Factor(name, differ, f"{x.name} ({x.country}) and {y.name} ({y.country})")
        return Factor(name, agree, f"same country ({x.country})")
    if shared:
        return Factor(name, agree, f"shared name: {', '.join(shared)}")
    if "unknown" not in (x.kind, y.kind) and x.kind != y.kind:
        return Factor(name, differ / 2, f"{x.kind} and {y.kind}")
    if name == "target" and content_words(x.name) and content_words(y.name):
        # both targets named, in words that share nothing ("a hospital", "an office
        # block"): weak, since reports name one target many ways (attackers are as often
        # described as named: "al-Shabaab", "a suicide bomber and gunmen")
        return Factor(name, -1.0, f"named apart: {x.name}; {y.name}")
    return None


def _same(x: Actor | None, y: Actor | None) -> bool:
    """Positively the same actor: the same country, or a shared naming word."""
    if x is None or y is None:
        return False
    if x.country and y.country:
        return x.country == y.country
    return bool(content_words(x.name) & content_words(y.name)
                or content_words(x.text) & content_words(y.text))


# -- casualty figures ------------------------------------------------------------------

def count_factors(name: str, xs: tuple[Count, ...], ys: tuple[Count, ...]) -> list[Factor]:
    """An exact figure both reports give is a shared detail (tolls get revised, so
    figures that differ say nothing against): 3 or more dead is rarely a coincidence."""
    mine = {c.best for c in xs if c.best}
    theirs = {c.best for c in ys if c.best}
    same = sorted(mine & theirs)
    if not same:
        return []
    figure = same[-1]
    return [Factor(name, 2.0 if figure >= 3 else 0.5, f"both say {figure} {name}")]


# -- ranking of candidate pairs ---------------------------------------------------------

def closeness(a: Candidate, b: Candidate) -> tuple[float, float, int]:
    """Sort key of a linkable pair: strongest evidence first, then nearest, then soonest."""
    km = distance_km(a.event.location, b.event.location)
    sa, sb = a.event.time.start, b.event.time.start
    days = abs((sa - sb).days) if sa is not None and sb is not None else 0
    return (-round(weigh(a, b).score, 6), round(km, 3) if km is not None else 1e6, days)


def published_gap(c: Candidate) -> int | None:
    """Days from the end of the event to its report's publication (None if unknown)."""
    end, published = c.event.time.end, c.document.published
    if end is None or published is None:
        return None
    return (published - end).days


def recollection(c: Candidate) -> bool:
    """A background mention: a coarse date ("last month", "in June") in a report
    published more than a week after the event ended."""
    gap = published_gap(c)
    return c.event.time.precision != "day" and gap is not None and gap > 7
