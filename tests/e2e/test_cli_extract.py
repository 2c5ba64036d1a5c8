"""`warlog extract` as a user runs it: real files, real subprocess, exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seed" / "al-asad-report.txt"

REPORT = (
    "Rocket attack hits base\n\n"
    "Militants fired four rockets at a military base near Kirkuk on Monday, wounding three "
    "soldiers, police said. The attack also damaged two vehicles.\n"
)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warlog", *args], input=stdin,
                          capture_output=True, text=True, check=False, cwd=REPO)


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    path = tmp_path / "kirkuk.txt"
    path.write_text(REPORT)
    return path


def test_json_lines_one_object_per_report_and_deterministic(report: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(REPORT.replace("Kirkuk", "Mosul"))
    first = run("extract", "--json", "--published", "2024-03-06", str(report), str(other))
    second = run("extract", "--json", "--published", "2024-03-06", str(report), str(other))
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    lines = first.stdout.splitlines()
    assert len(lines) == 2
    data = json.loads(lines[0])
    assert data["document"]["path"] == str(report)
    assert data["document"]["published"] == "2024-03-06"
    assert data["document"]["published_source"] == "cli"
    assert len(data["events"]) == 1
    event = data["events"][0]
    assert event["weapon"] == "rocket"
    assert event["time"]["start"] == "2024-03-04"
    assert event["injured"][0]["best"] == 3


def test_missing_input_is_named_and_others_still_processed(report: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    done = run("extract", "--json", str(missing), str(report))
    assert done.returncode == 1
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 1 and str(missing) in errors[0] and "E101" in errors[0]
    assert len(done.stdout.splitlines()) == 1


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\x00\x01\x02binary\x00"])
def test_empty_or_binary_input_fails_with_one_line(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    done = run("extract", "--json", str(bad))
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and str(bad) in done.stderr
    assert done.stdout == ""


def test_bad_usage_exits_2_with_usage_line() -> None:
    done = run("extract")
    assert done.returncode == 2
    assert "Usage:" in done.stderr
    done = run("extract", "--published", "yesterday", "x.txt")
    assert done.returncode == 2 and "YYYY-MM-DD" in done.stderr


def test_stdin_and_folder_with_skipped_file(report: Path, tmp_path: Path) -> None:
    done = run("extract", "--json", "--published", "2024-03-06", "-", stdin=REPORT)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["document"]["path"] == "-"
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    done = run("extract", "--json", str(tmp_path))
    assert done.returncode == 0
    assert "notes.pdf" in done.stderr and "skipped" in done.stderr
    assert len(done.stdout.splitlines()) == 1


def test_readable_summary_lists_events(report: Path) -> None:
    done = run("extract", "--published", "2024-03-06", str(report))
    assert done.returncode == 0
    assert "1 events" in done.stdout
    assert "2024-03-04" in done.stdout and "rocket" in done.stdout


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed not found")
def test_seed_furniture_dropped_and_spans_point_into_text() -> None:
    done = run("extract", "--json", "--with-text", "--published", "2023-11-22", str(SEED))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    text = data["document"]["text"]
    kinds = {d["kind"] for d in data["document"]["dropped"]}
    assert "comment" in kinds
    assert "Iron Dome" not in text and "Leave a comment" not in text
    assert data["document"]["text_chars"] == len(text)
    for event in data["events"]:
        for span in event["evidence"]:
            assert 0 <= span["start"] < span["end"] <= len(text)
        for role in ("attacker", "target"):
            if event[role]:
                span = event[role]["span"]
                assert text[span["start"]:span["end"]].startswith(event[role]["text"][:5])
