"""`warlog watch`: poll feeds, pages and folders, and ingest only what is new.

Each source is polled every ``every`` seconds. A web address is fetched with the
validators of its last answer (ETag, Last-Modified), so an unchanged feed is a 304 and
nothing more; a feed's items, a page, and a folder's files are each recognised by their
key (item id or link, address, path) and a content id, remembered in the database
(``warlog.store.watch_state``), so an item is read once, and again only when it changes.
What is new is ingested as `warlog ingest` does it: each report one transaction.

A failing source (network down, server error, damaged feed) gets one line naming it
and is retried after a wait that doubles with each failure, up to ``watch_max_backoff``
seconds; the others go on. ``stop`` (set by SIGINT or SIGTERM) is honoured between
reports, so a stop never leaves a report half-written.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from warlog.alerts import Alerts
from warlog.batch.local import Outcome, Summary, ingest_items, read_items
from warlog.errors import BadRequest, UnreadableInput, WarlogError
from warlog.ingest.feeds import item_documents, looks_like_feed, parse_feed
from warlog.ingest.fetch import Fetched, FetchRules, fetch, is_url
from warlog.ingest.sources import find_sources
from warlog.ingest.streams import read_bytes
from warlog.link.records import merged_line
from warlog.model import Document
from warlog.store.engine import Store
from warlog.store.queries_api import merged_bodies
from warlog.store.watch_state import remember, save_validators, seen_content, validators

log = logging.getLogger(__name__)
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """Seconds from "30s", "10m", "1h", "1d" or a bare number of seconds; E811."""
    found = _DURATION.match(text)
    if found is None:
        raise BadRequest("E811", value=text, why="expected a number and s, m, h or d")
    seconds = float(found.group(1)) * _UNIT[found.group(2) or "s"]
    if seconds < 1:
        raise BadRequest("E811", value=text, why="polling more than once a second is not polite")
    return seconds


def shown_wait(seconds: float) -> str:
    if seconds >= 3600 and seconds % 3600 == 0:
        return f"{seconds / 3600:g}h"
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds / 60:g}m"
    return f"{seconds:g}s"


@dataclass(slots=True)
class Target:
    """One watched source and its schedule."""

    spec: str
    due: float = 0.0
    failures: int = 0
    noticed: bool = False       # a folder's skipped files are named once, not every poll


@dataclass(frozen=True, slots=True, kw_only=True)
class Unit:
    """Something to read on its own: a feed item, a page, a file; and how to know it."""

    key: str
    content_id: str
    read: Callable[[], Iterator[Document | Outcome]]


@dataclass(slots=True, kw_only=True)
class Echo:
    """Where lines go (stdout for events, stderr for failures and notices)."""

    out: Callable[[str], None]
    err: Callable[[str], None]


@dataclass(slots=True)
class Watch:
    specs: Sequence[str]
    store: Store
    resources: Callable[[], object]
    rules: FetchRules
    every: float
    echo: Echo
    alerts: Alerts | None = None
    max_backoff: float = 600.0
    batch_size: int = 32
    stop: threading.Event = field(default_factory=threading.Event)
    clock: Callable[[], float] = time.monotonic
    outcomes: list[Outcome] = field(default_factory=list)
    failed_polls: int = 0
    once: bool = False

    def run(self, *, once: bool = False) -> Summary:
        self.once = once
        targets = [Target(spec) for spec in self.specs]
        while not self.stop.is_set():
            for target in sorted(targets, key=lambda t: t.due):
                if self.stop.is_set():
                    break
                if once or target.due <= self.clock():
                    self._poll(target)
            if once:
                break
            wait = min(t.due for t in targets) - self.clock()
            if wait > 0:
                self.stop.wait(wait)
        return Summary(outcomes=tuple(self.outcomes))

    def _poll(self, target: Target) -> None:
        try:
            self._poll_source(target)
        except WarlogError as err:
            self._failed(target, str(err))
        except Exception as err:  # one source's trouble never stops the others
            log.info("polling %s failed", target.spec, exc_info=True)
            self._failed(target, None, why=f"{type(err).__name__}: {err}")
        else:
            if target.failures:
                self.echo.err(f"Notice: {target.spec}: read again after {target.failures} "
                              f"failed poll{'s' if target.failures > 1 else ''}")
            target.failures = 0
            target.due = self.clock() + self.every

    def _failed(self, target: Target, message: str | None, *, why: str = "") -> None:
        target.failures += 1
        self.failed_polls += 1
        wait = min(self.every * 2 ** (target.failures - 1), max(self.every, self.max_backoff))
        target.due = self.clock() + wait
        retry = "not retried (--once)" if self.once else f"next try in {shown_wait(wait)}"
        if message is None:
            message = str(WarlogError("E814", path=target.spec, why=why, retry=retry))
            self.echo.err(f"Error: {message}")
        else:
            self.echo.err(f"Error: {message}; {retry}")

    def _poll_source(self, target: Target) -> None:
        if is_url(target.spec):
            self._poll_url(target.spec)
        else:
            self._poll_path(target)

    # -- what a source holds, as units --------------------------------------------------

    def _poll_url(self, url: str) -> None:
        with self.store.engine.connect() as conn:
            etag, modified = validators(conn, url)
        page = fetch(url, rules=self.rules, etag=etag, last_modified=modified)
        if page.not_modified:
            log.info("%s: not modified", url)
            return
        self._handle(url, self._page_units(url, page))
        if not self.stop.is_set():
            with self.store.engine.begin() as conn:
                save_validators(conn, url, etag=page.etag, last_modified=page.last_modified)

    def _page_units(self, url: str, page: Fetched) -> list[Unit]:
        if looks_like_feed(page.body[:8192]):
            feed = parse_feed(page.body, name=url)
            units = [Unit(key=item.key, content_id=item.content_id,
                          read=_reading(partial(item_documents, item, published=None,
                                                rules=self.rules)))
                     for item in feed.items]
            if feed.damage is not None:
                self.echo.err(f"Error: {feed.damage}")
            return units
        from warlog.ingest.document import Origin

        origin = Origin(name=url, url=page.url)
        return [Unit(key=page.url, content_id=hashlib.sha256(page.body).hexdigest(),
                     read=_reading(lambda: read_bytes(page.body, origin=origin, inner_name=url,
                                                      rules=self.rules,
                                                      media_type=page.content_type)))]

    def _poll_path(self, target: Target) -> None:
        if not Path(target.spec).exists():
            raise UnreadableInput("E101", path=target.spec)
        sources, notices = find_sources([target.spec])
        if not target.noticed:
            for notice in notices:
                self.echo.err(f"Notice: {notice.message}")
            target.noticed = True
        units = []
        for source in sources:
            assert source.path is not None
            stat = source.path.stat()
            units.append(Unit(key=source.name, content_id=f"{stat.st_size}:{stat.st_mtime_ns}",
                              read=partial(read_items, [source], rules=self.rules)))
        self._handle(target.spec, units)

    # -- ingesting the new units --------------------------------------------------------

    def _handle(self, spec: str, units: list[Unit]) -> None:
        for unit in units:
            if self.stop.is_set():
                return
            with self.store.engine.connect() as conn:
                if seen_content(conn, spec, unit.key) == unit.content_id:
                    continue
            cut: list[bool] = []
            summary = ingest_items(self._until_stopped(unit.read(), cut), store=self.store,
                                   resources=self.resources, batch_size=self.batch_size,
                                   on_outcome=self._told)
            if cut:
                return      # stopped inside it: not remembered, read again next time
            documents = [o.document_id for o in summary.outcomes if o.document_id]
            with self.store.engine.begin() as conn:
                remember(conn, spec, unit.key, content_id=unit.content_id,
                         document_id=documents[0] if documents else None)

    def _until_stopped(self, items: Iterator[Document | Outcome],
                       cut: list[bool]) -> Iterator[Document | Outcome]:
        """The unit's reports until a stop; ``cut`` gets True if the stop came first."""
        for item in items:
            if self.stop.is_set():
                cut.append(True)
                return
            yield item

    def _told(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        if outcome.status == "failed":
            self.echo.err(f"Error: {outcome.error}")
            return
        if not (outcome.new_ids or outcome.updated_ids):
            return
        with self.store.engine.connect() as conn:
            bodies = merged_bodies(conn, [*outcome.new_ids, *outcome.updated_ids])
        for change, ids in (("new", outcome.new_ids), ("updated", outcome.updated_ids)):
            for merged_id in ids:
                record = bodies.get(merged_id)
                if record is None:
                    continue
                self.echo.out(f"{change} event {merged_line(record)}  (from {outcome.name})")
                if self.alerts is not None:
                    self.alerts.consider(record, change=change)


def _reading(documents: Callable[[], Iterator[Document | UnreadableInput]]
             ) -> Callable[[], Iterator[Document | Outcome]]:
    """Reports as ingest takes them: failures as failed outcomes naming the input."""
    def read() -> Iterator[Document | Outcome]:
        for item in documents():
            if isinstance(item, Document):
                yield item
            else:
                named = item.fields.get("path") or item.fields.get("url") or "?"
                yield Outcome(name=str(named), status="failed", error=str(item))
    return read


def summary_line(summary: Summary, *, failed_polls: int) -> str:
    polls = f"; {failed_polls} failed poll{'s' if failed_polls != 1 else ''}" if failed_polls else ""
    return summary.line() + polls


def install_stop(stop: threading.Event) -> Callable[[], None]:
    """SIGINT and SIGTERM set ``stop``; returns what puts the old handlers back."""
    import signal

    def handler(_signum: int, _frame: Any) -> None:
        stop.set()

    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}

    def restore() -> None:
        for s, h in old.items():
            signal.signal(s, h)

    return restore
