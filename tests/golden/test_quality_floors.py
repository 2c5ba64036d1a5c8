"""Hold warlog's figures on the public sets at their floors (STYLE.md habit 8).

Runs the same steps as bench/quality.py (the real CLI, the shared scorers) on WikiEvents
dev (20 documents) and the two main-text sets (181 Zyte and 169 trafilatura-eval pages),
about three minutes here. GeoWebNews floors live in test_geoparse_floor.py.

Floors and ceilings live in quality_floors.json, at the figures measured when they were
set. A floor may only go up: raise it in the commit that earns it (bench/README.md says
how); lowering one needs a commit message saying why.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
BENCH = HERE.parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import quality  # bench/quality.py, found through the path above

BOUNDS = json.loads((HERE / "quality_floors.json").read_text(encoding="utf-8"))
# warlog's output is deterministic (same input, same bytes), so there is no run-to-run noise
# to absorb. The epsilon (0.0005, five steps of the scorers' four-decimal rounding) covers
# rounding and a few tokens' drift on the main-text sets (one token on one Zyte page moves
# token F1 by about 0.00001); one event or argument more or less on WikiEvents moves its
# figures by 0.01 to 0.03, a real change that no epsilon should hide.
EPSILON: float = BOUNDS["epsilon"]
DATASETS = quality.DATASETS
NEEDS = {"wikievents": (DATASETS / "wikievents" / "dev.jsonl", "wikievents.py"),
         "zyte": (DATASETS / "article-extraction-benchmark" / "ground-truth.json", "maintext.py"),
         "traf": (DATASETS / "trafilatura-eval-en" / "evaldata-en.json", "maintext.py")}
STEPS: dict[str, Callable[[quality.Paths], quality.StepResult]] = {
    "wikievents": quality.wikievents, "zyte": quality.zyte, "traf": quality.traf}


def _missing(name: str) -> str | None:
    data, scorer = NEEDS[name]
    for path in (data, quality.SHARED / "eval" / scorer):
        if not path.exists():
            return f"{path} not found (../shared/datasets or $EVAL_DATASETS): {name} not scored"
    return None


def _cases() -> list[Any]:
    cases = []
    for kind in ("floors", "ceilings"):
        for name, bounds in BOUNDS[kind].items():
            missing = _missing(name)
            skip = pytest.mark.skipif(missing is not None, reason=missing or "")
            cases += [pytest.param(name, metric, kind, bound, marks=skip, id=f"{name}.{metric}")
                      for metric, bound in bounds.items()]
    return cases


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], quality.StepResult]:
    """Each set's step, run once for all its figures, on data prepared afresh."""
    root = tmp_path_factory.mktemp("quality")
    paths = quality.Paths(build=root / "prepared", out=root / "predictions")
    paths.build.mkdir(parents=True)
    done: dict[str, quality.StepResult] = {}

    def get(name: str) -> quality.StepResult:
        if name not in done:
            done[name] = STEPS[name](paths)
        return done[name]

    return get


@pytest.mark.parametrize(("name", "metric", "kind", "bound"), _cases())
def test_figure_holds_its_bound(results: Callable[[str], quality.StepResult], name: str,
                                metric: str, kind: str, bound: float) -> None:
    result = results(name)
    if metric == "warlog_errors":
        value: float = len(result.warlog_errors)
        assert value <= bound, f"{name}: warlog failed on some inputs: {result.warlog_errors}"
    elif kind == "floors":
        value = result.figures[metric]
        assert value >= bound - EPSILON, f"{name}.{metric} = {value} fell below its floor {bound}"
    else:
        value = result.figures[metric]
        assert value <= bound + EPSILON, f"{name}.{metric} = {value} rose above its ceiling {bound}"
