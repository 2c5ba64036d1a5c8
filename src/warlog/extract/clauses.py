"""Where in a sentence a mention's arguments may stand: its clause, the clause a
"when"-clause hangs from; and which lines are headlines or datelines."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from warlog.extract import lexicon as lx
from warlog.extract.lookup import doc_text

HARM_PREPS = frozenset({"in", "during", "by", "amid"})

HARM_VERBS = frozenset({"kill", "die", "wound", "injure", "hurt", "destroy", "damage", "slay",
                        "perish"})


def time_scope(head: Token) -> set[int]:
    """Where the attack's date may stand: its clause, and the clause a "when"-clause
    hangs from ("three were killed early on Sunday when a drone struck the base")."""
    recalled = _recalling(head)
    if recalled is not None:
        # "a year after the massacre in Solhan, in which gunmen killed 160 on 5 June": the
        # whole phrase tells the recalled attack, its day too
        return {head.doc[i].idx for i in recalled_phrase(recalled)}
    scope = clause_chars(head)
    root = _clause_root(head)
    if root.dep_ == "advcl" and root.head.i != root.i:
        scope |= clause_chars(root.head)
    if root.dep_ == "relcl" and root.head.ent_type_ in ("DATE", "TIME"):
        # "targeted in 1999, when guerrillas fired bombs at it": the day the clause tells
        scope |= {t.idx for t in root.head.subtree if t.i < root.left_edge.i}
    return scope


def _recalling(head: Token) -> Token | None:
    """The "a month after" whose phrase the mention stands in, if any."""
    for tok in head.ancestors:
        if long_after(tok) and head.i in recalled_phrase(tok):
            return tok
    return None


def _clause_root(head: Token) -> Token:
    # a gerund standing as a noun counts as one: "Shelling killed three civilians on
    # Monday" (which the small tagger also files as an auxiliary of "killed")
    gerund = head.tag_ == "VBG" and head.dep_ in ("nsubj", "nsubjpass", "aux") \
        and head.i < head.head.i and not any(c.dep_ in ("nsubj", "dobj") for c in head.children)
    if (gerund or head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubj", "nsubjpass",
                                                                    "pobj")) \
            and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    # "five were killed on Monday in an attack on the market": the casualty verb the
    # attack's phrase hangs from holds its day and place ("raising the toll from a strike"
    # does not: the raising is another moment)
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "pobj" and head.head.lower_ in HARM_PREPS \
            and harms(head.head.head):
        return head.head.head
    return head


def harms(verb: Token) -> bool:
    """A casualty verb: "killed", "wounded", and "lost their lives"."""
    lemma = verb.lemma_.lower()
    return lemma in HARM_VERBS or lemma == "lose" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in verb.children)


def clause_chars(head: Token) -> set[int]:
    """Character offsets of the trigger's clause, without clauses embedded in it."""
    root = _clause_root(head)
    skip: set[int] = set()
    for tok in root.subtree:
        if tok.i != root.i and tok.dep_ in ("advcl", "ccomp", "relcl", "parataxis") \
                and head not in tok.subtree and not launches_weapons(tok) and not _tells_itself(tok, head):
            skip.update(t.i for t in tok.subtree)
    # "struck X on Monday in retaliation for the shelling on Sunday": the answered attack's
    # words are not the response's, and the response's are not the answered attack's
    answered = answered_words(head.sent)
    if head.i in answered:
        skip.update(t.i for t in root.subtree if t.i not in answered)
    else:
        skip.update(answered)
    return {t.idx for t in root.subtree if t.i not in skip}


def answered_words(sent: Span) -> set[int]:
    """The words of the phrases that name another attack than the one told around them:
    one being answered ("to punish Israel for the April 1 strike", "in retaliation for the
    shelling", "in revenge for an air strike"; the tagger often hangs the "for" phrase on
    the verb beside "in revenge"), or one recalled as long before ("a month after the
    massacre in X, where gunmen killed 160"). The words around the phrase (who responded,
    with what, where) are the told attack's, and the phrase's own words are not."""
    found: set[int] = set()
    for tok in sent:
        if long_after(tok):
            found.update(recalled_phrase(tok))
            continue
        if not is_response_cue(tok):
            continue
        phrase = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ANSWERED_PREPS]
        holder = tok.head.head if tok.dep_ == "pobj" else None
        if holder is not None and tok.head.lower_ == "in":
            phrase += [c for c in holder.children if c.dep_ == "prep" and c.lower_ in ANSWERED_PREPS
                       and c.i > tok.i]
        if tok.pos_ == "VERB":  # "to punish X for Y", "retaliating for Y"
            phrase += [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ANSWERED_PREPS]
        for prep in phrase:
            found.update(t.i for t in prep.subtree)
    return found


