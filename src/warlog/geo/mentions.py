"""Where a report names a place: spans of a parsed spaCy Doc that may be toponyms.

Sources, each measured on GeoWebNews (docs/geo.md): spaCy's GPE/LOC/FAC entities;
NORP entities that are demonym modifiers ("Iraqi forces", "Iranian-backed"), and demonyms
before a noun the NER left untagged ("Burkinabe troops"); places inside
ORG names ("Kenya Airways", "Cauvery Water Management Authority"); facility phrases the
NER misses ("Al-Asad Airbase", "Tower 22"); and proper nouns outside any entity that name
a country, division, region or facility.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Literal, NamedTuple

from warlog.geo import names
from warlog.geo.gazetteer import Gazetteer
from warlog.geo.local import street_spans
from warlog.geo.tables import Entry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Source = Literal["entity", "demonym", "embedded", "facility", "proper_noun", "local"]

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
_DIRECTION_WORDS = frozenset({"central", "northern", "southern", "eastern", "western",
                              "northeastern", "northwestern", "southeastern", "southwestern",
                              "north", "south", "east", "west"})
# Armed groups and alliances the NER files as places ("M23", "Hezbollah"), compared by
# their name key, as every mention's text is (the key folds "Hezbollah" to "hezbola").
NOT_PLACE_NAMES = frozenset({
    "hamas", "hezbollah", "hizbollah", "hizballah", "houthi", "houthis", "isis", "isil", "daesh",
    "taliban", "wagner", "boko haram", "jnim", "hts", "al qaeda", "al shabaab", "shabaab",
    "kataib hezbollah", "islamic state", "pkk", "ypg", "sdf", "nato", "m23", "adf", "fdlr",
    "ttp", "iswap", "rsf", "ansar allah", "anti-balaka", "nujaba", "harakat al-nujaba",
})
NOT_PLACES = frozenset(names.name_key(n) for n in NOT_PLACE_NAMES)


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


# Titles and ranks before a name make it a person ("Cllr Morris", "Brig. Gen. Hit");
# alone, they are never places ("Brig." is not Brig, Switzerland).
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "cllr", "councillor",
    "gen", "general", "brig", "brigadier", "col", "colonel", "lt", "lieutenant", "maj", "major",
    "capt", "captain", "sgt", "sergeant", "cpl", "corporal", "pvt", "private", "adm", "admiral",
    "cmdr", "commander", "sen", "senator", "rep", "gov", "governor", "pres", "president", "minister",
    "sheikh", "shaykh", "imam", "mullah", "emir", "king", "queen", "prince", "princess", "pope",
    "rev", "reverend", "father", "bishop", "judge", "justice", "mayor", "chief", "ayatollah", "mp",
    "uss", "hms", "hmcs", "hmas", "ins", "mv", "ss",  # ships: "USS Mason" is no town
})
# Arabic article forms that are also English words: "at Dhiban", "At Al-Asad Air Base",
# "as Syria…": before a space (not a hyphen) they are the English word, not part of the name.
ENGLISH_ARTICLE_WORDS = frozenset({"at", "as", "an", "en", "es", "et", "ed", "er", "ad"})


def _english_word_start(doc: Doc, i: int) -> bool:
    token = doc[i]
    return token.lower_ in ENGLISH_ARTICLE_WORDS and i + 1 < len(doc) and doc[i + 1].text != "-" \
        and bool(token.whitespace_)
# Entity labels spaCy's small model sometimes puts on a bare country name ("Niger" as DATE).
_STRAY_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT",
                           "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})
_MERGE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})


def is_title(token: Token) -> bool:
    return token.lower_.rstrip(".") in TITLES


def _after_title(doc: Doc, start: int) -> bool:
    return start >= 1 and is_title(doc[start - 1]) and doc[start - 1].text[:1].isupper()


def _entity_spans(doc: Doc, *, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Entities, with neighbours the NER split apart joined again when the joined name is a
    place: "Boa" (GPE) + "Vista" (ORG) is Boa Vista; "Washington" + "," + "D.C." is D.C."""
    ents = list(doc.ents)
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        if i + 1 < len(ents) and ent.label_ in _MERGE_LABELS and ents[i + 1].label_ in _MERGE_LABELS:
            nxt = ents[i + 1]
            gap = doc[ent.end:nxt.start]
            if (len(gap) == 0 or (len(gap) == 1 and gap[0].text == ",")) and "GPE" in (ent.label_, nxt.label_):
                joined = doc[ent.start:nxt.end].text
                if any(e.kind != "country" for e in gazetteer.lookup(joined)):
                    out.append((ent.start, nxt.end, "GPE"))
                    i += 2
                    continue
        out.append((ent.start, _extended_end(doc, ent.start, ent.end, gazetteer=gazetteer)
                    if ent.label_ in PLACE_LABELS else ent.end, ent.label_))
        i += 1
    return out


