"""Turn a count of people as written ("several", "dozens", "at least 5", "10 to 15") into bounds.

An exact figure gives low = best = high. A vague word gives bounds and no best. A figure
with a hedge ("about 62") keeps the figure as its best estimate, with bounds around it,
as UCDP's low/best/high do: the reporter gave a number, only its precision is in doubt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from warlog.extract.numbers import parse_number, read_number, tokenize

__all__ = ["VAGUE_BOUNDS", "Quantity", "parse_number", "parse_quantity"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """How many people a phrase counts: bounds, and a best estimate unless vague."""

    low: int | None
    best: int | None   # None when vague
    high: int | None


# (low, high) for each vague word; high None means no honest upper bound. The low bound is
# the least the word can mean and the high bound the point past which a reporter would
# have used a bigger word.
VAGUE_BOUNDS: Final = MappingProxyType({
    # Literally two, but "a couple of" is used loosely for "two or three".
    "a couple of": (2, 3), "a couple": (2, 3), "couple of": (2, 3),
    # "A few" is more than one; past five, reporters say "several".
    "a few": (2, 5),
    "a handful of": (2, 5), "a handful": (2, 5), "handful of": (2, 5),
    # "Several" means more than two; at ten or so, reporters say "a dozen" or give the figure.
    "several": (3, 9),
    # "Some soldiers", "multiple casualties", "a number of": plural, so at least two; no ceiling.
    "some": (2, None), "a number of": (2, None), "multiple": (2, None), "various": (2, None),
    # "A small number" is more than one and would be "a dozen" or "dozens" past nine.
    "a small number of": (2, 9),
    # "Many"/"numerous" promise more than a couple but say nothing about how many more.
    "many": (3, None), "numerous": (3, None), "countless": (3, None),
    "a lot of": (3, None), "lots of": (3, None), "plenty of": (3, None),
    "a large number of": (3, None), "large numbers of": (3, None),
    # A plural of a unit means at least two of it, and fewer than the next unit up:
    # "dozens" is 24 or more, and past 99 a reporter says "hundreds".
    "tens of": (20, 99), "dozens of": (24, 99), "dozens": (24, 99),
    # A score is twenty; "scores" is at least two of them, and under a hundred.
    "scores of": (40, 99), "scores": (40, 99),
    "hundreds of": (200, 999), "hundreds": (200, 999),
    "thousands of": (2_000, 9_999), "thousands": (2_000, 9_999),
    "tens of thousands of": (20_000, 99_999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands of": (200_000, 999_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions of": (2_000_000, 9_999_999), "millions": (2_000_000, 9_999_999),
})
# Words that count nobody: "no one was hurt", "there were no casualties".
_NOBODY: Final[tuple[tuple[str, ...], ...]] = (("no", "one"), ("nobody",), ("none",), ("no",))
# Words that count one or two people without a number: "a soldier", "both guards".
_FEW_WORDS: Final[tuple[tuple[tuple[str, ...], int], ...]] = (
    (("a", "single"), 1), (("a", "pair", "of"), 2), (("pair", "of"), 2),
    (("a",), 1), (("an",), 1), (("single",), 1), (("both",), 2),
)
# Vague words that can multiply a singular unit: "several hundred", "a few dozen".
_MULTIPLIABLE: Final = frozenset({"a couple", "a couple of", "couple of", "a few", "a handful",
                                  "several", "many"})
_UNITS: Final = MappingProxyType({"dozen": 12, "hundred": 100, "thousand": 1_000,
                                  "million": 1_000_000})
# Longest first, so that "a couple of" is read before "a couple", and "a" last of all.
_VAGUE_PHRASES: Final = tuple(sorted(
    ((tuple(phrase.split()), phrase) for phrase in VAGUE_BOUNDS), key=lambda p: -len(p[0])
))

# Words between an article and the figure it introduces: "a total of 12", "a further 3".
_ARTICLE_FILLERS: Final = frozenset({"total", "of", "further", "additional", "reported",
                                     "confirmed", "combined", "staggering", "whopping"})

_Qualifier = Callable[[Quantity], Quantity]
_Read = tuple[Quantity, int]     # a quantity and how many tokens it took


def parse_quantity(text: str) -> Quantity | None:
    """The bounds a count phrase gives ("several", "at least 5", "10-15"), or None."""
    tokens = _skip_article(tokenize(text))
    found = _read_quantity(tokens)
    return found[0] if found else None


def _skip_article(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Drop an article that belongs to the phrase, not the count: "the three", "a total of 12"."""
    if tokens[:1] == ("the",):
        return _skip_article(tokens[1:])
    if tokens[:1] == ("all",) and read_number(_skip_article(tokens[1:]), 0, ordinals=False) is not None:
        return _skip_article(tokens[1:])  # "all five attackers", "all the 12 passengers": all of them
    if tokens[:1] == ("another",) and read_number(tokens, 1, ordinals=False) is not None:
        return tokens[1:]  # "another 32 people": 32 more
    if tokens[:1] not in (("a",), ("an",)):
        return tokens
    index = 1
    while index < len(tokens) and tokens[index] in _ARTICLE_FILLERS:
        index += 1
    if index > 1 and read_number(tokens, index, ordinals=False) is not None:
        return tokens[index:]
    return tokens


