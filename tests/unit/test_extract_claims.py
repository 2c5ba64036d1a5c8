"""Aggregate claims and tallies in their many phrasings, and the figures that stay an event's.

Every phrasing here is written for this test; none is taken from a report or a gold file.
"""

from __future__ import annotations

import pytest


def _claims(report, kind: str) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    return [(c.value, c.qualifier) for c in report.claims if c.kind == kind]


def _killed(report) -> list[list[int | None]]:  # type: ignore[no-untyped-def]
    return [[k.best if k.best is not None else k.low for k in e.killed] for e in report.events]


# -- munitions counted over a salvo ------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("Air defences shot down 31 of the 36 drones launched overnight, the air force said.",
     36, "exact"),
    ("Air defences destroyed 27 drones out of 30, the air force said on Sunday.", 30, "exact"),
    ("Of the 44 rockets fired from the south, 40 were intercepted, the army said.", 44, "exact"),
    ("Militants fired more than 60 rockets at towns across the north on Friday.", 60, "more_than"),
    ("The army said a salvo of some 45 rockets was launched from across the border.",
     45, "approximately"),
    ("Eight drones were destroyed over the capital, the city administration said.", 8, "exact"),
    ("The occupiers struck the port city with two ballistic missiles at dawn.", 2, "exact"),
])
def test_munitions_counted_over_a_salvo_are_an_attack_count(read_text, text: str, value: int,  # type: ignore[no-untyped-def]
                                                            qualifier: str) -> None:
    assert (value, qualifier) in _claims(read_text(text), "attack_count")


@pytest.mark.parametrize("text", [
    "Four missiles struck the power plant on Monday, officials said.",
    "A drone fired three missiles at the building, witnesses said.",
    "The tanker was struck by two missiles off the coast.",
    "The government will deliver 300 drones to the army next year.",
])
def test_munitions_at_one_site_or_not_used_are_no_count(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _claims(read_text(text), "attack_count") == []


# -- attacks counted ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("Jets struck about 90 targets in the north in the previous day, the army said.",
     90, "approximately"),
    ("The military said it had hit 120 militant sites in the valley since Friday.", 120, "exact"),
    ("Israeli jets have carried out more than 1,200 airstrikes in the past month, the army said.",
     1200, "more_than"),
    ("There have been more than 100 attacks on merchant ships since November, the navy said.",
     100, "more_than"),
])
def test_attacks_and_targets_struck_are_counted(read_text, text: str, value: int,  # type: ignore[no-untyped-def]
                                                qualifier: str) -> None:
    assert (value, qualifier) in _claims(read_text(text), "attack_count")


@pytest.mark.parametrize(("text", "value", "breakdown"), [
    ("It was the 87th attack on the coalition since October, 40 in Iraq and 47 in Syria.",
     87, {"IQ": 40, "SY": 47}),
    ("Of the 150 drones launched since Friday, 70 were aimed at Iraq and 80 at Syria.",
     150, {"IQ": 70, "SY": 80}),
    (("Since January, 95 people have been killed in such attacks, 60 in Niger and 35 in Mali, "
     "the monitor said."), 95, {"NE": 60, "ML": 35}),
])
def test_a_breakdown_by_country_is_kept_where_stated(read_text, text: str, value: int,  # type: ignore[no-untyped-def]
                                                     breakdown: dict[str, int]) -> None:
    claim = next(c for c in read_text(text).claims if c.value == value)
    assert dict(claim.breakdown) == breakdown


# -- casualty figures over several attacks ------------------------------------------------

@pytest.mark.parametrize(("text", "killed", "injured"), [
    (("Across the country, 41 people have been killed and 160 injured in the past week, the "
     "ministry said."), 41, 160),
    ("Nationwide the toll now stands at 19 dead and 88 wounded.", 19, 88),
    ("Officials said the death toll for the three days of bombings stood at 58.", 58, None),
    (("So far this year, at least 200 civilians have been killed in such attacks, a monitor "
     "said."), 200, None),
    (("Militant attacks killed 254 people in August, the deadliest month of the year, a think "
     "tank said."), 254, None),
    ("The UN has documented 1,500 civilian deaths in the province since the spring.", 1500, None),
    ("Thus far, 61 people have died in the bombardment of the city.", 61, None),
    ("The war has killed more than 500 civilians, the agency said.", 500, None),
])
def test_figures_with_a_wide_scope_are_claims(read_text, text: str, killed: int,  # type: ignore[no-untyped-def]
                                              injured: int | None) -> None:
    report = read_text(text)
    assert killed in [v for v, _ in _claims(report, "killed_count")]
    if injured is not None:
        assert injured in [v for v, _ in _claims(report, "injured_count")]


