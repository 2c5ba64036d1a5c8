"""Choosing among the places a name may mean, with the report as context.

Each candidate gets a score, in rough log-odds units, from plain evidence; the best wins:
- a prior from its kind and size: a country or region name means the country or region
  (no town, however large, outweighs that without a cue); divisions outweigh small
  same-named towns; towns weigh by population (log scale) and national capitals more;
  a match on a town's alternate name (GeoNames keeps translations and old names) is weaker;
- the report: the countries it names and the countries its other places resolve to (a
  mention never supports itself), the country named beside the mention ("Tripoli,
  Lebanon"), the place qualifying it ("Tacoma, Washington", "Hit in Anbar"), places near
  the other places the report names, and the kind of the places listed with it;
- the words around the mention: "province" points to a division, "city" or "village" to a
  town, "base" or "airfield" to a facility, "central"/"eastern" to a division or country.
A guess the report does not support is worse than no answer, so we abstain on: a small town
sharing its name with other places, a town in none of the report's countries and near none
of its places, and a loose (consonant-skeleton) match outside the report's countries.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from warlog.geo import names
from warlog.geo.gazetteer import Gazetteer
from warlog.geo.mentions import Mention
from warlog.geo.roles import role_of
from warlog.geo.tables import Entry, Kind

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Priors by kind. Towns get _town_prior instead (population, capitals).
_KIND_PRIOR: dict[Kind, float] = {"country": 10.0, "region": 8.5, "admin1": 7.0, "facility": 5.0}
_ADMIN_WORDS = frozenset({"province", "governorate", "oblast", "region", "state", "prefecture",
                          "provinces", "governorates", "regions", "territory", "muhafazat"})
_TOWN_WORDS = frozenset({"city", "town", "village", "suburb", "neighbourhood", "neighborhood",
                         "hamlet", "township", "settlement", "port", "district"})
# "central Washington", "eastern Ukraine": a part of something large.
_PART_WORDS = frozenset({"central", "northern", "southern", "eastern", "western", "northeastern",
                         "northwestern", "southeastern", "southwestern", "upstate", "rural"})
_NEAR_KM = 250.0
_COUNTRY_WINDOW = 120  # characters either side: the country named beside a mention
# An unsupported town smaller than this, for a name that other places share, is not guessed.
_SAFE_POPULATION = 5000
# A town in none of the report's countries and near none of its places is guessed only
# when it is this large and its own name matches (London, Paris, Moscow named in passing).
_FOREIGN_POPULATION = 100_000

# Evidence weights.
_NAMED_ELSEWHERE = 1.0    # the candidate's country is named elsewhere in the report
_PROFILE = 2.5            # × share of the report's other places in the candidate's country
_BESIDE = 2.0             # the country is named within _COUNTRY_WINDOW characters
_QUALIFIED = 3.0          # "X, Y" / "X in Y": Y contains the candidate (or is its division)
_NEAR = 1.5               # within _NEAR_KM of another place of the report
_CUE = 3.0                # the words around say which kind of place
_SIBLING = 1.5            # listed with places of this kind ("California or Washington")
_PART = 1.5               # "central Washington": a division, country or region


@dataclass(frozen=True, slots=True)
class Context:
    """What the report says beyond one mention. Built in two passes (resolver.py)."""

    countries: Counter[str]                                   # named by name/adjective
    country_spans: tuple[tuple[int, str], ...] = ()           # (mention start, ISO2)
    # the same, less modifiers ("US consulate", "Iraqi forces"): those do not locate a place
    ground_spans: tuple[tuple[int, str], ...] = ()
    anchors: tuple[tuple[float, float, int], ...] = field(default=())  # lat, lon, start
    profile: tuple[tuple[int, str], ...] = ()                 # (start, ISO2) of first-pass places
    qualifiers: Mapping[int, Entry] = field(default_factory=dict)    # start → qualifying place
    qualified: Mapping[int, tuple[Entry, ...]] = field(default_factory=dict)  # start → candidates
    siblings: Mapping[int, frozenset[str]] = field(default_factory=dict)  # start → kinds listed
    # (mention start, name key) of every mention: a name written again does not name a
    # country again ("Uman" three times does not make Oman, an alternate name of which
    # it is, a country the report names), so the questions of countries named leave out
    # the mentions of the same name, not only the mention itself
    name_keys: tuple[tuple[int, str], ...] = ()
    # Look-ups derived from the fields above in __post_init__ (so a replace() keeps them
    # true): each question below is asked once per candidate of every mention, and
    # scanning the report's spans each time made geoparsing quadratic in its mentions.
    _ground_sorted: tuple[tuple[int, str], ...] = field(init=False, repr=False, compare=False)
    _ground_starts: Mapping[str, frozenset[int]] = field(init=False, repr=False, compare=False)
    _points: Mapping[tuple[float, float], frozenset[int]] = field(init=False, repr=False,
                                                                  compare=False)
    _profile_total: Counter[str] = field(init=False, repr=False, compare=False)
    _profile_at: Mapping[int, Counter[str]] = field(init=False, repr=False, compare=False)
    _kin: Mapping[int, frozenset[int]] = field(init=False, repr=False, compare=False)
    _kin_profile: Mapping[int, Counter[str]] = field(init=False, repr=False, compare=False)
    _kin_ground: Mapping[int, Counter[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, set[int]] = {}
        for start, key in self.name_keys:
            by_key.setdefault(key, set()).add(start)
        # one set per name, shared by its mentions: a name written 40,000 times is one
        # set of 40,000, not 40,000 of them
        kin_of = {key: frozenset(found) for key, found in by_key.items()}
        object.__setattr__(self, "_kin", {start: kin_of[key] for start, key in self.name_keys})
        starts: dict[str, set[int]] = {}
        for start, iso in self.ground_spans:
            starts.setdefault(iso, set()).add(start)
        points: dict[tuple[float, float], set[int]] = {}
        for lat, lon, start in self.anchors:
            points.setdefault((lat, lon), set()).add(start)
        at: dict[int, Counter[str]] = {}
        for start, iso in self.profile:
            at.setdefault(start, Counter())[iso] += 1
        object.__setattr__(self, "_ground_sorted", tuple(sorted(self.ground_spans)))
        object.__setattr__(self, "_ground_starts", {k: frozenset(v) for k, v in starts.items()})
        object.__setattr__(self, "_points", {k: frozenset(v) for k, v in points.items()})
        object.__setattr__(self, "_profile_total", Counter(iso for _, iso in self.profile))
        object.__setattr__(self, "_profile_at", at)
        # once per name: the profile of its mentions together, and the countries they name
        grounds: dict[int, str] = {}
        for start, iso in self.ground_spans:
            grounds.setdefault(start, iso)
        of_name: dict[frozenset[int], tuple[Counter[str], Counter[str]]] = {}
        for kin in set(self._kin.values()):
            profile: Counter[str] = Counter()
            for start in kin:
                profile.update(at.get(start, Counter()))
            of_name[kin] = (profile, Counter(grounds[s] for s in kin if s in grounds))
        object.__setattr__(self, "_kin_profile", {start: of_name[kin][0]
                                                  for start, kin in self._kin.items()})
        object.__setattr__(self, "_kin_ground", {start: of_name[kin][1]
                                                 for start, kin in self._kin.items()})

    def with_first_pass(self, placed: Iterable[tuple[int, Entry]]) -> Context:
        placed = list(placed)
        points = tuple((e.lat, e.lon, start) for start, e in placed
                       if e.kind in ("town", "facility", "admin1") and e.lat is not None
                       and e.lon is not None)
        # "US forces", "Iraqi officials": a modifier says who, not where
        grounds = {s for s, _ in self.ground_spans}
        modifiers = {s for s, _ in self.country_spans} - grounds
        profile = tuple((start, e.country) for start, e in placed if e.country and start not in modifiers)
        return replace(self, anchors=points, profile=profile)

    def kin(self, start: int) -> frozenset[int]:
        """The starts of the mentions of the same name as the one at ``start``, itself too."""
        return self._kin.get(start, frozenset((start,)))

    def sentence_country(self, mention: Mention) -> str | None:
        spans = self._ground_sorted
        lo = bisect_left(spans, (mention.start - _COUNTRY_WINDOW, ""))
        hi = bisect_right(spans, (mention.start + _COUNTRY_WINDOW, "\U0010ffff"))
        kin = self.kin(mention.start)
        near = [(abs(pos - mention.start), iso) for pos, iso in spans[lo:hi]
                if abs(pos - mention.start) <= _COUNTRY_WINDOW and pos not in kin]
        return min(near)[1] if near else None

    def named_elsewhere(self, iso: str | None, *, start: int) -> bool:
        if iso is None:
            return False
        starts = self._ground_starts.get(iso, frozenset())
        own = self._kin_ground[start][iso] if start in self._kin_ground \
            else int(start in starts)
        return len(starts) > own

    def share(self, iso: str | None, *, start: int) -> float:
        """The share of the report's places of other names that lie in country ``iso``."""
        here = self._kin_profile.get(start) or self._profile_at.get(start, Counter())
        others = len(self.profile) - here.total()
        if iso is None or not others:
            return 0.0
        return (self._profile_total[iso] - here[iso]) / others

    def supported(self, entry: Entry, *, start: int) -> bool:
        """Does anything else in the report point to this place's country or area?"""
        return (self.named_elsewhere(entry.country, start=start)
                or self.share(entry.country, start=start) > 0
                or self.near_anchor(entry, start=start))

    def has_support_information(self, *, start: int) -> bool:
        return any(s != start for s, _ in self.country_spans) or any(
            s != start for s, _ in self.profile)

    def near_anchor(self, entry: Entry, *, start: int) -> bool:
        """Near a place another mention resolved to (a mention never anchors itself)."""
        if entry.lat is None or entry.lon is None:
            return False
        # one distance per distinct point: a report names the same town many times
        return any((len(starts) > 1 or start not in starts)
                   and km(entry.lat, entry.lon, lat, lon) <= _NEAR_KM
                   for (lat, lon), starts in self._points.items())


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


