"""Run every quality scorer end to end on the shared sets and print one table.

usage:
  .venv/bin/python bench/quality.py [--only seed,examples,dev,wikievents,geo,maintext] [--json]
        [--shared ../shared] [--datasets DIR] [--build build/eval] [--out build/eval/quality]

Steps (each calls the real `warlog` CLI as a subprocess and a scorer of ../shared/eval by
path; see bench/README.md for what every figure means):

  seed        warlog extract --json --published 2023-11-22 ../shared/seed/al-asad-report.txt
              → score.py ../shared/eval/gold/seed.json
  examples    warlog extract --json src/warlog/examples → score.py tests/golden/gold/examples.json
  dev         warlog extract --json ../shared/eval/dev/reports → score.py on the dev gold, its
              tune part and its check part (d04, d08 … d40) scored apart, fields per check
  wikievents  warlog extract --json build/eval/wikievents/*.txt → wikievents.py score
  geo         warlog places --json build/eval/gwn/*.txt → geoparse.py score
  maintext    warlog extract --json --with-text build/eval/zyte and build/eval/traf
              → maintext.py score; trafilatura.extract on the same pages, scored the same
              way, as the reference

Data sets are prepared under --build with the shared `prepare` commands when missing (a
`<name>.prepared` marker beside each folder says the preparation finished). Predictions
go to --out. A step that fails prints its error; the others still run, and the exit
status is then 1.

The figures are also importable: tests/golden/test_quality_floors.py calls
`wikievents`, `zyte` and `traf` and holds floors on them.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# As ../shared/eval/test_eval_scripts.py: the data sets beside the scorers, or elsewhere.
DATASETS = Path(os.environ.get("EVAL_DATASETS", SHARED / "datasets"))
BUILD = REPO / "build" / "eval"
SEED_PUBLISHED = "2023-11-22"
# Generous: the slowest step (warlog on the 181 Zyte pages) takes a few minutes here.
STEP_TIMEOUT_S = 3600

Figures = dict[str, Any]
log = logging.getLogger("bench.quality")


class StepError(Exception):
    """A step could not produce its figures (data missing, a command failed)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Paths:
    """Where the shared folder, prepared data and predictions live."""

    shared: Path = SHARED
    datasets: Path = DATASETS
    build: Path = BUILD
    out: Path = BUILD / "quality"

    def scorer(self, name: str) -> Path:
        return self.shared / "eval" / name


@dataclass(slots=True, kw_only=True)
class StepResult:
    """One step's figures, the warlog errors it printed on stderr, or why it failed."""

    name: str
    figures: Figures = field(default_factory=dict)
    warlog_errors: list[str] = field(default_factory=list)
    failed: str | None = None
    seconds: float = 0.0


# ---------------------------------------------------------------- commands


def run_warlog(args: list[str], *, out: Path) -> list[str]:
    """Run the warlog CLI with its stdout in `out`; return its `Error:` lines.

    Exit status 1 only means some inputs failed (each named on stderr): the rest is
    still scored, and the failures are reported with the figures.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as sink:
        done = subprocess.run([sys.executable, "-m", "warlog", *args], cwd=REPO, stdout=sink,
                              stderr=subprocess.PIPE, text=True, timeout=STEP_TIMEOUT_S,
                              check=False)
    if done.returncode not in (0, 1):
        raise StepError(f"warlog {' '.join(args[:3])} … exited {done.returncode}: "
                        f"{_tail(done.stderr)}")
    return [line for line in done.stderr.splitlines() if line.startswith("Error:")]


def run_scorer(paths: Paths, script: str, *args: Path | str) -> dict[str, Any]:
    """A shared scorer's `--json` summary."""
    done = subprocess.run([sys.executable, str(paths.scorer(script)), *map(str, args), "--json"],
                          capture_output=True, text=True, timeout=STEP_TIMEOUT_S, check=False)
    if done.returncode != 0:
        raise StepError(f"{script} exited {done.returncode}: {_tail(done.stderr)}")
    summary: dict[str, Any] = json.loads(done.stdout)["summary"]
    return summary


