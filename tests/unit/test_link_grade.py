"""Grades by rule (CONTRACT.md), with the independence of sources."""

from __future__ import annotations

from linkkit import cand, event
from warlog.link.candidate import SourceDoc
from warlog.link.grade import fingerprint, grade, independent, outlet_key, similarity

STORY = ("A one-way attack drone struck a logistics support base in north-east Jordan early "
         "on Sunday, killing three American service members and wounding dozens more, the "
         "U.S. military said, the first deaths of U.S. troops under fire since the war began.")


def test_a_denial_makes_it_contested() -> None:
    members = [cand("a", event(claimed_by=("Islamic Resistance in Iraq",))),
               cand("b", event(denied_by=("Iran's foreign ministry",)))]
    assert grade(members) == "contested"


def test_rival_claimants_make_it_contested_one_claimant_confirms() -> None:
    rivals = [cand("a", event(claimed_by=("JNIM",))), cand("b", event(claimed_by=("CSP-DPA rebels",)))]
    assert grade(rivals) == "contested"
    same = [cand("a", event(claimed_by=("The Islamic Resistance in Iraq, an umbrella group",))),
            cand("b", event(claimed_by=("The Islamic Resistance in Iraq",)))]
    assert grade(same) == "confirmed"


def test_two_outlets_corroborate_one_outlet_does_not() -> None:
    assert grade([cand("a", event(), outlet="Gulf Desk"),
                  cand("b", event(), outlet="Maritime Ledger")]) == "corroborated"
    assert grade([cand("a", event(), outlet="Levant Wire"),
                  cand("b", event(), outlet="Levant Wire")]) == "single_source"
    assert grade([cand("a", event())]) == "single_source"


def test_near_copies_from_two_outlets_are_one_source() -> None:
    copy = STORY.replace("early on Sunday", "early Sunday")
    members = [cand("a", event(), outlet="Wire One", text=STORY),
               cand("b", event(), outlet="Reprint Daily", text=copy)]
    assert grade(members) == "single_source"


def test_fingerprints_estimate_overlap() -> None:
    assert similarity(fingerprint(STORY), fingerprint(STORY)) == 1.0
    other = "Militants fired four rockets at a military base near Kirkuk on Monday, police said."
    assert similarity(fingerprint(STORY), fingerprint(other)) < 0.1
    assert fingerprint("too short") == ()


def test_outlet_from_name_else_url_host() -> None:
    assert outlet_key(SourceDoc(id="a", outlet="The Levant Wire")) == "the levant wire"
    assert outlet_key(SourceDoc(id="a", url="https://www.levantwire.example.org/x")) == "levantwire.example.org"
    unknown = SourceDoc(id="a")
    assert outlet_key(unknown) is None
    assert not independent(unknown, SourceDoc(id="b")), "two unknown outlets may be one"