@pytest.mark.parametrize(("text", "parts"), [
    (("The army said 21 militants and 14 soldiers were killed in a series of attacks across "
     "the province."), [21, 14]),
    (("Since the start of the year, a monitor has counted 16 soldiers and 11 civilians killed "
     "in the district."), [16, 11]),
])
def test_each_group_of_a_tally_is_its_own_claim(read_text, text: str, parts: list[int]) -> None:  # type: ignore[no-untyped-def]
    values = [v for v, _ in _claims(read_text(text), "killed_count")]
    assert all(p in values for p in parts) and sum(parts) not in values


@pytest.mark.parametrize("tally", [
    ("Across the country, 30 people were killed and 90 injured in the day's strikes, the "
    "ministry said."),
    "Since the war began, more than 9,000 people have been killed, the ministry said.",
    "Four soldiers were killed in two separate attacks in the district on Sunday.",
])
def test_a_tally_is_no_event_s_casualties(read_text, tally: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text("A shell hit a bakery in Avdiivka on Monday, killing four people. " + tally)
    bakery = next(e for e in report.events if e.sub_type == "shelling_artillery_missile_attack")
    assert [k.best for k in bakery.killed] == [4]
    assert report.claims


@pytest.mark.parametrize(("text", "killed", "claim"), [
    (("A strike killed three soldiers on Monday, bringing to 40 the number of troops killed "
     "since January."), 3, 40),
    (("A rocket hit a market in Kano on Monday, killing 12 people, in the deadliest attack "
     "since the summer."), 12, None),
    ("Gunmen killed nine villagers on Sunday, the worst attack in the district this year.", 9, None),
    ("The attack came two weeks after a bomb at a bus station in Kano killed 17 people.", 17, None),
])
def test_a_figure_in_its_own_clause_stays_the_event_s(read_text, text: str, killed: int,  # type: ignore[no-untyped-def]
                                                      claim: int | None) -> None:
    report = read_text(text)
    assert [killed] in _killed(report)
    assert [v for v, _ in _claims(report, "killed_count")] == ([claim] if claim else [])


@pytest.mark.parametrize("text", [
    ("Fourteen soldiers were wounded when rockets were fired at two outposts in Somalia and "
    "Kenya, the mission said."),
    "Nine guards were hurt as drones struck depots in Iraq and Syria last week, officials said.",
    "Eleven sailors were injured after missiles hit ports in Yemen and Eritrea, the navy said.",
])
def test_the_clause_telling_how_a_figure_came_about_scopes_it(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _claims(read_text(text), "injured_count")


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("The night in figures - Drones launched overnight: 29 - Missiles shot down: 11",
     "attack_count", 29),
    ("Targets struck in the past day: about 300 (army)", "attack_count", 300),
    ("Shelling and drone strikes together: 27 dead, the ministry said.", "killed_count", 27),
    ("The week in numbers - Wounded in the border towns: 64 - Rockets fired: 210",
     "injured_count", 64),
])
def test_a_box_of_figures_gives_claims(read_text, text: str, kind: str, value: int) -> None:  # type: ignore[no-untyped-def]
    assert value in [v for v, _ in _claims(read_text(text), kind)]


@pytest.mark.parametrize(("text", "injured"), [
    # what befell the wounded after, told by a verb joined to the figure's, scopes no figure
    (("A car bomb went off at a bus depot in Kirkuk on Sunday, killing four people. Dozens of "
     "people were wounded and were taken to hospitals across the city, witnesses said."), 24),
    (("Gunmen raided a mosque near Quetta on Friday, killing five worshippers. Eleven people "
     "were hurt and rushed to clinics across the province, a doctor said."), 11),
    (("A suicide bomber struck a checkpoint in Mogadishu on Monday, killing six soldiers. "
     "Twenty people were injured and evacuated to hospitals across the region."), 20),
])
def test_a_verb_telling_the_victims_fate_lends_no_scope(read_text, text: str,  # type: ignore[no-untyped-def]
                                                       injured: int) -> None:
    report = read_text(text)
    assert not _claims(report, "injured_count")
    assert [injured] in [[i.best if i.best is not None else i.low for i in e.injured]
                         for e in report.events]


