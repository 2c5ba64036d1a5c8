"""Whether a figure counts over several attacks: the one place that decides it.

A casualty figure is an aggregate (a claim, never one event's casualties) when the clause
that tells it has a scope wider than one attack: a span of time ("since October", "so far",
"this year", "in the past 24 hours", "over three days of strikes"), a wide place ("across the
country", "nationwide", "in Kharkiv and the Sumy region"), a running sum ("in all",
"altogether", "together", "cumulative"), or a war ("killed in the war"). The decision is made
from the clause the figure belongs to, so "a strike killed three, bringing the toll since
October to 200" gives the three to the strike and the 200 to a claim.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence

from spacy.tokens import Span, Token

from warlog.extract import lexicon as lx
from warlog.extract.casualties import CASUALTY_WORDS, RawCount
from warlog.extract.lexicon import words
from warlog.extract.lookup import ents_within, in_start_order_on, places_from
from warlog.extract.vague import parse_number
from warlog.model import Place

ATTACK_NOUNS = lx.NOUN_TRIGGERS | lx.COUNTED_ATTACK_NOUNS
TOLL_NOUNS = frozenset({"toll", "number", "count", "tally", "total", "figure"})
# Dependencies that open a clause of its own: its cues are not the figure's.
CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "xcomp", "parataxis", "csubj",
                         "pcomp"})
_NUM = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"
# "this year", "the past 24 hours", "over three days", "in the previous week", "to date"; not
# "last week" or "two days ago" (a day an attack is dated by)
# "the first half of the year": a span, and its "first" is no superlative
_PART_OF_YEAR = re.compile(r"\b(?:first|second|last) (?:half|quarter) of\b")
_SPAN_DATE = re.compile(rf"\bthis (?:year|month|week)\b|\bso far\b|\bto date\b|"
                        rf"\b(?:past|previous|last) (?:{_NUM} )?(?:days|weeks|months|years|hours)\b|"
                        rf"\b(?:past|previous) (?:day|week|month|year|24 hours)\b|"
                        rf"\b{_NUM} (?:days|weeks|months|hours)\b|{_PART_OF_YEAR.pattern}")
_DATING = re.compile(r"\b(?:ago|later|earlier|after|before)\b")
_THIS_PERIOD = frozenset({"this year", "this month", "this week"})


def spans_a_period(text: str) -> bool:
    """The text names a span of time a sum is taken over ("so far this year", "to date",
    "in the past 24 hours"), not a day an attack is dated by."""
    lower = text.lower()
    return bool(_SPAN_DATE.search(lower)) and not _DATING.search(lower)


def cue_tokens(sent: Span, places: Sequence[Place] = ()) -> set[int]:
    """The tokens of every scope cue in the sentence (by index); ``places`` are the
    geoparser's, which name places the tagger misses."""
    # the sentence's own places, by bisection on the geoparser's order (not a pass over all)
    near = places_from(places, sent.start_char, sent.end_char,
                       ordered=in_start_order_on(sent.doc, places))
    spans = [(p.span.start, p.span.end) for p in near if p.role == "literal"]
    cues: set[int] = set()
    tokens = list(sent)
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        pair = f"{tok.lower_} {nxt.lower_}" if nxt is not None else ""
        if nxt is not None and pair in lx.AGGREGATE_PHRASES:
            cues.update((tok.i, nxt.i))
        elif nxt is not None and pair in _THIS_PERIOD and not dates_a_superlative(tok):
            # "has killed 200 people this year": the span, where the tagger saw no date in it
            cues.update((tok.i, nxt.i))
        elif _is_cue(tok, nxt.lower_ if nxt is not None else "", spans):
            cues.add(tok.i)
            if tok.lower_ == "since" and tok.dep_ == "mark" and tok.head.dep_ == "advcl":
                cues.add(tok.head.head.i)  # "since the war began, 500 have been killed"
    for ent in ents_within(sent):
        after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
        text = f"{ent.text.lower()} {after}"
        if ent.label_ in ("DATE", "TIME") and _SPAN_DATE.search(text) \
                and not _DATING.search(text) \
                and (_PART_OF_YEAR.search(text) or not dates_a_superlative(ent.root)):
            cues.update(t.i for t in ent)
    return cues


def _is_cue(tok: Token, nxt: str, spans: list[tuple[int, int]]) -> bool:
    lower = tok.lower_
    if lower == "since":
        return not dates_a_superlative(tok)
    if lower in lx.AGGREGATE_WORDS:
        return nxt != "with"  # "together with his family" sums nothing
    if tok.pos_ == "VERB" and tok.lemma_.lower() in lx.TALLY_VERBS:
        # "the monitor has documented 1,500 deaths"; but a count dated by the hour or the
        # day ("by 7 p.m. the ministry counted 23 people killed") is one attack's toll
        return not _dated_to_a_day(tok.sent)
    return (lower == "across" and _wide_place(tok)
            or lower in ("in", "during", "throughout", "from") and _in_a_war(tok)
            or lower in ("in", "from") and _several_places(tok, spans)
            or _the_war(tok)  # "the war has killed 500 people"
            or _several_attacks(tok))


