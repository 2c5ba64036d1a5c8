"""Turn gathered clusters into contract EVENTs: fields chosen, counts grouped, ids stable."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Sequence
from datetime import date

from warlog.extract.casualties import RawCount
from warlog.extract.clauses import reads_as_heading
from warlog.extract.coding import code_event
from warlog.extract.events import PERPETRATOR_WORDS, Cluster, same_side
from warlog.extract.lexicon import ABDUCTION_LEMMAS
from warlog.extract.location import PRECISION_RANK, offset_place
from warlog.extract.readings import Reading
from warlog.extract.vague import parse_quantity
from warlog.model import Actor, Count, Event, Group, Outcome, Place, Span, Time

UNRESOLVED = Time(text="", start=None, end=None, precision="unresolved", span=None)
STATE_ORGANS = ("pentagon", "command", "centcom", "military", "army", "ministry", "forces",
                "idf", "defence", "defense", "navy", "air force", "spokes")
# The kinds of actor that fight: a state's forces and armed groups.
ARMED_KINDS = frozenset({"state_forces", "non_state_armed_group"})


def stable_id(*parts: object) -> str:
    """A short id from the JSON of its parts: same input, same id."""
    blob = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def build_events(clusters: Sequence[Cluster], *, doc_id: str,
                 fallback_places: dict[str, Place], report_country: str | None,
                 places: Sequence[Place] = (), text: str = "",
                 missile_kind: str | None = None, published: date | None = None,
                 report_day: date | None = None) -> tuple[Event, ...]:
    """EVENTs in text order; responds_to points at the answered event's id. An event
    whose weapon is only a bare "missile" takes ``missile_kind``, the one kind of missile
    the report names, when it names one. An event told without a day under a live blog's
    clock-time heading ("13:05") is of the day of publication, not of the lead event; one
    told without a day in a report with no lead event is of ``report_day``, the day of
    publication when the report's opening names it ("Today…", its date line)."""
    ids: dict[int, str] = {}
    events: list[Event] = []
    ordered = sorted(clusters, key=lambda c: c.first)
    lead = _lead(ordered)
    for index, cluster in enumerate(ordered):
        # no fallback to the lead event's place: an event told apart from the lead is
        # another event, and an honest null says more than a borrowed place
        place = (_finer(cluster.place(), _place_of_its_record(cluster, places, text))
                 or _place_of_kin(cluster, ordered[:index])
                 or _place_in_its_sentences(cluster, places)
                 or _place_of_its_heading(cluster, places, text)
                 or _fallback_place(cluster, fallback_places, report_country))
        if place is not None and text:
            place = offset_place(text, place)  # "54 nautical miles southwest of Aden"
        # A report's later sentences ("Gun battles went on for ten hours") rarely repeat
        # the day; the lead event's day is the report's day.
        # ... unless the event is told as an earlier one ("earlier in the year, …")
        told_earlier = cluster.readings[0].earlier
        time = (cluster.time()
                or (_publication_day(published) if not told_earlier and published is not None
                    and _under_clock_heading(cluster, text) else None)
                or (lead.time() if lead is not None and not told_earlier else None)
                or (_publication_day(report_day) if report_day is not None and lead is None
                    and not told_earlier and not any(r.long_before for r in cluster.readings)
                    else None)
                or UNRESOLVED)
        weapon = cluster.weapon()
        if missile_kind is not None and cluster.weapon_generic():
            weapon = missile_kind
        event = _event_of(cluster, doc_id=doc_id, place=place, time=time, weapon=weapon)
        ids[id(cluster)] = event.id
        events.append(event)
    out = []
    for cluster, event in zip(sorted(clusters, key=lambda c: c.first), events, strict=True):
        answered = ids.get(id(cluster.answers)) if cluster.answers is not None else None
        if answered is not None and answered != event.id:
            event = _with_response(event, answered)
        out.append(event)
    return tuple(out)


