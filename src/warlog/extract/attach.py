"""Which of a sentence's attacks a casualty figure belongs to.

A sentence can tell two attacks: "militants fired rockets at the town to punish the army
for the raid on their camp, which killed four fighters", "drones struck the depot in
retribution for the shelling that killed six". Every mention first reads all the figures
of its sentence; here each figure is kept only by the mention nearest to it in the
parse (the fewest dependency arcs from any word of the figure to any of the mention's
triggers). A figure as near to two mentions stays with both; a sentence with one mention
keeps all its figures, as before.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from spacy.tokens import Doc, Token

from warlog.extract import lexicon as lx
from warlog.extract.casualties import RawCount
from warlog.extract.readings import Reading


def owned_counts(doc: Doc, readings: list[Reading]) -> list[Reading]:
    """The readings, each keeping only the figures of its sentence nearest to it."""
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(readings):
        by_sentence[r.sentence.start].append(i)
    out = list(readings)
    for indexes in by_sentence.values():
        heads = {readings[i].mention.head for i in indexes}
        if len(heads) < 2:
            continue
        for i in indexes:
            r = readings[i]
            # a rival that does not read the figure at all (it stands on the other side
            # of a phrase naming another attack) does not take it away
            keep = [k for k, c in enumerate(r.counts)
                    if _nearest(doc, c, readings[i], [readings[j] for j in indexes
                                                       if c in readings[j].counts])]
            if len(keep) < len(r.counts):
                out[i] = replace(r, counts=tuple(r.counts[k] for k in keep),
                                 victims=tuple(r.victims[k] for k in keep))
    return out


def _nearest(doc: Doc, count: RawCount, reading: Reading, rivals: list[Reading]) -> bool:
    words = [t for t in doc.char_span(count.start_char, count.end_char,
                                      alignment_mode="expand") or ()]
    if not words:
        return True
    mine = _distance(doc, words, reading)
    return all(mine <= _distance(doc, words, other) for other in rivals)


def _distance(doc: Doc, words: list[Token], reading: Reading) -> int:
    return min(arcs(w, doc[t]) for w in words for t in reading.mention.triggers)


def arcs(a: Token, b: Token) -> int:
    """Dependency arcs between two tokens of one sentence (through their lowest common
    ancestor); tokens of different sentences are far apart."""
    up_a = [a, *a.ancestors]
    depth_b = {b.i: 0}
    for n, tok in enumerate(b.ancestors, start=1):
        depth_b[tok.i] = n
    for n, tok in enumerate(up_a):
        if tok.i in depth_b:
            return n + depth_b[tok.i]
    return 10_000


def relative_detail(doc: Doc, reading: Reading) -> Token | None:
    """The relative clause a mention is told in, when it describes some of the people a
    figure outside it counts ("16 others were wounded, including two gang members who
    were hit during an exchange of fire with police"): the clause's verb, else None."""
    node = doc[reading.mention.head]
    for anc in (node, *node.ancestors):
        if anc.dep_ == "relcl":
            # people who underwent it ("members … who were hit"), not the weapon or the
            # attackers that did it ("shrapnel from a rocket that struck a village")
            people = anc.head.lemma_.lower() in lx.PERSON_LEMMAS | lx.PEOPLE_NOUNS \
                or anc.head.lower_ in lx.PEOPLE_NOUNS
            passive = any(c.dep_ == "auxpass" for c in anc.children)
            return anc if people and passive else None
    return None


def figures_outside_details(doc: Doc, readings: list[Reading]) -> tuple[list[Reading], set[int]]:
    """The readings, a mention told inside a relative clause keeping only the figures of
    that clause; and the sentences (by start) whose figures were so left to the event
    the sentence goes on with, as a follow-up's are."""
    out = list(readings)
    left: set[int] = set()
    for i, r in enumerate(readings):
        clause = relative_detail(doc, r)
        if clause is None or not r.counts:
            continue
        inside = {t.idx for t in clause.subtree}
        keep = [k for k, c in enumerate(r.counts) if c.start_char in inside]
        if len(keep) < len(r.counts):
            out[i] = replace(r, counts=tuple(r.counts[k] for k in keep),
                             victims=tuple(r.victims[k] for k in keep))
            left.add(r.sentence.start)
    return out, left


def enclosed_anchors(doc: Doc, readings: list[Reading]) -> list[Reading]:
    """A mention with no day of its own, told inside another mention's phrase ("Saturday's
    strike on Majdal Shams, where a rocket landed on a football field and killed 12"),
    tells that mention's event: it takes the day of the one that holds it (and its place,
    if it has none), rather than the day of whatever event came last."""
    out = list(readings)
    for i, r in enumerate(readings):
        if r.time is not None:
            continue
        head = doc[r.mention.head]
        holders = [o for o in readings if o is not r and o.sentence.start == r.sentence.start
                   and (o.time is not None or (o.place is not None and r.place is None))
                   and doc[o.mention.head] in head.ancestors]
        if holders:
            nearest = min(holders, key=lambda o: arcs(head, doc[o.mention.head]))
            out[i] = replace(r, time=nearest.time,
                             context_time=None if nearest.time is not None else r.context_time,
                             place=r.place or nearest.place)
    return out
