"""Web archives read in bounded memory, and how soon a feed item is an event in the API.

usage:
  .venv/bin/python bench/warc_read.py [--records 1000,10000] [--read pages|records]
                                       [--items 5] [--skip-latency] [--json]

1. Memory. A gzip WARC of the largest --records count is written to a temporary folder
   from the shared data sets' real HTML pages (article-extraction-benchmark and
   trafilatura-eval-en, by path; pages repeat, each record its own URI). For each count
   a fresh Python process reads that many records through `warlog.ingest.streams`
   (`--read pages`: each record's page read by the HTML reader, as `warlog ingest`
   does; `--read records`: warcio's records alone) and prints its peak RSS. Baseline in
   the same run: the same process reading 0 records (imports, spaCy-free). Flat means
   the peak at 10,000 is close to the peak at 1,000, whatever the archive's size.
2. Latency. A feed on 127.0.0.1 (this process's HTTP server), `warlog watch --every 1s`
   on it and `warlog serve` on the same SQLite file: an item is added to the feed, and
   the time until its event is listed by /api/events is measured, --items times (after
   one warm-up item, which pays for loading spaCy). Printed: each, the median and max,
   and the poll interval they include.

Nothing is written outside the temporary folder, which is removed at the end.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
DATASETS = Path(os.environ.get("EVAL_DATASETS", REPO.parent / "shared" / "datasets"))
PAGE_SETS = ("article-extraction-benchmark/html", "trafilatura-eval-en/html")
EXAMPLES = REPO / "src" / "warlog" / "examples"


def real_pages() -> list[bytes]:
    pages = []
    for folder in PAGE_SETS:
        for path in sorted((DATASETS / folder).iterdir()):
            if path.name.endswith(".html.gz"):
                pages.append(gzip.decompress(path.read_bytes()))
            elif path.suffix == ".html":
                pages.append(path.read_bytes())
    if not pages:
        raise SystemExit(f"no HTML pages under {DATASETS}; set EVAL_DATASETS")
    return pages


def write_warc(path: Path, count: int, pages: list[bytes]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(count):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://bench.example/{i}", "response", payload=io.BytesIO(pages[i % len(pages)]),
                http_headers=http, warc_headers_dict={"WARC-Date": "2024-03-10T08:00:00Z"}))


# The child: read N records, print what it read and its peak RSS.
CHILD = r"""
import resource, sys, itertools
from pathlib import Path
from warlog.ingest.sources import Source
from warlog.ingest.streams import documents_of
from warlog.ingest.archives import _media_type
path, limit, mode = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
read = failed = 0
if limit and mode == "pages":
    for item in itertools.islice(documents_of(Source(name=str(path), path=path)), limit):
        read += 1
        failed += not hasattr(item, "text")
elif limit:
    from warcio.archiveiterator import ArchiveIterator
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if _media_type(record) is None:
                continue
            record.content_stream().read()
            read += 1
            if read >= limit:
                break
print(read, failed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss(archive: Path, limit: int, mode: str) -> dict[str, Any]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, str(archive), str(limit), mode],
                          capture_output=True, text=True, check=True, cwd=REPO)
    read, failed, kib = (int(x) for x in done.stdout.split())
    return {"records": limit, "read": read, "failed": failed, "peak_rss_mib": kib / 1024,
            "seconds": time.perf_counter() - started}


def memory(counts: list[int], mode: str, tmp: Path) -> list[dict[str, Any]]:
    pages = real_pages()
    archive = tmp / "bench.warc.gz"
    started = time.perf_counter()
    write_warc(archive, max(counts), pages)
    print(f"wrote {max(counts)} records from {len(pages)} real pages: "
          f"{archive.stat().st_size / 2**20:.0f} MiB gzip in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)
    rows = [peak_rss(archive, n, mode) for n in [0, *counts]]
    archive.unlink()
    return rows


class Feed:
    def __init__(self) -> None:
        self.items: list[str] = []
        self.lock = threading.Lock()

    def body(self) -> bytes:
        with self.lock:
            items = "".join(self.items)
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Wire</title>'
                f"{items}</channel></rss>").encode()