def _with_response(event: Event, answered: str) -> Event:
    from dataclasses import replace

    return replace(event, responds_to=(answered,))


def _place_of_kin(cluster: Cluster, earlier: Sequence[Cluster]) -> Place | None:
    """An event told without a place, by the same sides as an earlier one: its place."""
    attacker, target = cluster.attacker(), cluster.target()
    for other in reversed(earlier):
        place = other.place()
        if place is None:
            continue
        if same_side(attacker, other.attacker()) or same_side(target, other.target()):
            return place
    return None


def _place_in_its_sentences(cluster: Cluster, places: Sequence[Place]) -> Place | None:
    """An event whose readings took no place: the most precise literal place below country
    level in the sentences that tell it (a place its clause rules could not tie to the
    trigger is still where the sentence is set)."""
    spans = [(r.sentence.start, r.sentence.end) for r in cluster.readings
             if not r.headline and not r.mention.anaphoric]
    return _most_precise(places, spans, roles=("literal",))


_BELOW_COUNTRY = {"facility": 0, "town": 1, "admin1": 2}


def _most_precise(places: Sequence[Place], spans: Sequence[tuple[int, int]], *,
                  roles: tuple[str, ...]) -> Place | None:
    """The most precise mapped place below country level that starts in one of ``spans``
    (the first such, at equal precision)."""
    found = [p for p in places if p.role in roles and p.lat is not None
             and p.precision in _BELOW_COUNTRY and any(a <= p.span.start < b for a, b in spans)]
    return min(found, key=lambda p: (_BELOW_COUNTRY[p.precision or "admin1"], p.span.start)) \
        if found else None


# The labels of a record's place line: "Where: 66 nautical miles southwest of Hodeidah",
# "Location: Kidal region", "Position: 12.5N 43.3E".
PLACE_LABELS = frozenset({"where", "location", "position", "place", "area", "locality", "site"})
_LABEL = re.compile(r"(?:^|(?<=[.;•*\-–—]\s))\s*([A-Za-z]+)\s*:\s*(?=\S)", re.MULTILINE)
_STOP = re.compile(r"[.;](?=\s+[A-Z]|\s*$)|\n")  # not "approx. 50 nm"


def _place_of_its_record(cluster: Cluster, places: Sequence[Place], text: str) -> Place | None:
    """An event told inside a record of labelled fields (an advisory's or an incident log's
    "When: …", "Where: …", "What: …", a line or a sentence each, the record ending at a
    blank line): the most precise place of the place field of the first record, in
    telling order, that has one."""
    if not text:
        return None
    for at in sorted({r.sentence.start for r in cluster.readings if not r.headline}):
        begin = text.rfind("\n\n", 0, at)
        begin = 0 if begin < 0 else begin + 2
        end = text.find("\n\n", at)
        end = len(text) if end < 0 else end
        for label in _LABEL.finditer(text, begin, end):
            if label.group(1).lower() not in PLACE_LABELS:
                continue
            stop = _STOP.search(text, label.end(), end)
            field_end = stop.start() if stop is not None else end
            best = _most_precise(places, [(label.end(), field_end)], roles=("literal", "modifier"))
            if best is not None:
                return dataclasses.replace(best, role="literal")
    return None


def _finer(told: Place | None, record: Place | None) -> Place | None:
    """The record's place where the event's own is missing or coarser than it."""
    if record is None or told is not None and PRECISION_RANK[told.precision] <= PRECISION_RANK[record.precision]:
        return told
    return record


def _place_of_its_heading(cluster: Cluster, places: Sequence[Place], text: str) -> Place | None:
    """An event whose sentences name no place, under a heading that does ("June 11 —
    Kathua: village attacked near the border", "Kharkiv region"): the heading's place.
    The heading is the nearest line above the event that reads as one (short, with no
    sentence's closing stop), never the report's title line."""
    starts = [r.sentence.start for r in cluster.readings if not r.headline]
    if not starts or not text:
        return None
    found = _heading_above(text, min(starts))
    if found is None or found[0] == 0:
        return None          # the title: the report's, not this section's
    begin, end, _ = found
    # a heading is no sentence: its parse makes "Kathua:" a modifier as often as not
    best = _most_precise(places, [(begin, end)], roles=("literal", "modifier"))
    # where the section's events are
    return dataclasses.replace(best, role="literal") if best is not None else None