def document_context(mentions: list[Mention], *, gazetteer: Gazetteer, doc: Doc | None = None) -> Context:
    """Countries the report names: by name ("Iraq"), adjective ("Iraqi") or facility."""
    spans: list[tuple[int, str]] = []
    ground: list[tuple[int, str]] = []
    for m in mentions:
        iso = _country_named(m, gazetteer=gazetteer)
        if iso:
            spans.append((m.start, iso))
            if doc is None or (m.source != "demonym" and role_of(
                    doc[m.tok_start:m.tok_end], demonym=False) != "modifier") \
                    or _qualifies_a_place(doc, m):
                ground.append((m.start, iso))
    return Context(countries=Counter(iso for _, iso in spans), country_spans=tuple(spans),
                   ground_spans=tuple(ground),
                   name_keys=tuple((m.start, names.name_key(m.text)) for m in mentions))


# Nouns of a place a demonym can qualify: "the Ukrainian town of X", "a Syrian village".
# (not "the Chinese border": a place near it may lie on either side)
_GROUND_NOUNS = _TOWN_WORDS | _ADMIN_WORDS | frozenset({"capital", "coast", "territory", "soil",
                                                        "villages", "towns", "cities"})


def _qualifies_a_place(doc: Doc, mention: Mention) -> bool:
    """"the eastern Ukrainian town of X", "a Syrian village": a demonym on a noun of a
    place says where, as the country's name would ("Ukrainian forces" says who)."""
    if mention.source != "demonym":
        return False
    head = doc[mention.tok_end - 1].head
    return head.i >= mention.tok_end and head.lower_ in _GROUND_NOUNS


