"""Resolve a report's time expressions ("Monday night", "Oct. 17") against its publication date.

Relative expressions count back from the publication date, never from the clock: a report
is read as of the day it was published. Weekday and relative-day arithmetic is done here,
exactly; dateparser reads only explicit calendar dates ("17 October 2023", "Oct. 17").

Precision, and what start/end mean with it:

- ``day``: start..end are the days it happened on (one day, or two for "overnight" and
  "Oct. 17-18").
- ``week``: an ISO week, Monday to Sunday, or a weekend, cut off at the publication date.
- ``month``: a calendar month, cut off at the publication date.
- ``unresolved``: not a day, week or month. start/end, when set, still bound it: a year
  ("in 2023", "last year": 1 Jan..31 Dec), a period up to publication ("since Oct. 17",
  "the past month"). Both are None when nothing could be resolved, including every
  relative expression when the publication date is unknown.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal

from warlog.extract.vague import parse_quantity

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from dateparser.date import DateDataParser

TimePrecision = Literal["day", "week", "month", "unresolved"]


@dataclass(frozen=True, slots=True)
class ResolvedTime:
    """The days a time expression covers, as far as they can be told."""

    start: date | None
    end: date | None
    precision: TimePrecision


UNRESOLVED: Final = ResolvedTime(None, None, "unresolved")

_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                    "sunday")
_WEEKDAY = (r"(?P<weekday>mon|tue|wed|thu|fri|sat|sun)"
            r"(?:day|sday|nesday|rsday|urday|s|rs|r)?")
_MONTH = (r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
          r"(?:uary|ruary|ch|il|e|y|ust|ember|ober)?\b")
_YEAR = r"\b(?:1[89]|20)\d{2}\b"
# A year written out: without one, a day and month must be placed relative to publication.
_WRITTEN_YEAR: Final = re.compile(rf"{_YEAR}|'\d{{2}}\b")
# What an explicit date needs before dateparser sees it: a month name, a numeric date
# with its year, or a year. "two days" or "the 17th" never reach it.
_EXPLICIT: Final = re.compile(
    rf"{_MONTH}|\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|{_YEAR}"
)
# Words before the date that do not move it: "on", "early", "late", "mid-", "the night of".
_PREFIX: Final = re.compile(
    r"^(?:(?:on|early|late|by|in|at|during|around|about|mid|the|from|over|sometime)\b[\s-]*"
    r"|(?:(?:early|late|small) )?(?:morning|afternoon|evening|night|hours) of\s+)"
)
# A time of day after the date does not move it either: "Monday night", "Oct. 17 at 3 a.m.".
_SUFFIX: Final = re.compile(
    r"(?:,?\s+(?:in the |at |around |about )?"
    r"(?:morning|afternoon|evening|night|overnight|dawn|daybreak|dusk|midday|noon|midnight)"
    r"|,?\s+(?:at |around |about )?(?:\d{1,2}:\d{2}|\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?)"
    r"|\s+(?:local time|gmt|utc))$"
)
_DAYS_BEFORE: Final = MappingProxyType({
    "today": 0, "earlier today": 0, "later today": 0, "tonight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "earlier this morning": 0,
    # "Last night" in a report is the evening before it was written.
    "yesterday": 1, "last night": 1, "last evening": 1,
    "day before yesterday": 2,
})
_CALENDAR: Final = re.compile(
    r"(?P<which>last|previous|this|earlier this|later this|next)?\s*"
    r"(?P<unit>week|weekend|month|year)"
)
_AGO: Final = re.compile(r"(?P<count>.+?) (?P<unit>day|week|month|year)s? ago")
_WINDOW: Final = re.compile(
    r"(?:past|last|previous|preceding)(?: (?P<count>.+?))? (?P<unit>hour|day|week|month|year)s?"
)
_DAY_RANGE: Final = re.compile(
    rf"(?P<month>{_MONTH})\.? (?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|to|and)\s*"
    r"(?P<last>\d{1,2})(?:st|nd|rd|th)?(?P<year>,? \d{4})?"
)
# the same, day first: "17-18 September", "between 19 and 25 May", "from 3 to 5 June 2024"
_DAY_FIRST_RANGE: Final = re.compile(
    r"(?:(?:between|from) )?(?P<first>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|to|and)\s*"
    rf"(?P<last>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month>{_MONTH})\.?(?P<year>,? \d{{4}})?"
)
_PUNCTUATION: Final = str.maketrans({"\u2019": "'", "\u2013": "-", "\u2014": "-"})


def resolve_time(text: str, *, published: date | None) -> ResolvedTime:
    """The days a time expression means in a report published on ``published``."""
    phrase = _normalise(text)
    try:
        if phrase.startswith("since "):
            return _since(phrase.removeprefix("since "), published=published)
        for reading in _readings(phrase):
            found = _resolve_reading(reading, published=published)
            if found is not None:
                return found
    except (OverflowError, ValueError):
        # "10000 years ago", "next week" in 9999: off the calendar datetime can hold.
        return UNRESOLVED
    return UNRESOLVED


def is_time_phrase(text: str) -> bool:
    """Whether a DATE/TIME entity places something on the calendar, not a duration or age."""
    phrase = _normalise(text)
    return bool(_ANCHOR.search(phrase)) and not _NOT_A_POINT.search(phrase)


# A point on the calendar: a weekday, a month, a relative day, a named week/month/year,
# "… ago", a numeric date or a year.
_ANCHOR: Final = re.compile(
    rf"\b{_WEEKDAY}\b|{_MONTH}|\b(?:today|tonight|yesterday|overnight|ago|weekend)\b"
    r"|\b(?:last night|this (?:morning|afternoon|evening))\b"
    r"|\b(?:christmas|boxing day|new year'?s? (?:eve|day))\b"
    r"|\b(?:last|this|next|previous) (?:week|month|year)\b"
    rf"|\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|{_YEAR}"
)
# Durations, ages and windows: "three years old", "for two days", "the past month",
# "since Oct. 17", "the last five days". Windows frame tallies, not one event's time.
_NOT_A_POINT: Final = re.compile(
    r"\b(?:old|aged?|since|past|recent|recently|for|long|lasting|within|throughout"
    r"|decades?|centur(?:y|ies))\b|-year-old"
    r"|\b(?:last|next|previous|first) (?:\S+ )?(?:hours|days|weeks|months|years)\b"
)


def _normalise(text: str) -> str:
    """Lower case, one space between words, no possessive or trailing punctuation."""
    phrase = text.translate(_PUNCTUATION).lower()
    phrase = re.sub(r"'s\b", "", phrase)
    return re.sub(r"\s+", " ", phrase).strip(" .,;:()'\"")


def _readings(phrase: str) -> Iterator[str]:
    """The phrase as written, then without qualifiers, then without the time of day."""
    yield phrase
    bare = phrase
    while (match := _PREFIX.match(bare)) is not None and match.end() < len(bare):
        bare = bare[match.end():]
    yield bare
    while (match := _SUFFIX.search(bare)) is not None and match.start() > 0:
        bare = bare[: match.start()]
    yield bare


def _resolve_reading(phrase: str, *, published: date | None) -> ResolvedTime | None:
    """One reading of a phrase resolved, or None if it is not a form read here."""
    if published is not None:
        for resolve in _RELATIVE:
            found = resolve(phrase, published)
            if found is not None:
                return found
    return _explicit(phrase, published=published)


def _since(rest: str, *, published: date | None) -> ResolvedTime:
    """"Since X": from X to publication. Unresolved: a stretch of time, not one event's day."""
    origin = resolve_time(rest, published=published)
    if origin.start is None:
        return UNRESOLVED
    return ResolvedTime(origin.start, published, "unresolved")


