"""Choosing among the places a name may mean, with the report as context.

Each candidate gets a score from plain evidence, and the best one wins:
- its kind: a country or region name means the country or region far more often than a
  town that shares it; towns weigh by population (log scale);
- the report: places in a country the report names elsewhere, and places near the other
  places the report names, are likelier;
- the words around the mention: "province", "governorate", "oblast" point to a division,
  "city", "town", "village" to a town, "base", "airfield" to a facility.
A small town chosen with no support from the report is an unsafe guess: we abstain.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from warlog.geo import names
from warlog.geo.gazetteer import Gazetteer
from warlog.geo.mentions import Mention
from warlog.geo.tables import Entry, Kind

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A country or region name means the country or region unless the words around it say
# otherwise: no town, however large, outweighs that without a cue ("Mexico" is not Mexico
# City, "China" is not China, Texas). Divisions outweigh small same-named towns.
_KIND_BASE: dict[Kind, float] = {"country": 6.0, "region": 5.0, "facility": 2.5, "admin1": 3.0, "town": 0.8}
_ADMIN_WORDS = frozenset({"province", "governorate", "oblast", "region", "state", "prefecture",
                          "district", "provinces", "governorates", "regions", "territory", "muhafazat"})
_TOWN_WORDS = frozenset({"city", "town", "village", "suburb", "neighbourhood", "neighborhood", "capital"})
_NEAR_KM = 250.0
_COUNTRY_WINDOW = 120  # characters either side: the country named beside a mention
# An unsupported town smaller than this, for a name that other places share, is not guessed.
_SAFE_POPULATION = 5000


@dataclass(frozen=True, slots=True)
class Context:
    countries: Counter[str]
    country_spans: tuple[tuple[int, str], ...] = ()
    anchors: tuple[tuple[float, float, int], ...] = field(default=())  # lat, lon, mention start

    def with_anchors(self, placed: Iterable[tuple[int, Entry]]) -> Context:
        points = tuple((e.lat, e.lon, start) for start, e in placed
                       if e.kind in ("town", "facility", "admin1") and e.lat is not None and e.lon is not None)
        return replace(self, anchors=points)

    def sentence_country(self, mention: Mention) -> str | None:
        near = [(abs(pos - mention.start), iso) for pos, iso in self.country_spans
                if abs(pos - mention.start) <= _COUNTRY_WINDOW]
        return min(near)[1] if near else None

    def near_anchor(self, entry: Entry, *, start: int) -> bool:
        """Near a place another mention resolved to (a mention never anchors itself)."""
        if entry.lat is None or entry.lon is None:
            return False
        return any(s != start and km(entry.lat, entry.lon, lat, lon) <= _NEAR_KM
                   for lat, lon, s in self.anchors)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


def document_context(mentions: list[Mention], *, gazetteer: Gazetteer) -> Context:
    """Countries the report names: by name ("Iraq"), adjective ("Iraqi") or facility."""
    spans: list[tuple[int, str]] = []
    for m in mentions:
        iso = _country_named(m, gazetteer=gazetteer)
        if iso:
            spans.append((m.start, iso))
    return Context(countries=Counter(iso for _, iso in spans), country_spans=tuple(spans))


def _country_named(mention: Mention, *, gazetteer: Gazetteer) -> str | None:
    if mention.hint is not None:
        return mention.hint.country
    countries = [e for e in gazetteer.lookup(mention.text) if e.kind == "country"]
    return countries[0].country if countries else None


def cue_of(doc: Doc, mention: Mention) -> Kind | None:
    """The kind the words around a mention name: "Anbar province", "the city of Hit"."""
    after = doc[mention.tok_end].lower_ if mention.tok_end < len(doc) else ""
    before = doc[mention.tok_start - 2].lower_ if mention.tok_start >= 2 else ""
    if mention.tok_start >= 1 and doc[mention.tok_start - 1].lower_ != "of":
        before = ""
    words = {after, before}
    if words & _ADMIN_WORDS:
        return "admin1"
    if words & _TOWN_WORDS:
        return "town"
    if names.strip_facility_words(mention.text) or after in names.FACILITY_WORDS or after == "airbase":
        return "facility"
    return None


def _score(entry: Entry, *, key: str, cue: Kind | None, context: Context,
           near_country: str | None, start: int) -> float:
    score = _KIND_BASE[entry.kind]
    exact = names.name_key(entry.name) == key
    if entry.kind == "town":
        score += math.log10(max(entry.population, 1)) / 2 + (1.0 if entry.detail == "capital" else 0.0)
        # GeoNames' alternate names of towns include translations and old names
        # (Casablanca is "White House"): a match on one is weaker than on the town's name.
        score += 0.0 if exact else -0.5
    if entry.kind == "admin1" and not exact:
        score -= 0.5  # "Basra" names the city more often than Al Basrah governorate
    if exact:
        score += 0.4
    if entry.kind != "country" and entry.country in context.countries:
        score += 1.0
        # the country named beside it ("Tripoli, Lebanon") counts more than one named elsewhere
        score += 1.5 if entry.country == near_country else 0.0
    if cue == entry.kind:
        score += 3.0
    if context.near_anchor(entry, start=start):
        score += 1.2
    if entry.lat is None:
        score -= 1.0  # a division without a published point: prefer a placeable reading
    return score


def choose(candidates: tuple[Entry, ...], *, mention: Mention, cue: Kind | None,
           context: Context) -> Entry | None:
    key = names.name_key(mention.text)
    near = context.sentence_country(mention)
    ranked = sorted(candidates, key=lambda e: (-_score(e, key=key, cue=cue, context=context,
                                                       near_country=near, start=mention.start),
                                               -e.population, e.id))
    best = ranked[0]
    if _unsafe(best, shared=len(candidates) > 1, context=context, start=mention.start):
        return None
    return best


def _unsafe(entry: Entry, *, shared: bool, context: Context, start: int) -> bool:
    if entry.kind != "town" or entry.population >= _SAFE_POPULATION or not shared:
        return False
    return entry.country not in context.countries and not context.near_anchor(entry, start=start)