@pytest.mark.parametrize("text", [
    ("United States jets struck more than 60 targets at six sites in Iraq and Syria on "
    "Friday, after the drone attack that killed three soldiers in Jordan."),
    ("Warplanes hit 40 targets in four districts of Yemen, a week after a missile killed "
    "two sailors in Eritrea."),
    ("The navy struck 30 sites in Somalia and Kenya, days after a bombing killed five "
    "guards in Ethiopia."),
])
def test_targets_struck_sum_no_casualty_and_take_no_loose_breakdown(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    assert _claims(report, "killed_count") == []
    assert all(c.breakdown == () for c in report.claims)


@pytest.mark.parametrize(("text", "kind", "value", "qualifier"), [
    # "nearly N": the figure said is N, approximately
    ("Nearly 500 people have died in attacks by armed groups in Ituri since January, the UN says.",
     "killed_count", 500, "approximately"),
    ("Almost 1,000 soldiers have been wounded in the region this year.", "injured_count", 1000,
     "approximately"),
    ("Close to 70 civilians have been killed in drone strikes in the province since March.",
     "killed_count", 70, "approximately"),
])
def test_a_figure_told_as_nearly_n_is_n(read_text, text: str, kind: str, value: int,  # type: ignore[no-untyped-def]
                                        qualifier: str) -> None:
    assert (value, qualifier) in _claims(read_text(text), kind)


@pytest.mark.parametrize(("text", "kind", "value"), [
    # a verb joined after, with no subject of its own, lends its scope to the one before
    ("The attacks have wounded at least 45 sailors and killed three since November.",
     "injured_count", 45),
    ("Militant raids have injured 120 villagers and killed 31 so far this year.", "injured_count",
     120),
    # a part of the year is a span of time
    ("Armed groups killed 4,000 people in the first half of the year, the UN said.",
     "killed_count", 4000),
])
def test_the_scope_of_a_sum_reaches_its_figures(read_text, text: str, kind: str,  # type: ignore[no-untyped-def]
                                                value: int) -> None:
    assert value in [v for v, _ in _claims(read_text(text), kind)]


# -- a count told as "the number of", an elided ordinal, a floor broken down ----------------

@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("Sunday's raid brings to 31 the number of tankers struck in the strait since June.",
     31, "exact"),
    ("The number of attacks on the bases has risen to 58 since October, an official said.",
     58, "exact"),
    ("Attacks on coalition troops now number more than 140, the Pentagon said.",
     140, "more_than"),
    ("The rocket attack was the 77th on allied personnel since October, officials said.",
     77, "ordinal"),
])
def test_a_count_told_as_a_number_of_or_an_ordinal_alone(read_text, text: str, value: int,  # type: ignore[no-untyped-def]
                                                         qualifier: str) -> None:
    assert (value, qualifier) in _claims(read_text(text), "attack_count")


@pytest.mark.parametrize("text", [
    "The number of refugees has risen to 3,000 since the spring.",
    "The number of shops in the old market rose to 45 last year.",
    "It was the 12th time he had visited the city.",
])
def test_a_number_of_something_else_is_no_attack_count(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _claims(read_text(text), "attack_count") == []


@pytest.mark.parametrize(("text", "value", "breakdown"), [
    ("Attacks on the troops now number more than 120: 50 in Iraq, 68 in Syria and 4 in Jordan.",
     120, {"IQ": 50, "SY": 68, "JO": 4}),
    ("There have been at least 90 attacks on the force, 41 in Iraq and 52 in Syria.",
     90, {"IQ": 41, "SY": 52}),
])
def test_the_parts_of_a_floor_may_pass_it(read_text, text: str, value: int,  # type: ignore[no-untyped-def]
                                          breakdown: dict[str, int]) -> None:
    claim = next(c for c in read_text(text).claims if c.kind == "attack_count"
                 and c.value == value)
    assert dict(claim.breakdown) == breakdown


def test_the_parts_of_an_exact_figure_must_add_up(read_text) -> None:  # type: ignore[no-untyped-def]
    text = "It was the 60th attack on the coalition since October, 30 in Iraq and 33 in Syria."
    claim = next(c for c in read_text(text).claims if c.value == 60)
    assert claim.breakdown == ()


def test_a_breakdown_after_a_colon_is_no_fact_box(read_text) -> None:  # type: ignore[no-untyped-def]
    text = "Attacks on the troops now number more than 120: 50 in Iraq, 68 in Syria and 4 in Jordan."
    counts = [c.value for c in read_text(text).claims if c.kind == "attack_count"]
    assert counts == [120]


# -- tallies in phrasings the first readings missed --------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("Banditry has killed at least 90 villagers in the state since March, police said.", 90),
    ("Insurgent violence has killed at least 150 people this year in the province, a monitor said.",
     150),
    ("Gunmen have killed more than 40 farmers this month in the valley, the governor said.", 40),
])
def test_a_killing_verb_over_a_period_is_a_claim_and_no_event(read_text, text: str,  # type: ignore[no-untyped-def]
                                                              value: int) -> None:
    report = read_text(text)
    assert value in [v for v, _ in _claims(report, "killed_count")]
    assert report.events == ()


