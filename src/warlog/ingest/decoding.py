"""Bytes to str: UTF-8 first, a single-byte fallback only for what is clearly text."""

from __future__ import annotations

import codecs
import logging
import re

from warlog.errors import UnreadableInput

log = logging.getLogger(__name__)

# Control characters other than tab, newline, form feed and carriage return do not occur
# in prose; a few per cent of them means an image, archive or office file.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
# Legacy-encoded prose is mostly ASCII with a few accented letters; compressed or
# encrypted data is about half high bytes.
_MAX_HIGH_BYTE_SHARE = 0.3
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|\?xml|meta|title|article|main|section|div|p|h[1-6])\b",
    re.IGNORECASE | re.DOTALL,
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def decode_text(raw: bytes, *, name: str, fallback: str = "cp1252") -> str:
    """Decode a report's bytes, raising E103 for binary data and E105 for undecodable text."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_strict(raw, "utf-16", name=name)
    if b"\x00" in raw:
        raise UnreadableInput("E103", path=name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        utf8_error = err
    if _looks_binary(raw):
        raise UnreadableInput("E103", path=name)
    text = _decode_strict(raw, fallback, name=name, first_error=utf8_error)
    log.info("%s: not UTF-8, read as %s", name, fallback)
    return text


def _decode_strict(
    raw: bytes, encoding: str, *, name: str, first_error: UnicodeDecodeError | None = None
) -> str:
    """Decode with one codec or raise E105 naming the first bad byte."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as err:
        shown = first_error or err
        why = f"byte 0x{raw[shown.start]:02x} at offset {shown.start}"
        raise UnreadableInput("E105", path=name, why=why) from None


def _looks_binary(raw: bytes) -> bool:
    """Whether bytes that are not UTF-8 look like data rather than legacy-encoded prose."""
    sample = raw[:65536]
    text = sample.decode("latin-1")
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        return True
    high = sum(1 for byte in sample if byte >= 0x80)
    return high > _MAX_HIGH_BYTE_SHARE * len(sample)


def looks_like_html(raw: bytes) -> bool:
    """Whether bytes of unknown type (stdin, an odd suffix) start like an HTML page."""
    return _HTML_START.match(raw[:4096]) is not None


def declared_charset(raw: bytes) -> str:
    """The charset a page declares in a <meta> tag, if Python knows it, else cp1252."""
    found = _DECLARED_CHARSET.search(raw[:8192])
    if found is None:
        return "cp1252"
    label = found.group(1).decode("ascii", "replace")
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return "cp1252"
    # A page that says UTF-8 but is not valid UTF-8 was usually saved by a Windows tool.
    return "cp1252" if codec in {"utf-8", "latin-1", "iso8859-1", "ascii"} else codec
