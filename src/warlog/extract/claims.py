"""Aggregate figures a report states: "the 66th attack since…", "of the 66 attacks, 32 in…",
"shot down 21 of the 23 missiles", "at least 200 people have been killed this year".

Which casualty figures count over several attacks is decided in ``aggregates``; this module
reads the figures and their scope."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from warlog.extract import lexicon as lx
from warlog.extract.actors import CountryOf
from warlog.extract.aggregates import aggregate_counts
from warlog.extract.attribution import said_by
from warlog.extract.casualties import NOUN_INJURE, NOUN_KILL, Field, RawCount, find_counts
from warlog.extract.dates import resolve_time
from warlog.extract.lookup import doc_text, ents_within
from warlog.extract.vague import NEARLY_PHRASES, parse_number, parse_quantity
from warlog.model import Claim, ClaimKind, Place, Qualifier, Scope
from warlog.model import Span as TextSpan

COUNTED_NOUNS = lx.COUNTED_ATTACK_NOUNS
AGGREGATE_CUES = frozenset({"since", "total", "tally", "so far", "in all", "overall", "past",
                            "altogether", "cumulative", "of the", "toll"})


def find_claims(doc: Doc, *, published: date | None, country_of: CountryOf,
                places: Sequence[Place] = ()) -> tuple[Claim, ...]:
    """Every aggregate claim, one per distinct figure, in text order."""
    found: list[Claim] = []
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        counted = [(tok, c) for tok in sent if (c := _attack_claim(tok, sent, published=published,
                                                                   country_of=country_of))]
        if k + 1 < len(sents):
            counted = [(tok, _broken_down_after(c, sents[k + 1], country_of=country_of))
                       for tok, c in counted]
        found.extend(c for _, c in counted)
        found.extend(c for tok in sent if (c := _salvo_claim(tok, sent, published=published,
                                                             country_of=country_of)))
        found.extend(_fact_box_claims(sent, published=published))
        # a clause that counts attacks ("66 attacks, in which 62 were injured") sums their dead
        found.extend(_casualty_claims(doc, sent, published=published, country_of=country_of,
                                      places=places, counted={tok.i for tok, _ in counted
                                                              if not _targets_struck(tok)}))
    return tuple(_merge_same(found))


def _attack_claim(tok: Token, sent: Span, *, published: date | None,
                  country_of: CountryOf) -> Claim | None:
    lemma = tok.lemma_.lower()
    told = _number_of(tok) or _elided_ordinal(tok)
    if told is not None:
        counted, figure = told
        number: int | None = parse_number(figure.text)
        qualifier = "ordinal" if _is_ordinal(figure) else _qualifier(figure)
        if number is None or number < 2:
            return None
        return _count_claim(counted, number, qualifier, sent, published=published,
                            country_of=country_of)
    munition = _munition_ordinal(tok, sent)
    if munition is not None:
        return _count_claim(tok, munition, "ordinal", sent, published=published, country_of=country_of)
    if not ((lemma in COUNTED_NOUNS and tok.pos_ == "NOUN") or _munition_launches(tok)
            or (lemma in ("attack", "strike", "target", "hit") and tok.pos_ == "VERB")
            or _targets_struck(tok)):
        return None
    number, qualifier = _figure_of(tok)
    if number is None:
        return None
    return _count_claim(tok, number, qualifier, sent, published=published, country_of=country_of)


def _number_of(tok: Token) -> tuple[Token, Token] | None:
    """"brings to 29 the number of vessels targeted", "the number of attacks has risen to
    45", "attacks on U.S. troops now number more than 160": (what is counted, the figure)."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() == "number":
        counted = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), None)
        verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    elif tok.pos_ == "VERB" and tok.lemma_.lower() == "number":
        counted = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        verb = tok
    else:
        return None
    if counted is None or verb is None:
        return None
    struck = any(c.dep_ == "acl" and c.lemma_.lower() in STRUCK_VERBS
                 for c in (*counted.children, *tok.children))
    if not (_counts_attacks(counted) or struck):
        return None
    for child in verb.children:
        if child.like_num and child.dep_ in ("dobj", "attr", "npadvmod") and not _counts_nothing(child):
            return counted, child
        if child.dep_ == "prep" and child.lower_ in ("to", "at"):
            nums = [g for g in child.children if g.dep_ == "pobj" and g.like_num
                    and not _counts_nothing(g)]
            if nums:
                return counted, nums[0]
    return None


