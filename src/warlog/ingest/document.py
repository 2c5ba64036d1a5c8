"""What a reader knows before and after reading a page, and the Document it returns."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from warlog.errors import UnreadableInput
from warlog.model import Document, Dropped, PublishedSource, UrlSource


@dataclass(frozen=True, slots=True, kw_only=True)
class Origin:
    """What is known about a report before reading it: its name and any given metadata."""

    # published comes from the command line or the sidecar (published_source says which)
    # and outranks anything a reader finds in the page.

    name: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    published_source: PublishedSource = "none"


@dataclass(frozen=True, slots=True, kw_only=True)
class PageFacts:
    """What a reader found in the page itself; used where the Origin says nothing."""

    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    published_source: PublishedSource = "none"


class Reader(Protocol):
    """The shape of a registered reader: a report's bytes and origin in, a Document out."""

    def __call__(self, raw: bytes, *, origin: Origin) -> Document: ...


def document_id(text: str) -> str:
    """The sha256 hex digest of the normalised text: same text, same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_document(
    text: str, *, dropped: tuple[Dropped, ...], origin: Origin, facts: PageFacts
) -> Document:
    """The Document for a report's main text; raises E104 when no text is left."""
    if not text:
        raise UnreadableInput("E104", path=origin.name)
    dated = origin if origin.published is not None else facts
    # The page's own claim of its address never overrides the origin's: a stranger's
    # page naming another outlet's URL would otherwise pass for a version of it.
    url_source: UrlSource = "origin" if origin.url else "page" if facts.url else "none"
    return Document(
        id=document_id(text),
        path=origin.name,
        url=origin.url or facts.url,
        outlet=origin.outlet or facts.outlet,
        title=origin.title or facts.title,
        published=dated.published,
        published_source=dated.published_source if dated.published is not None else "none",
        text=text,
        dropped=dropped,
        url_source=url_source,
    )
