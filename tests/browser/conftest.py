"""Real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright, which
downloads nothing) against `warlog serve` on loopback, over a SQLite database of the
bundled examples plus one report full of hostile markup.

Without Chromium or Playwright these tests skip with the reason, except under CI=true,
where they fail: .ci/run installs Debian's chromium, so a missing browser there is a
broken set-up, not a reason to skip.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "src" / "warlog" / "examples"
CHROMIUM = Path("/usr/bin/chromium")
# DEPENDENCIES.md §7: without the background-networking flags Chromium calls home.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
HOSTILE_TEXT = """Drone strike hits market in Kharkiv <script>document.title='pwned'</script>

KHARKIV, May 2 (Test Wire) - A Russian drone struck a crowded market in Kharkiv on Thursday, \
killing four civilians and wounding 12, regional governor Oleh Syniehubov said. \
<img src=x onerror="document.body.dataset.pwned='yes'"> Witnesses said the blast \
<b>shattered</b> windows across the square.
"""
# A second report from the same town, days later: two events at one point on the map.
SAME_TOWN_TEXT = """Missile strike hits apartment block in Kharkiv

KHARKIV, May 4 (Test Wire) - A Russian missile struck an apartment block in Kharkiv on \
Friday, killing two civilians and wounding nine, regional governor Oleh Syniehubov said.
"""
# A third, in June: SQL, handlers and javascript: links in its text and metadata.
HOSTILE_SQL_TEXT = """Odesa port hit'; DROP TABLE merged_events; --

ODESA, June 10 (Test Wire) - A Russian missile struck the port of Odesa on Monday, killing \
three dock workers and wounding seven, the regional governor said. \
<a href="javascript:document.body.dataset.pwned='link'">details</a> \
<iframe src="javascript:document.body.dataset.pwned='frame'"></iframe> \
"><svg/onload="document.body.dataset.pwned='svg'"> 1' OR '1'='1
"""
HOSTILE_SQL_META = {"published": "2024-06-10", "outlet": "<svg onload=alert(2)>Wire",
                    "title": "Port hit'; DROP TABLE documents; -- \" OR 1=1",
                    "url": "https://evil.example/a?q=\"><script>alert(3)</script>"}
HOSTILE_META = {"published": "2024-05-02", "outlet": "Test Wire <i>x</i>",
                "title": "Drone strike <script>alert(1)</script> hits market",
                "url": "javascript:alert(1)"}


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: .ci/run should have installed Debian's chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright_api() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} not found; install Debian's chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed; pip install -e '.[test]'")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_api: Any) -> Iterator[Any]:
    launched = playwright_api.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield launched
    launched.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    reports = tmp_path_factory.mktemp("reports")
    shutil.copytree(EXAMPLES, reports / "examples")
    (reports / "2024-05-02-hostile-markup.txt").write_text(HOSTILE_TEXT)
    (reports / "2024-05-02-hostile-markup.meta.json").write_text(json.dumps(HOSTILE_META))
    (reports / "2024-06-10-hostile-sql.txt").write_text(HOSTILE_SQL_TEXT)
    (reports / "2024-06-10-hostile-sql.meta.json").write_text(json.dumps(HOSTILE_SQL_META))
    (reports / "2024-05-04-kharkiv-missile.txt").write_text(SAME_TOWN_TEXT)
    (reports / "2024-05-04-kharkiv-missile.meta.json").write_text(
        json.dumps({"published": "2024-05-04", "outlet": "Test Wire"}))
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'warlog.sqlite3'}"
    done = subprocess.run([sys.executable, "-m", "warlog", "ingest", "--db", url, str(reports)],
                          capture_output=True, text=True, cwd=REPO, check=False)
    assert done.returncode == 0, done.stderr
    return url


@pytest.fixture(scope="session")
def server(database: str, browser: Any) -> Iterator[str]:
    """`warlog serve` on 127.0.0.1 and a free port; its base address."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARLOG_")}
    proc = subprocess.Popen([sys.executable, "-m", "warlog", "serve", "--db", database,
                             "--port", str(port)], stdout=subprocess.PIPE, text=True, cwd=REPO,
                            env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    base = f"http://127.0.0.1:{port}/"
    assert line.startswith(f"warlog dashboard at {base}"), line
    yield base
    proc.terminate()
    proc.wait(timeout=30)


class Page:
    """A browser page with the log of every request it made."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, query: str = "") -> Any:
        self.page.goto(f"{self.base}{query}")
        self.ready()
        return self.page

    def ready(self) -> None:
        self.page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)

    def api(self, path: str) -> Any:
        return self.page.evaluate("async (p) => (await fetch(p)).json()", path)

    def outside_loopback(self) -> list[str]:
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
                out.append(url)
        return out


@pytest.fixture
def dashboard(browser: Any, server: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = Page(context.new_page(), server)
    yield page
    context.close()
    assert not page.outside_loopback(), f"requests left loopback: {page.outside_loopback()}"
    assert not page.errors, f"errors in the page: {page.errors}"
