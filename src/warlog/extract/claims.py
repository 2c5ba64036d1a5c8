"""Aggregate figures a report states: "the 66th attack since…", "of the 66 attacks, 32 in…"."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from warlog.extract.actors import CountryOf
from warlog.extract.attribution import said_by
from warlog.extract.casualties import find_counts
from warlog.extract.dates import resolve_time
from warlog.extract.lookup import ents_within
from warlog.extract.vague import parse_number
from warlog.model import Claim, ClaimKind, Qualifier, Scope
from warlog.model import Span as TextSpan

COUNTED_NOUNS = frozenset({"attack", "strike", "assault", "incident", "bombing", "raid"})
AGGREGATE_CUES = frozenset({"since", "total", "tally", "so far", "in all", "overall", "past",
                            "altogether", "cumulative", "of the", "toll"})


def find_claims(doc: Doc, *, published: date | None, country_of: CountryOf) -> tuple[Claim, ...]:
    """Every aggregate claim, one per distinct figure, in text order."""
    found: list[Claim] = []
    for sent in doc.sents:
        attack_claims = [c for tok in sent if (c := _attack_claim(tok, sent, published=published,
                                                                   country_of=country_of))]
        found.extend(attack_claims)
        if attack_claims or is_aggregate_sentence(sent):
            found.extend(_casualty_claims(doc, sent, published=published, country_of=country_of))
    return tuple(_merge_same(found))


def _attack_claim(tok: Token, sent: Span, *, published: date | None,
                  country_of: CountryOf) -> Claim | None:
    lemma = tok.lemma_.lower()
    if not ((lemma in COUNTED_NOUNS and tok.pos_ == "NOUN")
            or (lemma in ("attack", "strike", "target", "hit") and tok.pos_ == "VERB")):
        return None
    number, qualifier = _figure_of(tok)
    if number is None:
        return None
    return Claim(
        kind="attack_count", value=number, qualifier=qualifier,
        since=_since(sent, published=published), as_of=_as_of(sent, published=published),
        scope=Scope(target=_scope_target(tok), countries=_countries(tok, country_of)),
        breakdown=_breakdown(sent, skip=number, country_of=country_of),
        said_by=_first(said_by(sent, tok)),
        span=TextSpan(start=sent.start_char, end=sent.end_char),
    )


def _figure_of(tok: Token) -> tuple[int | None, Qualifier]:
    """"66th attack" → (66, ordinal); "66 attacks" → (66, exact); "at least 70 attacks";
    "had been attacked 165 times"."""
    if tok.pos_ == "VERB":
        for child in tok.children:
            if child.lower_ == "times":
                nums = [c for c in child.children if c.like_num]
                value = parse_number(nums[0].text) if nums else None
                if value is not None and value > 4:
                    return value, _qualifier(nums[0])
        return None, "exact"
    for child in tok.children:
        if child.ent_type_ == "ORDINAL" or child.lower_.endswith(("th", "st", "nd", "rd")) and \
                child.lower_[:-2].isdigit():
            value = parse_number(child.text)
            if value is not None and value > 1:
                return value, "ordinal"
        if child.dep_ == "nummod" and child.like_num and tok.tag_ == "NNS" \
                and not _is_a_date(child):
            value = parse_number(child.text)
            if value is not None and value > 4:
                return value, _qualifier(child)
    return None, "exact"


def _is_a_date(num: Token) -> bool:
    """"the September 11, 2001 attacks": a year names the attacks, it counts none."""
    if num.ent_type_ in ("DATE", "TIME", "EVENT"):
        return True
    before = num.doc[num.i - 1] if num.i > 0 else None
    year_like = num.text.isdigit() and len(num.text) == 4 and 1800 <= int(num.text) <= 2100
    return year_like and before is not None and (before.text == "," or before.ent_type_ == "DATE")


def _qualifier(num: Token) -> Qualifier:
    words = " ".join(t.lower_ for t in num.subtree if t.i < num.i)
    if "at least" in words:
        return "at_least"
    if "more than" in words or "over" in words.split():
        return "more_than"
    if any(w in words.split() for w in ("about", "approximately", "around", "nearly", "roughly",
                                        "some", "almost")):
        return "approximately"
    return "exact"


def _since(sent: Span, *, published: date | None) -> date | None:
    for ent in ents_within(sent):
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if ent.label_ == "DATE" and before is not None and before.lower_ == "since":
            return resolve_time(ent.text, published=published).start
    return None


def _as_of(sent: Span, *, published: date | None) -> date | None:
    """"As of Nov. 30, 78 attacks…": the day the figure stands at, else the report's day."""
    for ent in ents_within(sent):
        before = ent.doc[ent.start - 2 : ent.start] if ent.start > 1 else None
        if ent.label_ == "DATE" and before is not None and before.text.lower() in ("as of", "as at"):
            day = resolve_time(ent.text, published=published)
            if day.precision == "day" and day.start is not None:
                return day.start
    return published


