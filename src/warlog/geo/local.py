"""Streets, squares and named buildings: places below the gazetteer, put in their town.

The gazetteer stops at towns and a table of facilities, but reports say where in a town
a bomb went off: "a bakery on Rue Victor Hugo in Lyon", "the Oxford Street bus station".
Such a name is found by its street word ("Oxford Street", "Rue Victor Hugo", "Calle del
Correo") and, with a spaCy FAC entity or a name of a site inside a town ("Lido beach", "Al
Noor mosque") the gazetteer cannot place, located in the town
the report puts it in: the town written right after it ("Calle del Correo, Madrid"), else
the nearest town named before it in the report, else the first named after it (measured on
GeoWebNews: acc@161 0.8957 with towns before only, 0.8975 with this fallback). It keeps its own text and takes the
town's name, point and id, with precision "town": the point says no more than the town.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warlog.geo.tables import Entry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from warlog.geo.mentions import Mention

# Words after a name that make it a street or square ("Oxford Street", "Cavehill Road").
STREET_SUFFIXES = frozenset({"street", "st", "st.", "road", "rd", "rd.", "avenue", "ave", "ave.",
                             "boulevard", "blvd", "blvd.", "lane", "square", "drive", "highway",
                             "place", "terrace", "crescent", "parkway"})
# Street words also written in lower case after a name ("Victor Hugo street").
_PLAIN_SUFFIXES = frozenset({"street", "road", "avenue", "boulevard", "square"})
# Words before a name that make it a street ("Rue Victor Hugo", "Calle del Correo").
STREET_PREFIXES = frozenset({"rue", "calle", "via", "avenida", "avenue", "boulevard", "place",
                             "plaza", "piazza", "rua", "strada", "ulitsa", "prospekt", "jalan",
                             "carrera", "vulytsia", "ulica", "sharia", "shari"})
# Small words inside a street's name ("Calle del Correo", "Rue de la Paix").
_NAME_PARTICLES = frozenset({"de", "del", "della", "des", "du", "la", "le", "les", "el", "al", "van", "von"})
_MAX_NAME_WORDS = 4
# "… Street, Madrid", "… Road in Belfast": the town right after it.
_JOINS = (",", "in", ", in", "of")

# Last words that make a name a site inside a town ("Lido beach", "the Central Market", "Al
# Noor mosque"), which a named building shares: put in the town the report names.
SITE_WORDS = frozenset({"beach", "hotel", "market", "bazaar", "mall", "mosque", "church",
                        "cathedral", "temple", "synagogue", "shrine", "hospital", "clinic",
                        "school", "university", "college", "stadium", "cinema", "theatre",
                        "theater", "restaurant", "cafe", "café", "park", "square"})


def is_site(text: str) -> bool:
    """Whether a name ends in a word for a site inside a town ("Lido beach")."""
    words = text.lower().split()
    return bool(words) and words[-1] in SITE_WORDS


def is_street(text: str) -> bool:
    """Whether a place's text names a street or square by its street word."""
    return any(w in STREET_SUFFIXES or w in STREET_PREFIXES for w in text.lower().split())


def street_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of street and square names, longest first at each start."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        found = _prefixed(doc, i) or _suffixed(doc, i)
        if found is not None:
            spans.append(found)
            i = found[1]
        else:
            i += 1
    return spans


def _prefixed(doc: Doc, i: int) -> tuple[int, int] | None:
    """"Rue Victor Hugo": a capitalised street word, then a capitalised name."""
    if doc[i].lower_ not in STREET_PREFIXES or not doc[i].text[:1].isupper():
        return None
    end = i + 1
    if end < len(doc) and doc[end].is_digit and len(doc[end].text) <= 3:
        return i, end + 1  # "Carrera 8", "Calle 52": a numbered street
    while end < len(doc) and end - i <= _MAX_NAME_WORDS and (
            _name_word(doc[end]) or (doc[end].lower_ in _NAME_PARTICLES and end + 1 < len(doc)
                                     and _name_word(doc[end + 1]))):
        end += 1
    return (i, end) if end > i + 1 and _name_word(doc[end - 1]) else None


def _suffixed(doc: Doc, i: int) -> tuple[int, int] | None:
    """"Oxford Street", "Third Street", "the Cavehill Road": a name, then a street word."""
    if not _name_word(doc[i]) or (i > 0 and _name_word(doc[i - 1])):
        return None
    end = i
    while end < len(doc) and end - i < _MAX_NAME_WORDS and _name_word(doc[end]) \
            and doc[end].lower_ not in STREET_SUFFIXES:
        end += 1
    if end == i or end >= len(doc) or doc[end].lower_ not in STREET_SUFFIXES \
            or not (doc[end].text[:1].isupper() or doc[end].lower_ in _PLAIN_SUFFIXES):
        return None
    if doc[end].lower_ in ("st", "st.") and end + 1 < len(doc) and _name_word(doc[end + 1]):
        return None  # "Mount St. Helens": "St." is a saint there
    return i, end + 1


_NOT_NAME_POS = frozenset({"DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "VERB", "PUNCT", "PART"})


def _name_word(token: Token) -> bool:
    """A capitalised word or an ordinal ("Fifth", "5th") that can be part of a name; not a
    capitalised function word ("The", "In") or a verb of a title-case headline."""
    text = token.text
    if not text[:1].isalnum() or token.pos_ in _NOT_NAME_POS:
        return False
    return text[:1].isupper() or (text[:1].isdigit() and text.lower().endswith(("st", "nd", "rd", "th")))


def town_for(mentions: list[Mention], chosen: list[Entry | None], index: int, *,
             text: str, literal: list[bool]) -> Entry | None:
    """The town a street or building mention lies in (see the module docstring)."""
    m = mentions[index]
    if index + 1 < len(mentions):
        after: Mention = mentions[index + 1]
        right: Entry | None = chosen[index + 1]
        if text[m.end:after.start].strip().lower() in _JOINS and right is not None and right.kind == "town" \
                and right.lat is not None:
            return right
    for k in [*range(index - 1, -1, -1), *range(index + 1, len(mentions))]:
        entry: Entry | None = chosen[k]
        if entry is not None and entry.kind == "town" and literal[k] and entry.lat is not None:
            return entry
    return None
