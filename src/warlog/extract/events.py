"""Gather a report's readings into events: one event per real-world attack it tells.

A reading joins an earlier event when nothing conflicts (date, place, attacker, weapon
family, response) and enough agrees; a definite re-mention ("the assault", "Monday's
attack") joins the best-matching event even on little evidence. Everything else starts
a new event.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from warlog.extract import lexicon as lx
from warlog.extract.readings import Reading
from warlog.geo.local import is_street
from warlog.model import Actor, Place, Time

WEAPON_FAMILY = {
    "ballistic_missile": "missile", "cruise_missile": "missile", "rocket": "missile",
    "mortar": "artillery", "artillery": "artillery", "drone": "drone",
    "aircraft": "air", "gunship": "air", "ied": "ied", "small_arms": "small_arms",
}
# The missiles told apart by kind; a bare "missile" is read as the first.
NAMED_MISSILES = frozenset({"ballistic_missile", "cruise_missile"})
LEMMA_FAMILY = {"drone": "strike", "missile": "strike", "rocket": "strike", "mortar": "strike",
                "attack": "attack", "assault": "attack", "raid": "attack", "ambush": "attack",
                "strike": "strike", "airstrike": "strike", "bombing": "strike",
                "bombardment": "shelling", "shelling": "shelling", "barrage": "shelling",
                "clash": "clash", "fighting": "clash", "firefight": "clash"}
# A platform and the munition it carries: one attack told by either.
CARRIED = ({"drone", "missile"}, {"air", "missile"})
# Signs of sameness a new (not re-mentioning) reading needs to join an event it does not
# conflict with. Measured on the bundled examples' gold: see the commit that set it.
MERGE_AGREEMENT = 0
PRECISION_KM = {"facility": 15.0, "town": 30.0, "admin1": 250.0, "country": 2000.0,
                "region": 4000.0}


TIME_RANK = {"day": 0, "week": 1, "month": 2}
PLACE_ORDER = {"facility": 0, "town": 1, "admin1": 2, "": 2.5, "country": 3, "region": 4}


class _FirstActor:
    """best_actor over actors offered one at a time: the first known one, else the first."""

    __slots__ = ("first", "known")

    def __init__(self) -> None:
        self.first: Actor | None = None
        self.known: Actor | None = None

    def offer(self, actor: object) -> None:
        if not isinstance(actor, Actor):
            return
        if self.first is None:
            self.first = actor
        if self.known is None and actor.kind != "unknown":
            self.known = actor

    def best(self) -> Actor | None:
        return self.known if self.known is not None else self.first


class _Named:
    """The targets of one text in an event: the first, and the first of a known kind,
    with their positions among its readings."""

    __slots__ = ("at", "first", "known", "known_at")

    def __init__(self, at: int, actor: Actor) -> None:
        self.at, self.first = at, actor
        self.known_at = at
        self.known: Actor | None = actor if actor.kind != "unknown" else None

    def offer(self, at: int, actor: Actor) -> None:
        if self.known is None and actor.kind != "unknown":
            self.known_at, self.known = at, actor


def _side_key(actor: Actor) -> tuple[str, str | None, str]:
    """All that same_side reads of an actor: actors with one key are one side or not alike."""
    return (actor.kind, actor.country, actor.name)


@dataclass(slots=True)
class Cluster:
    """An event being gathered: its readings in text order, and what it answers.

    What the comparisons ask of an event (its day, place, attacker, weapon, kinds) is kept
    as running aggregates, folded in once per reading as it joins (``add``), so that
    comparing a reading with an event costs the same however many readings it holds.
    Each aggregate answers exactly what a pass over all the readings would.
    """

    readings: list[Reading] = field(default_factory=list)
    answers: Cluster | None = None
    # running aggregates over readings[:_seen]; readings appended directly are folded in
    # on the next question
    _seen: int = field(default=0, compare=False, repr=False)
    _response: bool = field(default=False, compare=False, repr=False)
    _suicide: bool = field(default=False, compare=False, repr=False)
    _accidental: bool = field(default=False, compare=False, repr=False)
    _follows: bool = field(default=False, compare=False, repr=False)
    _body: bool = field(default=False, compare=False, repr=False)
    _time: tuple[int, Time] | None = field(default=None, compare=False, repr=False)
    _context_time: tuple[int, Time] | None = field(default=None, compare=False, repr=False)
    _place: tuple[tuple[float, bool], Place] | None = field(default=None, compare=False,
                                                             repr=False)
    _place_texts: set[str] = field(default_factory=set, compare=False, repr=False)
    _streets: set[str] = field(default_factory=set, compare=False, repr=False)
    _kinds: set[str] = field(default_factory=set, compare=False, repr=False)
    _families: set[str | None] = field(default_factory=set, compare=False, repr=False)
    _weapon_told: str | None = field(default=None, compare=False, repr=False)
    _weapon_generic: bool = field(default=False, compare=False, repr=False)
    _body_attacker: _FirstActor = field(default_factory=_FirstActor, compare=False, repr=False)
    _any_attacker: _FirstActor = field(default_factory=_FirstActor, compare=False, repr=False)
    _claimant: _FirstActor = field(default_factory=_FirstActor, compare=False, repr=False)
    _named_again: _FirstActor = field(default_factory=_FirstActor, compare=False, repr=False)
    _restated: Actor | None = field(default=None, compare=False, repr=False)
    # targets by text (all _place_like reads); context attackers (with their positions)
    # and targets by side key, the first of each
    _targets: dict[str, _Named] = field(default_factory=dict, compare=False, repr=False)
    _lent: dict[tuple[str, str | None, str], tuple[int, Actor]] = field(
        default_factory=dict, compare=False, repr=False)
    _target_sides: dict[tuple[str, str | None, str], Actor] = field(
        default_factory=dict, compare=False, repr=False)
    # answers derived from the aggregates, for the readings folded when they were asked
    _memo: dict[str, tuple[int, object]] = field(default_factory=dict, compare=False,
                                                 repr=False)

    def add(self, reading: Reading) -> None:
        self.readings.append(reading)
        self._sync()

    def _sync(self) -> None:
        while self._seen < len(self.readings):
            self._fold(self._seen, self.readings[self._seen])
            self._seen += 1

    def _fold(self, position: int, r: Reading) -> None:
        self._response = self._response or r.response
        self._suicide = self._suicide or r.suicide
        self._accidental = self._accidental or r.accidental
        self._follows = self._follows or r.follows
        if r.time is not None:
            rank = TIME_RANK.get(r.time.precision, 3)
            if self._time is None or rank < self._time[0]:
                self._time = (rank, r.time)
        if r.context_time is not None:
            rank = TIME_RANK.get(r.context_time.precision, 3)
            if self._context_time is None or rank < self._context_time[0]:
                self._context_time = (rank, r.context_time)
        street = r.place is not None and is_street(r.place.text)
        if r.place is not None:
            order = (PLACE_ORDER.get(r.place.precision or "", 5), not street)
            if self._place is None or order < self._place[0]:
                self._place = (order, r.place)
            self._place_texts.add(r.place.text.lower())
            if street and not r.mention.anaphoric:
                self._streets.add(r.place.text.lower())
        if not r.mention.anaphoric:
            kind = _kind_of(r.lemma) if r.headline else _kind_of_reading(r)
            if kind is not None:
                self._kinds.add(kind)
            if _complex_attack(r.attacker):
                self._kinds |= {"blast", "clash"}  # bombers and gunmen: both are told of it
        self._families.add(LEMMA_FAMILY.get(r.lemma))
        if r.weapon != "unknown" and (self._weapon_told is None or (
                # "a missile slammed into…" then "…hit by a Kh-101 cruise missile"
                self._weapon_generic and not r.weapon_generic and r.weapon in NAMED_MISSILES)):
            self._weapon_told, self._weapon_generic = r.weapon, r.weapon_generic
        if not r.headline:
            self._body = True
            self._body_attacker.offer(r.attacker)
        self._any_attacker.offer(r.attacker)
        self._claimant.offer(r.claimant)
        if r.mention.anaphoric and r.attacker is not None and not _described_only(r.attacker):
            self._named_again.offer(r.attacker)  # "police blamed herders for the massacre"
        if r.context_attacker is not None:
            self._lent.setdefault(_side_key(r.context_attacker), (position, r.context_attacker))
        if r.target is not None:
            if r.restates_target:
                self._restated = r.target
            self._target_sides.setdefault(_side_key(r.target), r.target)
            named = self._targets.get(r.target.text)
            if named is None:
                self._targets[r.target.text] = _Named(position, r.target)
            else:
                named.offer(position, r.target)

    def _memo_get(self, name: str) -> tuple[bool, object]:
        self._sync()
        found = self._memo.get(name)
        if found is not None and found[0] == self._seen:
            return True, found[1]
        return False, None

    def _memo_put(self, name: str, value: object) -> None:
        self._memo[name] = (self._seen, value)

    @property
    def first(self) -> int:
        return self.readings[0].sentence.start

    @property
    def response(self) -> bool:
        self._sync()
        return self._response

    @property
    def suicide(self) -> bool:
        self._sync()
        return self._suicide

    @property
    def accidental(self) -> bool:
        self._sync()
        return self._accidental

    @property
    def streets(self) -> set[str]:
        """The streets its own (not re-mentioning) readings name, in lower case."""
        self._sync()
        return self._streets

    @property
    def kinds(self) -> set[str]:
        """The kinds ("clash", "blast") its own readings tell; a headline's by its trigger."""
        self._sync()
        return self._kinds

    @property
    def lemma_families(self) -> set[str | None]:
        self._sync()
        return self._families

    def has_target_of_side(self, actor: Actor) -> bool:
        """Whether any of its readings' targets is of the actor's side."""
        self._sync()
        return any(same_side(t, actor) for t in self._target_sides.values())

    def told_attacker(self) -> Actor | None:
        # a headline packs several clauses into one line ("Roadside bomb hits convoy as
        # helicopters open fire"): it names the attacker only of an event the body leaves
        # without readings of its own
        self._sync()
        return (self._body_attacker if self._body else self._any_attacker).best()

    def attacker(self) -> Actor | None:
        # a claim of responsibility names the attacker as surely as the parse does, and
        # more surely than a party named elsewhere in the paragraph
        # a party lent from the context is never the event's own target
        known, value = self._memo_get("attacker")
        if known:
            return value  # type: ignore[return-value]
        target = self.target()
        told = self.told_attacker()
        claimant = self._claimant.best()
        # "a suicide bomber blew himself up … Al-Shabaab claimed the attack": the group that
        # claims it names the attacker better than a bare "bomber" or "gunmen" does
        named = self._named_again.best()
        if told is not None and claimant is not None and _generic(told) and not _generic(claimant) \
                and not same_side(claimant, target):
            found: Actor | None = claimant
        elif told is not None and named is not None and _described_only(told) \
                and not same_side(named, target):
            # "Gunmen stormed a village … police blamed herders for the massacre": the
            # re-mention says who the gunmen were
            found = named
        else:
            found = told or claimant or self._lent_attacker(target)
        self._memo_put("attacker", found)
        return found

    def _lent_attacker(self, target: Actor | None) -> Actor | None:
        """best_actor of the context attackers not of the target's side."""
        lent = [(position, actor) for position, actor in self._lent.values()
                if not same_side(actor, target)]
        known = [pa for pa in lent if pa[1].kind != "unknown"]
        chosen = min(known or lent, key=lambda pa: pa[0], default=None)
        return chosen[1] if chosen is not None else None

    def target(self) -> Actor | None:
        known, value = self._memo_get("target")
        if known:
            return value  # type: ignore[return-value]
        if self._restated is not None:
            found: Actor | None = self._restated
        else:
            # "fired missiles at the city … one hit a residential building": what was hit
            # says more than the place it stands in, whichever the report names first
            entries = list(self._targets.values())
            things = [e for e in entries if not _place_like(e.first, self._place_texts)]
            chosen = things or entries
            of_kind = [e for e in chosen if e.known is not None]
            if of_kind:
                found = min(of_kind, key=lambda e: e.known_at).known
            else:
                found = min(chosen, key=lambda e: e.at).first if chosen else None
        self._memo_put("target", found)
        return found

    def place(self) -> Place | None:
        # a place named below country level that the gazetteer cannot resolve ("in Bagram")
        # still says more than the country named elsewhere; a street put in its town says
        # more than the town it is in
        self._sync()
        return self._place[1] if self._place is not None else None

    def time(self) -> Time | None:
        self._sync()
        if self._time is not None and self._time[0] == 0:
            return self._time[1]
        if self.answers is not None and self._follows:
            return self.answers.time()
        # a day named just before, in the same paragraph ("The injuries date from Oct. 17.
        # At Al-Asad, forces engaged two drones…"), is more precise than "last week"
        own, context = self._time, self._context_time
        if own is not None and (context is None or own[0] <= context[0]):
            return own[1]
        return context[1] if context is not None else None

    def weapon(self) -> str:
        known, value = self._memo_get("weapon")
        if known:
            return value  # type: ignore[return-value]
        found = self._weapon()
        self._memo_put("weapon", found)
        return found

    def weapon_generic(self) -> bool:
        """Whether the event's weapon is only a bare "missile" (see ``weapon``)."""
        self._sync()
        return self._weapon_generic and self.weapon() == self._weapon_told

    def _weapon(self) -> str:
        # the platform that delivered the weapon names the attack: "an Apache helicopter
        # fired missiles" is a helicopter strike
        attacker = self.attacker()
        if attacker is not None:
            platform = platform_of(attacker.text, country=attacker.country)
            if platform is not None:
                return platform
        if self._weapon_told is None and self._suicide:
            return "ied"  # "a suicide bombing": a bomb the attacker carried
        return self._weapon_told if self._weapon_told is not None else "unknown"


