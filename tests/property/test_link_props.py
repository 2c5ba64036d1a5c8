"""Linking properties over random sets of reported events: the grouping is a function of
the set (any order gives the same merged events), a partition, and never joins two
events of one report or two incompatible events."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linkkit import AL_ASAD, TOWER_22, actor, cand, event
from warlog.link.compat import compatible
from warlog.link.dedup import link
from warlog.link.records import merged_record

PLACES = [TOWER_22, AL_ASAD, ("Iraq", "IQ", 33.0, 44.0, "country"),
          ("Jordan", "JO", 31.0, 36.0, "country"), None]
ACTORS = [None, actor("Islamic Resistance in Iraq", "non_state_armed_group"),
          actor("U.S. forces", "state_forces", "US"), actor("militants", "non_state_armed_group")]

events = st.builds(
    lambda i, day, where, who, weapon, doc, published: cand(
        f"doc{doc}", event(f"e{i}", day=f"2024-01-{day:02d}", where=where, attacker=who,
                           weapon=weapon), published=f"2024-01-{published:02d}"),
    st.integers(0, 9), st.integers(27, 29), st.sampled_from(PLACES), st.sampled_from(ACTORS),
    st.sampled_from(["drone", "aircraft", "rocket", "unknown"]), st.integers(0, 4),
    st.integers(28, 30))


@settings(max_examples=150, deadline=None)
@given(st.lists(events, max_size=9, unique_by=lambda c: c.key), st.randoms(use_true_random=False))
def test_linking_is_order_independent_and_sound(cands, rnd) -> None:  # type: ignore[no-untyped-def]
    merged = link(cands)
    shuffled = list(cands)
    rnd.shuffle(shuffled)
    assert [merged_record(m) for m in link(shuffled)] == [merged_record(m) for m in merged]
    keys = [c.key for m in merged for c in m.members]
    assert sorted(keys) == sorted(c.key for c in cands), "every event in exactly one merged event"
    for m in merged:
        docs = [c.document.id for c in m.members]
        assert len(docs) == len(set(docs))
        assert all(compatible(a, b) for a in m.members for b in m.members if a is not b)
    assert len({m.id for m in merged}) == len(merged)


@settings(max_examples=80, deadline=None)
@given(st.lists(events, min_size=2, max_size=8, unique_by=lambda c: c.key), st.randoms(use_true_random=False),
       st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7), st.sampled_from(["merge", "split"])),
                max_size=4))
def test_analysts_rulings_are_respected_in_every_order(cands, rnd, picks) -> None:  # type: ignore[no-untyped-def]
    from warlog.link.dedup import rulings_of

    keys = [c.key for c in cands]
    decisions = [(n, action, [keys[i % len(keys)]], [keys[j % len(keys)]])
                 for n, (i, j, action) in enumerate(picks, start=1)]
    rulings = rulings_of(decisions)
    merged = link(cands, rulings)
    shuffled = list(cands)
    rnd.shuffle(shuffled)
    assert [merged_record(m) for m in link(shuffled, rulings)] == [merged_record(m) for m in merged]
    home = {c.key: m.id for m in merged for c in m.members}
    for pair, (action, _) in rulings.items():
        a, b = sorted(pair)
        if action == "split":
            assert home[a] != home[b], "a split pair never shares an event"
