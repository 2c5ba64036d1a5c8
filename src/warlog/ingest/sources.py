"""Where reports come from: files, folders and stdin. The only module here that does I/O."""

from __future__ import annotations

import errno
import logging
import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import BinaryIO

from warlog.errors import UnreadableInput
from warlog.ingest import archives as _archives  # noqa: F401  (registers warlog.warc.v1)
from warlog.ingest import compressed as _compressed  # noqa: F401  (registers warlog.gzip.v1)
from warlog.ingest import feeds as _feeds  # noqa: F401  (registers warlog.feed.v1)
from warlog.ingest import html as _html  # noqa: F401  (registers warlog.html.v1)
from warlog.ingest import text as _text  # noqa: F401  (registers warlog.text.v1)
from warlog.ingest.decoding import looks_like_html
from warlog.ingest.document import Origin, Reader, document_id
from warlog.ingest.furniture import preview
from warlog.ingest.names import shown_name
from warlog.ingest.sidecar import Sidecar, parse_sidecar, sidecar_path
from warlog.model import Document, Dropped, PublishedSource
from warlog.registry import readers

log = logging.getLogger(__name__)

STDIN = "-"
SIDECAR_SUFFIX = ".meta.json"
READER_BY_SUFFIX = {".txt": "warlog.text.v1", ".html": "warlog.html.v1", ".htm": "warlog.html.v1"}
# Files a folder walk also takes: feeds, web archives, gzip files (warlog.ingest.streams
# reads them, many reports to a file).
MANY_SUFFIXES = (".rss", ".atom", ".xml", ".warc", ".arc", ".gz")


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """One report to read: its name as the user will see it, and its path (None for stdin)."""

    name: str
    path: Path | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """How much of one input is read; the defaults are those of the settings
    ``max_input_bytes`` and ``max_text_chars`` (docs/settings.md)."""

    max_bytes: int = 16 * 1024 * 1024
    max_chars: int = 2_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    """A file found in a folder and skipped: worth a line on stderr, not a failure."""

    name: str
    message: str


def find_sources(paths: Sequence[str]) -> tuple[list[Source], list[Notice]]:
    """Expand the user's paths: files as given, folders recursively in sorted order, "-" as stdin."""
    # A path that does not exist still yields a Source, so that reading it reports E101
    # among the other per-input failures rather than stopping the run.
    sources: list[Source] = []
    notices: list[Notice] = []
    for given in paths:
        if given == STDIN:
            sources.append(Source(name=STDIN, path=None))
        elif Path(given).is_dir():
            found, skipped = _walk(Path(given))
            sources += found
            notices += skipped
        elif given.endswith(SIDECAR_SUFFIX):
            notices.append(Notice(name=given, message=f"{given}: skipped (a sidecar, not a report)"))
        else:
            sources.append(Source(name=shown_name(given), path=Path(given)))
    return sources, notices


def _walk(folder: Path) -> tuple[list[Source], list[Notice]]:
    """Reports under a folder, sorted by their path parts; a notice for every other file."""
    sources: list[Source] = []
    notices: list[Notice] = []
    for relative in sorted(_files_under(folder), key=lambda rel: rel.parts):
        name = shown_name(str(folder / relative))
        if relative.name.endswith(SIDECAR_SUFFIX):
            continue
        if relative.suffix.lower() in READER_BY_SUFFIX or relative.suffix.lower() in MANY_SUFFIXES:
            sources.append(Source(name=name, path=folder / relative))
        else:
            notices.append(Notice(name=name, message=f"{name}: skipped (not .txt, .html, .htm, "
                                                     "a feed, an archive or .gz)"))
    return sources, notices


def _files_under(folder: Path) -> list[Path]:
    """Relative paths of the files under a folder, hidden files and folders left out."""
    # Dot-files (.git, .DS_Store, editor swap files) are never reports, and a notice for
    # each object of a .git folder would bury the notices that matter.
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(root).relative_to(folder)
        found += [base / f for f in files if not f.startswith(".")]
    return found


def read_source(source: Source, *, published: date | None = None, stdin: BinaryIO | None = None,
                limits: Limits = Limits()) -> Document:
    """Read one report into a Document; raises UnreadableInput (E101–E108) naming it.

    At most ``limits.max_bytes`` of the input are read and ``limits.max_chars`` of its
    text kept; what lies beyond is cut, with a notice (a warning on the log).
    """
    if source.path is None:
        raw = read_stream(stdin if stdin is not None else getattr(sys.stdin, "buffer", None),
                           name=source.name, limit=limits.max_bytes)
        origin = _origin(source.name, sidecar=Sidecar(), published=published)
        return _capped(_reader(None, raw)(raw, origin=origin), max_chars=limits.max_chars)
    raw = _read_bytes(source.path, name=source.name, limit=limits.max_bytes)
    sidecar = _read_sidecar(source.path, name=source.name, limit=limits.max_bytes)
    origin = _origin(source.name, sidecar=sidecar, published=published)
    doc = _reader(source.path.suffix.lower(), raw)(raw, origin=origin)
    return _capped(doc, max_chars=limits.max_chars)