# Nouns for a stretch of land: a target named by one of these is where, not what.
PLACE_NOUNS = frozenset({"city", "town", "village", "district", "districts", "region",
                         "regions", "area", "areas", "suburb", "suburbs", "place", "places",
                         "country", "province", "capital", "neighbourhood", "neighborhood",
                         "neighbourhoods", "neighborhoods", "outskirts", "territory",
                         "oblast", "governorate", "locality", "localities"})
PLACE_MODIFIERS = frozenset({"the", "central", "northern", "southern", "eastern", "western",
                             "downtown", "greater", "its", "parts", "of"})


def _place_like(actor: Actor, places: set[str]) -> bool:
    """"the city", "two districts of the city", "central Kharkiv", "the town of Bakhmut",
    "Kharkiv and its suburbs": a target that is only a place."""
    words = actor.text.lower().replace(",", " ").split()
    if not words:
        return False
    if words[-1] in PLACE_NOUNS or any(
            w in PLACE_NOUNS and n == "of" for w, n in pairwise(words)):
        return True
    named = " ".join(w for w in words if w not in PLACE_MODIFIERS | PLACE_NOUNS)
    return any(named == p or named.startswith(p + " and ") for p in places)


def _generic(actor: Actor) -> bool:
    """"a suicide bomber", "gunmen": a description in lower case, not a name."""
    return actor.name.islower()


