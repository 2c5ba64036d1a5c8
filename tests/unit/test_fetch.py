"""Fetching under the rules, against real HTTP servers on 127.0.0.1 (and 127.0.0.2):
redirect hops checked one by one, bounded redirects, the size cap, 304s, errors."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from warlog.errors import WarlogError
from warlog.ingest import fetch as fetching
from warlog.ingest.fetch import FetchRules, address_kind, fetch

ALLOWED = FetchRules(allow_private=True, timeout=5, max_bytes=1000, max_redirects=3)


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"),
    ("192.168.0.10", "private"), ("172.16.5.4", "private"), ("169.254.169.254", "link-local"),
    ("fe80::1%eth0", "link-local"), ("::ffff:127.0.0.1", "loopback"), ("0.0.0.0", "unspecified"),
    ("100.64.0.1", "non-public"), ("224.0.0.1", "multicast"), ("93.184.216.34", None),
    ("2606:4700::1111", None)])
def test_address_kinds(address: str, kind: str | None) -> None:
    assert address_kind(address) == kind


Route = Callable[[BaseHTTPRequestHandler], None]


def server(host: str, routes: dict[str, Route]) -> tuple[ThreadingHTTPServer, list[str]]:
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            routes[self.path](self)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer((host, 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, asked


def answer(status: int, body: bytes = b"", **headers: str) -> Route:
    def send(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k.replace("_", "-"), v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)
    return send


@pytest.fixture
def servers() -> Iterator[list[ThreadingHTTPServer]]:
    running: list[ThreadingHTTPServer] = []
    yield running
    for httpd in running:
        httpd.shutdown()
        httpd.server_close()


def test_every_redirect_hop_is_checked(servers: list[ThreadingHTTPServer],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    inner, inner_asked = server("127.0.0.2", {"/secret": answer(200, b"internal")})
    port = inner.server_address[1]
    outer, _ = server("127.0.0.1", {"/start": answer(302, Location=f"http://127.0.0.2:{port}/secret")})
    servers += [inner, outer]
    # Only 127.0.0.2 counts as off limits here, so the first hop is let through and the
    # refusal can only come from checking the redirect's target.
    monkeypatch.setattr(fetching, "address_kind",
                        lambda a: "loopback" if a == "127.0.0.2" else None)
    rules = FetchRules(allow_private=False, timeout=5)
    with pytest.raises(WarlogError) as err:
        fetch(f"http://127.0.0.1:{outer.server_address[1]}/start", rules=rules)
    assert err.value.code == "E143" and "127.0.0.2, a loopback address" in str(err.value)
    assert inner_asked == [], "the private address was never asked"


def test_the_connected_address_is_checked_too(servers: list[ThreadingHTTPServer],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    httpd, asked = server("127.0.0.1", {"/": answer(200, b"hello")})
    servers.append(httpd)
    # the check before connecting passes (as it would for a name whose DNS answer then
    # changes), and the connection lands on loopback: the body must not be read
    monkeypatch.setattr(fetching, "check_host", lambda *a, **k: None)
    with pytest.raises(WarlogError) as err:
        fetch(f"http://127.0.0.1:{httpd.server_address[1]}/", rules=FetchRules(timeout=5))
    assert err.value.code == "E143" and "127.0.0.1, a loopback address" in str(err.value)
    assert asked == ["/"], "refused after connecting, before the body was used"


def test_redirects_are_followed_up_to_the_limit(servers: list[ThreadingHTTPServer]) -> None:
    routes: dict[str, Route] = {f"/{i}": answer(301, Location=f"/{i + 1}") for i in range(10)}
    routes["/2"] = answer(200, b"two hops", Content_Type="text/plain; charset=utf-8")
    httpd, _ = server("127.0.0.1", routes)
    servers.append(httpd)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    page = fetch(f"{base}/0", rules=ALLOWED)
    assert (page.body, page.url, page.content_type) == (b"two hops", f"{base}/2", "text/plain")
    routes["/2"] = answer(301, Location="/3")
    with pytest.raises(WarlogError, match=r"\[E144\] .*more than 3 redirects"):
        fetch(f"{base}/0", rules=ALLOWED)


def test_size_cap_errors_and_304(servers: list[ThreadingHTTPServer]) -> None:
    def chunked(h: BaseHTTPRequestHandler) -> None:     # no Content-Length: cut while reading
        h.send_response(200)
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        for _ in range(5):
            h.wfile.write(b"190\r\n" + b"x" * 400 + b"\r\n")
        h.wfile.write(b"0\r\n\r\n")

    def conditional(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-None-Match") == '"v1"':
            answer(304, ETag='"v1"')(h)
        else:
            answer(200, b"feed", ETag='"v1"', Last_Modified="Mon, 01 Jan 2024 00:00:00 GMT")(h)

    httpd, _ = server("127.0.0.1", {"/big": answer(200, b"x" * 2000), "/chunked": chunked,
                                    "/gone": answer(404, b"no"), "/feed": conditional})
    servers.append(httpd)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    for path in ("/big", "/chunked"):
        with pytest.raises(WarlogError, match=r"\[E145\] .*larger than 1000 bytes"):
            fetch(base + path, rules=ALLOWED)
    with pytest.raises(WarlogError, match=r"\[E142\] .*HTTP 404"):
        fetch(base + "/gone", rules=ALLOWED)
    first = fetch(base + "/feed", rules=ALLOWED)
    assert first.status == 200 and first.etag == '"v1"' and first.last_modified
    again = fetch(base + "/feed", rules=ALLOWED, etag=first.etag)
    assert again.not_modified and again.body == b""


def test_unreachable_and_non_http_addresses() -> None:
    with pytest.raises(WarlogError, match=r"\[E146\]"):
        fetch("ftp://example.org/feed.xml", rules=ALLOWED)
    with pytest.raises(WarlogError, match=r"\[E141\] .*cannot resolve"):
        fetch("http://no-such-host.invalid/feed.xml", rules=ALLOWED)


def test_feed_items_read_their_linked_page_when_fetching_links_is_on(
        servers: list[ThreadingHTTPServer]) -> None:
    from dataclasses import replace

    from warlog.ingest.feeds import item_documents, parse_feed
    from warlog.model import Document

    page = (b"<html><head><title>Full story</title></head><body><article><p>A drone struck an "
            b"arms depot south of Baghdad on Friday, killing two guards, police said. The attack "
            b"was the third this month, officials added.</p></article></body></html>")
    httpd, asked = server("127.0.0.1", {"/story": answer(200, page, Content_Type="text/html"),
                                        "/missing": answer(404, b"not here")})
    servers.append(httpd)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    feed = parse_feed((f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
                       f"<item><title>Depot hit</title><link>{base}/story</link>"
                       f"<description>Teaser only.</description></item>"
                       f"<item><title>Gone</title><link>{base}/missing</link>"
                       f"<description>The feed's own words about a strike.</description></item>"
                       f"</channel></rss>").encode(), name="f.rss")
    rules = replace(ALLOWED, max_bytes=100_000, fetch_links=True)
    [full] = item_documents(feed.items[0], published=None, rules=rules)
    assert isinstance(full, Document) and "arms depot" in full.text and "Teaser" not in full.text
    assert full.title == "Depot hit" and full.url == f"{base}/story"
    failed, fallback = item_documents(feed.items[1], published=None, rules=rules)
    assert isinstance(failed, WarlogError) and failed.code == "E142"
    assert isinstance(fallback, Document) and "feed's own words" in fallback.text
    [summary] = item_documents(feed.items[0], published=None, rules=ALLOWED)
    assert isinstance(summary, Document) and summary.text == "Teaser only."
    assert asked == ["/story", "/missing"]
