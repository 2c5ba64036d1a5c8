"""MERGED EVENT records (CONTRACT.md), as `warlog events --json` prints them.

The record is built once, when the event is linked, and stored whole, so every reader
(`events`, the API, exports) prints the same bytes from SQLite or PostgreSQL. Only
``responds_to`` is settled at read time (``resolve_responses``): it names other merged
events, whose ids can change when later reports join them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import date
from math import isinf
from typing import Any

from warlog.link.candidate import Candidate
from warlog.link.dedup import Merged
from warlog.link.evidence import Evidence


def plain(value: Any) -> Any:
    """Dataclasses → dicts, tuples → lists, dates → ISO strings."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def merged_record(merged: Merged) -> dict[str, Any]:
    """The MERGED EVENT: the EVENT fields of the merged reading, its sources and grade.

    Additions to the contract: ``read_from`` names, for each field of the reading, the
    source it was taken from (its spans point into that source's text; ``evidence`` is
    the lead source's); each source says its ``key``, ``outlet`` and ``link`` (why it is
    in this event: ``link_record``; ``null`` for an event of one source); ``responds_to``
    is stored as source keys and resolved by ``resolve_responses``.
    """
    record: dict[str, Any] = plain(merged.reading)
    by_key = {m.key: m for m in merged.members}
    record["read_from"] = {name: _source_ref(by_key[key]) for name, key in merged.provenance}
    links = {key: (other, evidence) for key, other, evidence in merged.links}
    record["sources"] = [{**source_record(m), "link": link_record(*links[m.key])
                          if m.key in links else None} for m in merged.members]
    record["grade"] = merged.grade
    return record


def link_record(other: str, evidence: Evidence) -> dict[str, Any]:
    """Why a source is in its merged event: the member its evidence is strongest with,
    each comparison's weight (log2 odds; ``null`` for a comparison that rules the pair
    out), the total and the threshold it had to reach."""
    return {"with": other, "score": _weight(evidence.score), "threshold": evidence.threshold,
            "evidence": [{"factor": f.name, "weight": _weight(f.weight), "detail": f.detail}
                         for f in evidence.factors]}


def _weight(w: float) -> float | None:
    return None if isinf(w) else round(w, 3)


def source_record(c: Candidate) -> dict[str, Any]:
    doc = c.document
    return {
        "document": {"id": doc.id, "path": doc.path, "url": doc.url, "title": doc.title,
                     "outlet": doc.outlet,
                     "published": doc.published.isoformat() if doc.published else None},
        "event_id": c.event.id, "key": c.key, "said_by": list(c.event.said_by),
        "killed": plain(c.event.killed), "injured": plain(c.event.injured),
        "evidence": plain(c.event.evidence),
    }


def _source_ref(c: Candidate) -> dict[str, str]:
    return {"document": c.document.id, "event_id": c.event.id}


def resolve_responses(record: Mapping[str, Any], merged_of: Mapping[str, str]) -> dict[str, Any]:
    """The record with ``responds_to`` naming merged event ids (sorted); a source key
    with no merged event (its report was superseded) is left out."""
    out = dict(record)
    out["responds_to"] = sorted({merged_of[k] for k in record.get("responds_to", ())
                                 if k in merged_of})
    return out


def merged_line(record: Mapping[str, Any]) -> str:
    """One readable line for a MERGED EVENT record, as `warlog events` prints it."""
    time = record.get("time") or {}
    when = time.get("start") or "date ?"
    if time.get("end") and time.get("end") != time.get("start"):
        when += f"…{time['end']}"
    loc = record.get("location")
    place = f"{loc['name']}, {loc.get('country') or '?'}" if loc else "place ?"
    attacker = (record.get("attacker") or {}).get("text", "?")
    target = (record.get("target") or {}).get("text", "?")
    tolls = "; ".join(filter(None, (_toll("killed", record.get("killed") or []),
                                    _toll("injured", record.get("injured") or []))))
    outlets = ", ".join(s["document"].get("outlet") or s["document"].get("path") or "?"
                        for s in record.get("sources") or [])
    return (f"{record['id']}  {when}  {place}  {record['sub_type']} ({record['weapon']}, "
            f"{record['outcome']})  {attacker} → {target}" + (f"  [{tolls}]" if tolls else "")
            + f"  {record['grade']}; {_sources(len(record.get('sources') or []))}: {outlets}")


def _sources(n: int) -> str:
    return f"{n} source" if n == 1 else f"{n} sources"


def _toll(label: str, counts: list[Mapping[str, Any]]) -> str:
    parts = []
    for c in counts:
        if c.get("best") is not None:
            figure = str(c["best"])
        elif c.get("high") is None:
            figure = f"≥{c.get('low')}"
        else:
            figure = f"{c.get('low')}–{c.get('high')}"
        parts.append(f"{figure} {c['group']}")
    return f"{label} " + ", ".join(parts) if parts else ""


def explain_lines(record: Mapping[str, Any]) -> list[str]:
    """A merged event's sources and the evidence that links each, for `events --explain`."""
    lines = [merged_line(record), ""]
    for source in record.get("sources") or []:
        doc = source["document"]
        name = doc.get("path") or doc.get("url") or doc["id"]
        lines.append(f"{source['key']}  {doc.get('outlet') or '?'}, published "
                     f"{doc.get('published') or '?'}  ({name})")
        link = source.get("link")
        if link is None:
            lines.append("  the only source")
            continue
        score = "ruled out" if link["score"] is None else f"{link['score']:+.1f}"
        lines.append(f"  linked with {link['with']}: score {score} "
                     f"(threshold {link['threshold']:+.1f})")
        for f in link["evidence"]:
            weight = "  veto" if f["weight"] is None else f"{f['weight']:+6.1f}"
            lines.append(f"    {weight}  {f['factor']:<9} {f['detail']}")
    return lines
