"""Find how many people a sentence says were killed or injured, and who they were."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Doc, Span, Token

from warlog.extract import lexicon as lx
from warlog.extract.lookup import doc_text
from warlog.extract.phrases import TokenRange, actor_range
from warlog.extract.senses import executes_people, kills_fighters
from warlog.extract.vague import Quantity, parse_quantity

Field = Literal["killed", "injured"]
QUANTITY_DEPS = frozenset({"nummod", "quantmod", "amod", "det", "advmod", "npadvmod", "compound"})
VAGUE_HEADS = frozenset({"dozens", "hundreds", "scores", "thousands", "tens", "several",
                         "many", "number", "handful", "couple", "some", "few", "dozen"})
# Figures that stand for their people with no noun: "dozens were wounded", "scores more
# were hurt" ("a number", "some" say nothing without one)
BARE_FIGURES = frozenset({"dozens", "hundreds", "scores", "thousands", "tens", "several"})
KIN_NOUNS = frozenset({"son", "daughter", "wife", "husband", "mother", "father", "brother",
                       "sister", "boy", "girl", "baby", "infant", "man", "toddler", "teenager",
                       "relative", "deputy", "commander", "leader", "official", "guard",
                       "grandmother", "grandfather", "grandson", "granddaughter", "niece",
                       "nephew", "cousin", "aunt", "uncle", "fiancée", "fiance", "fiancee"})
# "the bodies of 12 people were recovered", "nine bodies": counted dead
# "the number of martyrs stands at 84": the press of Pakistan, Iran, Palestine and Kashmir
# counts its dead as martyrs
NOUN_KILL = frozenset({"death", "deaths", "fatality", "fatalities", "body", "bodies", "martyr",
                       "martyrs"})
NOUN_INJURE = frozenset({"injury", "injuries", "wound", "wounds"})


@dataclass(frozen=True, slots=True)
class RawCount:
    """A figure of people killed or injured as one sentence gives it."""

    field: Field
    quantity: Quantity
    text: str
    start_char: int
    end_char: int
    victims: TokenRange | None


def find_counts(doc: Doc, sent: Span) -> list[RawCount]:
    """Every killed/injured figure in the sentence, in text order, each once."""
    found: dict[tuple[str, int], RawCount] = {}
    for tok in sent:
        toll = _toll(doc, tok)
        if toll is not None:
            found.setdefault((toll.field, tok.i), toll)
        if tok.lower_ in ("casualties", "casualty"):
            for zero_field in ("killed", "injured"):
                none = _zero_count(tok, zero_field)  # "no casualties": no one killed or hurt
                if none is not None:
                    found.setdefault((zero_field, tok.i), none)
        field = _field_of(tok)
        if field is None:
            continue
        for victim in _sides(_victims(tok)):
            count = _count_for(doc, victim, field, tok)
            if count is not None:
                found.setdefault((field, victim.i), count)
        direct = _noun_with_figure(doc, tok, field)
        if direct is not None:
            found.setdefault((field, tok.i), direct)
        zero = _zero_count(tok, field)
        if zero is not None:
            found.setdefault((field, tok.i), zero)
    return _share_victims(sorted(found.values(), key=lambda c: c.start_char))


def _share_victims(counts: list[RawCount]) -> list[RawCount]:
    """"killing 18 people and injuring 78": the bare figure counts the same people."""
    named = [c for c in counts if c.victims is not None]
    if not named:
        return counts
    return [c if c.victims is not None or c.quantity.high == 0 else
            replace(c, victims=min(named, key=lambda n: abs(n.start_char - c.start_char)).victims)
            for c in counts]


def _field_of(tok: Token) -> Field | None:
    lemma, lower = tok.lemma_.lower(), tok.lower_
    if lemma == "toll":
        return "killed"
    if lemma in ("kill", "die", "slay", "perish", "martyr") \
            or lower in ("dead", "killed", "slain", "martyred"):
        return "killed"  # "seven soldiers were martyred"
    if kills_fighters(tok) or executes_people(tok):
        return "killed"  # "neutralised 23 terrorists", "executed 11 civilians"
    if lemma in ("lose", "embrace") and _loses_life(tok):
        return "killed"  # "13 police officers lost their lives", "two guards embraced martyrdom"
    if lower in NOUN_KILL or lemma in ("death", "fatality"):
        return "killed"
    if lemma in ("injure", "wound", "hurt", "injury") or lower in ("injured", "wounded", "hurt"):
        return "injured"
    if lower in NOUN_INJURE:
        return "injured"
    return None


def _victims(tok: Token) -> list[Token]:
    """The tokens naming who was killed or injured, found from the casualty word."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("nsubjpass",) or (child.dep_ == "dobj" and tok.pos_ == "VERB"):
            out.append(child)
        if child.dep_ == "nsubj" and tok.tag_ == "VBN":
            out.append(child)  # "three were killed and 25 others wounded"
        if child.dep_ == "nsubj" and _passive_by_ellipsis(tok):
            out.append(child)  # the same, with "wounded" tagged as a past tense
        if child.dep_ == "nsubj" and (tok.lemma_.lower() in ("die", "perish")
                                      or tok.lemma_.lower() in ("lose", "embrace")
                                      and _loses_life(tok)):
            out.append(child)
        if child.dep_ == "prep" and child.lower_ == "of" and tok.pos_ == "NOUN":
            out.extend(g for g in child.children if g.dep_ == "pobj")
    if _shares_the_passive(tok):
        # "a pupil was shot and wounded", "two guards were stabbed and killed"
        out.extend(c for c in tok.head.children if c.dep_ == "nsubjpass")
    if tok.dep_ in ("acl", "amod", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "NUM"):
        out.append(tok.head)
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in RAISING_VERBS:
        # "41 people are known to have been killed", "five were feared to have died"
        out.extend(c for c in tok.head.children if c.dep_ in ("nsubjpass", "nsubj"))
    if tok.pos_ == "NOUN" and tok.head.lemma_.lower() in ("sustain", "suffer", "receive"):
        out.extend(_subjects_of(tok.head))
    if tok.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and tok.head.lemma_.lower() == "leave":
        out.extend(c for c in tok.head.children if c.dep_ == "dobj")
    if tok.lower_ == "dead" and tok.head.lemma_.lower() in lx.KILLING_BY_DEATH:
        # "shot three protesters dead", "shot dead two guards", "were shot dead"
        out.extend(c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass"))
    if tok.lower_ == "death" and tok.head.lower_ == "to" \
            and tok.head.head.lemma_.lower() in lx.KILLING_BY_DEATH:
        # "hacked 14 villagers to death", "two guards were beaten to death"
        out.extend(c for c in tok.head.head.children if c.dep_ in ("dobj", "nsubjpass"))
    if tok.lower_ in ("dead", "injured", "wounded") and tok.dep_ == "amod":
        out.append(tok.head)
    figure = _figure_before(tok)
    if figure is not None:
        # "the hospital received 55 wounded", "four (4) dead and fifty (50) wounded": a
        # figure the parser hung elsewhere counts the casualty word right after it
        out.append(figure)
    if tok.dep_ in ("acomp", "oprd", "xcomp") and tok.head.lemma_.lower() in STATE_VERBS:
        out.extend(_subjects_of(tok.head))  # "three people are dead", "two officers resulted wounded"
    out = [_held_by_total(v) for v in out if not _labelled_otherwise(v, tok)]
    return [v for v in out if (_names_people(v) or _one_who_was_hurt(v, tok)) and not _is_subset(v)]


def _labelled_otherwise(victim: Token, word: Token) -> bool:
    """"nine dead and 30 injured": a figure that carries its own casualty word of the
    other kind counts those, not the people of this word."""
    return any(c.dep_ == "amod" and c.i != word.i and _field_of(c) not in (None, _field_of(word))
               for c in victim.children)


def _figure_before(tok: Token) -> Token | None:
    """The number right before a casualty participle with no subject or object of its own
    ("55 wounded", "fifty (50) wounded"), when the parse made the participle a clause of
    its own rather than the number's noun."""
    if tok.lower_ not in ("dead", "injured", "wounded", "killed", "hurt") or tok.pos_ != "VERB" \
            or tok.dep_ not in ("advcl", "xcomp", "oprd", "ccomp", "conj", "acomp") \
            or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and not _labelled_otherwise(c, tok)
                   for c in tok.children):
        return None
    i = tok.i - 1
    if i >= 2 and tok.doc[i].text == ")" and tok.doc[i - 1].like_num and tok.doc[i - 2].text == "(":
        i -= 3  # "fifty (50)": the figure written out, then in digits
    if i < 0 or not tok.doc[i].like_num:
        return None
    number = tok.doc[i]
    return number if number.dep_ in ("dobj", "conj", "pobj", "nummod", "appos", "dep") else None


