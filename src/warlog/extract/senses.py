"""Words of attack used for something else: figures of speech, names, unarmed attacks,
civilian drones, blows.

Each test says why a trigger word, in its sentence, tells no armed attack.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from warlog.extract import lexicon as lx
from warlog.extract.lexicon import words

# A weapon word inside one of these names a team, a title or a firm ("the Houston Rockets").
NAME_ENTITIES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "FAC", "LAW"})
NAME_WEAPONS = frozenset({"rocket", "jet", "bomber", "missile", "bomb", "blast", "attack",
                          "gun", "drone", "shell", "tank", "thunder", "fighter", "raider",
                          "raid", "strike", "explosion", "shooter", "sniper", "warrior",
                          "dynamite", "blaze"})

# Modifiers that make an attack noun something other than armed violence.
UNARMED_KINDS = frozenset(words("""heart asthma panic anxiety seizure cyber ransomware
    malware phishing hacking hacker ddos computer online verbal personal political
    rhetorical legal shark dog bear snake bee wasp insect animal sexual indecent"""))
# Adverbs that make an attack verb no armed attack: "sexually assaulted", "verbally attacked".
UNARMED_MANNERS = frozenset(words("sexually verbally indecently"))

# Objects that make "strike", "hit", "launch" or "fire" figurative: "struck a deal", "hit
# a record", "launched a campaign", "fired the coach".
FIGURATIVE_OBJECTS = frozenset(words("""deal agreement accord bargain compromise balance chord
    note tone pose gold oil jackpot record high low peak milestone target layup homer
    run ball button note nerve snag wall road trail campaign bid appeal investigation
    inquiry probe website app product service career company business coach manager
    employee staff question warning broadside salvo tirade""")) - {"target", "salvo"}

# Drones that deliver, film, search or race: "underwater drones", "delivery drones",
# "use drones to carry drugs into prisons".
CIVIL_DRONE_WORDS = frozenset(words("""underwater delivery camera hobby hobbyist commercial
    consumer recreational racing agricultural survey surveying toy search mapping
    photography filming rescue"""))

CIVIL_PRODUCTS = frozenset(words("""delivery deliveries photo photograph picture video
    footage map survey inspection parcel package"""))

CIVIL_PURPOSES = frozenset(words("""deliver carry film photograph search map survey monitor
    inspect smuggle spray race record watch find locate"""))

MUNITIONS = frozenset(words("""round rounds shot shots salvo volley barrage projectile
    projectiles munition munitions bullet bullets shell shells flare flares"""))


# A weapon fired to see it work: "the missile was test-fired from the island", "a drill".
TRIAL_WORDS = frozenset(words("""test tests tested testing test-fire test-fired test-firing
    trial trials drill drills exercise exercises manoeuvre manoeuvres maneuver maneuvers
    demonstration launch-test"""))


def weapons_trial(sent: Iterable[Token]) -> bool:
    """A sentence about firing a weapon in a test, drill or exercise, harming no one: no
    casualty word and no attack noun in it."""
    tokens = list(sent)
    lowers = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    if not lowers & TRIAL_WORDS and not any(_a_firing_range(t) for t in tokens):
        return False
    harm = lx.KILL_WORDS | lx.INJURE_WORDS | {"attack", "strike", "airstrike", "raid", "ambush"}
    return not any(t.lemma_.lower() in harm and t.pos_ in ("NOUN", "VERB") for t in tokens)


DEFENCE_VERBS = frozenset({"intercept", "down", "repel", "repulse", "thwart", "foil", "destroy"})


def defends(verb: Token) -> bool:
    """"air defences intercepted one of them", "shot down two drones": whoever intercepts
    is the defender, not the attacker."""
    lemma = verb.lemma_.lower()
    if lemma == "shoot":
        # the tagger makes "down" a particle or an adverb
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in verb.children)
    return lemma in DEFENCE_VERBS


def downed(weapon: Token) -> bool:
    """"a drone shot down by air defences", "debris from an intercepted missile": a weapon
    told as stopped is the attack it was sent on; who stopped it is no attacker."""
    return weapon.lemma_.lower() in lx.WEAPON_NOUNS and any(
        c.dep_ in ("acl", "amod") and defends(c) for c in weapon.children)


# Armed men, one by one: what a killing euphemism is done to ("neutralised 23 terrorists"),
# not a body of them that can be beaten without a death ("eliminated the group").
_FIGHTER_WORDS = (lx.NON_STATE_WORDS | lx.ARMED_PERSON_WORDS) - frozenset(
    words("""group groups faction factions resistance cartel cartels gang gangs"""))


def kills_fighters(verb: Token) -> bool:
    """"the army neutralised 23 terrorists", "six militants were eliminated": officials'
    words for killing armed men (not "neutralised the threat", "eliminated poverty")."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in lx.KILLING_EUPHEMISMS and any(
        c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in _FIGHTER_WORDS
                                             or c.lower_ in _FIGHTER_WORDS)
        for c in verb.children)


