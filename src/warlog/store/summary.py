"""The part of a MERGED EVENT record the API's in-memory index reads, stored beside the
record (``merged_events.summary``, revision 0006) so that loading the index of a million
events decodes a few hundred bytes per event rather than the whole record.

``summary_of`` keeps, of each mapping, only the keys named in ``KEPT`` (a key the record
lacks stays absent, a None stays None, lists keep their length), so any reader that
looks only at those keys (``exports.selection.event_row``, ``link.tally.tally_event``)
gets from the summary exactly what it gets from the record; a unit test checks both on
real records. A reader that needs another field must be added here (and the summaries
of stored rows rebuilt by a revision).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# key → None (keep the value as it is), a nested spec (a mapping), or [spec] (a list of them)
Spec = Mapping[str, Any]
_NAMED = {"name": None, "country": None}
_COUNT = {"low": None, "high": None}
KEPT: Spec = {
    "id": None, "type": None, "sub_type": None, "weapon": None, "outcome": None, "grade": None,
    "time": {"start": None, "end": None},
    "location": {"country": None, "lat": None, "lon": None, "precision": None, "name": None},
    "attacker": _NAMED, "target": _NAMED,
    "killed": [_COUNT], "injured": [_COUNT],
    "sources": [{"document": {"id": None}}],
}


def summary_of(record: Mapping[str, Any]) -> dict[str, Any]:
    """The kept part of a MERGED EVENT record."""
    out = _kept(record, KEPT)
    assert isinstance(out, dict)
    return out


def _kept(value: Any, spec: Any) -> Any:
    if spec is None:
        return value
    if isinstance(spec, list):
        return [_kept(v, spec[0]) for v in value] if isinstance(value, list) else value
    if isinstance(value, Mapping):
        return {k: _kept(value[k], sub) for k, sub in spec.items() if k in value}
    return value