def _read_quantity(tokens: tuple[str, ...]) -> _Read | None:
    """A quantity, its qualifier applied, from the start of tokens."""
    qualifier = _match_qualifier(tokens)
    if qualifier is None:
        return _read_range(tokens)
    apply, used = qualifier
    inner = _read_range(tokens[used:])
    return None if inner is None else (apply(inner[0]), used + inner[1])


def _read_range(tokens: tuple[str, ...]) -> _Read | None:
    """A range ("10 to 15", "between 10 and 15", "two or three") or a single amount."""
    if tokens[:1] == ("between",):
        return _read_pair(tokens, 1, joiners=("and", "to", "-"))
    if tokens[:1] == ("from",):
        return _read_pair(tokens, 1, joiners=("to", "-"))
    pair = _read_pair(tokens, 0, joiners=("to", "-", "or"))
    if pair is not None:
        return pair
    amount = _read_amount(tokens)
    return None if amount is None else _read_suffix(tokens, *amount)


def _read_pair(tokens: tuple[str, ...], start: int, *, joiners: tuple[str, ...]) -> _Read | None:
    """Two figures joined by one of joiners, as a range with no best."""
    first = read_number(tokens, start, ordinals=False)
    if first is None or first[1] >= len(tokens) or tokens[first[1]] not in joiners:
        return None
    second = read_number(tokens, first[1] + 1, ordinals=False)
    if second is None:
        return None
    low, high = sorted((first[0], second[0]))
    return Quantity(low, None, high), second[1]


def _read_suffix(tokens: tuple[str, ...], quantity: Quantity, used: int) -> _Read:
    """Apply a trailing hedge: "12 or more", "12+", "12-plus", "a dozen or so"."""
    rest = tokens[used:]
    if rest[:1] == ("+",):
        return _at_least(quantity), used + 1
    if rest[:2] in (("or", "more"), ("-", "plus")):
        return _at_least(quantity), used + 2
    if rest[:2] == ("or", "so"):
        return _about(quantity), used + 2
    return quantity, used


def _read_amount(tokens: tuple[str, ...]) -> _Read | None:
    """One amount with no qualifier: a figure, a vague word, "nobody", "a soldier"."""
    number = read_number(tokens, 0, ordinals=False)
    if number is not None:
        value, used = number
        return Quantity(value, value, value), used
    for words in _NOBODY:
        if tokens[: len(words)] == words:
            return Quantity(0, 0, 0), len(words)
    vague = _read_vague(tokens)
    if vague is not None:
        return vague
    for words, value in _FEW_WORDS:
        if tokens[: len(words)] == words:
            return Quantity(value, value, value), len(words)
    return None


def _read_vague(tokens: tuple[str, ...]) -> _Read | None:
    """A vague word, alone or multiplying a unit ("several", "a few dozen")."""
    for words, phrase in _VAGUE_PHRASES:
        if tokens[: len(words)] == words:
            low, high = VAGUE_BOUNDS[phrase]
            return _scaled(Quantity(low, None, high), tokens, len(words), phrase=phrase)
    return None