def _relative_day(phrase: str, published: date) -> ResolvedTime | None:
    """"Today", "yesterday", "last night", "overnight"."""
    if phrase == "overnight":
        # The night straddles midnight: the evening before publication or its small hours.
        return ResolvedTime(published - timedelta(days=1), published, "day")
    back = _DAYS_BEFORE.get(phrase)
    if back is None:
        return None
    day = published - timedelta(days=back)
    return ResolvedTime(day, day, "day")


def _weekday(phrase: str, published: date) -> ResolvedTime | None:
    """A weekday: the latest one on or before publication ("last": strictly before)."""
    match = re.fullmatch(rf"(?:(?P<which>last|this|past|next|previous) )?{_WEEKDAY}", phrase)
    if match is None:
        return None
    weekday = [w[:3] for w in _WEEKDAYS].index(match["weekday"])
    back = (published.weekday() - weekday) % 7
    if match["which"] == "next":
        day = published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
        return ResolvedTime(day, day, "day")
    if match["which"] in ("last", "past", "previous") and back == 0:
        back = 7   # "last Wednesday" in a Wednesday report is a week before
    day = published - timedelta(days=back)
    return ResolvedTime(day, day, "day")


def _calendar_unit(phrase: str, published: date) -> ResolvedTime | None:
    """"Last week", "this month", "the weekend", "next year": a named calendar period."""
    match = _CALENDAR.fullmatch(phrase)
    if match is None:
        return None
    step = {"last": -1, "previous": -1, "next": 1}.get(match["which"] or "", 0)
    unit = match["unit"]
    if unit == "weekend":
        return _weekend(published, last=step == -1)
    anchor = _shift(published, unit=unit, steps=step)
    return _cut_at(_period_around(anchor, unit=unit), published)


