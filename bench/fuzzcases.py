"""Hostile inputs for warlog's readers and for extraction, and the rule each must keep.

Shared by tests/property/test_hostile_props.py (a CI-sized run) and bench/fuzz.py (10,000+
cases). A case is a file written under a scratch folder (or bytes on stdin); running it
means `read_source` on it (the reader its suffix or content picks), then, for what reads,
the CLI's own extraction path (`parse_texts`, then `read_parsed` under the time limit).
A feed or an archive (FEED_KINDS) is read as the CLI reads it, item by item
(`documents_of`), and its first items are extracted.

The rule: a case ends in a result, or in one WarlogError whose one-line message names the
input. Anything else (another exception, a message without the name or over two lines,
the time limit reached) is a failure of warlog, recorded with the case.
"""

from __future__ import annotations

import codecs
import io
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fuzzfeeds import LEAK_MARK, big_record_archive, feed_case, warc_case

STORY = ("Militants fired four rockets at a military base near Kirkuk on Monday, wounding "
         "three soldiers, police said. The attack also damaged two vehicles.")
RTL = "هاجم مسلحون مركزاً للشرطة في بغداد يوم الاثنين، وقتل ثلاثة أشخاص. מתקפה בירושלים."
EMOJI = "💥🚀 A drone 🛩️ struck 🏠 a house in Odesa 🇺🇦 on Sunday, killing 2 👥 people. \u200d\u2066x\u2069"
WORDS = ("attack", "drone", "killed", "Baghdad", "rocket", "on", "Monday", "the", "police",
         "said", "3", "wounded", "Kyiv", "strike", "of", "in", ",", ".", "\n\n", "—", "«", "»")


@dataclass(frozen=True, slots=True)
class Case:
    kind: str
    name: str                      # file name under the scratch folder ("-" for stdin)
    data: bytes | None             # None: the case makes its own file (links, FIFOs)
    make: Callable[[Path], None] | None = None
    many: bool = False             # read as the CLI reads a feed or an archive: item by item


@dataclass(frozen=True, slots=True)
class Outcome:
    kind: str
    status: str                    # "read", "extracted", "error:E1xx", or "FAIL: …"
    detail: str = ""

    @property
    def failed(self) -> bool:
        return self.status.startswith("FAIL")


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _encodings(rng: random.Random) -> tuple[str, bytes]:
    text = rng.choice([STORY, RTL, EMOJI, STORY + " Le café d'en face. " + RTL])
    codec = rng.choice(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                        "latin-1", "cp1252", "shift_jis", "koi8-r"])
    data = text.encode(codec, "replace")
    if rng.random() < 0.3:  # a mixed file: another line in another encoding
        data += b"\n" + "Caf\u00e9 \u00e0 Bagdad.".encode(rng.choice(["utf-8", "latin-1"]))
    return codec, data


def _html(rng: random.Random, body: str) -> bytes:
    charset = rng.choice(["", '<meta charset="utf-8">', '<meta charset="utf-16">',
                          '<meta charset="shift_jis">', '<meta charset="bogus-enc">',
                          '<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/x">'])
    extra = rng.choice(["", '<img src="http://127.0.0.1:9/a.png">',
                        '<link rel="stylesheet" href="http://127.0.0.1:9/s.css">',
                        '<script src="http://127.0.0.1:9/s.js"></script><script>while(1){}</script>',
                        "<iframe src='file:///etc/passwd'></iframe>", "<![CDATA[x]]>", "<?xml ?>"])
    page = f"<!doctype html><html><head>{charset}<title>t</title>{extra}</head><body>" \
           f"<article><p>{body}</p></article></body></html>"
    return page.encode(rng.choice(["utf-8", "utf-8", "cp1252", "utf-16"]), "replace")


