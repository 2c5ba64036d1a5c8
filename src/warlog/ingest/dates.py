"""Dates as pages print them, and the dateline near the top of a report."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
# Named groups let one pattern serve "Nov. 22, 2023", "22 November 2023" and "2023-11-22".
DATE = (
    rf"(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}}){_ORD},?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m2>{MONTH}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
)
# Dates a comment or byline prints without a year-first or month-name form.
NUMERIC_DATE = r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
_DATE_RE = re.compile(DATE, re.IGNORECASE)
_LABEL = re.compile(
    r"^(?:first\s+)?(?:published|posted|dated?|last\s+updated|updated|released)\b(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
# "BAGHDAD, Nov. 22, 2023 —" or "Kyiv (Reuters), 22 November 2023:" before the story.
_PLACE_PREFIX = re.compile(r"^[A-Z][\w.,'’ -]{0,50}(?:\s*\([^)]{1,30}\))?\s*[,:–—-]\s*$")
# In a short line (a byline, a date line) the date follows a separator or ends the line;
# a date in the middle of a short line is a headline's ("Attacks since May 1, 2023 top 60").
_SEPARATED = re.compile(r"(?:^|[|·•,:–—-]|\bon)\s*$", re.IGNORECASE)
_TIME_TAIL = re.compile(
    r"^\s*(?:(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?\s*[|·•.,)]?\s*$",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"^(?:last\s+)?updated\b", re.IGNORECASE)
_DATELINE_AFTER = re.compile(r"^\s*(?:$|[–—-]|\(|:|\||,|\d{1,2}[:.]\d{2})")
_SHORT_LINE_WORDS = 12
_SENTENCE_WORDS = 6
_TOP_LINES = 8


def parse_date(match: re.Match[str]) -> date | None:
    """The calendar date a DATE match names, or None when it is not a real day."""
    groups = match.groupdict()
    for n in "123":
        year = groups.get(f"y{n}")
        if year is None:
            continue
        month_text = groups[f"m{n}"]
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text[:3].lower()]
        try:
            return date(int(year), month, int(groups[f"d{n}"]))
        except ValueError:
            return None
    return None


def parse_iso_day(value: str) -> date | None:
    """The day at the start of an ISO date or timestamp ("2023-11-22T10:00Z"), else None."""
    found = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])", value)
    if found is None:
        return None
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def find_dateline(text: str) -> date | None:
    """The publication date printed on a line near the top, if the text has one."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:_TOP_LINES]
    # An update stamp is not the publication date; it is ignored rather than guessed from.
    lines = [line for line in lines if not _UPDATED.match(line)]
    labelled = [day for line in lines if (day := _labelled_date(line))]
    if labelled:
        return labelled[0]
    for line in lines:
        day = _dateline_date(line)
        if day is not None:
            return day
    return None


def latest_named_day(text: str) -> date | None:
    """The latest calendar day the text names in full ("17 January 2018", "Nov. 22, 2023"):
    a report is no older than that."""
    days = [day for found in _DATE_RE.finditer(text) if (day := parse_date(found)) is not None]
    return max(days, default=None)


def _labelled_date(line: str) -> date | None:
    """The date of a "Published: 22 November 2023" line."""
    label = _LABEL.match(line)
    if label is None:
        return None
    found = _DATE_RE.match(line, label.end())
    return parse_date(found) if found else None


def _dateline_date(line: str) -> date | None:
    """A date in the dateline position, or set apart in a short byline or date line."""
    words = len(line.split())
    sentence = words >= _SENTENCE_WORDS and line.rstrip().endswith((".", "!", "?"))
    short = words <= _SHORT_LINE_WORDS and not sentence
    for found in _DATE_RE.finditer(line):
        before, after = line[: found.start()], line[found.end() :]
        opens = _PLACE_PREFIX.match(before) is not None or not before.strip()
        if opens and _DATELINE_AFTER.match(after):
            return parse_date(found)
        if short and (_SEPARATED.search(before) or _TIME_TAIL.match(after)):
            return parse_date(found)
    return None