def _extended_end(doc: Doc, start: int, end: int, *, gazetteer: Gazetteer) -> int:
    """"Deir" + "ez-Zor": a place entity the NER cut before an article or hyphen, carried on
    to the longest run of name words that is a place; the entity as it was otherwise."""
    stop = end
    while stop < len(doc) and stop - start < _MAX_WORDS + 2 and (
            doc[stop].lower_ in names.ARTICLES or doc[stop].text in _NAME_JOINERS
            or (doc[stop].text[:1].isupper() and stop > end and doc[stop - 1].text in _NAME_JOINERS)):
        stop += 1
    for j in range(stop, end, -1):
        if doc[j - 1].text in _NAME_JOINERS or doc[j - 1].lower_ in names.ARTICLES:
            continue
        if gazetteer.lookup(doc[start:j].text):
            return j
    return end


def _named_as_a_whole(text: str, *, gazetteer: Gazetteer) -> bool:
    """Does the entity name a place as it stands (or with its descriptor or facility word)?"""
    if gazetteer.lookup(text) or names.strip_facility_words(text) or names.strip_descriptor(text):
        return True
    return bool(gazetteer.lookup_loose(text))


# A model's designation: letters, a hyphen and digits ("S-300", "Kh-101", "Shahed-136", "Tu-95MS").
_DESIGNATION = re.compile(r"[A-Za-z]{1,8}-\d{1,4}[A-Za-z]{0,2}")


def entity_mentions(doc: Doc, *, gazetteer: Gazetteer) -> list[Mention]:
    found: list[Mention] = []
    for ent_start, ent_end, label in _entity_spans(doc, gazetteer=gazetteer):
        start, end = _trim(doc[ent_start:ent_end])
        text = doc[start:end].text
        if names.name_key(text) in NOT_PLACES or _after_title(doc, start):
            continue
        if end - start == 1 and is_title(doc[start]):
            continue
        if _DESIGNATION.fullmatch(text) and not gazetteer.lookup(text):
            continue  # "an S-300", "a Kh-101": a model's designation, no place
        if label in PLACE_LABELS and not gazetteer.lookup(text) and gazetteer.demonym(text) is not None:
            # "Ukrainian drones" with "Ukrainian" labelled GPE: an adjective, not a place name
            found.extend(_demonym_mention(doc, start, end, gazetteer=gazetteer))
        elif label in PLACE_LABELS:
            whole = _named_as_a_whole(text, gazetteer=gazetteer) \
                or (label == "FAC" and _before_place_noun(doc, end))
            inner = [] if whole else embedded_mentions(doc, start, end, gazetteer=gazetteer)
            found.extend(inner or [_mention(doc, start, end, "entity")])
        elif label == "NORP" and _before_division_word(doc, end) and not gazetteer.demonym(text):
            found.append(_mention(doc, start, end, "entity"))  # "Ituri province" tagged NORP
        elif label == "NORP":
            found.extend(_demonym_mention(doc, start, end, gazetteer=gazetteer))
        elif label == "ORG" and _org_names_a_town(doc, start, end, gazetteer=gazetteer):
            # "the centre of Finote Selam, a town in…" tagged an organisation: the town
            found.append(_mention(doc, start, end, "entity"))
        elif label == "ORG" and not _before_place_noun(doc, end):
            found.extend(embedded_mentions(doc, start, end, gazetteer=gazetteer))
        elif label in _STRAY_LABELS and text.lower() not in COMMON_WORDS and any(
                e.kind == "country" for e in gazetteer.lookup(text)):
            found.append(_mention(doc, start, end, "entity"))
    return found


