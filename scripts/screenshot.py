"""Screenshot of the dashboard on the bundled examples, for the README.

    .venv/bin/python scripts/screenshot.py [--out docs/dashboard.png] [--event-country JO]

Ingests the examples into a temporary SQLite file, runs `warlog serve` on a free
loopback port, opens the dashboard in Debian's headless Chromium (Playwright with
executable_path: nothing downloaded), opens one event's panel and saves the picture.
Only the output file is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "src" / "warlog" / "examples"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def shoot(base: str, out: Path, *, query: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{base}{query}")
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
        page.locator("#list button").first.click()
        page.wait_for_selector("#panel:not([hidden]) mark.evidence", timeout=30_000)
        page.wait_for_timeout(500)
        page.screenshot(path=str(out))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "dashboard.png")
    parser.add_argument("--query", default="?since=2024-01-20&until=2024-02-10",
                        help="the dashboard's filters for the picture")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="warlog-shot-") as tmp:
        db = f"sqlite:///{Path(tmp) / 'warlog.sqlite3'}"
        warlog = [sys.executable, "-m", "warlog"]
        subprocess.run([*warlog, "ingest", "--db", db, str(EXAMPLES)], check=True,
                       capture_output=True)
        port = free_port()
        server = subprocess.Popen([*warlog, "serve", "--db", db, "--port", str(port)],
                                  stdout=subprocess.PIPE, text=True)
        try:
            assert server.stdout is not None
            server.stdout.readline()        # "warlog dashboard at …": it is listening
            shoot(f"http://127.0.0.1:{port}/", args.out, query=args.query)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
