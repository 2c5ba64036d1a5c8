"""Every reader and extraction, over hostile input: a result or one coded line naming it.

The CI-sized half of issue 15's fuzzing (bench/fuzz.py runs 10,000+ cases): hypothesis
over raw bytes and over text of every script, then a seeded run of the fuzz generator's
cases (bench/fuzzcases.py: encodings, nesting, long lines, odd names, links, FIFOs).
"""

from __future__ import annotations

import io
import logging
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warlog.errors import UnreadableInput, WarlogError
from warlog.ingest.sources import Limits, Source, read_source

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from fuzzcases import KINDS, heavy_cases, random_case, run_case

NAMES = st.sampled_from(["r.txt", "r.html", "-", "r.htm", "r"])
# Text a report may hold: Latin, Arabic, Hebrew, CJK, emoji, controls and bidi marks.
HOSTILE_TEXT = st.lists(st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(list("هاجمמתקפה東京💥🇺🇦\u202e\u2066\u200d\x00\x1b\x9b\r\n\t<>&\"'")),
    st.sampled_from(["attack", " killed ", " in Baghdad", " on Monday", ". ", "\n\n", "3 "])),
    max_size=300).map("".join)


def read_bytes(raw: bytes, name: str) -> object:
    """read_source on the bytes, as a file of that name would be read (stdin for "-")."""
    source = Source(name=name, path=None)
    return read_source(source, stdin=io.BytesIO(raw), limits=Limits(max_bytes=1 << 16))


def assert_one_line_naming(err: WarlogError, name: str) -> None:
    message = str(err)
    assert message.startswith(f"[{err.code}] ") and "\n" not in message
    assert name in message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=4096), name=NAMES)
def test_any_bytes_give_a_document_or_one_coded_line(raw: bytes, name: str) -> None:
    try:
        read_bytes(raw, name)
    except UnreadableInput as err:
        assert_one_line_naming(err, name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=HOSTILE_TEXT, codec=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be",
                                                 "latin-1", "cp1252", "shift_jis"]),
       html=st.booleans())
def test_any_text_in_any_encoding_reads_or_says_why(text: str, codec: str, html: bool) -> None:
    body = f"<html><body><article><p>{text}</p></article></body></html>" if html else text
    try:
        read_bytes(body.encode(codec, "replace"), "r.html" if html else "r.txt")
    except UnreadableInput as err:
        assert_one_line_naming(err, "r.html" if html else "r.txt")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(text=HOSTILE_TEXT)
def test_extraction_of_any_text_gives_a_report(resources: Any, text: str) -> None:
    from warlog.pipeline import parse_texts, read_parsed

    try:
        doc = read_bytes(text.encode(), "r.txt")
    except UnreadableInput:
        return
    (parsed,) = parse_texts([doc.text], nlp=resources.nlp)  # type: ignore[attr-defined]
    report = read_parsed(doc, parsed, resources=resources)  # type: ignore[arg-type]
    for event in report.events:
        for span in event.evidence:
            assert 0 <= span.start <= span.end <= len(report.document.text)


def test_a_seeded_run_of_the_fuzz_cases_has_no_failure(resources: Any, tmp_path: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    rng = random.Random(1515)
    caplog.set_level(logging.ERROR)
    outcomes = []
    for i in range(300):
        case = random_case(rng, i)
        outcomes.append(run_case(case, tmp_path / str(i), resources=resources,
                                 extract=i % 8 == 0))
    failures = [o for o in outcomes if o.failed]
    assert not failures, failures[:5]
    assert {o.kind.split(":")[0] for o in outcomes} == set(KINDS), "every kind was run"
    assert any(o.status == "extracted" for o in outcomes)
    assert any(o.status.startswith("error:") for o in outcomes)


@pytest.mark.parametrize("case", [c for c in heavy_cases() if c.kind in ("nesting-10000", "5MB-line")],
                         ids=lambda c: c.kind)
def test_heavy_cases_are_read_and_extracted(resources: Any, tmp_path: Path, case: Any) -> None:
    # the 50 MB page and the longer 10,000 paragraphs take minutes: bench/fuzz.py runs them
    outcome = run_case(case, tmp_path, resources=resources, extract=True)
    assert outcome.status in ("extracted", "error:E104"), outcome


def test_a_report_of_ten_thousand_paragraphs_is_read_within_the_limits(
        resources: Any, tmp_path: Path) -> None:
    from fuzzcases import STORY, Case

    text = "\n\n".join(STORY if i % 100 == 0 else f"Talks ({i})." for i in range(10_000))
    case = Case("10000-paragraphs", "paragraphs.txt", text.encode())
    outcome = run_case(case, tmp_path, resources=resources, extract=True)
    assert outcome.status == "extracted", outcome
