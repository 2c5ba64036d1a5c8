"""The Host header check of `warlog serve`: the defence against DNS rebinding.

A page on attacker.example can make its own name resolve to 127.0.0.1 and then read
whatever answers there, with the browser's blessing (same origin). The one thing it
cannot change is the Host header, which names attacker.example. So the server answers
only requests naming it in a way no outsider's page can:

- the loopback names (``localhost`` and ``*.localhost``, which never leave the machine)
  and loopback addresses (``127.0.0.0/8``, ``::1``);
- the address or name it was told to listen on (``--host``), and, when that is a
  wildcard (``0.0.0.0``, ``::``), any address literal (rebinding needs a name);
- the names listed in the ``allowed_hosts`` setting (``WARLOG_ALLOWED_HOSTS``).

Anything else gets a 400 with code E707, before any route runs. A pure ASGI wrapper, so
it sees every request, the static files' included.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Any

from warlog.api.app import SECURITY_HEADERS
from warlog.api.responses import SortedJSON
from warlog.errors import WarlogError

WILDCARDS = ("0.0.0.0", "::", "")
_SHOWN = 80


def split_host(header: str) -> tuple[str, bool]:
    """The host part of a Host header value, lowercased, and whether it is well-formed."""
    value = header.strip().lower()
    if not value or any(c in value for c in "@/\\?# "):
        return "", False
    if value.startswith("["):
        end = value.find("]")
        if end < 0 or (value[end + 1:] and not _is_port(value[end + 1:])):
            return "", False
        return value[1:end], True
    name, _, port = value.partition(":")
    if port and not _is_port(":" + port):
        return "", False
    return name.rstrip("."), True


def _is_port(text: str) -> bool:
    return text.startswith(":") and text[1:].isdigit() and len(text) <= 6


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def host_allowed(host: str, *, bound: str, allowed: Iterable[str]) -> bool:
    """Whether a request naming ``host`` (from ``split_host``) may be answered."""
    if not host:
        return False
    address = _address(host)
    bound = bound.strip("[]").lower()
    if address is not None:
        return address.is_loopback or host == bound or bound in WILDCARDS
    if host == "localhost" or host.endswith(".localhost"):
        return True
    return host == bound or host in {a.strip().lower().rstrip(".") for a in allowed if a.strip()}


def is_loopback(host: str) -> bool:
    """Whether listening on ``host`` keeps the server to this machine."""
    host = host.strip("[]").lower()
    address = _address(host)
    return address.is_loopback if address is not None else host == "localhost"


class HostGuard:
    """Wraps an ASGI app: requests whose Host header is not allowed get a 400 (E707)."""

    def __init__(self, app: Any, *, host: str, port: int, allowed: Iterable[str] = (),
                 headers: dict[str, str] | None = None) -> None:
        self.app = app
        self.bound = host
        self.port = port
        self.allowed = tuple(allowed)
        self.headers = dict(SECURITY_HEADERS if headers is None else headers)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = next((v for k, v in scope.get("headers", ()) if k == b"host"), b"")
        header = raw.decode("latin-1")
        host, ok = split_host(header)
        if ok and host_allowed(host, bound=self.bound, allowed=self.allowed):
            await self.app(scope, receive, send)
            return
        shown = header if len(header) <= _SHOWN else header[:_SHOWN] + "…"
        err = WarlogError("E707", host=shown)
        body = SortedJSON({"error": {"code": err.code, "message": str(err)}}, status_code=400,
                          headers=self.headers)
        await body(scope, receive, send)
