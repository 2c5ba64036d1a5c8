"""Sources: files, folders, stdin, sidecars and the publication-date precedence."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from warlog.errors import UnreadableInput
from warlog.ingest import Notice, Source, find_sources, read_source
from warlog.model import Document
from warlog.registry import readers

STORY = (
    "Gunmen attacked a police station on the edge of the city before dawn on Friday, "
    "officials said, and two officers were wounded in the exchange of fire.\n\n"
    "The attackers fled on motorbikes, and security forces closed the main road north while "
    "they searched nearby farms."
)
HTML = (
    "<!doctype html><html><head><title>Police Station Attacked</title></head><body><article>"
    + "".join(f"<p>{p}</p>" for p in STORY.split("\n\n"))
    + "</article></body></html>"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def read_path(path: Path, **options: object) -> Document:
    (source,), _ = find_sources([str(path)])
    return read_source(source, **options)  # type: ignore[arg-type]


# --- find_sources ------------------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for rel in ["b/z.html", "b/a.htm", "a.txt", "c.TXT", "b/sub/m.txt", "z.txt"]:
        write(tmp_path / rel, STORY)
    sources, notices = find_sources([str(tmp_path)])
    assert [s.name for s in sources] == [
        str(tmp_path / rel) for rel in ["a.txt", "b/a.htm", "b/sub/m.txt", "b/z.html", "c.TXT", "z.txt"]
    ]
    assert all(s.path == Path(s.name) for s in sources)
    assert notices == []


def test_other_files_in_a_folder_get_one_notice_each_and_sidecars_none(tmp_path: Path) -> None:
    write(tmp_path / "report.txt", STORY)
    write(tmp_path / "report.meta.json", "{}")
    write(tmp_path / "notes.pdf", b"%PDF-1.4")
    write(tmp_path / "deep" / "photo.jpg", b"\xff\xd8")
    write(tmp_path / ".hidden.txt", STORY)
    sources, notices = find_sources([str(tmp_path)])
    assert [s.name for s in sources] == [str(tmp_path / "report.txt")]
    assert notices == [
        Notice(name=str(tmp_path / "deep" / "photo.jpg"),
               message=f"{tmp_path / 'deep' / 'photo.jpg'}: skipped (not .txt, .html, .htm, a feed, an archive or .gz)"),
        Notice(name=str(tmp_path / "notes.pdf"), message=f"{tmp_path / 'notes.pdf'}: skipped (not .txt, .html, .htm, a feed, an archive or .gz)"),
    ]


def test_files_keep_the_name_given_and_order_of_arguments(tmp_path: Path) -> None:
    second = write(tmp_path / "2.txt", STORY)
    first = write(tmp_path / "1.txt", STORY)
    sources, _ = find_sources([str(second), "-", str(first)])
    assert sources == [
        Source(name=str(second), path=second),
        Source(name="-", path=None),
        Source(name=str(first), path=first),
    ]


def test_explicit_sidecar_is_not_a_report(tmp_path: Path) -> None:
    sidecar = write(tmp_path / "x.meta.json", "{}")
    sources, notices = find_sources([str(sidecar)])
    assert sources == []
    assert [n.name for n in notices] == [str(sidecar)]


def test_missing_path_is_a_source_that_fails_with_e101(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    sources, notices = find_sources([missing])
    assert sources == [Source(name=missing, path=Path(missing))] and notices == []
    with pytest.raises(UnreadableInput) as caught:
        read_source(sources[0])
    assert caught.value.code == "E101"
    assert missing in str(caught.value)


# --- read_source ---------------------------------------------------------------------


def test_readers_are_registered_under_versioned_names() -> None:
    assert {"warlog.text.v1", "warlog.html.v1"} <= set(readers.names())


def test_text_and_html_files_are_read_by_suffix(tmp_path: Path) -> None:
    text_doc = read_path(write(tmp_path / "a.txt", HTML))
    html_doc = read_path(write(tmp_path / "a.html", HTML))
    assert "<p>" in text_doc.text
    assert html_doc.text.startswith("Gunmen attacked")
    assert html_doc.path == str(tmp_path / "a.html")


def test_explicit_file_with_another_suffix_is_sniffed(tmp_path: Path) -> None:
    as_html = read_path(write(tmp_path / "page.php", HTML))
    as_text = read_path(write(tmp_path / "wire.md", STORY))
    assert as_html.title == "Police Station Attacked"
    assert as_text.text == STORY


@pytest.mark.parametrize("raw", [HTML.encode(), STORY.encode()], ids=["html", "text"])
def test_stdin_is_sniffed_and_named_dash(raw: bytes) -> None:
    doc = read_source(Source(name="-", path=None), stdin=io.BytesIO(raw))
    assert doc.path == "-"
    assert doc.text == STORY


def test_stdin_html_fragment_is_read_as_html() -> None:
    fragment = "".join(f"<p>{p}</p>" for p in STORY.split("\n\n")).encode()
    doc = read_source(Source(name="-", path=None), stdin=io.BytesIO(fragment))
    assert "<p>" not in doc.text and doc.text.startswith("Gunmen attacked")


def test_binary_file_is_e103(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput) as caught:
        read_path(write(tmp_path / "scan.txt", b"GIF89a\x01\x00\x00\x00"))
    assert caught.value.code == "E103"


@pytest.mark.parametrize("content", [b"", b" \n\t\n  "])
def test_empty_and_whitespace_only_files_are_e108(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(UnreadableInput) as caught:
        read_path(write(tmp_path / "blank.txt", content))
    assert caught.value.code == "E108"
    assert "blank.txt" in str(caught.value)


def test_a_folder_named_as_a_source_is_e102(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput) as caught:
        read_source(Source(name=str(tmp_path), path=tmp_path))
    assert caught.value.code == "E102"


# --- sidecars and the published precedence -----------------------------------------


def sidecar(tmp_path: Path, data: object, *, report: str = "r.html") -> Path:
    stem = report.rsplit(".", 1)[0]
    write(tmp_path / f"{stem}.meta.json", json.dumps(data))
    return tmp_path / report


def test_sidecar_gives_url_outlet_title_and_date(tmp_path: Path) -> None:
    report = sidecar(tmp_path, {"url": "https://example.net/x", "published": "2024-02-01",
                                "outlet": "Example Wire", "title": "Given Title"})
    write(report, HTML)
    doc = read_path(report)
    assert doc.url == "https://example.net/x"
    assert doc.outlet == "Example Wire"
    assert doc.title == "Given Title"
    assert (doc.published, doc.published_source) == (date(2024, 2, 1), "sidecar")


def test_cli_date_outranks_the_sidecar(tmp_path: Path) -> None:
    report = sidecar(tmp_path, {"published": "2024-02-01"}, report="r.txt")
    write(report, STORY)
    doc = read_path(report, published=date(2024, 2, 3))
    assert (doc.published, doc.published_source) == (date(2024, 2, 3), "cli")


def test_sidecar_outranks_html_metadata(tmp_path: Path) -> None:
    report = sidecar(tmp_path, {"published": "2024-02-01"})
    write(report, HTML.replace("<head>", '<head><meta property="article:published_time" content="2024-01-20">'))
    doc = read_path(report)
    assert (doc.published, doc.published_source) == (date(2024, 2, 1), "sidecar")


def test_html_metadata_without_sidecar(tmp_path: Path) -> None:
    report = write(tmp_path / "r.html", HTML.replace("<head>", '<head><meta property="article:published_time" content="2024-01-20">'))
    doc = read_path(report)
    assert (doc.published, doc.published_source) == (date(2024, 1, 20), "html-meta")


def test_text_dateline_without_sidecar_and_none_without_anything(tmp_path: Path) -> None:
    dated = read_path(write(tmp_path / "d.txt", f"Posted on 19 January 2024\n\n{STORY}"))
    undated = read_path(write(tmp_path / "u.txt", STORY))
    assert (dated.published, dated.published_source) == (date(2024, 1, 19), "text")
    assert (undated.published, undated.published_source) == (None, "none")


def test_sidecar_with_nulls_and_no_date_leaves_the_page_to_decide(tmp_path: Path) -> None:
    report = sidecar(tmp_path, {"url": None, "published": None}, report="r.txt")
    write(report, f"Published: 19 January 2024\n\n{STORY}")
    doc = read_path(report)
    assert (doc.published, doc.published_source) == (date(2024, 1, 19), "text")


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "expected an object"),
        ('{"published": "last Tuesday"}', "published must be a date"),
        ('{"title": 7}', "title must be a string"),
    ],
)
def test_bad_sidecar_is_e106_naming_report_and_sidecar(tmp_path: Path, content: str, why: str) -> None:
    report = write(tmp_path / "r.txt", STORY)
    write(tmp_path / "r.meta.json", content)
    with pytest.raises(UnreadableInput) as caught:
        read_path(report)
    message = str(caught.value)
    assert caught.value.code == "E106"
    assert str(report) in message and "r.meta.json" in message and why in message
    assert "\n" not in message


def test_same_text_in_two_files_has_the_same_id(tmp_path: Path) -> None:
    one = read_path(write(tmp_path / "one.txt", STORY))
    two = read_path(write(tmp_path / "two.txt", STORY + "\n\nShare this:\n"))
    assert one.id == two.id
