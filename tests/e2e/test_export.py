"""`warlog export` as a user runs it: read back with pandas and json, the same events and
counts as `warlog events --json`; spreadsheet formulas neutralised; bad options exit 2."""

from __future__ import annotations

import csv
import io
import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from warlog.exports.acled import COLUMNS, acled_row, neutralise, write_acled_csv
from warlog.exports.selection import casualty_bounds

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "src" / "warlog" / "examples"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warlog", *args], capture_output=True,
                          text=True, check=False, cwd=REPO)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'warlog.sqlite3'}"
    assert run("ingest", "--db", url, str(EXAMPLES)).returncode == 0
    return url


def events(db: str, *flags: str) -> list[dict[str, Any]]:
    done = run("events", "--json", "--db", db, *flags)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_jsonl_is_the_events_command_byte_for_byte(db: str) -> None:
    for flags in ([], ["--since", "2024-01-01"], ["--country", "IQ"]):
        exported = run("export", "--format", "jsonl", "--db", db, *flags)
        assert exported.returncode == 0, exported.stderr
        assert exported.stdout == run("events", "--json", "--db", db, *flags).stdout


def test_acled_csv_reads_back_with_pandas(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    done = run("export", "--format", "acled-csv", "--db", db, "-o", str(out))
    assert done.returncode == 0, done.stderr
    expected = events(db)
    assert done.stderr.strip() == f"{len(expected)} events written to {out}"
    frame = pd.read_csv(out, keep_default_na=False)
    assert list(frame.columns) == list(COLUMNS)
    assert list(frame["warlog_id"]) == [e["id"] for e in expected]
    for (_, row), e in zip(frame.iterrows(), expected, strict=True):
        low, high = casualty_bounds(e["killed"])
        assert row["fatalities"] == low
        assert str(row["fatalities_high"]) == ("" if high is None else str(high))
        assert row["injured_low"] == casualty_bounds(e["injured"])[0]
        assert row["source_count"] == len(e["sources"])
        assert row["event_date"] == (e["time"]["start"] or "")
        loc = e["location"] or {}
        if loc.get("lat") is not None:
            assert math.isclose(float(row["latitude"]), loc["lat"])
            assert math.isclose(float(row["longitude"]), loc["lon"])
    assert set(frame["event_type"]) <= {"Battles", "Explosions/Remote violence",
                                        "Violence against civilians", "Strategic developments",
                                        "Protests", "Riots"}
    assert "Air/drone strike" in set(frame["sub_event_type"])
    assert {str(v) for v in frame["geo_precision"]} <= {"1", "2", "3", ""}
    assert {str(v) for v in frame["time_precision"]} <= {"1", "2", "3", ""}
    assert frame["fatalities"].sum() == sum(casualty_bounds(e["killed"])[0] for e in expected)
    assert (frame["evidence"] != "").all(), "every event quotes its evidence"


def test_geojson_reads_back_as_points(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    assert run("export", "--format", "geojson", "--db", db, "--weapon", "drone", "-o",
               str(out)).returncode == 0
    collection = json.loads(out.read_text())
    expected = [e for e in events(db) if e["weapon"] == "drone"]
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == [e["id"] for e in expected]
    for f, e in zip(collection["features"], expected, strict=True):
        loc = e["location"] or {}
        if loc.get("lat") is None:
            assert f["geometry"] is None
        else:
            assert f["geometry"] == {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
        assert f["properties"]["killed_low"] == casualty_bounds(e["killed"])[0]
        assert f["properties"]["source_count"] == len(e["sources"])


def test_filters_of_events_apply(db: str) -> None:
    every = events(db)
    first = next(e for e in every if e["attacker"] and e["attacker"]["name"])
    name, sub_type = first["attacker"]["name"], first["sub_type"]
    done = run("export", "--format", "jsonl", "--db", db, "--actor", name.upper(), "--sub-type",
               sub_type)
    kept = [json.loads(line) for line in done.stdout.splitlines()]
    assert first in kept
    assert kept == [e for e in every if e["sub_type"] == sub_type and any(
        name.lower() in ((e[k] or {}).get("name") or "").lower() for k in ("attacker", "target"))]
    boxed = run("export", "--format", "jsonl", "--db", db, "--bbox", "34,29,40,34")
    assert all(29 <= json.loads(line)["location"]["lat"] <= 34 for line in boxed.stdout.splitlines())


@pytest.mark.parametrize("flags", [["--format", "xlsx"], ["--format", "jsonl", "--bbox", "1,2"],
                                   ["--format", "jsonl", "--since", "2024-02-01", "--until",
                                    "2024-01-01"], ["--format", "jsonl", "--since", "soon"]])
def test_bad_options_exit_2(db: str, flags: list[str]) -> None:
    done = run("export", "--db", db, *flags)
    assert done.returncode == 2 and done.stdout == ""
    assert "Error" in done.stderr


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)",
                                  "\tcmd", "\r=1"])
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    assert neutralise("Kyiv") == "Kyiv" and neutralise(-5.3) == -5.3 and neutralise(0) == 0


def test_a_hostile_record_cannot_inject_a_formula() -> None:
    record = {"id": "abc", "type": "battles", "sub_type": "armed_clash", "weapon": "small_arms",
              "outcome": "hit", "grade": "single_source", "time": {"start": "2024-01-02",
                                                                   "precision": "day"},
              "attacker": {"name": "=cmd|' /C calc'!A0", "text": "=cmd"},
              "target": {"name": "@target", "text": "@target"},
              "location": {"name": "-Somewhere", "country": "XK", "lat": -1.5, "lon": -70.25,
                           "precision": "town"},
              "killed": [], "injured": [], "sources": [], "said_by": [], "claimed_by": [],
              "denied_by": [], "evidence": []}
    out = io.StringIO()
    write_acled_csv([record], out, texts={}, country_names={})
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["actor1"] == "'=cmd|' /C calc'!A0" and row["actor2"] == "'@target"
    assert row["location"] == "'-Somewhere"
    assert row["latitude"] == "-1.5" and row["longitude"] == "-70.25", "numbers stay numbers"
    assert acled_row(record, texts={}, country_names={})["event_id_cnty"] == "XK-abc"
