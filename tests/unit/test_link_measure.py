"""The dev-set linking measure (bench/linkeval.py) on made-up gold: it sees a linked
group, a group split across events, a group extraction missed, and a false merge."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
from linkeval import DEV, is_check, measure

pytestmark = pytest.mark.skipif(not (DEV.parent / "score.py").exists(),
                                reason="../shared/eval/score.py not found")


def ev(id_: str, day: str) -> dict[str, Any]:
    return {"id": id_, "sub_type": "air_drone_strike", "weapon": "drone",
            "location": {"country": "UA", "lat": 50.0, "lon": 30.0}, "time": {"start": day}}


def gold_event(key: str, day: str, optional: bool = False) -> dict[str, Any]:
    return {"key": key, "sub_type": ["air_drone_strike"], "date": [day], "country": "UA",
            **({"optional": True} if optional else {})}


def source(doc: str, event_id: str) -> dict[str, Any]:
    return {"document": {"path": f"/data/dev/reports/{doc}"}, "event_id": event_id}


GOLD = [{"doc": f"reports/{d}", "events": events} for d, events in (
    ("d01-a.txt", [gold_event("strike", "2024-01-01")]),
    ("d02-b.txt", [gold_event("strike", "2024-01-01"), gold_event("raid", "2024-01-05")]),
    ("d03-c.txt", [gold_event("raid", "2024-01-05"), gold_event("old", "2023-06-01", optional=True)]),
    ("d05-e.txt", [gold_event("other", "2024-02-02")]),
)]
DEDUP = [[["reports/d01-a.txt", "strike"], ["reports/d02-b.txt", "strike"]],
         [["reports/d02-b.txt", "raid"], ["reports/d03-c.txt", "raid"]],
         [["reports/d03-c.txt", "old"], ["reports/d05-e.txt", "other"]]]
PREDICTED = {"reports/d01-a.txt": [ev("a1", "2024-01-01")],
             "reports/d02-b.txt": [ev("b1", "2024-01-01"), ev("b2", "2024-01-05")],
             "reports/d03-c.txt": [ev("c1", "2024-01-05")],
             "reports/d05-e.txt": [ev("e1", "2024-02-02")]}


def test_linked_split_missed_and_false_merges_are_told_apart() -> None:
    records = [{"sources": [source("d01-a.txt", "a1"), source("d02-b.txt", "b1")]},
               {"sources": [source("d02-b.txt", "b2")]}, {"sources": [source("d03-c.txt", "c1")]},
               {"sources": [source("d05-e.txt", "e1")]}]
    m = measure(records, gold=GOLD, dedup=DEDUP, predicted=PREDICTED)
    assert [g.linked for g in m.groups] == [True, False, False]
    assert [g.attainable for g in m.groups] == [True, True, False], "d03's 'old' was not extracted"
    assert m.false_merges == () and m.count() == (1, 2, 3)
    joined = [{"sources": [source("d01-a.txt", "a1"), source("d02-b.txt", "b1"),
                           source("d05-e.txt", "e1")]},
              {"sources": [source("d02-b.txt", "b2"), source("d03-c.txt", "c1")]}]
    m = measure(joined, gold=GOLD, dedup=DEDUP, predicted=PREDICTED)
    assert [g.linked for g in m.groups][:2] == [True, True]
    assert m.false_merges == (("reports/d01-a.txt", "reports/d02-b.txt", "reports/d05-e.txt"),)
    assert m.stray_pairs == 2


def test_the_check_part_is_every_fourth_report() -> None:
    assert [is_check(f"reports/d{n:02d}-x.txt") for n in (4, 5, 8, 39, 40)] == [True, False, True, False, True]