def _tail(text: str, lines: int = 5) -> str:
    return " | ".join(text.strip().splitlines()[-lines:]) or "(no stderr)"


def _need(path: Path) -> Path:
    if not path.exists():
        raise StepError(f"{path} not found")
    return path


def prepare(paths: Paths, name: str, command: list[str | Path]) -> Path:
    """Prepare a data set into build/<name> with a shared `prepare` command, once."""
    folder = paths.build / name
    marker = paths.build / f"{name}.prepared"
    if marker.exists() and folder.is_dir():
        return folder
    for part in command:
        if isinstance(part, Path):
            _need(part)
    done = subprocess.run([sys.executable, *map(str, command), str(folder)], capture_output=True,
                          text=True, timeout=STEP_TIMEOUT_S, check=False)
    if done.returncode != 0:
        raise StepError(f"preparing {name} failed: {_tail(done.stderr)}")
    marker.write_text(done.stdout, encoding="utf-8")
    return folder


def prepare_wikievents(paths: Paths) -> Path:
    data = paths.datasets / "wikievents"
    return prepare(paths, "wikievents", [paths.scorer("wikievents.py"), "prepare",
                                         data / "dev.jsonl", "--coref",
                                         data / "coref" / "dev.jsonlines"])


def prepare_gwn(paths: Paths) -> Path:
    return prepare(paths, "gwn", [paths.scorer("geoparse.py"), "prepare",
                                  paths.datasets / "geowebnews" / "GWN.xml"])


def prepare_zyte(paths: Paths) -> Path:
    return prepare(paths, "zyte", [paths.scorer("maintext.py"), "prepare",
                                   paths.datasets / "article-extraction-benchmark"])


def prepare_traf(paths: Paths) -> Path:
    return prepare(paths, "traf", [paths.scorer("maintext.py"), "prepare",
                                   paths.datasets / "trafilatura-eval-en"])


def _numbered(folder: Path) -> list[str]:
    """The prepared .txt files in a stable order (0, 1, 2, …, 10, … for GeoWebNews)."""
    files = sorted(folder.glob("*.txt"), key=lambda p: (len(p.stem), p.stem))
    return [str(p) for p in files]


# ---------------------------------------------------------------- figures per scorer


def prf(block: dict[str, Any], prefix: str) -> Figures:
    return {f"{prefix}_P": block["P"], f"{prefix}_R": block["R"], f"{prefix}_F1": block["F1"]}


def event_gold_figures(summary: dict[str, Any]) -> Figures:
    """score.py (hand-made event gold): events, field accuracy, claims, leaks."""
    return {"events_P": summary["event_precision"], "events_R": summary["event_recall"],
            "events_F1": summary["event_f1"], "field_accuracy": summary["field_accuracy"],
            "claim_recall": summary["claim_recall"], "leaks": summary["leaks"],
            "reports_missing": summary["reports_missing"]}


def wikievents_figures(summary: dict[str, Any]) -> Figures:
    figures = prf(summary["documents"], "documents")
    figures |= prf(summary["events"], "events")
    figures["events_P_splits_ok"] = summary["events"]["P_splits_ok"]
    arguments = summary["arguments"]
    figures |= prf(arguments["all"], "arguments")
    for role in ("attacker", "target", "place", "weapon"):
        figures[f"argument_{role}_F1"] = arguments[role]["F1"]
    casualties = summary["casualties_on_matched_events"]
    figures |= {"killed_F1": casualties["killed"]["F1"],
                "injured_F1": casualties["injured"]["F1"],
                "gold_events": summary["events"]["gold"],
                "predicted_events": summary["events"]["pred"],
                "reports_missing": summary["reports_missing"]}
    return figures


