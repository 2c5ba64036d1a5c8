"""Every setting in one table. Precedence: command-line flag, then WARLOG_<NAME>, then default.

Only this module reads ``os.environ``; an unknown ``WARLOG_`` variable is an error, not a
silently ignored typo.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from warlog.errors import SettingsError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db_url", None, "database URL; a SQLite file in the user data dir when unset"),
    Setting("gazetteer", "warlog.places.v1", "registered gazetteer used for geocoding"),
    Setting("batch_size", 32, "reports parsed together by spaCy's nlp.pipe"),
    Setting("workers", 2, "Dask workers used by batch ingest"),
    Setting("prefilter", True, "`warlog ingest` parses only reports, and paragraphs, whose "
            "words can tell an attack or a tally; the others are skipped and counted "
            "(--no-prefilter turns it off)"),
    Setting("max_input_bytes", 16 * 1024 * 1024,
            "bytes read of one input at most; the rest is cut, with a notice"),
    Setting("max_text_chars", 2_000_000,
            "characters of one report's text read at most; the rest is cut, with a notice"),
    Setting("time_limit", 300.0, "seconds extraction may spend on one report after its parse "
            "before it is skipped (E204); fractions allowed"),
    Setting("host", "127.0.0.1", "address `warlog serve` and `warlog demo` listen on"),
    Setting("port", 8000, "port `warlog serve` and `warlog demo` listen on"),
    Setting("allowed_hosts", "", "comma-separated host names `warlog serve` also answers "
            "to, beyond loopback and --host (the Host header check against DNS rebinding)"),
    # fetching pages and feeds, and reading archives (warlog.ingest.fetch, docs/sources.md)
    Setting("allow_private_addresses", False,
            "fetching may reach loopback, private and link-local addresses"),
    Setting("fetch_timeout", 10, "seconds to wait for a connection, and between bytes read"),
    Setting("max_page_bytes", 20_000_000, "largest page fetched or archive record read"),
    Setting("fetch_max_redirects", 5, "redirects followed before a fetch gives up"),
    Setting("user_agent", None, "User-Agent sent when fetching; warlog's own when unset"),
    Setting("fetch_links", False, "read the page a feed item links to, not only the feed's text"),
    Setting("watch_max_backoff", 600, "longest wait, in seconds, before retrying a failing source"),
)
_BY_NAME = {s.name: s for s in SETTINGS}
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def load_settings(environ: Mapping[str, str] | None = None, **flags: Any) -> dict[str, Any]:
    """The effective settings: flags given (not None) over environment over defaults."""
    env = os.environ if environ is None else environ
    values = {s.name: s.default for s in SETTINGS}
    for key, raw in env.items():
        if not key.startswith("WARLOG_"):
            continue
        name = key[len("WARLOG_"):].lower()
        if name not in _BY_NAME:
            raise SettingsError("E601", name=key[len("WARLOG_"):],
                                known=", ".join(f"WARLOG_{n.upper()}" for n in sorted(_BY_NAME)))
        values[name] = _coerce(name, raw)
    for name, value in flags.items():
        if name not in _BY_NAME:
            raise SettingsError("E601", name=name.upper(), known=", ".join(sorted(_BY_NAME)))
        if value is not None:
            values[name] = value
    return values


def _coerce(name: str, raw: str) -> Any:
    default = _BY_NAME[name].default
    if isinstance(default, bool):
        if raw.strip().lower() in _TRUE:
            return True
        if raw.strip().lower() in _FALSE:
            return False
        raise SettingsError("E602", name=name, value=raw, why="expected true or false")
    if isinstance(default, float):
        try:
            number = float(raw)
        except ValueError:
            raise SettingsError("E602", name=name, value=raw, why="expected a number of seconds") from None
        if not number > 0 or number == float("inf"):
            raise SettingsError("E602", name=name, value=raw, why="must be a positive, finite number")
        return number
    if isinstance(default, int):
        try:
            value = int(raw)
        except ValueError:
            raise SettingsError("E602", name=name, value=raw, why="expected a whole number") from None
        if value < 1:
            raise SettingsError("E602", name=name, value=raw, why="must be at least 1")
        return value
    return raw