def _one_who_was_hurt(noun: Token, word: Token) -> bool:
    """"One mariner was badly injured", "a seafarer died", "gunmen killed a councillor":
    one counted by "a" or "one", the subject of a casualty verb or the object of a killing
    or wounding, is a person whatever the noun (no list names every trade), unless the
    noun is a thing or a name."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.ent_type_ or word.pos_ != "VERB":
        return False
    lemma_of_word = word.lemma_.lower()
    passive = noun.dep_ == "nsubjpass" or noun.dep_ == "nsubj" and lemma_of_word in ("die", "perish") \
        or noun.dep_ == "dobj" and lemma_of_word in ("kill", "wound", "injure")
    counted = any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in noun.children)
    lemma = noun.lemma_.lower()
    return passive and counted and lemma not in lx.CIVILIAN_OBJECTS | lx.VEHICLE_NOUNS \
        and lemma not in THINGS_HARMED


def _held_by_total(tok: Token) -> Token:
    """"a total of 13 police officers": the people the total counts."""
    if tok.lower_ != "total":
        return tok
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
          for g in c.children if g.dep_ == "pobj"]
    return of[0] if of else tok


# Things a casualty verb is used of in figures of speech or of damage ("a deal was killed",
# "the project died", "an engine was damaged").
THINGS_HARMED = frozenset({"deal", "bill", "plan", "project", "proposal", "idea", "engine",
                           "ship", "vessel", "plane", "aircraft", "drone", "talk", "ceasefire"})


# Verbs that lend their subject to the casualty verb after them: "are known to have died",
# "are feared dead", "were reported to have been killed".
RAISING_VERBS = frozenset({"know", "fear", "believe", "report", "think", "confirm", "say",
                           "understand", "presume", "estimate", "expect"})


# Verbs that say what state people are in or came to: "are dead", "resulted wounded".
STATE_VERBS = frozenset({"be", "result", "remain", "end", "lie"})


def _loses_life(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives", "martyrdom")
               for c in verb.children)


def _passive_by_ellipsis(verb: Token) -> bool:
    """"32 were killed and 63 people wounded": a casualty verb joined to a passive one, with
    no object of its own, shares its passive voice (the tagger often reads it as a past
    tense with "63 people" its subject)."""
    if verb.pos_ != "VERB" or verb.dep_ != "conj" or any(c.dep_ == "dobj" for c in verb.children):
        return False
    head = verb.head
    return head.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in head.children) \
        and _field_of(head) is not None


def _shares_the_passive(verb: Token) -> bool:
    """A casualty verb with no subject or object, joined to a passive verb of another kind
    ("was shot and wounded", "were beaten and killed"): its people are the passive's
    subject."""
    head = verb.head
    return verb.pos_ == "VERB" and verb.dep_ == "conj" and head.pos_ == "VERB" \
        and _field_of(head) is None and any(c.dep_ == "auxpass" for c in head.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)


def _is_subset(tok: Token) -> bool:
    """"…killed 10, among them three children": a part of a figure already counted."""
    node = tok
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ in ("among", "including", "includes"):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _subjects_of(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("acl", "relcl"):
        subjects = [verb.head]
    return subjects


def _names_people(tok: Token) -> bool:
    lower, lemma = tok.lower_, tok.lemma_.lower()
    if tok.like_num or lower in VAGUE_HEADS:
        return True
    if lower in lx.PEOPLE_NOUNS or lemma in lx.PEOPLE_NOUNS or lemma in lx.CIVILIAN_WORDS \
            or lemma in KIN_NOUNS or lemma in lx.PERSON_LEMMAS:
        return True
    # "killing three guests", "wounding 12 shoppers": a counted plural that a casualty
    # word governs is people, whatever the noun (no list names them all)
    if tok.tag_ == "NNS" and any(c.dep_ == "nummod" for c in tok.children):
        return True
    return tok.ent_type_ == "NORP" or tok.ent_type_ == "CARDINAL"


def _count_for(doc: Doc, victim: Token, field: Field, word: Token) -> RawCount | None:
    if victim.dep_ == "pobj" and victim.head.lower_ == "of" \
            and (victim.head.head.lower_ in VAGUE_HEADS or victim.head.head.like_num):
        victim = victim.head.head  # "dozens of wounded people": the figure holds the people
    people = victim
    if victim.lower_ in VAGUE_HEADS or victim.like_num:
        of = [g for c in victim.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
        if of:
            people = of[0]
    quantity_tokens = _quantity_tokens(victim, people)
    if not quantity_tokens:
        one = _the_one(victim)
        if one is None:
            return None
        quantity_tokens, quantity = [one], Quantity(low=1, best=1, high=1)
    else:
        text = doc[quantity_tokens[0].i:quantity_tokens[-1].i + 1].text
        parsed = parse_quantity(text)
        if parsed is None:
            return None
        quantity = parsed
    first = people
    cut: Token | None = None  # the first conjunct of another side, counted on its own
    # "a Syrian woman and her two sons": the conjoined groups add up
    # (every conjunct, "a policeman, a soldier and a child", however the parser chains them)
    for conj in [c for c in people.conjuncts if c.i > people.i and _names_people(c)]:
        if _particulars_between(people, conj):
            break  # "seven members, two of them generals: X and his deputy": who they were
        if _own_casualty_word(people, conj):
            break  # "seven dead and 28 wounded": the second figure is the wounded
        if _other_side(people, conj):
            cut = conj
            break  # "two soldiers and five militants": each side is counted on its own
        extra_tokens = _quantity_tokens(conj, conj)
        extra = parse_quantity(doc[extra_tokens[0].i:extra_tokens[-1].i + 1].text) if extra_tokens \
            else _one_person(conj)
        if extra is None or extra.best is None or quantity.best is None:
            break
        quantity = Quantity(low=quantity.low + extra.low if quantity.low is not None and extra.low is not None else None,
                            best=quantity.best + extra.best,
                            high=quantity.high + extra.high if quantity.high is not None and extra.high is not None else None)
        people = conj
    start = min(quantity_tokens[0].idx, word.idx)
    end_tok = max(people.i, word.i, quantity_tokens[-1].i)
    end = doc[end_tok].idx + len(doc[end_tok].text)
    # whose side: the first group's ("two soldiers and a medic"), the span over them all
    victims = actor_range(first) if not first.like_num else None
    if victims is not None and cut is not None:
        stop = cut.left_edge.i
        while stop > victims.start + 1 and (doc[stop - 1].dep_ == "cc" or doc[stop - 1].is_punct):
            stop -= 1
        victims = TokenRange(start=victims.start, end=min(victims.end, stop))
    return RawCount(field=field, quantity=quantity, text=doc_text(doc)[start:end], start_char=start,
                    end_char=end, victims=victims)


# Words that open the particulars of a group already counted: "four soldiers: a captain and
# a private", "three villagers, among them a farmer and his son".
PARTICULAR_WORDS = frozenset({":", "—", "–", "including", "among", "namely", "notably"})


def _side(tok: Token) -> str | None:
    """Which armed side a noun of people is on, when its word says: a state's or an armed
    group's (civilians and soldiers hit together are all the attack's victims: "32
    civilians and a soldier were killed" is one count of 33)."""
    said = {tok.lower_, tok.lemma_.lower()}
    if said & (lx.STATE_WORDS | lx.POLICE_NOUNS):
        return "state"
    if said & (lx.NON_STATE_WORDS | lx.ARMED_PERSON_WORDS):
        return "armed"
    return None


