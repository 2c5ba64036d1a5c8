"""One merged event with everything its sources say, and one report's text: what the
dashboard's event panel shows. Reads through the store's functions; shapes are plain
JSON-ready dicts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.engine import Connection

from warlog.errors import NotFound
from warlog.link.records import resolve_responses
from warlog.store.codec import encode
from warlog.store.queries_api import document_texts, merged_bodies, merged_of_keys, stored_document
from warlog.store.repository import events_by_key


def event_detail(conn: Connection, event_id: str) -> dict[str, Any]:
    """The MERGED EVENT, each source with its evidence sentences (offsets and text) and
    ``reading``: the EVENT as that report tells it (the fields each source gave)."""
    record = merged_bodies(conn, [event_id]).get(event_id)
    if record is None:
        raise NotFound("E702", id=event_id)
    if record.get("responds_to"):
        record = resolve_responses(record, merged_of_keys(conn, record["responds_to"]))
    sources = record.get("sources") or []
    readings = {s.key: encode(s.event) for s in events_by_key(conn, [s["key"] for s in sources])}
    texts = document_texts(conn, [s["document"]["id"] for s in sources])
    record["sources"] = [_source(s, readings.get(s["key"]), texts.get(s["document"]["id"], ""))
                         for s in sources]
    return record


def _source(source: Mapping[str, Any], reading: Any, text: str) -> dict[str, Any]:
    out = dict(source)
    out["evidence"] = [{"start": e["start"], "end": e["end"], "text": text[e["start"]:e["end"]]}
                       for e in source.get("evidence") or []]
    out["reading"] = reading
    return out


def document_detail(conn: Connection, doc_id: str) -> dict[str, Any]:
    """A stored report: its metadata, normalised text (what spans point into) and the
    parts dropped before extraction."""
    doc = stored_document(conn, doc_id)
    if doc is None:
        raise NotFound("E703", id=doc_id)
    return {"id": doc.id, "path": doc.path, "url": doc.url, "outlet": doc.outlet,
            "title": doc.title, "published": doc.published.isoformat() if doc.published else None,
            "published_source": doc.published_source, "current": doc.current,
            "text_chars": len(doc.text), "text": doc.text, "dropped": doc.dropped}


def page_records(conn: Connection, ids: list[str]) -> list[dict[str, Any]]:
    """Full MERGED EVENT records of one page, in the given order, as `warlog events --json`."""
    bodies = merged_bodies(conn, ids)
    # the merged events of the report events the page's records respond to (not the
    # whole table's: a page of a million events reads what it names)
    index = merged_of_keys(conn, [k for b in bodies.values() for k in b.get("responds_to") or ()])
    return [resolve_responses(bodies[i], index) for i in ids if i in bodies]
