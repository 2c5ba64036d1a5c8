"""Feeds and web archives as a user hands them to warlog: an RSS file, an Atom file, and
WARC files (one gzip-compressed, one not) written here with warcio, extracted and
ingested into real SQLite and PostgreSQL; each item's events are those `warlog extract`
gives for the same article text. Damaged inputs: one line naming them, good items kept."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from sqlalchemy import create_engine, select
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warlog.store.engine import normalise_url
from warlog.store.tables import report_events

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "src" / "warlog" / "examples"
TEXTS = ["2024-01-28-tower-22-drone", "2023-06-20-jenin-convoy-ied", "2024-01-29-tower-22-update"]
PAGES = ["2024-02-03-us-strikes-iraq-syria", "2023-12-05-tudun-biri-drone-strike"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warlog", *args], capture_output=True,
                          text=True, check=False, cwd=REPO, env=env)


def article(stem: str) -> tuple[list[str], dict[str, Any]]:
    """An example's paragraphs (each on one line) and its sidecar."""
    raw = (EXAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw) if p.strip()]
    meta = json.loads((EXAMPLES / f"{stem}.meta.json").read_text(encoding="utf-8"))
    return paragraphs, meta


def rfc822(day: str) -> str:
    d = date.fromisoformat(day)
    return format_datetime(datetime(d.year, d.month, d.day, 9, 30, tzinfo=UTC))


def rss(stems: list[str], *, cut: int | None = None) -> bytes:
    items = []
    for stem in stems:
        paragraphs, meta = article(stem)
        html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        items.append(f"<item><title>{escape(meta['title'])}</title><link>{escape(meta['url'])}</link>"
                     f"<guid>{escape(meta['url'])}</guid><pubDate>{rfc822(meta['published'])}</pubDate>"
                     f"<description>Short summary only.</description>"
                     f"<content:encoded><![CDATA[{html}]]></content:encoded></item>")
    body = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>Test Wire</title><link>https://wire.example/</link>{''.join(items)}"
            "</channel></rss>").encode()
    return body if cut is None else body[:cut]


def atom(stems: list[str]) -> bytes:
    entries = []
    for stem in stems:
        paragraphs, meta = article(stem)
        html = escape("".join(f"<p>{escape(p)}</p>" for p in paragraphs))
        entries.append(f'<entry><title>{escape(meta["title"])}</title><link href="{escape(meta["url"])}"/>'
                       f"<id>urn:test:{stem}</id><updated>{meta['published']}T09:30:00Z</updated>"
                       f'<summary>Short summary only.</summary><content type="html">{html}</content></entry>')
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Atom Desk</title><id>urn:test:feed</id><updated>2024-03-04T00:00:00Z</updated>"
            f"{''.join(entries)}</feed>").encode()