def geo_figures(summary: dict[str, Any]) -> Figures:
    geocoding = summary["geocoding"]
    return prf(summary["recognition"], "recognition") | {
        "acc161": geocoding["acc161"], "median_km": geocoding["median_km"],
        "auc": geocoding["auc"], "toponyms_paired": geocoding["toponyms"],
        "unresolved": geocoding["unresolved"], "reports_missing": summary["reports_missing"]}


def zyte_figures(summary: dict[str, Any]) -> Figures:
    return prf(summary["tokens"], "tokens") | {
        "shingles_F1": summary["shingles"]["F1"], "exact": summary["exact"],
        "reports_missing": summary["reports_missing"]}


def trafilatura_eval_figures(summary: dict[str, Any]) -> Figures:
    comments = summary["comment_leak"]
    return {"keep_share": summary["keep"]["share"],
            "drop_leak_share": summary["drop_leak"]["share"],
            "comment_leak_share": comments["share"],
            "comment_leak_static_share": comments["share_in_static_html"],
            "pages_with_dropped_comment": comments["pages_with_dropped_comment"],
            "pages_with_comments": comments["pages"],
            "upstream_F1": summary["upstream"]["F1"],
            "date_right": summary["date"]["share"], "title_right": summary["title"]["share"],
            "reports_missing": summary["reports_missing"]}


# ---------------------------------------------------------------- steps


def seed(paths: Paths) -> StepResult:
    report = _need(paths.shared / "seed" / "al-asad-report.txt")
    out = paths.out / "seed.jsonl"
    errors = run_warlog(["extract", "--json", "--published", SEED_PUBLISHED, str(report)], out=out)
    summary = run_scorer(paths, "score.py", _need(paths.scorer("gold/seed.json")), out)
    return StepResult(name="seed", figures=event_gold_figures(summary), warlog_errors=errors)


def examples(paths: Paths) -> StepResult:
    out = paths.out / "examples.jsonl"
    errors = run_warlog(["extract", "--json", str(REPO / "src" / "warlog" / "examples")], out=out)
    summary = run_scorer(paths, "score.py", REPO / "tests" / "golden" / "gold" / "examples.json",
                         out)
    return StepResult(name="examples", figures=event_gold_figures(summary), warlog_errors=errors)


# The dev set's check part: every fourth report by number (d04, d08, … d40). Its figures are
# printed beside the tune part's and never used to choose a rule (../shared/eval/dev/README.md).
CHECK_EVERY = 4


def dev_part(gold: list[dict[str, Any]], part: str) -> list[dict[str, Any]]:
    """The gold entries of the dev set's "tune" or "check" part."""
    def number(entry: dict[str, Any]) -> int:
        name = str(entry["doc"]).rsplit("/", 1)[-1]
        return int(name[1:3]) if name[:1] == "d" and name[1:3].isdigit() else -1
    return [g for g in gold if (number(g) % CHECK_EVERY == 0) == (part == "check")]


def dev_figures(summary: dict[str, Any]) -> Figures:
    """event_gold_figures, with the share of checks that hold per field."""
    figures = event_gold_figures(summary)
    figures |= {f"field_{name}": value for name, value in sorted(summary["fields"].items())}
    return figures


def dev(paths: Paths) -> list[StepResult]:
    """The 40 dev reports read once, scored on the tune part and on the check part."""
    folder = _need(paths.shared / "eval" / "dev" / "reports")
    gold = json.loads(_need(paths.shared / "eval" / "dev" / "gold.json").read_text(encoding="utf-8"))
    out = paths.out / "dev.jsonl"
    errors = run_warlog(["extract", "--json", str(folder)], out=out)
    results = []
    for part in ("tune", "check"):
        part_gold = paths.out / f"dev-{part}.json"
        part_gold.write_text(json.dumps(dev_part(gold, part)), encoding="utf-8")
        summary = run_scorer(paths, "score.py", part_gold, out)
        results.append(StepResult(name=f"dev_{part}", figures=dev_figures(summary),
                                  warlog_errors=errors))
    return results


