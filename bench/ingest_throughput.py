"""Throughput of `warlog ingest` into SQLite and PostgreSQL, and where its time goes.

usage:
  .venv/bin/python bench/ingest_throughput.py [--copies 4] [--postgres URL] [--json]

Reports: the bundled examples, each written --copies times into a temporary folder with
a line of its own appended and its own URL and outlet in the sidecar, so every copy is a
new document from an independent outlet and each example event is told by --copies
reports (linking has groups to build, not only singletons).

Per backend, on a fresh database:

* ingest: `ingest_sources` as `warlog ingest` runs it (reading, spaCy in batches of the
  `batch_size` setting, extraction, then one transaction per report storing and linking);
  `load_resources()` once beforehand, untimed. The shares of reading, extraction and
  storage (storing + linking) come from the ingest's own timing;
* store only: the reports extracted beforehand, stored and linked by `ingest_report`
  alone into another fresh database: what the database side can take.

PostgreSQL: --postgres URL, else a throwaway cluster started as the tests do (initdb and
pg_ctl in a temporary directory on a free port, as the postgres user when run as root,
fsync off); skipped with a note when neither is available.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pgserver import new_database, postgres_bindir, throwaway_postgres

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "src" / "warlog" / "examples"


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    backend: str
    reports: int
    events: int
    merged: int
    seconds: float
    read: float
    extract: float
    store: float
    store_only_seconds: float

    def row(self) -> dict[str, Any]:
        spent = self.read + self.extract + self.store
        return {
            "backend": self.backend, "reports": self.reports, "events": self.events,
            "merged_events": self.merged, "seconds": round(self.seconds, 3),
            "reports_per_s": round(self.reports / self.seconds, 2),
            "share_read": round(self.read / spent, 3), "share_extract": round(self.extract / spent, 3),
            "share_store": round(self.store / spent, 3),
            "store_only_reports_per_s": round(self.reports / self.store_only_seconds, 2),
            "store_ms_per_report": round(1000 * self.store_only_seconds / self.reports, 1),
        }


def write_copies(folder: Path, copies: int) -> None:
    """Each example --copies times: its own closing line, URL and outlet."""
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix not in (".txt", ".html"):
            continue
        sidecar = path.with_name(path.stem + ".meta.json")
        meta = json.loads(sidecar.read_text()) if sidecar.exists() else {}
        for n in range(copies):
            stem = f"{path.stem}-copy{n}"
            text = path.read_text()
            note = f"Copy {n} of this report, filed for the ingest benchmark."
            text = (text.replace("</body>", f"<p>{note}</p></body>") if path.suffix == ".html"
                    else text + f"\n{note}\n")
            (folder / f"{stem}{path.suffix}").write_text(text)
            copy_meta = dict(meta, url=f"https://bench{n}.example.org/{path.stem}",
                             outlet=f"{meta.get('outlet', 'Outlet')} ({n})")
            (folder / f"{stem}.meta.json").write_text(json.dumps(copy_meta))


def measure(backend: str, url: str, fresh_url: str, folder: Path, resources: Any) -> Result:
    from warlog.batch.local import ingest_report, ingest_sources
    from warlog.batch.queries import event_records
    from warlog.ingest.sources import find_sources, read_source
    from warlog.pipeline import read_report
    from warlog.store.engine import open_store

    sources, _ = find_sources([str(folder)])
    store = open_store(url)
    started = time.perf_counter()
    summary = ingest_sources(sources, store=store, resources=lambda: resources)
    seconds = time.perf_counter() - started
    assert summary.failed == 0, [o.error for o in summary.outcomes if o.error]
    records = event_records(store)
    store.close()
    reports = [read_report(read_source(s), resources=resources) for s in sources]
    other = open_store(fresh_url)
    started = time.perf_counter()
    for report in reports:
        ingest_report(other, report)
    store_only = time.perf_counter() - started
    other.close()
    t = summary.timing
    return Result(backend=backend, reports=len(sources), events=sum(len(r.events) for r in reports),
                  merged=len(records), seconds=seconds, read=t.read, extract=t.extract,
                  store=t.store, store_only_seconds=store_only)


@contextmanager
def any_postgres() -> Iterator[str | None]:
    """A throwaway PostgreSQL server for the run (bench/pgserver.py), or None."""
    bindir = postgres_bindir()
    if bindir is None:
        yield None
        return
    with throwaway_postgres(bindir) as url:
        yield url


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=4, help="copies of each example (default 4)")
    parser.add_argument("--postgres", help="a PostgreSQL server URL (no database part)")
    parser.add_argument("--json", action="store_true", help="print JSON rows instead of a table")
    args = parser.parse_args(argv)

    from warlog.pipeline import load_resources

    resources = load_resources()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="warlog-bench-") as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        write_copies(folder, args.copies)
        results.append(measure("sqlite", f"sqlite:///{tmp}/a.sqlite3", f"sqlite:///{tmp}/b.sqlite3",
                               folder, resources))
        with any_postgres() if args.postgres is None else _given(args.postgres) as server:
            if server is None:
                print("note: no PostgreSQL (no --postgres, no initdb): skipped", file=sys.stderr)
            else:
                results.append(measure("postgresql", new_database(server, prefix="bench"),
                                       new_database(server, prefix="bench"),
                                       folder, resources))
    print_results(results, copies=args.copies, as_json=args.json)


@contextmanager
def _given(url: str) -> Iterator[str]:
    yield url.rstrip("/")


def print_results(results: list[Result], *, copies: int, as_json: bool) -> None:
    rows = [r.row() for r in results]
    if as_json:
        for row in rows:
            print(json.dumps(row, sort_keys=True))
        return
    first = rows[0]
    print(f"ingest: {first['reports']} reports ({copies} copies of each bundled example), "
          f"{first['events']} report events → {first['merged_events']} merged events")
    print(f"{'backend':<11} {'reports/s':>9} {'seconds':>8} {'read':>6} {'extract':>8} "
          f"{'store+link':>10}   {'store only: reports/s':>21} {'ms/report':>9}")
    for row in rows:
        print(f"{row['backend']:<11} {row['reports_per_s']:>9.2f} {row['seconds']:>8.2f} "
              f"{row['share_read']:>6.1%} {row['share_extract']:>8.1%} {row['share_store']:>10.1%}"
              f"   {row['store_only_reports_per_s']:>21.2f} {row['store_ms_per_report']:>9.1f}")


if __name__ == "__main__":
    main()
