"""The web-archive reader: WARC and ARC files, gzip-compressed or not (warcio).

Records are read one at a time from the stream, so a 5 GB archive takes the memory of
its largest record. Kept: successful (2xx) HTTP responses, and resource records, whose
content is HTML or plain text, each one report named ``<archive>#<n>`` (n counting the
kept records from 1). The record's target URI becomes the report's URL, and its date
the report's publication date when the page itself gives none (``published_source``
``archive``: a crawl date, so the latest the report can have been published).
"""

from __future__ import annotations

import dataclasses
import logging
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warlog.errors import UnreadableInput
from warlog.ingest.dates import parse_iso_day
from warlog.ingest.document import Origin
from warlog.ingest.fetch import FetchRules
from warlog.ingest.html import read_html
from warlog.ingest.text import read_text
from warlog.model import Document
from warlog.registry import readers

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
ARCHIVE_TYPES = ("application/warc", "application/x-arc")


def looks_like_archive(inner: bytes) -> bool:
    """Whether (decompressed) first bytes open a WARC or an ARC file."""
    return inner.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://"))


class _QuietIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, which writes a three-line warning with raw bytes to stderr for
    each record not followed by a blank line: counted here, told in one line instead."""

    INC_RECORD = ""


class _CutShort(Exception):
    """The archive ended inside a record."""


def read_archive(stream: BinaryIO, *, origin: Origin,
                 rules: FetchRules) -> Iterator[Document | UnreadableInput]:
    """A report per kept record, in the archive's order; truncation named at the end."""
    records = _QuietIterator(stream, arc2warc=True)
    kept = seen = 0
    try:
        for record in records:
            seen += 1
            media = _media_type(record)
            if media is None:
                continue
            kept += 1
            name = f"{origin.name}#{kept}"
            yield from _record_document(record, media, name=name, origin=origin, rules=rules)
    except _CutShort as err:
        yield UnreadableInput("E148", path=origin.name, count=kept - 1, why=str(err))
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError,
            # warcio's own faults on damaged heads: no Content-Type where it expects one
            # (AttributeError), a Content-Length past 2**63 (OverflowError)
            AttributeError, OverflowError) as err:
        why = str(err).splitlines()[0] if str(err) else type(err).__name__
        yield UnreadableInput("E148", path=origin.name, count=kept, why=why)
        return
    if records.err_count:
        log.warning("%s: %d record(s) not followed by a blank line; a Content-Length may be "
                    "wrong", origin.name, records.err_count)
    if seen == 0:
        yield UnreadableInput("E108", path=origin.name)


def _media_type(record: Any) -> str | None:
    """The media type of a record worth reading, else None."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        declared = http.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        declared = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    media = declared.split(";", 1)[0].strip().lower()
    return media if media in HTML_TYPES or media in TEXT_TYPES else None


def _record_document(record: Any, media: str, *, name: str, origin: Origin,
                     rules: FetchRules) -> Iterator[Document | UnreadableInput]:
    body = record.content_stream().read(rules.max_bytes + 1)
    missing = getattr(record.raw_stream, "limit", 0)
    if len(body) <= rules.max_bytes and missing > 0:
        raise _CutShort(f"record {name} lacks {missing} of its {record.length} bytes")
    if len(body) > rules.max_bytes:
        yield UnreadableInput("E145", path=name, limit=rules.max_bytes)
        return
    uri = record.rec_headers.get_header("WARC-Target-URI")
    stamp = record.rec_headers.get_header("WARC-Date") or ""
    crawled = parse_iso_day(stamp) if stamp else None
    given = Origin(name=name, url=uri or None, published=origin.published,
                   published_source=origin.published_source)
    reader = read_html if media in HTML_TYPES else read_text
    try:
        doc = reader(body, origin=given)
    except UnreadableInput as err:
        yield err
        return
    if doc.published is None and crawled is not None:
        doc = dataclasses.replace(doc, published=crawled, published_source="archive")
    yield doc


readers.register("warlog.warc.v1", many=True, order=10, media_types=ARCHIVE_TYPES,
                 suffixes=(".warc", ".arc", ".warc.gz", ".arc.gz"),
                 names=(".warc", ".arc", ".warc.gz", ".arc.gz"),
                 sniff=lambda head, inner: looks_like_archive(inner))(read_archive)