def _described_only(actor: Actor | None) -> bool:
    """The attacker is told by what they carried or did ("Gunmen", "unidentified
    assailants"), not by who they were."""
    if actor is None:
        return False
    told = re.findall(r"[\w-]+", actor.name.lower())
    return bool(told) and all(w in lx.DESCRIBING_WORDS for w in told)


PLATFORMS = (("ac-130", "gunship"), ("gunship", "gunship"), ("apache", "gunship"),
             ("helicopter", "aircraft"), ("warplane", "aircraft"), ("jet", "aircraft"),
             ("aircraft", "aircraft"), ("f-16", "aircraft"),
             ("f-15", "aircraft"), ("f-35", "aircraft"), ("drone", "drone"), ("uav", "drone"))
# "bomber" names a person ("a suicide bomber", "the Manchester bomber") unless the phrase
# says it flies: a state's bombers ("U.S. bombers"), a type designation, an air-force word.
AIR_BOMBER_CUES = lx.AIR_BOMBER_CUES


def platform_of(text: str, *, country: str | None = None) -> str | None:
    """The weapon class of an attacker that is itself a platform ("Israeli jets")."""
    lower = text.lower()
    words = {w.rstrip("s") for w in re.findall(r"[\w-]+", lower)}
    for word, weapon in PLATFORMS:
        if word in words:
            return weapon
    if "bomber" in words and "suicide" not in words and (
            country is not None or any(c in lower for c in AIR_BOMBER_CUES)):
        return "aircraft"
    return None


