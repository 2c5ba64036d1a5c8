"""Load on the API over 50,000 generated events, and the dashboard's first render.

    .venv/bin/python bench/api_load.py [--events 50000] [--clients 50] [--requests 10000]
                                       [--seconds 900] [--db sqlite:///build/bench/api.sqlite3]

1. Writes --events generated merged events (not extracted: made up, seeded, spread over
   30 countries and three years) through the store's own functions — save_document,
   save_events, save_merged — ten events per generated report, unless --db already
   holds them (re-runs re-use build/bench/api.sqlite3, which is git-ignored).
2. Starts `warlog serve` on a free 127.0.0.1 port: loopback only.
3. The bounded load test (issue 15): --requests requests (10,000) from --clients (50)
   concurrent clients (threads with their own keep-alive connection), stopping at
   --seconds at the latest, over a seeded mix of what the dashboard asks: /api/events
   pages and filters, one event's detail (/api/events/{id}), and /api/tally. Printed:
   p50/p90/p99 latency, throughput and errors (any answer but 200, or a failed
   connection) for the whole mix and per kind of request; the same for a static file
   (/static/dom.js) as the baseline: what the server costs before warlog's work.
4. Single requests of /api/map, /api/timeline, /api/tally and /api/facets.
5. Time to first render of the dashboard in Debian's headless Chromium (navigation
   start to the page's ready flag: map, timeline and list drawn), when it is installed.

Figures only, no timing is asserted; the exit status is 1 when any request of the load
test erred or the bound stopped it before every request was sent.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from warlog.batch.linking import merged_row
from warlog.link.candidate import Candidate, SourceDoc
from warlog.link.dedup import Merged
from warlog.model import Actor, Count, Document, Event, Place, Precision, Span, Time
from warlog.store.engine import open_store
from warlog.store.repository import save_document, save_events, save_merged

COUNTRIES = [("UA", 49.0, 32.0), ("SY", 35.0, 38.5), ("IQ", 33.2, 43.7), ("YE", 15.5, 47.5),
             ("ML", 17.5, -3.9), ("NG", 9.1, 8.7), ("SO", 5.2, 46.2), ("SD", 15.6, 30.2),
             ("LB", 33.9, 35.9), ("IL", 31.4, 35.0), ("PS", 31.9, 35.2), ("AF", 33.9, 67.7),
             ("PK", 30.4, 69.3), ("MM", 21.9, 95.9), ("CD", -2.9, 23.6), ("ET", 9.1, 40.5),
             ("BF", 12.2, -1.6), ("NE", 17.6, 8.1), ("LY", 26.3, 17.2), ("CO", 4.6, -74.1),
             ("MX", 23.6, -102.5), ("IN", 22.0, 79.0), ("PH", 12.9, 121.8), ("TR", 39.0, 35.2),
             ("JO", 31.2, 36.5), ("SA", 23.9, 45.1), ("CM", 7.4, 12.4), ("MZ", -18.7, 35.5),
             ("HT", 18.9, -72.3), ("RU", 55.0, 37.0)]
KINDS = [("explosions_remote_violence", "air_drone_strike", "drone"),
         ("explosions_remote_violence", "shelling_artillery_missile_attack", "artillery"),
         ("explosions_remote_violence", "shelling_artillery_missile_attack", "rocket"),
         ("explosions_remote_violence", "remote_explosive_landmine_ied", "ied"),
         ("battles", "armed_clash", "small_arms"),
         ("violence_against_civilians", "attack", "small_arms")]
PRECISIONS: list[Precision] = ["facility", "town", "town", "town", "admin1", "country"]
ACTORS = [f"Group {chr(65 + i)}" for i in range(26)] + ["Army", "Air Force", "Police"]
PER_REPORT = 10
FIRST_DAY = date(2022, 1, 1)


def span(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span(start=start, end=start + len(sentence))


def generated_report(n: int, rng: random.Random) -> tuple[Document, list[Event]]:
    sentences, specs = [], []
    for i in range(PER_REPORT):
        code, lat, lon = rng.choice(COUNTRIES)
        etype, sub, weapon = rng.choice(KINDS)
        attacker = rng.choice(ACTORS)
        killed = rng.choice([0, 0, 1, 2, 3, 5, 8, 13])
        sentence = (f"Report {n} event {i}: {attacker} attacked a position near place "
                    f"{n}-{i} in {code} with {weapon}, killing {killed} people.")
        sentences.append(sentence)
        specs.append((code, lat, lon, etype, sub, weapon, attacker, killed, sentence))
    text = " ".join(sentences)
    doc = Document(id=hashlib.sha256(text.encode()).hexdigest(), path=f"generated/{n}.txt",
                   outlet=f"Outlet {n % 40}", title=f"Generated report {n}",
                   published=FIRST_DAY + timedelta(days=n % 1095), published_source="cli",
                   text=text)
    events = [_event(doc, text, i, spec, rng) for i, spec in enumerate(specs)]
    return doc, events


def _event(doc: Document, text: str, i: int, spec: tuple, rng: random.Random) -> Event:  # type: ignore[type-arg]
    code, lat, lon, etype, sub, weapon, attacker, killed, sentence = spec
    where = span(text, sentence)
    day = doc.published - timedelta(days=rng.choice([0, 0, 1, 2])) if doc.published else None
    place = Place(text=f"place {i}", name=f"Place {doc.path}-{i}", admin1=None, country=code,
                  lat=round(lat + rng.uniform(-3, 3), 4), lon=round(lon + rng.uniform(-3, 3), 4),
                  precision=rng.choice(PRECISIONS), gazetteer_id=None, role="literal", span=where)
    counts = (Count(group="target_side", low=killed, best=killed, high=killed,
                    text=f"killing {killed}", span=where),) if killed else ()
    return Event(id=f"e{i}", type=etype, sub_type=sub, weapon=weapon, outcome="hit",
                 attacker=Actor(text=attacker, name=attacker, kind="non_state_armed_group",
                                country=None, span=where),
                 target=None, location=place,
                 time=Time(text="", start=day, end=day, precision="day", span=None),
                 killed=counts, evidence=(where,))


def one_source_event(key: str, event: Event, source: SourceDoc) -> Merged:
    """A merged event of one report, shaped as linking shapes one (its reading carries the
    merged id)."""
    merged_id = hashlib.sha256(key.encode()).hexdigest()[:16]
    return Merged(id=merged_id, reading=replace(event, id=merged_id),
                  members=(Candidate(key=key, document=source, event=event),),
                  provenance=tuple((f, key) for f in ("type", "location", "time")),
                  grade="single_source")


def populate(db: str, events: int, *, seed: int = 7) -> float:
    """Write the generated reports and their merged events; seconds taken."""
    store = open_store(db)
    with store.engine.connect() as conn:
        have = conn.exec_driver_sql("SELECT count(*) FROM merged_events").scalar_one()
    if have >= events:
        store.close()
        return 0.0
    rng = random.Random(seed)
    started = time.perf_counter()
    for first in range(have // PER_REPORT, events // PER_REPORT, 500):
        with store.engine.begin() as conn:
            for n in range(first, min(first + 500, events // PER_REPORT)):
                doc, evs = generated_report(n, rng)
                keys = [f"{doc.id}:{e.id}" for e in evs]
                save_document(conn, doc, fingerprint=(), current=True)
                save_events(conn, doc.id, evs, keys)
                source = SourceDoc(id=doc.id, path=doc.path, outlet=doc.outlet, title=doc.title,
                                   published=doc.published)
                merged = [one_source_event(k, e, source) for k, e in zip(keys, evs, strict=True)]
                save_merged(conn, [merged_row(m) for m in merged])
    store.close()
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Load:
    latencies: list[float]
    errors: int
    seconds: float
    kinds: dict[str, list[float]] | None = None
    sent: int = 0


def kind_of(path: str) -> str:
    if path.startswith("/api/tally"):
        return "tally"
    if path.startswith("/api/events/"):
        return "event detail"
    if path == "/api/events" or (path.startswith("/api/events?offset=") and "&" not in path):
        return "events pages"
    if path.startswith("/api/events"):
        return "events filters"
    return "other"


def load(base: str, paths: list[str], *, clients: int, seconds: float) -> Load:
    """Each path once, spread over ``clients`` threads; stops at ``seconds``."""
    deadline = time.monotonic() + seconds
    lock = threading.Lock()
    todo = list(reversed(paths))
    latencies: list[float] = []
    kinds: dict[str, list[float]] = {}
    errors = [0]

    def client() -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            while time.monotonic() < deadline:
                with lock:
                    if not todo:
                        return
                    path = todo.pop()
                started = time.perf_counter()
                try:
                    ok = http.get(path).status_code == 200
                except httpx.HTTPError:
                    ok = False
                took = time.perf_counter() - started
                with lock:
                    latencies.append(took)
                    kinds.setdefault(kind_of(path), []).append(took)
                    errors[0] += not ok

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Load(latencies=latencies, errors=errors[0], seconds=time.perf_counter() - started,
                kinds=kinds, sent=len(latencies))


def event_paths(n: int, rng: random.Random) -> list[str]:
    choices: list[Callable[[], str]] = [
        lambda: "/api/events",
        lambda: f"/api/events?country={rng.choice(COUNTRIES)[0]}",
        lambda: f"/api/events?weapon={rng.choice(KINDS)[2]}&offset={rng.randrange(0, 2000)}",
        lambda: f"/api/events?since={FIRST_DAY + timedelta(days=rng.randrange(900))}&limit=50",
        lambda: f"/api/events?actor=group+{chr(97 + rng.randrange(26))}&sub_type=armed_clash",
        lambda: f"/api/events?offset={rng.randrange(0, 49_000)}",
    ]
    return [rng.choice(choices)() for _ in range(n)]


TALLIES = ["/api/tally", "/api/tally?by=week", "/api/tally?by=weapon", "/api/tally?by=actor",
           "/api/tally?since=2023-01-01&until=2023-12-31", "/api/tally?by=week&since=2024-01-01"]


def mixed_paths(n: int, rng: random.Random, event_ids: list[str]) -> list[str]:
    """The load test's mix: 6 in 10 /api/events (pages and filters), 3 an event's
    detail, 1 a tally (of the few the dashboard's period menus ask)."""
    events = iter(event_paths(n, rng))
    out = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.6:
            out.append(next(events))
        elif roll < 0.9:
            out.append(f"/api/events/{rng.choice(event_ids)}")
        else:
            out.append(rng.choice(TALLIES))
    return out


def some_event_ids(base: str, rng: random.Random, count: int = 2000) -> list[str]:
    ids: list[str] = []
    with httpx.Client(base_url=base, timeout=300) as http:
        total = http.get("/api/events?limit=1").json()["total"]
        while len(ids) < min(count, total):
            page = http.get(f"/api/events?limit=1000&offset={rng.randrange(0, max(1, total - 1000))}")
            ids += [e["id"] for e in page.json()["events"]]
    return sorted(set(ids))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(name: str, result: Load) -> None:
    ms = [v * 1000 for v in result.latencies]
    if not ms:
        print(f"{name:<28} no request completed")
        return
    print(f"{name:<28} {len(ms):>6} req  p50 {percentile(ms, 50):8.1f} ms  "
          f"p90 {percentile(ms, 90):8.1f} ms  p99 {percentile(ms, 99):8.1f} ms  "
          f"{len(ms) / result.seconds:7.1f} req/s  errors {result.errors}")
    if result.kinds and len(result.kinds) > 1:
        for kind, took in sorted(result.kinds.items()):
            part = Load(latencies=took, errors=0, seconds=result.seconds)
            ms_part = [v * 1000 for v in part.latencies]
            print(f"  {kind:<26} {len(ms_part):>6} req  p50 {percentile(ms_part, 50):8.1f} ms  "
                  f"p90 {percentile(ms_part, 90):8.1f} ms  p99 {percentile(ms_part, 99):8.1f} ms")


def first_render(base: str) -> float | None:
    if not Path("/usr/bin/chromium").exists():
        return None
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(base)
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=120_000)
        took = float(page.evaluate("performance.now()"))
        browser.close()
    return took / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=900.0)
    parser.add_argument("--db", default=f"sqlite:///{REPO / 'build' / 'bench' / 'api.sqlite3'}")
    args = parser.parse_args()
    wrote = populate(args.db, args.events)
    print(f"database: {args.db}; {args.events} events"
          + (f" written in {wrote:.1f} s" if wrote else " already there"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    failed = True
    server = subprocess.Popen([sys.executable, "-m", "warlog", "serve", "--db", args.db, "--port",
                               str(port)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert server.stdout is not None
        server.stdout.readline()
        started = time.perf_counter()
        httpx.get(f"{base}/api/events?limit=1", timeout=300).raise_for_status()
        print(f"first request (loads the index of {args.events} events): "
              f"{time.perf_counter() - started:.2f} s")
        rng = random.Random(11)
        report("baseline /static/dom.js", load(base, ["/static/dom.js"] * args.requests,
                                                clients=args.clients, seconds=args.seconds))
        ids = some_event_ids(base, rng)
        mixed = load(base, mixed_paths(args.requests, rng, ids), clients=args.clients,
                     seconds=args.seconds)
        report(f"load test ({args.clients} clients)", mixed)
        failed = mixed.errors > 0 or mixed.sent < args.requests
        for path in ("/api/map?zoom=2", "/api/map?zoom=6&view=20,30,40,50",
                     "/api/timeline", "/api/tally", "/api/facets", "/api/events?country=UA"):
            report(path, load(base, [path] * 5, clients=1, seconds=args.seconds))
        rendered = first_render(base + "/")
        print("dashboard first render: " + (f"{rendered:.2f} s" if rendered is not None
                                             else "skipped (no /usr/bin/chromium)"))
    finally:
        server.terminate()
        server.wait(timeout=30)
    if failed:
        print(f"load test: {mixed.errors} errors, {mixed.sent} of {args.requests} requests sent")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