def _dated_to_a_day(sent: Span) -> bool:
    """The sentence names a time of day or a day ("by 7 p.m.", "on Friday evening")."""
    for ent in ents_within(sent):
        if ent.label_ == "TIME":
            return True
        if ent.label_ == "DATE" and any(w in _DAY_WORDS for w in ent.text.lower().split()):
            return True
    return False


def dates_a_superlative(tok: Token) -> bool:
    """"the deadliest attack since 2019", "for the first time this year", "the heaviest
    loss in raids since the war began": the span dates a comparison, it sums nothing."""
    window = tok.doc[max(tok.sent.start, tok.i - 8):tok.i]
    for t in reversed(window):
        if t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" or t.text in (";", ":"):
            break
        if (t.tag_ in ("JJS", "RBS") and not _bounds_a_figure(t)) \
                or t.lemma_.lower() in lx.COMPARISON_WORDS:
            return True
    node = tok.head
    for _ in range(3):
        if node.pos_ in ("NOUN", "PROPN", "ADJ") and (
                node.tag_ == "JJS" or node.lemma_.lower() in lx.COMPARISON_WORDS or any(
                    c.tag_ in ("JJS", "RBS") or c.lemma_.lower() in lx.COMPARISON_WORDS
                    for c in node.children)):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _bounds_a_figure(tok: Token) -> bool:
    """"at least 200 killed since January", "at most": a bound on a figure, no comparison."""
    return tok.lower_ in ("least", "most") and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "at"


def _several_attacks(tok: Token) -> bool:
    """"in two separate attacks", "in multiple strikes", "a series of bombings": the
    figure is told of several attacks at once."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in ATTACK_NOUNS:
        return False
    for child in tok.children:
        if child.dep_ == "nummod" and child.like_num and (parse_number(child.text) or 0) >= 2:
            return True
        if child.dep_ == "amod" and child.lower_ in lx.SEVERAL_WORDS:
            return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" \
        and tok.head.head.lemma_.lower() in lx.RUN_NOUNS


def _plural_attacks(tokens: Iterable[Token]) -> bool:
    """"attacks killed 254 people in August": a plural of attacks the clause tells."""
    return any(t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() in ATTACK_NOUNS for t in tokens)


def period_tokens(sent: Span) -> set[int]:
    """Dates that name a month or a year and no day ("in August", "in 2023", "last
    month"): a period, which sums what a plural of attacks did in it."""
    out: set[int] = set()
    for ent in ents_within(sent):
        if ent.label_ != "DATE":
            continue
        words = ent.text.lower().replace(",", " ").split()
        if any(w in _DAY_WORDS for w in words) or any(w.isdigit() and len(w) <= 2 for w in words):
            continue
        if any(w in _MONTHS or w in ("month", "year") or (w.isdigit() and len(w) == 4)
               for w in words):
            out.update(t.i for t in ent)
    return out


_MONTHS = frozenset(words("""january february march april may june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec"""))
_DAY_WORDS = frozenset(words("""monday tuesday wednesday thursday friday saturday sunday today
    yesterday tonight overnight night morning afternoon evening dawn day"""))


def _the_war(tok: Token) -> bool:
    """"the war has killed 500 people", "the conflict has left 2,000 dead"."""
    return tok.lemma_.lower() in lx.WAR_NOUNS and tok.dep_ == "nsubj" \
        and tok.head.lemma_.lower() in ("kill", "claim", "leave", "wound", "injure", "displace") \
        and any(c.dep_ in ("det", "poss") for c in tok.children)


def _wide_place(prep: Token) -> bool:
    """"across the country", "across the region", "across Ukraine": a place and all in it."""
    return any(o.dep_ == "pobj" for o in prep.children)


def _in_a_war(prep: Token) -> bool:
    """"killed in the war", "during the conflict": the figure is the war's, not an attack's."""
    return any(o.dep_ == "pobj" and o.lemma_.lower() in lx.WAR_NOUNS for o in prep.children)


def _several_places(prep: Token, spans: list[tuple[int, int]]) -> bool:
    """"killed in Kharkiv and the Sumy region": figures told of several places at once."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    if not objs:
        return False
    first = objs[0]
    places = [first, *(c for c in first.children if c.dep_ == "conj")]
    return len(places) >= 2 and all(_is_a_place(p, spans) for p in places)


def _is_a_place(tok: Token, spans: list[tuple[int, int]]) -> bool:
    if tok.ent_type_ in ("GPE", "LOC") or any(a <= tok.idx < b for a, b in spans):
        return True
    return tok.lemma_.lower() in lx.AREA_NOUNS and any(
        c.ent_type_ in ("GPE", "LOC") or c.pos_ == "PROPN" for c in tok.children)


def clause_head(tok: Token) -> Token:
    """The verb (or the root) of the clause a token belongs to."""
    node = tok
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node


def clause_tokens(head: Token) -> Iterator[Token]:
    """The clause's own tokens: its subtree without the clauses embedded in it."""
    stack = [head]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(c for c in node.children if c.dep_ not in CLAUSE_DEPS
                     and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))


