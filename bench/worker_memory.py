"""Memory per Dask worker as the reports read grow: 10,000 against 100,000 and between.

usage:
  .venv/bin/python bench/worker_memory.py [--reports 100000] [--every 10000] [--workers 2]
        [--paragraphs 3] [--conflict 1.0] [--no-prefilter] [--no-zone] [--dask-profiler]
        [--seed 1] [--json]

The reports are made as ``bench/corpus.py`` makes them (its pools and ``recombine``: real
texts of ``../shared/datasets`` and ``src/warlog/examples`` recombined, nothing invented),
in memory, each cut to its first ``--paragraphs`` paragraphs so that a hundred thousand
are read in minutes rather than hours on two cores. They go through the same
``DaskRunner`` as ``warlog ingest --dask local:N`` (its worker plugin, its task function,
at most 2 × workers batches in flight); the results are dropped on arrival (storing is
the client's work, not the workers'). After every ``--every`` reports each worker is
asked (``Client.run``) for its resident memory (RSS), the strings in its pipeline's
vocabulary and its lexemes, the objects Python's collector tracks and the results it holds.

``--no-zone`` reads without ``Resources.zone`` (spaCy's memory zone, and the collection
of each batch's garbage) on the workers: the baseline of what the zone keeps flat. The
corpus's vocabulary is bounded (a few hundred texts recombined), where a real archive
keeps bringing new names and numbers; the strings column is what grows with those, and
with the zone it stays where loading left it. ``--dask-profiler`` keeps Dask's profiler
on the workers, as Dask's default has it (warlog's local clusters turn it off): the
baseline of the objects column, which with it grows by ~12 per report read until the
profiler's 1,000 seconds of history are full.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator
from contextlib import nullcontext
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import pools, recombine


def reports(n: int, *, paragraphs: int, conflict_share: float, seed: int) -> Iterator[Any]:
    """``n`` distinct Documents, the same for the same arguments."""
    from warlog.ingest.document import document_id
    from warlog.model import Document

    conflict, general = pools()
    rnd = random.Random(seed)
    seen: set[str] = set()
    made = 0
    while made < n:
        base = rnd.choice(conflict if rnd.random() < conflict_share else general)
        filler = rnd.choice([g for g in general if g.source != base.source])
        text, _ = recombine(base, filler, rnd)
        text = "\n\n".join(text.split("\n\n")[:paragraphs]).strip() + "\n"
        doc_id = document_id(text)
        if doc_id in seen:
            continue
        seen.add(doc_id)
        made += 1
        yield Document(id=doc_id, path=f"corpus/{made:08d}.txt", text=text,
                       published=date(2024, 1, 1) + timedelta(days=rnd.randrange(365)),
                       published_source="sidecar")


def probe(dask_worker: Any) -> dict[str, int]:
    """On a worker (through ``Client.run``): its RSS, its pipeline's vocabulary, the
    objects the cyclic collector tracks, the results it holds and the name-key cache."""
    import gc

    import psutil

    from warlog.batch.dask import PLUGIN
    from warlog.geo.names import name_key

    resources = dask_worker.plugins[PLUGIN].get()
    return {"rss": psutil.Process().memory_info().rss,
            "strings": len(resources.nlp.vocab.strings), "lexemes": len(resources.nlp.vocab),
            "objects": len(gc.get_objects()), "held": len(dask_worker.data),
            "name_keys": name_key.cache_info().currsize}


def without_zone(dask_worker: Any) -> None:
    """On a worker: read outside any memory zone, with no collection after a batch (the
    baseline: reading as it was before ``Resources.zone``)."""
    from warlog.pipeline import Resources

    Resources.zone = lambda self: nullcontext()  # type: ignore[method-assign,assignment,return-value]


def batched(docs: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--paragraphs", type=int, default=3)
    parser.add_argument("--conflict", type=float, default=1.0,
                        help="share of reports built on a conflict text (default 1.0)")
    parser.add_argument("--no-prefilter", action="store_true")
    parser.add_argument("--no-zone", action="store_true",
                        help="read outside spaCy's memory zone on the workers (baseline)")
    parser.add_argument("--dask-profiler", action="store_true",
                        help="keep Dask's profiler on the workers (off in warlog's clusters)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from warlog.batch.dask import ClusterSpec, DaskRunner
    from warlog.settings import load_settings

    settings = load_settings()
    runner = DaskRunner(spec=ClusterSpec(workers=args.workers), gazetteer=settings["gazetteer"],
                        prefilter=not args.no_prefilter,
                        on_dashboard=lambda link: print(f"Dask dashboard: {link}", file=sys.stderr),
                        profiler=args.dask_profiler)
    rows: list[dict[str, Any]] = []
    with runner:
        runner.warm()
        client = runner._client
        if args.no_zone:
            client.run(without_zone)

        def sample(read: int, outcomes: dict[str, int]) -> None:
            per = client.run(probe)
            row: dict[str, Any] = {"reports": read, "seconds": round(time.perf_counter() - start, 1),
                   **outcomes,
                   "workers": [{"rss_mb": round(v["rss"] / 2**20, 1),
                                **{k: v[k] for k in v if k != "rss"}}
                               for _, v in sorted(per.items())]}
            rows.append(row)
            if not args.json:
                workers = "  ".join(f"{w['rss_mb']:7.1f} MB {w['strings']:>7,} strings "
                                    f"{w['objects']:>8,} objects {w['held']} held"
                                    for w in row["workers"])
                counts = " ".join(f"{k} {v:,}" for k, v in outcomes.items())
                print(f"{read:>8,} reports {row['seconds']:>7.1f} s  {workers}  ({counts})",
                      flush=True)

        start = time.perf_counter()
        sample(0, {})
        read = 0
        outcomes: dict[str, int] = {"read": 0, "skipped": 0, "failed": 0}
        docs = reports(args.reports, paragraphs=args.paragraphs, conflict_share=args.conflict,
                       seed=args.seed)
        for results in runner.run(batched(docs, settings["batch_size"])):
            for r in results:
                status = getattr(r, "status", "read")
                outcomes[status] = outcomes.get(status, 0) + 1
            before, read = read, read + len(results)
            if read // args.every > before // args.every or read == args.reports:
                sample(read, dict(outcomes))
    base = next((r for r in rows if r["reports"] >= min(10_000, args.reports)), rows[-1])
    last = rows[-1]
    ratios = [round(b["rss_mb"] / a["rss_mb"], 3) for a, b in zip(base["workers"], last["workers"],
                                                                  strict=True)]
    summary = {"zone": not args.no_zone, "prefilter": not args.no_prefilter,
               "dask_profiler": args.dask_profiler,
               "paragraphs": args.paragraphs, "from": base["reports"], "to": last["reports"],
               "rss_ratio_per_worker": ratios, "rows": rows}
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        print(f"RSS per worker at {last['reports']:,} ÷ at {base['reports']:,} reports: "
              + ", ".join(f"{r:.3f}" for r in ratios))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
