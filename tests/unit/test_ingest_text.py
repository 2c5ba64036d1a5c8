"""The plain-text reader: normalisation, furniture dropping, titles and datelines."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.errors import UnreadableInput
from warlog.ingest import Origin
from warlog.ingest import read_text as read_text_report
from warlog.ingest.furniture import drop_furniture
from warlog.ingest.normalise import normalise
from warlog.model import Document

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "al-asad-report.txt"

HEADLINE = "Drone Attack Hits Fuel Depot Near Border Town"
STORY = (
    "A drone struck a fuel depot outside the border town late on Saturday, local officials said, "
    "setting two storage tanks on fire.\n\n"
    "Firefighters worked through the night to contain the blaze, and a provincial spokesman said "
    "three workers were taken to hospital with burns.\n\n"
    "No group has said it carried out the attack, which came a week after a similar strike on a "
    "power station in the same province."
)


def read(text: str, **origin: object) -> Document:
    """Read a report given as text, named report.txt unless told otherwise."""
    fields: dict[str, object] = {"name": "report.txt", **origin}
    return read_text_report(text.encode("utf-8"), origin=Origin(**fields))  # type: ignore[arg-type]


def kinds(doc: Document) -> list[str]:
    return [d.kind for d in doc.dropped]


def assert_dropped_text_absent(doc: Document) -> None:
    for dropped in doc.dropped:
        assert dropped.preview not in doc.text


# --- normalisation -------------------------------------------------------------------


def test_normalises_newlines_bom_trailing_spaces_and_blank_runs() -> None:
    raw = "\ufeffFirst  line with  two spaces   \r\n\r\n\r\n\r\nSecond paragraph here.  \r\n"
    doc = read(raw)
    assert doc.text == "First  line with  two spaces\n\nSecond paragraph here."


def test_normalises_to_nfc() -> None:
    doc = read("Cafe\u0301 owners in the old town said the blast shook their windows.")
    assert "Caf\u00e9" in doc.text


def test_keeps_paragraphs_with_blank_lines_between() -> None:
    doc = read(f"{HEADLINE}\n\n{STORY}")
    assert doc.text == f"{HEADLINE}\n\n{STORY}"
    assert doc.dropped == ()


def test_id_is_sha256_of_the_normalised_text_and_stable() -> None:
    doc = read(f"{HEADLINE}\n\n{STORY}")
    assert doc.id == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    assert read(f"{HEADLINE}\n\n{STORY}").id == doc.id


def test_same_report_with_and_without_furniture_has_the_same_id() -> None:
    plain = read(f"{HEADLINE}\n\n{STORY}")
    scraped = read(f"Home | World | Politics | Sport\n\n{HEADLINE}\n\n{STORY}\n\nShare this:\n\nTweet")
    assert scraped.text == plain.text
    assert scraped.id == plain.id


def test_path_is_the_origin_name() -> None:
    assert read(STORY, name="reports/a.txt").path == "reports/a.txt"


# --- comments --------------------------------------------------------------------------


def test_drops_a_comment_section_with_name_and_date_items() -> None:
    page = (
        f"{HEADLINE}\n\n{STORY}\n\n3 Comments\n\n"
        "Alex P. March 3, 2024 at 9:15 am\n\nThis is exactly what people here feared would happen.\n\nReply\n\n"
        "  • Sam 2 hours ago   Reply →\n\n    Hope the workers recover soon.\n\n"
        "Leave a Reply\n\nYour email address will not be published. Required fields are marked *"
    )
    doc = read(page)
    assert kinds(doc) == ["comment"]
    assert doc.text == f"{HEADLINE}\n\n{STORY}"
    assert "feared" not in doc.text and "recover" not in doc.text
    assert doc.dropped[0].preview.startswith("3 Comments Alex P.")


def test_a_bare_comments_line_followed_by_prose_drops_only_that_line() -> None:
    doc = read(f"{HEADLINE}\n\nComments\n\n{STORY}")
    assert kinds(doc) == ["comment"]
    assert doc.text == f"{HEADLINE}\n\n{STORY}"


def test_counted_comment_header_at_the_end_opens_the_comments_without_markers() -> None:
    doc = read(f"{STORY}\n\n2 comments\n\nThis is the second attack this month on that road.")
    assert kinds(doc) == ["comment"]
    assert "second attack this month" not in doc.text


def test_leave_a_comment_alone_is_dropped() -> None:
    doc = read(f"{STORY}\n\nLeave a comment")
    assert kinds(doc) == ["comment"]
    assert doc.text == STORY


def test_bullet_comment_items_after_a_header_are_the_comment() -> None:
    doc = read(f"{STORY}\n\nComments\n\n• Kim: the depot had been hit before.\n\n• Lee: terrible news for the town.")
    assert kinds(doc) == ["comment"]
    assert "depot had been hit before" not in doc.text


def test_name_line_over_date_line_comments_after_a_responses_header() -> None:
    page = (
        f"{STORY}\n\n4 responses to \u201cDrone Attack Hits Fuel Depot\u201d\n\n"
        "Harper Lane\nMay 2, 2024 at 6:10 pm\n\nThey always hit the depots first.\n\n"
        "Ezra\nMay 3, 2024 at 8:02 am\n\nAny word on the workers?"
    )
    doc = read(page)
    assert kinds(doc) == ["comment"]
    assert doc.text == STORY


def test_comment_items_with_reply_links_open_the_comments_without_a_header() -> None:
    page = f"{STORY}\n\nTaylor says:\nMay 2, 2024 at 6:10 pm\n\nA sad day for the town.\n\nReply"
    doc = read(page)
    assert kinds(doc) == ["comment"]
    assert doc.text == STORY


def test_byline_name_over_date_is_kept_at_the_top() -> None:
    doc = read(f"{HEADLINE}\n\nDana Reyes\nMarch 4, 2024\n\n{STORY}")
    assert doc.dropped == ()
    assert doc.published == date(2024, 3, 4)


def test_a_menu_entry_called_comment_does_not_open_comments() -> None:
    doc = read(f"News\nComment\nComment\nSport\n\n{HEADLINE}\n\n{STORY}")
    assert "comment" not in kinds(doc)
    assert doc.text.endswith(STORY)


def test_a_comments_link_in_the_top_menu_does_not_swallow_the_story() -> None:
    doc = read(f"Comments\n\n{HEADLINE}\n\nDana Reyes\nMarch 4, 2024\n\n{STORY}")
    assert doc.text == f"{HEADLINE}\n\nDana Reyes\nMarch 4, 2024\n\n{STORY}"
    assert kinds(doc) == ["comment"]


# --- related, share, cookie, form, navigation, other ----------------------------------


def test_drops_a_related_section_and_keeps_the_prose_after_it() -> None:
    first, second, third = STORY.split("\n\n")
    page = (
        f"{first}\n\nRelated stories:\n\nRocket fire reported near the airport\n\n"
        f"Militia convoy stopped at checkpoint\n\n{second}\n\n{third}"
    )
    doc = read(page)
    assert kinds(doc) == ["related"]
    assert doc.text == STORY
    assert doc.dropped[0].preview == "Related stories: Rocket fire reported near the airport Militia convoy stopped at"


def test_a_lone_related_header_is_dropped_as_related() -> None:
    doc = read(f"{STORY}\n\nYou might also like")
    assert kinds(doc) == ["related"]
    assert doc.text == STORY


def test_read_more_line_inside_the_article_is_related() -> None:
    first, rest = STORY.split("\n\n", 1)
    doc = read(f"{first}\n\nREAD MORE: Officials count the cost of last week's strike\n\n{rest}")
    assert kinds(doc) == ["related"]
    assert doc.text == STORY


def test_share_lines_merge_into_one_block() -> None:
    doc = read(f"{STORY}\n\nShare this:\n\nFacebook | Twitter | WhatsApp\n\nEmail")
    assert kinds(doc) == ["share"]
    block = "Share this:\n\nFacebook | Twitter | WhatsApp\n\nEmail"
    assert doc.dropped[0].chars == len(block)
    assert doc.dropped[0].preview == "Share this: Facebook | Twitter | WhatsApp Email"


def test_cookie_notice_and_its_buttons() -> None:
    notice = "We use cookies to give you the best experience on our site and to measure traffic."
    doc = read(f"{notice}\nAccept all\nManage preferences\n\n{STORY}")
    assert kinds(doc) == ["cookie"]
    assert doc.text == STORY


def test_newsletter_form() -> None:
    doc = read(f"{STORY}\n\nSign up for our morning briefing newsletter\n\nEnter your email address\n\nSubscribe")
    assert kinds(doc) == ["form"]
    assert doc.text == STORY


def test_navigation_menu_line_and_menu_written_one_entry_per_line() -> None:
    doc = read(f"Skip to content\nNews\nWorld\nBusiness\nOpinion\nSport\n\n{HEADLINE}\n\n{STORY}\n\nHome > World > Middle East")
    assert kinds(doc) == ["navigation", "navigation"]
    assert doc.text == f"{HEADLINE}\n\n{STORY}"


def test_copyright_footer_is_other() -> None:
    doc = read(f"{STORY}\n\n© 2024 Example Media Group. All rights reserved.")
    assert kinds(doc) == ["other"]
    assert doc.text == STORY


def test_blocks_of_different_kinds_at_the_end_stay_separate_in_page_order() -> None:
    doc = read(f"{STORY}\n\nShare on Facebook\n\nMore from Middle East\n\nOne comment\n\nJo January 5, 2024\n\nSad.")
    assert kinds(doc) == ["share", "related", "comment"]
    assert_dropped_text_absent(doc)


def test_previews_are_collapsed_and_at_most_80_characters() -> None:
    comment = "word " * 40
    doc = read(f"{STORY}\n\n5 comments\n\nRiley   February 2, 2024\n\n{comment}")
    (dropped,) = doc.dropped
    assert len(dropped.preview) == 80
    assert "  " not in dropped.preview


def test_report_that_is_only_furniture_is_e104() -> None:
    with pytest.raises(UnreadableInput) as caught:
        read("Share this:\n\nTweet\n\nYou may also like")
    assert caught.value.code == "E104"
    assert "report.txt" in str(caught.value)


# --- title and dateline ----------------------------------------------------------------


def test_title_is_a_headline_shaped_first_line_and_stays_in_the_text() -> None:
    doc = read(f"{HEADLINE}\n\n{STORY}")
    assert doc.title == HEADLINE
    assert doc.text.startswith(HEADLINE)


def test_no_title_when_the_first_line_is_a_sentence() -> None:
    assert read(STORY).title is None


def test_origin_title_wins() -> None:
    assert read(f"{HEADLINE}\n\n{STORY}", title="Given title").title == "Given title"


@pytest.mark.parametrize(
    "top",
    [
        "KIRKUK, Mar. 4, 2024 — ",
        "KIRKUK, Iraq, 4 March 2024 (Reuters) - ",
        "Published: 4 March 2024\n\n",
        "March 4, 2024\n\n",
        "By Dana Reyes | 2024-03-04\n\n",
    ],
)
def test_dateline_near_the_top_gives_the_published_date(top: str) -> None:
    doc = read(f"{HEADLINE}\n\n{top}{STORY}")
    assert (doc.published, doc.published_source) == (date(2024, 3, 4), "text")


@pytest.mark.parametrize(
    "top",
    [
        "The group has attacked the base repeatedly since October 17, 2023, officials said on Monday.",
        "The base has been attacked 66 times since October 17, 2023.",
        "Attacks Since October 17, 2023 Top Sixty",
    ],
)
def test_a_date_inside_a_sentence_or_headline_is_not_a_dateline(top: str) -> None:
    doc = read(f"{top}\n\n{STORY}")
    assert (doc.published, doc.published_source) == (None, "none")


def test_a_date_in_a_dropped_comment_is_not_the_published_date() -> None:
    doc = read(f"{STORY}\n\n1 comment\n\nMorgan April 9, 2024\n\nWhy is nobody talking about this?")
    assert (doc.published, doc.published_source) == (None, "none")


def test_updated_stamp_is_not_the_published_date() -> None:
    doc = read(f"Updated: March 9, 2024\n\n{STORY}")
    assert doc.published is None


def test_origin_date_outranks_the_dateline() -> None:
    doc = read(f"Published: 4 March 2024\n\n{STORY}", published=date(2024, 3, 6), published_source="cli")
    assert (doc.published, doc.published_source) == (date(2024, 3, 6), "cli")


# --- undecodable and empty inputs ------------------------------------------------------


def read_bytes(raw: bytes) -> Document:
    return read_text_report(raw, origin=Origin(name="odd.txt"))


def test_nul_bytes_are_binary_e103() -> None:
    with pytest.raises(UnreadableInput) as caught:
        read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert caught.value.code == "E103"
    assert "odd.txt" in str(caught.value)


def test_random_high_bytes_are_binary_e103() -> None:
    with pytest.raises(UnreadableInput) as caught:
        read_bytes(bytes(range(0x80, 0x100)) * 8)
    assert caught.value.code == "E103"


def test_cp1252_text_is_read() -> None:
    doc = read_bytes("The mayor\u2019s office said the caf\u00e9 was hit at dawn.".encode("cp1252"))
    assert doc.text == "The mayor\u2019s office said the caf\u00e9 was hit at dawn."


def test_text_undecodable_even_as_cp1252_is_e105() -> None:
    with pytest.raises(UnreadableInput) as caught:
        read_bytes(b"Officials said the road was closed \x81\x8d after the blast.")
    assert caught.value.code == "E105"


@pytest.mark.parametrize("raw", [b"", b"   \n\n\t  \r\n", "\ufeff\u00a0\n".encode()])
def test_empty_or_whitespace_only_is_e108(raw: bytes) -> None:
    with pytest.raises(UnreadableInput) as caught:
        read_bytes(raw)
    assert caught.value.code == "E108"


# --- the seed report -------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="shared seed report not present")
def test_seed_report_drops_its_related_header_and_reader_comment() -> None:
    doc = read_text_report(SEED.read_bytes(), origin=Origin(name=str(SEED)))
    assert kinds(doc) == ["related", "comment"]
    assert "You may also like" not in doc.text
    assert "Leave a comment" not in doc.text
    assert "Reply" not in doc.text
    comment = doc.dropped[1]
    assert comment.preview.startswith("One comment")
    assert doc.published_source == "none"
    assert doc.title is not None and doc.text.startswith(doc.title)


def test_headline_and_byline_above_the_story_are_not_a_menu() -> None:
    doc = read(f"Border Post Shelled\nBy Noor Haddad\nWire Desk\nErbil\n\n{STORY}")
    assert doc.dropped == ()
    assert doc.text.startswith("Border Post Shelled\nBy Noor Haddad")


def test_bullet_list_in_the_article_is_kept() -> None:
    first, rest = STORY.split("\n\n", 1)
    bullets = "• two storage tanks burned\n• three workers hurt\n• the road was closed"
    doc = read(f"{first}\n\n{bullets}\n\n{rest}")
    assert doc.dropped == ()
    assert bullets in doc.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \t\n\r\u00a0\u0301é•|:.")))
def test_normalise_is_idempotent_and_leaves_no_blank_runs(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert "\n\n\n" not in once and "\r" not in once
    assert all(line == line.rstrip() for line in once.split("\n"))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([STORY, "Share this:", "Tweet", "3 comments", "Jo May 1, 2024", "Reply", ""]), max_size=8))
def test_dropped_blocks_and_kept_text_never_exceed_the_input(parts: list[str]) -> None:
    text = normalise("\n\n".join(parts))
    stripped = drop_furniture(text)
    assert len(stripped.text) + sum(d.chars for d in stripped.dropped) <= len(text)
    assert all(d.chars > 0 and len(d.preview) <= 80 for d in stripped.dropped)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("For the latest stories and breaking news download the Daily Ledger app for iOS and Android.", "other"),
        ("If you are already a subscriber, log in for immediate access to this story.", "other"),
        ("This article is the copyrighted property of the Ledger. Written permission is needed to reprint it.",
         "other"),
        ("We want to hear what you think about this article.", "other"),
        ("Comments are moderated, and we ask that they are civil and free of libellous material.", "comment"),
    ],
)
def test_boilerplate_sentences_are_dropped_whole(line: str, kind: str) -> None:
    stripped = drop_furniture(normalise(f"{STORY}\n\n{line}"))
    assert stripped.text == normalise(STORY)
    assert [d.kind for d in stripped.dropped] == [kind]


def test_a_story_sentence_about_subscribers_or_comments_stays() -> None:
    story = ("The minister's comments on the strike were criticised by opposition lawmakers, who said "
             "the government had failed to protect the border town for the second time this year.")
    assert drop_furniture(normalise(f"{STORY}\n\n{story}")).text.endswith(story)
