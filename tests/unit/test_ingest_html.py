"""The HTML reader: main text by trafilatura, furniture dropped and listed, page metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from warlog.errors import UnreadableInput
from warlog.ingest import Origin, read_html
from warlog.model import Document

EVAL_HTML = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "trafilatura-eval-en" / "html"

PARAGRAPHS = (
    ("Two rockets struck near the northern checkpoint early on Thursday, the provincial police "
    "chief told reporters, damaging a guard post and a parked truck."),
    ("A police officer and a passing driver were wounded and taken to the district hospital, "
    "where doctors said both were in a stable condition by the afternoon."),
    ("The checkpoint has been targeted three times since January, and no group has claimed any "
    "of the attacks, according to the governor's office."),
)
ARTICLE = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS)


def page(
    *, head: str = "", before: str = "", inside: str = "", after: str = "", title: str = "Rockets Hit Checkpoint"
) -> bytes:
    """A small news page: head tags, furniture around the article, the article itself."""
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body>
{before}
<article><h1>{title}</h1>
{ARTICLE}{inside}</article>
{after}
</body></html>""".encode()


def read(raw: bytes, **origin: object) -> Document:
    fields: dict[str, object] = {"name": "page.html", **origin}
    return read_html(raw, origin=Origin(**fields))  # type: ignore[arg-type]


def kinds(doc: Document) -> set[str]:
    return {d.kind for d in doc.dropped}


def test_keeps_the_article_paragraphs_with_blank_lines_between() -> None:
    doc = read(page())
    assert doc.text == "Rockets Hit Checkpoint\n\n" + "\n\n".join(PARAGRAPHS)
    assert doc.path == "page.html"


def test_list_items_stay_one_paragraph() -> None:
    doc = read(page(inside="<ul><li>one guard post</li><li>one truck</li></ul>"))
    assert "- one guard post\n- one truck" in doc.text


def test_drops_the_comment_section_as_a_comment() -> None:
    comments = (
        '<section class="comments"><h3>2 comments</h3>'
        '<div class="comment"><p>Quinn: this road has been unsafe for months now.</p></div>'
        '<div class="comment"><p>Avery: thoughts with the families tonight.</p></div></section>'
    )
    doc = read(page(after=comments))
    assert "comment" in kinds(doc)
    assert "unsafe for months" not in doc.text
    assert "families tonight" not in doc.text


THREAD = (
    '<div class="thread">'
    '<div data-testid="comment"><p>Quinn: this road has been unsafe for months now, and nobody listens.</p></div>'
    '<div data-testid="comment"><p>Avery: thoughts with the families tonight, and with the officer.</p></div></div>'
)


def test_comments_kept_as_text_are_cut_by_their_markup() -> None:
    # trafilatura keeps this thread as article text; the test hooks say it is comments.
    doc = read(page(inside=THREAD))
    assert "unsafe for months" not in doc.text and "families tonight" not in doc.text
    assert doc.text.endswith(PARAGRAPHS[2])
    comment = next(d for d in doc.dropped if d.kind == "comment")
    assert comment.preview.startswith("Quinn: this road")


def test_schema_org_comment_markup_is_a_comment() -> None:
    reply = '<div itemscope itemtype="https://schema.org/Comment"><p>Quinn: the road is unsafe, nobody listens.</p></div>'
    doc = read(page(inside=reply))
    assert "nobody listens" not in doc.text
    assert PARAGRAPHS[2] in doc.text


def test_a_line_also_outside_the_comments_stays_unless_comments_surround_it() -> None:
    # The story's last paragraph quoted in the last reply stays: no comment follows it.
    quoting = THREAD.replace("</div></div>", f"</div><div data-testid=\"comment\"><p>{PARAGRAPHS[2]}</p></div></div>")
    doc = read(page(inside=quoting))
    assert doc.text.endswith(PARAGRAPHS[2]) and "Quinn" not in doc.text
    # A reply that repeats the headline, between two replies, goes with them.
    repeat = '<div data-testid="comment"><p>Rockets Hit Checkpoint</p></div>'
    doc = read(page(inside=THREAD.replace('<div data-testid="comment"><p>Avery', f'{repeat}<div data-testid="comment"><p>Avery')))
    assert doc.text.count("Rockets Hit Checkpoint") == 1 and "Avery" not in doc.text


def test_an_article_inside_a_comment_container_is_kept_whole() -> None:
    # Marks that would cut the story's first line are wrong marks: nothing is cut.
    raw = page().replace(b"<article>", b'<div data-testid="comments"><article>').replace(
        b"</article>", b"</article></div>"
    )
    doc = read(raw)
    assert all(p in doc.text for p in PARAGRAPHS)