def _country_named(mention: Mention, *, gazetteer: Gazetteer) -> str | None:
    if mention.hint is not None:
        return mention.hint.country
    found = gazetteer.lookup(mention.text)
    # a country, or a territory or region of one ("Gaza", "the West Bank", "Donbas")
    named = [e for e in found if e.kind == "country"] or [e for e in found if e.kind == "region"]
    return named[0].country if named else None


def cue_of(doc: Doc, mention: Mention) -> Kind | None:
    """The kind the words around a mention name: "Anbar province", "the city of Hit",
    "al-Izba, a village outside…"."""
    after = doc[mention.tok_end].lower_ if mention.tok_end < len(doc) else ""
    before = doc[mention.tok_start - 2].lower_ if mention.tok_start >= 2 else ""
    if mention.tok_start >= 1 and doc[mention.tok_start - 1].lower_ != "of":
        before = ""
    appositive = ""
    end = mention.tok_end
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("a", "an", "the"):
        appositive = doc[end + 2].lower_
        if appositive in ("small", "large", "remote", "border", "nearby", "desert", "frontline") \
                and end + 3 < len(doc):
            appositive = doc[end + 3].lower_
    words = {after, before, appositive}
    if words & _ADMIN_WORDS:
        return "admin1"
    if words & _TOWN_WORDS:
        return "town"
    if names.strip_facility_words(mention.text) or after in names.FACILITY_WORDS or after == "airbase":
        return "facility"
    return None


