"""The place of one mention: which literal place of its sentence says where it happened."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from warlog.extract import lexicon as lx
from warlog.extract.clauses import answered_words, clause_chars, long_after, recalled_phrase
from warlog.extract.lookup import doc_text, in_start_order_on, places_from, token_starting_at
from warlog.extract.phrases import TokenRange
from warlog.geo.local import is_street
from warlog.model import Place
from warlog.model import Span as TextSpan

PRECISION_RANK = {"facility": 0, "town": 1, "admin1": 2, "country": 3, "region": 4, None: 5}

# Verbs that send a weapon off: where they happen is where it came from.
LAUNCH_VERBS = frozenset({"launch", "fire", "shoot"})

TEMPORAL_PREPS = frozenset({"after", "before", "since", "following", "until", "prior"})


def pick_place(places: tuple[Place, ...], sent: Span, *, target: TokenRange | None,
               attacker: TokenRange | None, head: Token, anaphoric: bool = False) -> Place | None:
    """The literal place of the sentence that says where the attack was.

    Preferred: a place inside the target ("an attack on Al-Asad Airbase"), then one in the
    trigger's own clause ("strikes … in Iraq", not "…responding to attacks by Iran"), then
    the most precise; never one inside the attacker's phrase.
    """
    doc = sent.doc

    def inside(place: Place, rng: TokenRange | None) -> bool:
        if rng is None:
            return False
        return doc[rng.start].idx <= place.span.start < doc[rng.end - 1].idx + len(doc[rng.end - 1])

    clause = clause_chars(head)
    backers = _modifier_chars(attacker, doc) | _speaker_chars(head)
    candidates = [p for p in places_from(places, sent.start_char, sent.end_char,
                                             ordered=in_start_order_on(doc, places))
                  if p.role == "literal" and not inside(p, attacker) and p.span.start not in backers]
    answered = {doc[i].idx for i in answered_words(sent)}
    if answered:
        # "struck Tyre in response to a rocket attack on Metula": each side of the phrase
        # naming the answered attack has its own places
        own_side = [p for p in candidates if (p.span.start in answered) == (head.idx in answered)]
        candidates = own_side
    if anaphoric:
        # "the attack showed why Ukraine needs…": a re-mention's place is in its own clause
        candidates = [p for p in candidates if p.span.start in clause]
    dated_by = _temporal_phrase(head)
    if dated_by is not None:
        # "…removed his backpack from a dorm in Dartmouth three days after the bombing": a
        # phrase that only dates the main clause lends it no place ("after clashes there"
        # points back at the main clause's place, and keeps it)
        candidates = [p for p in candidates if p.span.start in dated_by]
    if head.dep_ in ("acl", "relcl") and head.lemma_.lower() in LAUNCH_VERBS:
        # "a missile launched over Kursk region": where a weapon set out from, told by the
        # launch itself, is not where it struck
        candidates = [p for p in candidates if not _is_origin(doc, p)]
    if not candidates:
        return _named_before(places, head, clause)
    # the target's own place locates the attack best, when the gazetteer can put it on a map
    # a street put in its town says more than the town ("a bakery on Rue Victor Hugo in Lyon")
    # where a weapon came from is no place it struck, in its clause or not ("a missile fired
    # from Yemen was shot down near Eilat")
    best = min(candidates, key=lambda p: (not (inside(p, target) and p.lat is not None),
                                          _is_origin(doc, p), p.span.start not in clause,
                                          PRECISION_RANK[p.precision],
                                          not is_street(p.text), p.span.start))
    return offset_place(doc_text(doc), best)


# "54 nautical miles southwest of Aden", "30 km north of Kyiv": a point told by its
# distance and bearing from a named place.
_UNITS_KM = {"nautical miles": 1.852, "nautical mile": 1.852, "nm": 1.852, "nmi": 1.852,
             "miles": 1.609344, "mile": 1.609344, "km": 1.0, "kilometres": 1.0,
             "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0}
_POINTS = ("north", "north-northeast", "northeast", "east-northeast", "east", "east-southeast",
           "southeast", "south-southeast", "south", "south-southwest", "southwest",
           "west-southwest", "west", "west-northwest", "northwest", "north-northwest")
_BEARINGS = {name: 22.5 * i for i, name in enumerate(_POINTS)}
_BEARINGS |= {name.replace("-", ""): deg for name, deg in _BEARINGS.items()}
_BEARINGS |= {"north-east": 45.0, "south-east": 135.0, "south-west": 225.0, "north-west": 315.0}
_OFFSET = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(nautical miles?|nmi|nm|miles?|km|kilomet(?:re|er)s?)\s+(?:to the\s+)?"
    r"([a-z-]+)\s+of\s+(?:the\s+(?:port|city|town|coast|island)\s+of\s+|the\s+)?$", re.IGNORECASE)
_OFFSET_REACH = 90  # characters before the place's name


def offset_place(text: str, place: Place) -> Place:
    """The place itself, or the point a distance and bearing before its name tell."""
    if place.lat is None or place.lon is None:
        return place
    before = text[max(0, place.span.start - _OFFSET_REACH):place.span.start]
    match = _OFFSET.search(before)
    if match is None:
        return place
    bearing = _BEARINGS.get(match.group(3).lower())
    unit = _UNITS_KM.get(match.group(2).lower())
    if bearing is None or unit is None:
        return place
    km = float(match.group(1).replace(",", ".")) * unit
    lat, lon = destination(place.lat, place.lon, bearing=bearing, km=km)
    start = place.span.start - len(before) + match.start()
    return replace(place, lat=round(lat, 5), lon=round(lon, 5),
                   text=text[start:place.span.end],
                   span=TextSpan(start=start, end=place.span.end))


def destination(lat: float, lon: float, *, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) on the initial ``bearing`` (degrees), on a sphere."""
    radius = 6371.0088
    phi, lam, theta, delta = (math.radians(lat), math.radians(lon), math.radians(bearing),
                              km / radius)
    phi2 = math.asin(math.sin(phi) * math.cos(delta)
                     + math.cos(phi) * math.sin(delta) * math.cos(theta))
    lam2 = lam + math.atan2(math.sin(theta) * math.sin(delta) * math.cos(phi),
                            math.cos(delta) - math.sin(phi) * math.sin(phi2))
    return math.degrees(phi2), (math.degrees(lam2) + 540.0) % 360.0 - 180.0


