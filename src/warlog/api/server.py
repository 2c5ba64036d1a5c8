"""Running the app: checks that the dashboard is installed and the address is free,
then uvicorn until interrupted."""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable, Sequence
from pathlib import Path

import uvicorn

from warlog.api.app import create_app, dashboard_missing, web_root
from warlog.api.hosts import HostGuard
from warlog.errors import WarlogError
from warlog.store.engine import Store


def check_dashboard(web: Path | None = None) -> None:
    missing = dashboard_missing(web or web_root())
    if missing is not None:
        raise WarlogError("E704", path=missing)


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, or E705 naming why not (address in use, no such address)."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        # IPPROTO_TCP named: asyncio sets TCP_NODELAY on accepted connections only when
        # the listening socket says so, else keep-alive responses wait ~40 ms (Nagle).
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except (OSError, OverflowError) as err:
        if isinstance(err, OverflowError):
            raise WarlogError("E705", host=host, port=port, why="no such port") from None
        why = "the address is in use" if err.errno == errno.EADDRINUSE else err.strerror or str(err)
        raise WarlogError("E705", host=host, port=port, why=why) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_of(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(store: Store, *, host: str, port: int, allowed_hosts: Sequence[str] = (),
          on_ready: Callable[[str], None] = lambda _url: None) -> None:
    """Serve the API and the dashboard until interrupted; ``on_ready`` gets the address.
    Requests whose Host header names neither this machine nor ``allowed_hosts`` are
    refused (``warlog.api.hosts``)."""
    check_dashboard()
    sock = bind(host, port)
    port = sock.getsockname()[1]
    app = create_app(store)
    app.state.index.current()       # the index is loaded before the address is announced
    guarded = HostGuard(app, host=host, port=port, allowed=allowed_hosts)
    config = uvicorn.Config(guarded, log_level="warning", access_log=False, server_header=False)
    server = uvicorn.Server(config)
    on_ready(url_of(host, port))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
