"""The prefilter's rules on texts written here: what makes a report kept, skipped, blanked."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from warlog.batch.prefilter import ACTS, CONTEXT_WORDS, STRONG, forms, paragraphs, screen

NEWS = ("The central bank left interest rates unchanged on Thursday.\n\n"
        "Analysts had expected the decision after inflation eased in the spring.\n\n"
        "The governor will speak to reporters next week.")


def test_inflections_reach_irregular_and_regular_forms() -> None:
    assert {"struck", "strikes", "striking"} <= forms("strike")
    assert {"shelled", "shelling", "shells"} <= forms("shell")
    assert {"casualties"} <= forms("casualty")
    assert {"exploded", "exploding"} <= forms("explode")
    assert "struck" in ACTS and "casualties" in STRONG and "troops" in CONTEXT_WORDS


def test_a_report_without_any_cue_is_skipped() -> None:
    verdict = screen(NEWS)
    assert verdict.skipped and verdict.parsed == 0


def test_an_act_alone_is_not_enough_but_an_act_with_company_is() -> None:
    assert screen("She suffered a heart attack at home.").skipped
    assert screen("Gunmen opened fire on a bus.").keep                 # strong cue
    assert screen("Two people died when the market was attacked.").keep  # act + figure
    assert screen("Troops attacked the village.").keep                 # act + context
    assert screen("Militants said the 66 attacks since October were theirs.").keep


def test_a_tally_is_kept_by_its_figure_beside_an_attack_word() -> None:
    assert screen("There have been 66 attacks on the forces since 17 October.").keep


def test_far_paragraphs_are_blanked_and_offsets_stay() -> None:
    text = ("KYIV, March 3 — A drone struck a block of flats, killing 12 people.\n\n"
            + NEWS + "\n\nOfficials feared more deaths.")
    verdict = screen(text)
    assert verdict.keep and verdict.paragraphs == 5
    assert len(verdict.text) == len(text)
    assert "drone struck" in verdict.text
    assert "governor" not in verdict.text and "interest rates" in verdict.text  # neighbour kept
    assert "more deaths" in verdict.text                                 # an act cue: kept
    assert [i for i, ch in enumerate(verdict.text) if ch == "\n"] == \
        [i for i, ch in enumerate(text) if ch == "\n"]


def test_the_first_paragraph_is_always_parsed_in_a_kept_report() -> None:
    text = "BAGHDAD\n\n" + NEWS + "\n\n" + NEWS + "\n\nA rocket hit the base, wounding two soldiers."
    verdict = screen(text)
    assert verdict.text.startswith("BAGHDAD")


@given(st.lists(st.text(alphabet="abc xyz.\n", max_size=40), max_size=6))
def test_paragraphs_cover_the_text_in_order(parts: list[str]) -> None:
    text = "\n\n".join(parts)
    spans = paragraphs(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert len(screen(text).text) == len(text)


def test_a_read_report_carries_the_fingerprint_of_its_whole_text(resources) -> None:  # type: ignore[no-untyped-def]
    """The signature is computed where the report is read, over the text as stored, not
    over the paragraphs the prefilter kept for the parse (linking compares whole texts)."""
    import hashlib

    from warlog.batch.reading import Extracted, read_batch
    from warlog.link.grade import fingerprint
    from warlog.model import Document

    text = ("KYIV, March 3 — A drone struck a block of flats, killing 12 people.\n\n"
            + NEWS + "\n\n" + NEWS + "\n\nOfficials feared more deaths.")
    doc = Document(id=hashlib.sha256(text.encode()).hexdigest(), path="flats.txt", text=text)
    [read] = read_batch([doc], resources=resources, prefilter=True)
    assert isinstance(read, Extracted)
    assert screen(text).text != text                    # the parse saw less than the whole
    assert read.fingerprint == fingerprint(text) != fingerprint(screen(text).text)