def _temporal_phrase(head: Token) -> set[int] | None:
    """The characters of "after the bombing" when the trigger only dates another clause."""
    node = head
    while node.dep_ in ("compound", "conj", "appos") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ not in TEMPORAL_PREPS:
        return None
    phrase = {t.idx for t in node.head.subtree}
    if long_after(node.head):
        phrase |= {head.doc[i].idx for i in recalled_phrase(node.head)}
    if any(t.lower_ == "there" for t in node.head.subtree):
        return None
    return phrase


def _speaker_chars(head: Token) -> set[int]:
    """Offsets of who reports the attack: "a statement after a meeting at Stormont Castle
    said…" was made there; the attack was not."""
    out: set[int] = set()
    for verb in head.ancestors:
        if verb.lemma_.lower() in lx.REPORTING_VERBS:
            for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
                out.update(t.idx for t in subj.subtree)
    return out


def _modifier_chars(rng: TokenRange | None, doc: Doc) -> set[int]:
    """Offsets of the attacker's whole phrase: "militias backed by Iran" is not in Iran;
    but the other side of "clashes between the army and the RSF in Omdurman", and a
    locative phrase, say where."""
    if rng is None:
        return set()
    head = doc[rng.end - 1]
    open_ = {t.i for c in head.children if c.dep_ == "conj"
             or c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS for t in c.subtree}
    return {t.idx for t in head.subtree if t.i not in open_}


def _is_origin(doc: Doc, place: Place) -> bool:
    """"rockets fired from Lebanon", "a missile launched over Kursk region": where they
    came from, less likely where they fell."""
    tok = token_starting_at(doc, place.span.start)
    if tok is None:
        return False
    node = tok
    while node.dep_ in ("compound", "amod", "det") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj":
        return False
    # "a missile launched over Kursk region", "fired over the Black Sea": where from, too
    return node.head.lower_ == "from" or node.head.lower_ == "over" \
        and node.head.head.lemma_.lower() in LAUNCH_VERBS


# "across the city", "in the town": a definite common noun for a town points back at the
# town named last before it.
TOWN_NOUNS = frozenset({"city", "town", "village", "capital"})
LOCATIVE_PREPS = frozenset({"in", "across", "near", "outside", "into", "at", "around",
                            "throughout", "inside"})


def _named_before(places: tuple[Place, ...], head: Token, clause: set[int]) -> Place | None:
    """The town that "the city" of the trigger's clause stands for, as a literal place
    written where "the city" is."""
    doc = head.doc
    for tok in doc[head.sent.start:head.sent.end]:
        # "shelling across the city", and the attacked city itself: "struck the city",
        # "the town was shelled"
        where = tok.dep_ == "pobj" and _locative(tok.head) \
            or tok.dep_ in ("dobj", "nsubjpass") and tok.head.i == head.i
        if tok.idx not in clause or tok.lemma_.lower() not in TOWN_NOUNS or not where \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue
        earlier = [p for p in places if p.precision == "town" and p.span.start < tok.idx
                   and p.role != "metonymic"]
        if earlier:
            town = max(earlier, key=lambda p: p.span.start)
            start = tok.left_edge.idx
            return replace(town, text=doc_text(doc)[start:tok.idx + len(tok.text)], role="literal",
                           span=TextSpan(start=start, end=tok.idx + len(tok.text)))
    return None


def _locative(prep: Token) -> bool:
    """"across the city", and "the bombing of the city"."""
    return prep.lower_ in LOCATIVE_PREPS or prep.lower_ == "of" and prep.head.pos_ == "NOUN" \
        and prep.head.lemma_.lower() in ("bombing", "shelling", "bombardment", "siege")