def _other_side(people: Token, conj: Token) -> bool:
    mine, theirs = _side(people), _side(conj)
    return mine is not None and theirs is not None and mine != theirs


def _sides(victims: list[Token]) -> list[Token]:
    """The victims, and each later conjunct of theirs that starts another side ("two
    Pakistani soldiers and five militants were killed": two counts, not seven)."""
    out: list[Token] = []
    for victim in victims:
        out.append(victim)
        last = victim
        for conj in [c for c in victim.conjuncts if c.i > victim.i]:
            if _other_side(last, conj):
                out.append(conj)
            last = conj
    return out


def _particulars_between(people: Token, conj: Token) -> bool:
    """Whether what stands between a counted group and a later conjunct names who the group
    were rather than more people: a colon or dash, "including", or an apposition."""
    between = people.doc[people.i + 1:conj.i]
    return any(t.lower_ in PARTICULAR_WORDS for t in between) or any(
        c.dep_ == "appos" and people.i < c.i < conj.i for c in people.children)


CASUALTY_WORDS = lx.KILL_WORDS | lx.INJURE_WORDS


def _own_casualty_word(people: Token, conj: Token) -> bool:
    """Whether a conjoined figure has its own casualty word: one said after the first
    figure and before it ("seven dead and 28"), or right after it ("and 28 wounded")."""
    doc = people.doc
    after = doc[conj.i + 1] if conj.i + 1 < len(doc) else None
    return any(t.lower_ in CASUALTY_WORDS for t in doc[people.i + 1:conj.i]) \
        or (conj.like_num and after is not None and after.lower_ in CASUALTY_WORDS)