# Who is executed when an execution is a killing: people, not contracts or orders.
_EXECUTED = lx.PEOPLE_NOUNS | lx.PERSON_LEMMAS | lx.CIVILIAN_WORDS | frozenset(
    words("""prisoner prisoners captive captives hostage hostages detainee detainees"""))


def executes_people(verb: Token) -> bool:
    """"armed men executed 11 civilians", "five prisoners were executed": a killing (not
    "executed the contract", "executed a search warrant")."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() == "execute" and any(
        c.dep_ in ("dobj", "nsubjpass") and (
            c.lemma_.lower() in _EXECUTED or c.lower_ in _EXECUTED or c.ent_type_ == "PERSON"
            or c.tag_ == "NNS" and any(g.dep_ == "nummod" for g in c.children))
        for c in verb.children)


def _a_firing_range(tok: Token) -> bool:
    """"fired shells at the range", "on a firing range" (not "at a range of 5 km", "at close
    range")."""
    return tok.lower_ == "range" and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "on") \
        and any(c.dep_ == "det" for c in tok.children) \
        and not any(c.dep_ in ("prep", "amod") for c in tok.children)


def cue_words(tokens: Iterable[Token]) -> set[str]:
    """Lower-cased forms and lemmas of the tokens, leaving out weapon words that are part
    of a name ("the Houston Rockets", "Attack on Titan", "the Winnipeg Jets")."""
    out: set[str] = set()
    for t in tokens:
        if t.ent_type_ in NAME_ENTITIES and t.lemma_.lower() in NAME_WEAPONS:
            continue
        if _casualty_in_a_name(t):
            continue  # "Red Dead Redemption", "The Walking Dead"
        out.add(t.lower_)
        if not (t.pos_ == "VERB" and t.lemma_.lower() in NOUN_ONLY_CUES):
            out.add(t.lemma_.lower())
    return out


# Cues only as nouns: "a military base", not "project-based" or "based in Kyiv".
NOUN_ONLY_CUES = frozenset({"base"})


def _casualty_in_a_name(t: Token) -> bool:
    """A death or wound word that is part of a title or name: a capitalised proper noun
    inside the sentence ("Red Dead Redemption", "the Dead Sea", "Killing Eve")."""
    return t.lower_ in lx.KILL_WORDS | lx.INJURE_WORDS | {"killing", "dying"} \
        and t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_sent_start


def unarmed(tok: Token) -> bool:
    return any(c.dep_ in ("compound", "amod") and c.lower_ in UNARMED_KINDS
               or c.dep_ == "advmod" and c.lower_ in UNARMED_MANNERS for c in tok.children)


# What is attacked in words: "attacked the government's policy", "assailed the plan".
ARGUED_OBJECTS = frozenset(words("""policy policies plan plans decision decisions proposal
    proposals record idea ideas remark remarks comment comments statement statements claim
    claims report budget bill law ruling strategy approach stance view views credibility
    character reform reforms deal agreement"""))


def figurative_object(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in ("attack", "assail", "slam", "blast"):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in ARGUED_OBJECTS for c in verb.children)
    if _answers_words(verb):
        return True
    if lemma not in ("strike", "hit", "launch", "fire", "blow", "shoot", "target"):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in FIGURATIVE_OBJECTS for c in verb.children)


