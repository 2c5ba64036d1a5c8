"""Batch ingest on Dask: 1 worker against 2, beside the in-process run, in one run.

usage:
  .venv/bin/python bench/dask_scale.py [--docs 240] [--prefilter] [--json]
        [--shared ../shared] [--datasets DIR] [--build build/eval]

Texts: the GeoWebNews texts, the 20 WikiEvents dev texts and the bundled examples (read
with warlog's reader, then cut to --docs), ingested with `warlog ingest`'s own loop
(``warlog.batch.driver.ingest_batched``) into a fresh SQLite file each time:

* in-process (``InProcess``, resources loaded beforehand);
* ``--dask local:1`` and ``--dask local:2`` (``DaskRunner``; the cluster started and each
  worker's resources loaded before the clock starts: ``DaskRunner.warm``).

The prefilter is off unless --prefilter, so that every report is parsed. Printed: seconds
and reports per second of each, the 1 → 2 worker speed-up, and whether the three
databases hold the same merged events (`warlog events --json`) and documents. The machine
has 2 cores; the client (reading, storing, linking) shares them with the workers.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from quality import BUILD, DATASETS, REPO, SHARED, Paths, prepare_gwn, prepare_wikievents


def inputs(paths: Paths, n: int) -> list[Any]:
    from warlog.ingest.sources import find_sources

    names = [*sorted(str(p) for p in prepare_wikievents(paths).glob("*.txt")),
             str(REPO / "src" / "warlog" / "examples"),
             *sorted(str(p) for p in prepare_gwn(paths).glob("*.txt"))]
    sources, _ = find_sources(names)
    return list(sources[:n])


def run(sources: list[Any], runner: Any, url: str) -> tuple[float, float, Any]:
    """Wall seconds, the client's own CPU seconds (reading, storing, linking, and the
    parse too when in-process), and the summary."""
    from warlog.batch.driver import Plan, ingest_batched
    from warlog.settings import load_settings
    from warlog.store.engine import open_store

    store = open_store(url)
    start, cpu = time.perf_counter(), time.process_time()
    summary = ingest_batched(sources, store=store, runner=runner,
                             plan=Plan(batch_size=load_settings()["batch_size"]))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    store.close()
    return seconds, cpu, summary


def stored(url: str) -> tuple[str, str]:
    events = subprocess.run([sys.executable, "-m", "warlog", "events", "--json", "--db", url],
                            capture_output=True, text=True, check=True).stdout
    import sqlite3

    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        docs = json.dumps(sorted(conn.execute("SELECT id, current FROM documents").fetchall()))
    return events, docs


def main(argv: list[str] | None = None) -> int:
    from warlog.batch.dask import ClusterSpec, DaskRunner
    from warlog.batch.driver import InProcess
    from warlog.pipeline import load_resources

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=240)
    parser.add_argument("--prefilter", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--datasets", type=Path, default=DATASETS)
    parser.add_argument("--build", type=Path, default=BUILD)
    args = parser.parse_args(argv)
    paths = Paths(shared=args.shared.resolve(), datasets=args.datasets.resolve(),
                  build=args.build.resolve())
    paths.build.mkdir(parents=True, exist_ok=True)
    sources = inputs(paths, args.docs)
    rows: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="warlog-dask-bench-") as tmp:
        resources = load_resources()
        url = f"sqlite:///{tmp}/in-process.sqlite3"
        seconds, cpu, summary = run(sources, InProcess(resources=lambda: resources,
                                                       prefilter=args.prefilter), url)
        rows["in-process"] = {"url": url, "seconds": seconds, "client_cpu": cpu,
                              "reports": len(summary.outcomes)}
        for workers in (1, 2):
            url = f"sqlite:///{tmp}/dask-{workers}.sqlite3"
            with DaskRunner(spec=ClusterSpec(workers=workers), gazetteer="warlog.places.v1",
                            prefilter=args.prefilter) as runner:
                runner.warm()
                seconds, cpu, summary = run(sources, runner, url)
            rows[f"dask local:{workers}"] = {"url": url, "seconds": seconds, "client_cpu": cpu,
                                            "reports": len(summary.outcomes)}
        reference = stored(rows["in-process"]["url"])
        for row in rows.values():
            row["same_as_in_process"] = stored(row["url"]) == reference
            row["reports_per_s"] = row["reports"] / row["seconds"]
            del row["url"]
    speedup = rows["dask local:1"]["seconds"] / rows["dask local:2"]["seconds"]
    result = {"rows": rows, "speedup_1_to_2": speedup, "prefilter": args.prefilter}
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"{'':<16} {'reports':>7} {'seconds':>8} {'client cpu':>10} {'reports/s':>9} "
              f"{'same db':>8}")
        for name, r in rows.items():
            print(f"{name:<16} {r['reports']:>7} {r['seconds']:>8.1f} {r['client_cpu']:>10.1f} "
                  f"{r['reports_per_s']:>9.2f} {r['same_as_in_process']!s:>8}")
        print(f"Dask 1 -> 2 workers: {speedup:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
