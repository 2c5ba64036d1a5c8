"""The weapon a mention names: the most specific weapon word in its clause."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from warlog.extract import lexicon as lx
from warlog.extract.clauses import clause_chars
from warlog.extract.mentions import Mention
from warlog.extract.phrases import WEAPON_BIGRAMS, WEAPON_LEMMAS, TokenRange, is_a_worked_mine


def find_weapon(doc: Doc, mention: Mention, *,
                exclude: tuple[TokenRange | None, ...] = ()) -> tuple[str, int | None]:
    """The most specific weapon named in the mention's clause, and where."""
    sent = doc[mention.head].sent
    best: tuple[int, str, int] | None = None
    rank = {v: i for i, v in enumerate(
        ["gunship", "ballistic_missile", "cruise_missile", "drone", "rocket", "mortar",
         "artillery", "aircraft", "ied", "small_arms"])}
    head = doc[mention.head]
    # a re-mention ("the attack showed why Ukraine needs interceptor missiles") names its
    # weapon only inside its own phrase
    tokens = list(head.subtree) if mention.anaphoric else list(sent)
    clause = clause_chars(head)
    for tok in tokens:
        if tok.idx not in clause and tok.lemma_.lower() in lx.NOUN_TRIGGERS:
            continue  # "killed in attacks, prompting Russian airstrikes": another attack's weapon
        weapon = _weapon_at(doc, tok)
        # a weapon named in the target ("a rocket launcher", "an arms depot") is what
        # was hit, not what hit it
        if weapon is None or any(r is not None and r.start <= tok.i < r.end for r in exclude):
            continue
        distance = abs(tok.i - head.i)
        key = (distance // 6, rank.get(weapon, 99), tok.i)
        if best is None or key < (best[0] // 6, rank.get(best[1], 99), best[2]):
            best = (distance, weapon, tok.i)
    if best is None:
        return "unknown", None
    return best[1], best[2]

def _weapon_at(doc: Doc, tok: Token) -> str | None:
    lower = tok.lower_
    lemma = tok.lemma_.lower()
    if tok.i + 1 < len(doc):
        pair = f"{lemma} {doc[tok.i + 1].lemma_.lower()}"
        if pair in WEAPON_BIGRAMS:
            return WEAPON_BIGRAMS[pair]
    if tok.i > 0:
        pair = f"{doc[tok.i - 1].lower_} {lemma}"
        if pair in WEAPON_BIGRAMS:
            return WEAPON_BIGRAMS[pair]
    if lemma == "shell" and tok.pos_ == "VERB":
        return "artillery"
    if lemma in ("mine",) and (tok.pos_ != "NOUN" or is_a_worked_mine(tok)):
        return None
    return WEAPON_LEMMAS.get(lower) or WEAPON_LEMMAS.get(lemma)
