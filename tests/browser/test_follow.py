"""The dashboard follows along: with the page open, `warlog ingest` adds a report and its
events appear on the map, in the list and on the timeline without a reload, with an
"N new" notice. Its own database and server, so the other browser tests' data stays put."""

from __future__ import annotations

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

FIRST = ["2024-01-28-tower-22-drone", "2023-06-20-jenin-convoy-ied"]
LATER = "2024-04-18-chernihiv-missile-strike"


def warlog(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARLOG_")}
    return subprocess.run([sys.executable, "-m", "warlog", *args], capture_output=True,
                          text=True, cwd=REPO, env=env, check=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Page:
    """The page, the base address, the requests it made and the errors it threw."""

    def __init__(self, page: Any, base: str) -> None:
        self.page, self.base = page, base
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self) -> Any:
        self.page.goto(self.base)
        self.ready()
        return self.page

    def ready(self) -> None:
        self.page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)

    def api(self, path: str) -> Any:
        return self.page.evaluate("async (p) => (await fetch(p)).json()", path)

    def outside_loopback(self) -> list[str]:
        return [u for u in self.requests if urlsplit(u).scheme in ("http", "https")
                and urlsplit(u).hostname != "127.0.0.1"]


def copy_report(stem: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in EXAMPLES.glob(f"{stem}.*"):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def following(browser: Any, tmp_path: Path) -> Iterator[tuple[Page, str]]:
    db = f"sqlite:///{tmp_path / 'follow.sqlite3'}"
    first = tmp_path / "first"
    for stem in FIRST:
        copy_report(stem, first)
    done = warlog("ingest", "--db", db, str(first))
    assert done.returncode == 0, done.stderr
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARLOG_")}
    proc = subprocess.Popen([sys.executable, "-m", "warlog", "serve", "--db", db, "--port",
                             str(port)], stdout=subprocess.PIPE, text=True, cwd=REPO, env=env)
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("warlog dashboard at")
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = Page(context.new_page(), f"http://127.0.0.1:{port}/")
    try:
        yield page, db
    finally:
        context.close()
        proc.terminate()
        proc.wait(timeout=30)
    assert not page.outside_loopback()
    assert not page.errors, page.errors


SHOWN = """() => ({
  list: [...document.querySelectorAll('#list button[data-id]')].map((b) => b.dataset.id),
  fresh: [...document.querySelectorAll('#list li.new button[data-id]')].map((b) => b.dataset.id),
  timeline: Number(document.getElementById('timeline-total').dataset.total),
  total: Number(document.getElementById('status').dataset.total),
  news: document.getElementById('news').hidden ? null : document.getElementById('news').dataset.count,
  stayed: window.__stayed === true,
})"""


def test_an_ingest_while_the_page_is_open_shows_up_without_a_reload(
        following: tuple[Page, str], tmp_path: Path) -> None:
    dashboard, db = following
    page = dashboard.open()
    page.evaluate("() => { window.__stayed = true; }")   # a reload would lose it
    before = page.evaluate(SHOWN)
    assert before["news"] is None and before["list"]
    done = warlog("ingest", "--db", db, str(copy_report(LATER, tmp_path / "later")))
    assert done.returncode == 0, done.stderr
    page.wait_for_selector("#news:not([hidden])", timeout=60_000)
    dashboard.ready()
    after = page.evaluate(SHOWN)
    assert after["stayed"], "the page was not reloaded"
    events = dashboard.api("/api/events?limit=500")["events"]
    added = sorted({e["id"] for e in events} - set(before["list"]))
    assert added, "the new report gives events"
    assert sorted(after["fresh"]) == added
    assert after["news"] == str(len(added))
    assert page.inner_text("#news-button") == f"{len(added)} new"
    assert after["total"] == after["timeline"] == len(events) == len(before["list"]) + len(added)
    assert sorted(after["list"]) == sorted(e["id"] for e in events)
    page.click("#news-button")
    assert page.evaluate(SHOWN)["news"] is None
    assert page.locator("#list li.new").count() == 0