_DEV_RUNS: dict[Path, list[StepResult]] = {}


def dev_tune(paths: Paths) -> StepResult:
    _DEV_RUNS[paths.out] = dev(paths)
    return _DEV_RUNS[paths.out][0]


def dev_check(paths: Paths) -> StepResult:
    """Scored from the same run as dev_tune when it ran first in this process."""
    done = _DEV_RUNS.pop(paths.out, None) or dev(paths)
    return done[1]


def wikievents(paths: Paths) -> StepResult:
    folder = prepare_wikievents(paths)
    out = paths.out / "wikievents.jsonl"
    errors = run_warlog(["extract", "--json", *sorted(map(str, folder.glob("*.txt")))], out=out)
    summary = run_scorer(paths, "wikievents.py", "score", folder / "gold.json", out)
    return StepResult(name="wikievents", figures=wikievents_figures(summary), warlog_errors=errors)


def geo(paths: Paths) -> StepResult:
    folder = prepare_gwn(paths)
    out = paths.out / "gwn.jsonl"
    errors = run_warlog(["places", "--json", *_numbered(folder)], out=out)
    summary = run_scorer(paths, "geoparse.py", "score", folder / "gold.json", out)
    return StepResult(name="geo", figures=geo_figures(summary), warlog_errors=errors)


def zyte(paths: Paths) -> StepResult:
    folder = prepare_zyte(paths)
    out = paths.out / "zyte.jsonl"
    errors = run_warlog(["extract", "--json", "--with-text", str(folder)], out=out)
    summary = run_scorer(paths, "maintext.py", "score",
                         paths.datasets / "article-extraction-benchmark", out)
    return StepResult(name="zyte", figures=zyte_figures(summary), warlog_errors=errors)


def traf(paths: Paths) -> StepResult:
    folder = prepare_traf(paths)
    out = paths.out / "traf.jsonl"
    errors = run_warlog(["extract", "--json", "--with-text", str(folder)], out=out)
    summary = run_scorer(paths, "maintext.py", "score", paths.datasets / "trafilatura-eval-en",
                         out)
    return StepResult(name="traf", figures=trafilatura_eval_figures(summary),
                      warlog_errors=errors)


def trafilatura_alone(folder: Path, out: Path) -> None:
    """What trafilatura.extract keeps of each page, in the JSON shape maintext.py scores.

    Comments are excluded, as in the reference row of ../shared/eval/BASELINES.md: the
    gold of both sets leaves reader comments out.
    """
    import trafilatura

    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as sink:
        for page in sorted(folder.glob("*.htm*")):
            text = trafilatura.extract(page.read_bytes(), include_comments=False) or ""
            sink.write(json.dumps({"document": {"path": str(page), "text": text}}) + "\n")


def zyte_trafilatura(paths: Paths) -> StepResult:
    out = paths.out / "zyte-trafilatura.jsonl"
    trafilatura_alone(prepare_zyte(paths), out)
    summary = run_scorer(paths, "maintext.py", "score",
                         paths.datasets / "article-extraction-benchmark", out)
    return StepResult(name="zyte_trafilatura", figures=zyte_figures(summary))


def traf_trafilatura(paths: Paths) -> StepResult:
    out = paths.out / "traf-trafilatura.jsonl"
    trafilatura_alone(prepare_traf(paths), out)
    summary = run_scorer(paths, "maintext.py", "score", paths.datasets / "trafilatura-eval-en",
                         out)
    figures = trafilatura_eval_figures(summary)
    for unknown in ("pages_with_dropped_comment", "date_right", "title_right"):
        figures.pop(unknown)  # trafilatura's text alone says nothing of these
    return StepResult(name="traf_trafilatura", figures=figures)