def _weekend(published: date, *, last: bool) -> ResolvedTime:
    """The latest Saturday-Sunday begun by publication; "last weekend" on one, the one before."""
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    if last and published.weekday() >= 5:
        saturday -= timedelta(days=7)
    return _cut_at(ResolvedTime(saturday, saturday + timedelta(days=1), "week"), published)


def _ago(phrase: str, published: date) -> ResolvedTime | None:
    """"Two days ago", "a week ago", "a few days ago": counted back from publication."""
    match = _AGO.fullmatch(phrase)
    quantity = parse_quantity(match["count"]) if match else None
    if match is None or quantity is None or quantity.low is None:
        return None
    unit = match["unit"]
    if quantity.best is not None:
        anchor = _shift(published, unit=unit, steps=-quantity.best)
        return _cut_at(_period_around(anchor, unit=unit), published)
    # A vague count ("a few days ago") bounds the day without naming it.
    latest = _shift(published, unit=unit, steps=-quantity.low)
    if quantity.high is None:
        return ResolvedTime(None, latest, "unresolved")
    return ResolvedTime(_shift(published, unit=unit, steps=-quantity.high), latest, "unresolved")


def _window(phrase: str, published: date) -> ResolvedTime | None:
    """"The past month", "the last 24 hours": a stretch ending at publication, unresolved."""
    match = _WINDOW.fullmatch(phrase)
    if match is None:
        return None
    quantity = parse_quantity(match["count"]) if match["count"] else None
    if match["count"] and (quantity is None or quantity.high is None):
        return None
    length = quantity.high if quantity and quantity.high is not None else 1
    if match["unit"] == "hour":
        start = published - timedelta(days=-(-length // 24))
    else:
        start = _shift(published, unit=match["unit"], steps=-length)
    return ResolvedTime(start, published, "unresolved")


_OF_YEAR: Final = re.compile(
    rf"(?P<date>.*?{_MONTH}.*?)(?: of)? (?P<which>last|this|next|previous) year")
_LAST_MONTH_NAMED: Final = re.compile(rf"(?P<which>last|this|next) (?P<date>{_MONTH}.*)")
_YEAR_STEP: Final = MappingProxyType({"last": -1, "previous": -1, "this": 0, "next": 1})


def _month_of_year(phrase: str, published: date) -> ResolvedTime | None:
    """"April last year", "on 8 April of last year", "last April", "this March": a month
    (or day) in a year named relative to publication. "Last April" is the latest April
    before the month of publication."""
    match = _OF_YEAR.fullmatch(phrase)
    if match is not None:
        year = published.year + _YEAR_STEP[match["which"]]
        return _explicit(f"{match['date']} {year}", published=None)
    match = _LAST_MONTH_NAMED.fullmatch(phrase)
    if match is None or _WRITTEN_YEAR.search(phrase):
        return None
    this_year = _explicit(f"{match['date']} {published.year}", published=None)
    if this_year is None or this_year.start is None:
        return None
    if match["which"] == "this":
        return this_year
    ahead = this_year.start.month > published.month if match["which"] == "last" \
        else this_year.start.month <= published.month
    if match["which"] == "last" and (ahead or this_year.start.month == published.month):
        return _explicit(f"{match['date']} {published.year - 1}", published=None)
    if match["which"] == "next" and ahead:
        return _explicit(f"{match['date']} {published.year + 1}", published=None)
    return this_year


# Holidays on a fixed day of the Gregorian calendar (month, day); feasts that move with a
# lunar or Julian calendar (Eid, Orthodox Easter) are not guessed.
_HOLIDAYS: Final = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                    "boxing day": (12, 26), "new year eve": (12, 31), "new years eve": (12, 31),
                    "new year day": (1, 1), "new years day": (1, 1)}


def _holiday(phrase: str, published: date) -> ResolvedTime | None:
    """"On Christmas morning", "on New Year's Eve": the latest such day on or before
    publication (a report of 2 January tells of the Christmas just past)."""
    found = _HOLIDAYS.get(phrase)
    if found is None:
        return None
    month, day_of = found
    day = date(published.year, month, day_of)
    if day > published:
        day = date(published.year - 1, month, day_of)
    return ResolvedTime(day, day, "day")


_RELATIVE: Final[tuple[Callable[[str, date], ResolvedTime | None], ...]] = (
    _relative_day, _weekday, _calendar_unit, _ago, _window, _month_of_year, _holiday,
)


def _explicit(phrase: str, *, published: date | None) -> ResolvedTime | None:
    """A calendar date as written ("Oct. 17", "17 October 2023", "in October", "2023")."""
    if not _EXPLICIT.search(phrase):
        return None
    days = _DAY_RANGE.fullmatch(phrase) or _DAY_FIRST_RANGE.fullmatch(phrase)
    if days is not None:
        return _day_range(days, published=published)
    year_written = _WRITTEN_YEAR.search(phrase) is not None
    if published is None and not year_written:
        return None   # "Oct. 17" with no year and no publication date: no year to give it
    parsed = _date_parser(published or date(2000, 1, 1)).get_date_data(phrase)
    if parsed.date_obj is None:
        return None
    resolved = _from_period(parsed.date_obj.date(), str(parsed.period))
    if published is None:
        return resolved
    if not year_written:
        resolved = _not_after(resolved, published)
    return _cut_at(resolved, published)


def _day_range(match: re.Match[str], *, published: date | None) -> ResolvedTime | None:
    """"Oct. 17-18": the last day read as a date, the first counted back from it.

    dateparser reads the pair as 2018. Reading the last day places the whole range on or
    before publication, in one year.
    """
    first, last = int(match["first"]), int(match["last"])
    if not 1 <= first < last <= 31:
        return None
    end = _explicit(f"{match['month']} {last}{match['year'] or ''}", published=published)
    if end is None or end.end is None:
        return None
    return ResolvedTime(end.end - timedelta(days=last - first), end.end, "day")


@lru_cache(maxsize=64)
def _date_parser(base: date) -> DateDataParser:
    """A parser for explicit dates, built on first use for each publication date."""
    from dateparser.date import DateDataParser

    # Only the absolute parsers: relative forms are resolved above, exactly. English only,
    # as guessing the language costs a second on first use and misreads "Oct." as other
    # languages' words. A year-less "Oct. 17" takes the publication year (current_period);
    # _not_after moves it back when that lands after publication.
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime.combine(base, time()),
        "PREFER_DATES_FROM": "current_period",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "PARSERS": ["custom-formats", "absolute-time"],
    })