def _heading_above(text: str, at: int) -> tuple[int, int, str] | None:
    """(start, end, stripped text) of the nearest line above the line holding ``at`` that
    reads as a heading."""
    above = text[:text.rfind("\n", 0, at) + 1]    # the lines before its paragraph
    end = len(above)
    for line in reversed(above.split("\n")):
        begin = end - len(line)
        stripped = line.strip()
        if stripped and reads_as_heading(stripped):
            return begin, end, stripped
        end = begin - 1
    return None


# A live blog's entry heading: a clock time alone ("07:40", "13.05", "9:15 p.m. GMT").
_CLOCK_HEADING = re.compile(r"^(?:\d{1,2}[:.]\d{2}|\d{1,2}\s*[ap]\.?m\.?)(?:\s*[ap]\.?m\.?)?"
                            r"(?:\s+(?:GMT|UTC|BST|CET|CEST|EET|EEST|ET|EST|EDT|local(?:\s+time)?))?$",
                            re.IGNORECASE)


def _under_clock_heading(cluster: Cluster, text: str) -> bool:
    """Whether one of the sentences that tell the event sits under a heading that is only
    a clock time, the nearest heading line above it (a live blog's entry)."""
    for start in sorted({r.sentence.start for r in cluster.readings if not r.headline}):
        found = _heading_above(text, start)
        if found is not None and _CLOCK_HEADING.match(found[2]) is not None:
            return True
    return False


def _publication_day(published: date) -> Time:
    return Time(text="", start=published, end=published, precision="day", span=None)


def _lead(ordered: Sequence[Cluster]) -> Cluster | None:
    """The first event told with a day: the report's main event; not an attack told only
    as the one answered ("to punish Israel for the April 1 strike"), which came before."""
    for cluster in ordered:
        if all(r.answered for r in cluster.readings) or any(r.long_before for r in cluster.readings):
            continue
        time = cluster.time()
        if time is not None and time.precision == "day":
            return cluster
    return None


def _event_of(cluster: Cluster, *, doc_id: str, place: Place | None, time: Time,
              weapon: str) -> Event:
    attacker, target = cluster.attacker(), cluster.target()
    killed, injured = _grouped_counts(cluster, attacker=attacker, target=target)
    evidence = tuple(sorted({r.sentence for r in cluster.readings}, key=lambda s: s.start))
    # what was heard ("explosions were heard") codes no kind beside what was told
    telling = [r for r in cluster.readings if not r.perceived] or list(cluster.readings)
    text = " ".join(r.lemma for r in telling)
    victims_civilian = any(g == "civilians" for g in (c.group for c in killed + injured))
    kind, sub_type = code_event(
        weapon=weapon, lemmas=[r.lemma for r in telling], attacker=attacker,
        target=target, victims_civilian=victims_civilian,
        text=text + (" suicide" if cluster.suicide else "")
        + (" projectile" if any(r.unnamed_munition for r in telling) else ""),
        accidental=cluster.accidental, taken=_taken(telling),
        dead=sum(c.low or 0 for c in killed if c.group != "attacker_side"),
    )
    said = _unique(s for r in cluster.readings for s in r.said_by)
    if target is None:
        target = victims_as_target(cluster, attacker)
    return Event(
        # the first trigger's place in the text too: two attacks of one kind told in one
        # sentence ("a drone hit the base and another hit the airport") are two ids; and
        # where it happened: one mention of two towns ("struck Odesa and Kharkiv") is two
        id=stable_id(doc_id, sub_type, str(time.start), evidence[0].start,
                     min(r.mention.head for r in cluster.readings),
                     place.span.start if place is not None else None),
        type=kind, sub_type=sub_type, weapon=weapon,  # type: ignore[arg-type]
        outcome=_outcome(cluster), attacker=attacker, target=target, location=place, time=time,
        killed=killed, injured=injured,
        said_by=said,
        claimed_by=_unique([c for r in cluster.readings for c in r.claimed_by]
                           + [s for s in said if _speaks_for(s, attacker)]),
        denied_by=_unique(d for r in cluster.readings for d in r.denied_by),
        evidence=evidence,
    )