def civil_use(weapon: Token) -> bool:
    if any(c.lower_ in CIVIL_DRONE_WORDS for c in weapon.children):
        return True
    purposes = [c for c in weapon.head.children if c.dep_ in ("xcomp", "advcl")]
    purposes += [g for c in purposes for g in c.children if g.dep_ == "conj"]
    # "used drones to carry out reconnaissance and drop bombs" is no delivery service
    armed = any(_is_armed(p) for p in purposes)
    return not armed and any(_civil_purpose(p) for p in purposes)


def _civil_purpose(verb: Token) -> bool:
    """"to carry drugs", "to make deliveries" (but "to carry out strikes")."""
    if any(c.dep_ == "prt" for c in verb.children):
        return False
    return verb.lemma_.lower() in CIVIL_PURPOSES or any(
        c.dep_ == "dobj" and c.lemma_.lower() in CIVIL_PRODUCTS for c in verb.children)


def flown_past(verb: Token) -> bool:
    """"flew drones over military sites" watches; "drones were flown at the base" attack."""
    return verb.lemma_.lower() == "fly" and not any(
        c.dep_ == "prep" and c.lower_ in ("at", "into", "toward", "towards", "against", "on")
        for c in verb.children)


def _is_armed(verb: Token) -> bool:
    return verb.lemma_.lower() in lx.VERB_TRIGGERS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in {w for w, _ in lx.WEAPON_PHRASES}
        for c in verb.children)


def strikes_a_person(tok: Token) -> bool:
    """"passers-by had to strike hysterical girls": striking a person is a blow, an attack
    only with a weapon or force beside it ("gunmen struck villagers")."""
    return tok.lemma_.lower() in ("strike", "hit") and any(
        c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in lx.PERSON_LEMMAS
                              or c.lower_ in lx.PEOPLE_NOUNS | lx.CIVILIAN_WORDS)
        for c in tok.children)


def left_dead(verb: Token) -> bool:
    """"shot three protesters dead", "shot dead two suspects", "were shot dead": the verb's
    result is a death, whatever the parse made of "dead" (its child, or a modifier of the
    object right after the verb)."""
    if verb.lemma_.lower() not in lx.KILLING_BY_DEATH:
        return False
    return any(c.lower_ == "dead" for c in verb.children) or any(
        c.dep_ == "dobj" and any(a.lower_ == "dead" and a.dep_ == "amod" and a.i == verb.i + 1
                                 for a in c.children)
        for c in verb.children)


def put_to_death(verb: Token) -> bool:
    """"hacked 14 villagers to death", "were beaten to death", "stabbed a guard to death": a
    killing by the verb's own hand."""
    return verb.lemma_.lower() in lx.KILLING_BY_DEATH and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
        for c in verb.children)


def forced_entry(verb: Token) -> bool:
    """"armed assailants penetrated the enclosure of the school", "gunmen burst into a
    church", "militants overran an army post": armed men forcing their way in attack
    (not "the firm penetrated the market", "thieves broke into a shop", "she burst into
    tears")."""
    lemma = verb.lemma_.lower()
    if lemma in lx.FORCED_ENTRY_VERBS:
        if not any(c.dep_ == "dobj" for c in verb.children):
            return False
    elif not any((lemma, c.lower_) in lx.FORCED_ENTRY_PHRASAL and c.dep_ == "prep"
                 and any(g.dep_ == "pobj" for g in c.children) for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    armed = lx.NON_STATE_WORDS | lx.ARMED_PERSON_WORDS
    return any(w.lower_ in armed or w.lower_ == "armed" and w.dep_ == "amod"
               for s in subjects for w in s.subtree)


def sets_off_a_charge(verb: Token) -> bool:
    """"a girl set off a fourth device", "set off his explosive vest"."""
    return verb.lemma_.lower() == "set" and any(c.dep_ == "prt" and c.lower_ == "off"
                                                 for c in verb.children) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lx.SET_OFF_OBJECTS for c in verb.children)


