"""`warlog watch` against a real HTTP server on 127.0.0.1 whose feed grows over time:
each item ingested once, 304s honoured, the server going down and coming back survived,
alerts fired exactly for the matching events; and loopback refused without the setting."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from sqlalchemy import create_engine, func, select

from warlog.store.tables import documents
from warlog.store.watch_state import watch_items

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "src" / "warlog" / "examples"
# Jordan, the West Bank, Jordan again: the alert below is for Jordan only
STEMS = ["2024-01-28-tower-22-drone", "2023-06-20-jenin-convoy-ied", "2024-01-29-tower-22-update"]


def item_xml(stem: str) -> str:
    text = (EXAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    meta = json.loads((EXAMPLES / f"{stem}.meta.json").read_text(encoding="utf-8"))
    paragraphs = "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())
    day = time.strptime(meta["published"], "%Y-%m-%d")
    return (f"<item><title>{escape(meta['title'])}</title><link>{escape(meta['url'])}</link>"
            f"<guid>{escape(meta['url'])}</guid><pubDate>{formatdate(time.mktime(day))}</pubDate>"
            f"<description><![CDATA[{paragraphs}]]></description></item>")


class Feed:
    """The feed the server serves; items are added while the watch runs."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.lock = threading.Lock()
        self.answers: list[int] = []

    def body(self) -> bytes:
        with self.lock:
            items = "".join(self.items)
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Wire</title>'
                f"{items}</channel></rss>").encode()


def handler_for(feed: Feed) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = feed.body()
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                feed.answers.append(304)
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            feed.answers.append(200)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


class Server:
    """A ThreadingHTTPServer on 127.0.0.1 that can be stopped and started on its port."""

    def __init__(self, feed: Feed, port: int = 0) -> None:
        self.feed = feed
        self.port = port
        self.httpd: ThreadingHTTPServer | None = None

    def start(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), handler_for(self.feed))
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        assert self.httpd is not None
        self.httpd.shutdown()
        self.httpd.server_close()
        self.httpd = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/feed.xml"


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server(Feed())
    running.start()
    yield running
    if running.httpd is not None:
        running.stop()


class Lines:
    """A stream's lines, gathered by a thread as they come."""

    def __init__(self, stream: Any) -> None:
        self.lines: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: Any) -> None:
        for line in stream:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, test: Callable[[str], bool], *, timeout: float = 120, what: str = "") -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if test(line):
                    return line
            time.sleep(0.2)
        raise AssertionError(f"no line {what} within {timeout}s; got {self.lines}")


def clean_env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARLOG_")}
    env.update(settings)
    return env


def count(url: str, table: Any) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(table)) or 0)
    finally:
        engine.dispose()


def test_watch_ingests_each_new_item_once_through_304s_and_an_outage(
        server: Server, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'watch.sqlite3'}"
    alerts, hooked = tmp_path / "alerts.jsonl", tmp_path / "hooked.jsonl"
    hook = tmp_path / "hook.py"
    hook.write_text("import sys\nwith open(sys.argv[1], 'a') as f:\n    f.write(sys.stdin.read())\n")
    server.feed.items.append(item_xml(STEMS[0]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "warlog", "watch", server.url, "--every", "2s", "--db", db,
         "--alert", "country=JO", "--alerts-to", str(alerts),
         "--on-alert", f"{sys.executable} {hook} {hooked}"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=clean_env(WARLOG_ALLOW_PRIVATE_ADDRESSES="true", WARLOG_WATCH_MAX_BACKOFF="4"))
    out, err = Lines(proc.stdout), Lines(proc.stderr)
    try:
        out.wait_for(lambda line: line.endswith(f"(from {server.url}#1)"), what="for item 1")
        deadline = time.monotonic() + 30
        while 304 not in server.feed.answers and time.monotonic() < deadline:
            time.sleep(0.2)
        assert 304 in server.feed.answers, "the unchanged feed was asked for conditionally"
        with server.feed.lock:
            server.feed.items.append(item_xml(STEMS[1]))
        out.wait_for(lambda line: line.endswith(f"(from {server.url}#2)"), what="for item 2")
        server.stop()
        failure = err.wait_for(lambda line: line.startswith("Error: [E141]"), timeout=30,
                               what="naming the failed poll")
        assert server.url in failure and "next try in" in failure
        with server.feed.lock:
            server.feed.items.append(item_xml(STEMS[2]))
        server.start()
        out.wait_for(lambda line: line.endswith(f"(from {server.url}#3)"), what="for item 3")
        err.wait_for(lambda line: line.startswith(f"Notice: {server.url}: read again"), timeout=10)
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=60)
    assert code == 0, err.lines
    time.sleep(0.5)
    assert out.lines[-1].startswith("3 reports read: 3 new, 0 unchanged, 0 failed"), out.lines
    assert count(db, documents) == 3
    assert count(db, watch_items) == 3
    events = [line for line in out.lines if line.startswith(("new event", "updated event"))]
    # each item's events were told once: an item is never read twice
    for n in (1, 2, 3):
        told = [line for line in events if line.endswith(f"#{n})")]
        assert told and len(told) == len(set(told))
    check_alerts(db, alerts, hooked, events)


