"""A bounded fuzz run over warlog's readers and extraction: cases, outcomes, peak RSS.

usage:
  .venv/bin/python bench/fuzz.py [--cases 10000] [--feed-cases 2000] [--extract-every 10]
                                 [--seed 15] [--no-heavy]

Cases come from bench/fuzzcases.py: random bytes, text with bytes spliced in, empty and
NUL files, wrong and mixed encodings (UTF-16 without BOM, Latin-1, Shift_JIS, KOI8-R),
HTML with odd charsets, meta refreshes and external resources, nesting from 255 to 10,000
levels, long runs without whitespace, RTL and emoji text, odd file names (escape codes,
non-UTF-8 bytes, 240 characters), symlink loops, dangling links, FIFOs, /dev/zero, a
folder named .txt, a broken sidecar; then --feed-cases feeds and web archives
(bench/fuzzfeeds.py: RSS, RSS 1.0, Atom, WARC, ARC, .gz, whole or truncated, spliced,
with bad XML, entity expansion, external entities, wrong or broken gzip, huge or bad
Content-Length, bad HTTP heads), read item by item as the CLI reads them, from their
own seed (seed + 1) so the --cases run stays as it was; then, unless --no-heavy, a 50 MB
HTML page, 10,000-level nesting, a 5 MB line, a report of 10,000 paragraphs, an archive
with a 21 MB record and a 21 MB feed, each read and extracted. Every case is read with `read_source`; every --extract-every-th one (and every
heavy one) is also extracted by the CLI's path. The seed makes a run repeatable.

Printed: cases run, outcomes per kind (read, extracted, error:CODE, FAIL: …; for feeds
and archives per damage too, and "no items" when a file gave neither a report nor an
error), failures with their detail, seconds, and the process's peak RSS (``ru_maxrss``, after the ~450 MB
of the loaded model and gazetteer). The exit status is 1 when any case failed.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzzcases import FEED_KINDS, heavy_cases, random_case, run_case


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--feed-cases", type=int, default=2_000,
                        help="feeds and web archives, whole and damaged")
    parser.add_argument("--extract-every", type=int, default=10)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--no-heavy", action="store_true")
    args = parser.parse_args(argv)

    import logging

    from warlog.pipeline import load_resources

    logging.disable(logging.WARNING)  # the notices of 10,000 cases are not the figures

    resources = load_resources()
    loaded_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rng = random.Random(args.seed)
    outcomes: Counter[tuple[str, str]] = Counter()
    damages: Counter[tuple[str, str]] = Counter()
    failures = []
    scratch = Path(tempfile.mkdtemp(prefix="warlog-fuzz-"))
    started = time.perf_counter()
    try:
        cases = [random_case(rng, i) for i in range(args.cases)]
        feed_rng = random.Random(args.seed + 1)
        cases += [random_case(feed_rng, len(cases) + i, kinds=FEED_KINDS)
                  for i in range(args.feed_cases)]
        heavy = [] if args.no_heavy else list(heavy_cases())
        for i, case in enumerate(cases + heavy):
            extract = i % args.extract_every == 0 or i >= len(cases)
            outcome = run_case(case, scratch / str(i), resources=resources, extract=extract)
            shutil.rmtree(scratch / str(i), ignore_errors=True)
            outcomes[(outcome.kind.split(":")[0], outcome.status)] += 1
            if outcome.kind.split(":")[0] in FEED_KINDS:
                damages[(outcome.kind, outcome.status)] += 1
            if outcome.failed:
                failures.append((i, outcome))
            if i >= len(cases):
                print(f"  heavy {case.kind}: {outcome.status}, peak RSS so far "
                      f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
                      flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    seconds = time.perf_counter() - started
    total = sum(outcomes.values())
    print(f"cases run: {total} ({args.cases} random, seed {args.seed}; {args.feed_cases} "
          f"feeds and archives, seed {args.seed + 1}; {len(heavy)} heavy), {seconds:.0f} s")
    for (kind, status), n in sorted(outcomes.items()):
        print(f"  {kind:<12} {status:<22} {n:>6}")
    if damages:
        print("feeds and archives by damage:")
        for (kind, status), n in sorted(damages.items()):
            print(f"  {kind:<24} {status:<34} {n:>6}")
    print(f"failures: {len(failures)}")
    for i, outcome in failures[:20]:
        print(f"  case {i} {outcome.kind}: {outcome.status} {outcome.detail}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS: {peak / 1024:.0f} MB (after loading the model and gazetteer: "
          f"{loaded_rss / 1024:.0f} MB)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