def best_actor(actors: object) -> Actor | None:
    """The most informative actor: a named or known kind before a vague one, then first."""
    found = [a for a in actors if isinstance(a, Actor)]  # type: ignore[attr-defined]
    if not found:
        return None
    return max(found, key=lambda a: (a.kind != "unknown", -found.index(a)))


def cluster_readings(readings: list[Reading]) -> list[Cluster]:
    """Readings in text order → clusters, each one real-world event.

    Headlines go last: a title retells the report's main event in few words, so it joins
    the body's best-matching event and stands alone only when none fits. A section head
    inside the text joins the first event of the paragraph below it, or none.
    """
    gathering = Gathering()
    body = [r for r in readings if not r.headline and not r.heading]
    titles = [replace(r, mention=replace(r.mention, anaphoric=True)) for r in readings if r.headline]
    heads = [r for r in readings if r.heading and not r.headline]
    for reading in body:
        _gather(reading, gathering)
    clusters = gathering.clusters
    for head in heads:
        # a section head titles the paragraph below it: it joins the event told first
        # there, when nothing conflicts, and tells no event of its own
        below = min((c for c in clusters if c.first > head.sentence.start),
                    key=lambda c: c.first, default=None)
        if below is not None and not conflicts(replace(head, mention=replace(
                head.mention, anaphoric=True)), below):
            gathering.join(below, head)
    for reading in titles:
        _gather(reading, gathering)
    return clusters