def test_lists_furniture_blocks_by_class_and_id() -> None:
    doc = read(
        page(
            before=(
                '<nav class="site-nav"><a href="/">Home</a> <a href="/world">World</a> <a>Politics</a></nav>'
                '<div id="cookie-banner">This site stores small files on your device. <button>OK</button></div>'
            ),
            after=(
                '<div class="share-tools"><a>Post it on Facebook</a> <a>Send it by email</a></div>'
                '<aside class="relatedPosts"><a>Earlier shelling hits market</a><a>Bridge reopened</a></aside>'
                '<div class="newsletter-signup"><p>Daily briefing in your inbox</p><input type="email"></div>'
            ),
        )
    )
    assert kinds(doc) >= {"navigation", "cookie", "share", "related", "form"}
    for dropped in doc.dropped:
        assert dropped.preview not in doc.text
        assert "<" not in dropped.preview
    related = next(d for d in doc.dropped if d.kind == "related")
    assert related.preview.startswith("Earlier shelling hits market")


def test_previews_never_hold_script_or_style_text() -> None:
    doc = read(
        page(after='<div class="social-share"><script>var tracker = 1;</script><style>.x{}</style>Share</div>')
    )
    share = next(d for d in doc.dropped if d.kind == "share")
    assert share.preview == "Share"


def test_a_block_holding_the_article_is_not_furniture() -> None:
    raw = page().replace(b"<article>", b'<div class="menu-open comments-area"><article>').replace(
        b"</article>", b"</article></div>"
    )
    doc = read(raw)
    assert doc.dropped == ()
    assert PARAGRAPHS[1] in doc.text


def test_text_pass_drops_read_more_and_share_lines_trafilatura_kept() -> None:
    doc = read(page(inside="<p>Read more: Governor visits the wounded officer</p><p>Share this:</p>"))
    assert {"related", "share"} <= kinds(doc)
    assert "Read more" not in doc.text and "Share this" not in doc.text
    assert doc.text.endswith(PARAGRAPHS[-1])


def test_html_meta_date_title_url_and_outlet() -> None:
    head = (
        '<meta property="article:published_time" content="2024-03-07T08:30:00Z">'
        '<meta property="og:site_name" content="Northern Courier">'
        '<link rel="canonical" href="https://courier.example/rockets">'
    )
    doc = read(page(head=head, title="Rockets Hit Checkpoint | Northern Courier"))
    assert (doc.published, doc.published_source) == (date(2024, 3, 7), "html-meta")
    assert doc.title == "Rockets Hit Checkpoint"
    assert doc.outlet == "Northern Courier"
    assert doc.url == "https://courier.example/rockets"


def test_origin_date_and_metadata_outrank_the_page() -> None:
    head = '<meta property="article:published_time" content="2024-03-07T08:30:00Z">'
    doc = read(
        page(head=head),
        published=date(2024, 3, 8),
        published_source="sidecar",
        title="From the sidecar",
        outlet="Given outlet",
    )
    assert (doc.published, doc.published_source) == (date(2024, 3, 8), "sidecar")
    assert (doc.title, doc.outlet) == ("From the sidecar", "Given outlet")


def test_dateline_in_the_text_when_the_page_has_no_date_metadata() -> None:
    raw = page().replace(b"<p>Two rockets", b"<p>MOSUL, March 7, 2024 \xe2\x80\x94 Two rockets")
    doc = read(raw)
    assert (doc.published, doc.published_source) == (date(2024, 3, 7), "text")


def test_a_date_in_a_reader_comment_is_not_the_published_date() -> None:
    comments = (
        '<section class="comments"><h3>1 comment</h3><div class="comment">'
        "<p>Rowan, 12 March 2024</p><p>The checkpoint should have been moved long ago.</p></div></section>"
    )
    doc = read(page(after=comments))
    assert (doc.published, doc.published_source) == (None, "none")


def test_no_date_anywhere_is_none() -> None:
    doc = read(page())
    assert (doc.published, doc.published_source) == (None, "none")


def test_declared_legacy_charset_is_used_when_not_utf8() -> None:
    raw = page().replace(b'charset="utf-8"', b'charset="windows-1251"')
    raw = raw.replace(b"provincial police", "\u043f\u043e\u043b\u0438\u0446\u0438\u044f police".encode("cp1251"))
    doc = read(raw)
    assert "\u043f\u043e\u043b\u0438\u0446\u0438\u044f police" in doc.text


def test_binary_page_is_e103() -> None:
    with pytest.raises(UnreadableInput) as caught:
        read(b"<html>\x00\x01\x02</html>")
    assert caught.value.code == "E103"


def test_empty_page_is_e108() -> None:
    with pytest.raises(UnreadableInput) as caught:
        read(b"  \n ")
    assert caught.value.code == "E108"


def test_page_without_main_text_is_e104() -> None:
    with pytest.raises(UnreadableInput) as caught:
        read(b"<html><body><nav>Home</nav></body></html>")
    assert caught.value.code == "E104"
    assert "page.html" in str(caught.value)


def test_same_page_gives_the_same_document() -> None:
    assert read(page()) == read(page())


@pytest.mark.skipif(not EVAL_HTML.is_dir(), reason="trafilatura evaluation pages not present")
def test_a_real_page_from_the_evaluation_set_reads_without_error() -> None:
    path = min(EVAL_HTML.glob("*.html"))
    doc = read(path.read_bytes(), name=str(path))
    assert doc.text
    assert doc.id and doc.path == str(path)
    assert all(d.chars > 0 and len(d.preview) <= 80 for d in doc.dropped)