def _the_one(tok: Token) -> Token | None:
    """"killing its driver", "the owner was killed", "wounding his wife": one person, named
    in the singular by a word for one person, with "the" or a possessive; the determiner
    (where the figure would stand), else None."""
    if tok.tag_ != "NN" or not (tok.lemma_.lower() in lx.PERSON_LEMMAS or tok.lemma_.lower() in KIN_NOUNS):
        return None
    return next((c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"
                 or c.dep_ == "poss"), None)


def _one_person(tok: Token) -> Quantity | None:
    """"…a woman and her daughter", "a man and his son": one person, named in the singular
    with a possessive or an article and no figure of its own."""
    if tok.tag_ != "NN" or not any(c.dep_ in ("poss", "det") for c in tok.children):
        return None
    return Quantity(low=1, best=1, high=1)


def _quantity_tokens(victim: Token, people: Token) -> list[Token]:
    """The tokens of "at least five", "several", "a", "dozens" before or as the victim."""
    if (victim is not people or victim.like_num or victim.lower_ in BARE_FIGURES) \
            and (victim.like_num or victim.lower_ in VAGUE_HEADS):
        return [t for t in victim.subtree if t.i <= victim.i or t.lower_ == "more"]
    mods = [c for c in people.lefts if c.dep_ in QUANTITY_DEPS and _is_quantity_word(c)]
    if not mods:
        return []
    first = min(t.i for m in mods for t in m.subtree)
    tokens = [t for t in people.doc[first:people.i] if t.i >= first]
    while tokens and not _is_quantity_word(tokens[-1]) and tokens[-1].dep_ != "quantmod":
        tokens.pop()
    return tokens


