"""The prefilter costs no recall: on every gold set, what extraction matches to gold without
it, it still matches with it (warlog.batch.prefilter).

Each set is read as `warlog ingest` reads it, then extracted twice through the batch
reading step (``warlog.batch.reading.read_batch``), with the prefilter and without; a
skipped report is printed with no events, as it would be stored with none. The shared
scorers then count, per gold document, the gold events matched and the gold claims found,
and neither count may fall with the prefilter. The dev set is read whole (its check part
too, as the golden floors test does); its files are only ever handed to warlog and the
scorer.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"
sys.path.insert(0, str(REPO / "bench"))


def _documents(paths: Sequence[str], published: date | None) -> list[Any]:
    from warlog.ingest.sources import find_sources
    from warlog.ingest.streams import documents_of
    from warlog.model import Document

    sources, _ = find_sources(list(paths))
    docs = [d for s in sources for d in documents_of(s, published=published)]
    assert docs and all(isinstance(d, Document) for d in docs)
    return docs


def _extract(docs: list[Any], resources: Any, *, prefilter: bool, out: Path) -> int:
    """JSON Lines as `warlog extract --json` prints them; returns the reports skipped."""
    from warlog.batch.reading import Extracted, read_batch
    from warlog.export import dumps_line, report_json
    from warlog.model import Report

    skipped = 0
    lines: list[str] = []
    for start in range(0, len(docs), 16):
        batch = docs[start:start + 16]
        for doc, result in zip(batch, read_batch(batch, resources=resources,
                                                 prefilter=prefilter), strict=True):
            if isinstance(result, Extracted):
                report = result.report
            else:
                assert result.status == "skipped", result.error
                skipped += 1
                report = Report(document=doc, events=(), claims=())
            lines.append(dumps_line(report_json(report)))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return skipped


def _score(scorer: list[str], gold: Path, predicted: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, *scorer, str(gold), str(predicted), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _both(docs: list[Any], resources: Any, tmp_path: Path) -> tuple[Path, Path, int]:
    without, with_ = tmp_path / "without.jsonl", tmp_path / "with.jsonl"
    _extract(docs, resources, prefilter=False, out=without)
    skipped = _extract(docs, resources, prefilter=True, out=with_)
    return without, with_, skipped


def _assert_nothing_lost(without: dict[str, Any], with_: dict[str, Any],
                         keys: Sequence[str]) -> None:
    lost = [(doc, key, counts[key], with_.get(doc, {}).get(key, 0))
            for doc, counts in without.items() for key in keys
            if with_.get(doc, {}).get(key, 0) < counts[key]]
    assert not lost, f"lost to the prefilter (document, count, without, with): {lost}"


GOLD_SETS = {
    "seed": (EVAL / "gold" / "seed.json", [SHARED / "seed" / "al-asad-report.txt"],
             date(2023, 11, 22)),
    "examples": (HERE / "gold" / "examples.json", [REPO / "src" / "warlog" / "examples"], None),
    "dev": (EVAL / "dev" / "gold.json", [EVAL / "dev" / "reports"], None),
}


@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_no_gold_event_or_claim_is_lost_to_the_prefilter(name: str, resources: Any,
                                                         tmp_path: Path) -> None:
    gold, inputs, published = GOLD_SETS[name]
    if not (EVAL / "score.py").exists() or not gold.exists():
        pytest.skip(f"{gold} or the shared scorer not found (../shared)")
    docs = _documents([str(p) for p in inputs], published)
    without, with_, _ = _both(docs, resources, tmp_path)
    scorer = [str(EVAL / "score.py")]
    base = _score(scorer, gold, without)["per_doc"]
    filtered = _score(scorer, gold, with_)["per_doc"]
    assert sum(d["matched"] + d["claims_found"] for d in base.values()) > 0  # a real check
    _assert_nothing_lost(base, filtered, ("matched", "claims_found"))


def test_no_wikievents_attack_is_lost_to_the_prefilter(resources: Any, tmp_path: Path) -> None:
    from quality import BUILD, DATASETS, Paths, prepare_wikievents

    if not (DATASETS / "wikievents" / "dev.jsonl").exists():
        pytest.skip(f"{DATASETS / 'wikievents'} not found (../shared)")
    folder = prepare_wikievents(Paths(shared=SHARED, datasets=DATASETS, build=BUILD))
    docs = _documents(sorted(str(p) for p in folder.glob("*.txt")), None)
    without, with_, _ = _both(docs, resources, tmp_path)
    scorer = [str(EVAL / "wikievents.py"), "score"]
    base = _score(scorer, folder / "gold.json", without)
    filtered = _score(scorer, folder / "gold.json", with_)
    per_doc_base, per_doc_with = _matches(base), _matches(filtered)
    assert sum(per_doc_base.values()) > 0
    lost = {d: (n, per_doc_with.get(d, 0)) for d, n in per_doc_base.items()
            if per_doc_with.get(d, 0) < n}
    assert not lost, f"gold attacks lost to the prefilter (document: without, with): {lost}"


def _matches(scored: dict[str, Any]) -> dict[str, int]:
    """Matched gold events per document, from wikievents.py's JSON."""
    per_doc = scored.get("per_doc") or scored.get("documents") or {}
    if isinstance(per_doc, dict) and per_doc:
        return {d: int(v.get("matched", v.get("events_matched", 0)))
                for d, v in per_doc.items() if isinstance(v, dict)}
    events = scored["summary"]["events"] if "summary" in scored else scored["events"]
    return {"*": int(events["matched"])}
