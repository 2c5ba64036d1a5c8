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
    """Decode a report's bytes, raising E103 for binary data and E105 for undecodable text.

    UTF-8 (a BOM or not) first; UTF-16 by its BOM, or without one by the NUL bytes of its
    ASCII characters; a charset the page declares (``fallback`` other than cp1252) before
    guessing; else line by line, UTF-8 where a line is UTF-8 and ``fallback`` where not,
    with a notice naming the input, so that a file mixing the two is read right in both.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_strict(raw, "utf-16", name=name)
    bomless = _utf16_without_bom(raw)
    if bomless is not None:
        return _decode_strict(raw, bomless, name=name)
    if b"\x00" in raw:
        raise UnreadableInput("E103", path=name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        utf8_error = err
    if fallback != "cp1252":
        try:
            text = raw.decode(fallback)
        except UnicodeDecodeError:
            pass  # the declaration is wrong: guess as for an undeclared page
        else:
            log.info("%s: read as %s, the charset it declares", name, fallback)
            return text
        fallback = "cp1252"
    if _looks_binary(raw):
        raise UnreadableInput("E103", path=name)
    return _by_line(raw, name=name, fallback=fallback, first_error=utf8_error)


def _utf16_without_bom(raw: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes look like UTF-16 text without a BOM: NUL
    as the high byte of most characters (ASCII letters, spaces), on one side only."""
    sample = raw[:4096]
    if len(sample) < 8 or len(sample) % 2 and len(raw) == len(sample):
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.6 and nul_even < 0.1:
        return "utf-16-le"
    if nul_even > 0.6 and nul_odd < 0.1:
        return "utf-16-be"
    return None


def _by_line(raw: bytes, *, name: str, fallback: str, first_error: UnicodeDecodeError) -> str:
    """Each line in UTF-8 if it is UTF-8, else in ``fallback``; a notice says how many."""
    lines = raw.split(b"\n")
    out: list[str] = []
    legacy = 0
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            legacy += 1
            try:
                out.append(line.decode(fallback))
            except UnicodeDecodeError:
                shown = first_error
                why = f"byte 0x{raw[shown.start]:02x} at offset {shown.start}"
                raise UnreadableInput("E105", path=name, why=why) from None
    label = "Windows-1252" if fallback == "cp1252" else fallback
    total = sum(1 for line in lines if line.strip())
    if legacy >= total:
        log.warning("%s: not UTF-8, read as %s", name, label)
    else:
        log.warning("%s: %d of %d lines not UTF-8, read as %s; the others as UTF-8", name,
                    legacy, total, label)
    return "\n".join(out)


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
    # A page that says UTF-8 but is not valid UTF-8 was usually saved by a Windows tool. A
    # declaration of UTF-16 or UTF-32 readable as ASCII is wrong by its own evidence (browsers
    # read such a page as UTF-8, HTML's encoding sniffing rules).
    wrong = {"utf-8", "latin-1", "iso8859-1", "ascii", "utf-16", "utf-16-le", "utf-16-be",
             "utf-32", "utf-32-le", "utf-32-be"}
    return "cp1252" if codec in wrong else codec