def takes_captives(verb: Token) -> bool:
    """"militants took 12 aid workers hostage", "armed men seized 30 passengers from a bus",
    "187 students had been seized": people taken by force (not "police seized the
    suspects", "troops seized 20 fighters", "seized weapons", "took the town")."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(w.lower_ in lx.CAPTIVE_WORDS for c in verb.children
                   if c.dep_ in ("dobj", "oprd", "xcomp", "advmod", "npadvmod", "ccomp", "attr")
                   for w in (c, *[g for g in c.children if g.dep_ == "compound"]))
    if lemma not in ("seize", "snatch"):
        return False
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not taken or not all(_is_people(t) for t in taken):
        return False
    if not cue_words(verb.sent).isdisjoint(lx.CUSTODY_WORDS):
        return False  # "police seized three men and charged them"
    subjects = [w for c in verb.children if c.dep_ in ("nsubj", "agent") for w in c.subtree]
    return cue_words(subjects).isdisjoint(lx.STATE_WORDS | {"police", "policemen"})


def _is_people(tok: Token) -> bool:
    """People, not things or armed men: "30 passengers", "a priest", "hundreds"."""
    lower, lemma = tok.lower_, tok.lemma_.lower()
    if lower in lx.NON_STATE_WORDS | lx.ARMED_PERSON_WORDS:
        return False
    return (tok.ent_type_ == "PERSON" or lemma in lx.PERSON_LEMMAS
            or lower in lx.PEOPLE_NOUNS | lx.CIVILIAN_WORDS
            or tok.like_num or lemma in ("dozen", "hundred", "score"))


def sets_ablaze(verb: Token) -> bool:
    """"armed men torched 40 houses", "militants burned down the market", "insurgents
    razed the village", "set fire to dozens of homes", "set the school ablaze", "were
    torched by bandits": property burnt by armed men (not "burned the midnight oil" nor
    "protesters set tyres on fire": a crowd is no armed force; "burn" needs its "down" or
    a building)."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if lemma == "set":
        burning = any(c.dep_ == "dobj" and c.lemma_.lower() == "fire" for c in children) \
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in children) \
            or any(c.lower_ == "ablaze" for c in children) \
            or any(c.dep_ == "prep" and c.lower_ == "on" and any(
                g.lemma_.lower() == "fire" for g in c.children) for c in children)
    elif lemma == "burn":
        burning = any(c.dep_ == "prt" and c.lower_ == "down" for c in children) or any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lx.BURNT_PROPERTY
            for c in children)
    else:
        burning = lemma in ("torch", "raze")
    if not burning:
        return False
    doers = [w for c in children if c.dep_ in ("nsubj", "agent") for w in c.subtree]
    armed = lx.NON_STATE_WORDS | lx.ARMED_PERSON_WORDS | (lx.STATE_WORDS - lx.POLICE_NOUNS)
    return any(w.lower_ in armed or w.lemma_.lower() in armed
               or w.lower_ == "armed" and w.dep_ == "amod" for w in doers) \
        or lx.GROUP_KEYS.search(" ".join(w.text for w in doers)) is not None


def goes_off(verb: Token) -> bool:
    """"pagers blew up", "a phone exploded", "radios went off": what explodes of itself is
    the device, not who attacked (not "militants blew up a bridge", "detonated a bomb")."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma in ("explode", "detonate"):
        return True
    return lemma in ("blow", "go") and any(c.dep_ == "prt" and c.lower_ in ("up", "off")
                                           for c in verb.children)


def stores_going_off(verb: Token) -> bool:
    """"explosives stored at the site had blown up", "ammunition kept in the depot went
    off": stores exploding are what an attack or a fire set off, no attack of their own."""
    if not goes_off(verb):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(
        w.lemma_.lower() in STORING_WORDS for w in c.subtree) for c in verb.children)


STORING_WORDS = frozenset(words("""store stockpile keep stash cache depot dump arsenal
    warehouse stockpiled stored"""))


