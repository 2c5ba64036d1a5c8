"""Read whole numbers written in digits or words: "1,200", "twenty-one", "a dozen", "66th"."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final, Literal

_UNITS: Final = MappingProxyType({
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9,
})
_TEENS: Final = MappingProxyType({
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
})
_TENS: Final = MappingProxyType({
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
})
_SMALL: Final = MappingProxyType({**_UNITS, **_TEENS, **_TENS})
_SCALES: Final = MappingProxyType({"thousand": 1_000, "million": 1_000_000, "billion": 10**9})
# Ordinal words whose cardinal is not the word minus "th" ("fifth", not "fif"); the
# regular ones ("sixth", "seventeenth", "sixtieth") are derived in _cardinal_word.
_IRREGULAR_ORDINALS: Final = MappingProxyType({
    "first": "one", "second": "two", "third": "three", "fifth": "five", "eighth": "eight",
    "ninth": "nine", "twelfth": "twelve", "hundredth": "hundred", "thousandth": "thousand",
    "millionth": "million",
})

# A digit token keeps its thousands commas, decimals and ordinal suffix so that the
# reader, not the tokenizer, decides what they mean; a hyphen stays a token because it
# joins words ("twenty-one") but separates figures ("10-15").
_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:st|nd|rd|th)?"
    r"|\d+(?:\.\d+)?(?:st|nd|rd|th)?"
    r"|[a-z]+"
    r"|[-+]"
)
_DIGITS = re.compile(r"(?P<num>[\d,]+(?:\.\d+)?)(?P<ordinal>st|nd|rd|th)?")
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                         "\u2014": "-", "\u2212": "-", "\u2019": "'"})

_Kind = Literal["start", "unit", "teen", "tens", "hundred", "scale", "dozen"]
# Which word kinds may follow which: "twenty one" and "one hundred and five" are one
# number, "two three" is two numbers, so reading stops at the second.
_MAY_FOLLOW: Final = MappingProxyType({
    "unit": frozenset({"start", "tens", "hundred", "scale", "and"}),
    "teen": frozenset({"start", "hundred", "scale", "and"}),
    "tens": frozenset({"start", "hundred", "scale", "and"}),
    "hundred": frozenset({"unit", "teen", "tens", "scale", "start"}),
    "scale": frozenset({"unit", "teen", "tens", "hundred", "start"}),
    "dozen": frozenset({"unit", "teen", "tens", "start"}),
})


def tokenize(text: str) -> tuple[str, ...]:
    """Lower-case word, figure and hyphen tokens of a phrase."""
    return tuple(_TOKEN.findall(text.translate(_DASHES).lower()))


def parse_number(text: str) -> int | None:
    """The whole number a phrase spells out entirely, cardinal or ordinal, else None."""
    tokens = tokenize(text)
    found = read_number(tokens, 0)
    if found is None or found[1] != len(tokens):
        return None
    return found[0]


def read_number(
    tokens: tuple[str, ...], start: int, *, ordinals: bool = True
) -> tuple[int, int] | None:
    """The number beginning at tokens[start] and the index after it, else None.

    With ordinals=False an ordinal ("66th", "third") is not read: it ranks, it does not count.
    """
    if start >= len(tokens):
        return None
    reader = _read_figure if tokens[start][0].isdigit() else _read_words
    found = reader(tokens, start)
    if found is None or (found[2] and not ordinals):
        return None
    return found[0], found[1]


def _read_figure(tokens: tuple[str, ...], start: int) -> tuple[int, int, bool] | None:
    """A figure in digits, optionally scaled by a word: "1,200", "1.5 million", "66th"."""
    match = _DIGITS.fullmatch(tokens[start])
    if match is None:
        return None
    figure = float(match["num"].replace(",", ""))
    end = start + 1
    if match["ordinal"] is None and end < len(tokens):
        scale = _SCALES.get(tokens[end], 12 if tokens[end] == "dozen" else None)
        if scale is not None:
            figure, end = figure * scale, end + 1
    # "2.5" counts nobody; only a scale word can make a decimal figure whole.
    if not figure.is_integer():
        return None
    return int(figure), end, match["ordinal"] is not None


def _read_words(tokens: tuple[str, ...], start: int) -> tuple[int, int, bool] | None:
    """A number in words from tokens[start]: "a hundred", "twenty-one", "half a dozen"."""
    index, state = start, _WordState()
    if tokens[index] == "half" and tokens[index + 1 : index + 3] == ("a", "dozen"):
        return 6, index + 3, False
    if tokens[index] in ("a", "an"):
        # "a" counts one only before a scale: "a hundred", "a dozen", not "a few".
        if index + 1 >= len(tokens) or not _is_multiplier(tokens[index + 1]):
            return None
        state.current, index = 1, index + 1
        state.kind = "unit"
    while index < len(tokens):
        step = _word_step(tokens, index, state)
        if step == 0:
            break
        index += step
        if state.ordinal:
            break
    if state.kind == "start":
        return None
    return state.total + state.current, index - state.joiners, state.ordinal


def _is_multiplier(word: str) -> bool:
    """Whether a word multiplies what precedes it ("hundred", "thousand", "dozen")."""
    return word in ("hundred", "dozen") or word in _SCALES


class _WordState:
    """The running sum while reading a number in words."""

    __slots__ = ("current", "joiners", "kind", "ordinal", "total")

    def __init__(self) -> None:
        self.total = 0          # completed thousands/millions
        self.current = 0        # the part below the last scale word
        self.kind: _Kind = "start"
        self.ordinal = False
        self.joiners = 0        # "-"/"and" read since the last number word


def _word_step(tokens: tuple[str, ...], index: int, state: _WordState) -> int:
    """Consume one number word (or joiner) at tokens[index]; return tokens used, 0 to stop."""
    word = tokens[index]
    if word in ("-", "and"):
        # A joiner belongs to the number only between two of its words.
        nxt = tokens[index + 1] if index + 1 < len(tokens) else ""
        if state.kind == "start" or _word_kind(_cardinal_word(nxt)) is None:
            return 0
        if word == "and" and state.kind not in ("hundred", "scale"):
            return 0
        state.joiners += 1
        return 1
    cardinal = _cardinal_word(word)
    kind = _word_kind(cardinal)
    if kind is None or state.kind not in _MAY_FOLLOW[kind] or not _fits(cardinal, kind, state):
        return 0
    _add_word(cardinal, kind, state)
    state.ordinal = cardinal != word
    state.joiners = 0
    return 1


def _word_kind(word: str) -> _Kind | None:
    """The grammatical kind of a cardinal number word, None for any other word."""
    if word in _UNITS:
        return "unit"
    if word in _TEENS:
        return "teen"
    if word in _TENS:
        return "tens"
    if word == "hundred":
        return "hundred"
    if word == "dozen":
        return "dozen"
    return "scale" if word in _SCALES else None


def _fits(word: str, kind: _Kind, state: _WordState) -> bool:
    """Whether a scale word keeps the number well formed: "one hundred two hundred" is two."""
    if kind == "hundred":
        return state.current < 100
    if kind == "scale":
        return state.total == 0 or _SCALES[word] < state.total
    return True


def _add_word(word: str, kind: _Kind, state: _WordState) -> None:
    """Fold one number word into the running sum."""
    if kind == "hundred":
        state.current = (state.current or 1) * 100
    elif kind == "dozen":
        state.current = (state.current or 1) * 12
    elif kind == "scale":
        state.total += (state.current or 1) * _SCALES[word]
        state.current = 0
    else:
        state.current += _SMALL[word]
    state.kind = kind


def _cardinal_word(word: str) -> str:
    """The cardinal of an ordinal word ("sixth" → "six", "twentieth" → "twenty"), else word."""
    if word in _IRREGULAR_ORDINALS:
        return _IRREGULAR_ORDINALS[word]
    if word.endswith("ieth") and word[:-4] + "y" in _TENS:
        return word[:-4] + "y"
    if word.endswith("th") and word[:-2] in _UNITS.keys() | _TEENS.keys():
        return word[:-2]
    return word
