"""Readers chosen by content as well as by name; feeds, archives and gzip files read one
report per item; what is not a report skipped; caps and damage named."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warlog.errors import UnreadableInput
from warlog.ingest.feeds import fragment_text, parse_feed
from warlog.ingest.fetch import FetchRules
from warlog.ingest.sources import Source, find_sources
from warlog.ingest.streams import documents_of, many_reader
from warlog.model import Document
from warlog.registry import readers

STORY = ("Drone strike hits depot\n\nBAGHDAD, Jan. 5 (Wire) - A drone struck an arms depot "
         "south of Baghdad on Friday, killing two guards, police said.\n")
PAGE = (b"<!doctype html><html><head><title>Depot hit</title></head><body><article><h1>Depot "
        b"hit</h1><p>A drone struck an arms depot south of Baghdad on Friday, killing two guards, "
        b"police said. The attack was the third this month, officials added.</p></article></body></html>")


def rss(*bodies: str) -> bytes:
    items = "".join(f"<item><title>Item {i}</title><link>https://w.example/{i}</link>"
                    f"<description><![CDATA[{b}]]></description></item>" for i, b in enumerate(bodies))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>'.encode()


def read(path: Path, rules: FetchRules | None = None) -> list[Document | UnreadableInput]:
    return list(documents_of(Source(name=str(path), path=path), rules=rules or FetchRules()))


def warc_bytes(records: list[tuple[str, str, bytes]], *, gz: bool = True) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for status, media, body in records:
        http = StatusAndHeaders(status, [("Content-Type", media)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://p.example/", "response",
                                                      payload=io.BytesIO(body), http_headers=http))
    return out.getvalue()


def test_the_many_report_readers_are_registered_with_a_sniff_and_an_order() -> None:
    for name in ("warlog.feed.v1", "warlog.warc.v1", "warlog.gzip.v1"):
        meta = readers.get(name).meta
        assert meta["many"] and callable(meta["sniff"]) and isinstance(meta["order"], int)


def test_content_outranks_the_name(tmp_path: Path) -> None:
    (tmp_path / "feed.dat").write_bytes(rss("<p>" + STORY + "</p>"))
    (tmp_path / "news.xml").write_bytes(PAGE)          # .xml, but a page
    (tmp_path / "crawl.bin").write_bytes(warc_bytes([("200 OK", "text/html", PAGE)]))
    feed = read(tmp_path / "feed.dat")
    assert [d.path for d in feed] == [f"{tmp_path / 'feed.dat'}#1"]
    page = read(tmp_path / "news.xml")
    assert len(page) == 1 and isinstance(page[0], Document) and page[0].path == str(tmp_path / "news.xml")
    assert "arms depot" in page[0].text and page[0].title == "Depot hit"
    archived = read(tmp_path / "crawl.bin")
    assert isinstance(archived[0], Document) and archived[0].url == "https://p.example/"
    assert many_reader("x.txt", STORY.encode()) is None


def test_gzip_reports_are_read_by_what_is_inside(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    (tmp_path / "b.gz").write_bytes(gzip.compress(PAGE))
    (tmp_path / "c.gz").write_bytes(gzip.compress(rss("one", "two")))
    (tmp_path / "plain.txt").write_text(STORY)
    [text] = read(tmp_path / "a.txt.gz")
    [plain] = read(tmp_path / "plain.txt")
    assert isinstance(text, Document) and isinstance(plain, Document) and text.id == plain.id
    [html] = read(tmp_path / "b.gz")
    assert isinstance(html, Document) and html.title == "Depot hit"
    assert [d.path for d in read(tmp_path / "c.gz")] == [f"{tmp_path / 'c.gz'}#1", f"{tmp_path / 'c.gz'}#2"]


def test_damaged_and_oversized_gzip(tmp_path: Path) -> None:
    whole = gzip.compress(STORY.encode() * 50)
    (tmp_path / "cut.txt.gz").write_bytes(whole[:len(whole) // 2])
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5_000_000))
    [cut] = read(tmp_path / "cut.txt.gz")
    assert isinstance(cut, UnreadableInput) and cut.code == "E102" and "cut short" in str(cut)
    [bomb] = read(tmp_path / "bomb.txt.gz", FetchRules(max_bytes=100_000))
    assert isinstance(bomb, UnreadableInput) and bomb.code == "E145"


def test_archives_keep_only_successful_html_and_text_responses(tmp_path: Path) -> None:
    records = [("404 Not Found", "text/html", PAGE), ("200 OK", "image/png", b"\x89PNG"),
               ("200 OK", "text/html; charset=utf-8", PAGE), ("301 Moved", "text/html", b""),
               ("200 OK", "text/plain", STORY.encode()), ("200 OK", "text/html", b"x" * 5000)]
    for gz in (True, False):
        path = tmp_path / f"a{gz}.warc"
        path.write_bytes(warc_bytes(records, gz=gz))
        got = read(path, FetchRules(max_bytes=4000))
        assert [type(d).__name__ for d in got] == ["Document", "Document", "UnreadableInput"]
        assert got[0].path.endswith("#1") and got[1].path.endswith("#2")
        assert isinstance(got[2], UnreadableInput) and got[2].code == "E145"
        assert got[2].fields["path"].endswith("#3")


def test_feed_content_outranks_summary_and_html_becomes_paragraphs() -> None:
    raw = (b'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
           b"<channel><title> The  Wire </title><item><title>A</title><guid>g-1</guid>"
           b"<description>short</description><content:encoded><![CDATA[<p>First <b>para</b>.</p>"
           b"<p>Second<br>line.</p><script>evil()</script>]]></content:encoded></item></channel></rss>")
    feed = parse_feed(raw, name="f.xml")
    [item] = feed.items
    assert (item.key, item.outlet, item.link) == ("g-1", "The Wire", None)
    assert fragment_text(item.body) == "First para.\n\nSecond\n\nline."
    assert feed.damage is None


def test_folders_take_feeds_archives_and_gzip_files(tmp_path: Path) -> None:
    for name in ("a.rss", "b.atom", "c.xml", "d.warc", "e.arc", "f.warc.gz", "g.txt.gz", "h.txt"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "i.pdf").write_bytes(b"%PDF")
    sources, notices = find_sources([str(tmp_path)])
    assert [Path(s.name).name for s in sources] == ["a.rss", "b.atom", "c.xml", "d.warc", "e.arc",
                                                    "f.warc.gz", "g.txt.gz", "h.txt"]
    assert [Path(n.name).name for n in notices] == ["i.pdf"]


@pytest.mark.parametrize("raw", [rss("<p>" + STORY + "</p>"), warc_bytes([("200 OK", "text/plain", STORY.encode())])])
def test_stdin_is_sniffed_for_feeds_and_archives(raw: bytes) -> None:
    got = list(documents_of(Source(name="-", path=None), stdin=io.BytesIO(raw), rules=FetchRules()))
    assert len(got) == 1 and isinstance(got[0], Document) and got[0].path == "-#1"


@pytest.mark.parametrize(("name", "content", "code"), [
    ("garbage.rss", b"this is no feed", ["E147"]), ("garbage.warc", b"this is no archive", ["E148"]),
    ("empty.warc", b"", ["E108"]), ("garbage.gz", b"not gzip data", ["E102"]),
    ("cut.rss", rss("one")[:-30], ["E149", "E147"])])     # the item lost its text, then the feed
def test_a_name_claims_its_reader_when_the_content_is_damaged(tmp_path: Path, name: str,
                                                              content: bytes, code: list[str]) -> None:
    (tmp_path / name).write_bytes(content)
    got = read(tmp_path / name)
    assert [d.code for d in got if isinstance(d, UnreadableInput)] == code
    assert all(str(tmp_path / name) in str(d) for d in got if isinstance(d, UnreadableInput))