def random_case(rng: random.Random, index: int, *, kinds: tuple[str, ...] | None = None) -> Case:
    """One case of a random kind (of ``kinds``, else of KINDS); the same seed and index give
    the same case."""
    kind = rng.choice(kinds or KINDS)
    suffix = rng.choice([".txt", ".html", ".htm", ".TXT", ""])
    name = f"c{index}{suffix}"
    if kind == "bytes":
        return Case(kind, name, rng.randbytes(rng.randint(0, 4096)))
    if kind == "text-bytes":  # mostly text with random bytes spliced in
        data = bytearray(_text(rng, rng.randint(1, 400)).encode())
        for _ in range(rng.randint(1, 20)):
            data.insert(rng.randint(0, len(data)), rng.randint(0, 255))
        return Case(kind, name, bytes(data))
    if kind == "empty":
        return Case(kind, name, rng.choice([b"", b"\x00", b"\x00" * 1000, b" \n\t\r\n", b"\xef\xbb\xbf",
                                            codecs.BOM_UTF16_LE, b"<html></html>", b"<"]))
    if kind == "encoding":
        codec, encoded = _encodings(rng)
        return Case(f"encoding:{codec}", name, encoded)
    if kind == "html":
        return Case(kind, f"c{index}.html", _html(rng, rng.choice([STORY, RTL, EMOJI, _text(rng, 200)])))
    if kind == "nesting":
        tag = rng.choice(["div", "span", "b", "table", "ul><li", "p"])
        depth = rng.choice([255, 257, 300, 1000, 10_000])
        closing = tag.split("><")[::-1]
        page = f"<html><body>{('<' + tag + '>') * depth}<p>{STORY}</p>" \
               + "".join(f"</{t}>" for t in closing) * depth + "</body></html>"
        return Case(kind, f"c{index}.html", page.encode())
    if kind == "words":
        text = _text(rng, rng.randint(1, 3000))
        return Case(kind, name, text.encode())
    if kind == "long-line":
        unit = rng.choice(["x", "(", ")", "'", "a.", "-", "\u202e", "😀", "<b>"])
        return Case(kind, name, (unit * rng.randint(1000, 200_000)).encode())
    if kind in ("feed", "warc"):
        damage, file_name, raw = (feed_case if kind == "feed" else warc_case)(rng, index)
        return Case(f"{kind}:{damage}", file_name, raw, many=True)
    if kind == "odd-name":
        odd = rng.choice(["\x1b[31mred", "\x1b]0;title\x07", "x" * 240, "caf\udce9", "\u202eevil",
                          "new\nline", "tab\tname", "sp ace", "ü" * 120, "-dash", "..dots"])
        return Case(kind, f"{odd}-{index}{suffix or '.txt'}", STORY.encode())
    return Case(kind, f"link{index}.txt", None, make=_SPECIAL[rng.randrange(len(_SPECIAL))])


def _loop(folder: Path) -> None:
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")


def _dangling(folder: Path) -> None:
    (folder / "a.txt").symlink_to(folder / "missing.txt")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "a.txt")


def _zero(folder: Path) -> None:
    (folder / "a.txt").symlink_to("/dev/zero")


def _folder(folder: Path) -> None:
    (folder / "a.txt").mkdir()
    (folder / "a.txt" / "inner.txt").write_text(STORY)


def _unreadable_sidecar(folder: Path) -> None:
    (folder / "a.txt").write_text(STORY)
    (folder / "a.meta.json").write_bytes(b"\xff{not json")


_SPECIAL = (_loop, _dangling, _fifo, _zero, _folder, _unreadable_sidecar)
KINDS = ("bytes", "text-bytes", "empty", "encoding", "html", "nesting", "words", "long-line",
         "odd-name", "special")
# Feeds and web archives (bench/fuzzfeeds.py), drawn apart from KINDS so that a seeded run
# of those stays the run it was.
FEED_KINDS = ("feed", "warc")


