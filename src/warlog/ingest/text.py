"""The plain-text reader: a scraped or pasted report, furniture and all."""

from __future__ import annotations

import re

from warlog.errors import UnreadableInput
from warlog.ingest.dates import find_dateline
from warlog.ingest.decoding import decode_text
from warlog.ingest.document import Origin, PageFacts, build_document
from warlog.ingest.furniture import drop_furniture
from warlog.ingest.lines import is_headline
from warlog.ingest.normalise import normalise
from warlog.model import Document
from warlog.registry import readers

_BYLINE = re.compile(r"^(?:by|posted|published|updated|from)\b", re.IGNORECASE)
_MIN_TITLE_WORDS = 3


def read_text(raw: bytes, *, origin: Origin) -> Document:
    """Read a plain-text report: decode, normalise, drop furniture, date and title it."""
    text = normalise(decode_text(raw, name=origin.name))
    if not text:
        raise UnreadableInput("E108", path=origin.name)
    stripped = drop_furniture(text)
    published = find_dateline(stripped.text)
    facts = PageFacts(
        title=headline_of(stripped.text),
        published=published,
        published_source="text" if published else "none",
    )
    return build_document(stripped.text, dropped=stripped.dropped, origin=origin, facts=facts)


def headline_of(text: str) -> str | None:
    """The first line when it stands alone and reads as a headline; it stays in the text."""
    first, _, rest = text.partition("\n")
    # A headline is its own paragraph with the story after it.
    if not rest.startswith("\n") or not rest.strip():
        return None
    words = len(first.split())
    if words < _MIN_TITLE_WORDS or not is_headline(first) or _BYLINE.match(first):
        return None
    return first.strip()


# Registered by a call, not a decorator: the registry's decorator is typed for any
# callable, and would hide this function's signature from its typed callers.
readers.register("warlog.text.v1", media_types=("text/plain",))(read_text)