def _from_period(day: date, period: str) -> ResolvedTime:
    """The days dateparser's period around a date covers."""
    if period == "month":
        return _period_around(day, unit="month")
    if period == "year":
        return _period_around(day, unit="year")
    if period == "week":
        return _period_around(day, unit="week")
    return ResolvedTime(day, day, "day")   # "day", "time", "part_of_day"


def _not_after(resolved: ResolvedTime, published: date) -> ResolvedTime:
    """Move a year-less date back a year at a time until it is not after publication.

    A report tells of what has happened: "Dec. 30" in a report of 2 January is last year's.
    """
    if resolved.start is None or resolved.end is None or resolved.start <= published:
        return resolved
    length = resolved.end - resolved.start
    # Eight years back always meets a 29 February, the one date most years lack.
    for years in range(1, 9):
        try:
            start = resolved.start.replace(year=resolved.start.year - years)
        except ValueError:
            continue
        if start <= published:
            break
    else:
        return UNRESOLVED
    if resolved.precision == "month":
        return _period_around(start, unit="month")
    return ResolvedTime(start, start + length, resolved.precision)


def _cut_at(resolved: ResolvedTime, published: date) -> ResolvedTime:
    """End a period that contains the publication date at it: nothing reported is later."""
    start, end = resolved.start, resolved.end
    if start is not None and end is not None and start <= published < end:
        return ResolvedTime(start, published, resolved.precision)
    return resolved


def _period_around(day: date, *, unit: str) -> ResolvedTime:
    """The calendar week, month or year holding a day (a day for unit "day")."""
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return ResolvedTime(monday, monday + timedelta(days=6), "week")
    if unit == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return ResolvedTime(day.replace(day=1), day.replace(day=last), "month")
    if unit == "year":
        return ResolvedTime(date(day.year, 1, 1), date(day.year, 12, 31), "unresolved")
    return ResolvedTime(day, day, "day")


def _shift(day: date, *, unit: str, steps: int) -> date:
    """A day moved by whole days, weeks, months or years; month ends clamp (31 Mar - 1 month)."""
    if unit == "day":
        return day + timedelta(days=steps)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=steps)
    months = steps * (12 if unit == "year" else 1)
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
