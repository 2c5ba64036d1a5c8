"""Where reports come from: files, folders and stdin. The only module here that does I/O."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
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
from warlog.ingest.document import Origin, Reader
from warlog.ingest.sidecar import Sidecar, parse_sidecar, sidecar_path
from warlog.model import Document, PublishedSource
from warlog.registry import readers

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
            sources.append(Source(name=given, path=Path(given)))
    return sources, notices


def _walk(folder: Path) -> tuple[list[Source], list[Notice]]:
    """Reports under a folder, sorted by their path parts; a notice for every other file."""
    sources: list[Source] = []
    notices: list[Notice] = []
    for relative in sorted(_files_under(folder), key=lambda rel: rel.parts):
        name = str(folder / relative)
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


def read_source(source: Source, *, published: date | None = None, stdin: BinaryIO | None = None) -> Document:
    """Read one report into a Document; raises UnreadableInput (E101–E108) naming it."""
    if source.path is None:
        raw = (stdin if stdin is not None else sys.stdin.buffer).read()
        origin = _origin(source.name, sidecar=Sidecar(), published=published)
        return _reader(None, raw)(raw, origin=origin)
    raw = _read_bytes(source.path, name=source.name)
    origin = _origin(source.name, sidecar=_read_sidecar(source.path, name=source.name), published=published)
    return _reader(source.path.suffix.lower(), raw)(raw, origin=origin)


def _reader(suffix: str | None, raw: bytes) -> Reader:
    """The registered reader for a suffix; for stdin and other suffixes, by sniffing the bytes."""
    name = READER_BY_SUFFIX.get(suffix or "")
    if name is None:
        name = "warlog.html.v1" if looks_like_html(raw) else "warlog.text.v1"
    reader: Reader = readers.get(name).func
    return reader


def _read_bytes(path: Path, *, name: str) -> bytes:
    """A file's bytes: E101 when it is missing, E102 when it cannot be read."""
    if not path.exists():
        raise UnreadableInput("E101", path=name)
    if path.is_dir():
        raise UnreadableInput("E102", path=name, why="it is a folder")
    try:
        return path.read_bytes()
    except OSError as err:
        raise UnreadableInput("E102", path=name, why=err.strerror or str(err)) from None


def _read_sidecar(path: Path, *, name: str) -> Sidecar:
    """The report's sidecar if it has one, else an empty one."""
    beside = sidecar_path(path)
    if not beside.is_file():
        return Sidecar()
    try:
        raw = beside.read_bytes()
    except OSError as err:
        raise UnreadableInput("E106", path=name, sidecar=str(beside), why=err.strerror or str(err)) from None
    return parse_sidecar(raw, name=name, sidecar=str(beside))


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
