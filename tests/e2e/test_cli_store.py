"""`warlog ingest`, `events` and `tally` as a user runs them: real subprocesses, real
SQLite and PostgreSQL, exit statuses and stderr lines."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "src" / "warlog" / "examples"
REPORTS = sum(1 for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html", ".htm"))


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warlog", *args], input=stdin,
                          capture_output=True, text=True, check=False, cwd=REPO)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory,
           request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """The examples ingested by `warlog ingest` into SQLite and into PostgreSQL."""
    sqlite = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'warlog.sqlite3'}"
    postgres = request.getfixturevalue("postgres_database")()
    for url in (sqlite, postgres):
        done = run("ingest", "--db", url, str(EXAMPLES))
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"{REPORTS} reports read: {REPORTS} new, 0 unchanged, "
                                      "0 failed; events: ")
        assert "ingesting" not in done.stderr, "no progress bar when stderr is not a terminal"
    yield {"sqlite": sqlite, "postgresql": postgres}


def test_events_json_is_identical_on_sqlite_and_postgresql(stored: dict[str, str]) -> None:
    outputs = [run("events", "--json", "--db", url) for url in stored.values()]
    assert all(o.returncode == 0 for o in outputs), [o.stderr for o in outputs]
    assert outputs[0].stdout == outputs[1].stdout
    lines = [json.loads(line) for line in outputs[0].stdout.splitlines()]
    assert lines, "the examples give events"
    for record in lines:
        assert record["grade"] in {"confirmed", "corroborated", "single_source", "contested"}
        assert record["sources"] and all(s["document"]["id"] for s in record["sources"])
    starts = [r["time"]["start"] or "9999" for r in lines]
    assert starts == sorted(starts)


def test_readable_events_and_filters(stored: dict[str, str]) -> None:
    url = stored["sqlite"]
    every = [json.loads(line) for line in run("events", "--json", "--db", url).stdout.splitlines()]
    some = run("events", "--json", "--db", url, "--since", "2024-01-01", "--until", "2024-01-31",
               "--country", "jo")
    chosen = [json.loads(line) for line in some.stdout.splitlines()]
    assert chosen == [r for r in every if r["location"] and r["location"]["country"] == "JO"
                      and r["time"]["end"] >= "2024-01-01" and r["time"]["start"] <= "2024-01-31"]
    assert chosen, "Tower 22 is in Jordan in January 2024"
    readable = run("events", "--db", url).stdout.splitlines()
    assert len(readable) == len(every)
    assert any("Tower 22, JO" in line and "2 sources" in line for line in readable)


def test_reingesting_through_the_command_changes_nothing(stored: dict[str, str]) -> None:
    again = run("ingest", "--db", stored["postgresql"], str(EXAMPLES))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == (f"{REPORTS} reports read: 0 new, {REPORTS} unchanged, 0 failed; "
                                    "events: 0 new, 0 merged into events already on record")


def tally_json(url: str, *args: str) -> dict[str, Any]:
    done = run("tally", "--json", "--db", url, *args)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def test_tally_sets_each_claim_beside_the_events_in_its_scope(stored: dict[str, str]) -> None:
    counted = tally_json(stored["sqlite"])
    assert counted == tally_json(stored["postgresql"])
    events = {json.loads(line)["id"]: json.loads(line)
              for line in run("events", "--json", "--db", stored["sqlite"]).stdout.splitlines()}
    assert counted["total"]["events"] == len(events)
    assert counted["claims"], "the examples quote official tallies"
    for check in counted["claims"]:
        record = check["on_record"]
        assert set(record["event_ids"]) <= set(events)
        assert record["events"] == len(record["event_ids"])
        assert check["difference"]["high"] is not None
        period = check["compared_with"]["period"]
        for event_id in record["event_ids"]:
            time = events[event_id]["time"]
            assert period["until"] is None or time["end"] <= period["until"]
            assert period["since"] is None or time["start"] >= period["since"]
    pentagon = [c for c in counted["claims"]
                if c["claim"]["since"] == "2023-10-17" and c["claim"]["breakdown"]]
    assert pentagon, "the 140-attack tally (57 in Iraq, 83 in Syria) is there"
    places = {events[i]["location"]["name"] for i in pentagon[0]["on_record"]["event_ids"]}
    assert {"Al Asad Air Base", "Al-Tanf garrison"} <= places
    assert set(pentagon[0]["compared_with"]["countries"]) == {"IQ", "SY"}


def test_tally_by_week_and_period(stored: dict[str, str]) -> None:
    counted = tally_json(stored["sqlite"], "--by", "week", "--since", "2023-10-01",
                         "--until", "2023-10-31")
    assert {g["key"] for g in counted["groups"]} <= {"2023-W40", "2023-W41", "2023-W42",
                                                     "2023-W43", "2023-W44"}
    assert counted["total"]["events"] == sum(g["events"] for g in counted["groups"]) >= 3
    readable = run("tally", "--db", stored["sqlite"], "--by", "weapon").stdout
    assert readable.startswith("period: all dates; by weapon")
    assert "claim: " in readable and "on record: " in readable


def test_a_failing_report_is_named_and_the_others_stored(tmp_path: Path) -> None:
    good = tmp_path / "kirkuk.txt"
    good.write_text("Militants fired four rockets at a military base near Kirkuk on Monday, "
                    "wounding three soldiers, police said.\n")
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02 not a report")
    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    done = run("ingest", "--db", url, "--published", "2024-03-06", str(good), str(bad))
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "scan.txt" in errors[0] and "[E103]" in errors[0]
    assert done.stdout.strip().startswith("2 reports read: 1 new, 0 unchanged, 1 failed")
    listed = run("events", "--json", "--db", url).stdout.splitlines()
    assert len(listed) == 1 and "Kirkuk" in json.loads(listed[0])["location"]["name"]


def test_bad_database_urls_are_coded_errors(tmp_path: Path) -> None:
    wrong = run("events", "--db", "mysql://localhost/x")
    assert wrong.returncode == 1 and "[E504]" in wrong.stderr
    closed = run("events", "--db", "postgresql://postgres@127.0.0.1:1/none")
    assert closed.returncode == 1 and "[E501]" in closed.stderr
    backwards = run("tally", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "--since", "2024-02-01",
                    "--until", "2024-01-01")
    assert backwards.returncode == 2
