"""Fetching a page over HTTP(S), carefully: timeouts, a size cap, a bounded number of
redirects, a polite User-Agent, and no requests to this machine or its private network.

Every hop of a redirect chain is checked twice: the host's resolved addresses before
connecting, and the address actually connected to before the body is read (a name that
resolves differently the second time cannot slip through). Loopback, private,
link-local and other non-public addresses are refused unless the ``allow_private_addresses``
setting allows them. Proxies from the environment are not used: the check would then be
of the proxy, not of the page.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from warlog import __version__
from warlog.errors import UnreadableInput

USER_AGENT = (f"warlog/{__version__} (reads news reports about armed attacks; "
              "one request per page, conditional GETs when polling)")


class FetchError(UnreadableInput):
    """A page that could not be fetched: named by its address, with why."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchRules:
    """How fetching behaves; from the settings (docs/settings.md)."""

    allow_private: bool = False
    timeout: float = 10.0
    max_bytes: int = 20_000_000
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    fetch_links: bool = False

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> FetchRules:
        return cls(allow_private=bool(settings["allow_private_addresses"]),
                   timeout=float(settings["fetch_timeout"]),
                   max_bytes=int(settings["max_page_bytes"]),
                   max_redirects=int(settings["fetch_max_redirects"]),
                   user_agent=str(settings["user_agent"] or USER_AGENT),
                   fetch_links=bool(settings["fetch_links"]))


@dataclass(frozen=True, slots=True, kw_only=True)
class Fetched:
    """One answer: 200 with its body, or 304 (not modified since the validators given)."""

    url: str                    # after redirects
    status: int
    content_type: str           # the media type alone, lower case ("" when not given)
    body: bytes
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_url(name: str) -> bool:
    """Whether a command-line source names a web address rather than a file."""
    return name.startswith(("http://", "https://"))


def fetch(url: str, *, rules: FetchRules, etag: str | None = None,
          last_modified: str | None = None) -> Fetched:
    """GET one page under the rules; raises FetchError (E141–E146) naming the address."""
    conditional = {}
    if etag:
        conditional["If-None-Match"] = etag
    if last_modified:
        conditional["If-Modified-Since"] = last_modified
    timeout = httpx.Timeout(rules.timeout, connect=rules.timeout)
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False,
                      headers={"User-Agent": rules.user_agent}) as client:
        current = url
        for _hop in range(rules.max_redirects + 1):
            parsed = _checked_url(current, given=url)
            check_host(parsed, rules=rules, given=url)
            try:
                with client.stream("GET", parsed, headers=conditional) as answer:
                    _check_peer(answer, rules=rules, given=url, host=parsed.host)
                    if answer.is_redirect and "location" in answer.headers:
                        current = str(answer.url.join(answer.headers["location"]))
                        continue
                    return _answer(answer, rules=rules, given=url)
            except httpx.HTTPError as err:
                raise FetchError("E141", url=url, why=_network_why(err)) from None
        raise FetchError("E144", url=url, limit=rules.max_redirects)


def _checked_url(current: str, *, given: str) -> httpx.URL:
    try:
        parsed = httpx.URL(current)
    except httpx.InvalidURL as err:
        raise FetchError("E146", url=given, why=str(err)) from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise FetchError("E146", url=given, why=f"{current} is not an http or https address")
    return parsed


def check_host(parsed: httpx.URL, *, rules: FetchRules, given: str) -> None:
    """Refuse a host any of whose addresses is not public, unless allowed."""
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parsed.host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        why = getattr(err, "strerror", None) or str(err)
        raise FetchError("E141", url=given, why=f"cannot resolve {parsed.host}: {why}") from None
    for info in infos:
        _check_address(str(info[4][0]), rules=rules, given=given, host=parsed.host)


def _check_peer(answer: httpx.Response, *, rules: FetchRules, given: str, host: str) -> None:
    stream = answer.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer:
        _check_address(str(peer[0]), rules=rules, given=given, host=host)


def _check_address(address: str, *, rules: FetchRules, given: str, host: str) -> None:
    kind = address_kind(address)
    if kind is not None and not rules.allow_private:
        raise FetchError("E143", url=given, host=host, address=address, kind=kind)


def address_kind(address: str) -> str | None:
    """None for a public address, else what it is ("loopback", "private", "link-local", …)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, hit in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                      ("unspecified", ip.is_unspecified), ("multicast", ip.is_multicast),
                      ("private", ip.is_private), ("reserved", ip.is_reserved)):
        if hit:
            return kind
    return None if ip.is_global else "non-public"


def _answer(answer: httpx.Response, *, rules: FetchRules, given: str) -> Fetched:
    if answer.status_code == 304:
        return Fetched(url=str(answer.url), status=304, content_type="", body=b"",
                       etag=answer.headers.get("etag"),
                       last_modified=answer.headers.get("last-modified"))
    if answer.status_code >= 300:
        raise FetchError("E142", url=given, status=answer.status_code,
                         reason=answer.reason_phrase or "no reason given")
    declared = answer.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > rules.max_bytes:
        raise FetchError("E145", path=given, limit=rules.max_bytes)
    chunks: list[bytes] = []
    size = 0
    for chunk in answer.iter_bytes():
        size += len(chunk)
        if size > rules.max_bytes:
            raise FetchError("E145", path=given, limit=rules.max_bytes)
        chunks.append(chunk)
    media = answer.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return Fetched(url=str(answer.url), status=answer.status_code, content_type=media,
                   body=b"".join(chunks), etag=answer.headers.get("etag"),
                   last_modified=answer.headers.get("last-modified"))


def _network_why(err: httpx.HTTPError) -> str:
    kinds = ((httpx.ConnectTimeout, "connecting timed out"), (httpx.ReadTimeout, "reading timed out"),
             (httpx.ConnectError, "cannot connect"), (httpx.RemoteProtocolError, "the server broke the protocol"))
    for kind, text in kinds:
        if isinstance(err, kind):
            detail = str(err).splitlines()[0] if str(err) else ""
            return f"{text}: {detail}" if detail else text
    return f"{type(err).__name__}: {err}"
