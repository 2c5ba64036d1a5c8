"""When two reports' events may be one real-world event: the pairwise rules of linking.

Every rule is symmetric and looks only at the two events, so the grouping built on it in
``dedup`` does not depend on the order reports arrive in. ``docs/linking.md`` states the
rules with examples; the numbers below are the ones it quotes.
"""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

from warlog.link.candidate import Candidate
from warlog.link.names import fold, share_a_word
from warlog.model import Actor, Event, Place, Time

# How far apart two reported places may be and still be one event's place, by the
# coarser of the two precisions. A facility is a point (a base, a ship's berth); a town
# report may name the town centre or a suburb; admin1 and country centroids can sit
# hundreds of kilometres from the event, and a sea ("Gulf of Aden") is as coarse.
RADIUS_KM: dict[str, float] = {
    "facility": 10.0, "town": 25.0, "admin1": 150.0, "country": 600.0, "region": 600.0,
}
COARSE = frozenset({"country", "region"})

# Weapons reports confuse for one another: aircraft and drones (a "strike" from the air),
# missiles and rockets, rockets and tube artillery. Anything agrees with "unknown".
WEAPON_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"aircraft", "drone", "gunship"}),
    frozenset({"ballistic_missile", "cruise_missile", "rocket"}),
    frozenset({"rocket", "mortar", "artillery"}),
)


def compatible(a: Candidate, b: Candidate) -> bool:
    """True when a and b may be the same real-world event (docs/linking.md, rules 1–5)."""
    if a.document.id == b.document.id:
        # Rule 1: a report already tells its events apart, so two events of one report
        # (a strike and the attack it answers, two days at one base) never merge.
        return False
    e, f = a.event, b.event
    return (same_kind(e, f) and times_overlap(e.time, f.time)
            and places_agree(e.location, f.location) and actors_agree(e, f))


def same_kind(e: Event, f: Event) -> bool:
    """Rule 2: the same ACLED type and sub-type, and weapons of one family."""
    return e.type == f.type and e.sub_type == f.sub_type and weapons_agree(e.weapon, f.weapon)


def weapons_agree(w: str, v: str) -> bool:
    if w == v or "unknown" in (w, v):
        return True
    return any(w in family and v in family for family in WEAPON_FAMILIES)


def times_overlap(s: Time, t: Time) -> bool:
    """Rule 3: the reported spans share a day. A day is exact: two strikes on one base on
    different days stay apart; "last week" spans its seven days, so it meets any of them."""
    if s.start is None or s.end is None or t.start is None or t.end is None:
        return False    # an undated event cannot be shown to be the same as another
    return s.start <= t.end and t.start <= s.end


def places_agree(p: Place | None, q: Place | None) -> bool:
    """Rule 4: the same place, or close enough for the coarser of the two precisions."""
    if p is None or q is None:
        return False    # no place: nothing shows it is the same event
    if p.gazetteer_id is not None and p.gazetteer_id == q.gazetteer_id:
        return True
    if p.country and q.country and p.country != q.country:
        return False
    if fold(p.name) == fold(q.name) and fold(p.name):
        return True
    if p.country and p.country == q.country and (_coarse(p) or _coarse(q)):
        return True     # "in Iraq" holds anywhere in Iraq, however far from its centroid
    km = distance_km(p, q)
    return km is not None and km <= max(_radius(p), _radius(q))


def _coarse(p: Place) -> bool:
    return p.precision in COARSE or p.precision is None or p.lat is None or p.lon is None


def _radius(p: Place) -> float:
    return RADIUS_KM.get(p.precision or "country", RADIUS_KM["country"])


def distance_km(p: Place | None, q: Place | None) -> float | None:
    """Great-circle distance (haversine, mean Earth radius), None without coordinates."""
    if p is None or q is None or None in (p.lat, p.lon, q.lat, q.lon):
        return None
    assert p.lat is not None and p.lon is not None and q.lat is not None and q.lon is not None
    dlat, dlon = radians(q.lat - p.lat), radians(q.lon - p.lon)
    h = sin(dlat / 2) ** 2 + cos(radians(p.lat)) * cos(radians(q.lat)) * sin(dlon / 2) ** 2
    return 2 * 6371.0088 * asin(min(1.0, sqrt(h)))


def actors_agree(e: Event, f: Event) -> bool:
    """Rule 5: attackers agree, targets agree, and the roles are not swapped (a strike and
    the attack it answers have each side's attacker as the other's target)."""
    if not (same_side(e.attacker, f.attacker) and same_side(e.target, f.target)):
        return False
    return not (_known_match(e.attacker, f.target) and _known_match(e.target, f.attacker)
                and not _known_match(e.attacker, f.attacker))


def same_side(x: Actor | None, y: Actor | None) -> bool:
    """Two actors may be one: nothing said about one of them, the same country, or, with
    no countries to go by, kinds that agree or names that share a word."""
    if x is None or y is None:
        return True
    if x.country and y.country:
        return x.country == y.country
    if "unknown" in (x.kind, y.kind) or x.kind == y.kind:
        return True
    return share_a_word(x.name, y.name) or share_a_word(x.text, y.text)


def _known_match(x: Actor | None, y: Actor | None) -> bool:
    """Positively the same actor (not merely not contradicting): same country, or a
    shared naming word."""
    if x is None or y is None:
        return False
    if x.country and y.country:
        return x.country == y.country
    return share_a_word(x.name, y.name) or share_a_word(x.text, y.text)


def closeness(a: Candidate, b: Candidate) -> tuple[float, int]:
    """How near two compatible events are (kilometres, days between starts): the
    closest pairs are joined first when several groupings are possible."""
    km = distance_km(a.event.location, b.event.location)
    sa, sb = a.event.time.start, b.event.time.start
    days = abs((sa - sb).days) if sa is not None and sb is not None else 0
    return (round(km, 3) if km is not None else 1e6, days)
