"""What a place mention does in its sentence: literal, modifier or metonymic (CONTRACT.md).

"Al-Asad Airbase in Iraq" is literal; "Iraqi forces", "U.S. troops", "Iranian-backed" are
modifiers; "Washington said", "Iran's support" are metonyms for a government or people.
Read from spaCy's dependency parse; where the parse says nothing, a place is literal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warlog.model import Role

if TYPE_CHECKING:
    from spacy.tokens import Span

# Verbs whose subject acts as a government or people, not as ground.
_AGENT_VERBS = frozenset({
    "say", "tell", "announce", "accuse", "deny", "claim", "warn", "urge", "demand", "condemn",
    "insist", "vow", "threaten", "agree", "refuse", "reject", "want", "seek", "plan", "decide",
    "respond", "retaliate", "strike", "attack", "launch", "send", "deploy", "sanction", "impose",
    "recognize", "recognise", "support", "back", "sign", "vote", "call", "ask", "believe", "hope",
    "fear", "expel", "invade", "win", "lose", "beat", "negotiate", "pledge", "promise", "order",
    "confirm", "report", "state", "argue", "propose", "offer", "approve", "ban", "block", "join",
})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


def role_of(span: Span, *, demonym: bool) -> Role:
    """The role of the place named by ``span``; ``demonym`` for adjective forms ("Iraqi")."""
    if demonym:
        return "modifier"
    root = span.root
    if root.dep_ in _MODIFIER_DEPS and root.head.i >= span.end and root.head.pos_ in ("NOUN", "PROPN"):
        return "modifier"
    if _hyphenated_modifier(span):
        return "modifier"
    if root.dep_ == "poss":
        return "metonymic"
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in _AGENT_VERBS:
        return "metonymic"
    return "literal"


def _hyphenated_modifier(span: Span) -> bool:
    # "Iran-backed", "U.S.-led": the place word is glued to a participle by a hyphen.
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "-":
        return doc[span.end + 1].tag_ in ("VBN", "VBD", "JJ")
    return False