def _is_quantity_word(tok: Token) -> bool:
    lower = tok.lower_
    if tok.dep_ == "poss":
        return False  # "her two sons": the possessive is not part of the figure
    return (tok.like_num or lower in VAGUE_HEADS or lower in ("a", "an", "one", "no", "both")
            or tok.dep_ == "quantmod" or lower in ("least", "most", "than", "more", "nearly",
                                                   "almost", "about", "around", "over", "up",
                                                   "to", "some", "roughly", "approximately"))


TOLL_NOUNS = frozenset({"toll", "number", "count", "tally", "figure"})


def _toll(doc: Doc, tok: Token) -> RawCount | None:
    """"raising the death toll to 10", "the death toll stood at 12", "the number of
    wounded has risen to 34", "the injury toll reached 40": a running total for the event."""
    field = _toll_field(tok)
    if field is None:
        return None
    holders = [tok, tok.head]
    for holder in holders:
        for child in holder.children:
            nums: list[Token] = []
            if child.dep_ == "prep" and child.lower_ in ("to", "at", "of"):
                nums = [g for g in child.children if g.dep_ == "pobj" and g.like_num]
            elif holder.i != tok.i and child.dep_ == "dobj" and child.like_num:
                nums = [child]  # "the toll reached 40"
            if nums:
                quantity_tokens = list(nums[0].subtree)
                text = doc[quantity_tokens[0].i:quantity_tokens[-1].i + 1].text
                quantity = parse_quantity(text)
                if quantity is not None:
                    start, end = tok.idx, nums[0].idx + len(nums[0].text)
                    return RawCount(field=field, quantity=quantity,
                                    text=doc_text(doc)[min(start, end):max(start, end)],
                                    start_char=min(start, end), end_char=max(start, end),
                                    victims=None)
    return None