# Victim heads that only count ("killed 21 people", "wounded dozens"): no target to show.
COUNTING_VICTIMS = frozenset({"people", "person", "persons", "others", "other", "one", "some",
                              "many", "all", "dozens", "hundreds", "scores", "several",
                              "individuals", "victims", "casualties", "bodies", "lives"})


def _taken(readings: Sequence[Reading]) -> int | None:
    """How many the abductions of an event took, at least: the most any of their targets
    counts ("187 students", "dozens of women", "his wife": one); None when none is told."""
    counts = [_at_least(r.target) for r in readings if r.lemma in ABDUCTION_LEMMAS]
    return max(counts) if counts else None


def _at_least(target: Actor | None) -> int:
    quantity = parse_quantity(target.text) if target is not None else None
    return quantity.low or 1 if quantity is not None else 1


def victims_as_target(cluster: Cluster, attacker: Actor | None) -> Actor | None:
    """An attack no clause names the target of was aimed at those it killed or wounded
    ("thirteen police officers lost their lives in the ambush"): the first dead, else the
    first wounded, told in a sentence that names the attack, not of the attacker's side and
    named by more than a count. Only shown: the event is coded and its counts grouped as
    told, without it."""
    for field in ("killed", "injured"):
        for reading in cluster.readings:
            if reading.mention.anaphoric:
                continue  # a later sentence's dead are tied to the attack by nothing it says
            for raw, victims in zip(reading.counts, reading.victims, strict=True):
                if raw.field != field or victims is None or (raw.quantity.high == 0):
                    continue
                words = victims.name.lower().split()
                if (words and words[-1] in COUNTING_VICTIMS) or victim_group(
                        victims, attacker=attacker, target=None) == "attacker_side":
                    continue
                return victims
    return None


def _outcome(cluster: Cluster) -> Outcome:
    outcomes = [r.outcome for r in cluster.readings]
    for choice in ("intercepted", "missed", "hit"):
        if choice in outcomes and not (choice != "hit" and any(
                (c.quantity.low or 0) > 0 for r in cluster.readings for c in r.counts)):
            return choice
    return "hit" if "hit" in outcomes else "unknown"


def _speaks_for(source: str, attacker: Actor | None) -> bool:
    """A state's own military or ministry reporting its strike acknowledges it."""
    if attacker is None or attacker.kind != "state_forces" or attacker.country is None:
        return False
    lower = source.lower()
    country_words = {"US": ("u.s.", "us ", "american", "united states", "pentagon", "centcom"),
                     "IL": ("israel", "idf"), "RU": ("russia",), "UA": ("ukrain",),
                     "GB": ("british", "uk ", "u.k."), "IQ": ("iraq",), "IR": ("iran",)}
    names = country_words.get(attacker.country, ())
    return any(w in lower for w in names) and any(w in lower for w in STATE_ORGANS)


def _fallback_place(cluster: Cluster, places: dict[str, Place], report_country: str | None) -> Place | None:
    """An event told without a place: the answered event's country, else the report's."""
    if cluster.answers is not None:
        answered = cluster.answers.place()
        if answered is not None and answered.country in places:
            return places[answered.country]
    if report_country is not None:
        return places.get(report_country)
    return None


