"""Where a report names a place: spans of a parsed spaCy Doc that may be toponyms.

Sources, each measured on GeoWebNews (docs/geo.md): spaCy's GPE/LOC/FAC entities;
NORP entities that are demonym modifiers ("Iraqi forces", "Iranian-backed"); places inside
ORG names ("Kenya Airways", "Cauvery Water Management Authority"); facility phrases the
NER misses ("Al-Asad Airbase", "Tower 22"); and proper nouns outside any entity that name
a country, division, region or facility.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from warlog.geo import names
from warlog.geo.gazetteer import Gazetteer
from warlog.geo.tables import Entry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Source = Literal["entity", "demonym", "embedded", "facility", "proper_noun"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Trailing possessives and leading articles are not part of the name.
_LEADING = frozenset({"the", "The", "THE"})
_TRAILING = frozenset({"'s", "’s", "'", "’"})
_MAX_WORDS = 5
# Words that are also division or town names ("Central" in Botswana, "Union" in many places):
# alone, inside an organisation's name or outside any entity, they are not read as places.
COMMON_WORDS = frozenset({
    "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "capital", "national", "federal", "coast", "island", "islands", "upper", "lower", "new",
    "great", "grand", "royal", "united", "free", "union", "independence", "liberty", "centre",
    "center", "city", "mountain", "lake", "river", "valley", "home", "victoria", "washington post",
    "general", "main", "middle", "border", "state", "states", "republic", "democratic", "council",
    "president", "police", "may", "march", "august", "april", "june", "july", "sunday", "monday",
})
# Armed groups and parties the small NER model often labels GPE; never a place.
NOT_PLACES = frozenset({
    "hamas", "hezbollah", "hizbollah", "hizballah", "houthi", "houthis", "isis", "isil", "daesh",
    "taliban", "wagner", "boko haram", "jnim", "hts", "al qaeda", "al shabaab", "shabaab",
    "kataib hezbollah", "islamic state", "pkk", "ypg", "sdf", "nato",
})


class Mention(NamedTuple):
    start: int          # character offsets into doc.text
    end: int
    text: str
    source: Source
    tok_start: int      # token offsets, for the syntax the roles read
    tok_end: int
    hint: Entry | None  # a place already known from the way it was found (demonym, facility)


def _trim(span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].text in _LEADING:
        start += 1
    while end > start + 1 and span.doc[end - 1].text in _TRAILING:
        end -= 1
    return start, end


def _mention(doc: Doc, start: int, end: int, source: Source, hint: Entry | None = None) -> Mention:
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text, source, start, end, hint)


def _is_people(span: Span) -> bool:
    # "Iraqis", "Mexicans": people, not a place modifier (GeoWebNews files them as demonyms).
    last = span[-1]
    return last.tag_ in ("NNS", "NNPS") or (last.text.endswith("s") and not last.text.endswith("ss")
                                            and last.pos_ == "NOUN")


def entity_mentions(doc: Doc, *, gazetteer: Gazetteer) -> list[Mention]:
    found: list[Mention] = []
    for ent in doc.ents:
        start, end = _trim(ent)
        if names.name_key(doc[start:end].text) in NOT_PLACES:
            continue
        if ent.label_ in PLACE_LABELS:
            found.append(_mention(doc, start, end, "entity"))
        elif ent.label_ == "NORP":
            found.extend(_demonym_mention(doc, start, end, gazetteer=gazetteer))
        elif ent.label_ == "ORG":
            found.extend(embedded_mentions(doc, start, end, gazetteer=gazetteer))
    return found


def _demonym_mention(doc: Doc, start: int, end: int, *, gazetteer: Gazetteer) -> list[Mention]:
    span = doc[start:end]
    if _is_people(span):
        return []
    entry = gazetteer.demonym(span.text)
    if entry is None:
        found = [e for e in gazetteer.lookup(span.text) if e.kind in ("country", "region")]
        entry = found[0] if found else None
    return [] if entry is None else [_mention(doc, start, end, "demonym", entry)]


def _embedded_entry(text: str, *, gazetteer: Gazetteer) -> Entry | None:
    if text.lower() in COMMON_WORDS:
        return None
    demonym = gazetteer.demonym(text)
    if demonym is not None:
        return demonym
    for entry in gazetteer.lookup(text):
        if entry.kind in ("country", "admin1", "region") or entry.population >= 100_000:
            return entry
    return None


def embedded_mentions(doc: Doc, start: int, end: int, *, gazetteer: Gazetteer) -> list[Mention]:
    """Places inside an ORG name: the longest runs of its words that name a well-known place."""
    found: list[Mention] = []
    i = start
    while i < end:
        for j in range(min(end, i + _MAX_WORDS), i, -1):
            words = doc[i:j]
            if not words[0].text[:1].isupper() or words[-1].is_punct:
                continue
            entry = _embedded_entry(words.text, gazetteer=gazetteer)
            if entry is not None:
                # Only an adjective form fixes the place; a name is left to the resolver.
                hint = gazetteer.demonym(words.text)
                found.append(_mention(doc, i, j, "embedded", hint))
                i = j - 1
                break
        i += 1
    return found


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() or token.text.lower() in names.ARTICLES


def facility_mentions(doc: Doc, *, gazetteer: Gazetteer) -> list[Mention]:
    """Phrases naming a facility in the table, written with or without "base"/"camp"."""
    found: list[Mention] = []
    for i, token in enumerate(doc):
        if not token.text[:1].isupper():
            continue
        for j in range(min(len(doc), i + _MAX_WORDS + 2), i, -1):
            phrase = doc[i:j]
            if phrase[-1].is_punct:
                continue
            facilities = gazetteer.lookup_facility(phrase.text)
            if facilities:
                found.append(_mention(doc, i, j, "facility", facilities[0]))
                break
    return found


def proper_noun_mentions(doc: Doc, *, gazetteer: Gazetteer) -> list[Mention]:
    """Proper nouns outside any entity that name a country, division or region."""
    inside = {t.i for ent in doc.ents for t in ent}
    found: list[Mention] = []
    for token in doc:
        if token.i in inside or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if token.lower_ in COMMON_WORDS or names.name_key(token.text) in NOT_PLACES:
            continue
        for entry in gazetteer.lookup(token.text):
            if entry.kind in ("country", "admin1", "region"):
                found.append(_mention(doc, token.i, token.i + 1, "proper_noun"))
                break
    return found


def find_mentions(doc: Doc, *, gazetteer: Gazetteer) -> list[Mention]:
    """Every candidate toponym, overlaps settled: facilities, then longer spans, win."""
    candidates = facility_mentions(doc, gazetteer=gazetteer)
    candidates += entity_mentions(doc, gazetteer=gazetteer)
    candidates += proper_noun_mentions(doc, gazetteer=gazetteer)
    rank = {"facility": 0, "entity": 1, "demonym": 1, "embedded": 2, "proper_noun": 3}
    candidates.sort(key=lambda m: (rank[m.source], -(m.end - m.start), m.start))
    taken: list[Mention] = []
    for m in candidates:
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: (m.start, m.end))


def context_mentions(doc: Doc, taken: list[Mention], *, countries: frozenset[str],
                     gazetteer: Gazetteer) -> list[Mention]:
    """Proper nouns the NER mislabels (PERSON, NORP, ORG) or misses, kept when they name a
    town, division or facility of a country the report names: "attacked Samarra in Iraq"."""
    busy = {i for m in taken for i in range(m.tok_start, m.tok_end)}
    found: list[Mention] = []
    for token in doc:
        if token.i in busy or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if token.lower_ in COMMON_WORDS or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY"):
            continue
        if token.ent_type_ == "PERSON" and len(token.ent_iob_) and _multiword_person(token):
            continue
        if any(e.country in countries and e.kind != "country" for e in gazetteer.lookup(token.text)):
            found.append(_mention(doc, token.i, token.i + 1, "proper_noun"))
    return found


def _multiword_person(token: Token) -> bool:
    # "Pat Ryder", "Sabrina Singh": a person's name, even if a town shares one of the words.
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return ent is not None and len(ent) > 1
