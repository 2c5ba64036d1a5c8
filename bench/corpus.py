"""Large, repeatable corpora of real news text, with a chosen share of conflict reports.

usage:
  .venv/bin/python bench/corpus.py OUT_DIR [--reports 10000] [--conflict 0.1] [--seed 1]
                                   [--first-day 2024-01-01] [--days 365]

Nothing here invents a sentence. The texts are read at run time, by path, from
``../shared/datasets`` and ``src/warlog/examples`` (never copied into the repository):

- conflict reports: the bundled examples that tell attacks (every ``.txt`` of
  ``src/warlog/examples`` but the football match, which is there as a negative), and the
  WikiEvents dev documents with a ``Conflict.Attack`` event mention;
- general news: the gold article bodies of ``article-extraction-benchmark`` and the
  GeoWebNews articles, less any article that uses a word of attack news (``ATTACK_WORDS``),
  so that a "general" report is one no reader would take for conflict news, and the
  football match.

Each generated report recombines paragraphs: a base text of its class (its paragraphs in
their order, one of the later ones left out at times), with one or two paragraphs of a
general news text set in after its first paragraph (the "related stories" a page carries),
so that reports are distinct texts (distinct document ids) although the pool is a few
hundred articles. Each report gets a published day in the period and an outlet, in a
sidecar ``.meta.json`` as `warlog ingest` reads them. Reports are written as
``OUT_DIR/NNNN/NNNNNNNN.txt`` (a thousand to a folder) and ``OUT_DIR/manifest.jsonl`` names,
for each, its class and the source texts it was made of. The same arguments give the same
files, byte for byte (``random.Random(seed)``; pools sorted by their source ids).

Held out: nothing of ``../shared/eval`` is read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO.parent / "shared" / "datasets"
EXAMPLES = REPO / "src" / "warlog" / "examples"
NOT_CONFLICT_EXAMPLES = {"2024-01-20-iraq-japan-asian-cup"}   # the README's negative example
ATTACK_WORDS = re.compile(
    r"\b(?:kill(?:ed|s|ing)?|attack(?:ed|s|ers?)?|bomb(?:s|ed|ing|ings)?|strikes?|shell(?:ed|ing)|"
    r"militants?|troops|soldiers|insurgents?|missiles?|rockets?|drones?|explosions?|explosives?|"
    r"gunmen|wounded|injured|airstrikes?|war|army|military|terror\w*|rebels?|fighting|dead)\b",
    re.IGNORECASE)
PER_FOLDER = 1000


@dataclass(frozen=True, slots=True)
class Text:
    source: str                 # "<dataset>:<id>"
    paragraphs: tuple[str, ...]


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def _grouped(sentences: list[str], size: int = 3) -> tuple[str, ...]:
    return tuple(" ".join(sentences[i:i + size]) for i in range(0, len(sentences), size))


def examples() -> Iterator[tuple[bool, Text]]:
    for path in sorted(EXAMPLES.glob("*.txt")):
        if path.name == "README.md":
            continue
        yield (path.stem not in NOT_CONFLICT_EXAMPLES,
               Text(f"examples:{path.stem}", _paragraphs(path.read_text(encoding="utf-8"))))


def wikievents() -> Iterator[tuple[bool, Text]]:
    path = DATASETS / "wikievents" / "dev.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if any(m["event_type"].startswith("Conflict.Attack") for m in doc["event_mentions"]):
            sentences = [s[1] for s in doc["sentences"]]
            yield True, Text(f"wikievents:{doc['doc_id']}", _grouped(sentences))


def general_news() -> Iterator[tuple[bool, Text]]:
    truth = json.loads((DATASETS / "article-extraction-benchmark" / "ground-truth.json")
                       .read_text(encoding="utf-8"))
    for key in sorted(truth):
        body = truth[key].get("articleBody") or ""
        if body and not ATTACK_WORDS.search(body):
            yield False, Text(f"aeb:{key[:16]}", _paragraphs(body))
    root = ET.parse(DATASETS / "geowebnews" / "GWN.xml").getroot()
    for article in root.iter("article"):
        body = article.findtext("text") or ""
        if body and not ATTACK_WORDS.search(body):
            sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", body.strip())
            yield False, Text(f"geowebnews:{article.get('file')}", _grouped(sentences))


def pools() -> tuple[list[Text], list[Text]]:
    conflict: list[Text] = []
    general: list[Text] = []
    for is_conflict, t in (*examples(), *wikievents(), *general_news()):
        if len(t.paragraphs) >= 1:
            (conflict if is_conflict else general).append(t)
    return sorted(conflict, key=lambda t: t.source), sorted(general, key=lambda t: t.source)


def recombine(base: Text, filler: Text, rnd: random.Random) -> tuple[str, list[str]]:
    """The base text's paragraphs (a later one left out at times) with one or two of the
    filler's set in after the first paragraph."""
    body = list(base.paragraphs)
    if len(body) > 3 and rnd.random() < 0.5:
        del body[rnd.randrange(2, len(body))]
    taken = rnd.sample(range(len(filler.paragraphs)), k=min(len(filler.paragraphs), rnd.choice((1, 2))))
    for offset, i in enumerate(sorted(taken)):
        body.insert(min(len(body), 1 + rnd.randrange(len(body)) + offset), filler.paragraphs[i])
    return "\n\n".join(body) + "\n", [base.source, filler.source]


def generate(out: Path, *, reports: int, conflict_share: float, seed: int, first_day: date,
             days: int) -> dict[str, int]:
    conflict, general = pools()
    if not conflict or not general:
        raise SystemExit(f"corpus: no texts found under {DATASETS} and {EXAMPLES}")
    rnd = random.Random(seed)
    seen: set[str] = set()
    counts = {"conflict": 0, "general": 0, "retries": 0}
    out.mkdir(parents=True, exist_ok=True)
    with (out / "manifest.jsonl").open("w", encoding="utf-8") as manifest:
        for n in range(reports):
            is_conflict = rnd.random() < conflict_share
            for _attempt in range(100):
                base = rnd.choice(conflict if is_conflict else general)
                filler = rnd.choice([g for g in general if g.source != base.source] or general)
                text, parts = recombine(base, filler, rnd)
                digest = hashlib.sha256(text.encode()).hexdigest()
                if digest not in seen:
                    break
                counts["retries"] += 1
            seen.add(digest)
            day = first_day + timedelta(days=rnd.randrange(days))
            name = f"{n // PER_FOLDER:04d}/{n:08d}"
            path = out / f"{name}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            meta = {"published": day.isoformat(), "outlet": f"corpus outlet {rnd.randrange(40)}",
                    "title": text.split("\n", 1)[0][:120]}
            path.with_suffix(".meta.json").write_text(json.dumps(meta, indent=1) + "\n",
                                                      encoding="utf-8")
            label = "conflict" if is_conflict else "general"
            counts[label] += 1
            manifest.write(json.dumps({"file": f"{name}.txt", "class": label, "from": parts},
                                      sort_keys=True) + "\n")
    return {**counts, "conflict_pool": len(conflict), "general_pool": len(general)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--conflict", type=float, default=0.1,
                        help="share of conflict reports, 0 to 1 (default 0.1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first-day", type=date.fromisoformat, default=date(2024, 1, 1))
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args(argv)
    if not 0 <= args.conflict <= 1:
        parser.error(f"--conflict {args.conflict}: a share from 0 to 1")
    counts = generate(args.out, reports=args.reports, conflict_share=args.conflict,
                      seed=args.seed, first_day=args.first_day, days=args.days)
    print(json.dumps(counts, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