def heavy_cases() -> Iterator[Case]:
    """The big ones, each once: a 50 MB HTML page, 10,000-level nesting, a 5 MB line."""
    paragraph = f"<p>{STORY}</p>\n"
    yield Case("50MB-html", "big.html",
               f"<html><body><article>{paragraph * (50_000_000 // len(paragraph))}"
               "</article></body></html>".encode())
    yield Case("nesting-10000", "deep.html",
               ("<html><body>" + "<div>" * 10_000 + f"<p>{STORY}</p>" + "</div>" * 10_000
                + "</body></html>").encode())
    yield Case("5MB-line", "line.txt", b"(" * 5_000_000)
    yield Case("10000-paragraphs", "paragraphs.txt", "\n\n".join(
        STORY if i % 50 == 0 else f"The council met ({i})." for i in range(10_000)).encode())
    # past the page size cap (max_page_bytes, 20 MB): the record, or the feed, is refused
    # by name (E145) and the records around it are read
    yield Case("warc-21MB-record", "big.warc", big_record_archive(), many=True)
    item = f"<item><title>t</title><description>{STORY}</description></item>"
    yield Case("feed-21MB", "big.rss", ("<?xml version='1.0'?><rss version='2.0'><channel>"
                                        + item * (21_000_000 // len(item))
                                        + "</channel></rss>").encode(), many=True)


def run_case(case: Case, folder: Path, *, resources: Any, extract: bool,
             seconds: int = 300) -> Outcome:
    """Run one case (module docstring) in a fresh scratch folder; ``seconds`` bounds the
    whole case, reading and parsing included (the default of the time_limit setting)."""
    from warlog.batch.deadline import time_limit
    from warlog.errors import WarlogError
    from warlog.ingest.sources import find_sources, read_source
    from warlog.pipeline import parse_texts, read_parsed

    folder.mkdir(parents=True, exist_ok=True)
    if case.make is not None:
        case.make(folder)
        path = str(folder / "a.txt")
    elif case.name == "-":
        path = "-"
    else:
        path = os.path.join(folder, case.name)
        with open(path, "wb") as out:
            out.write(case.data or b"")
    shown = path
    try:
        with time_limit(seconds, name=f"fuzz case {case.kind}"):
            sources, _ = find_sources([path])
            if not sources:
                return Outcome(case.kind, "skipped")
            source = sources[0]
            shown = source.name
            if case.many:
                return _run_many(case, source, resources=resources, extract=extract)
            stdin = io.BytesIO(case.data or b"") if path == "-" else None
            doc = read_source(source, stdin=stdin)
            if not extract:
                return Outcome(case.kind, "read")
            (parsed,) = parse_texts([doc.text], nlp=resources.nlp)
            read_parsed(doc, parsed, resources=resources)
            return Outcome(case.kind, "extracted")
    except WarlogError as err:
        message = str(err)
        if err.code == "E204":
            return Outcome(case.kind, "FAIL: hang", message)
        if "\n" in message or shown not in message:
            return Outcome(case.kind, "FAIL: message", message)
        return Outcome(case.kind, f"error:{err.code}")
    except Exception as err:  # noqa: BLE001  (the failure fuzzing looks for: recorded)
        return Outcome(case.kind, f"FAIL: {type(err).__name__}", str(err)[:300])


# Items of a feed or records of an archive extracted per case (the first ones): enough
# to take each kind of item through extraction without the run's time going to it.
EXTRACTED_ITEMS = 3


def _run_many(case: Case, source: Any, *, resources: Any, extract: bool) -> Outcome:
    """A feed or an archive read as the CLI reads it (``documents_of``): every item is a
    report or an UnreadableInput value naming the input; any exception raised out of the
    stream, a message without the name or over one line, or a report holding what an
    external entity would have read (a local file) is a failure."""
    from warlog.errors import WarlogError
    from warlog.ingest.streams import documents_of
    from warlog.pipeline import parse_texts, read_parsed

    docs = extracted = 0
    codes: list[str] = []
    for item in documents_of(source):
        if isinstance(item, WarlogError):
            message = str(item)
            if "\n" in message or source.name not in message:
                return Outcome(case.kind, "FAIL: message", message)
            codes.append(item.code)
            continue
        docs += 1
        if LEAK_MARK in item.text or LEAK_MARK in (item.title or ""):
            return Outcome(case.kind, "FAIL: leak", item.text[:300])
        if extract and extracted < EXTRACTED_ITEMS:
            (parsed,) = parse_texts([item.text], nlp=resources.nlp)
            read_parsed(item, parsed, resources=resources)
            extracted += 1
    done = "extracted" if extracted else "read"
    if not codes:
        return Outcome(case.kind, done if docs else "no items")
    errors = "+".join(f"error:{c}" for c in sorted(set(codes)))
    return Outcome(case.kind, f"{done}+{errors}" if docs else errors)