# The longest date (in days) an event is filed under day by day; a longer or odd one is
# compared with every reading.
FILED_DAYS = 31


class Gathering:
    """The events gathered so far, in the order they were started, filed by the days
    their dates cover.

    A dated reading can join only an event whose date does not conflict with its own
    (``times_conflict``), so it is compared only with the events filed under one of its
    days and those whose date is open: none, an unknown day, longer than FILED_DAYS, or
    borrowed from the event it answers (which may change as that one grows). Every event
    left out would have been refused by ``conflicts``, so the choice is the same as over
    all of them.
    """

    __slots__ = ("by_day", "clusters", "filed", "open", "position")

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self.position: dict[int, int] = {}  # id(cluster) → its index in clusters
        self.by_day: dict[int, set[int]] = {}  # day ordinal → indexes of events
        self.open: set[int] = set()
        # index → the date it was filed by, and the days it is filed under (None: open)
        self.filed: dict[int, tuple[Time | None, list[int] | None]] = {}

    def start(self, cluster: Cluster, reading: Reading) -> None:
        self.position[id(cluster)] = len(self.clusters)
        self.clusters.append(cluster)
        self.join(cluster, reading)

    def join(self, cluster: Cluster, reading: Reading) -> None:
        cluster.add(reading)
        index = self.position[id(cluster)]
        time = cluster.time()
        days = None if _borrows_time(cluster) else _days_of(time)
        before = self.filed.get(index)
        if before is not None:
            if before[0] is time and before[1] == days:
                return
            for day in before[1] if before[1] is not None else ():
                self.by_day[day].discard(index)
            self.open.discard(index)
        if days is None:
            self.open.add(index)
        for day in days if days is not None else ():
            self.by_day.setdefault(day, set()).add(index)
        self.filed[index] = (time, days)

    def candidates(self, reading: Reading) -> list[int]:
        """Indexes, in order, of the events the reading's date does not rule out."""
        days = _days_of(_day_of(reading))
        if days is None:
            return list(range(len(self.clusters)))
        found = set(self.open)
        for day in days:
            found.update(self.by_day.get(day, ()))
        return sorted(found)


