"""Serving: the dashboard check (E704), the listening socket (E705), addresses."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from warlog.api.app import dashboard_missing, web_root
from warlog.api.server import bind, check_dashboard, url_of
from warlog.errors import WarlogError


def test_the_installed_package_has_the_dashboard() -> None:
    assert dashboard_missing(web_root()) is None
    check_dashboard()


def test_a_package_built_without_npm_refuses_to_serve(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html>")
    (tmp_path / "app.js").write_text("")
    with pytest.raises(WarlogError) as err:
        check_dashboard(tmp_path)
    assert err.value.code == "E704" and "vendor/leaflet/leaflet.js" in str(err.value)
    assert "npm" in str(err.value)


def test_bind_names_a_port_in_use_and_a_bad_port() -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen(1)
        port = held.getsockname()[1]
        with pytest.raises(WarlogError, match=r"\[E705\] cannot serve on 127.0.0.1:\d+ \(the address is in use\)"):
            bind("127.0.0.1", port)
    with pytest.raises(WarlogError, match="E705"):
        bind("127.0.0.1", 70000)
    with pytest.raises(WarlogError, match="E705"):
        bind("203.0.113.9", 0)      # TEST-NET-3: not an address of this machine


def test_bind_any_free_port_on_loopback_with_tcp_nodelay() -> None:
    sock = bind("127.0.0.1", 0)
    try:
        assert sock.getsockname()[0] == "127.0.0.1" and sock.getsockname()[1] > 0
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()


def test_addresses_print_as_urls() -> None:
    assert url_of("127.0.0.1", 8000) == "http://127.0.0.1:8000/"
    assert url_of("::1", 8000) == "http://[::1]:8000/"