def part_of_whole(doc: Doc, mention: Mention) -> bool:
    """"central Washington", "eastern Ukraine": a direction word just before the name."""
    return mention.tok_start >= 1 and doc[mention.tok_start - 1].lower_ in _PART_WORDS


# "Mexico City", "Kuwait City", "Washington, D.C.": a town's own name, less these words.
_CITY_SUFFIXES = frozenset({"city", "dc"})
# "Acapulco de Juárez", "Coyuca de Benítez", "Santiago del Estero", "Vila do Conde": the
# name before the connective is the town's name in use.
_NAME_CONNECTIVES = frozenset({"de", "del", "della", "di", "do", "da", "dos", "das", "du", "des"})
# A division seat GeoNames lists without a population counts as a town of this size.
_SEAT_POPULATION = 3000


def _town_prior(entry: Entry) -> float:
    population = entry.population or (_SEAT_POPULATION if entry.detail == "seat" else 0)
    return 1.2 * math.log10(max(population, 1000)) + (2.0 if entry.detail == "capital" else 0.0)


def prior(entry: Entry, *, exact: bool) -> float:
    """How likely a bare name means this place, before any context."""
    if entry.kind == "town":
        # GeoNames' alternate names of towns include translations and old names
        # (Casablanca is "White House"): a match on one is weaker than on the town's name.
        return _town_prior(entry) + (0.4 if exact else -1.5)
    base = _KIND_PRIOR[entry.kind] + (0.4 if exact else 0.0)
    if entry.kind == "admin1" and not exact:
        base -= 0.5  # "Basra" names the city more often than Al Basrah governorate
    if entry.lat is None:
        base -= 1.0  # a division without a published point: prefer a placeable reading
    return base


@dataclass(frozen=True, slots=True)
class Scored:
    entry: Entry
    score: float
    supported: bool


def is_exact(entry: Entry, key: str) -> bool:
    """The name itself, not an alternate: "New York" is New York City's own name too, and
    "Acapulco" is the short form of "Acapulco de Juárez" (the words after a connective
    like "de" tell the town apart from others and are dropped in use)."""
    own = names.name_key(entry.name)
    if own == key:
        return True
    if entry.kind == "town" and key.startswith(f"{own} ") and key[len(own) + 1:] in _CITY_SUFFIXES:
        return True  # "Gaza City" for GeoNames' "Gaza"
    if entry.kind != "town" or not own.startswith(f"{key} "):
        return False
    rest = own[len(key) + 1:]
    return rest in _CITY_SUFFIXES or rest.split(" ", 1)[0] in _NAME_CONNECTIVES


def spelled_alike(entry: Entry, key: str) -> bool:
    """A town's own name, spelled another way ("Kharkov" for "Kharkiv",
    ``names.spelled_alike``): an alternate name that is another spelling of the place's own
    is no translation or old name (Nikopol is listed under "Slovyansk" too)."""
    return entry.kind == "town" and names.spelled_alike(key, entry.name)


def _respelled(entry: Entry, key: str) -> bool:
    """The town's own name with a letter or so changed ("Khan Younis", "Khān Yūnis";
    "Zaporizhzhia", "Zaporizhzhya"): as safe a guess as the name itself. Sharing the
    consonants is not enough here: the letters must be all but the same."""
    return spelled_alike(entry, key) \
        and SequenceMatcher(None, key, names.name_key(entry.name)).ratio() >= 0.9


def score(entry: Entry, *, key: str, cue: Kind | None, context: Context, mention: Mention,
          part: bool = False) -> Scored:
    start = mention.start
    total = prior(entry, exact=is_exact(entry, key) or spelled_alike(entry, key))
    if context.named_elsewhere(entry.country, start=start):
        total += _NAMED_ELSEWHERE
    total += _PROFILE * context.share(entry.country, start=start)
    if entry.kind != "country" and entry.country == context.sentence_country(mention):
        total += _BESIDE
    if _qualified_by(entry, context.qualifiers.get(start)):
        total += _QUALIFIED
    if any(_contains(entry, inner) for inner in context.qualified.get(start, ())):
        total += _QUALIFIED
    if cue == entry.kind:
        total += _CUE
    if entry.kind in context.siblings.get(start, frozenset()):
        total += _SIBLING
    if part and entry.kind in ("admin1", "country", "region"):
        total += _PART
    near = context.near_anchor(entry, start=start)
    if near:
        total += _NEAR
    return Scored(entry, total, context.supported(entry, start=start))