def _toll_field(tok: Token) -> Field | None:
    """Which total a toll noun keeps: "death toll", "number of dead" → killed; "injury
    toll", "number of wounded" → injured."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in TOLL_NOUNS:
        return None
    named = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")]
    # "the number of wounded", "the number of U.S. troops wounded in…"
    held = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]
    named += [t.lower_ for g in held for t in (g, *g.children) if t is g or t.dep_ in ("acl", "amod")]
    if any(w in NOUN_KILL or w in ("death", "dead", "killed", "fatalities") for w in named):
        return "killed"
    if any(w in NOUN_INJURE or w in ("injured", "wounded", "injury") for w in named):
        return "injured"
    return None


def _noun_with_figure(doc: Doc, tok: Token, field: Field) -> RawCount | None:
    """"62 U.S. personnel injuries", "three civilian deaths": the figure on the noun itself;
    so on an adjective standing as its noun ("leaving 70 dead", "a toll of 70 dead")."""
    # (the tagger reads the participle of "at three dead and at least four injured" as a
    # verb as often as an adjective; a verb with a subject or an object is no noun)
    bare_verb = tok.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "auxpass", "aux")
                                                for c in tok.children)
    standing = tok.lower_ in ("dead", "wounded", "injured", "hurt") \
        and (tok.pos_ in ("ADJ", "NOUN") or bare_verb) \
        and tok.dep_ in ("dobj", "pobj", "nsubj", "attr", "conj", "appos")
    if not standing and (tok.pos_ != "NOUN" or tok.lower_ not in NOUN_KILL | NOUN_INJURE | {"casualties"}):
        return None
    nums = [c for c in tok.children if c.dep_ == "nummod"
            or standing and c.dep_ == "npadvmod" and c.like_num]
    # "12 dead and about 40 hurt" parsed as one noun phrase: the figure labelled "dead"
    # is the dead; its conjoined figure, the hurt
    nums = [n for c in nums for n in ([g for g in c.conjuncts if g.like_num]
                                      if _labelled_otherwise(c, tok) else [c])]
    if not nums:
        return None
    quantity_tokens = [t for t in nums[0].subtree]
    quantity = parse_quantity(doc[quantity_tokens[0].i:quantity_tokens[-1].i + 1].text)
    if quantity is None:
        return None
    people = [c for c in tok.children if c.dep_ in ("compound", "amod") and _names_people(c)]
    start, end = quantity_tokens[0].idx, tok.idx + len(tok.text)
    return RawCount(field=field, quantity=quantity, text=doc_text(doc)[start:end], start_char=start,
                    end_char=end, victims=actor_range(people[0]) if people else None)


def _zero_count(tok: Token, field: Field) -> RawCount | None:
    """"caused no injuries", "no one was killed": a reported zero."""
    if tok.pos_ == "VERB" and field is not None:
        nobody = [c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")
                  and (c.lower_ in ("nobody", "none")
                       or c.lower_ == "one" and any(g.lower_ == "no" for g in c.children))]
        if nobody and tok.tag_ == "VBN":
            start, end = nobody[0].left_edge.idx, tok.idx + len(tok.text)
            return RawCount(field=field, quantity=Quantity(low=0, best=0, high=0),
                            text=doc_text(tok.doc)[start:end], start_char=start, end_char=end,
                            victims=None)
    if tok.pos_ != "NOUN":
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        start = min(c.idx for c in tok.children if c.lower_ == "no")
        end = tok.idx + len(tok.text)
        return RawCount(field=field, quantity=Quantity(low=0, best=0, high=0),
                        text=doc_text(tok.doc)[start:end], start_char=start, end_char=end, victims=None)
    return None
