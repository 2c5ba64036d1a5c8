"""The merged events as an ACLED-style CSV: ACLED's column names and vocabularies where
a field has an ACLED equivalent, then warlog's own columns.

- event_type / sub_event_type as ACLED spells them ("Explosions/Remote violence",
  "Air/drone strike"); an unknown snake-case value is spelt out in words.
- geo_precision: 1 the place itself (facility, town); 3 anything coarser (province,
  country, region), as ACLED codes a larger area. warlog never gives 2 ("near" a town).
- time_precision: 1 day, 2 week, 3 month (or an unresolved date).
- fatalities: the low bound of the killed, as ACLED codes conservatively;
  fatalities_high carries the other end (empty when open-ended).
- Text cells starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) get
  a leading ``'``, so a spreadsheet shows them instead of running them as formulas.
  Numbers are left as numbers: a negative longitude is not a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from warlog.exports.selection import casualty_bounds
from warlog.exports.text import evidence_sentences, outlets

EVENT_TYPES = {
    "battles": "Battles",
    "explosions_remote_violence": "Explosions/Remote violence",
    "violence_against_civilians": "Violence against civilians",
    "strategic_developments": "Strategic developments",
    "protests": "Protests",
    "riots": "Riots",
}
SUB_EVENT_TYPES = {
    "armed_clash": "Armed clash",
    "government_regains_territory": "Government regains territory",
    "non_state_actor_overtakes_territory": "Non-state actor overtakes territory",
    "chemical_weapon": "Chemical weapon",
    "air_drone_strike": "Air/drone strike",
    "suicide_bomb": "Suicide bomb",
    "shelling_artillery_missile_attack": "Shelling/artillery/missile attack",
    "remote_explosive_landmine_ied": "Remote explosive/landmine/IED",
    "grenade": "Grenade",
    "sexual_violence": "Sexual violence",
    "attack": "Attack",
    "abduction_forced_disappearance": "Abduction/forced disappearance",
}
DISORDER = {"strategic_developments": "Strategic developments",
            "protests": "Demonstrations", "riots": "Demonstrations"}
# ACLED's spelling where it differs from ISO 3166's common name
ACLED_COUNTRIES = {"PS": "Palestine", "CD": "Democratic Republic of Congo",
                   "CG": "Republic of Congo", "CI": "Ivory Coast", "KP": "North Korea",
                   "KR": "South Korea", "RU": "Russia", "IR": "Iran", "VE": "Venezuela",
                   "BO": "Bolivia", "TZ": "Tanzania", "MD": "Moldova", "LA": "Laos",
                   "VN": "Vietnam", "TR": "Turkey", "SY": "Syria", "CV": "Cape Verde"}
GEO_PRECISION = {"facility": 1, "town": 1, "admin1": 3, "region": 3, "country": 3}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "unresolved": 3}

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                 "event_type", "sub_event_type", "actor1", "actor2", "iso", "country",
                 "admin1", "location", "latitude", "longitude", "geo_precision", "source",
                 "notes", "fatalities")
WARLOG_COLUMNS = ("warlog_id", "country_code", "fatalities_high", "injured_low",
                  "injured_high", "weapon", "outcome", "grade", "source_count", "claimed_by",
                  "denied_by", "evidence")
COLUMNS = ACLED_COLUMNS + WARLOG_COLUMNS
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """A text cell a spreadsheet would run as a formula, made inert with a leading '."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


def spelt(value: str, table: Mapping[str, str]) -> str:
    return table.get(value) or value.replace("_", " ").capitalize()


def acled_row(record: Mapping[str, Any], *, texts: Mapping[str, str],
              country_names: Mapping[str, tuple[str, int | None]]) -> dict[str, object]:
    """One MERGED EVENT as one CSV row (cells not yet neutralised)."""
    time = record.get("time") or {}
    loc = record.get("location") or {}
    code = loc.get("country")
    name, numeric = country_names.get(code or "", (code or "", None))
    name = ACLED_COUNTRIES.get(code or "", name)
    killed_low, killed_high = casualty_bounds(record.get("killed") or ())
    injured_low, injured_high = casualty_bounds(record.get("injured") or ())
    start = time.get("start")
    return {
        "event_id_cnty": f"{code or 'XX'}-{record['id']}", "event_date": start or "",
        "year": start[:4] if start else "",
        "time_precision": TIME_PRECISION.get(time.get("precision") or "unresolved", 3) if start else "",
        "disorder_type": DISORDER.get(record["type"], "Political violence"),
        "event_type": spelt(record["type"], EVENT_TYPES),
        "sub_event_type": spelt(record["sub_type"], SUB_EVENT_TYPES),
        "actor1": (record.get("attacker") or {}).get("name") or "",
        "actor2": (record.get("target") or {}).get("name") or "",
        "iso": numeric if numeric is not None else "", "country": name,
        "admin1": loc.get("admin1") or "", "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": GEO_PRECISION.get(loc.get("precision") or "", "") if loc else "",
        "source": "; ".join(outlets(record)), "notes": notes(record),
        "fatalities": killed_low, "warlog_id": record["id"], "country_code": code or "",
        "fatalities_high": "" if killed_high is None else killed_high,
        "injured_low": injured_low, "injured_high": "" if injured_high is None else injured_high,
        "weapon": record.get("weapon") or "", "outcome": record.get("outcome") or "",
        "grade": record.get("grade") or "", "source_count": len(record.get("sources") or ()),
        "claimed_by": "; ".join(record.get("claimed_by") or ()),
        "denied_by": "; ".join(record.get("denied_by") or ()),
        "evidence": " | ".join(evidence_sentences(record, texts)),
    }


def notes(record: Mapping[str, Any]) -> str:
    """A one-sentence summary in ACLED's manner: when, who, against whom, where, with what."""
    time = record.get("time") or {}
    loc = record.get("location") or {}
    attacker = (record.get("attacker") or {}).get("text") or "unknown attackers"
    target = (record.get("target") or {}).get("text")
    where = f" in {loc['name']}" if loc.get("name") else ""
    against = f" against {target}" if target else ""
    weapon = (record.get("weapon") or "unknown").replace("_", " ")
    said = "; ".join(record.get("said_by") or ())
    when = time.get("start") or "an unknown date"
    return (f"On {when}: {spelt(record['sub_type'], SUB_EVENT_TYPES)} by {attacker}"
            f"{against}{where} ({weapon}, {record.get('outcome') or 'unknown'})."
            + (f" Reported by {said}." if said else ""))


def write_acled_csv(records: Iterable[Mapping[str, Any]], out: TextIO, *,
                    texts: Mapping[str, str],
                    country_names: Mapping[str, tuple[str, int | None]]) -> int:
    """Write the CSV (header first, RFC 4180 quoting); returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        row = acled_row(record, texts=texts, country_names=country_names)
        writer.writerow({k: neutralise(v) for k, v in row.items()})
        n += 1
    return n