def check_alerts(db: str, alerts: Path, hooked: Path, told: list[str]) -> None:
    fired = [json.loads(line) for line in alerts.read_text().splitlines()]
    assert fired, "Tower 22 is in Jordan"
    assert all(a["alert"] == ["country=JO"] and a["event"]["location"]["country"] == "JO"
               for a in fired)
    done = subprocess.run([sys.executable, "-m", "warlog", "events", "--json", "--db", db],
                          capture_output=True, text=True, cwd=REPO, check=True, env=clean_env())
    records = [json.loads(line) for line in done.stdout.splitlines()]
    jordan = {r["id"] for r in records if (r.get("location") or {}).get("country") == "JO"}
    elsewhere = {r["id"] for r in records} - jordan
    assert elsewhere, "the West Bank report gives events that must not fire"
    assert jordan <= {a["event"]["id"] for a in fired}
    assert not {a["event"]["id"] for a in fired} & elsewhere
    assert len(fired) == sum(1 for line in told if any(i in line for i in
                                                       {a["event"]["id"] for a in fired}))
    assert hooked.read_text().splitlines() == alerts.read_text().splitlines()


def test_loopback_is_refused_without_the_setting(server: Server, tmp_path: Path) -> None:
    server.feed.items.append(item_xml(STEMS[0]))
    db = f"sqlite:///{tmp_path / 'refused.sqlite3'}"
    for command in (["ingest", "--db", db, server.url],
                    ["watch", "--once", "--db", db, server.url]):
        done = subprocess.run([sys.executable, "-m", "warlog", *command], capture_output=True,
                              text=True, cwd=REPO, check=False, env=clean_env())
        assert done.returncode == 1
        errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1, done.stderr
        assert errors[0].startswith(f"Error: [E143] {server.url}: refused: 127.0.0.1 is "
                                    "127.0.0.1, a loopback address")
        assert "WARLOG_ALLOW_PRIVATE_ADDRESSES" in errors[0]
    assert server.feed.answers == [], "nothing was asked of the server"


def copy_example(stem: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in EXAMPLES.glob(f"{stem}.*"):
        (folder / path.name).write_bytes(path.read_bytes())


def test_watch_once_on_a_folder_reads_only_new_and_changed_files(db_url: str,
                                                                   tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    copy_example(STEMS[0], folder)

    def once() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "warlog", "watch", "--once", "--db", db_url,
                               str(folder)], capture_output=True, text=True, cwd=REPO,
                              check=False, env=clean_env())

    first = once()
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1].startswith("1 report read: 1 new")
    assert any(line.startswith("new event ") for line in first.stdout.splitlines())
    again = once()
    assert again.stdout.splitlines() == [("0 reports read: 0 new, 0 unchanged, 0 failed; "
                                          "events: 0 new, 0 merged into events already on record")]
    copy_example(STEMS[2], folder)          # the next day's report of the same attack
    third = once()
    assert third.stdout.splitlines()[-1].startswith("1 report read: 1 new"), third.stdout
    assert any(line.startswith("updated event ") for line in third.stdout.splitlines())
    (folder / "broken.rss").write_bytes(b"<rss version='2.0'><channel><item><title>x")
    fourth = once()
    assert fourth.returncode == 1
    assert [line for line in fourth.stderr.splitlines() if line.startswith("Error:")] == [
        line for line in fourth.stderr.splitlines() if str(folder / "broken.rss") in line]


def test_sigint_stops_between_reports_and_the_next_watch_finishes(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    for stem in ["2023-06-20-jenin-convoy-ied", "2023-09-04-deir-ezzor-clashes",
                 "2023-10-25-drones-al-tanf-al-asad", "2024-01-20-iraq-japan-asian-cup",
                 "2024-01-28-tower-22-drone", "2024-03-03-odesa-drone-strike"]:
        copy_example(stem, folder)
    db = f"sqlite:///{tmp_path / 'stop.sqlite3'}"
    env = clean_env(WARLOG_BATCH_SIZE="1")
    proc = subprocess.Popen([sys.executable, "-m", "warlog", "watch", "--every", "1h", "--db", db,
                             str(folder)], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    out = Lines(proc.stdout)
    out.wait_for(lambda line: line.startswith("new event "), what="for a first event")
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=60) == 0
    time.sleep(0.3)
    summary = out.lines[-1]
    stored = count(db, documents)
    assert summary.startswith(f"{stored} report{'s' if stored != 1 else ''} read: {stored} new")
    assert 1 <= stored < 6, "stopped before the end"
    rest = subprocess.run([sys.executable, "-m", "warlog", "watch", "--once", "--db", db,
                           str(folder)], capture_output=True, text=True, cwd=REPO, check=False,
                          env=env)
    assert rest.returncode == 0, rest.stderr
    assert rest.stdout.splitlines()[-1].startswith(f"{6 - stored} reports read: {6 - stored} new"
                                                   if 6 - stored != 1 else "1 report read: 1 new")
    assert count(db, documents) == 6 and count(db, watch_items) == 6
