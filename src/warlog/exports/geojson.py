"""The merged events as a GeoJSON FeatureCollection (RFC 7946): a Point per event at its
place ([longitude, latitude]), ``null`` geometry for an event without coordinates, and
flat properties any GIS reads (GeoPandas among them)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from warlog.exports.selection import casualty_bounds
from warlog.exports.text import evidence_sentences, outlets


def feature(record: Mapping[str, Any], *, texts: Mapping[str, str]) -> dict[str, Any]:
    time = record.get("time") or {}
    loc = record.get("location") or {}
    killed_low, killed_high = casualty_bounds(record.get("killed") or ())
    injured_low, injured_high = casualty_bounds(record.get("injured") or ())
    located = loc.get("lat") is not None and loc.get("lon") is not None
    geometry = {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]} if located else None
    return {"type": "Feature", "id": record["id"], "geometry": geometry, "properties": {
        "id": record["id"], "date_start": time.get("start"), "date_end": time.get("end"),
        "time_precision": time.get("precision"), "type": record["type"],
        "sub_type": record["sub_type"], "weapon": record.get("weapon"),
        "outcome": record.get("outcome"), "grade": record.get("grade"),
        "place": loc.get("name"), "admin1": loc.get("admin1"), "country": loc.get("country"),
        "precision": loc.get("precision"),
        "attacker": (record.get("attacker") or {}).get("name"),
        "target": (record.get("target") or {}).get("name"),
        "killed_low": killed_low, "killed_high": killed_high,
        "injured_low": injured_low, "injured_high": injured_high,
        "source_count": len(record.get("sources") or ()), "sources": "; ".join(outlets(record)),
        "evidence": " | ".join(evidence_sentences(record, texts)),
    }}


def write_geojson(records: Iterable[Mapping[str, Any]], out: TextIO, *,
                  texts: Mapping[str, str]) -> int:
    features = [feature(r, texts=texts) for r in records]
    json.dump({"type": "FeatureCollection", "features": features}, out, sort_keys=True,
              ensure_ascii=False, indent=1)
    out.write("\n")
    return len(features)


def write_jsonl(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """The MERGED EVENT records, one per line, as `warlog events --json` prints them."""
    n = 0
    for r in records:
        out.write(json.dumps(r, sort_keys=True, ensure_ascii=False, separators=(", ", ": ")) + "\n")
        n += 1
    return n