_DIVISION_WORDS = frozenset({"province", "region", "governorate", "oblast", "district", "county"})  # not "state": "Islamic State"


def _org_names_a_town(doc: Doc, start: int, end: int, *, gazetteer: Gazetteer) -> bool:
    """An "organisation" whose whole name is a town or division of the gazetteer, told as
    a place by the words around it ("in X", "the centre of X", "X, a town in…")."""
    if not any(e.kind in ("town", "admin1") for e in gazetteer.lookup(doc[start:end].text)):
        return False
    # (not any cue: "according to Saidu", "the strike on Martin" name people)
    of_a_part = start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _PLACE_NOUNS | _PART_NOUNS
    return of_a_part or _place_noun_in_apposition(doc, start, end)


def _place_noun_in_apposition(doc: Doc, start: int, end: int) -> bool:
    """"X, a town in…", "X, the village where…": a place noun right after the comma, for a
    whole name (in "Cherkaska Lozova, a village", "Lozova" is no village of its own)."""
    if start >= 1 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha \
            and not doc[start - 1].is_sent_start:
        return False
    after = doc[end:end + 4]
    return len(after) >= 3 and after[0].text == "," and after[1].lower_ in ("a", "an", "the") \
        and any(t.lower_ in _PLACE_NOUNS for t in after[2:])


def _before_place_noun(doc: Doc, end: int) -> bool:
    """"Saida Sukhal village": a name the recogniser took for a building or an
    organisation, with a place noun after it or after the rest of the name, is a place's
    as a whole, whatever town its first word also names (Saïda, Algeria). Not so for a
    name it took for a place: "the St. Louis Hills area" is in St. Louis."""
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_ not in _PLACE_NOUNS:
        end += 1
    return end < len(doc) and doc[end].lower_ in _PLACE_NOUNS


