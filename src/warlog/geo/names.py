"""Name keys that survive transliteration: one spelling of a place in, its lookup keys out.

Reports spell the same place many ways (Ain al-Asad, Ayn al Asad, Al-Asad Airbase; Deir
ez-Zor, Deir al-Zour, Dayr az Zawr). The gazetteer indexes every name under ``name_key``
and, for a looser second try, ``skeleton_key``; a mention is looked up under the same keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal, NamedTuple

# Arabic article forms written before a word ("al-Asad", "ad Dawr", "ash-Shaddadi",
# "az-Zawr", "el-Arish"); dropped wherever they stand, since reports keep or drop them at will.
ARTICLES = frozenset({"al", "el", "ul", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "ed",
                      "es", "et", "er", "ez", "en"})
# Spelling variants of the same Arabic/Persian word, mapped to one form.
WORD_FORMS = {
    "ayn": "ain", "ein": "ain", "ayin": "ain", "en": "ain",
    "dayr": "deir", "dair": "deir", "der": "deir", "deyr": "deir",
    "tall": "tel", "tell": "tel", "tal": "tel",
    "jabal": "jebel", "jabel": "jebel", "djebel": "jebel", "jbel": "jebel",
    "bayt": "beit", "bait": "beit",
    "abu": "abu", "abou": "abu",
    "ras": "ras", "raas": "ras",
    "saint": "st", "sainte": "st",
    "mount": "mt",
    "fort": "ft",
}
# Facility words: removed from the end (or start, for "Camp X") to give the bare name.
FACILITY_SUFFIXES = (
    ("air", "base"), ("air", "field"), ("air", "port"), ("airbase",), ("airfield",), ("airport",),
    ("military", "base"), ("naval", "base"), ("base",), ("garrison",), ("camp",), ("outpost",),
    ("border", "crossing"), ("crossing",), ("border", "post"), ("gas", "field"), ("oil", "field"),
    ("oilfield",), ("gasfield",), ("field",), ("port",), ("harbour",), ("harbor",), ("facility",),
    ("military", "airport"), ("air", "force", "base"), ("airstrip",), ("heliport",),
)
FACILITY_PREFIXES = (("camp",), ("fob",), ("forward", "operating", "base"), ("fort",), ("port", "of"))
FACILITY_WORDS = frozenset(w for words in FACILITY_SUFFIXES + FACILITY_PREFIXES for w in words)

_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1+")  # consonants only: Iraan is not Iran
_APOSTROPHES = "'’‘`´ʼʻʿʾ′"
_SPLIT = re.compile(r"[\s\-‐‑‒–—_/,.()]+")


def fold(text: str) -> str:
    """Lowercase ASCII: diacritics removed, apostrophes and ayn/hamza marks dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    for mark in _APOSTROPHES:
        bare = bare.replace(mark, "")
    # "U.S." and "U.K." are written with and without dots: join single letters.
    bare = re.sub(r"\b([A-Za-z])\.(?=[A-Za-z]\b\.?)", r"\1", bare)
    return bare.replace("ß", "ss").replace("ı", "i").lower()


def words(text: str) -> list[str]:
    return [w for w in _SPLIT.split(fold(text)) if w]


def _word_key(word: str) -> str:
    word = WORD_FORMS.get(word, word)
    # Doubled consonants come and go in transliteration (Raqqa/Raqa, Hassakeh/Hasakah).
    word = _DOUBLED.sub(r"\1", word)
    # A final -h after a vowel is an Arabic ta marbuta spelling choice (Raqqah/Raqqa).
    if len(word) > 3 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]
    return word


def _drop_articles(tokens: list[str]) -> list[str]:
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    kept = [w for w in tokens if w not in ARTICLES]
    return kept or tokens


def _split_glued_article(word: str) -> list[str]:
    # "Alasad", "Alqaim": an article glued on without a hyphen.
    if len(word) > 5 and word.startswith("al") and word[2] not in "aeiouly":
        return ["al", word[2:]]
    # "Ezzor", "Azzawiya": the article assimilated to a following z, written as one word
    if len(word) > 4 and word[:3] in ("ezz", "azz"):
        return [word[:2], word[2:]]
    return [word]


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The main lookup key: folded, articles dropped, spelling variants unified."""
    tokens: list[str] = []
    for w in words(text):
        tokens.extend(_split_glued_article(w))
    return " ".join(_word_key(w) for w in _drop_articles(tokens))


def skeleton_key(text: str) -> str:
    """A looser key: vowels and w/y/h dropped after each word's first letter (Zawr/Zour/Zor)."""
    out = []
    for w in name_key(text).split():
        out.append(w[0] + re.sub(r"[aeiouwyh]", "", w[1:]))
    return _DOUBLED.sub(r"\1", " ".join(out))


@lru_cache(maxsize=1 << 16)
def strip_facility_words(text: str) -> str | None:
    """The bare name of "Al-Asad Airbase" / "Camp Taji", or None when no facility word is there."""
    tokens = words(text)
    for suffix in sorted(FACILITY_SUFFIXES, key=len, reverse=True):
        n = len(suffix)
        if len(tokens) > n and tuple(tokens[-n:]) == suffix:
            return " ".join(tokens[:-n])
    for prefix in sorted(FACILITY_PREFIXES, key=len, reverse=True):
        n = len(prefix)
        if len(tokens) > n and tuple(tokens[:n]) == prefix:
            return " ".join(tokens[n:])
    return None


# Descriptor words around a name: "Orange County", "Oaxaca State", "eastern Ukraine".
_ADMIN_DESCRIPTORS = frozenset({"state", "province", "governorate", "oblast", "region", "prefecture",
                                "county", "parish", "district", "municipality", "township", "borough"})
_TOWN_DESCRIPTORS = frozenset({"city", "town", "village"})
_LEADING_DESCRIPTORS = frozenset({"greater", "downtown", "central", "north", "south", "east", "west",
                                  "northern", "southern", "eastern", "western", "northeast",
                                  "northwest", "southeast", "southwest", "northeastern",
                                  "northwestern", "southeastern", "southwestern", "upstate", "rural"})


class Bare(NamedTuple):
    name: str
    kind: Literal["admin1", "town"] | None  # what the dropped word said the place is
    part: bool = False                       # "eastern Ukraine": a part of a larger place


def strip_descriptor(text: str) -> Bare | None:
    """The name inside a descriptor phrase, or None when there is none to drop."""
    tokens = words(text)
    if len(tokens) < 2:
        return None
    if tokens[-1] in _ADMIN_DESCRIPTORS:
        # A county, parish or district is below a first-level division: its seat town is
        # the nearest thing we can place, so no division cue for those.
        below = tokens[-1] in {"county", "parish", "district", "municipality", "township", "borough"}
        return Bare(" ".join(tokens[:-1]), None if below else "admin1")
    if tokens[-1] in _TOWN_DESCRIPTORS:
        return Bare(" ".join(tokens[:-1]), "town")
    if tokens[0] in _LEADING_DESCRIPTORS:
        return Bare(" ".join(tokens[1:]), None, part=tokens[0] not in ("greater", "downtown"))
    return None


def spelled_alike(key: str, name: str) -> bool:
    """``name`` is the name keyed ``key`` spelled another way ("Sloviansk" and "Slovyansk",
    "Khan Younis" and "Khān Yūnis"): the same consonants, word by word, and long enough
    that the consonants tell names apart. Not an abbreviation ("Top" for Topeka) nor
    another name (Pokrovsk, Engels's old one)."""
    written = skeleton_key(key)
    return len(written.replace(" ", "")) >= 4 and skeleton_key(name) == written
