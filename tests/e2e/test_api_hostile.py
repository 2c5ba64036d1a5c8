"""The API and dashboard under hostile requests (issue 15, finding 6 and deliverable 4):
extreme dates, HEAD, forged Host headers, oversized and injected parameters, path
traversal, every method but GET, and the security headers on every answer.

In-process requests go through FastAPI's TestClient against a real SQLite database;
the Host check and the listening address are tried on a real `warlog serve`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from warlog.api.app import SECURITY_HEADERS, create_app
from warlog.api.hosts import HostGuard
from warlog.batch.local import ingest_report
from warlog.store.engine import open_store

REPO = Path(__file__).resolve().parents[2]
# "over the weekend" reads as a two-day event: the index then has a longest span > 0.
WEEKEND = ("Militants attacked an army base near Kirkuk over the weekend, killing three "
           "soldiers, police said.\n")
FILTERED = ("/api/events", "/api/map", "/api/timeline")
EVERY_GET = ("/", "/api/events", "/api/map", "/api/timeline", "/api/tally", "/api/claims",
             "/api/facets", "/api/openapi.json", "/static/app.js")
INJECTIONS = ("' OR '1'='1", "1; DROP TABLE documents; --", "\" OR 1=1 --",
              "1' UNION SELECT text FROM documents --", "%' AND 1=0 UNION ALL SELECT NULL,NULL --", "') OR ('a'='a",
              "IQ'--", "1)) OR sleep(5)#", "admin'/*", "\\x00' OR 1=1", "🙂' OR 1=1 --")
PARAMETERS = {
    "/api/events": ("since", "until", "country", "sub_type", "weapon", "actor", "bbox", "offset",
                    "limit"),
    "/api/map": ("since", "until", "country", "sub_type", "weapon", "actor", "bbox", "zoom", "view"),
    "/api/timeline": ("since", "until", "country", "weapon", "step"),
    "/api/tally": ("since", "until", "by"),
    "/api/claims": ("since", "until", "kind"),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, example_reports: Any, country_of: Any,
       read_text: Any) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'warlog.sqlite3'}"
    store = open_store(url)
    weekend = read_text(WEEKEND, published="2024-07-29")
    for report in (*example_reports, weekend):
        assert ingest_report(store, report, country_of=country_of).status == "new"
    store.close()
    return url


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    store = open_store(db)
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c
    store.close()


def test_a_multi_day_event_is_stored(client: TestClient) -> None:
    spans = [e["time"] for e in client.get("/api/events?limit=1000").json()["events"]]
    assert any(t["start"] and t["end"] and t["start"] < t["end"] for t in spans)


@pytest.mark.parametrize("path", [*FILTERED, "/api/tally", "/api/claims"])
@pytest.mark.parametrize("dates", ["since=0001-01-01", "until=9999-12-31",
                                   "since=0001-01-01&until=9999-12-31", "until=0001-01-01",
                                   "since=9999-12-31"])
def test_the_first_and_last_days_there_are_are_answered(client: TestClient, path: str,
                                                        dates: str) -> None:
    r = client.get(f"{path}?{dates}")
    assert r.status_code == 200, r.text
    if path == "/api/events" and dates.startswith("since=0001"):
        assert r.json()["total"] == client.get("/api/events").json()["total"]


def test_head_is_answered_like_get_without_a_body(client: TestClient) -> None:
    for path in ("/", "/api/events", "/api/facets", "/static/app.js"):
        got = client.get(path)
        head = client.head(path)
        assert head.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
        assert head.headers["content-security-policy"] == SECURITY_HEADERS["Content-Security-Policy"]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
@pytest.mark.parametrize("path", ["/", "/api/events", "/api/events/0123456789abcdef",
                                  "/api/tally", "/static/app.js"])
def test_only_get_and_head_are_served(client: TestClient, method: str, path: str) -> None:
    r = client.request(method, path, content=b"x" * 10_000)
    assert r.status_code == 405, (method, path, r.status_code)
    assert "error" in r.json()
    assert "get" in r.headers.get("allow", "").lower()


def test_a_large_body_is_refused_and_the_store_is_unchanged(client: TestClient) -> None:
    before = client.get("/api/events?limit=1000").content
    r = client.post("/api/events", content=b"{" * 5_000_000)
    assert r.status_code == 405
    assert client.get("/api/events?limit=1000").content == before


@pytest.mark.parametrize("size", [1_000, 60_000])
def test_an_oversized_parameter_is_not_echoed_whole(client: TestClient, size: int) -> None:
    for query in (f"country={'Q' * size}", f"bbox={'1,' * (size // 2)}", f"since={'9' * size}",
                  f"{'x' * size}=1", f"limit={'7' * size}"):
        r = client.get(f"/api/events?{query}")
        assert r.status_code == 422, r.text[:200]
        message = r.json()["error"]["message"]
        assert len(r.content) < 1_500, f"{len(r.content)} bytes answered for {query[:20]}…"
        assert message.startswith("[E701] bad request: ")


@pytest.mark.parametrize("path", list(PARAMETERS))
def test_sql_injection_in_every_parameter_is_inert(client: TestClient, path: str) -> None:
    total = client.get("/api/events").json()["total"]
    for name in PARAMETERS[path]:
        for attack in INJECTIONS:
            r = client.get(path, params={name: attack})
            assert r.status_code in (200, 422), (path, name, attack, r.status_code, r.text)
            if r.status_code == 200 and path == "/api/events":
                assert r.json()["total"] <= total
        event = client.get(f"/api/events/{INJECTIONS[0]}")
        assert event.status_code in (404, 422)
    assert client.get("/api/events").json()["total"] == total, "nothing was dropped or added"


TRAVERSALS = ("/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
              "/static/..%2f..%2f..%2f..%2fetc%2fpasswd", "/static/%252e%252e%252fetc%252fpasswd",
              "/static/....//....//etc/passwd", "/static/..\\..\\..\\etc\\passwd",
              "/static/%2e%2e%5c%2e%2e%5cetc%5cpasswd", "/static//etc/passwd",
              "/static/%2fetc%2fpasswd", "/static/..%c0%af..%c0%afetc%c0%afpasswd",
              "/static/vendor/../../api/app.py", "/static/./../__init__.py",
              "/static/%00../../etc/passwd", "/static/app.js%00.html",
              "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd", "/..%2f..%2fetc/passwd")


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_raw_and_encoded_reads_nothing_outside_the_dashboard(
        client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (400, 404, 422), (path, r.status_code)
    assert b"root:" not in r.content and b"import " not in r.content


def test_security_headers_on_every_answer(client: TestClient) -> None:
    answers = [client.get(p) for p in EVERY_GET]
    answers += [client.get("/api/nowhere"), client.get("/api/events?limit=0"),
                client.post("/api/events"), client.get("/static/nothing.js"),
                client.get("/api/events/0123456789abcdef"), client.head("/")]
    for r in answers:
        for name, value in SECURITY_HEADERS.items():
            assert r.headers.get(name) == value, (r.request.url, name)
    csp = SECURITY_HEADERS["Content-Security-Policy"]
    scripts = next(p for p in csp.split(";") if p.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert "frame-ancestors 'none'" in csp
    assert SECURITY_HEADERS["X-Content-Type-Options"] == "nosniff"
    assert SECURITY_HEADERS["Referrer-Policy"] == "no-referrer"


def test_the_host_guard_refuses_names_that_are_not_this_machines(db: str) -> None:
    store = open_store(db)
    guarded = HostGuard(create_app(store), host="127.0.0.1", port=8000, allowed=("warlog.lan",))
    try:
        for host, status in (("127.0.0.1:8000", 200), ("localhost:8000", 200), ("[::1]:8000", 200),
                             ("LOCALHOST", 200), ("warlog.lan", 200), ("app.localhost:8000", 200),
                             ("evil.example", 400), ("evil.example:8000", 400),
                             ("127.0.0.1.evil.example", 400), ("localhost.evil.example", 400),
                             ("10.1.2.3", 400), ("", 400), ("127.0.0.1:8000@evil", 400)):
            with TestClient(guarded, base_url=f"http://{host or 'x'}") as c:
                r = c.get("/api/facets", headers={"host": host})
            assert r.status_code == status, (host, r.status_code)
            if status == 400:
                assert r.json()["error"]["code"] == "E707"
                assert r.headers["x-content-type-options"] == "nosniff"
        wild = HostGuard(create_app(store), host="0.0.0.0", port=8000, allowed=())
        with TestClient(wild, base_url="http://10.1.2.3") as c:
            assert c.get("/api/facets").status_code == 200, "bound to all: any address literal"
            assert c.get("/api/facets", headers={"host": "evil.example"}).status_code == 400
    finally:
        store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_serve(db: str, *args: str) -> tuple[subprocess.Popen[str], str, int]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARLOG_")}
    proc = subprocess.Popen([sys.executable, "-m", "warlog", "serve", "--db", db, "--port",
                             str(port), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=REPO, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    return proc, line, port


def stop(proc: subprocess.Popen[str]) -> str:
    proc.terminate()
    _out, err = proc.communicate(timeout=30)
    return err


def listening_addresses(port: int) -> set[str]:
    """The local addresses sockets listen on at this port, from /proc/net/tcp{,6}."""
    found: set[str] = set()
    for name in ("tcp", "tcp6"):
        table = Path(f"/proc/net/{name}")
        if not table.exists():
            continue
        for row in table.read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_serve_listens_on_loopback_by_default_and_checks_the_host(db: str) -> None:
    proc, line, port = start_serve(db)
    try:
        assert line.startswith(f"warlog dashboard at http://127.0.0.1:{port}/"), line
        assert listening_addresses(port) == {"0100007F"}, "127.0.0.1 only"
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{base}/api/facets").status_code == 200
        assert httpx.get(f"{base}/api/facets", headers={"host": f"localhost:{port}"}).status_code == 200
        rebound = httpx.get(f"{base}/api/events", headers={"host": f"attacker.example:{port}"})
        assert rebound.status_code == 400 and rebound.json()["error"]["code"] == "E707"
        assert "events" not in rebound.json()
    finally:
        err = stop(proc)
    assert "Warning" not in err


def test_serve_beyond_loopback_warns_in_one_line(db: str) -> None:
    proc, line, port = start_serve(db, "--host", "0.0.0.0")
    try:
        assert line.startswith(f"warlog dashboard at http://0.0.0.0:{port}/"), line
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if httpx.get(f"http://127.0.0.1:{port}/api/facets").status_code == 200:
                break
    finally:
        err = stop(proc)
    warnings = [x for x in err.splitlines() if x.startswith("Warning:")]
    assert len(warnings) == 1, err
    assert "0.0.0.0" in warnings[0] and "other machines" in warnings[0]