@pytest.mark.parametrize("text", [
    "Gunmen killed 12 villagers in Zamfara on Tuesday, the police said.",
    "Militants killed five soldiers near Gao on Sunday, the army said.",
    "Gunmen killed nine worshippers at a mosque in Kano on Friday in the deadliest attack this year.",
])
def test_a_killing_on_a_day_stays_an_event(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    assert len(report.events) == 1
    assert _claims(report, "killed_count") == []


@pytest.mark.parametrize("text", [
    "Gunmen killed 12 villagers in Zamfara on Tuesday in the deadliest attack this year.",
    "A suicide bomber killed 30 people at a market in Kabul on Tuesday, the deadliest attack this year.",
    "It was the largest attack on the capital this month. Missiles struck Kyiv on Tuesday.",
])
def test_a_comparison_s_span_dates_no_attack(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text, published="2024-03-15")
    assert [str(e.time.start) for e in report.events] == ["2024-03-12"]


@pytest.mark.parametrize(("text", "value"), [
    ("Some three dozen drones were fired at the region overnight, the governor said.", 36),
    ("Russia fired two hundred drones at the country last week, officials said.", 200),
    ("Two dozen drones were shot down over the region overnight, the governor said.", 24),
])
def test_a_figure_in_number_words_is_read_whole(read_text, text: str, value: int) -> None:  # type: ignore[no-untyped-def]
    values = [v for v, _ in _claims(read_text(text), "attack_count")]
    assert value in values
    assert not {2, 3, 12, 100} & set(values)


@pytest.mark.parametrize(("text", "value"), [
    ("Out of 45 drones, 42 were shot down, the air force said.", 45),
    ("Out of 20 missiles, 18 were intercepted over the capital.", 20),
    ("Out of 60 Shaheds, 51 were destroyed, the air force said on Monday.", 60),
])
def test_out_of_a_whole_counts_the_whole(read_text, text: str, value: int) -> None:  # type: ignore[no-untyped-def]
    assert value in [v for v, _ in _claims(read_text(text), "attack_count")]


@pytest.mark.parametrize(("text", "value", "breakdown"), [
    (("The ministry said there had been 45 attacks since October 17. Of those, 20 were in Iraq "
     "and 25 in Syria."), 45, {"IQ": 20, "SY": 25}),
    (("Militias have carried out 70 attacks on the bases since autumn. Of them, 31 were in Syria "
     "and 39 in Iraq."), 70, {"IQ": 39, "SY": 31}),
    (("Officials counted 12 attacks on the convoys since May. Five were in Mali and seven in "
     "Niger."), 12, {"ML": 5, "NE": 7}),
])
def test_a_breakdown_in_the_next_sentence_joins_its_claim(read_text, text: str, value: int,  # type: ignore[no-untyped-def]
                                                          breakdown: dict[str, int]) -> None:
    claim = next(c for c in read_text(text).claims if c.kind == "attack_count" and c.value == value)
    assert dict(claim.breakdown) == breakdown


def test_a_next_sentence_that_does_not_add_up_breaks_nothing_down(read_text) -> None:  # type: ignore[no-untyped-def]
    text = "Officials counted 30 attacks since May. Five were in Mali and seven in Niger."
    claim = next(c for c in read_text(text).claims if c.value == 30)
    assert claim.breakdown == ()


@pytest.mark.parametrize(("text", "value"), [
    ("Since then, there have been 30 rocket launches from the south, the army said.", 30),
    ("The army recorded 14 drone launches toward the north this week.", 14),
    ("More than 200 missile launches have targeted the country since April.", 200),
])
def test_launches_of_munitions_count_attacks(read_text, text: str, value: int) -> None:  # type: ignore[no-untyped-def]
    assert value in [v for v, _ in _claims(read_text(text), "attack_count")]


@pytest.mark.parametrize("text", [
    "The company conducted 90 launches this year.",
    "The agency plans 12 satellite launches in 2025.",
    "The firm announced 15 product launches since January.",
])
def test_launches_of_anything_else_count_nothing(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _claims(read_text(text), "attack_count") == []
