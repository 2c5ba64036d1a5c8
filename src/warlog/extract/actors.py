"""Turn a noun phrase into an ACTOR: its text, a normalised name, kind and country."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from warlog.extract import lexicon as lx
from warlog.extract.lookup import ents_within
from warlog.extract.phrases import TokenRange
from warlog.model import Actor, ActorKind
from warlog.model import Span as TextSpan

CountryOf = Callable[[str], "str | None"]
LEADING = ("the ", "a ", "an ", "some ", "two ", "several ")


def _counts_some(root: Token) -> bool:
    """"hundreds of worshippers", "dozens of soldiers": a figure that names whom it counts."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") for g in c.children) for c in root.children)


def make_actor(doc: Doc, rng: TokenRange, *, country_of: CountryOf) -> Actor | None:
    """An ACTOR for tokens [start, end) of doc, or None for an empty or pronoun phrase."""
    span = doc[rng.start:rng.end]
    text = span.text.strip(" ,;:\"“”'")
    if not text or all(t.pos_ == "PRON" for t in span):
        return None
    if span[0].lower_ in ("no", "none", "nobody"):
        return None  # "no group claimed it" names nobody
    if span[0].tag_ in ("WDT", "WP", "WP$") or span[0].lower_ in ("which", "what", "whose", "whichever"):
        return None  # "could not verify which side launched the drone": a question, no one
    if (span.root.ent_type_ in ("ORDINAL", "CARDINAL") or span.root.pos_ == "NUM") \
            and not _counts_some(span.root):
        return None  # "the second struck the base": a count of weapons, not a party
    kind, country, group = classify(span, country_of=country_of)
    return Actor(
        text=text,
        name=group or _name(text),
        kind=kind,
        country=country,
        span=TextSpan(start=span.start_char, end=span.start_char + len(span.text.rstrip())),
    )


def classify(span: Span, *, country_of: CountryOf) -> tuple[ActorKind, str | None, str | None]:
    """Kind, country and a known group's canonical name for a phrase naming people."""
    lower = span.text.lower()
    words = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
    group = _known_group(lower)
    if group is not None:
        return "non_state_armed_group", group[1], group[0]
    # "Iranian-backed militias": the backer's name is not the actor's country or kind
    backed = "backed" in lower or "-aligned" in lower or "linked" in words
    country = None if backed else _country(span, country_of=country_of)
    if words & {"bomber", "bombers"} and "suicide" not in words \
            and any(cue in lower for cue in lx.AIR_BOMBER_CUES):
        return "state_forces", country, None  # "Tu-95MS strategic bombers": aircraft
    if any(name in lower for name in lx.STATE_FORCE_NAMES):
        return "state_forces", country, None
    root = span.root
    if root.lemma_.lower() in ("personnel", "man", "agent", "officer") and any(
            c.dep_ in ("compound", "amod") and c.lower_ == "security" for c in root.children):
        return "state_forces", country, None  # "eight security personnel", "security men"
    if any(c.dep_ == "amod" and c.lower_ == "armed" for c in root.children) \
            and not {root.lower_, root.lemma_.lower()} & (lx.STATE_WORDS | lx.POLICE_NOUNS):
        # "armed men", "unidentified armed individuals" (whatever uniform they wore): an
        # armed group no one names; "armed forces", "armed police" are a state's
        return "non_state_armed_group", country, None
    if words & lx.NON_STATE_WORDS and words & lx.STATE_WORDS and _state_word_first(span):
        # "a convoy of Russian soldiers and pro-regime militiamen": the first side named
        return "state_forces", country, None
    if words & lx.NON_STATE_WORDS or _named_as_a_group(span):
        return "non_state_armed_group", country, None
    if words & lx.CIVILIAN_WORDS and not words & lx.STATE_WORDS:
        return "civilians", country, None
    if span.root.lemma_.lower() in lx.CIVILIAN_OBJECTS and not words & (lx.STATE_WORDS | {"base"}):
        return "civilians", country, None  # "an apartment block", "a religious gathering"
    if span.root.lemma_.lower() in lx.MERCHANT_SHIPS \
            and not words & (lx.STATE_WORDS | {"naval", "aircraft", "amphibious"}):
        return "civilians", country, None  # "a merchant vessel", "a bulk carrier": its crew
    if words & lx.STATE_WORDS or (country is not None and _is_bare_state(span)):
        return "state_forces", country, None
    if country is not None and _is_weapon_head(span):
        return "state_forces", country, None  # "Russian missiles": a state's arsenal
    return "unknown", country, None


def _state_word_first(span: Span) -> bool:
    """Of conjoined sides, the state's is named first ("Russian soldiers and Syrian
    militiamen"); a group's own soldiers ("Hamas fighters and their commanders") are not."""
    if not any(t.dep_ == "conj" for t in span):
        return False
    for t in span:
        if t.lower_ in lx.NON_STATE_WORDS or t.lemma_.lower() in lx.NON_STATE_WORDS:
            return False
        if t.lower_ in lx.STATE_WORDS or t.lemma_.lower() in lx.STATE_WORDS:
            return True
    return False


def _named_as_a_group(span: Span) -> bool:
    """"The Kashmir Tigers", "The Resistance Front", "Jaish-e-Mohammed": a proper name
    built on a word armed groups name themselves by."""
    names = [t for t in span if t.pos_ == "PROPN" or t.text[:1].isupper() and t.i > span.start]
    parts = {w for t in names for w in t.lower_.split("-")}
    return bool(names) and bool(parts & lx.GROUP_NAME_WORDS)


def _known_group(lower: str) -> tuple[str, str | None] | None:
    for key in sorted(lx.KNOWN_GROUPS, key=len, reverse=True):
        if key in lower:
            # "Iranian-backed Hezbollah" is Hezbollah; "anti-Hezbollah" is not
            index = lower.index(key)
            if index == 0 or not lower[index - 1].isalnum():
                return lx.KNOWN_GROUPS[key]
    return None


def _country(span: Span, *, country_of: CountryOf) -> str | None:
    for ent in ents_within(span):
        if ent.label_ in ("GPE", "NORP"):
            code = country_of(ent.text)
            if code:
                return code
    for tok in span:
        if tok.pos_ in ("PROPN", "ADJ"):
            code = country_of(tok.text)
            if code:
                return code
    return None


def _is_weapon_head(span: Span) -> bool:
    # "Israeli fire", "Russian shelling": a state's fire stands for its forces
    weapons = {w for w, _ in lx.WEAPON_PHRASES if " " not in w} | {"fire"}
    return span.root.lemma_.lower() in weapons or span[-1].lemma_.lower() in weapons


def _is_bare_state(span: Span) -> bool:
    """"the U.S.", "Israel", "Russia": a country standing for its forces."""
    content = [t for t in span if t.pos_ not in ("DET", "PUNCT")]
    return bool(content) and all(t.ent_type_ in ("GPE", "NORP") for t in content)


def _name(text: str) -> str:
    lower = text.lower()
    for lead in LEADING:
        if lower.startswith(lead):
            text = text[len(lead):]
            break
    return " ".join(text.split())