Step = Callable[[Paths], StepResult]
STEPS: dict[str, tuple[Step, ...]] = {
    "seed": (seed,),
    "examples": (examples,),
    "dev": (dev_tune, dev_check),
    "wikievents": (wikievents,),
    "geo": (geo,),
    "maintext": (zyte, zyte_trafilatura, traf, traf_trafilatura),
}


def run_step(step: Step, paths: Paths) -> StepResult:
    """Run one step; a failure becomes its result, so that the other steps still run."""
    start = time.perf_counter()
    try:
        result = step(paths)
    except Exception as err:  # per step: reported with its traceback, counted as a failure
        log.exception("step %s failed", step.__name__)
        result = StepResult(name=step.__name__, failed=f"{type(err).__name__}: {err}")
    result.seconds = time.perf_counter() - start
    return result


def run_all(names: Iterable[str], paths: Paths, *, progress: bool = False) -> list[StepResult]:
    results = []
    for name in names:
        for step in STEPS[name]:
            if progress:
                log.info("… %s", step.__name__)
            results.append(run_step(step, paths))
    return results


# ---------------------------------------------------------------- output


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}" if abs(value) < 100 else f"{value:.0f}"  # scorers round to 4
    return "-" if value is None else str(value)


def figure_rows(figures: Figures) -> list[tuple[str, str]]:
    """(label, value) rows, with X_P, X_R, X_F1 on one row."""
    rows: list[tuple[str, str]] = []
    for key, value in figures.items():
        if key.endswith(("_P", "_R")) and f"{key.rsplit('_', 1)[0]}_F1" in figures:
            continue
        stem = key.removesuffix("_F1")
        if key.endswith("_F1") and f"{stem}_P" in figures:
            trio = " / ".join(_value(figures[f"{stem}_{m}"]) for m in ("P", "R", "F1"))
            rows.append((f"{stem} P/R/F1", trio))
        else:
            rows.append((key, _value(value)))
    return rows


def table(results: list[StepResult]) -> str:
    lines = [f"{'step':<30} {'figure':<28} value", "-" * 76]
    for result in results:
        head = f"{result.name} ({result.seconds:.0f} s)"
        if result.failed:
            lines.append(f"{head:<30} FAILED: {result.failed}")
            continue
        rows = figure_rows(result.figures)
        if result.warlog_errors:
            rows.append(("warlog errors", str(len(result.warlog_errors))))
        for i, (label, value) in enumerate(rows):
            lines.append(f"{head if i == 0 else '':<30} {label:<28} {value}")
        for error in result.warlog_errors:
            lines.append(f"{'':<30}   {error}")
    return "\n".join(lines)


def as_json(results: list[StepResult]) -> str:
    return json.dumps({r.name: {"figures": r.figures, "warlog_errors": r.warlog_errors,
                                "failed": r.failed, "seconds": round(r.seconds, 1)}
                       for r in results}, indent=1, sort_keys=False)


def parse_only(value: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    unknown = [n for n in names if n not in STEPS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown step(s) {unknown}; choose from {list(STEPS)}")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", type=parse_only, default=list(STEPS),
                        help=f"comma-separated steps (default: all of {','.join(STEPS)})")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--shared", type=Path, default=SHARED, help="scorers, seed and gold")
    parser.add_argument("--datasets", type=Path, default=None,
                        help="the data sets (default: $EVAL_DATASETS, else SHARED/datasets)")
    parser.add_argument("--build", type=Path, default=BUILD, help="prepared data sets")
    parser.add_argument("--out", type=Path, default=BUILD / "quality",
                        help="warlog's predictions")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    datasets = args.datasets or (DATASETS if args.shared == SHARED else args.shared / "datasets")
    paths = Paths(shared=args.shared.resolve(), datasets=datasets.resolve(),
                  build=args.build.resolve(), out=args.out.resolve())
    paths.build.mkdir(parents=True, exist_ok=True)
    results = run_all(args.only, paths, progress=not args.json)
    print(as_json(results) if args.json else table(results))
    return 1 if any(r.failed for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