def _grouped_counts(cluster: Cluster, *, attacker: Actor | None,
                    target: Actor | None) -> tuple[tuple[Count, ...], tuple[Count, ...]]:
    best: dict[tuple[str, Group], Count] = {}
    # with neither side named, the first armed side counted is the one hit, and dead of the
    # other armed kind are the other side's ("two soldiers and five militants were killed in
    # an exchange of fire")
    armed = [v.kind for r in cluster.readings for v in r.victims
             if v is not None and v.kind in ARMED_KINDS]
    for reading in cluster.readings:
        for raw, victims in zip(reading.counts, reading.victims, strict=True):
            group = victim_group(victims, attacker=attacker, target=target)
            if attacker is None and target is None and victims is not None and armed \
                    and victims.kind in ARMED_KINDS \
                    and victims.kind != armed[0]:
                group = "attacker_side"
            count = _count(raw, group)
            key = (raw.field, group)
            if key not in best or _more_telling(count, best[key]):
                best[key] = count
    # a zero with no group of its own ("No one was hurt", read without victims) is no
    # figure beside a counted one of the same kind: the people counted were hurt
    counted = {f for (f, _), c in best.items() if (c.high is None or c.high > 0)}
    best = {k: c for k, c in best.items() if not (k[0] in counted and c.high == 0)}
    killed = tuple(c for (f, _), c in sorted(best.items()) if f == "killed")
    injured = tuple(c for (f, _), c in sorted(best.items()) if f == "injured")
    return killed, injured


def _count(raw: RawCount, group: Group) -> Count:
    q = raw.quantity
    return Count(group=group, low=q.low, best=q.best, high=q.high, text=raw.text,
                 span=Span(start=raw.start_char, end=raw.end_char))


def _more_telling(new: Count, old: Count) -> bool:
    """A later, higher or exact figure replaces an earlier vaguer one."""
    if (new.low or 0) != (old.low or 0):
        return (new.low or 0) > (old.low or 0)
    return new.best is not None and old.best is None


def _names_perpetrators(victims: Actor) -> bool:
    return bool(set(re.findall(r"[\w-]+", victims.text.lower())) & PERPETRATOR_WORDS)


def victim_group(victims: Actor | None, *, attacker: Actor | None, target: Actor | None) -> Group:
    """Whose side the dead or injured were on."""
    if victims is None:
        if target is not None and target.kind == "civilians":
            return "civilians"
        return "target_side" if target is not None else "unknown"
    if victims.kind == "civilians":
        return "civilians"
    # "killed 18 people" in a strike on a city or a building: people, not fighters
    armed_target = target is not None and target.kind in ARMED_KINDS
    if victims.kind == "unknown" and not armed_target \
            and any(w in victims.text.lower().split() for w in ("people", "persons")):
        return "civilians"
    if attacker is not None and same_side(victims, attacker) and not same_side(victims, target):
        return "attacker_side"
    # "two of the attackers were killed in the exchange of fire"
    if _names_perpetrators(victims) and not same_side(victims, target):
        return "attacker_side"
    if target is not None and same_side(victims, target):
        return "target_side"
    if attacker is not None and victims.kind == attacker.kind == "non_state_armed_group" \
            and (target is None or target.kind != victims.kind):
        # "seven soldiers and 20 terrorists were killed when insurgents attacked a post" (of
        # two states, either may be the other's victim: "an Israeli strike killed seven
        # Guards members")
        return "attacker_side"
    if victims.kind != "unknown" and attacker is not None and victims.kind != attacker.kind:
        return "target_side"
    if victims.kind == "unknown" and target is not None and target.kind == "civilians":
        return "civilians"
    if victims.kind in ARMED_KINDS and attacker is None \
            and armed_target and target is not None and victims.kind != target.kind:
        # "two soldiers and five militants were killed in an exchange of fire": the side
        # the target is not on is the other side of the fight
        return "attacker_side"
    if victims.kind in ARMED_KINDS and attacker is None:
        return "target_side"  # "a drone strike killed two soldiers": those it was aimed at
    return "unknown" if attacker is None and target is None else "target_side"


def _unique(items: object) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))  # type: ignore[call-overload]
