"""The size limits, the parse windows and a page that asks to fetch things (issue 15)."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.extract.windows import MAX_RUN, parse_texts, windows
from warlog.ingest import Origin, read_html
from warlog.ingest.sources import Limits, Source, read_source
from warlog.settings import SETTINGS

STORY = ("Militants fired four rockets at a military base near Kirkuk on Monday, wounding "
         "three soldiers, police said.")


def test_the_readers_limits_default_to_the_settings() -> None:
    defaults = {s.name: s.default for s in SETTINGS}
    assert Limits().max_bytes == defaults["max_input_bytes"]
    assert Limits().max_chars == defaults["max_text_chars"]


def read(raw: bytes, **limits: int) -> Any:
    return read_source(Source(name="r.txt", path=None), stdin=io.BytesIO(raw),
                       limits=Limits(**limits))


def test_text_is_cut_at_a_paragraph_break_and_the_rest_listed() -> None:
    text = "\n\n".join(f"{i}: {STORY}" for i in range(30))
    doc = read(text.encode(), max_chars=1000)
    assert len(doc.text) <= 1000 and text.startswith(doc.text) and doc.text.endswith("said.")
    assert doc.dropped[-1].kind == "other" and doc.dropped[-1].chars == len(text) - len(doc.text)
    assert doc.id == read(doc.text.encode()).id, "the id is the kept text's"


@pytest.mark.parametrize("text", ["é" * 600, "东" * 600, "😀" * 600])
def test_bytes_are_cut_at_a_whole_character(text: str) -> None:
    for cut in range(995, 1001):
        doc = read(text.encode(), max_bytes=cut)
        assert text.startswith(doc.text) and "\ufffd" not in doc.text


def test_utf16_is_cut_at_a_whole_unit() -> None:
    doc = read(("A" + STORY * 10).encode("utf-16-le"), max_bytes=1001)
    assert doc.text.startswith("AMilitants") and "\ufffd" not in doc.text


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab \n.(")), max_size=3000),
       window=st.integers(min_value=2, max_value=400))
def test_windows_cover_the_text_in_order_each_within_the_size(text: str, window: int) -> None:
    pieces = windows(text, window=window)
    assert "".join(pieces) == text
    assert all(len(p) <= window for p in pieces)
    assert all(pieces[:-1]), "no empty window but perhaps the last"


def test_a_windowed_parse_is_one_doc_over_the_same_text(resources: Any) -> None:
    text = "\n\n".join(f"{i}: {STORY}" for i in range(60)) + " " + "(" * (3 * MAX_RUN + 7) + " end."
    (whole,) = parse_texts([text], nlp=resources.nlp, window=700)
    assert whole.text == text
    assert all(len(t.text) <= MAX_RUN for t in whole)
    for sent in whole.sents:
        assert text[sent.start_char:sent.end_char] == sent.text
    assert sum(1 for e in whole.ents if e.text == "Kirkuk") == 60


@pytest.fixture()
def listener() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request made to it."""
    asked: list[str] = []

    class Record(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Record)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", asked
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_with_refreshes_and_external_resources_fetches_nothing(
        listener: tuple[str, list[str]]) -> None:
    base, asked = listener
    page = (f'<html><head><meta http-equiv="refresh" content="0; url={base}/refresh">'
            f'<link rel="stylesheet" href="{base}/style.css"><link rel="canonical" href="{base}/c">'
            f'<script src="{base}/app.js"></script><base href="{base}/">'
            f'</head><body><article><p>{STORY}</p><img src="{base}/photo.jpg">'
            f'<iframe src="{base}/frame"></iframe><p><a href="{base}/more">More</a> {STORY}</p>'
            f'<object data="{base}/obj"></object><video src="{base}/v.mp4"></video>'
            "</article></body></html>")
    doc = read_html(page.encode(), origin=Origin(name="page.html"))
    assert STORY in doc.text
    assert asked == []


@settings(max_examples=300, deadline=None)
@given(value=st.recursive(st.text() | st.integers() | st.none(),
                          lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
                          max_leaves=10))
def test_json_for_a_terminal_parses_to_the_same_value(value: Any) -> None:
    import json
    import unicodedata

    from warlog.ingest.names import printable_json

    shown = printable_json(json.dumps(value, ensure_ascii=False, sort_keys=True))
    assert json.loads(shown) == value
    assert not any(unicodedata.category(ch) in ("Cc", "Cs") or ch in "\u202e\u2066"
                   for ch in shown)


def test_names_are_spelled_out_for_terminals() -> None:
    import os

    from warlog.ingest.names import printable, shown_name

    assert shown_name("plain name.txt") == "plain name.txt"
    assert shown_name(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"
    assert shown_name("\x1b]0;x\x07\u202e.txt") == "\\x1b]0;x\\x07\\u202e.txt"
    assert printable("a\tb\nc\x1b[2J\x9b") == "a\tb\nc\\x1b[2J\\x9b"
