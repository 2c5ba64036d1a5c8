"""Paragraph frames: the place a paragraph's opening label names frames the sentences below it.

Live blogs, roundups and briefs open an entry with the place it is about, as a label of
its own ("Kryvyi Rih. The head of the city's defence council says missiles hit…",
"Kharkiv: a drone struck a warehouse…") and then tell the entry in sentences that name
no place. Such a sentence belongs to the labelled place, not to whatever event was told
last in the entries above. A reading whose sentence gives it no place takes the label's
place; one that names its own keeps it.

A dateline ("KYIV, Ukraine —") is not a label: it says where the reporter files from,
and the attack it introduces is often elsewhere ("KYIV — Drones struck Odesa…").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from warlog.extract.readings import Reading
from warlog.model import Place

# What closes a label: "Kryvyi Rih." or "Kharkiv:" (not a dateline's dash or comma).
LABEL_ENDS = (".", ":")
# A label is the paragraph's own opening words, no more than this many characters in.
LABEL_REACH = 2


def label_places(text: str, places: tuple[Place, ...]) -> dict[int, Place]:
    """Paragraph start (character offset) → the literal place its opening label names."""
    found: dict[int, Place] = {}
    for place in places:
        if place.role != "literal" or place.lat is None:
            continue
        start = place.span.start
        paragraph = _paragraph_start(text, start)
        if text[paragraph:start].strip() or start - paragraph > LABEL_REACH:
            continue
        after = text[place.span.end:place.span.end + 1]
        if after and after in LABEL_ENDS and paragraph not in found:
            found[paragraph] = place
    return found


def _paragraph_start(text: str, at: int) -> int:
    cut = text.rfind("\n\n", 0, at)
    return 0 if cut < 0 else cut + 2


def framed(readings: list[Reading], text: str, places: tuple[Place, ...]) -> list[Reading]:
    """The readings, each told without a place of its own given its paragraph's label
    place (headlines and section heads stand outside paragraphs and keep none)."""
    labels = label_places(text, places)
    if not labels:
        return readings
    starts = sorted(labels)
    out: list[Reading] = []
    for reading in readings:
        if reading.place is not None or reading.headline or reading.heading:
            out.append(reading)
            continue
        at = reading.sentence.start
        index = bisect_right(starts, at) - 1
        paragraph = starts[index] if index >= 0 else None
        if paragraph is None or _paragraph_start(text, at) != paragraph:
            out.append(reading)
            continue
        out.append(replace(reading, place=labels[paragraph]))
    return out
