"""The outside shapes: contract JSON of a report, places, and the readable summary."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from datetime import date
from typing import Any

from warlog.model import Actor, Claim, Count, Document, Event, Place, Report


def to_plain(value: Any) -> Any:
    """Dataclasses → dicts, tuples → lists, dates → ISO strings; key order left to dumps."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def document_json(doc: Document, *, with_text: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": doc.id, "path": doc.path, "url": doc.url, "outlet": doc.outlet,
        "title": doc.title, "published": doc.published.isoformat() if doc.published else None,
        "published_source": doc.published_source, "text_chars": len(doc.text),
        "dropped": [to_plain(d) for d in doc.dropped],
    }
    if with_text:
        out["text"] = doc.text
    return out


def claim_json(claim: Claim) -> dict[str, Any]:
    out: dict[str, Any] = to_plain(claim)
    out["breakdown"] = dict(claim.breakdown)
    return out


def report_json(report: Report, *, with_text: bool = False) -> dict[str, Any]:
    """One report as `warlog extract --json` prints it (CONTRACT.md)."""
    return {
        "document": document_json(report.document, with_text=with_text),
        "events": [to_plain(e) for e in report.events],
        "claims": [claim_json(c) for c in report.claims],
    }


def places_json(doc: Document, places: tuple[Place, ...]) -> dict[str, Any]:
    """One report as `warlog places --json` prints it."""
    return {"document": document_json(doc), "places": [to_plain(p) for p in places]}


def dumps_line(obj: Any) -> str:
    """One JSON Lines record: sorted keys, so the same input gives the same bytes."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(", ", ": "))


def summary_lines(report: Report) -> list[str]:
    """A short readable account of a report: a header, one line per event and claim."""
    doc = report.document
    published = f"{doc.published.isoformat()} ({doc.published_source})" if doc.published else "date unknown"
    dropped = ", ".join(f"{d.kind} {d.chars} chars" for d in doc.dropped) or "nothing"
    lines = [(f"{doc.path}: published {published}; {len(report.events)} events, "
             f"{len(report.claims)} claims; dropped {dropped}")]
    lines += ["  " + event_line(e) for e in report.events]
    lines += ["  " + claim_line(c) for c in report.claims]
    return lines


def event_line(event: Event) -> str:
    when = event.time.start.isoformat() if event.time.start else "date ?"
    place = "place ?"
    if event.location is not None:
        place = event.location.name + (f", {event.location.country}" if event.location.country else "")
    attacker = _actor_label(event.attacker)
    target = _actor_label(event.target)
    tolls = "; ".join(filter(None, (_tally("killed", event.killed), _tally("injured", event.injured))))
    return f"{when}  {place}  {event.sub_type} ({event.weapon}, {event.outcome})  " \
           f"{attacker} → {target}" + (f"  [{tolls}]" if tolls else "")


def _actor_label(actor: Actor | None) -> str:
    """The actor as written, and its name where the text does not hold it ("The militia
    (Kataib Hezbollah)")."""
    if actor is None:
        return "?"
    if actor.name.lower() in actor.text.lower():
        return actor.text
    return f"{actor.text} ({actor.name})"


def _tally(label: str, counts: tuple[Count, ...]) -> str:
    parts = []
    for c in counts:
        if c.best is not None:
            figure = str(c.best)
        else:
            figure = f"{c.low}–{c.high}" if c.high is not None else f"≥{c.low}"
        parts.append(f"{figure} {c.group}")
    return f"{label} " + ", ".join(parts) if parts else ""


def claim_line(claim: Claim) -> str:
    kind = claim.kind.replace("_count", "").replace("attack", "attacks")
    since = f" since {claim.since.isoformat()}" if claim.since else ""
    parts = ", ".join(f"{k} {v}" for k, v in claim.breakdown)
    by = f" ({claim.said_by})" if claim.said_by else ""
    return f"claim: {claim.qualifier} {claim.value} {kind}{since}" + (f" [{parts}]" if parts else "") + by
