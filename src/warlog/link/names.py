"""Comparing the names reports give the same actor or place, which rarely match as written."""

from __future__ import annotations

import re
import unicodedata

# Words that say what kind of thing an actor is, not which one: "Israeli forces" and
# "Israeli jets" are the same side, "U.S. forces" and "Iraqi forces" are not.
GENERIC = frozenset((
    "a", "an", "and", "the", "of", "in", "on", "at", "to", "for", "by", "from", "with", "its",
    "their", "his", "her", "forces", "force", "troops", "troop", "military", "army", "armed",
    "personnel", "soldiers", "soldier", "units", "unit", "group", "groups", "militants",
    "militant", "militias", "militia", "fighters", "fighter", "gunmen", "men", "base", "bases",
    "outpost", "position", "positions", "official", "officials", "spokesman", "spokesperson",
    "said", "say", "says", "umbrella", "alliance", "backed", "aligned", "led", "allied",
))


def fold(text: str) -> str:
    """Lower case, accents and punctuation dropped: "Nabatîyé" → "nabatiye"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", plain.lower()).strip()


def content_words(text: str) -> frozenset[str]:
    """The words that name which actor or place it is."""
    return frozenset(w for w in fold(text).split() if w not in GENERIC and len(w) > 1)


def share_a_word(first: str, second: str) -> bool:
    return bool(content_words(first) & content_words(second))
