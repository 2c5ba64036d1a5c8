"""Reading rules that must hold on phrasings of any conflict: each rule is tried on three
sentences written for this file (published Wed 2024-03-06)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.mark.parametrize("text", [
    "Gunmen stormed a police academy in Kaduna before dawn on Monday, the deadliest assault "
    "on the city in years, witnesses said.",
    "Fighters attacked an army post outside Gao before sunrise on Monday, the first such "
    "attack on the town in months, a local official said.",
    "Militants raided a checkpoint near Peshawar before daybreak on Monday, the boldest "
    "raid in the province in a decade, police said.",
])
def test_an_attack_timed_before_dawn_and_characterised_is_still_told(read_text, text) -> None:
    # "before dawn" times the attack (it is no "before" of habit), and the noun beside the
    # verb that characterises it ("the first such attack in months") leaves the verb told
    report = read_text(text)
    assert len(report.events) == 1
    assert report.events[0].time.start == date(2024, 3, 4)
    assert report.events[0].attacker is not None