def _anchor(sent: Span, start: int, end: int) -> Token | None:
    """The token of a figure's span that stands highest in the parse."""
    inside = [t for t in sent if start <= t.idx < end]
    if not inside:
        return None
    return min(inside, key=lambda t: len(list(t.ancestors)))


_TOLL_VERBS = CASUALTY_WORDS | frozenset({"displace", "maim"})


def in_aggregate_clause(tok: Token, cues: set[int]) -> bool:
    """Whether the clause the token belongs to has a scope cue; a clause joined by "and"
    shares the scope of the clause before it ("across the country 30 died and 90 were hurt")."""
    head = clause_head(tok)
    toll = tok if tok.lemma_.lower() in TOLL_NOUNS else tok.head
    if toll.lemma_.lower() in TOLL_NOUNS and any(t.i in cues for t in toll.subtree):
        return True  # "the number of troops killed since January", "the toll for two days"
    heads = [head]
    while head.dep_ == "conj" and head.head.i != head.i:
        head = clause_head(head.head)
        heads.append(head)
    # and the other way: "have wounded 45 sailors and killed three since November", a
    # verb joined after with no subject of its own shares the subject and the scope, when it
    # too counts the dead or hurt; what befell them after ("were wounded and taken to
    # hospitals across the city") scopes no figure
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "conj"
              and c.pos_ == "VERB" and c.lemma_.lower() in _TOLL_VERBS
              and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    # a figure under a toll noun ("the toll for two days of blasts stood at 37") reads the
    # noun's modifiers too, which a clause from the verb down already includes
    # "21 were hurt when drones were flown at bases in Iraq and Syria": the clause that
    # tells how the figure came about is part of its scope
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "advcl" and any(
        m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "while", "after")
        for m in c.children)]
    tokens = [t for h in heads for t in clause_tokens(h)]
    # the figure's own phrase: "hits a hospital, dozens killed across Ukraine"
    if tok.pos_ in ("NOUN", "NUM", "PRON"):
        seen = {u.i for u in tokens}
        tokens += [t for t in tok.subtree if t.i not in seen]
    if any(t.i in cues for t in tokens):
        return True
    # "attacks killed 254 people in August"; but "killed in May in attacks near Palmyra"
    # tells attacks at a place, which are told events
    periods = period_tokens(tok.sent)
    return any(t.i in periods for t in tokens) and _plural_attacks(tokens) \
        and not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in tokens)


def aggregate_counts(sent: Span, counts: Iterable[RawCount], *, places: Sequence[Place] = (),
                     extra: Collection[int] = ()) -> list[RawCount]:
    """The figures of the sentence that count over several attacks; ``extra`` holds the
    attack nouns the caller found counted ("66 attacks, in which 62 were injured"), which
    make every figure of the sentence a sum."""
    if extra:
        return list(counts)  # a sentence that counts attacks sums their dead
    cues = cue_tokens(sent, places)
    if not cues and not period_tokens(sent):
        return []
    out = []
    for count in counts:
        anchor = _anchor(sent, count.start_char, count.end_char)
        if anchor is not None and (in_aggregate_clause(anchor, cues)
                                   or _continues_a_list(sent, anchor, cues)):
            out.append(count)
    return out


def _continues_a_list(sent: Span, anchor: Token, cues: set[int]) -> bool:
    """"…since January counts 12 soldiers killed; five militants have been killed": a part
    after a semicolon that names no attack and no day of its own continues the tally before."""
    stops = [t.i for t in sent if t.text == ";"]
    before = [i for i in stops if i < anchor.i]
    if not before:
        return False
    after = next((i for i in stops if i > anchor.i), sent.end)
    part = sent.doc[before[-1] + 1:after]
    if any(t.lemma_.lower() in lx.NOUN_TRIGGERS | lx.WEAPON_NOUNS or t.ent_type_ in ("DATE", "TIME")
           for t in part):
        return False
    start = before[-2] + 1 if len(before) > 1 else sent.start
    return any(start <= i < before[-1] for i in cues)


def event_counts(sent: Span, counts: tuple[RawCount, ...], *,
                 places: Sequence[Place] = ()) -> tuple[RawCount, ...]:
    """The sentence's figures that may be one event's: all but the aggregates."""
    aggregates = {(c.field, c.start_char) for c in aggregate_counts(sent, counts, places=places)}
    return tuple(c for c in counts if (c.field, c.start_char) not in aggregates)