def _scaled(quantity: Quantity, tokens: tuple[str, ...], used: int, *, phrase: str) -> _Read:
    """Multiply a vague word by the unit after it: "several hundred", "many thousands"."""
    if phrase not in _MULTIPLIABLE or used >= len(tokens):
        return quantity, used
    unit = _UNITS.get(tokens[used])
    if unit is not None:
        high = None if quantity.high is None else quantity.high * unit
        low = None if quantity.low is None else quantity.low * unit
        used += 2 if tokens[used + 1 : used + 2] == ("of",) else 1
        return Quantity(low, None, high), used
    plural = _read_vague(tokens[used:])
    if plural is None or plural[0].high is None:
        return quantity, used
    # "Many thousands": at least the plural's floor; no ceiling if the outer word has none.
    inner, more = plural
    return Quantity(inner.low, None, None if quantity.high is None else inner.high), used + more


def _match_qualifier(tokens: tuple[str, ...]) -> tuple[_Qualifier, int] | None:
    """The hedge opening a phrase ("at least", "about") and how many tokens it spans."""
    for words, apply in _QUALIFIERS:
        if tokens[: len(words)] != words:
            continue
        if words == ("some",) and read_number(tokens, 1, ordinals=False) is None:
            return None   # "some soldiers" is vague; only "some 60" is a hedge
        return apply, len(words)
    return None


def _at_least(q: Quantity) -> Quantity:
    """At least the quantity: its low bound stays, the ceiling goes."""
    return Quantity(q.low, None, None)


def _more_than(q: Quantity) -> Quantity:
    """More than an exact figure is at least one more; more than a vague word, its low."""
    low = q.low + 1 if q.best is not None and q.low is not None else q.low
    return Quantity(low, None, None)


def _up_to(q: Quantity) -> Quantity:
    """Up to N: N is the ceiling. Low is 1, not 0: the report says people were hit."""
    return Quantity(None if q.high is None else min(1, q.high), None, q.high)


def _fewer_than(q: Quantity) -> Quantity:
    """Fewer than N: the ceiling is N - 1 for a figure; low 1, as for "up to"."""
    exact = q.best is not None and q.high is not None and q.high > 0
    return _up_to(Quantity(q.low, None, q.high - 1 if exact and q.high else q.high))


def _nearly(q: Quantity) -> Quantity:
    """Nearly N: below N, and no further below it than "about N" allows (20%)."""
    if q.best is None or q.best < 1:
        return Quantity(q.low, None, q.high)
    n = q.best
    return Quantity(min(n - 1, n * 4 // 5), None, n - 1)


def _about(q: Quantity) -> Quantity:
    """About N: N stays the best estimate, within 20% either side, rounded outwards."""
    if q.best is None:
        return Quantity(q.low, None, q.high)
    n = q.best
    # "about one" still counts somebody, so a positive figure keeps a low of at least 1.
    low = max(n * 4 // 5, 1) if n >= 1 else 0
    return Quantity(low, n, -(-n * 6 // 5))


# Just below a figure: "nearly 500" (claims keep the figure said, 500)
NEARLY_PHRASES: Final = ("nearly", "almost", "close to", "just under", "just shy of")
_QUALIFIER_PHRASES: Final = (
    (_at_least, ("at least", "no fewer than", "no less than", "not fewer than",
                 "not less than", "a minimum of")),
    (_more_than, ("more than", "over", "upwards of", "in excess of", "greater than",
                  "just over", "well over", "above")),
    (_up_to, ("up to", "as many as", "no more than", "not more than", "at most",
              "a maximum of")),
    (_fewer_than, ("fewer than", "less than", "under", "below")),
    (_nearly, NEARLY_PHRASES),
    (_about, ("about", "around", "approximately", "roughly", "some", "an estimated",
              "estimated", "approx", "circa", "ca", "more or less")),
)
# Longest first, so that "no more than" is read before "no" and "just under" before "under".
_QUALIFIERS: Final = tuple(sorted(
    ((tuple(phrase.split()), apply) for apply, phrases in _QUALIFIER_PHRASES
     for phrase in phrases),
    key=lambda pair: -len(pair[0]),
))
