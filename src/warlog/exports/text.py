"""What exports quote of a merged event's reports: its outlets and evidence sentences."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def lead_document(record: Mapping[str, Any]) -> str | None:
    """The source whose reading the event's fields (and its evidence spans) come from."""
    lead = ((record.get("read_from") or {}).get("type") or {}).get("document")
    if lead:
        return str(lead)
    sources = record.get("sources") or []
    return str(sources[0]["document"]["id"]) if sources else None


def evidence_sentences(record: Mapping[str, Any], texts: Mapping[str, str]) -> list[str]:
    """The evidence spans of the record, as text of the lead source's report, one line each."""
    text = texts.get(lead_document(record) or "", "")
    out = []
    for span in record.get("evidence") or []:
        sentence = " ".join(text[span["start"]:span["end"]].split())
        if sentence:
            out.append(sentence)
    return out


def outlets(record: Mapping[str, Any]) -> list[str]:
    """Each source's outlet (else its title, path or id), once each, sorted."""
    names = set()
    for s in record.get("sources") or []:
        d = s.get("document") or {}
        names.add(d.get("outlet") or d.get("title") or d.get("path") or d.get("id") or "?")
    return sorted(names)


def lead_documents(records: Sequence[Mapping[str, Any]]) -> list[str]:
    return sorted({d for r in records if (d := lead_document(r))})
