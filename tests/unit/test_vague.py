"""parse_quantity and parse_number: counts of people as low/best/high bounds."""

from __future__ import annotations

import pytest

from warlog.extract.vague import VAGUE_BOUNDS, Quantity, parse_number, parse_quantity


def exact(n: int) -> Quantity:
    return Quantity(n, n, n)


def vague(low: int | None, high: int | None) -> Quantity:
    return Quantity(low, None, high)


@pytest.mark.parametrize(("text", "expected"), [
    ("12", exact(12)),
    ("0", exact(0)),
    ("1,200", exact(1200)),
    ("12,000", exact(12000)),
    ("1.5 million", exact(1_500_000)),
    ("three", exact(3)),
    ("Three", exact(3)),
    ("twenty-one", exact(21)),
    ("twenty one", exact(21)),
    ("twenty\u2011one", exact(21)),
    ("one hundred and five", exact(105)),
    ("a hundred", exact(100)),
    ("a thousand", exact(1000)),
    ("a dozen", exact(12)),
    ("two dozen", exact(24)),
    ("half a dozen", exact(6)),
    ("one", exact(1)),
    ("a soldier", exact(1)),
    ("an officer", exact(1)),
    ("a single civilian", exact(1)),
    ("both guards", exact(2)),
    ("a pair of", exact(2)),
    ("the three soldiers", exact(3)),
    ("three soldiers were killed", exact(3)),
    ("a total of 12", exact(12)),
    ("a further 3 soldiers", exact(3)),
    ("an additional two", exact(2)),
])
def test_exact_figures(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("no one", exact(0)),
    ("No one", exact(0)),
    ("nobody", exact(0)),
    ("none", exact(0)),
    ("no casualties", exact(0)),
    ("zero", exact(0)),
])
def test_nobody_is_zero(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("several", vague(3, 9)),
    ("Several U.S. service members", vague(3, 9)),
    ("a few", vague(2, 5)),
    ("a couple of", vague(2, 3)),
    ("a couple", vague(2, 3)),
    ("a handful", vague(2, 5)),
    ("a handful of", vague(2, 5)),
    ("some soldiers", vague(2, None)),
    ("a number of", vague(2, None)),
    ("a small number of", vague(2, 9)),
    ("multiple", vague(2, None)),
    ("many", vague(3, None)),
    ("numerous", vague(3, None)),
    ("a lot of people", vague(3, None)),
    ("a large number of", vague(3, None)),
    ("dozens", vague(24, 99)),
    ("dozens of people", vague(24, 99)),
    ("scores of", vague(40, 99)),
    ("hundreds", vague(200, 999)),
    ("hundreds of", vague(200, 999)),
    ("thousands", vague(2000, 9999)),
    ("tens of thousands of", vague(20_000, 99_999)),
    ("hundreds of thousands", vague(200_000, 999_999)),
    # A vague word times a unit.
    ("several hundred", vague(300, 900)),
    ("a few dozen", vague(24, 60)),
    ("a couple hundred", vague(200, 300)),
    ("a couple of hundred", vague(200, 300)),
    ("several thousand", vague(3000, 9000)),
    ("many thousands", vague(2000, None)),
    ("many hundreds of", vague(200, None)),
    ("several hundreds", vague(200, 999)),
    ("many dozens", vague(24, None)),
])
def test_vague_words(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("at least 5", vague(5, None)),
    ("At least five", vague(5, None)),
    ("no fewer than 5", vague(5, None)),
    ("at least two dozen", vague(24, None)),
    ("at least several", vague(3, None)),
    ("12 or more", vague(12, None)),
    ("12+", vague(12, None)),
    ("12-plus", vague(12, None)),
    ("more than 10", vague(11, None)),
    ("over 100", vague(101, None)),
    ("more than a dozen", vague(13, None)),
    ("more than dozens", vague(24, None)),
    ("upwards of 50", vague(51, None)),
    # "Up to N": N is a ceiling; low 1 as the report says people were hit.
    ("up to 20", vague(1, 20)),
    ("as many as 30", vague(1, 30)),
    ("no more than 4", vague(1, 4)),
    ("fewer than 10", vague(1, 9)),
    ("up to dozens", vague(1, 99)),
    # "Nearly N": below N, by no more than 20%.
    ("nearly 100", vague(80, 99)),
    ("almost 50", vague(40, 49)),
    ("just under 10", vague(8, 9)),
    ("nearly two", vague(1, 1)),
])
def test_bounding_qualifiers(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A hedged figure keeps its figure as best, with 20% either side rounded outwards.
    ("about 62", Quantity(49, 62, 75)),
    ("approximately 62", Quantity(49, 62, 75)),
    ("around 1,000", Quantity(800, 1000, 1200)),
    ("roughly 5", Quantity(4, 5, 6)),
    ("some 60", Quantity(48, 60, 72)),
    ("an estimated 200", Quantity(160, 200, 240)),
    ("about a dozen", Quantity(9, 12, 15)),
    ("a dozen or so", Quantity(9, 12, 15)),
    ("about one", Quantity(1, 1, 2)),
    ("about 0", Quantity(0, 0, 0)),
    # A hedge on a vague word adds nothing to it.
    ("about a few", vague(2, 5)),
])
def test_approximate_figures(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("10 to 15", vague(10, 15)),
    ("10-15", vague(10, 15)),
    ("10\u201315", vague(10, 15)),
    ("10 - 15", vague(10, 15)),
    ("between 10 and 15", vague(10, 15)),
    ("from 5 to 7", vague(5, 7)),
    ("two or three", vague(2, 3)),
    ("one or two", vague(1, 2)),
    ("15 to 10", vague(10, 15)),
    ("a dozen to two dozen", vague(12, 24)),
    ("twenty-one to thirty", vague(21, 30)),
    ("one or more", vague(1, None)),
])
def test_ranges(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", [
    "", "soldiers", "the", "the 66th", "third", "first responders", "at least", "about",
    "between 10", "2.5", "at least 2.5", "more", "killed",
])
def test_unknown_text_is_none(text: str) -> None:
    assert parse_quantity(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("some", vague(2, None)),               # "some were wounded"
    ("some people", vague(2, None)),
    ("some 60 people", Quantity(48, 60, 72)),
    ("some sixty", Quantity(48, 60, 72)),
])
def test_some_is_a_hedge_before_a_figure_and_vague_otherwise(
    text: str, expected: Quantity
) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(("phrase", "bounds"), sorted(VAGUE_BOUNDS.items()))
def test_every_vague_bound_is_ordered_and_honest(
    phrase: str, bounds: tuple[int, int | None]
) -> None:
    low, high = bounds
    assert low >= 2, "a plural vague word counts at least two"
    assert high is None or low < high
    assert parse_quantity(f"{phrase} soldiers") == vague(low, high)