STRUCK_VERBS = frozenset({"strike", "hit", "target", "attack", "shell", "bomb", "raid"})


def _munition_launches(tok: Token) -> bool:
    """"30 rocket launches from Lebanon", "missile launches": launches of a munition count
    attacks; "90 launches" or "satellite launches" count none."""
    return tok.lemma_.lower() == "launch" and tok.pos_ == "NOUN" and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in lx.MUNITION_NOUNS
        for c in tok.children)


def _counts_attacks(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in COUNTED_NOUNS or lemma in TALLIED_TARGETS or tok.lower_ in TALLIED_TARGETS


def _elided_ordinal(tok: Token) -> tuple[Token, Token] | None:
    """"The drone attack was the 102nd on U.S. personnel since October": an ordinal whose
    noun is the attack the sentence's subject names."""
    if not _is_ordinal(tok) or tok.dep_ != "attr" or tok.head.lemma_.lower() != "be":
        return None
    subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in COUNTED_NOUNS:
        return None
    return tok, tok


# A period a tally runs over: "in two days", "in the past week", "this year", "so far".
_PERIOD = re.compile(r"\b(?:in|over|during) (?:the )?(?:past |last )?(?:\w+ )?(?:days?|weeks?|months?|years?)\b"
                     r"|\bthis (?:week|month|year)\b|\bso far\b|\bsince\b", re.IGNORECASE)


def _munition_ordinal(tok: Token, sent: Span) -> int | None:
    """"The fifth anti-ship missile fired by the Houthis in two days": an ordinal on a
    munition, with the period it counts over, is a tally of attacks; "a second missile
    struck minutes later" counts nothing."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lx.MUNITION_NOUNS or tok.tag_ != "NN":
        return None
    ordinal = next((c for c in tok.children if c.dep_ == "amod" and _is_ordinal(c)), None)
    if ordinal is None or _PERIOD.search(sent.text) is None:
        return None
    value = parse_number(ordinal.text)
    return value if value is not None and value > 2 else None


def _is_ordinal(tok: Token) -> bool:
    return tok.ent_type_ == "ORDINAL" or tok.lower_.endswith(("th", "st", "nd", "rd")) \
        and tok.lower_[:-2].isdigit()


def _count_claim(tok: Token, number: int, qualifier: Qualifier, sent: Span, *,
                 published: date | None, country_of: CountryOf) -> Claim:
    return Claim(
        kind="attack_count", value=number, qualifier=qualifier,
        since=_since(sent, published=published), as_of=_as_of(sent, published=published),
        scope=Scope(target=_scope_target(tok), countries=_countries(tok, country_of)),
        breakdown=_breakdown(sent, skip=number, country_of=country_of, qualifier=qualifier),
        said_by=_first(said_by(sent, tok)),
        span=TextSpan(start=sent.start_char, end=sent.end_char),
    )


_FACT_FIELDS: dict[str, ClaimKind] = {"dead": "killed_count", "killed": "killed_count",
                                      "deaths": "killed_count", "injured": "injured_count",
                                      "wounded": "injured_count"}


def _fact_box_claims(sent: Span, *, published: date | None) -> list[Claim]:
    """A box of figures: "Drones launched overnight: 29", "Rockets fired at the north: about
    115", "Blasts and the strike together: 70 dead". The label before the colon says what
    the figure counts; a casualty word after it overrides."""
    out = []
    tokens = list(sent)
    for i, colon in enumerate(tokens):
        if colon.text != ":" or i + 1 >= len(tokens):
            continue
        j = i + 1
        while j < len(tokens) and not tokens[j].like_num and j - i <= 3 \
                and tokens[j].lower_ in ("about", "some", "around", "over", "nearly", "almost",
                                         "more", "than", "at", "least", "approximately"):
            j += 1
        if j >= len(tokens) or not tokens[j].like_num:
            continue
        value = parse_number(tokens[j].text)
        if value is None or value < 2:
            continue
        after = tokens[j + 1].lower_ if j + 1 < len(tokens) else ""
        label = _label_before(tokens, i)
        if any(t.like_num for t in label[-3:]):
            continue  # "attacks now number more than 160: 67 in Iraq, …" breaks a figure down
        kind = _FACT_FIELDS.get(after) or _label_kind(label)
        if kind is None:
            continue
        out.append(Claim(kind=kind, value=value, qualifier=_qualifier(tokens[j]),
                         since=None, as_of=_as_of(sent, published=published),
                         scope=Scope(target=None, countries=()),
                         span=TextSpan(start=sent.start_char, end=sent.end_char)))
    return out


def _label_before(tokens: list[Token], colon: int) -> list[Token]:
    """The words between the colon and the item before it ("- ", ";", ")", a sentence start)."""
    start = colon
    while start > 0 and tokens[start - 1].text not in ("-", "–", "—", ";", ")", "•", "*") \
            and colon - start < 15:
        start -= 1
    return tokens[start:colon]


def _label_kind(label: list[Token]) -> ClaimKind | None:
    lemmas = {t.lemma_.lower() for t in label} | {t.lower_ for t in label}
    if lemmas & {"dead", "killed", "death", "deaths", "fatality", "fatalities"}:
        return "killed_count"
    if lemmas & {"injured", "wounded", "injury", "injuries"}:
        return "injured_count"
    plural = [t for t in label if t.tag_ in ("NNS", "NNPS") or t.lower_.endswith("s")]
    nouns = lx.MUNITION_NOUNS | COUNTED_NOUNS | lx.STRUCK_NOUNS
    if any(t.lemma_.lower() in nouns or t.lower_.removesuffix("s") in nouns for t in plural):
        return "attack_count"
    return None


# Things attacked that a tally over a period counts one attack each: "have attacked more
# than 60 ships since November", "struck 40 villages this year".
# (by the word itself too: the tagger makes "bases" a "basis")
TALLIED_TARGETS = frozenset({"ship", "vessel", "village", "town", "base", "convoy", "checkpoint",
                             "ships", "vessels", "villages", "towns", "bases", "convoys",
                             "checkpoints"})


def _targets_struck(tok: Token) -> bool:
    """"struck about 400 targets", "more than 150 targets were hit", "hit 120 sites": each
    target one strike."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or not (lemma in lx.STRUCK_NOUNS
                                  or (lemma in TALLIED_TARGETS or tok.lower_ in TALLIED_TARGETS)
                                  and is_aggregate_sentence(tok.sent)):
        return False
    verbs = [tok.head] if tok.dep_ in ("dobj", "nsubjpass") else []
    verbs += [c for c in tok.children if c.dep_ in ("acl", "relcl")]
    return any(v.pos_ == "VERB" and v.lemma_.lower() in lx.VERB_TRIGGERS for v in verbs)