def warc(path: Path, stems: list[str], *, gzip: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        # a request and a non-HTML response, which are not reports
        writer.write_record(writer.create_warc_record(
            "https://pages.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG\r\n"),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "image/png")],
                                          protocol="HTTP/1.1")))
        for stem in stems:
            body = (EXAMPLES / f"{stem}.html").read_bytes()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://pages.example/{stem}", "response", payload=io.BytesIO(body),
                http_headers=http, warc_headers_dict={"WARC-Date": "2024-03-10T08:00:00Z"}))
            writer.write_record(writer.create_warc_record(
                f"https://pages.example/{stem}", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The article texts as .txt files, and the same articles as a feed and archives."""
    root = tmp_path_factory.mktemp("sources")
    (root / "texts").mkdir()
    for stem in TEXTS:
        paragraphs, _meta = article(stem)
        (root / "texts" / f"{stem}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (root / "news.rss").write_bytes(rss(TEXTS[:2]))
    (root / "desk.xml").write_bytes(atom(TEXTS[2:]))
    warc(root / "crawl.warc.gz", PAGES, gzip=True)
    warc(root / "crawl-plain.warc", PAGES, gzip=False)
    return root


def extracted(*args: str) -> list[dict[str, Any]]:
    done = run("extract", "--json", *args)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture(scope="module")
def expected(inputs: Path) -> dict[str, dict[str, Any]]:
    """`warlog extract` on the article texts and pages themselves, by document id."""
    out = {}
    for stem in TEXTS:
        day = article(stem)[1]["published"]
        for report in extracted("--published", day, str(inputs / "texts" / f"{stem}.txt")):
            out[report["document"]["id"]] = report
    for report in extracted(*(str(EXAMPLES / f"{stem}.html") for stem in PAGES)):
        out[report["document"]["id"]] = report
    return out


def test_feeds_and_archives_give_the_events_extract_gives_for_the_same_texts(
        inputs: Path, expected: dict[str, dict[str, Any]]) -> None:
    reports = extracted(str(inputs / "news.rss"), str(inputs / "desk.xml"),
                        str(inputs / "crawl.warc.gz"), str(inputs / "crawl-plain.warc"))
    names = [r["document"]["path"] for r in reports]
    assert names == [f"{inputs / 'news.rss'}#1", f"{inputs / 'news.rss'}#2", f"{inputs / 'desk.xml'}#1",
                     f"{inputs / 'crawl.warc.gz'}#1", f"{inputs / 'crawl.warc.gz'}#2",
                     f"{inputs / 'crawl-plain.warc'}#1", f"{inputs / 'crawl-plain.warc'}#2"]
    assert sum(len(r["events"]) for r in reports) > 5
    for report in reports:
        doc = report["document"]
        assert doc["id"] in expected, f"{doc['path']}: its text is the article's text"
        assert report["events"] == expected[doc["id"]]["events"]
        assert report["claims"] == expected[doc["id"]]["claims"]
    feed_items = reports[:3]
    for report, stem in zip(feed_items, TEXTS, strict=True):
        meta = article(stem)[1]
        doc = report["document"]
        assert (doc["url"], doc["title"], doc["published"], doc["published_source"]) == (
            meta["url"], meta["title"], meta["published"], "feed")
    assert [r["document"]["outlet"] for r in feed_items] == ["Test Wire", "Test Wire", "Atom Desk"]
    pages = reports[3:]
    assert [r["document"]["url"] for r in pages] == [f"https://pages.example/{s}" for s in PAGES] * 2


def stored_events(url: str) -> dict[str, list[dict[str, Any]]]:
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(report_events.c.document_id, report_events.c.ordinal,
                                       report_events.c.body)).all()
    finally:
        engine.dispose()
    out: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(rows, key=lambda r: (r.document_id, r.ordinal)):
        out.setdefault(row.document_id, []).append(dict(row.body))
    return out


@pytest.fixture(scope="module")
def ingested(inputs: Path, tmp_path_factory: pytest.TempPathFactory,
             request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    sqlite = f"sqlite:///{tmp_path_factory.mktemp('db') / 'warlog.sqlite3'}"
    postgres = request.getfixturevalue("postgres_database")()
    for url in (sqlite, postgres):
        done = run("ingest", "--db", url, str(inputs / "news.rss"), str(inputs / "desk.xml"),
                   str(inputs / "crawl.warc.gz"), str(inputs / "crawl-plain.warc"))
        assert done.returncode == 0, done.stderr
        # the two archives hold the same pages: the second copy is unchanged
        assert done.stdout.startswith("7 reports read: 5 new, 2 unchanged, 0 failed"), done.stdout
    yield {"sqlite": sqlite, "postgresql": postgres}


@pytest.mark.parametrize("which", ["sqlite", "postgresql"])
def test_ingested_items_store_the_events_extract_gives(
        ingested: dict[str, str], expected: dict[str, dict[str, Any]], which: str) -> None:
    stored = stored_events(ingested[which])
    wanted = {i: r["events"] for i, r in expected.items() if r["events"]}
    assert stored == wanted


def test_merged_events_are_the_same_on_sqlite_and_postgresql(ingested: dict[str, str]) -> None:
    outputs = [run("events", "--json", "--db", url).stdout for url in ingested.values()]
    assert outputs[0] and outputs[0] == outputs[1]


def test_a_mixed_folder_reads_every_kind(inputs: Path) -> None:
    reports = extracted(str(inputs))
    paths = {r["document"]["path"] for r in reports}
    assert {f"{inputs / 'news.rss'}#2", f"{inputs / 'desk.xml'}#1",
            f"{inputs / 'crawl-plain.warc'}#2", str(inputs / "texts" / f"{TEXTS[0]}.txt")} <= paths


def test_gzip_text_and_html_reports_read_as_the_files_themselves(inputs: Path, tmp_path: Path) -> None:
    import gzip

    txt = inputs / "texts" / f"{TEXTS[0]}.txt"
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(txt.read_bytes()))
    html = EXAMPLES / f"{PAGES[0]}.html"
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(html.read_bytes()))
    (tmp_path / "c.rss.gz").write_bytes(gzip.compress(rss(TEXTS[:1])))
    got = extracted("--published", "2024-01-28", str(tmp_path / "a.txt.gz"),
                    str(tmp_path / "b.html.gz"), str(tmp_path / "c.rss.gz"))
    plain = extracted("--published", "2024-01-28", str(txt), str(html))
    assert [r["events"] for r in got[:2]] == [r["events"] for r in plain]
    assert got[2]["document"]["id"] == plain[0]["document"]["id"]


def test_a_malformed_feed_names_itself_in_one_line_and_keeps_the_good_items(
        inputs: Path, tmp_path: Path, sqlite_url: str) -> None:
    whole = rss(TEXTS[:2])
    second = whole.index(b"<item>", whole.index(b"<item>") + 1)
    broken = tmp_path / "broken.rss"
    broken.write_bytes(whole[:second + 40])       # cut inside the second item
    done = run("ingest", "--db", sqlite_url, str(broken))
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert errors and all(str(broken) in line for line in errors)
    assert any("[E147]" in line for line in errors)
    assert done.stdout.startswith("3 reports read: 1 new, 0 unchanged, 2 failed"), done.stdout
    assert len(stored_events(sqlite_url)) == 1


def test_not_a_feed_at_all_is_one_error(tmp_path: Path) -> None:
    bad = tmp_path / "empty.rss"
    bad.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>')
    done = run("extract", str(bad))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        line for line in done.stderr.strip().splitlines() if line.startswith(f"Error: [E147] {bad}")]


@pytest.mark.parametrize("gzip", [True, False])
def test_a_truncated_archive_names_itself_and_keeps_the_records_before(
        tmp_path: Path, sqlite_url: str, gzip: bool) -> None:
    whole = tmp_path / "whole.warc"
    warc(whole, PAGES, gzip=gzip)
    raw = whole.read_bytes()
    with whole.open("rb") as stream:
        records = ArchiveIterator(stream)
        starts = [records.get_record_offset() for r in records if r.rec_type == "response"]
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(raw[:starts[-1] + 900])       # inside the last page's record
    done = run("ingest", "--db", sqlite_url, str(cut))
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and errors[0].startswith(f"Error: [E148] {cut}: ")
    assert done.stdout.startswith("2 reports read: 1 new, 0 unchanged, 1 failed"), done.stdout
    assert len(stored_events(sqlite_url)) == 1
