"""What a place mention does in its sentence: literal, modifier or metonymic (CONTRACT.md).

"Al-Asad Airbase in Iraq" is literal; "Iraqi forces", "U.S. troops", "Iranian-backed" are
modifiers; "Washington said", "Iran's support" are metonyms for a government or people.
Read from spaCy's dependency parse; where the parse says nothing, a place is literal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warlog.model import Role

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

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
    if _names_part(root):
        return "literal"
    if root.dep_ in _MODIFIER_DEPS and root.head.i >= span.end and root.head.pos_ in ("NOUN", "PROPN"):
        return "modifier"
    if _hyphenated_modifier(span):
        return "modifier"
    if root.dep_ == "poss":
        return "metonymic"
    if _acts(root):
        return "metonymic"
    return "literal"


# Verbs whose active subject is ground, not an actor: "Iraq has seen 32 attacks", "the
# town lies on the river", "Kharkiv came under fire", "the region remains tense".
_GROUND_VERBS = frozenset({
    "be", "have", "see", "remain", "lie", "sit", "stand", "border", "witness", "experience",
    "suffer", "host", "record", "face", "come", "become", "seem", "look", "wake", "shake",
    "burn", "lose", "go", "fall", "sink", "plunge", "get", "contain", "include", "stretch",
})
# Verbs whose object is someone held to account or addressed: "held Israel responsible",
# "blamed Ukraine", "accused Russia", "urged Iran".
_ADDRESS_VERBS = frozenset({
    "hold", "blame", "accuse", "urge", "warn", "condemn", "thank", "criticize", "criticise",
    "praise", "sanction", "call", "ask", "tell", "implore", "fault", "credit",
})


def _acts(root: Token) -> bool:
    """A place that does something ("Israel would not comment", "Israel and Hezbollah tore
    up the rules") or is held to account ("Hezbollah held Israel responsible"): the
    government or people it stands for. Ground verbs keep the subject a place."""
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head          # "Israel and Hezbollah tore…": the first conjunct's role
    verb = root.head
    lemma = verb.lemma_.lower()
    if root.dep_ == "nsubjpass":
        return lemma in _AGENT_VERBS and lemma not in ("strike", "attack")
    if root.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX"):
        return lemma in _AGENT_VERBS or lemma not in _GROUND_VERBS
    return root.dep_ == "dobj" and lemma in _ADDRESS_VERBS


# Nouns for a part of a place: "Baghdad's Sadr City district", "Kyiv's outskirts".
_PART_NOUNS = frozenset({"district", "districts", "neighbourhood", "neighborhood", "suburb", "suburbs",
                         "area", "outskirts", "region", "province", "governorate", "oblast",
                         "quarter", "centre", "center", "port", "airport", "countryside", "old",
                         "coast", "coastline", "waters", "shore", "shores", "border", "north",
                         "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})


# Nouns for a building or site: "Peshawar's police headquarters", "Gaza City's main
# hospital" stand in the place that owns them. (Not an embassy or consulate: "Iran's
# embassy in Damascus" is Iran's, and in Damascus.)
_SITE_NOUNS = frozenset({"headquarters", "hospital", "hospitals", "market", "markets", "mosque",
                         "mosques", "church", "churches", "school", "schools", "prison", "station",
                         "square", "street", "streets", "road", "bridge", "mall", "hotel",
                         "university", "stadium", "camp", "camps", "base", "airfield", "compound",
                         "neighbourhoods", "neighborhoods", "residential", "refinery", "plant",
                         "harbour", "harbor", "railway", "cathedral", "bazaar", "barracks"})


_DIVISION_NOUNS = frozenset({"region", "province", "oblast", "governorate", "prefecture", "county",
                             "krai", "state"})


def _names_part(root: Token) -> bool:
    """"Baghdad's Sadr City district", "Gaza's Khan Younis": a place that owns a part of a
    place is where that part is, not a people. (A place before a part noun with its article,
    "the Arghandab district", stays a modifier: made literal, it split WikiEvents events on
    half-read names; "in Bannu district", with none, names the district.)"""
    head = root.head
    if root.dep_ == "poss":
        return head.lemma_.lower() in _PART_NOUNS or head.lower_ in _SITE_NOUNS \
            or (head.pos_ == "PROPN" and head.ent_type_ in ("GPE", "LOC", "FAC"))
    # "the Krasnodar region", "Helmand province": the division is named, not qualified; so
    # is the town of "Idlib city" (a town's name before "city" says which part: the town)
    return root.dep_ == "compound" and head.i == root.i + 1 and (
        head.lemma_.lower() in _DIVISION_NOUNS or head.lower_ == "city"
        or _a_bare_district(root, head))


def _a_bare_district(root: Token, head: Token) -> bool:
    """"in Rajouri district", "a market in Bannu district": a district named with no article
    is the district of that name, where its seat town is."""
    return head.lower_ == "district" and not any(c.dep_ in ("det", "poss") for c in head.children) \
        and head.dep_ == "pobj"


def _hyphenated_modifier(span: Span) -> bool:
    # "Iran-backed", "U.S.-led": the place word is glued to a participle by a hyphen.
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "-":
        return doc[span.end + 1].tag_ in ("VBN", "VBD", "JJ")
    return False