def _before_division_word(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ in _DIVISION_WORDS


def _demonym_mention(doc: Doc, start: int, end: int, *, gazetteer: Gazetteer) -> list[Mention]:
    span = doc[start:end]
    if _is_people(span):
        return []
    entry = gazetteer.demonym(span.text)
    if entry is None:
        found = [e for e in gazetteer.lookup(span.text) if e.kind in ("country", "region")]
        entry = found[0] if found else None
    return [] if entry is None else [_mention(doc, start, end, "demonym", entry)]


def untagged_demonyms(doc: Doc, *, gazetteer: Gazetteer) -> list[Mention]:
    """Demonyms before a noun that the NER left out of any entity or took for a one-word
    person ("Burkinabe troops", "Nigerien soldiers"): the country's adjective all the same."""
    found: list[Mention] = []
    for tok in doc:
        if tok.ent_type_ not in ("", "PERSON") or not tok.text[:1].isupper() \
                or tok.dep_ not in ("amod", "compound") or tok.head.pos_ != "NOUN":
            continue
        if tok.ent_type_ == "PERSON" and (tok.ent_iob_ != "B" or (
                tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I")):
            continue  # one word of a longer person's name
        entry = gazetteer.demonym(tok.text)
        if entry is not None:
            found.append(_mention(doc, tok.i, tok.i + 1, "demonym", entry))
    return found


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
    heads = gazetteer.facility_heads()
    for i, token in enumerate(doc):
        if not token.text[:1].isupper() or _english_word_start(doc, i):
            continue
        first = names.name_key(doc[i:min(len(doc), i + 3)].text).split()
        if not first or first[0] not in heads:
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
    """Proper nouns outside any entity that name a country, division or region, one to
    four words long ("Burkina Faso" when the NER misses it)."""
    inside = {t.i for ent in doc.ents for t in ent}
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.i in inside or token.pos_ != "PROPN" or not token.text[:1].isupper() \
                or is_title(token) or _after_title(doc, i):
            i += 1
            continue
        end = i
        while end < len(doc) and end - i < 4 and end not in inside and doc[end].pos_ == "PROPN":
            end += 1
        for j in range(end, i, -1):
            text = doc[i:j].text
            if text.lower() in COMMON_WORDS or names.name_key(text) in NOT_PLACES:
                continue
            if any(e.kind in ("country", "admin1", "region") for e in gazetteer.lookup(text)):
                found.append(_mention(doc, i, j, "proper_noun"))
                i = j - 1
                break
        i += 1
    return found


def find_mentions(doc: Doc, *, gazetteer: Gazetteer) -> list[Mention]:
    """Every candidate toponym, overlaps settled: facilities, then longer spans, win."""
    candidates = facility_mentions(doc, gazetteer=gazetteer)
    # a street outranks the town inside its name: "Oxford Street" is no mention of Oxford
    candidates += [_mention(doc, start, end, "local") for start, end in street_spans(doc)]
    candidates += entity_mentions(doc, gazetteer=gazetteer)
    candidates += proper_noun_mentions(doc, gazetteer=gazetteer)
    candidates += untagged_demonyms(doc, gazetteer=gazetteer)
    rank = {"facility": 0, "local": 1, "entity": 2, "demonym": 2, "embedded": 3, "proper_noun": 4}
    candidates.sort(key=lambda m: (rank[m.source], -(m.end - m.start), m.start))
    taken = _first_without_overlap(candidates)
    return sorted(taken, key=lambda m: (m.start, m.end))


def repeated_mentions(doc: Doc, placed: list[Mention], *, taken: list[Mention]) -> list[Mention]:
    """One sense per discourse: a town the report has placed as literal ("a strike in
    Kramatorsk") is the same place where it is written again without a cue ("the centre of
    Kramatorsk", which the NER may file as a product). Only whole, capitalised words the
    found mentions leave free, and never a word of a longer name the NER tagged (a person,
    an organisation: "Kramatorsk Regional Council", nor the name alone tagged as a person)."""
    names_ = {tuple(t.text for t in doc[m.tok_start:m.tok_end]): m.hint for m in placed
              if doc[m.tok_start].text[:1].isupper()}
    if not names_:
        return []
    busy = {i for m in taken for i in range(m.tok_start, m.tok_end)}
    # a town's name alone, tagged as a person in a line's opening label ("Kramatorsk: toll
    # rises to 12"), is the small tagger's slip, not a namesake
    names_of = [(e.start, e.end) for e in doc.ents
                if e.label_ in ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW")
                and not (e.label_ == "PERSON" and _placed_name_alone(doc, e.start, e.end, names_))]
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in names_:
        by_first.setdefault(name[0], []).append(name)
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        match = None
        for name in sorted(by_first.get(doc[i].text, ()), key=len, reverse=True):
            j = i + len(name)
            if j <= len(doc) and tuple(t.text for t in doc[i:j]) == name \
                    and not any(k in busy for k in range(i, j)) \
                    and not any(a < j and i < b for a, b in names_of) \
                    and not (j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha) \
                    and not (i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha
                             and not doc[i - 1].is_sent_start):
                match = j
                break
        if match is None:
            i += 1
            continue
        found.append(_mention(doc, i, match, "proper_noun", names_[tuple(t.text for t in doc[i:match])]))
        i = match
    return found


# What ends a line's opening label or dateline place.
_LABEL_MARKS = frozenset({":", ",", "—", "–", "-", "(", "."})


def _placed_name_alone(doc: Doc, start: int, end: int,
                       placed: dict[tuple[str, ...], Entry | None]) -> bool:
    """The person entity is exactly a placed town's name, opening a line as its label."""
    name = tuple(t.text for t in doc[start:end])
    hint = placed.get(name)
    if name not in placed or (hint is not None and hint.kind != "town"):
        return False
    # where the tagger lacks context: a label opening a line ("Kramatorsk: toll rises")
    # or a dateline ("GWOZA, Nigeria —")
    return opens_as_label(doc, start, end)


def opens_as_label(doc: Doc, start: int, end: int) -> bool:
    """The span opens a line and a label's or dateline's mark follows it ("Kramatorsk:",
    "GWOZA, Nigeria —")."""
    return opens_line(doc, start) and end < len(doc) and doc[end].text in _LABEL_MARKS


def opens_line(doc: Doc, i: int) -> bool:
    """The token at ``i`` is the first of its line (of the text, or after a line break)."""
    return i == 0 or "\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text


def _first_without_overlap(candidates: list[Mention]) -> list[Mention]:
    """Each candidate in turn, kept unless it overlaps one kept before."""
    if any(m.end <= m.start for m in candidates):  # never made; the plain test covers it
        taken: list[Mention] = []
        for m in candidates:
            if all(m.end <= t.start or m.start >= t.end for t in taken):
                taken.append(m)
        return taken
    # Kept spans never overlap, so sorted by start they are sorted by end too, and of
    # those starting before a candidate ends only the last can reach into it: one
    # bisection per candidate, not a pass over everything kept.
    kept: list[Mention] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in candidates:
        before = bisect_left(starts, m.end)
        if before == 0 or ends[before - 1] <= m.start:
            starts.insert(before, m.start)
            ends.insert(before, m.end)
            kept.append(m)
    return kept


# Words before a name that say it is a place: "in Hit", "near Tal Afar", "shelled Bakhmut".
LOCATIVE_WORDS = frozenset({"in", "at", "near", "outside", "from", "to", "into", "toward", "towards",
                            "around", "across", "inside", "through", "via", "between", "nearby",
                            "off"})
ATTACK_VERBS = frozenset({"attack", "strike", "shell", "bomb", "hit", "target", "capture", "seize",
                          "enter", "besiege", "raid", "storm", "recapture", "retake", "liberate",
                          "surround", "encircle", "reach", "evacuate", "fire", "pound", "overrun",
                          "assault", "offensive"})
_NAME_JOINERS = frozenset({"-", "'", "’"})


def _name_token(token: Token) -> bool:
    return token.text[:1].isupper() or token.lower_ in names.ARTICLES or token.text in _NAME_JOINERS


def _has_cue(doc: Doc, start: int, end: int, busy: set[int]) -> bool:
    """A word before or after the span that says it names a place."""
    if start >= 1:
        before = doc[start - 1]
        if before.lower_ in LOCATIVE_WORDS or before.lemma_.lower() in ATTACK_VERBS:
            return True
        if before.lower_ == "of" and start >= 2 and doc[start - 2].lower_ in _PLACE_NOUNS | _PART_NOUNS:
            return True
        # "in central Mali", "across northern Syria": a part of the place, after a cue
        if before.lower_ in _DIRECTION_WORDS and start >= 2 \
                and doc[start - 2].lower_ in LOCATIVE_WORDS:
            return True
        # "the strike on Majdal Shams", "an assault on Kidal", "fired on Tessit"
        if before.lower_ == "on" and start >= 2 and doc[start - 2].lemma_.lower() in ATTACK_VERBS:
            return True
    if end < len(doc) and doc[end].lower_ in _PLACE_NOUNS or _place_noun_in_apposition(doc, start, end):
        return True
    # "KYIV — Missiles struck…", "PESHAWAR, Nov 3 (Wire) -": a dateline's town, in capitals
    if opens_as_label(doc, start, end) and doc[start:end].text.isupper():
        return True
    # "Hit in Iraq", "Tal Afar, Nineveh", "Majdal Shams in the Golan Heights": a known
    # place right after it
    return _place_after(doc, end, busy) is not None


def _name_after(doc: Doc, end: int) -> str:
    """The capitalised name right after ``end``, past "in", "in the" or a comma ("" when
    there is none)."""
    first = _past_in(doc, end)
    if first is None:
        return ""
    last = first
    while last < len(doc) and last - first < _MAX_WORDS and _name_token(doc[last]):
        last += 1
    return doc[first:last].text if last > first else ""


def _place_after(doc: Doc, end: int, busy: set[int]) -> int | None:
    """Where a known place starts right after ``end``, past "in", "in the" or a comma."""
    nxt = _past_in(doc, end)
    return nxt if nxt is not None and nxt in busy else None


def _past_in(doc: Doc, end: int) -> int | None:
    """The word after "in", "in the" or a comma at ``end``; None when none is there."""
    if end >= len(doc) or doc[end].lower_ not in (",", "in"):
        return None
    nxt = end + 1
    return nxt + 1 if nxt < len(doc) and doc[nxt].lower_ == "the" else nxt


_FUNCTION_POS = frozenset({"DET", "PRON", "AUX", "CCONJ", "SCONJ", "ADP", "NUM", "PART", "PUNCT"})
_PLACE_NOUNS = frozenset({"city", "town", "village", "province", "governorate", "district", "region",
                          "camp", "outskirts", "suburb", "oblast", "area", "countryside",
                          "community", "locality", "hamlet", "settlement", "municipality",
                          "commune"})
# Parts of a town: "the centre of X", "the edge of X", "the heart of X".
_PART_NOUNS = frozenset({"centre", "center", "edge", "heart", "suburbs", "streets", "east", "west",
                         "north", "south"})


def context_mentions(doc: Doc, taken: list[Mention], *, countries: frozenset[str],
                     gazetteer: Gazetteer) -> list[Mention]:
    """Names the NER mislabels (PERSON, NORP, ORG) or misses, one or more words long, kept
    when they name a town, division or facility of a country the report names AND a word
    around them says they are a place: "attacked Hit in Iraq", "near Tal Afar", "in Khan
    Younis", "the town of Bint Jbeil"."""
    busy = {i for m in taken for i in range(m.tok_start, m.tok_end)}
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in busy or (not token.text[:1].isupper() and token.lower_ not in names.ARTICLES) \
                or _english_word_start(doc, i):
            i += 1
            continue
        end = i
        while end < len(doc) and end not in busy and end - i < _MAX_WORDS and _name_token(doc[end]):
            end += 1
        match = _longest_place(doc, i, end, countries=countries, gazetteer=gazetteer, busy=busy)
        if match is None:
            i += 1
            continue
        found.append(_mention(doc, i, match[0], "proper_noun", match[1]))
        i = match[0]
    return found


def _longest_place(doc: Doc, start: int, end: int, *, countries: frozenset[str],
                   gazetteer: Gazetteer, busy: set[int]) -> tuple[int, Entry | None] | None:
    """Where the longest place name from ``start`` ends, and the place when the words
    around it already say which one it is."""
    for j in range(end, start, -1):
        span = doc[start:j]
        first, last = span[0], span[-1]
        if last.text in _NAME_JOINERS or last.lower_ in names.ARTICLES or not first.text[:1].isalpha():
            continue
        if not any(t.text[:1].isupper() for t in span):
            continue
        if first.pos_ in _FUNCTION_POS and len(span) == 1:
            continue
        if span.text.lower() in COMMON_WORDS or first.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY"):
            continue
        if names.name_key(span.text) in NOT_PLACES or _after_title(doc, start) or is_title(first):
            continue
        if len(span) == 1 and first.ent_type_ == "PERSON" and _multiword_person(first):
            continue  # "Pat Ryder": one word of a person's name
        if j < end and doc[j].text[:1].isupper() and doc[j].lower_ not in _PLACE_NOUNS \
                and _before_place_noun(doc, j):
            continue  # "toward Saida Sukhal village": one village's name, not Saïda's
        if not _has_cue(doc, start, j, busy):
            continue
        entries = gazetteer.lookup(span.text)
        if any(e.country in countries and e.kind != "country" for e in entries):
            return j, None
        key = names.name_key(span.text)
        # "in Mali's capital" with "Mali" tagged a person: a country under its own name
        if any(e.kind == "country" and names.name_key(e.name) == key for e in entries):
            return j, None
        # "Tessit in the Gao region", "Bowling Green, Kentucky": a town of the division
        # named right after it is that town
        within = _name_after(doc, j)
        divisions = {e.admin1_code for e in gazetteer.lookup(within) if e.kind == "admin1"} \
            if within else set()
        towns = [e for e in entries if e.kind == "town" and e.admin1_code in divisions]
        if towns:
            return j, max(towns, key=lambda e: e.population)
        # "the Gao region", "Kidal province": a division named with its division word
        if j < len(doc) and doc[j].lower_ in _DIVISION_WORDS and any(e.kind == "admin1" for e in entries):
            return j, None
        # "shelled the city of Kherson", "near Khan Younis": a city this large, named with a
        # place word, is the city even when the report names no country of its own, under
        # its name or a spelling of it (not "Top" for Topeka, nor Pokrovsk, Engels's old name)
        if any(e.kind == "town" and e.population >= _BIG_TOWN
               and (names.name_key(e.name) == key or names.spelled_alike(key, e.name))
               for e in entries):
            return j, None
        # "an assault on Kidal": so is the seat a region is named for
        seat = _regional_seat(key, entries)
        if seat is not None:
            return j, seat
        # "struck a wedding in Gwoza": a town that alone in the gazetteer bears the name,
        # and is no hamlet, is that town, named with a place word, though the report names
        # no country of its own
        exact = [e for e in entries if names.name_key(e.name) == key]
        if len(exact) == 1 and exact[0].kind == "town" and exact[0].population >= _UNIQUE_TOWN:
            return j, None
    if _named_a_settlement(doc, start, end):
        return end, None  # off the map, yet a place: "the village of Kfar Sir"
    return None


_SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "hamlet", "settlement"})


def _named_a_settlement(doc: Doc, start: int, end: int) -> bool:
    """"the village of X", "the town of X": a name the text itself calls a settlement, kept
    as a place when the gazetteer does not know it (its country and holder come from the
    words around it, `resolver.geoparse`)."""
    if start < 2 or doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in _SETTLEMENT_NOUNS:
        return False
    span = doc[start:end]
    return all(t.text[:1].isupper() or t.text in _NAME_JOINERS for t in span) \
        and span[-1].text not in _NAME_JOINERS and span[0].pos_ not in _FUNCTION_POS \
        and span.text.lower() not in COMMON_WORDS and names.name_key(span.text) not in NOT_PLACES \
        and not any(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY") for t in span)


_BIG_TOWN = 100_000
# A town this large whose name no other place bears is placed on a place word alone.
_UNIQUE_TOWN = 10_000
_SEAT_TOWN = 10_000


def _regional_seat(key: str, entries: tuple[Entry, ...]) -> Entry | None:
    """The town of some size that gives its first-level division its name (Kidal in Kidal
    region, Ménaka in Ménaka region, Kherson in the Khersonska oblast the name also
    answers to), when no other town of the name is half its size: a name the wider world
    knows as that town. ``key`` is the name's ``name_key``."""
    same = [e for e in entries if e.kind == "town" and names.name_key(e.name) == key]
    divisions = {(e.country, e.admin1_code) for e in entries if e.kind == "admin1"}
    seats = [e for e in same if e.population >= _SEAT_TOWN and e.admin1 is not None
             and (names.name_key(e.admin1) == key or (e.country, e.admin1_code) in divisions)]
    if not seats:
        return None
    seat = max(seats, key=lambda e: e.population)
    rivals = [e for e in same if e is not seat and 2 * e.population >= seat.population]
    return None if rivals else seat


def _multiword_person(token: Token) -> bool:
    # "Pat Ryder", "Sabrina Singh": a person's name, even if a town shares one of the words.
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return ent is not None and len(ent) > 1