def _borrows_time(cluster: Cluster) -> bool:
    """Whether the event's date is the one of the event it answers."""
    own = cluster._time
    return cluster.answers is not None and cluster._follows and (own is None or own[0] != 0)


def _days_of(time: Time | None) -> list[int] | None:
    """The days (ordinals) a date covers; None when it is open: no known day, or an end
    before its start, or longer than FILED_DAYS."""
    if time is None or time.start is None:
        return None
    first = time.start.toordinal()
    last = (time.end or time.start).toordinal()
    if last < first or last - first >= FILED_DAYS:
        return None
    return list(range(first, last + 1))


def _gather(reading: Reading, gathering: Gathering) -> None:
    """Put one reading in the event it tells, or in a new one."""
    if reading.mention.anaphoric and not reading.informative:
        return
    home = _home_for(reading, gathering)
    if home is None:
        gathering.start(Cluster(answers=_answered(reading, gathering.clusters)), reading)
    else:
        gathering.join(home, reading)


def _home_for(reading: Reading, gathering: Gathering) -> Cluster | None:
    if reading.separate and not reading.mention.anaphoric:
        return None
    clusters = gathering.clusters
    candidates = gathering.candidates(reading)
    if reading.continues >= 0:
        # a follow-up sentence ("The toll has risen: 47 are now known to have died") adds
        # to the event of the mention it follows, wherever a score would send it
        for index in reversed(candidates):
            if any(r.mention.head == reading.continues for r in clusters[index].readings):
                return None if conflicts(reading, clusters[index]) else clusters[index]
    if _unanchored(reading):
        # "the second struck the base": a sentence with no date or place of its own goes
        # on telling the story of the latest event it fits
        for index in reversed(candidates):
            if not conflicts(reading, clusters[index]):
                return clusters[index]
        return None
    scored: list[tuple[int, int, Cluster]] = []
    for index in candidates:
        cluster = clusters[index]
        if conflicts(reading, cluster):
            continue
        scored.append((agreement(reading, cluster), index, cluster))
    if not scored:
        return None
    # at equal agreement a sentence goes on with the latest event; a title retells the
    # report's first one
    score, _, cluster = max(scored, key=lambda s: (s[0], -s[1] if reading.headline else s[1]))
    # A re-mention joins on any agreement; a reading with no date and no place of its own
    # is rarely a new attack in news prose, so one sign suffices; otherwise two.
    needed = 0 if reading.mention.anaphoric or reading.restates_target else MERGE_AGREEMENT
    return cluster if score >= needed else None


def _day_of(reading: Reading) -> Time | None:
    """The reading's own date, else, for a new attack told without one, the day named
    earlier in its paragraph ("Earlier on Friday… Two missiles struck Kharkiv"): a story
    that moves on to another day moves on to another attack."""
    if reading.time is not None or reading.mention.anaphoric or reading.restates_target:
        return reading.time
    return reading.context_time


def _unanchored(reading: Reading) -> bool:
    return (not reading.mention.anaphoric and not reading.restates_target
            and reading.time is None and reading.place is None)


def _answered(reading: Reading, clusters: list[Cluster]) -> Cluster | None:
    """The latest earlier event by another side, for a response."""
    if not reading.response:
        return None
    for cluster in reversed(clusters):
        if cluster.response:
            continue
        if not same_side(reading.attacker, cluster.attacker()):
            return cluster
    return None


