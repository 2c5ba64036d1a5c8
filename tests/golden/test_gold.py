"""Score `warlog extract --json` against hand-made gold with the shared scorer; hold floors.

Floors live in floors.json: raise one in the commit that earns it, lower one only with a
commit message that says why (STYLE.md habit 8).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
FLOORS = json.loads((HERE / "floors.json").read_text())
# One flipped check moves field accuracy by about 0.01 on the seed; the epsilon only
# absorbs float rounding in the scorer's three-decimal output.
EPSILON = 0.0005

needs_shared = pytest.mark.skipif(not SCORER.exists(), reason=f"{SCORER} not found (../shared)")


def _warlog(*args: str, cwd: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "warlog", *args], cwd=cwd, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _score(gold: Path, predicted: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, str(SCORER), str(gold), str(predicted), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["summary"]  # type: ignore[no-any-return]


def _check(name: str, summary: dict[str, object]) -> None:
    for metric, floor in FLOORS[name].items():
        value = summary[metric]
        if metric == "leaks":
            assert value <= floor, f"{name}.{metric} = {value}, allowed at most {floor}"
        else:
            assert value >= floor - EPSILON, f"{name}.{metric} = {value} fell below {floor}"


@needs_shared
def test_seed_holds_its_floor(tmp_path: Path) -> None:
    # Exactly the command: the seed has no dateline, so its date is given.
    out = _warlog("extract", str(SHARED / "seed" / "al-asad-report.txt"), "--published",
                  "2023-11-22", "--json", cwd=REPO)
    predicted = tmp_path / "seed.jsonl"
    predicted.write_text(out)
    _check("seed", _score(SHARED / "eval" / "gold" / "seed.json", predicted))


def test_examples_hold_their_floor(tmp_path: Path) -> None:
    examples = REPO / "src" / "warlog" / "examples"
    out = _warlog("extract", "--json", str(examples), cwd=REPO)
    predicted = tmp_path / "examples.jsonl"
    predicted.write_text(out)
    gold = HERE / "gold" / "examples.json"
    if not SCORER.exists():
        pytest.skip(f"{SCORER} not found (../shared)")
    _check("examples", _score(gold, predicted))


OWN = HERE / "own"


def test_own_sets_hold_their_floors(tmp_path: Path) -> None:
    # Twenty-four reports of other conflicts and outlets, written here (own words, from
    # facts) after the examples, in three sets of eight, to measure reading beyond them
    # (tests/golden/own/README.md; set d is kept unseen); one extraction, each set scored
    # on its own gold.
    out = _warlog("extract", "--json", str(OWN / "reports"), cwd=HERE)
    predicted = tmp_path / "own.jsonl"
    predicted.write_text(out)
    if not SCORER.exists():
        pytest.skip(f"{SCORER} not found (../shared)")
    _check("own_b", _score(OWN / "gold_b.json", predicted))
    _check("own_c", _score(OWN / "gold_c.json", predicted))
    _check("own_d", _score(OWN / "gold_d.json", predicted))


DEV = SHARED / "eval" / "dev"


@pytest.mark.skipif(not (DEV / "gold.json").exists(), reason=f"{DEV} not found (../shared)")
def test_dev_set_holds_its_floors_on_both_parts(tmp_path: Path) -> None:
    # The 40 dev reports written outside the repository, read in one call. The check part
    # (d04, d08 … d40) is held too, so that a change that loses it shows, but no rule is
    # ever chosen by it (bench/quality.py prints both parts, field by field).
    sys.path.insert(0, str(REPO / "bench"))
    from quality import dev_part

    out = _warlog("extract", "--json", str(DEV / "reports"), cwd=REPO)
    predicted = tmp_path / "dev.jsonl"
    predicted.write_text(out)
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    for part in ("tune", "check"):
        part_gold = tmp_path / f"{part}.json"
        part_gold.write_text(json.dumps(dev_part(gold, part)))
        _check(f"dev_{part}", _score(part_gold, predicted))