def _scope_target(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "against"):
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                words = [t for t in objs[0].subtree if t.i <= objs[0].i]
                return " ".join(t.text for t in words).replace(" - ", "-").replace(" -", "-")
    return None


def _countries(tok: Token, country_of: CountryOf) -> tuple[str, ...]:
    # "attacks on U.S. forces in Iraq": where they happened, not whose forces were hit
    codes = [country_of(t.text) for t in tok.subtree if t.ent_type_ == "GPE" and not _modifies(t)]
    return tuple(sorted({c for c in codes if c}))


def _modifies(tok: Token) -> bool:
    """Whether a place name qualifies a noun ("U.S. forces", "United States bases")."""
    node = tok
    while node.head is not node and node.head.ent_type_ == "GPE" and node.dep_ == "compound":
        node = node.head
    return node.dep_ in ("compound", "amod", "nmod", "poss") and node.head.ent_type_ != "GPE"


def _breakdown(sent: Span, *, skip: int, country_of: CountryOf) -> tuple[tuple[str, int], ...]:
    """"32 occurred in Iraq, and 34 in Syria": a figure, then "in" and a country."""
    parts: dict[str, int] = {}
    tokens = list(sent)
    for i, tok in enumerate(tokens):
        if not tok.like_num:
            continue
        value = parse_number(tok.text)
        if value is None or value == skip:
            continue
        for j in range(i + 1, min(i + 5, len(tokens) - 1)):
            if tokens[j].lower_ == "in" and tokens[j + 1].ent_type_ == "GPE":
                code = country_of(_ent_text(tokens[j + 1]))
                if code and code not in parts:
                    parts[code] = value
                break
            if tokens[j].like_num:
                break
    return tuple(sorted(parts.items())) if len(parts) >= 2 else ()


def _ent_text(tok: Token) -> str:
    for ent in ents_within(tok.sent):
        if ent.start <= tok.i < ent.end:
            return ent.text
    return tok.text


def _is_aggregate(sent: Span) -> bool:
    text = sent.text.lower()
    return any(cue in text for cue in AGGREGATE_CUES) and any(
        t.lemma_.lower() in COUNTED_NOUNS and t.tag_ == "NNS" for t in sent)


_MORE_THAN = re.compile(r"\b(?:more than|over|upwards of)\b")
WIDE_SCOPE = ("since", "so far", "in all", "in total", "overall", "altogether", "the war",
              "the conflict", "this year", "last year", "the past", "cumulative", "toll in")


def is_aggregate_sentence(sent: Span) -> bool:
    """A sentence about totals over a period or a war, not about one attack."""
    text = " ".join(sent.text.lower().split())
    return _is_aggregate(sent) or any(cue in text for cue in WIDE_SCOPE)


def _casualty_claims(doc: Doc, sent: Span, *, published: date | None,
                     country_of: CountryOf) -> list[Claim]:
    out = []
    for raw in find_counts(doc, sent):
        q = raw.quantity
        value = q.best if q.best is not None else q.low
        if value is None or value < 2:
            continue
        kind: ClaimKind = "killed_count" if raw.field == "killed" else "injured_count"
        qualifier: Qualifier = "exact" if q.best is not None and q.low == q.high else (
            "approximately" if q.best is not None else "at_least")
        if qualifier == "at_least" and _MORE_THAN.search(raw.text.lower()) and q.low is not None:
            # "more than 30,000 killed": the figure said is 30,000, its bound 30,001
            value, qualifier = q.low - 1, "more_than"
        out.append(Claim(kind=kind, value=value, qualifier=qualifier, since=None,
                         as_of=_as_of(sent, published=published),
                         scope=Scope(target=None, countries=_countries(sent.root, country_of)),
                         span=TextSpan(start=sent.start_char, end=sent.end_char)))
    return out


def _merge_same(claims: list[Claim]) -> list[Claim]:
    """The same figure told twice ("the 66th attack", "of the 66 attacks") is one claim."""
    merged: list[Claim] = []
    for claim in claims:
        twin = next((m for m in merged if m.kind == claim.kind and m.value == claim.value), None)
        if twin is None:
            merged.append(claim)
            continue
        index = merged.index(twin)
        merged[index] = replace(
            twin,
            since=twin.since or claim.since,
            breakdown=twin.breakdown or claim.breakdown,
            scope=Scope(target=twin.scope.target or claim.scope.target,
                        countries=tuple(sorted(set(twin.scope.countries) | set(claim.scope.countries)
                                               | {k for k, _ in claim.breakdown}))),
            said_by=twin.said_by or claim.said_by,
            qualifier=twin.qualifier if twin.qualifier != "ordinal" else claim.qualifier,
        )
    return merged


def _first(items: list[str]) -> str | None:
    return items[0] if items else None
