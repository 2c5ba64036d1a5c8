"""Every source as a stream of reports: a file or stdin may hold one report (text,
HTML) or many (a feed, a web archive, a gzip of either), and a URL is fetched first.

The reader is chosen by content as well as by name: the registered readers that yield
many reports (``many=True`` in the registry) each recognise their first bytes
(``sniff``), in their registered ``order``, then their names (``names``: a ``.rss``
that is no feed is a damaged feed); what none of them claims goes to
``warlog.ingest.sources.read_source``, which picks text or HTML by suffix, else by
sniffing. So ``news.xml`` is read as a feed when it is one, and as a report when it
is not; a ``.warc.gz`` is an archive, any other ``.gz`` is decompressed and read by
what is inside.

Failures come out in the stream as ``UnreadableInput`` values, each naming its input
(``feed.xml#3`` for a feed's third item), so one bad item never stops the others.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

from warlog.errors import UnreadableInput
from warlog.ingest import archives as _archives  # noqa: F401  (registers warlog.warc.v1)
from warlog.ingest import compressed as _compressed  # noqa: F401  (registers warlog.gzip.v1)
from warlog.ingest import feeds as _feeds  # noqa: F401  (registers warlog.feed.v1)
from warlog.ingest.compressed import GZIP_MAGIC, gunzip_head
from warlog.ingest.decoding import looks_like_html
from warlog.ingest.document import Origin
from warlog.ingest.fetch import FetchRules, fetch, is_url
from warlog.ingest.html import read_html
from warlog.ingest.sources import READER_BY_SUFFIX, Limits, Source, read_source, read_stream
from warlog.ingest.text import read_text
from warlog.model import Document
from warlog.registry import Entry, readers
from warlog.settings import load_settings

HEAD_BYTES = 8192
Item = Document | UnreadableInput


def default_rules() -> FetchRules:
    return FetchRules.from_settings(load_settings())


def many_reader(name: str, head: bytes) -> Entry[Any] | None:
    """The registered many-report reader for a file: the first (by ``order``) whose
    ``sniff`` recognises its first bytes; else one that claims its name (``names``), so
    a damaged ``.rss`` or ``.warc`` is named as a damaged feed or archive."""
    inner = gunzip_head(head) if head.startswith(GZIP_MAGIC) else head
    many = sorted((e for e in readers if e.meta.get("many")), key=lambda e: e.meta.get("order", 100))
    for entry in many:
        sniff = entry.meta.get("sniff")
        if sniff is not None and sniff(head, inner):
            return entry
    lowered = name.lower()
    for entry in many:
        if any(lowered.endswith(suffix) for suffix in entry.meta.get("names", ())):
            return entry
    return None


def documents_of(source: Source, *, published: date | None = None,
                 stdin: BinaryIO | None = None, rules: FetchRules | None = None,
                 limits: Limits | None = None) -> Iterator[Item]:
    """The reports of one source, in order; failures as values naming the input.

    ``limits`` bound what is read of a single file or of stdin (archives and feeds are
    read record by record, each record up to the fetch rules' size cap)."""
    rules = rules or default_rules()
    limits = limits or Limits()
    if is_url(source.name):
        yield from url_documents(source.name, published=published, rules=rules)
        return
    origin = Origin(name=source.name, published=published,
                    published_source="cli" if published else "none")
    if source.path is None:
        try:
            raw = read_stream(stdin if stdin is not None else getattr(sys.stdin, "buffer", None),
                              name=source.name, limit=limits.max_bytes)
        except UnreadableInput as err:
            yield err
            return
        entry = many_reader(source.name, raw[:HEAD_BYTES])
        if entry is not None:
            yield from entry.func(io.BytesIO(raw), origin=origin, rules=rules)
            return
        yield from _single(source, published=published, stdin=io.BytesIO(raw), limits=limits)
        return
    entry = _file_reader(source)
    if entry is None:
        yield from _single(source, published=published, stdin=stdin, limits=limits)
        return
    try:
        with source.path.open("rb") as stream:
            yield from entry.func(stream, origin=origin, rules=rules)
    except OSError as err:
        yield UnreadableInput("E102", path=source.name, why=err.strerror or str(err))


def _file_reader(source: Source) -> Entry[Any] | None:
    assert source.path is not None
    if not source.path.is_file():
        return None     # a FIFO or a device is never opened here: read_source refuses it (E102)
    try:
        with source.path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
    except OSError:
        return None     # read_source names what is wrong (E101, E102)
    return many_reader(source.name, head)


def _single(source: Source, *, published: date | None, stdin: BinaryIO | None,
            limits: Limits) -> Iterator[Item]:
    try:
        yield read_source(source, published=published, stdin=stdin, limits=limits)
    except UnreadableInput as err:
        yield err


def read_bytes(raw: bytes, *, origin: Origin, inner_name: str, rules: FetchRules,
               media_type: str = "") -> Iterator[Item]:
    """Reports in bytes already in memory (a fetched page, a decompressed file)."""
    entry = many_reader(inner_name, raw[:HEAD_BYTES])
    if entry is not None:
        yield from entry.func(io.BytesIO(raw), origin=origin, rules=rules)
        return
    suffix = "." + inner_name.rsplit(".", 1)[-1].lower() if "." in inner_name else ""
    by_name = READER_BY_SUFFIX.get(suffix)
    html = (media_type in ("text/html", "application/xhtml+xml") or by_name == "warlog.html.v1"
            or (by_name is None and media_type != "text/plain" and looks_like_html(raw)))
    try:
        yield (read_html if html else read_text)(raw, origin=origin)
    except UnreadableInput as err:
        yield err


def url_documents(url: str, *, published: date | None, rules: FetchRules) -> Iterator[Item]:
    """Fetch a page under the rules and read what it holds (a page, a feed, an archive)."""
    try:
        page = fetch(url, rules=rules)
    except UnreadableInput as err:
        yield err
        return
    origin = Origin(name=url, url=page.url, published=published,
                    published_source="cli" if published else "none")
    yield from read_bytes(page.body, origin=origin, inner_name=url.split("?", 1)[0],
                          rules=rules, media_type=page.content_type)
