"""Encodings and deep markup (issue 15, finding 7): read right, or say what was done."""

from __future__ import annotations

import logging

import pytest

from warlog.errors import UnreadableInput
from warlog.ingest import Origin, read_html, read_text

STORY = ("Gunmen attacked a police station on the edge of the city before dawn on Friday, "
         "officials said, and two officers were wounded in the exchange of fire.")
ORIGIN = Origin(name="page")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(codec: str) -> None:
    text = f"{STORY}\n\nLe café, 東京 — «ça va».\n"
    doc = read_text(text.encode(codec), origin=ORIGIN)
    assert doc.text == text.strip()


def test_binary_with_nul_bytes_is_still_refused() -> None:
    with pytest.raises(UnreadableInput, match="E103"):
        read_text(bytes(range(256)) * 40, origin=ORIGIN)


def test_mixed_utf8_and_latin1_lines_each_read_right_with_a_notice(
        caplog: pytest.LogCaptureFixture) -> None:
    raw = (f"Café owners said: {STORY}\n\n".encode()
           + f"Le café d'en face, {STORY}\n".encode("latin-1"))
    with caplog.at_level(logging.WARNING):
        doc = read_text(raw, origin=ORIGIN)
    assert "Ã" not in doc.text
    assert doc.text.count("café") == 1 and doc.text.count("Café") == 1
    (notice,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "page" in notice and "1 of 2 lines" in notice and "Windows-1252" in notice


def test_latin1_alone_is_read_as_windows_1252_with_a_notice(
        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        doc = read_text(f"Le café: {STORY}".encode("cp1252"), origin=ORIGIN)
    assert doc.text.startswith("Le café")
    assert any("not UTF-8" in r.getMessage() for r in caplog.records)


def page(body: str, *, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}<title>Police station attacked</title></head>" \
           f"<body><article><p>{body}</p><p>{STORY}</p></article></body></html>"


def test_a_page_declaring_utf16_in_ascii_bytes_is_read_as_utf8_then_1252() -> None:
    # a <meta> readable as ASCII cannot be UTF-16: browsers read such pages as UTF-8
    raw = page("Le café d'en face.", head='<meta charset="utf-16">').encode("cp1252")
    doc = read_html(raw, origin=ORIGIN)
    assert "Le café d'en face." in doc.text


def test_a_page_declaring_shift_jis_is_read_in_it() -> None:
    body = "東京の警察署が金曜日に襲撃された。" * 30   # mostly high bytes in Shift_JIS
    raw = page(body, head='<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')
    doc = read_html(raw.encode("shift_jis"), origin=ORIGIN)
    assert body in doc.text and STORY in doc.text


@pytest.mark.parametrize("depth", [300, 10_000])
def test_deeply_nested_markup_keeps_its_text(depth: int) -> None:
    raw = ("<html><body>" + "<div>" * depth + f"<p>{STORY}</p><p>Police said two men were "
           f"arrested.</p>" + "</div>" * depth + "</body></html>").encode()
    doc = read_html(raw, origin=ORIGIN)
    assert STORY in doc.text


def test_deep_markup_with_no_text_is_not_blamed_on_furniture() -> None:
    raw = ("<html><body>" + "<div>" * 5000 + "</div>" * 5000 + "</body></html>").encode()
    with pytest.raises(UnreadableInput, match="E104"):
        read_html(raw, origin=ORIGIN)
