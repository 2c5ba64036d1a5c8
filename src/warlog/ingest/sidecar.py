"""The optional ``NAME.meta.json`` beside a report: url, published, outlet, title."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from warlog.errors import UnreadableInput
from warlog.ingest.dates import parse_iso_day

log = logging.getLogger(__name__)

KEYS = ("url", "published", "outlet", "title")


@dataclass(frozen=True, slots=True, kw_only=True)
class Sidecar:
    """The metadata a sidecar gives; every field optional."""

    url: str | None = None
    published: date | None = None
    outlet: str | None = None
    title: str | None = None


def sidecar_path(report: Path) -> Path:
    """Where a report's sidecar lives: ``x/report.html`` → ``x/report.meta.json``."""
    return report.with_suffix(".meta.json")


def parse_sidecar(raw: bytes, *, name: str, sidecar: str) -> Sidecar:
    """Read a sidecar's JSON; anything malformed is E106, naming the report and the sidecar."""
    def bad(why: str) -> UnreadableInput:
        return UnreadableInput("E106", path=name, sidecar=sidecar, why=why)

    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise bad(f"not JSON: {err}") from None
    if not isinstance(data, dict):
        raise bad(f"expected an object with keys {', '.join(KEYS)}, got {type(data).__name__}")
    for key, value in data.items():
        if key in KEYS and value is not None and not isinstance(value, str):
            raise bad(f"{key} must be a string, got {type(value).__name__}")
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        log.warning("%s: ignoring unknown keys %s", sidecar, ", ".join(unknown))
    published = data.get("published")
    day = parse_iso_day(published) if published else None
    if published and day is None:
        raise bad(f"published must be a date like 2023-11-22, got {published!r}")
    return Sidecar(url=data.get("url") or None, published=day, outlet=data.get("outlet") or None,
                   title=data.get("title") or None)
