"""Who the report credits for what a sentence says, and who claims or denies an attack."""

from __future__ import annotations

from spacy.tokens import Span, Token

from warlog.extract import lexicon as lx
from warlog.extract.senses import defends, kills_fighters

CLAIM_NOUNS = frozenset({"responsibility", "credit"})
DENY_OBJECTS = frozenset({"involvement", "responsibility", "role", "part", "link", "links",
                          "connection", "accusation", "accusations", "claim", "claims",
                          "allegation", "allegations", "report", "reports"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "who", "which", "that", "this"})


def said_by(sent: Span, trigger: Token) -> list[str]:
    """"according to X", or the subject of a reporting verb that governs the trigger."""
    sources: list[str] = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            objs = [g for g in tok.nbor().children if g.dep_ == "pobj"]
            if objs:
                sources.append(_speaker_text(objs[0]))
    for verb in _reporting_ancestors(trigger, sent):
        subj = _speaker(verb)
        if subj is not None:
            sources.append(_speaker_text(subj))
    return [s for s in dict.fromkeys(sources) if s]


def said_by_tokens(sent: Span, trigger: Token) -> list[Token]:
    """The head tokens of the speakers above the trigger, nearest first."""
    out = []
    for verb in _reporting_ancestors(trigger, sent):
        subj = _speaker(verb)
        if subj is not None:
            out.append(subj)
    return out


def _reporting_ancestors(trigger: Token, sent: Span) -> list[Token]:
    """Reporting verbs above the trigger, and a sentence-final "…, X said" root."""
    verbs = [a for a in trigger.ancestors if a.lemma_.lower() in lx.REPORTING_VERBS
             and a.pos_ in ("VERB", "AUX")]
    root = sent.root
    if root.lemma_.lower() in lx.REPORTING_VERBS and root not in verbs:
        verbs.append(root)
    return verbs


def _speaker(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj",) and child.lower_ not in PRONOUNS and not any(
                g.dep_ == "det" and g.lower_ == "no" for g in child.children):
            return child
    return None


def _speaker_text(tok: Token) -> str:
    """The speaker's whole phrase, with an apposition ("X, a Pentagon spokesperson")."""
    start = tok.left_edge.i
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("appos", "compound", "flat", "punct", "prep") and child.lower_ != "via":
            if child.dep_ == "punct" and child.text not in (",",):
                break
            end = child.right_edge.i + 1
        else:
            break
    doc = tok.doc
    text = doc[start:end].text.strip(" ,")
    return " ".join(text.split())


def claimed_by(sent: Span) -> list[str]:
    """"X claimed responsibility", "X said it carried out the attack"."""
    return list(dict.fromkeys(_speaker_text(t) for t in claimants(sent)))


def claimants(sent: Span) -> list[Token]:
    """The head tokens of who claims the attack in the sentence, in text order."""
    out: list[Token] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in ("claim", "acknowledge", "admit", "accept", "take") and any(
            c.lemma_.lower() in CLAIM_NOUNS for c in tok.children if c.dep_ == "dobj"
        ) or lemma in ("say", "announce", "state") and _says_it_attacked(tok):
            subj = _speaker(tok)
            if subj is not None:
                out.append(subj)
    return out


def _says_it_attacked(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        subj = [c for c in child.children if c.dep_ == "nsubj"]
        own = subj and (subj[0].lower_ in ("it", "they", "we") or any(
            g.dep_ == "poss" and g.lower_ in ("its", "their", "our") for g in subj[0].children))
        if own and not defends(child) and (
            child.lemma_.lower() in lx.VERB_TRIGGERS | {"carry", "conduct", "launch", "target"}
            or kills_fighters(child)
        ):
            return True
    return False


def denied_by(sent: Span) -> list[str]:
    """"X denied any involvement", "X rejected the accusations"."""
    return list(dict.fromkeys(_speaker_text(t) for t in deniers(sent)))


def deniers(sent: Span) -> list[Token]:
    """The head tokens of who denies a part in an attack in the sentence, in text order."""
    out: list[Token] = []
    for tok in sent:
        if tok.lemma_.lower() not in ("deny", "reject", "dismiss", "refute"):
            continue
        objs = {w.lower_ for c in tok.children if c.dep_ in ("dobj", "ccomp") for w in c.subtree}
        if objs & DENY_OBJECTS or tok.lemma_.lower() == "deny":
            subj = _speaker(tok)
            if subj is not None:
                out.append(subj)
    return out


# Verbs that put an attack on someone: "blamed X for", "accused X of", "held X responsible".
BLAME_LEMMAS = frozenset({"blame", "accuse", "hold"})


def blamed(sent: Span) -> list[Token]:
    """The head tokens of the parties a sentence holds to blame ("officials blamed X for the
    attack", "Israel accused X of firing the rocket", "held X responsible"), in text order."""
    out: list[Token] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma not in BLAME_LEMMAS or tok.pos_ != "VERB":
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN")]
        if lemma == "hold" and not any(c.lower_ == "responsible" for c in tok.subtree):
            continue
        if objs:
            out.append(objs[0])
    return out


def suspects(sent: Span) -> list[Token]:
    """Who the sentence names as having carried out an attack, by its own word or another's:
    a claim, a denial (a party denies only what it is suspected of) or a blame."""
    return claimants(sent) + deniers(sent) + blamed(sent)
