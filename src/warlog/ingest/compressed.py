"""The gzip reader: a ``.gz`` report (text, HTML or a feed) decompressed, then read by
the reader its content and inner name call for. A gzip-compressed archive is the
archive reader's, which decompresses record by record itself."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warlog.errors import UnreadableInput
from warlog.ingest.document import Origin
from warlog.ingest.fetch import FetchRules
from warlog.model import Document
from warlog.registry import readers

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16


def gunzip_head(head: bytes, size: int = 8192) -> bytes:
    """The first decompressed bytes of gzip data (as many as the head gives)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, size)
    except zlib.error:
        return b""


def gunzip(stream: BinaryIO, *, name: str, limit: int) -> bytes:
    """Decompress a whole gzip stream (members one after another), at most ``limit`` bytes."""
    out = bytearray()
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    fed = False                     # whether the current member has had any bytes
    try:
        while chunk := stream.read(_CHUNK):
            while chunk:
                fed = True
                out += inflater.decompress(chunk, limit + 1 - len(out))
                if len(out) > limit:
                    raise UnreadableInput("E145", path=name, limit=limit)
                if inflater.eof:    # another member may follow
                    chunk = inflater.unused_data
                    inflater, fed = zlib.decompressobj(16 + zlib.MAX_WBITS), False
                else:
                    chunk = inflater.unconsumed_tail
    except zlib.error as err:
        raise UnreadableInput("E102", path=name, why=f"damaged gzip data: {err}") from None
    if fed and not inflater.eof:
        raise UnreadableInput("E102", path=name, why="the gzip data is cut short")
    return bytes(out)


def read_gzip(stream: BinaryIO, *, origin: Origin,
              rules: FetchRules) -> Iterator[Document | UnreadableInput]:
    """The decompressed report (or feed items), named as the compressed file is."""
    from warlog.ingest.streams import read_bytes

    try:
        raw = gunzip(stream, name=origin.name, limit=rules.max_bytes)
    except UnreadableInput as err:
        yield err
        return
    inner = origin.name[:-3] if origin.name.lower().endswith(".gz") else origin.name
    yield from read_bytes(raw, origin=origin, inner_name=inner, rules=rules)


readers.register("warlog.gzip.v1", many=True, order=30, media_types=("application/gzip",),
                 suffixes=(".gz",), names=(".gz",), sniff=lambda head, inner: head.startswith(GZIP_MAGIC))(read_gzip)
