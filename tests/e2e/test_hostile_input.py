"""Hostile inputs and outputs, as a user meets them (issue 15, findings 1, 5, 7 and 8).

Every case is a real `warlog` subprocess: it must end with a result or one coded error
line naming the input, never a traceback or a hang, and the good report given after the
bad one is still read. Subprocess timeouts only stop a hang from stalling the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GOOD = ("Rocket attack hits base\n\nMilitants fired four rockets at a military base near "
        "Kirkuk on Monday, wounding three soldiers, police said.\n")
HANG = 180  # seconds: far beyond any of these cases; only a hang reaches it
# The million-character text is read in windows: about 2 min on a loaded 2-core machine
# (343 s with two other such reads beside it, the same before and after 2026-12-06's
# reading changes), so its guard is wider; it still only stops a hang.
LONG_HANG = 900


def run(*args: str, env: dict[str, str] | None = None, timeout: float = HANG,
        **popen: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "warlog", *args], capture_output=True,
                          check=False, cwd=REPO, timeout=timeout,
                          env={**os.environ, **(env or {})}, **popen)  # type: ignore[call-overload]


def lines(stream: bytes) -> list[str]:
    return stream.decode("utf-8", "replace").splitlines()


def assert_clean(done: subprocess.CompletedProcess[bytes]) -> None:
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert all(line.startswith(("Error: [", "Notice: ")) for line in err.splitlines()), err


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD)
    return path


# --- finding 1: long texts ------------------------------------------------------------


def test_text_over_spacys_max_length_is_read_in_windows(tmp_path: Path, good: Path) -> None:
    big = tmp_path / "big.txt"
    # 1,080,000 characters, spaCy's E088 before; long words keep the parse short here
    big.write_text("Abcdefghijklmnopqrstuvwxy. " * 40_000)
    done = run("extract", "--json", str(big), str(good), timeout=LONG_HANG)
    assert_clean(done)
    assert done.returncode == 0, done.stderr
    reports = [json.loads(line) for line in lines(done.stdout)]
    assert [r["document"]["path"] for r in reports] == [str(big), str(good)]
    assert reports[0]["document"]["text_chars"] > 1_000_000
    assert reports[1]["events"], "the report after the long one is still read"


def test_text_beyond_the_cap_is_cut_with_a_notice(tmp_path: Path, good: Path) -> None:
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(GOOD.strip() for _ in range(40)))
    done = run("extract", "--json", str(long), str(good), env={"WARLOG_MAX_TEXT_CHARS": "1000"})
    assert_clean(done)
    assert done.returncode == 0
    first = json.loads(lines(done.stdout)[0])
    assert first["document"]["text_chars"] <= 1000
    notices = [line for line in lines(done.stderr) if line.startswith("Notice: ")]
    assert len(notices) == 1 and str(long) in notices[0] and "1,000" in notices[0]


def test_a_five_megabyte_line_without_spaces(tmp_path: Path, good: Path) -> None:
    line = tmp_path / "line.txt"
    line.write_bytes(b"(" * 5_000_000)       # quadratic in spaCy's tokenizer as one token
    done = run("extract", "--json", str(line), str(good))
    assert_clean(done)
    assert lines(done.stdout)[-1].startswith("{") and str(good) in lines(done.stdout)[-1]


def test_input_beyond_the_byte_cap_is_cut_with_a_notice(tmp_path: Path, good: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(GOOD * 200)
    done = run("extract", "--json", str(page), str(good), env={"WARLOG_MAX_INPUT_BYTES": "4000"})
    assert_clean(done)
    assert done.returncode == 0
    assert any(str(page) in n and "4,000 bytes" in n for n in lines(done.stderr))


def test_time_limit_skips_a_report_and_reads_the_next(tmp_path: Path, good: Path) -> None:
    # The limit counts reading after the parse: 1,200 paragraphs take about two seconds to
    # read here (a fast machine read 600 in under one), the good report a hundredth of one.
    # A quarter of a second sits far from both, so machine speed does not decide the case.
    slow = tmp_path / "slow.txt"
    slow.write_text("\n\n".join(f"A drone attack killed {i % 9 + 2} people in Baghdad on "
                                f"Monday, officials said ({i})." for i in range(1200)))
    done = run("extract", "--json", str(slow), str(good), env={"WARLOG_TIME_LIMIT": "0.25"})
    assert_clean(done)
    assert done.returncode == 1
    errors = [line for line in lines(done.stderr) if line.startswith("Error: ")]
    assert len(errors) == 1 and "E204" in errors[0] and str(slow) in errors[0]
    assert [json.loads(line)["document"]["path"] for line in lines(done.stdout)] == [str(good)]


# --- finding 8: odd inputs and outputs ------------------------------------------------


def test_a_fifo_named_txt_is_skipped_not_waited_on(tmp_path: Path, good: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done = run("extract", "--json", str(fifo), str(good), timeout=60)
    assert_clean(done)
    assert done.returncode == 1
    (error,) = [line for line in lines(done.stderr) if line.startswith("Error: ")]
    assert "E102" in error and str(fifo) in error and "not a regular file" in error
    assert len(lines(done.stdout)) == 1


def test_a_fifo_in_a_folder_is_skipped_too(tmp_path: Path, good: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    done = run("extract", "--json", str(tmp_path), timeout=60)
    assert_clean(done)
    assert [json.loads(line)["document"]["path"] for line in lines(done.stdout)] == [str(good)]


def test_dev_zero_linked_as_txt_is_not_read_forever(tmp_path: Path, good: Path) -> None:
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    done = run("extract", "--json", str(zero), str(good), timeout=60)
    assert_clean(done)
    assert done.returncode == 1
    assert any("E102" in line and str(zero) in line for line in lines(done.stderr))


def test_dev_zero_on_stdin_is_read_up_to_the_cap(good: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        done = run("extract", "--json", "-", str(good), stdin=zero, timeout=60,
                   env={"WARLOG_MAX_INPUT_BYTES": "100000"})
    assert_clean(done)
    assert done.returncode == 1
    assert any("E103" in line for line in lines(done.stderr))
    assert len(lines(done.stdout)) == 1


def test_a_symlink_loop_is_named(tmp_path: Path, good: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    done = run("extract", "--json", str(tmp_path / "a.txt"), str(good))
    assert_clean(done)
    assert done.returncode == 1 and len(lines(done.stdout)) == 1
    assert any("E102" in line and "a.txt" in line for line in lines(done.stderr))


def test_closed_stdin_is_one_error_line(good: Path) -> None:
    done = subprocess.run(["sh", "-c", f'exec "$0" -m warlog extract --json - {good} <&-',
                           sys.executable], capture_output=True, check=False, cwd=REPO,
                          timeout=HANG)
    assert_clean(done)
    assert done.returncode == 1
    assert any(line.startswith("Error: [E102] -:") for line in lines(done.stderr))
    assert len(lines(done.stdout)) == 1


def test_full_disk_on_stdout_is_one_error_line(good: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "warlog", "extract", "--json", str(good)],
                              stdout=full, stderr=subprocess.PIPE, check=False, cwd=REPO,
                              timeout=HANG)
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert err.splitlines() == [err.splitlines()[0]] and "E801" in err


def test_closed_stdout_is_an_error_not_lost_output(good: Path) -> None:
    done = subprocess.run(["sh", "-c", f'exec "$0" -m warlog extract --json {good} >&-',
                           sys.executable], stderr=subprocess.PIPE, check=False, cwd=REPO,
                          timeout=HANG)
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert "Traceback" not in err and "E801" in err


# --- finding 5: file names --------------------------------------------------------------


def test_a_long_file_name_is_read(tmp_path: Path, good: Path) -> None:
    long = tmp_path / ("r" * 250 + ".txt")      # its sidecar's name passes 255 bytes
    long.write_text(GOOD)
    done = run("extract", "--json", str(long), str(good))
    assert_clean(done)
    assert done.returncode == 0 and len(lines(done.stdout)) == 2


def test_a_non_utf8_file_name_is_read_and_stored(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    name = os.path.join(folder, b"caf\xe9.txt")
    with open(name, "wb") as out:
        out.write(GOOD.encode())
    done = run("extract", "--json", os.fsdecode(name))
    assert_clean(done)
    assert done.returncode == 0
    assert json.loads(done.stdout)["document"]["path"].endswith("caf\\xe9.txt")
    db = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    stored = run("ingest", "--db", db, os.fsdecode(folder))
    assert_clean(stored)
    assert stored.returncode == 0, stored.stderr
    assert b"1 new" in stored.stdout


def test_escape_codes_in_file_names_never_reach_the_terminal(tmp_path: Path) -> None:
    name = tmp_path / "\x1b]0;owned\x07\x1b[31mred\x9b2J.txt"
    name.write_text(GOOD)
    missing = tmp_path / "\x1b[2Jgone.txt"
    done = run("extract", str(name), str(missing))
    assert done.returncode == 1
    for stream in (done.stdout, done.stderr):
        text = stream.decode()
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text, text
    assert "\\x1b]0;owned" in done.stdout.decode()
    db = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    assert run("ingest", "--db", db, str(name)).returncode == 0
    shown = run("events", "--db", db)
    assert shown.returncode == 0 and shown.stdout
    assert "\x1b" not in shown.stdout.decode() and "\x9b" not in shown.stdout.decode()
