"""Analysts correcting the record: merge two merged events, split a source off one,
list the decisions, undo one. Each is one transaction: the decision is stored and the
events it touches are re-linked with every decision in force, so later ingests and
re-links respect it (``warlog.batch.linking`` reads the decisions on every re-link).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.engine import Connection

from warlog.batch.linking import candidate, relink
from warlog.errors import DecisionError, NotFound
from warlog.store.engine import Store
from warlog.store.repository import (
    Decision,
    add_decision,
    decisions,
    events_by_key,
    members_of,
    merged_containing,
    set_undone,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Done:
    """A decision made or undone, and the merged events now holding its report events."""

    number: int
    merged: tuple[tuple[str, tuple[str, ...]], ...]   # (merged id, member keys)


def merge(store: Store, first: str, second: str) -> Done:
    """Record that merged events ``first`` and ``second`` are one event, and re-link."""
    with store.write() as conn:
        members = members_of(conn, [first, second])
        for merged_id in (first, second):
            if merged_id not in members:
                raise NotFound("E702", id=merged_id)
        if first == second:
            raise DecisionError("E402", action="merge", why=f"{first} is one event already")
        docs_a = {k.split(":", 1)[0] for k in members[first]}
        if any(k.split(":", 1)[0] in docs_a for k in members[second]):
            raise DecisionError("E402", action="merge",
                                why=f"{first} and {second} hold events of one report, "
                                    "which tells them apart")
        number = add_decision(conn, action="merge", keys_a=members[first],
                              keys_b=members[second], label=f"{first} {second}")
        return _relinked(conn, number, [*members[first], *members[second]])


def split(store: Store, merged_id: str, source: str) -> Done:
    """Record that ``source`` (a source key, or a document id) is not merged event
    ``merged_id``'s other sources' event, and re-link."""
    with store.write() as conn:
        members = members_of(conn, [merged_id]).get(merged_id)
        if members is None:
            raise NotFound("E702", id=merged_id)
        chosen = [k for k in members if k == source or k.split(":", 1)[0] == source]
        if not chosen:
            raise DecisionError("E402", action="split",
                                why=f"{source!r} is not a source of {merged_id}")
        rest = [k for k in members if k not in chosen]
        if not rest:
            raise DecisionError("E402", action="split",
                                why=f"{source!r} is all of {merged_id}: nothing to split it from")
        number = add_decision(conn, action="split", keys_a=chosen, keys_b=rest,
                              label=f"{merged_id} {source}")
        return _relinked(conn, number, members)


def undo(store: Store, number: int) -> Done:
    """Undo decision ``number`` (kept in the list, marked undone) and re-link."""
    with store.write() as conn:
        found = next((d for d in decisions(conn) if d.number == number), None)
        if found is None:
            raise DecisionError("E403", number=number)
        if found.undone:
            raise DecisionError("E402", action="undo", why=f"decision {number} is undone already")
        set_undone(conn, number)
        return _relinked(conn, number, [*found.keys_a, *found.keys_b])


def listed(store: Store) -> list[Decision]:
    with store.engine.connect() as conn:
        return decisions(conn)


def decision_record(d: Decision) -> dict[str, object]:
    """A decision as `warlog link --list --json` and the API show it."""
    return {"number": d.number, "action": d.action, "label": d.label, "undone": d.undone,
            "keys_a": list(d.keys_a), "keys_b": list(d.keys_b)}


def decision_line(d: Decision) -> str:
    what = ("merge " if d.action == "merge" else "split ") + d.label
    return (f"{d.number:>4}  {what}  ({len(d.keys_a)} + {len(d.keys_b)} report events)"
            + ("  [undone]" if d.undone else ""))


def _relinked(conn: Connection, number: int, keys: Sequence[str]) -> Done:
    seeds = [candidate(s) for s in events_by_key(conn, keys, current_only=True)]
    relink(conn, added=seeds, removed=[])
    held = merged_containing(conn, keys)
    return Done(number=number, merged=tuple(held.items()))


