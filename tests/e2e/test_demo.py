"""`warlog demo`, the README's first command: ingests the bundled examples into its own
SQLite file in the user data dir (XDG_DATA_HOME points into a temporary folder here),
never the default database, and reaches the point of serving the dashboard."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
REPORTS = len([p for p in (REPO / "src" / "warlog" / "examples").iterdir()
               if p.suffix in (".txt", ".html", ".htm")])


@pytest.fixture(scope="module")
def data_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("xdg-data")


def env_for(data_home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARLOG_")}
    return {**env, "XDG_DATA_HOME": str(data_home)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_demo_no_serve_ingests_into_its_own_file(data_home: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "warlog", "demo", "--no-serve"],
                          capture_output=True, text=True, env=env_for(data_home), cwd=REPO,
                          check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"{REPORTS} reports read: {REPORTS} new, 0 unchanged, 0 failed")
    demo_file = data_home / "warlog" / "demo" / "warlog-demo.sqlite3"
    assert lines[1] == f"demo database: sqlite:///{demo_file}"
    assert demo_file.exists()
    assert not (data_home / "warlog" / "warlog.sqlite3").exists(), "the default db is untouched"


def test_demo_serves_the_dashboard_on_loopback(data_home: Path) -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "warlog", "demo", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env_for(data_home), cwd=REPO)
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(3)]
        address = f"http://127.0.0.1:{port}/"
        assert lines[0].startswith(f"{REPORTS} reports read: 0 new, {REPORTS} unchanged"), lines
        assert lines[2].startswith(f"warlog dashboard at {address}"), lines
        with urllib.request.urlopen(address, timeout=30) as page:
            assert b"<title>warlog" in page.read()
        with urllib.request.urlopen(f"{address}api/events?limit=1", timeout=30) as r:
            assert json.load(r)["total"] > 0
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_refuses_a_port_in_use(data_home: Path) -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen(1)
        port = held.getsockname()[1]
        db = f"sqlite:///{data_home / 'warlog' / 'demo' / 'warlog-demo.sqlite3'}"
        done = subprocess.run([sys.executable, "-m", "warlog", "serve", "--db", db, "--port",
                               str(port)], capture_output=True, text=True, cwd=REPO,
                              env=env_for(data_home), check=False, timeout=120)
    assert done.returncode == 1
    assert f"[E705] cannot serve on 127.0.0.1:{port} (the address is in use)" in done.stderr