def _reader(suffix: str | None, raw: bytes) -> Reader:
    """The registered reader for a suffix; for stdin and other suffixes, by sniffing the bytes."""
    name = READER_BY_SUFFIX.get(suffix or "")
    if name is None:
        name = "warlog.html.v1" if looks_like_html(raw) else "warlog.text.v1"
    reader: Reader = readers.get(name).func
    return reader


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"))


def _read_bytes(path: Path, *, name: str, limit: int) -> bytes:
    """A regular file's bytes, at most ``limit``: E101 when it is missing, E102 when it
    cannot be read or is not a regular file (a folder, a FIFO, a device)."""
    # Opened without blocking, then checked: opening a FIFO for reading would otherwise
    # wait for a writer forever, and a device such as /dev/zero never ends.
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise UnreadableInput("E101", path=name) from None
    except OSError as err:
        if err.errno == errno.EISDIR:
            raise UnreadableInput("E102", path=name, why="it is a folder") from None
        raise UnreadableInput("E102", path=name, why=err.strerror or str(err)) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise UnreadableInput("E102", path=name, why="it is a folder")
        kind = next((what for test, what in _KINDS if test(mode)), "not a file")
        raise UnreadableInput("E102", path=name, why=f"not a regular file: {kind}")
    with os.fdopen(fd, "rb") as stream:
        return read_stream(stream, name=name, limit=limit)


def read_stream(stream: BinaryIO | None, *, name: str, limit: int) -> bytes:
    """At most ``limit`` bytes of a stream, cut at a whole character, with a notice."""
    if stream is None:
        raise UnreadableInput("E102", path=name, why="standard input is closed")
    try:
        raw = stream.read(limit + 1)
    except OSError as err:
        raise UnreadableInput("E102", path=name, why=err.strerror or str(err)) from None
    if raw is None:  # a non-blocking stream with nothing in it yet
        raw = b""
    if len(raw) <= limit:
        return raw
    log.warning("%s: longer than %s bytes (setting max_input_bytes); the rest was not read",
                name, f"{limit:,}")
    return _whole_characters(raw[:limit])


def _whole_characters(raw: bytes) -> bytes:
    """Bytes cut anywhere, less a UTF-8 sequence (or UTF-16 unit) the cut split."""
    if raw.count(0) * 4 > len(raw):  # UTF-16: keep whole two-byte units
        return raw[: len(raw) - len(raw) % 2]
    end = len(raw)
    back = 0
    while back < 3 and end - back > 0 and 0x80 <= raw[end - back - 1] < 0xC0:
        back += 1
    lead = raw[end - back - 1] if end - back > 0 else 0
    needed = 2 if 0xC0 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4 if lead >= 0xF0 else 1
    return raw if needed == back + 1 else raw[: end - back - 1]


def _capped(doc: Document, *, max_chars: int) -> Document:
    """The document with its text cut to ``max_chars``, at a paragraph, line or word
    break where there is one in the last half; the rest listed as dropped."""
    if len(doc.text) <= max_chars:
        return doc
    end = max_chars
    for mark in ("\n\n", "\n", " "):
        found = doc.text.rfind(mark, max_chars // 2, max_chars)
        if found != -1:
            end = found
            break
    kept, rest = doc.text[:end].rstrip(), doc.text[end:]
    log.warning("%s: text longer than %s characters (setting max_text_chars); %s characters "
                "after it were not read", doc.path, f"{max_chars:,}", f"{len(rest):,}")
    cut = Dropped(kind="other", chars=len(rest), preview=preview(rest.strip()))
    return replace(doc, id=document_id(kept), text=kept, dropped=(*doc.dropped, cut))


def _read_sidecar(path: Path, *, name: str, limit: int) -> Sidecar:
    """The report's sidecar if it has one, else an empty one."""
    beside = sidecar_path(path)
    try:
        if not beside.is_file():
            return Sidecar()
    except OSError as err:
        if err.errno == errno.ENAMETOOLONG:  # the report's own name is near the limit:
            return Sidecar()                 # no file of the sidecar's name can exist
        raise UnreadableInput("E106", path=name, sidecar=shown_name(str(beside)),
                              why=err.strerror or str(err)) from None
    try:
        with beside.open("rb") as stream:
            raw = stream.read(limit)
    except OSError as err:
        raise UnreadableInput("E106", path=name, sidecar=shown_name(str(beside)),
                              why=err.strerror or str(err)) from None
    return parse_sidecar(raw, name=name, sidecar=shown_name(str(beside)))


def _origin(name: str, *, sidecar: Sidecar, published: date | None) -> Origin:
    """What is known before reading: the command line's date outranks the sidecar's."""
    source: PublishedSource = "cli" if published else "sidecar"
    dated = published or sidecar.published
    return Origin(
        name=name,
        url=sidecar.url,
        outlet=sidecar.outlet,
        title=sidecar.title,
        published=dated,
        published_source=source if dated else "none",
    )