def conflicts(reading: Reading, cluster: Cluster) -> bool:
    """True when the reading cannot be the same event as the cluster."""
    if not reading.mention.anaphoric and not reading.restates_target \
            and reading.response != cluster.response:
        return True
    if times_conflict(_day_of(reading), cluster.time()):
        return True
    first = cluster.readings[0]
    if not reading.mention.anaphoric and not reading.restates_target and not reading.heading \
            and -1 < first.section != reading.section > -1:
        # a roundup told under dated headings ("June 11 — Doda: checkpoint fired on"): an
        # attack told anew under another heading is another attack
        return True
    if reading.long_before != any(r.long_before for r in cluster.readings) \
            and not (reading.mention.anaphoric and _day_of(reading) is None):
        # an attack dated long before the report's own is background: a new mention with
        # no day tells the report's own events, not it (a re-mention may point back at it)
        return True
    if reading.earlier != first.earlier:
        # "earlier in the year, troops killed 13 protesters", "the assassination of X one
        # year before": another event, even told as a re-mention
        return True
    if places_conflict(reading.place, cluster.place()) or _streets_conflict(reading, cluster):
        return True
    told = cluster.told_attacker()
    if _actors_conflict(reading.attacker, told) and not (
            reading.mention.anaphoric and (_described_only(reading.attacker) or _described_only(told))):
        # "Gunmen stormed a village … Police blamed herders for the massacre": a re-mention
        # that names whom the "gunmen" were is the same attack
        return True
    if _kinds_conflict(reading, cluster):
        return True
    if _turns_on_perpetrator(reading, cluster):
        return True
    families = {WEAPON_FAMILY.get(reading.weapon), WEAPON_FAMILY.get(cluster.weapon())} - {None}
    # a drone or a plane fires missiles: "a U.S. drone strike … when the missile hit"
    if families == {"ied", "small_arms"} and cluster.kinds >= {"blast", "clash"}:
        return False  # a complex attack: bombs and guns ("a suicide bomber and gunmen")
    return len(families) > 1 and not (reading.mention.anaphoric and families in CARRIED)


# A gun battle and a bombing are different incidents, even on one day in one city.
CLASH_LEMMAS = lx.CLASH_LEMMAS
# Gunfire is of a clash's kind, though one-sided ("a man was shot dead at his door").
GUNFIRE_LEMMAS = frozenset({"shooting", "shoot", "gun", "gunfire"})
BLAST_LEMMAS = lx.BLAST_LEMMAS


# Who carry out the two parts of a complex attack: "a suicide bomber and gunmen attacked".
_BOMBER_WORDS = frozenset({"bomber", "bombers"})
_GUNMEN_WORDS = frozenset({"gunman", "gunmen", "fighters", "militants", "attackers",
                           "assailants", "shooters"})


def _complex_attack(attacker: Actor | None) -> bool:
    """An attack by bombers and gunmen together: its blasts and its gunfire are one event."""
    if attacker is None:
        return False
    words = set(re.findall(r"[\w-]+", attacker.text.lower()))
    return bool(words & _BOMBER_WORDS) and bool(words & _GUNMEN_WORDS)


def _kind_of(lemma: str) -> str | None:
    if lemma in CLASH_LEMMAS | GUNFIRE_LEMMAS:
        return "clash"
    return "blast" if lemma in BLAST_LEMMAS else None


def _kind_of_reading(reading: Reading) -> str | None:
    """Its trigger's kind, else its weapon's: gunfire is a clash's, a bomb a blast's ("the
    army claimed to have hit three gunmen" is gunfire). Blasts heard tell of none."""
    if reading.perceived:
        return None
    return _kind_of(reading.lemma) or {"small_arms": "clash", "ied": "blast"}.get(reading.weapon)


def _kinds_conflict(reading: Reading, cluster: Cluster) -> bool:
    """A re-mention too: "the explosions" points back at a blast, not at a gun battle."""
    if reading.restates_target:
        return False
    mine = _kind_of_reading(reading)
    # a headline packs several incidents into one line: its weapon sets no kind
    theirs = cluster.kinds
    return mine is not None and bool(theirs) and mine not in theirs


# Words for whoever carried out an attack: force used against them afterwards ("the
# alleged killer, shot dead by police", "the army hit three gunmen") is another event.
PERPETRATOR_WORDS = frozenset({"killer", "killers", "attacker", "attackers", "gunman", "gunmen",
                               "bomber", "bombers", "assailant", "assailants", "suspect",
                               "suspects", "perpetrator", "perpetrators", "shooter",
                               "shooters", "hijacker", "hijackers"})


