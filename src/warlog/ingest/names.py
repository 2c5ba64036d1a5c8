"""An input's name as warlog shows and stores it: valid UTF-8, nothing a terminal obeys.

A file name is bytes. One that is not UTF-8 reaches Python with surrogate escapes, which
no UTF-8 output or database accepts; one holding escape codes would drive the terminal
it is printed on ("\\x1b]0;…" retitles the window, "\\x1b[2J" clears it). The path used to
open the file stays as it was; only the name shown and stored is spelled out: undecodable
bytes as ``\\xNN``, control and bidirectional-override characters as ``\\xNN`` or
``\\uNNNN``.
"""

from __future__ import annotations

import os
import re
import unicodedata

# Bidirectional embeddings, overrides and isolates reorder the text around them.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def shown_name(given: str) -> str:
    """The name spelled out (module docstring); a plain name comes back unchanged."""
    name = os.fsencode(given).decode("utf-8", "backslashreplace")
    if name.isprintable():
        return name
    return "".join(_spelled(ch) for ch in name)


def _spelled(ch: str) -> str:
    if ch in _BIDI or unicodedata.category(ch) in ("Cc", "Cs"):
        code = ord(ch)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return ch


def printable(text: str) -> str:
    """Text for a terminal: control characters other than newline and tab spelled out."""
    if text.isprintable():
        return text
    return "".join(ch if ch in "\n\t" else _spelled(ch) for ch in text)


# json.dumps escapes C0 controls but writes DEL, C1 controls and bidi marks as they are.
_JSON_UNSAFE = re.compile("[\u007f-\u009f\u202a-\u202e\u2066-\u2069]")


def printable_json(line: str) -> str:
    """A JSON line for a terminal: what would drive it written as ``\\uNNNN`` escapes,
    which parse back to the same characters."""
    return printable(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", line))
