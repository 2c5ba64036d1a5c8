"""Who "the group", "the militia" or "the movement" is: the armed group named last before.

Reports name a group once and then call it "the group" ("Kataib Hezbollah … The militia
had launched a drone"). An attacker or claimant written as such a definite description
keeps its text and span, and takes the name, kind and country of the last armed group
named before it in the report: a group of the known-groups table, or an organisation
entity whose words say it is armed ("the Islamic Resistance in Iraq"). With none named
before, it stays as written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from warlog.extract import lexicon as lx
from warlog.extract.actors import CountryOf, classify
from warlog.extract.readings import Reading
from warlog.model import Actor
from warlog.model import Span as TextSpan

ALIAS = re.compile(r"^(?:the|this|that)\s+(?:armed\s+|militant\s+|extremist\s+|jihadist\s+)?"
                   r"(?:group|militia|organi[sz]ation|movement|faction|outfit|network)$", re.IGNORECASE)


def with_aliases(readings: list[Reading], doc: Doc, *, country_of: CountryOf) -> list[Reading]:
    """The readings, each attacker or claimant written as "the group" resolved."""
    if not any(_is_alias(r.attacker) or _is_alias(r.claimant) for r in readings):
        return readings
    named = named_groups(doc, country_of=country_of)
    return [replace(r, attacker=_resolved(r.attacker, named), claimant=_resolved(r.claimant, named))
            for r in readings]


def named_groups(doc: Doc, *, country_of: CountryOf) -> list[Actor]:
    """Every armed group the report names, in text order."""
    found: dict[int, Actor] = {}
    for match in lx.GROUP_KEYS.finditer(doc.text):
        name, country = lx.KNOWN_GROUPS[match.group(0).lower()]
        found[match.start()] = Actor(text=match.group(0), name=name, kind="non_state_armed_group",
                                     country=country, span=TextSpan(start=match.start(), end=match.end()))
    for ent in doc.ents:
        if ent.label_ != "ORG" or ent.start_char in found:
            continue
        kind, country, group = classify(ent, country_of=country_of)
        if kind == "non_state_armed_group":
            found[ent.start_char] = Actor(text=ent.text, name=group or ent.text, kind=kind,
                                          country=country,
                                          span=TextSpan(start=ent.start_char, end=ent.end_char))
    return [found[start] for start in sorted(found)]


def _is_alias(actor: Actor | None) -> bool:
    return actor is not None and ALIAS.match(actor.text.strip()) is not None


def _resolved(actor: Actor | None, named: list[Actor]) -> Actor | None:
    if actor is None or not _is_alias(actor):
        return actor
    before = [g for g in named if g.span.end <= actor.span.start]
    if not before:
        return actor
    group = before[-1]
    return replace(actor, name=group.name, kind=group.kind, country=group.country)
