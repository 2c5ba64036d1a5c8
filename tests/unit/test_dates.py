"""resolve_time and is_time_phrase: relative days from a publication date, never the clock."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warlog.extract.dates import ResolvedTime, TimePrecision, is_time_phrase, resolve_time

WED = date(2023, 11, 22)   # the seed report's publication date, a Wednesday


def day(iso: str) -> ResolvedTime:
    d = date.fromisoformat(iso)
    return ResolvedTime(d, d, "day")


def span(start: str, end: str, precision: TimePrecision) -> ResolvedTime:
    return ResolvedTime(date.fromisoformat(start), date.fromisoformat(end), precision)


UNRESOLVED = ResolvedTime(None, None, "unresolved")


@pytest.mark.parametrize(("text", "expected"), [
    ("Monday night", day("2023-11-20")),
    ("Monday", day("2023-11-20")),
    ("on Monday", day("2023-11-20")),
    ("late Monday", day("2023-11-20")),
    ("Monday's", day("2023-11-20")),
    ("Monday\u2019s", day("2023-11-20")),
    ("early Wednesday", day("2023-11-22")),
    ("early Wednesday morning", day("2023-11-22")),
    ("Wednesday morning", day("2023-11-22")),
    ("Wednesday at 3 a.m.", day("2023-11-22")),
    ("Tuesday", day("2023-11-21")),
    ("on Tuesday evening", day("2023-11-21")),
    ("Tuesday afternoon", day("2023-11-21")),
    ("the early hours of Tuesday", day("2023-11-21")),
    ("late Sunday", day("2023-11-19")),
    ("Thursday", day("2023-11-16")),
    ("Thurs.", day("2023-11-16")),
    ("Sat", day("2023-11-18")),
    # The publication weekday is the publication day; "last" makes it a week before.
    ("Wednesday", day("2023-11-22")),
    ("this Wednesday", day("2023-11-22")),
    ("last Wednesday", day("2023-11-15")),
    ("last Monday", day("2023-11-20")),
    ("next Monday", day("2023-11-27")),
])
def test_weekdays_count_back_from_publication(text: str, expected: ResolvedTime) -> None:
    assert resolve_time(text, published=WED) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("today", day("2023-11-22")),
    ("earlier today", day("2023-11-22")),
    ("tonight", day("2023-11-22")),
    ("this morning", day("2023-11-22")),
    ("this afternoon", day("2023-11-22")),
    ("yesterday", day("2023-11-21")),
    ("yesterday morning", day("2023-11-21")),
    ("last night", day("2023-11-21")),
    ("late last night", day("2023-11-21")),
    ("the day before yesterday", day("2023-11-20")),
    ("overnight", span("2023-11-21", "2023-11-22", "day")),
    ("two days ago", day("2023-11-20")),
    ("3 days ago", day("2023-11-19")),
])
def test_relative_days(text: str, expected: ResolvedTime) -> None:
    assert resolve_time(text, published=WED) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("last week", span("2023-11-13", "2023-11-19", "week")),
    ("the previous week", span("2023-11-13", "2023-11-19", "week")),
    ("a week ago", span("2023-11-13", "2023-11-19", "week")),
    # Periods that hold the publication date end at it: nothing reported is later.
    ("this week", span("2023-11-20", "2023-11-22", "week")),
    ("earlier this week", span("2023-11-20", "2023-11-22", "week")),
    ("next week", span("2023-11-27", "2023-12-03", "week")),
    ("over the weekend", span("2023-11-18", "2023-11-19", "week")),
    ("last weekend", span("2023-11-18", "2023-11-19", "week")),
    ("last month", span("2023-10-01", "2023-10-31", "month")),
    ("earlier this month", span("2023-11-01", "2023-11-22", "month")),
    ("this month", span("2023-11-01", "2023-11-22", "month")),
    ("a month ago", span("2023-10-01", "2023-10-31", "month")),
    ("last year", span("2022-01-01", "2022-12-31", "unresolved")),
    ("this year", span("2023-01-01", "2023-11-22", "unresolved")),
])
def test_named_weeks_months_years(text: str, expected: ResolvedTime) -> None:
    assert resolve_time(text, published=WED) == expected


@pytest.mark.parametrize(("published", "text", "expected"), [
    (date(2023, 11, 25), "the weekend", span("2023-11-25", "2023-11-25", "week")),
    (date(2023, 11, 26), "the weekend", span("2023-11-25", "2023-11-26", "week")),
    (date(2023, 11, 26), "last weekend", span("2023-11-18", "2023-11-19", "week")),
    (date(2023, 11, 27), "last weekend", span("2023-11-25", "2023-11-26", "week")),
])
def test_weekend_on_and_after_it(published: date, text: str, expected: ResolvedTime) -> None:
    assert resolve_time(text, published=published) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Oct. 17", day("2023-10-17")),
    ("October 17", day("2023-10-17")),
    ("October 17th", day("2023-10-17")),
    ("17 October 2023", day("2023-10-17")),
    ("Oct 17, 2023", day("2023-10-17")),
    ("2023-10-17", day("2023-10-17")),
    ("10/17/2023", day("2023-10-17")),
    ("Tuesday, Oct. 17", day("2023-10-17")),
    ("on Nov. 3", day("2023-11-03")),
    ("Sept. 5", day("2023-09-05")),
    ("the night of Oct. 17", day("2023-10-17")),
    ("Oct. 17 at 3 a.m.", day("2023-10-17")),
    ("Oct. 17-18", span("2023-10-17", "2023-10-18", "day")),
    # day first, as British and many translated reports write ranges (dateparser alone
    # reads "17-18 October" as a day of 2018)
    ("17–18 October", span("2023-10-17", "2023-10-18", "day")),
    ("between 9 and 12 November", span("2023-11-09", "2023-11-12", "day")),
    ("from 3 to 5 June 2022", span("2022-06-03", "2022-06-05", "day")),
    ("30 and 31 October", span("2023-10-30", "2023-10-31", "day")),
    ("in October", span("2023-10-01", "2023-10-31", "month")),
    ("mid-October", span("2023-10-01", "2023-10-31", "month")),
    ("October 2023", span("2023-10-01", "2023-10-31", "month")),
    ("November", span("2023-11-01", "2023-11-22", "month")),
    # A year alone is no day, week or month: unresolved, bounded by the year.
    ("in 2022", span("2022-01-01", "2022-12-31", "unresolved")),
    ("2023", span("2023-01-01", "2023-11-22", "unresolved")),
])
def test_explicit_dates(text: str, expected: ResolvedTime) -> None:
    assert resolve_time(text, published=WED) == expected


@pytest.mark.parametrize(("published", "text", "expected"), [
    (date(2024, 1, 2), "Dec. 30", day("2023-12-30")),
    (date(2024, 1, 2), "December 30", day("2023-12-30")),
    (date(2024, 1, 2), "in December", span("2023-12-01", "2023-12-31", "month")),
    (date(2024, 1, 2), "Dec. 30-31", span("2023-12-30", "2023-12-31", "day")),
    (date(2024, 1, 1), "Saturday", day("2023-12-30")),
    (date(2024, 1, 1), "last week", span("2023-12-25", "2023-12-31", "week")),
    (date(2024, 1, 3), "last month", span("2023-12-01", "2023-12-31", "month")),
    (date(2024, 3, 1), "yesterday", day("2024-02-29")),
    (date(2023, 3, 1), "two days ago", day("2023-02-27")),
    (date(2023, 11, 22), "Nov. 30", day("2022-11-30")),
    (date(2023, 11, 22), "in December", span("2022-12-01", "2022-12-31", "month")),
    # A 29 February without a year is placed in the last leap year before publication.
    (date(2023, 3, 1), "Feb. 29", day("2020-02-29")),
    # A year written out is kept, even after publication.
    (date(2023, 11, 22), "Dec. 30, 2023", day("2023-12-30")),
])
def test_month_and_year_boundaries(published: date, text: str, expected: ResolvedTime) -> None:
    assert resolve_time(text, published=published) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("17 October 2023", day("2023-10-17")),
    ("2023-10-17", day("2023-10-17")),
    ("Oct 17, 2023", day("2023-10-17")),
    ("October 2023", span("2023-10-01", "2023-10-31", "month")),
    ("since 17 October 2023", ResolvedTime(date(2023, 10, 17), None, "unresolved")),
    # Without a year or a publication date there is nothing to place these against.
    ("Oct. 17", UNRESOLVED),
    ("in October", UNRESOLVED),
    ("Monday night", UNRESOLVED),
    ("yesterday", UNRESOLVED),
    ("last week", UNRESOLVED),
    ("overnight", UNRESOLVED),
    ("two days ago", UNRESOLVED),
    ("the past month", UNRESOLVED),
])
def test_without_a_publication_date(text: str, expected: ResolvedTime) -> None:
    assert resolve_time(text, published=None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "Since X" and rolling windows are stretches up to publication, not one event's day.
    ("since Oct. 17", span("2023-10-17", "2023-11-22", "unresolved")),
    ("since October 17", span("2023-10-17", "2023-11-22", "unresolved")),
    ("since Monday", span("2023-11-20", "2023-11-22", "unresolved")),
    ("the past month", span("2023-10-22", "2023-11-22", "unresolved")),
    ("the past week", span("2023-11-15", "2023-11-22", "unresolved")),
    ("the past 24 hours", span("2023-11-21", "2023-11-22", "unresolved")),
    ("the last two weeks", span("2023-11-08", "2023-11-22", "unresolved")),
    ("a few days ago", span("2023-11-17", "2023-11-20", "unresolved")),
    ("since", UNRESOLVED),
    ("since then", UNRESOLVED),
])
def test_periods_up_to_publication(text: str, expected: ResolvedTime) -> None:
    assert resolve_time(text, published=WED) == expected


@pytest.mark.parametrize("text", [
    "two days", "24 hours", "three years old", "decades", "the 1990s", "in recent days",
    "3 a.m.", "the 17th", "that day", "the same day", "", "   ", "morning", "at dawn",
    "1700000000", "Feb. 30", "the day", "the",
])
def test_non_dates_are_unresolved(text: str) -> None:
    assert resolve_time(text, published=WED) == UNRESOLVED


@pytest.mark.parametrize("text", [
    "Monday night", "early Wednesday morning", "Oct. 17", "17 October 2023", "last week",
    "yesterday", "overnight", "last night", "this morning", "two days ago", "in October",
    "2023", "2023-10-17", "the weekend", "Monday\u2019s", "earlier this month",
])
def test_points_in_time(text: str) -> None:
    assert is_time_phrase(text)


@pytest.mark.parametrize("text", [
    "three years old", "24 hours", "decades", "two days", "the past month", "since Oct. 17",
    "for two days", "the last five days", "a 37-year-old", "aged 5", "years", "the 1990s",
    "in recent days", "3 a.m.", "that day", "",
])
def test_durations_ages_and_windows_are_not_points(text: str) -> None:
    assert not is_time_phrase(text)


@pytest.mark.parametrize("text", [
    "Monday night", "early Wednesday morning", "Oct. 17", "last week", "yesterday",
    "overnight", "two days ago", "in October", "the weekend", "earlier this month", "2023",
])
def test_a_point_in_time_resolves(text: str) -> None:
    assert resolve_time(text, published=WED).start is not None


# Properties: over any publication date, past-tense forms never land after it.

publication_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
PAST_FORMS = (
    "Monday night", "early Tuesday", "Wednesday", "last Thursday", "on Friday evening",
    "late Saturday", "Sunday", "today", "yesterday", "last night", "overnight", "this morning",
    "earlier today", "last week", "this week", "earlier this week", "the weekend",
    "last weekend", "last month", "earlier this month", "this year", "last year",
    "two days ago", "a week ago", "a few days ago", "three months ago", "the past month",
    "the past 24 hours", "since Monday", "in March", "in December", "Oct. 17", "Dec. 31",
    "Jan. 1", "Feb. 28", "mid-July",
)
MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
          "Nov.", "Dec.")


@given(publication_dates, st.sampled_from(PAST_FORMS))
def test_past_forms_end_by_publication(published: date, text: str) -> None:
    resolved = resolve_time(text, published=published)
    assert resolved.start is not None and resolved.end is not None, text
    assert resolved.start <= resolved.end <= published


@given(publication_dates, st.integers(min_value=0, max_value=6))
def test_a_weekday_is_the_latest_one_by_publication(published: date, weekday: int) -> None:
    name = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[weekday]
    resolved = resolve_time(name, published=published)
    assert resolved.start is not None and resolved.start == resolved.end
    assert resolved.start.weekday() == weekday
    assert 0 <= (published - resolved.start).days <= 6


@given(publication_dates, st.integers(min_value=1, max_value=12), st.integers(1, 28))
def test_a_day_and_month_without_year_is_within_the_year_before(
    published: date, month: int, day_of_month: int
) -> None:
    resolved = resolve_time(f"{MONTHS[month - 1]} {day_of_month}", published=published)
    assert resolved.precision == "day" and resolved.start is not None
    assert (resolved.start.month, resolved.start.day) == (month, day_of_month)
    assert 0 <= (published - resolved.start).days < 366


@given(st.one_of(st.none(), publication_dates), st.text(max_size=30))
def test_any_text_resolves_or_is_unresolved_never_crashes(
    published: date | None, text: str
) -> None:
    resolved = resolve_time(text, published=published)
    if resolved.start is not None and resolved.end is not None:
        assert resolved.start <= resolved.end
    if resolved.precision != "unresolved":
        assert resolved.start is not None and resolved.end is not None


DATE_WORDS = (
    "on", "early", "late", "last", "this", "next", "past", "since", "the", "of", "ago",
    "Monday", "Wed.", "night", "morning", "overnight", "today", "yesterday", "week", "weekend",
    "month", "year", "days", "hours", "Oct.", "December", "Feb.", "29", "17", "-", "to", "a",
    "few", "two", "dozens", "2023", "'23", "1,000,000", "10000", "99", "at", "3", "a.m.",
)


@given(st.one_of(st.none(), publication_dates),
       st.lists(st.sampled_from(DATE_WORDS), min_size=1, max_size=5))
def test_date_like_word_salad_never_crashes(published: date | None, words: list[str]) -> None:
    resolved = resolve_time(" ".join(words), published=published)
    if resolved.start is not None and resolved.end is not None:
        assert resolved.start <= resolved.end
    if published is None and resolved.precision != "unresolved":
        assert resolved.start is not None   # only a written year gets this far


@pytest.mark.parametrize(("published", "text", "expected"), [
    (WED, "1000000 days ago", UNRESOLVED),
    (WED, "10000 years ago", UNRESOLVED),
    (date(9999, 12, 31), "next week", UNRESOLVED),
    # Day ranges: "Oct. 17-99" is no range, and a range is placed by its last day.
    (WED, "Oct. 17-99", UNRESOLVED),
    (WED, "Oct. 18-17", UNRESOLVED),
    (date(2023, 12, 30), "Dec. 30-31", span("2022-12-30", "2022-12-31", "day")),
])
def test_off_the_calendar_and_odd_ranges(
    published: date, text: str, expected: ResolvedTime
) -> None:
    assert resolve_time(text, published=published) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a month in a year named relative to publication (Wed 2023-11-22)
    ("in April last year", span("2022-04-01", "2022-04-30", "month")),
    ("March of last year", span("2022-03-01", "2022-03-31", "month")),
    ("on 8 May last year", day("2022-05-08")),
    ("June 3 this year", day("2023-06-03")),
    # "last <month>": the latest such month before the month of publication
    ("last April", span("2023-04-01", "2023-04-30", "month")),
    ("last November", span("2022-11-01", "2022-11-30", "month")),
    ("last December", span("2022-12-01", "2022-12-31", "month")),
])
def test_a_month_in_a_year_named_relative_to_publication(text: str, expected: ResolvedTime) -> None:
    assert resolve_time(text, published=WED) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("on Christmas morning", date(2024, 12, 26), day("2024-12-25")),
    ("Christmas Eve", date(2025, 1, 3), day("2024-12-24")),
    ("New Year's Eve", date(2025, 1, 1), day("2024-12-31")),
    ("New Year's Day", date(2025, 1, 1), day("2025-01-01")),
])
def test_a_fixed_holiday_is_the_latest_one_by_publication(text: str, published: date,
                                                         expected: ResolvedTime) -> None:
    assert is_time_phrase(text)
    assert resolve_time(text, published=published) == expected
