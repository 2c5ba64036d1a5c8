"""Linking against same-event gold: which stored event stands for which gold event, and
how many gold groups the merged events hold together (shared by bench/link_dev.py and
tests/golden/test_link_dev.py).

A gold event (``dedup.json`` names it ``[doc, key]``) is found among its report's
predicted events the way ``../shared/eval/score.py`` pairs them: in gold order, each
takes the unmatched predicted event whose kind agrees, that gets the date or the point
right where the gold gives them, and that passes most checks. The scorer's own check
functions are imported from the shared folder, so the pairing is exactly its pairing.

- A group is **linked** when every one of its required members (gold events not marked
  optional) was found, at least two members were found, and every member found
  (required or optional: a background mention found must join too) sits in one merged
  event. A group whose events extraction did not find cannot be linked.
- A **false merge** is a merged event joining two reports that share no group (the
  measure the issue states); ``stray_pairs`` is the stricter, event-level count: two
  members of one merged event paired with gold events of different groups, or one paired
  with a grouped gold event and the other with a gold event outside it.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
CHECK_EVERY = 4     # d04, d08, … d40 are the held-out check part


def scorer(eval_dir: Path = DEV.parent) -> ModuleType:
    """The shared ``score.py``, imported from its path."""
    spec = importlib.util.spec_from_file_location("warlog_eval_score", eval_dir / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def is_check(doc: str) -> bool:
    """A report of the held-out check part (its number is a multiple of four)."""
    name = Path(doc).name
    return name[:1] == "d" and name[1:3].isdigit() and int(name[1:3]) % CHECK_EVERY == 0


def pair_gold(score: ModuleType, gold_doc: Mapping[str, Any],
              predicted: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Gold event key → the id of the predicted event it pairs with (score.py's rule)."""
    used: set[int] = set()
    out: dict[str, str] = {}
    for g in gold_doc.get("events", []):
        best, best_n = None, -1
        for i, ev in enumerate(predicted):
            if i in used or not score._kind_agrees(g, ev) or not score._anchored(g, ev):
                continue
            n = sum(score.checks(g, ev).values())
            if n > best_n:
                best, best_n = i, n
        if best is not None:
            used.add(best)
            out[g["key"]] = str(predicted[best]["id"])
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupResult:
    members: tuple[tuple[str, str], ...]
    required: tuple[tuple[str, str], ...]
    linked: bool
    attainable: bool    # extraction found every required member and at least two
    check: bool         # touches the check part: report only in aggregate


@dataclass(frozen=True, slots=True, kw_only=True)
class Measure:
    groups: tuple[GroupResult, ...]
    false_merges: tuple[tuple[str, ...], ...]   # the reports each false merge joins
    stray_pairs: int
    merged_with_sources: int                    # merged events of two or more reports

    def share(self, part: str = "all", *, attainable: bool = False) -> float:
        chosen = [g for g in self.groups if (part == "all" or g.check == (part == "check"))
                  and (g.attainable or not attainable)]
        return sum(g.linked for g in chosen) / len(chosen) if chosen else 1.0

    def count(self, part: str = "all") -> tuple[int, int, int]:
        """Groups linked, groups extraction found enough of to link, all groups."""
        chosen = [g for g in self.groups if part == "all" or g.check == (part == "check")]
        return (sum(g.linked for g in chosen), sum(g.attainable for g in chosen), len(chosen))


def measure(records: Iterable[Mapping[str, Any]], *, gold: Sequence[Mapping[str, Any]],
            dedup: Sequence[Sequence[Sequence[str]]],
            predicted: Mapping[str, Sequence[Mapping[str, Any]]]) -> Measure:
    """Score merged event records (their ``sources``) against the gold groups.

    ``predicted`` maps each gold doc (``reports/dNN-…``) to the events its report gave,
    as `warlog extract --json` prints them."""
    score = scorer()
    by_doc = {g["doc"]: g for g in gold}
    optional = {(g["doc"], e["key"]) for g in gold for e in g["events"] if e.get("optional")}
    pairing: dict[tuple[str, str], str] = {}      # (doc, gold key) → predicted event id
    for doc, gdoc in by_doc.items():
        for key, event_id in pair_gold(score, gdoc, predicted.get(doc, ())).items():
            pairing[(doc, key)] = event_id
    merged_of: dict[tuple[str, str], int] = {}    # (doc, predicted event id) → record no.
    docs_of: list[set[str]] = []
    stored = list(records)
    for n, record in enumerate(stored):
        docs: set[str] = set()
        for source in record["sources"]:
            doc = _gold_doc(source["document"].get("path") or "", by_doc)
            if doc is not None:
                merged_of[(doc, source["event_id"])] = n
                docs.add(doc)
        docs_of.append(docs)
    results = []
    group_of: dict[tuple[str, str], int] = {}
    for i, group in enumerate(dedup):
        members = tuple((str(d), str(k)) for d, k in group)
        for m in members:
            group_of[m] = i
        required = tuple(m for m in members if m not in optional)
        found = [m for m in members if m in pairing]
        homes = {merged_of.get((m[0], pairing[m])) for m in found}
        linked = (all(m in pairing for m in required) and len(found) >= 2
                  and len(homes) == 1 and None not in homes)
        attainable = all(m in pairing for m in required) and len(found) >= 2
        results.append(GroupResult(members=members, required=required, linked=linked,
                                   attainable=attainable,
                                   check=any(is_check(d) for d, _ in members)))
    together = {frozenset((a, b)) for group in dedup for a, _ in group for b, _ in group}
    false = []
    for docs in docs_of:
        ordered = sorted(docs)
        if any(frozenset((a, b)) not in together for i, a in enumerate(ordered)
               for b in ordered[i + 1:]):
            false.append(tuple(ordered))
    event_of = {(doc, eid): gk for (doc, gk), eid in pairing.items()}
    stray = 0
    for n, record in enumerate(stored):
        labels = []
        for source in record["sources"]:
            doc = _gold_doc(source["document"].get("path") or "", by_doc)
            if doc is None:
                continue
            gk = event_of.get((doc, source["event_id"]))
            labels.append(group_of.get((doc, gk)) if gk is not None else None)
        for i, a in enumerate(labels):
            for b in labels[i + 1:]:
                if (a is not None or b is not None) and a != b:
                    stray += 1
    return Measure(groups=tuple(results), false_merges=tuple(false), stray_pairs=stray,
                   merged_with_sources=sum(len(d) > 1 for d in docs_of))


def _gold_doc(path: str, by_doc: Mapping[str, Any]) -> str | None:
    for doc in by_doc:
        if path == doc or path.endswith("/" + doc):
            return doc
    return None


def load_gold(dev: Path = DEV) -> tuple[list[dict[str, Any]], list[list[list[str]]]]:
    gold = json.loads((dev / "gold.json").read_text(encoding="utf-8"))
    dedup = json.loads((dev / "dedup.json").read_text(encoding="utf-8"))
    return gold, dedup
