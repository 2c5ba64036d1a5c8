"""Linking on the 40 dev reports: same-event groups linked and false merges, per part.

usage:
  .venv/bin/python bench/link_dev.py [--dev ../shared/eval/dev] [--json]

Extracts the reports with the real pipeline, stores them through ``ingest_report`` into
a fresh SQLite file (one transaction per report, as `warlog ingest`), and scores the
merged events against ``dedup.json`` (definitions in bench/linkeval.py). Figures are
printed for the tune part, the held-out check part (d04, d08, … d40: aggregate only)
and both; beside them, as the baseline of the same run, the same reports linked by the
exact-match rule "same sub-type, same day, same gazetteer place" (no weighing).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from linkeval import DEV, Measure, load_gold, measure

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def exact_match_records(reports: list[Any]) -> list[dict[str, Any]]:
    """The baseline: events grouped by (sub-type, start day, gazetteer id or name)."""
    from warlog.store.codec import encode

    groups: dict[tuple[object, ...], list[dict[str, Any]]] = {}
    for r in reports:
        for e in r.events:
            if e.time.start is None or e.location is None:
                key: tuple[object, ...] = ("alone", r.document.id, e.id)
            else:
                key = (e.sub_type, e.time.start, e.location.gazetteer_id or e.location.name)
            groups.setdefault(key, []).append(
                {"document": {"path": r.document.path}, "event_id": e.id, "doc": r.document.id,
                 "event": encode(e)})
    out = []
    for members in groups.values():
        seen: set[str] = set()
        kept = []
        for m in members:      # one event per report in a group, as linking allows
            if m["doc"] not in seen:
                seen.add(m["doc"])
                kept.append(m)
            else:
                out.append({"sources": [m]})
        out.append({"sources": kept})
    return out


def row(name: str, m: Measure) -> dict[str, Any]:
    out: dict[str, Any] = {"linker": name}
    for part in ("tune", "check", "all"):
        linked, attainable, total = m.count(part)
        out[part] = {"linked": linked, "attainable": attainable, "groups": total}
    out["false_merges"] = len(m.false_merges)
    out["stray_pairs"] = m.stray_pairs
    out["merged_events_of_2_reports_or_more"] = m.merged_with_sources
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from warlog.batch.local import ingest_report
    from warlog.ingest.sources import find_sources, read_source
    from warlog.pipeline import load_resources, read_report
    from warlog.store.codec import encode
    from warlog.store.engine import open_store
    from warlog.store.repository import merged_records

    resources = load_resources()
    sources, _ = find_sources([str(args.dev / "reports")])
    reports = [read_report(read_source(s), resources=resources) for s in sources]
    gold, dedup = load_gold(args.dev)
    predicted = {f"reports/{Path(r.document.path or '').name}": encode(r.events) for r in reports}
    with tempfile.TemporaryDirectory(prefix="warlog-link-dev-") as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'dev.sqlite3'}")
        for r in reports:
            ingest_report(store, r)
        with store.engine.connect() as conn:
            records = merged_records(conn)
        store.close()
    rows = [row("weighed evidence", measure(records, gold=gold, dedup=dedup, predicted=predicted)),
            row("exact match (baseline)", measure(exact_match_records(reports), gold=gold,
                                                  dedup=dedup, predicted=predicted))]
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{'linker':<24} {'tune':>12} {'check':>12} {'all':>12} {'false':>6} {'stray':>6}")
    for r in rows:
        cells = [f"{r[p]['linked']}/{r[p]['attainable']}/{r[p]['groups']}" for p in ("tune", "check", "all")]
        print(f"{r['linker']:<24} {cells[0]:>12} {cells[1]:>12} {cells[2]:>12} "
              f"{r['false_merges']:>6} {r['stray_pairs']:>6}")
    print("groups: linked / extraction found enough of to link / all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
