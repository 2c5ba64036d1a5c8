"""The time of one mention: the date in its own clause, else the day named earlier in its
paragraph; and whether it is told as earlier than the story."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from warlog.extract import lexicon as lx
from warlog.extract.aggregates import dates_a_superlative
from warlog.extract.clauses import (
    LONG_UNITS,
    clause_chars,
    is_dateline,
    is_headline,
    long_after,
    reads_as_heading,
    time_scope,
)
from warlog.extract.dates import is_time_phrase, resolve_time
from warlog.extract.lookup import doc_text, ents_within
from warlog.model import Span as TextSpan
from warlog.model import Time

# "a day later", "two days later", "the next day", "the following morning", "the day after"
LATER = re.compile(r"^(?:(?P<n>an?|one|two|three|four|five|six|seven|\d+) (?P<unit>days?|weeks?) "
                   r"(?:later|after(?:wards?)?)|the (?:next|following) (?:day|morning|afternoon|evening|night)"
                   r"|the day after|next day)$")
EARLIER = re.compile(r"\b(?:previous|prior) (?:year|month|week)\b|\blast (?:year|month)\b")


STATEMENT_VERBS = frozenset({"condemn", "denounce", "deplore", "decry"})


# A day opening a log entry: "05 MAR 2024:", "June 12 —", "12 June 2024 -".
_ENTRY_DAY = re.compile(r"^[\s\-–—•*]*(\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{4})?|[A-Za-z]{3,9}\.?\s+\d{1,2}"
                        r"(?:,?\s+\d{4})?)\s*(?::|\s[—–-])\s", re.MULTILINE)


def entry_day(sent: Span, *, published: date | None) -> Time | None:
    """The day a log entry opens with, set off by a colon or a dash ("05 MAR 2024: CENTCOM
    reported…", "June 12 — Militants fired on…"): the day of all the entry tells."""
    text = doc_text(sent.doc)
    line_start = text.rfind("\n", 0, sent.start_char) + 1  # the entry's line, whichever sentence
    match = _ENTRY_DAY.match(text, line_start, sent.end_char)
    if match is None or not is_time_phrase(match.group(1)):
        return None
    resolved = resolve_time(match.group(1), published=published)
    if resolved.start is None or resolved.precision != "day":
        return None
    begin = match.start(1)
    return Time(text=match.group(1), start=resolved.start, end=resolved.end, precision="day",
                span=TextSpan(start=begin, end=begin + len(match.group(1))))


def pick_time(sent: Span, head: Token, *, published: date | None) -> Time | None:
    """The time expression that dates the attack, not the report of it."""
    reporting = {a.i for a in head.ancestors if a.lemma_.lower() in lx.REPORTING_VERBS}
    # the day told before a statement about the attack dates the statement ("UN officials
    # on Friday condemned an attack…"); one told after it may be the attack's ("condemned
    # the bombing of a market on Monday")
    stating = {a.i for a in head.ancestors if a.lemma_.lower() in STATEMENT_VERBS}
    scope = time_scope(head)
    # "digging on Tuesday after a blast tore through the camp late on Monday night": a day
    # in the attack's own clause outranks one of the clause it hangs from
    own = clause_chars(head)
    best: tuple[tuple[int, int], Time] | None = None
    for ent in ents_within(sent):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        phrase = _with_qualifier(ent)
        if not is_time_phrase(phrase):
            continue
        if ent.start_char not in scope and not _inside_report(ent, head):
            continue  # "…said the missile was built in May 2023": another clause's date
        if _is_since(ent) or (_attached_to(ent, reporting, head) and not _inside_report(ent, head)):
            continue
        if ent.start_char < head.idx and _attached_to(ent, stating, head):
            continue
        if len(ent) == 1 and _defers_to_a_day(ent.root):
            continue
        resolved = resolve_time(phrase, published=published)
        if resolved.start is None:
            continue
        if resolved.precision != "day" and dates_a_superlative(ent[0]):
            continue  # "the deadliest attack this year": a comparison's span, no attack's day
        distance = (0 if ent.start_char in own else 1, abs(ent.root.i - head.i))
        time = Time(text=ent.text, start=resolved.start, end=resolved.end,
                    precision=resolved.precision,
                    span=TextSpan(start=ent.start_char, end=ent.end_char))
        if best is None or distance < best[0]:
            best = (distance, time)
    if best is None:
        return _bare_time_word(sent, head, scope, published=published)
    return best[1]


def _bare_time_word(sent: Span, head: Token, scope: set[int], *, published: date | None) -> Time | None:
    """"Ukrainian drones hit a refinery overnight": a time word outside any entity."""
    for tok in sent:
        if tok.lower_ in lx.BARE_TIME_WORDS and tok.idx in scope and not tok.ent_type_:
            if _defers_to_a_day(tok):
                continue
            resolved = resolve_time(tok.text, published=published)
            if resolved.start is not None:
                return Time(text=tok.text, start=resolved.start, end=resolved.end,
                            precision=resolved.precision,
                            span=TextSpan(start=tok.idx, end=tok.idx + len(tok.text)))
    return None


def _defers_to_a_day(tok: Token) -> bool:
    """"overnight from Saturday into Sunday": a bare time word on a phrase that names the
    day leaves the dating to the day."""
    return tok.lower_ in lx.BARE_TIME_WORDS and tok.head.pos_ == "ADP" \
        and any(t.ent_type_ == "DATE" for t in tok.head.subtree)


def later_time(sent: Span, head: Token, *, published: date | None) -> Time | None:
    """"A day later, a mine exploded…": the day counted from the last day named before the
    sentence in the report (any paragraph), when the trigger's clause says so."""
    scope = time_scope(head)
    for ent in ents_within(sent):
        found = LATER.match(ent.text.lower().strip()) if ent.label_ in ("DATE", "TIME") else None
        if found is None or ent.start_char not in scope:
            continue
        anchor = _last_day_before(sent, published=published)
        if anchor is None:
            return None
        days = _count(found.group("n")) * (7 if (found.group("unit") or "").startswith("week") else 1)
        day = anchor + timedelta(days=days)
        if published is not None and day > published:
            return None
        return Time(text=ent.text, start=day, end=day, precision="day",
                    span=TextSpan(start=ent.start_char, end=ent.end_char))
    return None


def _count(word: str | None) -> int:
    """"a", "two", "3" → 1, 2, 3; no number ("the next day") is one."""
    if word is None:
        return 1
    return int(word) if word.isdigit() else {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3,
                                             "four": 4, "five": 5, "six": 6, "seven": 7}[word]


def _last_day_before(sent: Span, *, published: date | None) -> date | None:
    """The day of the last date phrase before the sentence that names one."""
    doc = sent.doc
    index = sent.start
    while index > 0:
        earlier = doc[index - 1].sent
        if not is_dateline(earlier):
            for ent in reversed(ents_within(earlier)):
                if ent.label_ != "DATE" or not is_time_phrase(ent.text) or _is_since(ent):
                    continue
                resolved = resolve_time(_with_qualifier(ent), published=published)
                if resolved.start is not None and resolved.precision == "day":
                    return resolved.start
        index = earlier.start
    return None


def told_as_earlier(sent: Span, head: Token) -> bool:
    """"Earlier in the year, …", "two years ago", "one year before", "last year": the attack
    is dated before the story the report tells ("earlier on Monday", "earlier this week",
    "two days ago" may date the story itself); "a month after the massacre in X, where
    gunmen killed 160": the massacre and what its phrase tells are before the story ("two
    days after the attack" may be the story's own)."""
    scope = time_scope(head)
    if any(t.idx in scope and _earlier_word(t) for t in sent):
        return True
    if any(t.dep_ == "pobj" and long_after(t.head) for t in (head, *head.ancestors)):
        return True
    return any(e.label_ == "DATE" and e.start_char in scope and EARLIER.search(e.text.lower())
               for e in ents_within(sent))


SAME_PERIOD = frozenset({"today", "tonight", "on", "this", "that"})
SHORT_UNITS = frozenset({"minute", "hour", "moment", "second", "day"})


def _earlier_word(tok: Token) -> bool:
    lower = tok.lower_
    if lower == "earlier":
        # "a few hours earlier", "minutes earlier": the story's own day, as "two days ago"
        span = [c for c in tok.children if c.dep_ == "npadvmod"] + list(tok.doc[max(tok.i - 3, 0):tok.i])
        if any(t.lemma_.lower() in SHORT_UNITS for t in span):
            return False
        after = tok.nbor() if tok.i + 1 < len(tok.doc) else None
        return after is None or after.lower_ not in SAME_PERIOD and not (
            after.lower_ == "in" and tok.i + 3 < len(tok.doc) and tok.doc[tok.i + 3].lower_ == "day")
    if lower in ("ago", "before"):
        # "two years ago", "one year before"; not "two days ago" nor a bare "before"
        return any(c.dep_ == "npadvmod" and c.lower_ in LONG_UNITS for c in tok.children)
    return False


def _earlier_in_paragraph(sent: Span) -> Iterator[Span]:
    """The sentences before ``sent`` in its paragraph, nearest first, datelines and
    headlines left out. Walks back from the sentence, not over the whole document: this
    runs once per attack mention."""
    doc = sent.doc
    paragraph_start = doc_text(doc).rfind("\n\n", 0, sent.start_char)
    index = sent.start
    while index > 0:
        earlier = doc[index - 1].sent
        if earlier.start_char < paragraph_start:
            break
        if not is_dateline(earlier) and not is_headline(earlier):
            yield earlier
        index = earlier.start


def context_time(sent: Span, *, published: date | None) -> Time | None:
    """The last day named in the sentences before, within the same paragraph; not the day
    of a statement ("the spokesman told a news conference on Saturday that…"), which
    dates the telling, not what it tells."""
    for earlier in _earlier_in_paragraph(sent):
        for ent in reversed(ents_within(earlier)):
            if ent.label_ != "DATE" or not is_time_phrase(ent.text) or _is_since(ent) \
                    or _on_a_statement(ent):
                continue
            resolved = resolve_time(_with_qualifier(ent), published=published)
            if resolved.start is not None and resolved.precision == "day":
                return Time(text=ent.text, start=resolved.start, end=resolved.end,
                            precision="day", span=TextSpan(start=ent.start_char, end=ent.end_char))
    return None


def sentence_day(sent: Span, head: Token, *, published: date | None) -> Time | None:
    """The day the mention's own sentence names outside its clause, on a verb of attack or
    harm ("blunting the first attack on Israel, by the drones Iran launched overnight from
    Saturday into Sunday"): the earliest, when the days it names lie within a day of each
    other (a night across two dates); none when they are apart. A date on a statement
    ("which the ministry condemned on Tuesday"), on another attack's noun ("the April 1
    strike") or a start ("since Monday") dates no attack."""
    days: list[Time] = []
    for ent in ents_within(sent):
        if ent.label_ != "DATE" or not is_time_phrase(ent.text) or _is_since(ent):
            continue
        if not _on_an_attack_verb(ent):
            continue
        resolved = resolve_time(_with_qualifier(ent), published=published)
        if resolved.start is None or resolved.precision != "day":
            continue
        days.append(Time(text=ent.text, start=resolved.start, end=resolved.end, precision="day",
                         span=TextSpan(start=ent.start_char, end=ent.end_char)))
    if not days:
        return None
    first = min(days, key=lambda t: t.start or date.max)
    last = max(days, key=lambda t: t.start or date.min)
    if first.start is None or last.start is None or (last.start - first.start).days > 1:
        return None
    return first


ATTACK_OR_HARM_VERBS = lx.VERB_TRIGGERS | frozenset({"wound", "injure", "hurt", "die"})


def _on_a_statement(ent: Span) -> bool:
    """The date is said of a verb of telling: "said on Tuesday", "told reporters on
    Saturday", "said Monday" (not "said that three days after the April 15 bombing…",
    where the date is the bombing's)."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ == "on":
        root = root.head
    elif root.dep_ not in ("npadvmod", "tmod"):
        return False
    return root.head.pos_ in ("VERB", "AUX") and root.head.lemma_.lower() in lx.REPORTING_VERBS


def _on_an_attack_verb(ent: Span) -> bool:
    """The date's nearest verb is one of attack or harm."""
    verb = _nearest_verb(ent)
    return verb is not None and verb.lemma_.lower() in ATTACK_OR_HARM_VERBS


def section_time(sent: Span, *, published: date | None) -> Time | None:
    """The day of the dated section the sentence is in: in a roundup or live blog told
    under dated headings ("Feb. 11 — Kathua", "Monday, 26 February"), the nearest such
    heading above it."""
    found = _section_at(sent, published=published)
    return found[1] if found is not None else None


def section_start(sent: Span, *, published: date | None) -> int:
    """Where the dated section the sentence is in begins (-1 outside any)."""
    found = _section_at(sent, published=published)
    return found[0] if found is not None else -1


def _section_at(sent: Span, *, published: date | None) -> tuple[int, Time] | None:
    """(start, day) of the nearest dated heading above the sentence (none past a sibling
    heading that names no day)."""
    days = _section_days(sent.doc, published=published)
    at = bisect_right([start for start, _ in days], sent.start_char) - 1
    if at < 0:
        return None
    start, day = days[at]
    return (start, day) if day is not None else None


_SECTIONS_KEY = "warlog.timing.sections"
# the parts of a heading: "Feb. 11 — Kathua: village attacked" → "Feb. 11", "Kathua", …
_HEADING_PARTS = re.compile(r"\s+[—–-]+\s+|:\s+|\s+\|\s+")
_WEEKDAY_ONLY = re.compile(r"(?i)^(?:(?:early|late)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                           r"(?:\s+(?:morning|afternoon|evening|night))?$")


# A numbered heading: "2. INCIDENT 061-A — …", "4) Other activity".
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s")


def _section_days(doc: Doc, *, published: date | None) -> list[tuple[int, Time | None]]:
    """(start, day) of each dated heading, in text order. A heading is a run of one or two
    lines past the title that read as headings, with nothing but blank lines between them
    (a longer run is a list: "Monday evening: 6 dead", "Tuesday: 11", …); it is dated by the
    last of its lines that opens or closes with a day (``_day_heading``: "Issued: 07 MAR"
    above "1. INCIDENT — 06 MAR" is the page's line, the second the section's). Left out:
    a heading above the first paragraph that names the day of publication (the page's
    date line, not a section's). A numbered heading that names no day, after numbered
    dated ones, ends the section before it (a None day). Empty unless two headings name
    different days. Made once per Doc and kept on it."""
    kept = doc.user_data.get(_SECTIONS_KEY)
    if isinstance(kept, tuple) and kept[0] == published:
        return list(kept[1])
    text = doc_text(doc)
    heads = _heading_runs(text)
    dates = [e for e in ents_within(doc[:]) if e.label_ == "DATE"]
    found: list[tuple[int, Time | None]] = []
    for number, (run, body_before) in enumerate(heads):
        if not 0 < len(run) <= 2:
            continue
        end = heads[number + 1][0][0][0] if number + 1 < len(heads) else len(text)
        below = [e for e in dates if run[-1][0] < e.start_char < end]
        earlier = next((d for _, d in reversed(found) if d is not None), None)
        day = next((d for d in (_day_heading(line, at, published=published, below=below,
                                             earlier=earlier) for at, line in reversed(run))
                    if d is not None), None)
        if day is not None and (body_before or day.start != published):
            found.append((run[0][0], day))
        elif day is None and found and _NUMBERED.match(run[0][1]) and _NUMBERED.match(
                text[found[-1][0]:found[-1][0] + 8]):
            # "4. OTHER ACTIVITY" after "3. INCIDENT — 04 MAR 2024": a numbered sibling
            # that names no day ends the dated section before it
            found.append((run[0][0], None))
    if len({day.start for _, day in found if day is not None}) < 2:
        found = []
    doc.user_data[_SECTIONS_KEY] = (published, tuple(found))
    return found


def _heading_runs(text: str) -> list[tuple[list[tuple[int, str]], bool]]:
    """The runs of heading lines past the title, each with whether a paragraph comes
    before it: (start, stripped line) of each line of the run."""
    runs: list[tuple[list[tuple[int, str]], bool]] = []
    run: list[tuple[int, str]] = []
    body_seen = False
    start = 0
    for number, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if stripped and number > 0:
            if reads_as_heading(stripped):
                if not run:
                    runs.append((run, body_seen))
                run.append((start + line.index(stripped), stripped))
            else:
                run = []
                body_seen = True
        start += len(line) + 1
    return runs


def _day_heading(line: str, offset: int, *, published: date | None, below: Sequence[Span],
                 earlier: Time | None) -> Time | None:
    """The day a heading line opens with, if any. A bare weekday ("Tuesday: the pagers")
    is the day of that weekday its section names ("… on September 17, …"), else the first
    such weekday after the heading before it, else the last one before publication."""
    parts = _HEADING_PARTS.split(line)
    # the day opens the heading ("Feb. 11 — Kathua") or closes it ("INCIDENT 2 — M/V
    # SKY — 04 MAR 2024")
    for first in dict.fromkeys((parts[0], parts[-1])):
        if is_time_phrase(first):
            resolved = resolve_time(first, published=published)
            if resolved.start is not None and resolved.precision == "day":
                offset += line.rfind(first) if first is not parts[0] else 0
                break
    else:
        return None
    day = resolved.start
    if _WEEKDAY_ONLY.match(first):
        named = (resolve_time(e.text, published=published) for e in below)
        told = next((r.start for r in named
                     if r.start is not None and r.precision == "day"
                     and r.start.weekday() == day.weekday()), None)
        after = None if earlier is None or earlier.start is None else \
            earlier.start + timedelta(days=(day.weekday() - earlier.start.weekday()) % 7 or 7)
        if told is not None:
            day = told
        elif after is not None and (published is None or after <= published):
            day = after
    return Time(text=first, start=day, end=day, precision="day",
                span=TextSpan(start=offset, end=offset + len(first)))


def _with_qualifier(ent: Span) -> str:
    """"early Wednesday": the qualifier sits outside the entity as often as inside."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in ("early", "late", "last", "this", "next"):
        return f"{before.text} {ent.text}"
    return ent.text


def _is_since(ent: Span) -> bool:
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    # "as of Oct. 17" bounds a count; "the early hours of Friday" dates the attack
    as_of = before is not None and before.lower_ == "of" and ent.start > 1 \
        and ent.doc[ent.start - 2].lower_ == "as"
    # "the campaign that began on 19 Nov": the day something began, not an attack's
    began = before is not None and ent.start > 1 and (
        before.lower_ == "on" and ent.doc[ent.start - 2].lemma_.lower() in ("begin", "start")
        or before.lemma_.lower() in ("begin", "start") and before.pos_ == "VERB")
    # "by Friday the authorities said six had died": the day a count stood, as "as of"
    return (before is not None and before.lower_ in ("since", "until", "by")) or as_of or began or \
        ent.text.lower().startswith(("since", "the past", "past"))


def _inside_report(ent: Span, head: Token) -> bool:
    """"…when a drone bombed villagers on Sunday night, the agency said on Tuesday": a date
    before the closing attribution's speaker is part of what was reported."""
    verb = next((a for a in head.ancestors if a.lemma_.lower() in lx.REPORTING_VERBS), None)
    if verb is None or verb.i < head.i:
        return False
    speakers = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(speakers) and ent.end <= speakers[0].left_edge.i and ent.start > head.i


def _attached_to(ent: Span, verbs: set[int], head: Token) -> bool:
    """True when the date's nearest verb is a reporting verb above the trigger; a date on
    the trigger's own phrase ("claimed Friday's attack") is the trigger's."""
    verb = _nearest_verb(ent, stop=head)
    return verb is not None and verb.i in verbs


def _nearest_verb(ent: Span, *, stop: Token | None = None) -> Token | None:
    """The first verb above the date, within four steps; none when ``stop`` comes first."""
    node = ent.root
    for _ in range(4):
        node = node.head
        if stop is not None and node.i == stop.i:
            return None
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            break
    return None
