"""Extraction cost against the number of attack mentions in one report.

usage:
  .venv/bin/python bench/many_mentions.py [--sizes 250,500,1000,2000] [--json]

Each size is one generated report of N short incident paragraphs ("A drone attack killed
5 people in Baghdad on Monday, officials said (17).") read by warlog's own path: the text
reader, then the CLI's parse (`parse_texts`, in windows for long texts) and `read_parsed`.
Every size runs in a fresh process, so that its peak RSS (``ru_maxrss``) is its own; the
model and gazetteer load is timed apart and left out of the extraction time.

Printed per size: seconds of extraction, milliseconds per sentence, the ratio of that
per-sentence cost to the smallest size's (flat, about 1.0, means linear; doubling with
each doubling of N means quadratic), events found, and peak RSS of the process (which
includes the ~300 MB of the loaded model and gazetteer, measured once as "after load").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
from warlog.ingest.sources import Source, read_source
from warlog.pipeline import load_resources, parse_texts, read_parsed

n = int(sys.argv[1])
text = "\n\n".join(f"A drone attack killed {i % 9 + 2} people in Baghdad on Monday, "
                   f"officials said ({i})." for i in range(n))
started = time.perf_counter()
resources = load_resources()
loaded = time.perf_counter() - started
load_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
import io
doc = read_source(Source(name="many.txt", path=None), stdin=io.BytesIO(text.encode()))
started = time.perf_counter()
(parsed,) = parse_texts([doc.text], nlp=resources.nlp)
report = read_parsed(doc, parsed, resources=resources)
seconds = time.perf_counter() - started
print(json.dumps({"n": n, "chars": len(doc.text), "seconds": seconds, "load_s": loaded,
                  "events": len(report.events), "load_rss_kb": load_rss,
                  "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def run_size(n: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(n)], capture_output=True, text=True,
                          check=False, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"size {n} failed:\n{done.stderr}")
    row: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="250,500,1000,2000",
                        help="comma-separated numbers of incident sentences")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    rows = [run_size(int(n)) for n in args.sizes.split(",")]
    base = rows[0]["seconds"] / rows[0]["n"]
    for row in rows:
        row["ms_per_sentence"] = 1000 * row["seconds"] / row["n"]
        row["ratio"] = (row["seconds"] / row["n"]) / base
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"after load (model + gazetteer): {rows[0]['load_rss_kb'] / 1024:.0f} MB peak RSS")
    print(f"{'sentences':>9} {'chars':>8} {'seconds':>8} {'ms/sent':>8} {'ratio':>6} "
          f"{'events':>6} {'peak RSS':>9}")
    for row in rows:
        print(f"{row['n']:>9} {row['chars']:>8} {row['seconds']:>8.1f} "
              f"{row['ms_per_sentence']:>8.1f} {row['ratio']:>6.2f} {row['events']:>6} "
              f"{row['peak_rss_kb'] / 1024:>7.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
