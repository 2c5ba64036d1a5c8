"""The store at scale on PostgreSQL: batched writes, linking per new report at 10k, 100k
and 1M events, and `warlog serve` under 20 concurrent clients (issue 14, part 3).

usage:
  .venv/bin/python bench/store_scale.py [--sizes 10000,100000,1000000] [--probe 100]
        [--clients 20] [--requests 2000] [--per-day 900] [--db postgresql://…] [--no-api]
        [--serve-at 100000,1000000]

Without --db a throwaway PostgreSQL server is started from Debian's binaries
(bench/pgserver.py) and removed at the end; --db must name an empty database.

1. Writes: the same 2,000 generated events written report by report (``save_document``
   + ``save_events`` + ``save_merged``, one transaction per report, as `warlog ingest`
   does) and as one batch (``save_reports`` + ``save_merged``, one transaction): events
   per second of each, and the ratio, in scratch databases of the same server; rows are
   built before the clock starts (``--writes-only`` stops here).
2. Fills the store to each size through ``save_reports`` and ``save_merged`` in
   transactions of 500 reports (10 events each, made up as bench/api_load.py makes
   them: 30 countries, six kinds of attack, 29 actors), in date order at --per-day events
   a day (900: a million events are three years of a busy record), so a bigger store is
   a longer record, equally dense. Each generated event is its own merged event.
3. At each size, --probe new reports of one event each, on days drawn from the stored
   period, are linked one transaction each (``relink``, what ingest runs): the time per
   report (mean, median, p95), its ratio to the first size, and how many stored events
   the blocked candidate query returned per report.
4. At the last size, or each of --serve-at (unless --no-api), `warlog serve` on the
   store, on loopback: the time from its start to ready (it loads its index of every
   event before it prints its address) and of the first request, then --requests
   requests from --clients concurrent clients, once for /api/events pages (plain pages
   at random offsets, and filtered by country, weapon, period and actor) and twice for
   /api/tally (the dashboard's periods and groupings: first computed, then kept):
   p50/p99 of each; the server's RSS; and the seconds from the commit of one new report
   to /api/events counting it.

Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from api_load import (
    ACTORS,
    COUNTRIES,
    KINDS,
    PRECISIONS,
    TALLIES,
    free_port,
    load,
    one_source_event,
    percentile,
)
from pgserver import new_database, postgres_bindir, throwaway_postgres

from warlog.batch import linking
from warlog.batch.linking import merged_row, relink
from warlog.link.candidate import SourceDoc, candidates
from warlog.model import Actor, Count, Document, Event, Place, Span, Time
from warlog.store.engine import open_store
from warlog.store.repository import (
    ReportRows,
    save_document,
    save_events,
    save_merged,
    save_reports,
)

PER_REPORT = 10
FIRST_DAY = date(2022, 1, 1)
BATCH = 500             # reports per fill transaction


class Maker:
    """Generated reports, seeded: report ``n`` of the fill tells events of the day its
    place in the record gives (``per_day`` events a day)."""

    def __init__(self, seed: int, per_day: int) -> None:
        self.rng = random.Random(seed)
        self.per_day = per_day

    def report(self, n: int, *, day: date | None = None, events: int = PER_REPORT,
               tag: str = "r") -> tuple[Document, list[Event]]:
        rng = self.rng
        day = day or FIRST_DAY + timedelta(days=n * PER_REPORT // self.per_day)
        sentences, specs = [], []
        for i in range(events):
            code, lat, lon = rng.choice(COUNTRIES)
            kind = rng.choice(KINDS)
            attacker = rng.choice(ACTORS)
            killed = rng.choice([0, 0, 1, 2, 3, 5, 8, 13])
            sentence = (f"Report {tag}{n} event {i}: {attacker} attacked a position near place "
                        f"{n}-{i} in {code} with {kind[2]}, killing {killed} people.")
            sentences.append(sentence)
            specs.append((code, lat, lon, kind, attacker, killed, sentence))
        text = " ".join(sentences)
        doc = Document(id=hashlib.sha256(text.encode()).hexdigest(), path=f"generated/{tag}{n}.txt",
                       outlet=f"Outlet {n % 40}", title=f"Generated report {tag}{n}",
                       published=day, published_source="cli", text=text)
        return doc, [self._event(text, i, spec, day) for i, spec in enumerate(specs)]

    def _event(self, text: str, i: int, spec: tuple[Any, ...], day: date) -> Event:
        code, lat, lon, (etype, sub, weapon), attacker, killed, sentence = spec
        rng = self.rng
        start = text.index(sentence)
        where = Span(start=start, end=start + len(sentence))
        place_no = rng.randrange(200)
        place = Place(text=f"place {place_no}", name=f"Place {code}-{place_no}", admin1=None,
                      country=code, lat=round(lat + rng.uniform(-3, 3), 4),
                      lon=round(lon + rng.uniform(-3, 3), 4), precision=rng.choice(PRECISIONS),
                      gazetteer_id=None, role="literal", span=where)
        counts = (Count(group="target_side", low=killed, best=killed, high=killed,
                        text=f"killing {killed}", span=where),) if killed else ()
        when = day - timedelta(days=rng.choice([0, 0, 1, 2]))
        return Event(id=f"e{i}", type=etype, sub_type=sub, weapon=weapon, outcome="hit",
                     attacker=Actor(text=attacker, name=attacker, kind="non_state_armed_group",
                                    country=None, span=where),
                     target=None, location=place,
                     time=Time(text="", start=when, end=when, precision="day", span=None),
                     killed=counts, evidence=(where,))


def _source(doc: Document) -> SourceDoc:
    return SourceDoc(id=doc.id, path=doc.path, outlet=doc.outlet, title=doc.title,
                     published=doc.published)


def _merged_rows(doc: Document, events: list[Event], keys: list[str]) -> list[Any]:
    source = _source(doc)
    return [merged_row(one_source_event(k, e, source)) for k, e in zip(keys, events, strict=True)]


def write_batch(conn: Any, reports: list[tuple[Document, list[Event]]]) -> None:
    rows, merged = [], []
    for doc, events in reports:
        keys = [f"{doc.id}:{e.id}" for e in events]
        rows.append(ReportRows(document=doc, fingerprint=(), current=True, events=events, keys=keys))
        merged += _merged_rows(doc, events, keys)
    save_reports(conn, rows)
    save_merged(conn, merged)


def writes(server: str, per_day: int) -> dict[str, float]:
    """Events per second, report by report against one batch, on the same 2,000 events.
    The rows (merged records included) are built before the clock starts: only the
    store's functions and the transactions are timed."""
    reports = [Maker(seed=5, per_day=per_day).report(n, tag="w") for n in range(200)]
    events = sum(len(e) for _, e in reports)
    prepared = []
    for doc, evs in reports:
        keys = [f"{doc.id}:{e.id}" for e in evs]
        prepared.append((doc, evs, keys, _merged_rows(doc, evs, keys)))
    out: dict[str, float] = {}
    one = open_store(new_database(server))
    started = time.perf_counter()
    for doc, evs, keys, merged in prepared:
        with one.write() as conn:
            save_document(conn, doc, fingerprint=(), current=True)
            save_events(conn, doc.id, evs, keys)
            save_merged(conn, merged)
    out["per_report_events_per_s"] = events / (time.perf_counter() - started)
    one.close()
    batch = open_store(new_database(server))
    started = time.perf_counter()
    with batch.write() as conn:
        save_reports(conn, [ReportRows(document=doc, fingerprint=(), current=True, events=evs,
                                       keys=keys) for doc, evs, keys, _ in prepared])
        save_merged(conn, [m for *_, merged in prepared for m in merged])
    out["batch_events_per_s"] = events / (time.perf_counter() - started)
    batch.close()
    out["ratio"] = out["batch_events_per_s"] / out["per_report_events_per_s"]
    return out