def _qualified_by(entry: Entry, outer: Entry | None) -> bool:
    """"Hit, Iraq" / "Ramadi in Anbar": the qualifying place contains the candidate."""
    if outer is None or entry.kind == "country":
        return False
    if outer.kind == "country":
        return entry.country == outer.country
    if outer.kind == "admin1":
        return entry.admin1_code is not None and entry.admin1_code == outer.admin1_code
    return False


def _contains(entry: Entry, inner: Entry) -> bool:
    """"Tacoma, Washington": the candidate is the division or country of the place before it."""
    if entry.kind == "admin1":
        return inner.kind != "admin1" and inner.admin1_code is not None \
            and inner.admin1_code == entry.admin1_code
    if entry.kind == "country":
        return inner.kind != "country" and inner.country == entry.country
    return False


def choose(candidates: tuple[Entry, ...], *, mention: Mention, cue: Kind | None,
           context: Context, loose: bool = False, part: bool = False) -> Entry | None:
    key = names.name_key(mention.text)
    ranked = sorted((score(e, key=key, cue=cue, context=context, mention=mention, part=part)
                     for e in candidates),
                    key=lambda s: (-s.score, -s.entry.population, s.entry.id))
    best = ranked[0]
    if cue is None and best.entry.kind not in ("country", "region"):
        # "Mexico" is the country and "Middle East" the region, whatever the report's other
        # places say, unless a word or a qualifier says otherwise ("Mexico, Missouri").
        named = [s for s in ranked if s.entry.kind in ("country", "region") and is_exact(s.entry, key)]
        if named and not _qualified_by(best.entry, context.qualifiers.get(mention.start)):
            best = named[0]
    if best.entry.kind == "admin1" and cue != "admin1" and not part and not any(
            _contains(best.entry, inner) for inner in context.qualified.get(mention.start, ())):
        # "Kherson", "Najaf", "Gao": a division named after its seat means the town, unless
        # the words say division ("Kherson region") or a place in it comes first.
        seat = _seat(best.entry, ranked, key=key)
        if seat is not None:
            best = seat
    if loose and not best.supported:
        return None  # a consonant-skeleton match is a guess: only where the report points
    if _unsafe(best, key=key, shared=len(candidates) > 1, context=context, start=mention.start,
               respelled_ok=mention.source != "embedded"):
        return None
    return best.entry


def _seat(division: Entry, ranked: list[Scored], *, key: str) -> Scored | None:
    # the town must carry the name itself, or be large enough to be what the name means
    towns = [s for s in ranked if s.entry.kind == "town" and s.entry.admin1_code == division.admin1_code
             and s.entry.country == division.country
             and (names.name_key(s.entry.name) == key or s.entry.population >= 20_000)]
    return max(towns, key=lambda s: s.entry.population) if towns else None


def _unsafe(best: Scored, *, key: str, shared: bool, context: Context, start: int,
            respelled_ok: bool = True) -> bool:
    entry = best.entry
    if entry.kind == "town" and len(key.replace(" ", "")) <= 2 and not is_exact(entry, key):
        return True  # "Pa" of "A Nang Pa" is no alternate name of Chongqing, however supported
    if entry.kind not in ("town", "admin1") or best.supported:
        return False
    if entry.kind == "town" and entry.population < _SAFE_POPULATION and shared:
        return True
    # a small town reached only through one of its alternate names (a transliteration
    # GeoNames keeps: "Gandoh" for a hamlet in Qinghai) is a guess even without a rival
    if entry.kind == "town" and entry.population < _SAFE_POPULATION and not is_exact(entry, key):
        return True
    # A place in none of the report's countries and near none of its places: only a large
    # town under its own name (or a division under its own name) is a safe guess.
    if not context.has_support_information(start=start):
        return False
    # a respelling counts as the name itself, but not inside another name ("Diaz-Balart"
    # is no Ballarat)
    exact = is_exact(entry, key) or (respelled_ok and _respelled(entry, key))
    if entry.kind == "admin1":
        return not exact
    if exact and not shared and entry.country is not None and context.countries[entry.country] > 0:
        # "Nigerian troops repelled an attack in Malam Fatori": the only place of the name, in
        # a country the report names only by its adjective, which says who, and hints where
        return False
    return not exact or entry.population < _FOREIGN_POPULATION
