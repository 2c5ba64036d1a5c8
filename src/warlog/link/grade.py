"""How far a merged event can be trusted: CONTRACT.md's grades, decided by rule.

- ``contested``: a source says someone denies it (``denied_by``), or sources credit rival
  claimants (two claims of responsibility that name no one in common);
- ``confirmed``: a party to it acknowledges it (a ``claimed_by`` in any source);
- ``corroborated``: two or more independent sources — different outlets, texts that are
  not near-copies of one another;
- ``single_source``: anything else.

The first that holds wins, in that order: a denial is worth an analyst's look even when
someone else claims the attack. ``docs/linking.md`` has an example of each.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Literal
from urllib.parse import urlsplit

from warlog.link.candidate import Candidate, SourceDoc
from warlog.link.names import content_words, fold

Grade = Literal["confirmed", "corroborated", "single_source", "contested"]

SHINGLE_WORDS = 5
PERMUTATIONS = 64
NEAR_COPY = 0.5     # estimated Jaccard of word 5-shingles: a rewrite of one wire story
_PRIME = (1 << 61) - 1


def grade(members: Sequence[Candidate]) -> Grade:
    """The grade of the event the members tell (see the module docstring)."""
    if any(m.event.denied_by for m in members) or rival_claims(members):
        return "contested"
    if any(m.event.claimed_by for m in members):
        return "confirmed"
    if independent_sources(m.document for m in members) >= 2:
        return "corroborated"
    return "single_source"


def rival_claims(members: Sequence[Candidate]) -> bool:
    """Two claimants that share no naming word: two groups each say they did it."""
    claimants = sorted({c for m in members for c in m.event.claimed_by})
    words = [content_words(c) for c in claimants]
    return any(not (first & second) for i, first in enumerate(words) for second in words[i + 1:]
               if first and second)


def independent_sources(docs: Iterable[SourceDoc]) -> int:
    """How many sources, taken in id order, are each independent of all taken before."""
    chosen: list[SourceDoc] = []
    for doc in sorted({d.id: d for d in docs}.values(), key=lambda d: d.id):
        if all(independent(doc, other) for other in chosen):
            chosen.append(doc)
    return len(chosen)


def independent(a: SourceDoc, b: SourceDoc) -> bool:
    """Different outlets and not near-copies. A report with no outlet and no URL is of an
    unknown outlet, which may be the other's: it never corroborates another unknown one."""
    oa, ob = outlet_key(a), outlet_key(b)
    if oa == ob:
        return False
    return similarity(a.fingerprint, b.fingerprint) < NEAR_COPY


def outlet_key(doc: SourceDoc) -> str | None:
    if doc.outlet and fold(doc.outlet):
        return fold(doc.outlet)
    if doc.url:
        host = urlsplit(doc.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def fingerprint(text: str) -> tuple[int, ...]:
    """MinHash signature of the text's word 5-shingles: ``similarity`` of two signatures
    estimates the Jaccard similarity of the two texts (±0.06 at 64 permutations)."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE_WORDS:
        return ()
    hashes = {_h64(" ".join(words[i:i + SHINGLE_WORDS]))
              for i in range(len(words) - SHINGLE_WORDS + 1)}
    return tuple(min((a * h + b) % _PRIME for h in hashes) for a, b in _PERMUTATIONS)


def similarity(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    if not first or len(first) != len(second):
        return 0.0
    return sum(x == y for x, y in zip(first, second, strict=True)) / len(first)


def _h64(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")


def _permutation(i: int) -> tuple[int, int]:
    # Fixed, derived from the index, so every run and machine computes the same
    # signature for the same text.
    seed = hashlib.blake2b(f"warlog.minhash.{i}".encode(), digest_size=16).digest()
    return (int.from_bytes(seed[:8], "big") % (_PRIME - 1) + 1,
            int.from_bytes(seed[8:], "big") % _PRIME)


_PERMUTATIONS: tuple[tuple[int, int], ...] = tuple(_permutation(i) for i in range(PERMUTATIONS))
