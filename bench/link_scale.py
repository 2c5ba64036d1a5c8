"""Linking cost as the store grows: time per new report at 1,000, 10,000 and 50,000 events.

usage:
  .venv/bin/python bench/link_scale.py [--sizes 1000,10000,50000] [--probe 200] [--db URL] [--json]

Generated events (no text, no extraction): each report tells one event of a made-up
set of places in a few countries, on a day drawn from a period that grows with the
store (about 25 events a day, the density of a busy conflict record), so a bigger store
is a longer record rather than a denser one; one report in five retells an event
already stored (same place and day, its own figures), so the linker has groups to
build. The store is filled through its own functions (``save_document``, ``save_events``,
``relink``: what ``ingest_report`` runs per report), in batches of one transaction.

At each size, ``--probe`` new reports are linked one transaction each, and the time of
``relink`` alone is printed per report (mean, median, 95th percentile), beside the
first size's figure as the baseline, with the number of stored events the date blocks
returned per report (what linking compares: blocking keeps it flat as the store grows).
``--cache-mb`` gives SQLite a larger page cache, to tell the linker's cost from the
database file outgrowing SQLite's default 2 MB cache.
SQLite in a temporary folder unless --db names a database (it must be empty).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from hashlib import sha256
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from warlog.batch import linking
from warlog.batch.linking import relink
from warlog.link.candidate import SourceDoc, candidates
from warlog.model import Actor, Count, Document, Event, Place, Span, Time
from warlog.store.engine import open_store
from warlog.store.repository import save_document, save_events

PER_DAY = 25
START = date(2020, 1, 1)
SPAN = Span(start=0, end=1)
COUNTRIES = {"UA": (48.5, 35.0), "SY": (35.0, 38.0), "IQ": (33.0, 44.0), "SD": (15.0, 30.0),
             "ML": (16.0, -2.0), "MM": (21.0, 96.0)}
KINDS = [("explosions_remote_violence", "air_drone_strike", "drone"),
         ("explosions_remote_violence", "shelling_artillery_missile_attack", "ballistic_missile"),
         ("battles", "armed_clash", "small_arms"),
         ("explosions_remote_violence", "remote_explosive_landmine_ied", "ied")]


class Generator:
    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.made: list[Event] = []
        self.n = 0
        self.places = [self._place(i) for i in range(2000)]

    def _place(self, i: int) -> Place:
        cc = sorted(COUNTRIES)[i % len(COUNTRIES)]
        lat, lon = COUNTRIES[cc]
        return Place(text=f"Town {i}", name=f"Town {i}", admin1=f"Province {i % 40}", country=cc,
                     lat=lat + self.rnd.uniform(-3, 3), lon=lon + self.rnd.uniform(-3, 3),
                     precision="town", gazetteer_id=f"bench:{i}", role="literal", span=SPAN)

    def report(self, size: int) -> tuple[Document, Event]:
        """A new report: a retelling of a stored event one time in five, else a new event
        on a day of the period a store of ``size`` events covers."""
        self.n += 1
        if self.made and self.rnd.random() < 0.2:
            base = self.rnd.choice(self.made[-5000:])
            event = replace(base, id=f"e{self.n}", killed=(self._count(),))
        else:
            day = START + timedelta(days=self.rnd.randrange(max(1, size // PER_DAY)))
            kind = self.rnd.choice(KINDS)
            group = f"Group {self.rnd.randrange(30)}"
            who = Actor(text=group, name=group, kind="non_state_armed_group", country=None, span=SPAN)
            event = Event(id=f"e{self.n}", type=kind[0], sub_type=kind[1], weapon=kind[2],  # type: ignore[arg-type]
                          outcome="hit", attacker=who, target=None,
                          location=self.rnd.choice(self.places),
                          time=Time(text="on Monday", start=day, end=day, precision="day", span=None),
                          killed=(self._count(),), evidence=(SPAN,))
            self.made.append(event)
        text = f"generated report {self.n}"
        doc = Document(id=sha256(text.encode()).hexdigest(), path=f"bench/{self.n}.txt",
                       outlet=f"outlet {self.n % 50}", published=event.time.end,
                       published_source="cli", text=text)
        return doc, event

    def _count(self) -> Count:
        n = self.rnd.randrange(1, 30)
        return Count(group="target_side", low=n, best=n, high=n, text=str(n), span=SPAN)


READ = [0]      # events the block queries returned, summed


def _counting(query: Any) -> Any:
    def counted(*args: Any, **kwargs: Any) -> Any:
        found = query(*args, **kwargs)
        READ[0] += len(found)
        return found
    return counted


def store_one(conn: Any, doc: Document, event: Event) -> float:
    """Save one report as ingest does and return the seconds ``relink`` took."""
    source = SourceDoc(id=doc.id, path=doc.path, outlet=doc.outlet, published=doc.published)
    save_document(conn, doc, fingerprint=(), current=True)
    cands = candidates(source, (event,))
    save_events(conn, doc.id, (event,), [c.key for c in cands])
    started = time.perf_counter()
    relink(conn, added=cands, removed=[])
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--probe", type=int, default=200)
    parser.add_argument("--db")
    parser.add_argument("--cache-mb", type=int, default=0,
                        help="SQLite page cache for the bench's connections (default: SQLite's 2 MB)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="warlog-link-scale-") as tmp:
        store = open_store(args.db or f"sqlite:///{Path(tmp) / 'scale.sqlite3'}")
        linking.overlapping_events = _counting(linking.overlapping_events)  # type: ignore[assignment]
        if store.dialect == "sqlite" and args.cache_mb:
            from sqlalchemy import event as sa_event

            def _cache(dbapi_connection: Any, _record: Any) -> None:
                dbapi_connection.execute(f"PRAGMA cache_size=-{args.cache_mb * 1024}")
            sa_event.listen(store.engine, "connect", _cache)
            store.engine.dispose()
        gen = Generator(seed=7)
        stored, rows = 0, []
        for size in sizes:
            fill_started = time.perf_counter()
            while stored < size:
                with store.engine.begin() as conn:
                    for _ in range(min(500, size - stored)):
                        store_one(conn, *gen.report(size))
                        stored += 1
            fill = time.perf_counter() - fill_started
            spent = []
            READ[0] = 0
            for _ in range(args.probe):
                with store.engine.begin() as conn:
                    spent.append(store_one(conn, *gen.report(size)))
                stored += 1
            read_per_report = READ[0] / args.probe
            ms = sorted(1000 * s for s in spent)
            print(f"  {size:,} events stored: relink {statistics.fmean(ms):.2f} ms per report "
                  f"(fill {fill:.0f} s)", file=sys.stderr, flush=True)
            rows.append({"store_events": size, "probe_reports": len(ms),
                         "relink_ms_mean": round(statistics.fmean(ms), 3),
                         "relink_ms_median": round(statistics.median(ms), 3),
                         "relink_ms_p95": round(ms[int(0.95 * (len(ms) - 1))], 3),
                         "block_events_read_per_report": round(read_per_report, 1),
                         "fill_seconds": round(fill, 1)})
        store.close()
    base = rows[0]["relink_ms_mean"]
    for row in rows:
        row["vs_first_size"] = round(row["relink_ms_mean"] / base, 2) if base else None
    if args.json:
        print(json.dumps({"backend": "postgresql" if args.db and "postgres" in args.db else "sqlite",
                          "rows": rows}, indent=1))
    else:
        print(f"{'events stored':>14} {'mean ms':>9} {'median':>8} {'p95':>8} {'× first':>8} "
              f"{'block read':>11} {'fill s':>8}")
        for r in rows:
            print(f"{r['store_events']:>14,} {r['relink_ms_mean']:>9.2f} {r['relink_ms_median']:>8.2f} "
                  f"{r['relink_ms_p95']:>8.2f} {r['vs_first_size']:>8} "
                  f"{r['block_events_read_per_report']:>11} {r['fill_seconds']:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
