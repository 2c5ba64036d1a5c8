"""Properties of parse_quantity and parse_number over all figures and phrase shapes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from warlog.extract.vague import VAGUE_BOUNDS, Quantity, parse_number, parse_quantity

_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def spell(n: int) -> str:
    """n in English words, as a reporter writes it: "one thousand two hundred and five"."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + (f"-{_UNITS[n % 10]}" if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return f"{_UNITS[n // 100]} hundred" + (f" and {spell(rest)}" if rest else "")
    if n < 1_000_000:
        rest = n % 1000
        tail = "" if not rest else (f" and {spell(rest)}" if rest < 100 else f" {spell(rest)}")
        return f"{spell(n // 1000)} thousand{tail}"
    return "one million" if n == 1_000_000 else str(n)


figures = st.integers(min_value=0, max_value=10**6)
_QUALIFIERS = ("", "at least ", "more than ", "over ", "up to ", "as many as ", "nearly ",
               "almost ", "about ", "around ", "some ", "fewer than ", "roughly ")
_SUFFIXES = ("", " or more", " or so", "+", " people", " soldiers were killed")


@st.composite
def count_phrases(draw: st.DrawFn) -> str:
    """Phrases of the shapes reports use: a hedge, a figure or vague word, a tail."""
    n = draw(figures)
    core = draw(st.sampled_from((
        str(n), f"{n:,}", spell(n), *sorted(VAGUE_BOUNDS),
        f"{n} to {draw(figures)}", f"between {n} and {draw(figures)}", "a dozen", "a soldier",
    )))
    return draw(st.sampled_from(_QUALIFIERS)) + core + draw(st.sampled_from(_SUFFIXES))


def _ordered(q: Quantity) -> bool:
    bounds = [v for v in (q.low, q.best, q.high) if v is not None]
    return bounds == sorted(bounds) and all(v >= 0 for v in bounds)


@given(figures)
def test_a_figure_in_digits_is_exact(n: int) -> None:
    assert parse_quantity(str(n)) == Quantity(n, n, n)
    assert parse_quantity(f"{n:,}") == Quantity(n, n, n)


@given(figures)
def test_a_figure_in_words_reads_back(n: int) -> None:
    assert parse_number(spell(n)) == n
    assert parse_number(str(n)) == n
    assert parse_quantity(spell(n)) == Quantity(n, n, n)


@given(count_phrases())
def test_bounds_are_ordered(text: str) -> None:
    q = parse_quantity(text)
    assert q is not None, text
    assert _ordered(q), (text, q)


@given(st.text(max_size=40))
def test_any_text_parses_or_is_none_never_crashes(text: str) -> None:
    q = parse_quantity(text)
    assert q is None or _ordered(q)
    n = parse_number(text)
    assert n is None or n >= 0


@given(figures, st.sampled_from(("about ", "around ", "approximately ", "roughly ")))
def test_a_hedged_figure_keeps_it_as_best_within_its_bounds(n: int, hedge: str) -> None:
    q = parse_quantity(f"{hedge}{n}")
    assert q is not None and q.best == n
    assert q.low is not None and q.high is not None
    assert q.low <= n <= q.high


COUNT_WORDS = (
    "a", "an", "the", "at", "least", "more", "than", "up", "to", "about", "some", "nearly",
    "between", "and", "or", "so", "-", "+", "plus", "of", "no", "one", "two", "twenty",
    "hundred", "thousand", "dozen", "dozens", "several", "few", "couple", "handful", "many",
    "hundreds", "tens", "thousands", "12", "1,200", "1.5", "66th", "first", "half", "total",
    "further", "soldiers", "million", "zero", "fewer", "under",
)


@given(st.lists(st.sampled_from(COUNT_WORDS), min_size=1, max_size=6))
def test_count_like_word_salad_is_ordered_or_none(words: list[str]) -> None:
    q = parse_quantity(" ".join(words))
    assert q is None or _ordered(q), (words, q)