def fires_no_munition(verb: Token) -> bool:
    """An object that is neither a weapon, a munition nor an attack."""
    # (the relative pronoun of "the missiles that Russia launched" is the missiles)
    objs = [verb.head if c.lower_ in RELATIVE_WORDS and verb.dep_ == "relcl" else c
            for c in verb.children if c.dep_ == "dobj"]
    if not objs:
        return False
    armed = {w for w, _ in lx.WEAPON_PHRASES} | MUNITIONS | lx.NOUN_TRIGGERS | lx.WEAPON_NOUNS
    # the object itself, a weapon word on it ("missile salvo") or what it is a series of
    # ("a series of attacks", "a barrage of rockets")
    return not any(t.lemma_.lower() in armed or t.lower_ in armed
                   for o in objs for t in o.subtree)


# Police and investigators raid homes to search and arrest: no attack unless someone is
# killed or hurt in the sentence.
POLICE_WORDS = frozenset(words("""police policemen officers detectives investigators agents
    counter-terror counter-terrorism counterterrorism fbi prosecutors"""))


def police_search(trigger: Token) -> bool:
    """"Police and counter-terror officers launched further raids in east London"."""
    raids = trigger.lemma_.lower() == "raid" or trigger.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "raid" for c in trigger.children)
    if not raids:
        return False
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    said = {w.lower_ for s in subjects for w in s.subtree}
    if trigger.pos_ != "VERB":
        # "during a police raid on their home", "a counter-terror police raid"
        said |= {c.lower_ for c in trigger.children if c.dep_ in ("compound", "amod", "nmod")}
        if verb.dep_ == "prep" and _harm_word(verb.head):
            return False  # "two officers were killed in a police raid"
    return bool(said & POLICE_WORDS) and not _harm_in(verb)


def _harm_word(tok: Token) -> bool:
    return tok.lemma_.lower() in lx.KILL_WORDS | lx.INJURE_WORDS or tok.lower_ in lx.KILL_WORDS


def _harm_in(verb: Token) -> bool:
    """Someone killed or hurt in the verb's own phrase ("raids in which two were killed"),
    not in another attack named there ("after the attack, which killed eight")."""
    for tok in verb.subtree:
        if tok.lemma_.lower() not in lx.KILL_WORDS | lx.INJURE_WORDS:
            continue
        path = [a for a in tok.ancestors if verb in a.ancestors or a.i == verb.i]
        if not any(a.lemma_.lower() in lx.NOUN_TRIGGERS - {"raid"} for a in path):
            return True
    return False


RELATIVE_WORDS = frozenset({"that", "which", "who", "whom"})


def agent_of(verb: Token, depth: int = 2) -> Token | None:
    """Who or what does what the verb says: the "by" phrase of a passive ("hit by the
    plague"), the subject of an active verb, the noun a relative or participle clause
    tells of ("the reality that had ambushed her", "protests exploding"), or, for a
    clause with no subject of its own ("lost control, striking a pillar"), the subject
    of the clause it hangs from. None for a passive with no agent."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None:
        if subj.lower_ in RELATIVE_WORDS and verb.dep_ == "relcl":
            return verb.head
        return subj
    if passive:
        return None
    if verb.dep_ in ("acl", "relcl", "amod"):
        return None if verb.tag_ == "VBN" else verb.head
    if verb.dep_ in ("advcl", "xcomp", "conj") and depth > 0 and verb.head.pos_ in ("VERB", "AUX"):
        return agent_of(verb.head, depth - 1)
    return None


def _with_modifiers(noun: Token) -> list[Token]:
    """The noun and the words that name it with it ("Storm Daniel", "opposition lawmakers")."""
    return [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))]


def nature_did_it(verb: Token) -> bool:
    """"A powerful earthquake struck the south", "lightning hit a school", "families hit
    by the cholera outbreak", "the strange new reality that had ambushed her": what did
    it is no one who could attack (lexicon ``NON_AGENT_CAUSES``), the word itself or a
    word naming it ("Storm Daniel", "the cholera outbreak")."""
    agent = agent_of(verb)
    if agent is None:
        return False
    named = _with_modifiers(agent)
    return any(t.lemma_.lower() in lx.NON_AGENT_CAUSES or t.lower_ in lx.NON_AGENT_CAUSES
               for t in named)


def _answers_words(verb: Token) -> bool:
    """"Hit back at the minister's remarks", "struck back at critics": an answer to words."""
    if not any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children):
        return False
    said = ARGUED_OBJECTS | CRITIC_WORDS | {"criticism", "accusation", "accusations", "suggestion"}
    return any(c.dep_ == "prep" and c.lower_ == "at" and any(
        g.dep_ == "pobj" and (g.lemma_.lower() in said or g.lower_ in said) for g in c.children)
        for c in verb.children)


def critics_did_it(verb: Token) -> bool:
    """"Opposition senators seized on the bloodshed to attack the government", "critics
    slammed the minister": people who find fault, with no force or weapon among them."""
    agent = agent_of(verb)
    if agent is None or cue_words(agent.subtree) & ARMED_SOURCES:
        return False
    return agent.lemma_.lower() in CRITIC_WORDS or agent.lower_ in CRITIC_WORDS