def _salvo_claim(tok: Token, sent: Span, *, published: date | None,
                 country_of: CountryOf) -> Claim | None:
    """"launched 38 missiles", "shot down 21 of the 23 drones", "fired about 15 missiles at
    the city": munitions counted over a salvo that struck several places (a claim of how
    many were launched), not the missiles that hit one building."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in lx.MUNITION_NOUNS \
            or tok.tag_ not in ("NNS", "NNPS"):
        return None
    # (the parse may hang the figure on a compound: "29 attack drones")
    nums = [c for h in (tok, *(c for c in tok.children if c.dep_ == "compound"))
            for c in h.children if c.dep_ == "nummod" and (c.like_num or c.lower_ in _SCALE_WORDS)
            and not _counts_nothing(c)]
    if not nums:
        return None
    verb = _salvo_verb(tok) or _listed_after(tok, nums[0], sent)
    if verb is None or _one_site(tok, verb):
        return None
    nums = _out_of(tok) or _out_of(verb) or nums
    value = _figure_value(nums[0])
    if value is None or value < 2:
        return None
    return Claim(
        kind="attack_count", value=value, qualifier=_qualifier(nums[0]),
        since=_since(sent, published=published), as_of=_as_of(sent, published=published),
        scope=Scope(target=None, countries=_countries(verb, country_of)),
        breakdown=_breakdown(sent, skip=value, country_of=country_of),
        said_by=_first(said_by(sent, verb)),
        span=TextSpan(start=sent.start_char, end=sent.end_char),
    )


def _broken_down_after(claim: Claim, nxt: Span, *, country_of: CountryOf) -> Claim:
    """"There have been 45 attacks since October 17. Of those, 20 were in Iraq and 25 in
    Syria": the next sentence's parts by country, when they add up to the claim's figure."""
    if claim.breakdown:
        return claim
    parts = _breakdown(nxt, skip=claim.value, country_of=country_of, qualifier=claim.qualifier)
    if not parts:
        return claim
    return replace(claim, breakdown=parts, scope=Scope(
        target=claim.scope.target,
        countries=tuple(sorted(set(claim.scope.countries) | {k for k, _ in parts}))))