def serve_feed(feed: Feed) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = feed.body()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def example_items() -> Iterator[str]:
    """Feed items made of the bundled example texts, each with its own link."""
    n = 0
    while True:
        for path in sorted(EXAMPLES.glob("*.txt")):
            n += 1
            sidecar = path.with_suffix(".meta.json")
            meta = json.loads(sidecar.read_text()) if sidecar.exists() else {}
            text = path.read_text(encoding="utf-8") + f"\n\n(Bench copy {n}.)"
            body = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip())
            yield (f"<item><title>{escape(meta.get('title') or path.stem)}</title>"
                   f"<link>https://bench.example/item/{n}</link><guid>bench-{n}</guid>"
                   f"<description><![CDATA[{body}]]></description></item>")


def events_total(base: str) -> int:
    with urllib.request.urlopen(f"{base}api/events?limit=1", timeout=5) as answer:
        return int(json.load(answer)["total"])


def latency(items: int, tmp: Path) -> dict[str, Any]:
    feed = Feed()
    httpd = serve_feed(feed)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"
    db = f"sqlite:///{tmp / 'latency.sqlite3'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARLOG_")}
    env["WARLOG_ALLOW_PRIVATE_ADDRESSES"] = "true"
    watch = subprocess.Popen([sys.executable, "-m", "warlog", "watch", url, "--every", "1s",
                              "--db", db], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    time.sleep(3)   # the watch has created the database before the server opens it
    serve = subprocess.Popen([sys.executable, "-m", "warlog", "serve", "--db", db, "--port", "0"],
                             cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)
    assert serve.stdout is not None
    base = serve.stdout.readline().split(" at ", 1)[1].split(" ", 1)[0]
    made = example_items()
    waits: list[float] = []
    try:
        for n in range(items + 1):
            before = events_total(base)
            while True:     # an item whose report has events; others leave nothing to see
                with feed.lock:
                    feed.items.append(next(made))
                appeared = time.perf_counter()
                deadline = appeared + 120
                while events_total(base) == before and time.perf_counter() < deadline:
                    time.sleep(0.05)
                if events_total(base) > before:
                    break
            if n:   # the first pays for loading spaCy in the watch
                waits.append(time.perf_counter() - appeared)
    finally:
        for proc in (watch, serve):
            proc.terminate()
            proc.wait(timeout=30)
        httpd.shutdown()
        httpd.server_close()
    return {"items": items, "seconds": waits, "median": statistics.median(waits),
            "max": max(waits), "poll_every": 1.0, "api_recheck": 1.0}


def main() -> None:
    # SIGTERM as an exception, so the temporary folder is removed on the way out
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", default="1000,10000")
    parser.add_argument("--read", choices=("pages", "records"), default="pages")
    parser.add_argument("--items", type=int, default=5)
    parser.add_argument("--skip-latency", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    counts = [int(c) for c in args.records.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="warlog-warc-bench-"))
    try:
        rows = memory(counts, args.read, tmp)
        lat = None if args.skip_latency else latency(args.items, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        print(json.dumps({"memory": rows, "latency": lat}, indent=1))
        return
    base = rows[0]["peak_rss_mib"]
    print(f"reading a gzip WARC of real pages ({args.read}): peak RSS per process")
    for row in rows:
        print(f"  {row['records']:>6} records: {row['peak_rss_mib']:7.1f} MiB "
              f"({row['peak_rss_mib'] / base:.2f}x the 0-record baseline; read {row['read']}, "
              f"{row['failed']} failed; {row['seconds']:.0f} s)")
    if len(rows) > 2:
        print(f"  {rows[-1]['records']} vs {rows[1]['records']} records: "
              f"{rows[-1]['peak_rss_mib'] / rows[1]['peak_rss_mib']:.2f}x")
    if lat is not None:
        shown = ", ".join(f"{s:.1f}" for s in lat["seconds"])
        print(f"feed item to /api/events, watch --every 1s, API recheck 1 s: median "
              f"{lat['median']:.1f} s, max {lat['max']:.1f} s ({shown})")


if __name__ == "__main__":
    main()