# Things a vehicle runs into in a road accident.
ROAD_OBJECTS = frozenset(words("""pillar pillars pole poles post lamppost lamp-post tree trees
    wall barrier barriers railing railings kerb curb bridge overpass median fence
    guardrail sign"""))


def road_accident(verb: Token) -> bool:
    """"A bus struck a lorry on the motorway", "the driver lost control, striking a
    concrete pillar", "the impact caused the pickup to hit a parked car": a vehicle or its
    driver running into another vehicle or a thing on the road, with no bomb in it, is an
    accident. (A vehicle driven into people is no accident: its object is people.)"""
    agent = agent_of(verb)
    if agent is None:
        return False
    driving = agent.lemma_.lower() in lx.VEHICLE_NOUNS | {"driver", "motorist"} \
        or agent.lower_ in lx.VEHICLE_NOUNS
    if not driving or cue_words(agent.subtree) & lx.RIGGING_WORDS:
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    hit = set()
    for o in objs:
        # "one of the concrete pillars": the thing counted
        inner = [g for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]
        hit |= {t.lemma_.lower() for t in [o, *inner]}
    return bool(hit & (lx.VEHICLE_NOUNS | ROAD_OBJECTS | {"end", "rear", "side"}))


# People who find fault, the source of "under fire from…" when it is blame.
CRITIC_WORDS = frozenset(words("""critic critics lawmaker lawmakers legislator legislators mp
    mps politician politicians senator senators congressman congresswoman activist
    activists campaigner campaigners opposition rival rivals union unions commentator
    commentators press media whip fan fans voter voters donor donors parent parents
    shareholder shareholders investor investors economist economists watchdog
    watchdogs regulator regulators"""))
TIME_WORDS = frozenset(words("""second seconds minute minutes hour hours day days night nights
    week weeks month months year years while time"""))
ARMED_SOURCES = lx.CONFLICT_CUES | lx.ARMED_PERSON_WORDS | lx.NON_STATE_WORDS | frozenset(
    words("guard guards marines navy"))


def blame(noun: Token, verb: Token) -> bool:
    """"The minister came under fire for his handling of the floods", "under fire over
    ticket prices", "came under fire from opposition lawmakers", "under attack from
    critics": blame, not shooting. A reason given ("for" a deed, not a while: "for two
    hours" is shooting; "over" a matter, not a place or a time), or a source that is
    people who speak, with no force or weapon among them."""
    preps = [c for c in [*noun.children, *verb.children] if c.dep_ == "prep"]
    for prep in preps:
        objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
        if not objs:
            continue
        obj = objs[0]
        armed = bool(cue_words(obj.subtree) & ARMED_SOURCES)
        timed = obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in TIME_WORDS
        placed = obj.ent_type_ in ("GPE", "LOC", "FAC", "NORP") \
            or obj.lemma_.lower() in lx.SETTLEMENT_NOUNS
        word = prep.lower_
        if word == "for" and not timed and not armed:
            return True
        if word == "over" and not (timed or placed or armed):
            return True
        if word == "from" and not armed:
            named = _with_modifiers(obj)
            if obj.ent_type_ == "PERSON" or any(
                    t.lemma_.lower() in CRITIC_WORDS | lx.PERSON_LEMMAS
                    or t.lower_ in CRITIC_WORDS | lx.PEOPLE_NOUNS for t in named):
                return True
    return False