def _listed_after(tok: Token, num: Token, sent: Span) -> Token | None:
    """"attacked with three missiles fired from Crimea, one guided missile launched over
    Kursk and 35 drones": the last item of a list of counted munitions, which the parse
    hung on a place inside an earlier item, was done with by the list's verb."""
    if tok.dep_ != "conj" or num.i == 0 or sent.doc[num.i - 1].lower_ not in ("and", ",", "as"):
        return None
    earlier = [t for t in sent if t.i < num.i and t.lemma_.lower() in lx.MUNITION_NOUNS
               and any(c.dep_ == "nummod" for c in t.children)]
    for item in earlier:
        verb = _salvo_verb(item)
        if verb is not None:
            return verb
    return None


def _out_of(tok: Token) -> list[Token]:
    """"destroyed 35 drones out of 40", "downed 35 drones of the 40": the whole is the
    number launched."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "out"):
            prep = next((g for g in child.children if g.lower_ == "of"), child)
            nums = [g for g in prep.children if g.dep_ == "pobj" and g.like_num]
            if nums:
                return nums
    return []


def _salvo_verb(tok: Token) -> Token | None:
    """What was done with the counted munitions: the verb that launches, fires, downs or
    lands them ("drones that Iran launched", "missiles were destroyed"), or the salvo or
    barrage they made up ("a barrage of 40 rockets", "the salvo was made up of 170 drones")."""
    node = tok
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    for child in node.children:
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in lx.MUNITION_USE_VERBS:
            return child
    head = node.head
    if node.dep_ == "pobj" and head.lower_ == "of":
        holder = head.head
        if holder.lemma_.lower() in lx.NOUN_TRIGGERS:
            return holder  # "a barrage of 40 rockets"
        if holder.pos_ in ("PRON", "DET", "NUM"):
            head = holder.head  # "shot down all of the 300 drones", "21 of the 23 missiles"
        elif holder.lower_ == "out" and holder.dep_ == "prep":
            head = holder.head  # "out of 45 drones, 42 were shot down"
        elif holder.pos_ == "VERB":
            head = holder
    elif node.dep_ == "pobj" and head.lower_ in ("by", "with"):
        head = head.head  # "was hit by six missiles", "struck the city with two missiles"
    if head.pos_ != "VERB":
        return None
    if head.lemma_.lower() in lx.MUNITION_USE_VERBS:
        return head
    # "the salvo was made up of some 170 drones"
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lx.NOUN_TRIGGERS
           for c in head.children):
        return head
    return None


def _one_site(tok: Token, verb: Token) -> bool:
    """Whether the munitions went at one site ("three missiles hit the plant", "a drone
    fired three missiles at the building", "the ship was struck by two missiles"), which
    makes them that one attack's weapons, not a salvo's count."""
    sites = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in
             ("at", "on", "into", "onto", "against", "toward", "towards", "near", "beside",
              "outside", "inside")
             for o in c.children if o.dep_ == "pobj"]
    # "struck the city with two missiles", "the drones that Iran launched at the country"
    sites += [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i
              and tok.i not in {t.i for t in c.subtree}]
    if any(c.dep_ == "agent" and tok.i in {t.i for t in c.subtree} for c in verb.children):
        sites += [c for c in verb.children if c.dep_ == "nsubjpass"]
    return any(_a_single_site(s) for s in sites)


def _a_single_site(tok: Token) -> bool:
    if tok.ent_type_ in ("GPE", "LOC", "NORP", "DATE", "TIME") or tok.like_num \
            or tok.lemma_.lower() in lx.TIME_NOUNS or tok.lemma_.lower() in lx.SALVO_AREAS \
            or tok.lower_ in lx.SALVO_AREAS:
        return False
    if tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children):
        return False
    return tok.pos_ in ("NOUN", "PROPN") and tok.tag_ != "PRP"


def _figure_of(tok: Token) -> tuple[int | None, Qualifier]:
    """"66th attack" → (66, ordinal); "66 attacks" → (66, exact); "at least 70 attacks";
    "had been attacked 165 times"."""
    if tok.pos_ == "VERB":
        for child in tok.children:
            if child.lower_ == "times":
                nums = [c for c in child.children if c.like_num]
                value = _figure_value(nums[0]) if nums else None
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
                and not _counts_nothing(child):
            value = _figure_value(child)
            if value is not None and value > 4:
                return value, _qualifier(child)
    # "more than 45 missile and drone attacks": the parser hangs the figure on the weapon
    # word that qualifies the attacks
    for child in tok.children:
        if child.dep_ in ("nmod", "compound", "amod") and child.lemma_.lower() in lx.MUNITION_NOUNS \
                and tok.tag_ == "NNS":
            for num in child.children:
                if num.dep_ == "nummod" and num.like_num and not _counts_nothing(num):
                    value = _figure_value(num)
                    if value is not None and value > 4:
                        return value, _qualifier(num)
    return None, "exact"


_SCALE_WORDS = frozenset({"dozen", "hundred", "thousand", "million"})


def _figure_value(num: Token) -> int | None:
    """The figure a number token heads with the number words hung on it: "three dozen
    drones" is 36, "two hundred rockets" 200, not three or a hundred."""
    run = [t for t in num.subtree if t.like_num or t.lower_ in _SCALE_WORDS]  # in text order
    if len(run) < 2 or run[-1].i - run[0].i != len(run) - 1:
        return parse_number(num.text)  # one word, or words apart: the token alone
    return parse_number(" ".join(t.text for t in run))


def _counts_nothing(num: Token) -> bool:
    """"the September 11, 2001 attacks": a year names the attacks, it counts none; nor does
    a calibre ("fired 155mm shells", "122-mm rockets", "7.62 mm rounds")."""
    if num.ent_type_ in ("DATE", "TIME", "EVENT") or _is_calibre(num):
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
    while node.head.i != node.i and node.head.ent_type_ == "GPE" and node.dep_ == "compound":
        node = node.head
    return node.dep_ in ("compound", "amod", "nmod", "poss") and node.head.ent_type_ != "GPE"


# "32 in Iraq and 34 in Syria", "70 at Iraq and 80 at Syria": a figure's country
BREAKDOWN_PREPS = frozenset({"in", "at", "on", "over", "against"})


def _breakdown(sent: Span, *, skip: int, country_of: CountryOf,
               qualifier: Qualifier = "exact") -> tuple[tuple[str, int], ...]:
    """"32 occurred in Iraq, and 34 in Syria": a figure, then "in" and a country; the parts
    add up to the whole, or pass it when the whole is a floor ("more than 160: 67 in Iraq,
    98 in Syria and one in Jordan")."""
    whole = skip
    parts: dict[str, int] = {}
    tokens = list(sent)
    for i, tok in enumerate(tokens):
        if not tok.like_num:
            continue
        value = parse_number(tok.text)
        if value is None or value == skip:
            continue
        for j in range(i + 1, min(i + 5, len(tokens) - 1)):
            if tokens[j].pos_ in ("NOUN", "PROPN") and tokens[j].lemma_.lower() not in \
                    COUNTED_NOUNS | lx.MUNITION_NOUNS | {"time"} and not _takes_place(tokens[j]):
                break  # "seven sites in Iraq" counts sites, not the claim's part in Iraq
            if tokens[j].lower_ in BREAKDOWN_PREPS and (
                    tokens[j + 1].ent_type_ == "GPE" or tokens[j + 1].pos_ == "PROPN"):
                code = country_of(_ent_text(tokens[j + 1]))
                if code and code not in parts:
                    parts[code] = value
                break
            if tokens[j].like_num:
                break
    # the parts of a figure add up to it ("47 in Iraq and 55 in Syria" of 102)
    total = sum(parts.values())
    floor = qualifier in ("more_than", "at_least")
    adds_up = total == whole or floor and whole < total <= whole * 1.1
    return tuple(sorted(parts.items())) if len(parts) >= 2 and adds_up else ()


# Units a calibre is given in.
CALIBRE_UNITS = frozenset({"mm", "millimetre", "millimetres", "millimeter", "millimeters", "cm",
                           "calibre", "caliber", "inch"})


def _is_calibre(num: Token) -> bool:
    doc = num.doc
    i = num.i + 1
    if i < len(doc) and doc[i].text in ("-", "‑"):
        i += 1
    return i < len(doc) and doc[i].lower_.lstrip("-") in CALIBRE_UNITS \
        or num.lower_.endswith("mm") and num.lower_[:-2].replace(".", "").isdigit()


def _takes_place(tok: Token) -> bool:
    """"70 took place in Iraq": the noun of "take place" counts nothing."""
    return tok.lemma_.lower() == "place" and tok.i > 0 and tok.doc[tok.i - 1].lemma_.lower() == "take"


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
_NEARLY = re.compile(rf"\b(?:{'|'.join(NEARLY_PHRASES)})\b")
WIDE_SCOPE = ("since", "so far", "in all", "in total", "overall", "altogether", "the war",
              "the conflict", "this year", "last year", "the past", "cumulative", "toll in")


def is_aggregate_sentence(sent: Span) -> bool:
    """A sentence about totals over a period or a war, not about one attack."""
    text = " ".join(sent.text.lower().split())
    return _is_aggregate(sent) or any(cue in text for cue in WIDE_SCOPE)


def _casualty_claims(doc: Doc, sent: Span, *, published: date | None, country_of: CountryOf,
                     places: Sequence[Place], counted: set[int]) -> list[Claim]:
    out = []
    counts = find_counts(doc, sent)
    raws = aggregate_counts(sent, [*counts, *_bare_figures(doc, sent, counts)], places=places,
                            extra=counted)
    for raw in [p for r in raws for p in _conjoined_parts(doc, sent, r)]:
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
        elif q.best is None and q.high is not None and _NEARLY.search(raw.text.lower()):
            # "nearly 500 have died": the figure said is 500, the count just under it
            value, qualifier = q.high + 1, "approximately"
        out.append(Claim(kind=kind, value=value, qualifier=qualifier,
                         since=_since(sent, published=published),
                         as_of=_as_of(sent, published=published),
                         scope=Scope(target=None, countries=_countries(sent.root, country_of)),
                         breakdown=_breakdown(sent, skip=value, country_of=country_of),
                         said_by=_first(said_by(sent, sent.root)),
                         span=TextSpan(start=sent.start_char, end=sent.end_char)))
    return out


def _bare_figures(doc: Doc, sent: Span, counts: list[RawCount]) -> list[RawCount]:
    """"the toll stands at 33 dead", "Blasts together: 70 dead": a figure on a casualty
    adjective that no verb or noun governs, which the event reader leaves aside."""
    out = []
    taken = [(c.start_char, c.end_char) for c in counts]
    for tok in sent:
        field = _BARE_FIELDS.get(tok.lower_)
        if field is None or tok.dep_ in ("amod", "acl", "relcl") or tok.pos_ == "VERB":
            continue
        nums = [c for c in tok.children if c.dep_ == "nummod" and c.like_num]
        if not nums or any(a <= nums[0].idx < b for a, b in taken):
            continue
        quantity = parse_quantity(doc[nums[0].left_edge.i:nums[0].i + 1].text)
        if quantity is None:
            continue
        start, end = nums[0].left_edge.idx, tok.idx + len(tok.text)
        out.append(RawCount(field=field, quantity=quantity, text=doc_text(doc)[start:end],
                            start_char=start, end_char=end, victims=None))
    return out


_BARE_FIELDS: dict[str, Field] = {"dead": "killed", "killed": "killed", "injured": "injured",
                                  "wounded": "injured", "hurt": "injured"}


def _conjoined_parts(doc: Doc, sent: Span, raw: RawCount) -> list[RawCount]:
    """"12 soldiers and 10 civilians killed": a tally that names each group's figure gives
    each its own claim (the event reader keeps one group, or their sum)."""
    nouns = [t for t in sent if raw.start_char <= t.idx < raw.end_char and t.pos_ == "NOUN"
             and _own_number(t) is not None]
    if not nouns:
        return [raw]
    first = nouns[0]
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    chain, stack = [], [first]
    while stack:  # the noun and the nouns joined to it by "and"
        noun = stack.pop()
        chain.append(noun)
        stack.extend(c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN")
    chain.sort(key=lambda t: t.i)
    # "1,300 violations of the ceasefire and 41 civilian deaths": only people and their
    # deaths or injuries are casualty figures
    chain = [n for n in chain if _counts_casualties(n)]
    parts = []
    for noun in chain:
        num = _own_number(noun)
        quantity = parse_quantity(doc[num.left_edge.i:num.i + 1].text) if num is not None else None
        if num is not None and quantity is not None:
            parts.append(replace(raw, quantity=quantity, start_char=num.left_edge.idx,
                                 text=doc_text(doc)[num.left_edge.idx:noun.idx + len(noun.text)]))
    return parts if len(parts) >= 2 else [raw]


def _counts_casualties(noun: Token) -> bool:
    lower, lemma = noun.lower_, noun.lemma_.lower()
    return lower in lx.PEOPLE_NOUNS or lemma in lx.PERSON_LEMMAS or lower in NOUN_KILL \
        or lower in NOUN_INJURE or lower in ("dead", "wounded", "injured", "casualties")


def _own_number(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.dep_ == "nummod" and c.like_num), None)


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
