"""The normalised text that SPAN offsets count into: minimal, so offsets stay meaningful."""

from __future__ import annotations

import re
import unicodedata

_BLANK_RUN = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """Apply the contract's normalisation: newlines, NFC, trailing spaces, blank runs, ends."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    # Spaces inside a line are kept as they are: gold offsets of evaluation texts count them.
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", text).strip()


def collapse_spaces(text: str, *, limit: int | None = None) -> str:
    """Whitespace runs as single spaces, for previews and comparisons, never for the text."""
    collapsed = " ".join(text.split())
    return collapsed if limit is None else collapsed[:limit]