READ = [0]


def _counting(query: Any) -> Any:
    def counted(*args: Any, **kwargs: Any) -> Any:
        found = query(*args, **kwargs)
        READ[0] += len(found)
        return found
    return counted


def probe(store: Any, maker: Maker, *, stored_reports: int, count: int) -> dict[str, float]:
    last_day = FIRST_DAY + timedelta(days=max(0, stored_reports * PER_REPORT // maker.per_day))
    spent = []
    READ[0] = 0
    for k in range(count):
        day = FIRST_DAY + timedelta(days=maker.rng.randrange((last_day - FIRST_DAY).days + 1))
        doc, events = maker.report(k, day=day, events=1, tag=f"p{stored_reports}-")
        source = _source(doc)
        cands = candidates(source, events)
        with store.write() as conn:
            save_reports(conn, [ReportRows(document=doc, fingerprint=(), current=True,
                                           events=events, keys=[c.key for c in cands])])
            started = time.perf_counter()
            relink(conn, added=cands, removed=[])
            spent.append(1000 * (time.perf_counter() - started))
    spent.sort()
    return {"mean": statistics.fmean(spent), "median": statistics.median(spent),
            "p95": spent[int(0.95 * (len(spent) - 1))], "read": READ[0] / count}


def event_pages(n: int, rng: random.Random, days: int) -> list[str]:
    choices: list[Callable[[], str]] = [
        lambda: f"/api/events?offset={rng.randrange(0, 900_000)}",
        lambda: "/api/events",
        lambda: f"/api/events?country={rng.choice(COUNTRIES)[0]}&offset={rng.randrange(0, 20_000)}",
        lambda: f"/api/events?weapon={rng.choice(KINDS)[2]}&offset={rng.randrange(0, 2000)}",
        lambda: f"/api/events?since={FIRST_DAY + timedelta(days=rng.randrange(days))}&limit=50",
        lambda: f"/api/events?actor=group+{chr(97 + rng.randrange(26))}&sub_type=armed_clash",
    ]
    return [rng.choice(choices)() for _ in range(n)]


def serve(db: str, *, clients: int, requests: int, days: int, maker: Maker,
          stored_reports: int) -> dict[str, Any]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    out: dict[str, Any] = {}
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "warlog", "serve", "--db", db, "--port",
                               str(port)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert server.stdout is not None
        server.stdout.readline()        # printed once the index is loaded
        out["ready_s"] = time.perf_counter() - started
        asked = time.perf_counter()
        total = httpx.get(f"{base}/api/events?limit=1", timeout=1800).json()["total"]
        out["first_request_s"] = time.perf_counter() - asked
        out["start_to_first_answer_s"] = time.perf_counter() - started
        rng = random.Random(11)
        tallies = [rng.choice(TALLIES) for _ in range(requests)]
        # the tallies twice: first each of the six is counted once (the others asking
        # meanwhile wait for it), then all are answered from the kept answers
        for name, paths in (("events pages", event_pages(requests, rng, days)),
                            ("tally", tallies), ("tally again", tallies)):
            result = load(base, paths, clients=clients, seconds=1800)
            ms = [v * 1000 for v in result.latencies]
            out[name] = {"requests": len(ms), "errors": result.errors,
                         "p50_ms": percentile(ms, 50), "p99_ms": percentile(ms, 99),
                         "per_s": len(ms) / result.seconds}
        rss = Path(f"/proc/{server.pid}/status").read_text().split("VmRSS:")[1].split()[0]
        out["server_rss_mb"] = int(rss) / 1024
        out["change_seen_s"] = change_seen(db, base, maker, stored_reports=stored_reports,
                                           before=total)
    finally:
        server.terminate()
        server.wait(timeout=60)
    return out


def served(db: str, size: int, args: argparse.Namespace, maker: Maker, stored: int) -> None:
    days = max(1, size // args.per_day)
    s = serve(db, clients=args.clients, requests=args.requests, days=days, maker=maker,
              stored_reports=stored)
    print(f"warlog serve on {size:,} events: ready (index loaded) {s['ready_s']:.1f} s after "
          f"start, first request {s['first_request_s']:.2f} s, server RSS "
          f"{s['server_rss_mb']:,.0f} MB", flush=True)
    for name in ("events pages", "tally", "tally again"):
        r = s[name]
        print(f"  {name:<13} {r['requests']:>6} req, {args.clients} clients: "
              f"p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, "
              f"{r['per_s']:.0f} req/s, errors {r['errors']}", flush=True)
    print(f"  a new report, committed, counted by /api/events {s['change_seen_s']:.2f} s later",
          flush=True)


def change_seen(db: str, base: str, maker: Maker, *, stored_reports: int, before: int) -> float:
    """Seconds from the commit of one new report (saved and linked, as ingest does) to
    the running server's /api/events counting it: the change check and the catch-up."""
    store = open_store(db)
    last_day = FIRST_DAY + timedelta(days=max(0, stored_reports * PER_REPORT // maker.per_day))
    doc, events = maker.report(0, day=last_day, events=1, tag="seen-")
    cands = candidates(_source(doc), events)
    with store.write() as conn:
        save_reports(conn, [ReportRows(document=doc, fingerprint=(), current=True,
                                       events=events, keys=[c.key for c in cands])])
        relink(conn, added=cands, removed=[])
    store.close()
    committed = time.perf_counter()
    with httpx.Client(base_url=base, timeout=1800) as http:
        while http.get("/api/events?limit=1").json()["total"] == before:
            if time.perf_counter() - committed > 600:
                return float("inf")
            time.sleep(0.05)
    return time.perf_counter() - committed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--probe", type=int, default=100)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--per-day", type=int, default=900)
    parser.add_argument("--db", help="an empty PostgreSQL database (default: a throwaway server)")
    parser.add_argument("--no-api", action="store_true")
    parser.add_argument("--serve-at", default="",
                        help="sizes (of --sizes) to run the API load test at (default: the last)")
    parser.add_argument("--writes-only", action="store_true",
                        help="only step 1: report by report against one batch")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    serve_at = {int(s) for s in args.serve_at.split(",") if s} or {sizes[-1]}
    with ExitStack() as stack:
        if args.db:
            db, server = args.db, args.db.rsplit("/", 1)[0]
        else:
            bindir = postgres_bindir()
            if bindir is None:
                print("store_scale: no PostgreSQL binaries (install Debian's postgresql)")
                return 2
            server = stack.enter_context(throwaway_postgres(bindir))
            db = new_database(server)
        w = writes(server, args.per_day)
        print(f"writes, 2,000 events: report by report {w['per_report_events_per_s']:,.0f} events/s, "
              f"one batch {w['batch_events_per_s']:,.0f} events/s: ×{w['ratio']:.1f}", flush=True)
        if args.writes_only:
            return 0
        store = open_store(db)
        linking.overlapping_events = _counting(linking.overlapping_events)  # type: ignore[attr-defined]
        maker = Maker(seed=7, per_day=args.per_day)
        stored = 0          # reports of the fill
        rows: list[dict[str, Any]] = []
        for size in sizes:
            started = time.perf_counter()
            while stored * PER_REPORT < size:
                todo = min(BATCH, size // PER_REPORT - stored)
                reports = [maker.report(n) for n in range(stored, stored + todo)]
                with store.write() as conn:
                    write_batch(conn, reports)
                stored += todo
            fill = time.perf_counter() - started
            with store.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
            p = probe(store, Maker(seed=size, per_day=args.per_day), stored_reports=stored,
                      count=args.probe)
            rows.append({"size": size, "fill_s": fill, **p})
            print(f"  {size:>9,} events: filled in {fill:.0f} s; relink {p['mean']:.2f} ms mean, "
                  f"{p['median']:.2f} median, {p['p95']:.2f} p95; block read {p['read']:.1f}",
                  flush=True)
            if not args.no_api and size in serve_at:
                served(db, size, args, Maker(seed=size + 1, per_day=args.per_day), stored)
        store.close()
        base = rows[0]["mean"]
        print(f"{'events':>10} {'fill s':>7} {'events/s':>9} {'relink ms':>10} {'median':>7} "
              f"{'p95':>7} {'× first':>8} {'block read':>11}")
        previous = 0.0
        for r in rows:
            rate = (r["size"] - previous) / r["fill_s"] if r["fill_s"] else 0.0
            previous = r["size"]
            print(f"{r['size']:>10,} {r['fill_s']:>7.0f} {rate:>9,.0f} {r['mean']:>10.2f} "
                  f"{r['median']:>7.2f} {r['p95']:>7.2f} {r['mean'] / base:>8.2f} {r['read']:>11.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