@pytest.mark.parametrize(("text", "expected"), [
    ("66", 66),
    ("66th", 66),
    ("1st", 1),
    ("sixty-six", 66),
    ("sixty six", 66),
    ("Sixty-Sixth", 66),
    ("1,200", 1200),
    ("zero", 0),
    ("seventeen", 17),
    ("twelve", 12),
    ("a hundred", 100),
    ("one hundred and five", 105),
    ("eleven hundred", 1100),
    ("two hundred thousand", 200_000),
    ("one thousand two hundred and five", 1205),
    ("two million three hundred thousand and one", 2_300_001),
    ("a dozen", 12),
    ("two dozen", 24),
    ("half a dozen", 6),
    ("3 dozen", 36),
    ("1.5 million", 1_500_000),
    ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5),
    ("sixth", 6), ("seventh", 7), ("eighth", 8), ("ninth", 9), ("tenth", 10),
    ("twelfth", 12), ("twentieth", 20), ("twenty-first", 21), ("ninety-ninth", 99),
    ("hundredth", 100),
])
def test_parse_number(text: str, expected: int) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", [
    "", "a", "several", "dozens", "one two", "twenty-twenty", "one hundred and",
    "fifty-", "2.5", "1,20", "one thousand two thousand", "one hundred two hundred",
    "three soldiers", "nineteen eighty-four", "a few",
])
def test_parse_number_rejects_what_is_not_one_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("all five", exact(5)),
    ("all the 12", exact(12)),
    ("all three", exact(3)),
    ("both", exact(2)),
])
def test_all_of_a_number_is_that_number(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["all", "all of them", "all but"])
def test_all_without_a_number_counts_nothing(text: str) -> None:
    assert parse_quantity(text) is None