ANSWERED_PREPS = frozenset({"for", "to", "over", "against"})
LONG_UNITS = frozenset({"year", "years", "month", "months", "decade", "decades"})


def recalled_phrase(after: Token) -> set[int]:
    """The words of "a month after the massacre of X", with the place set off after it by
    commas that the tagger hangs on the main verb ("…of X, in neighbouring Burkina Faso,
    where…"): a locator of the name just before it."""
    words = {t.i for c in after.children if c.dep_ == "pobj" for t in c.subtree}
    if not words:
        return words
    end = max(words) + 1
    doc = after.doc
    if end + 1 < len(doc) and doc[end].text == ",":
        for c in after.head.children:
            if c.dep_ == "prep" and c.i == end + 1 and c.lower_ == "in":
                words.update(t.i for t in c.subtree)
    return words


def long_after(tok: Token) -> bool:
    """"after" measured in months or years: "a year after", "barely one month after"."""
    return tok.lower_ == "after" and any(c.dep_ == "npadvmod" and c.lower_ in LONG_UNITS
                                         for c in tok.children)


LAUNCH_VERBS = frozenset({"launch", "fire", "fly", "send"})
RELATIVE_SUBJECTS = frozenset({"which", "that", "who"})


def _tells_itself(clause: Token, head: Token) -> bool:
    """"the suicide blast which took place in the mosque on Monday", "the attack that
    killed 12 on Sunday": a relative clause whose subject is the attack tells the attack,
    its day and place too (not "the attack, which the ministry condemned on Tuesday")."""
    return clause.dep_ == "relcl" and clause.head.i == head.i and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_SUBJECTS for c in clause.children)


def launches_weapons(clause: Token) -> bool:
    """"shot down 21 of the missiles that Russia launched overnight": a clause that tells
    how the weapons were launched belongs to the attack, its day and place too."""
    return clause.dep_ == "relcl" and clause.lemma_.lower() in LAUNCH_VERBS \
        and clause.head.lemma_.lower() in WEAPON_HEADS


WEAPON_HEADS = frozenset({"missile", "rocket", "drone", "shell", "projectile", "bomb", "uav"})


def is_headline(sent: Span) -> bool:
    """A title line near the top: a line of its own with no closing full stop."""
    text = doc_text(sent.doc)
    end = sent.start_char + len(sent.text.rstrip())  # a sentence may hold the blank line after it
    line_start = sent.start_char == 0 or text[sent.start_char - 1] == "\n"
    line_end = end >= len(text) or text[end:end + 1] in ("\n", "")
    stripped = sent.text.strip()
    return (line_start and line_end and sent.start_char < 400 and not stripped.endswith((".", "—", "-"))
            and len(stripped.split()) <= 25)


def is_section_head(sent: Span) -> bool:
    """A heading inside the text ("June 9 — Reasi: pilgrim bus ambushed"): a short line of
    its own with no closing full stop, past the title, with text after it."""
    text = doc_text(sent.doc)
    stripped = sent.text.strip()
    start = sent.start_char
    end = start + len(sent.text.rstrip())
    own_line = (start == 0 or text[start - 1] == "\n") and text[end:end + 1] in ("\n",)
    return (own_line and not is_headline(sent) and bool(stripped)
            and not stripped.endswith((".", "—", "-", ":", ";", ",")) and len(stripped.split()) <= 15
            and _NON_SPACE.search(text, end) is not None)


_NON_SPACE = re.compile(r"\S")

# A heading line of a roundup or live blog: a few words, no sentence's closing stop
# ("June 11 — Kathua: village attacked", "Monday, 26 February", "Kherson region").
HEADING_WORDS = 16


def reads_as_heading(line: str) -> bool:
    """Whether a stripped, non-empty line of text reads as a heading."""
    return len(line.split()) <= HEADING_WORDS and line[-1] not in ".!?\"”'’"


def is_dateline(sent: Span) -> bool:
    """"ODESA, Ukraine, March 3 (Courier) —": the date of the report, not of the attack."""
    stripped = sent.text.strip()
    return stripped.endswith(("—", "–", "--")) or stripped.lower().startswith(("published", "updated"))


def is_response_cue(tok: Token) -> bool:
    """"in response", "retaliated", "to punish", and "answer" as a noun ("its answer to")."""
    return tok.lemma_.lower() in lx.RESPONSE_CUES or tok.lower_ in lx.RESPONSE_CUES \
        or tok.pos_ == "NOUN" and tok.lemma_.lower() in lx.RESPONSE_NOUNS