def _turns_on_perpetrator(reading: Reading, cluster: Cluster) -> bool:
    """(Not in a clash: there gunmen are one of the two sides fighting.)"""
    if reading.mention.anaphoric or reading.target is None or reading.lemma in CLASH_LEMMAS:
        return False
    if not set(re.findall(r"[\w-]+", reading.target.text.lower())) & PERPETRATOR_WORDS:
        return False
    return not cluster.has_target_of_side(reading.target)


def agreement(reading: Reading, cluster: Cluster) -> int:
    """How many independent signs say the reading tells the cluster's event."""
    score = 0
    place = cluster.place()
    if reading.place is not None and place is not None and not places_conflict(reading.place, place):
        score += 1
    time = cluster.time()
    if reading.time is not None and time is not None and reading.time.start == time.start:
        score += 1
    if reading.attacker is not None and same_side(reading.attacker, cluster.told_attacker()):
        score += 1
    if reading.target is not None and same_side(reading.target, cluster.target()):
        score += 1
    if reading.weapon != "unknown" and WEAPON_FAMILY.get(reading.weapon) == WEAPON_FAMILY.get(cluster.weapon()):
        score += 1
    if reading.response and cluster.response:
        score += 1
    if LEMMA_FAMILY.get(reading.lemma) in cluster.lemma_families:
        score += 1 if reading.mention.anaphoric else 0
    return score


def same_side(a: Actor | None, b: Actor | None) -> bool:
    """Two actor phrases that plausibly name the same party."""
    if a is None or b is None:
        return False
    if a.kind != b.kind and "unknown" not in (a.kind, b.kind):
        return False
    if a.country and b.country:
        return a.country == b.country
    words_a = _content_words(a.name)
    words_b = _content_words(b.name)
    return bool(words_a & words_b)


def _content_words(name: str) -> set[str]:
    stop = {"the", "a", "an", "of", "and", "in", "its", "their", "forces", "force", "u.s."}
    words = {w.strip(".,()").lower() for w in name.replace("-", " ").split()} - stop
    # "rebels" and "rebel alliance" name one side: compare singular forms
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words}


def _actors_conflict(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None or "unknown" in (a.kind, b.kind):
        return False
    if a.kind != b.kind:
        return True
    return bool(a.country and b.country and a.country != b.country)


def times_conflict(a: Time | None, b: Time | None) -> bool:
    if a is None or b is None or a.start is None or b.start is None:
        return False
    a_end = a.end or a.start
    b_end = b.end or b.start
    return a_end < b.start or b_end < a.start


def places_conflict(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return False
    if a.country and b.country and a.country != b.country:
        return True
    local = ("town", None)
    if a.precision in local and b.precision in local and _place_key(a) != _place_key(b) \
            and not _names_within(a, b):
        return True  # two named towns (resolved or not) are two places, however close
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    if "country" in (a.precision, b.precision) and a.country and a.country == b.country:
        return False  # a country holds every place in it, however far from its centre
    limit = max(PRECISION_KM.get(a.precision or "", 50.0), PRECISION_KM.get(b.precision or "", 50.0))
    return km(a.lat, a.lon, b.lat, b.lon) > limit  # type: ignore[arg-type]


def _streets_conflict(reading: Reading, cluster: Cluster) -> bool:
    """Two streets of one town, each told with an attack of its own ("a man was shot in
    Deerpark Road"; "posts in Old Park Road came under fire"), are two places, as two
    towns are; a re-mention ("the blast shattered windows on Cavehill Road") is not."""
    mine = reading.place
    if reading.mention.anaphoric or mine is None or not is_street(mine.text):
        return False
    theirs = cluster.streets
    return bool(theirs) and mine.text.lower() not in theirs


def _names_within(a: Place, b: Place) -> bool:
    """"Bagram" and "Bagram Air Base", one unresolved: one name, as written, holds the
    other."""
    if a.gazetteer_id and b.gazetteer_id:
        return False
    wa, wb = a.text.lower().split(), b.text.lower().split()
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _place_key(place: Place) -> str:
    return place.gazetteer_id or place.name.lower()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))
