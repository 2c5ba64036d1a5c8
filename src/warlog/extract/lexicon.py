"""Word lists that drive event reading: triggers, weapons, actors, casualty words.

General vocabulary of conflict reporting, chosen from how wire reports word attacks;
nothing here names a particular report's people or places.
"""

from __future__ import annotations

import re


def words(text: str) -> list[str]:
    """The whitespace-separated words of a word list written as prose."""
    return text.split()


# Lemmas that name an attack when they are nouns. "strike" alone is ambiguous (labour
# strikes), so it counts only in a sentence that also has another conflict cue.
NOUN_TRIGGERS = frozenset(
    words("""attack assault strike airstrike raid bombing bombardment shelling barrage salvo
    ambush clash fighting firefight gunfight shootout skirmish explosion blast detonation
    massacre offensive incursion engagement volley onslaught shooting killing battle
    gunbattle assassination siege abduction kidnapping""")
)
# Lemmas that name an attack when they are verbs.
VERB_TRIGGERS = frozenset(
    words("""attack strike hit target bomb shell pound fire launch shoot ambush raid storm
    assault explode detonate clash fight kill gun massacre blow intercept down slam smash
    assassinate abduct kidnap
    crash tear rain pummel rake ram plough plow drop sink""")
)
# Abduction: the verbs and nouns that tell people taken by force ("bandits abducted 200
# pupils", "the kidnapping of a priest"), and the verbs that do when what they take is
# people ("gunmen seized 30 passengers", "took 12 aid workers hostage").
ABDUCTION_NOUNS = frozenset({"abduction", "kidnapping"})
ABDUCTION_LEMMAS = ABDUCTION_NOUNS | frozenset({"abduct", "kidnap", "seize", "snatch", "take"})
CAPTIVE_WORDS = frozenset(words("hostage hostages captive captives"))
# The police by name: they tell of a taking or free the captive, and burn seized goods,
# and are no sign of an armed taking or an arson.
POLICE_NOUNS = frozenset(words("police policemen policeman"))
# Words of a lawful custody beside a taking: an arrest is not an abduction.
CUSTODY_WORDS = frozenset(words("""arrest arrested arrests custody detain detained detention
    warrant suspect suspects charge charged"""))

# Arson: the verbs of setting property on fire ("torched 40 houses", "burned down the
# market", "razed the village", "set fire to homes", "set the school ablaze").
ARSON_LEMMAS = frozenset({"torch", "burn", "raze", "set"})
# What armed men burn: "burned homes", "burned the church".
BURNT_PROPERTY = frozenset(words("""home house hut village church mosque school market shop
    store granary barn vehicle car truck office station camp"""))

# Words that make a "bomber" an aircraft, not a person: "strategic bombers", "Tu-95 bombers".
AIR_BOMBER_CUES = ("strategic", "stealth", "heavy", "long-range", "air force", "b-1", "b-2",
                   "b-52", "tu-", "su-24", "su-34", "jet")

# Verbs whose subject is the attacker and object the target only together with another
# cue in the clause (a weapon or an attack noun): "hit" and "target" are everyday verbs.
WEAK_VERBS = frozenset({"hit", "target", "fire", "launch", "shoot", "fight", "kill", "down", "blow",
                        "slam", "smash", "crash", "tear", "rain", "pummel", "rake", "ram",
                        "plough", "plow", "drop", "sink", "intercept"})

# Words that make a sentence about armed conflict (for weak triggers like "strike").
CONFLICT_CUES = frozenset(
    words("""military militia militias militant militants troops forces soldier soldiers army
    missile missiles rocket rockets drone drones mortar mortars artillery airstrike
    airstrikes bomb bombs warplane warplanes jet jets aircraft gunship helicopter base
    killed wounded injured casualties insurgents rebels fighters gunmen target targets
    retaliatory retaliation self-defence self-defense precision weapons terror terrorist
    terrorists terrorism bomber bombers bombing bombings explosion explosions blast blasts
    explosive explosives gunman shooter suicide kill killing die dead wound injure
    detonate detonated detonation
    assassination assassinated armed ambush ambushed hitmen hitman police policemen
    gendarmes gendarmerie shelling shelled bombardment bombarded gunfire sniper snipers
    grenade grenades landmine landmines
    insurgent jihadist jihadists jihadis mujahideen bandits assailants kidnappers abductors
    guerrilla guerrillas paramilitary paramilitaries commando commandos usv usvs uncrewed
    unmanned projectile projectiles gunner gunners artillerymen paratroopers""")
)

# Multi-word and single-word weapon names, matched on lower-cased lemmas.
WEAPON_PHRASES: tuple[tuple[str, str], ...] = (
    ("ballistic missile", "ballistic_missile"),
    ("short-range missile", "ballistic_missile"),
    ("close-range ballistic missile", "ballistic_missile"),
    ("cruise missile", "cruise_missile"),
    # missiles by their model: Russian, Ukrainian and Western air- and sea-launched cruise
    # missiles; ballistic missiles of Russia, Iran and its allies, North Korea, the US
    ("kh-101", "cruise_missile"),
    ("kh-555", "cruise_missile"),
    ("kh-55", "cruise_missile"),
    ("kh-22", "cruise_missile"),
    ("kh-32", "cruise_missile"),
    ("kh-59", "cruise_missile"),
    ("kh-69", "cruise_missile"),
    ("kalibr", "cruise_missile"),
    ("zircon", "cruise_missile"),
    ("tsirkon", "cruise_missile"),
    ("storm shadow", "cruise_missile"),
    ("iskander missile", "ballistic_missile"),   # "Iskander" alone is also a given name
    ("iskander-m", "ballistic_missile"),
    ("kinzhal", "ballistic_missile"),
    ("kh-47m2", "ballistic_missile"),
    ("kn-23", "ballistic_missile"),
    ("atacms", "ballistic_missile"),
    ("fateh-110", "ballistic_missile"),
    ("zolfaghar", "ballistic_missile"),
    ("kheibar", "ballistic_missile"),
    ("burkan", "ballistic_missile"),
    ("scud", "ballistic_missile"),
    ("anti-ship missile", "cruise_missile"),
    ("tomahawk", "cruise_missile"),
    ("guided missile", "cruise_missile"),
    ("surface-to-air missile", "ballistic_missile"),
    # anti-tank guided missiles and RPGs are direct-fire: of the classes, a rocket's kin
    ("tank missile", "rocket"),
    ("atgm", "rocket"),
    ("rpg", "rocket"),
    ("kornet", "rocket"),
    ("missile", "ballistic_missile"),
    ("rocket", "rocket"),
    ("katyusha", "rocket"),
    ("grad", "rocket"),
    ("himars", "rocket"),
    ("mortar", "mortar"),
    ("artillery", "artillery"),
    ("shell", "artillery"),
    ("shelling", "artillery"),
    ("howitzer", "artillery"),
    ("tank", "artillery"),
    ("drone", "drone"),
    ("uav", "drone"),
    ("unmanned aerial vehicle", "drone"),
    ("shahed", "drone"),
    ("quadcopter", "drone"),
    # drones at sea: "an uncrewed surface vessel", "a USV", "sea drones"
    ("usv", "drone"),
    ("uncrewed surface", "drone"),
    ("unmanned surface", "drone"),
    ("unmanned aerial", "drone"),
    ("uncrewed aerial", "drone"),
    ("sea drone", "drone"),
    ("naval drone", "drone"),
    ("ac-130", "gunship"),
    ("gunship", "gunship"),
    ("helicopter", "aircraft"),
    ("warplane", "aircraft"),
    ("jet", "aircraft"),
    ("fighter jet", "aircraft"),
    ("aircraft", "aircraft"),
    ("airstrike", "aircraft"),
    # bombs dropped from aircraft: "glide bombs", "guided aerial bombs", "barrel bombs"
    ("glide bomb", "aircraft"),
    ("guided bomb", "aircraft"),
    ("aerial bomb", "aircraft"),
    ("barrel bomb", "aircraft"),
    ("air strike", "aircraft"),
    ("air raid", "aircraft"),
    ("f-16", "aircraft"),
    ("f-15", "aircraft"),
    ("f-35", "aircraft"),
    ("b-1", "aircraft"),
    ("b-52", "aircraft"),
    ("su-34", "aircraft"),
    ("su-25", "aircraft"),
    ("ied", "ied"),
    ("improvised explosive device", "ied"),
    ("roadside bomb", "ied"),
    ("car bomb", "ied"),
    ("tank mine", "ied"),
    ("landmine", "ied"),
    ("land mine", "ied"),
    ("mine", "ied"),
    ("explosive device", "ied"),
    ("explosive", "ied"),
    ("ammonium nitrate", "ied"),
    ("anfo", "ied"),
    ("tnt", "ied"),
    ("dynamite", "ied"),
    ("semtex", "ied"),
    ("c-4", "ied"),
    ("bomb", "ied"),
    ("suicide bomber", "ied"),
    ("suicide bomb", "ied"),
    ("grenade", "small_arms"),
    ("gun", "small_arms"),
    ("gunfire", "small_arms"),
    ("rifle", "small_arms"),
    ("firearm", "small_arms"),
    ("machine gun", "small_arms"),
    ("small arm", "small_arms"),
    ("small-arms", "small_arms"),
    ("gunman", "small_arms"),
    ("gunmen", "small_arms"),
    ("sniper", "small_arms"),
    ("knife", "small_arms"),
)

# Vehicles that a bomb rides in: "an explosives-laden truck", "a car packed with explosives",
# "a booby-trapped motorcycle" is the weapon (a car bomb), not what was hit.
VEHICLE_NOUNS = frozenset(words("""car cars vehicle vehicles truck trucks lorry lorries van vans
    motorcycle motorcycles motorbike motorbikes pickup pickups tanker tankers bus buses boat
    boats rickshaw rickshaws bicycle bicycles cart carts suv suvs jeep jeeps taxi taxis
    minibus minibuses tractor tractors"""))
# What strikes, hits or kills with no one behind it: hazards of nature, illness,
# misfortune and markets ("an earthquake struck the south", "a camp hit by cholera",
# "farmers hit by tariffs", "disaster struck the village").
NON_AGENT_CAUSES = frozenset(words("""earthquake earthquakes quake quakes tremor tremors
    aftershock aftershocks storm storms hurricane hurricanes cyclone cyclones typhoon
    typhoons tornado tornadoes tornados flood floods flooding floodwaters lightning
    landslide landslides mudslide mudslides avalanche avalanches tsunami tsunamis drought
    droughts heatwave heatwaves wildfire wildfires blaze blazes frost snow snowstorm
    blizzard hail rain rains monsoon winds gale gales eruption
    disease diseases epidemic epidemics pandemic outbreak outbreaks plague cholera virus
    viruses coronavirus covid covid-19 measles ebola malaria famine hunger illness
    disaster disasters tragedy tragedies misfortune fate reality crisis crises
    recession inflation tariff tariffs sanction sanctions slump downturn shortage
    shortages price prices cost costs tax taxes cut cuts layoffs"""))
# What rigs a vehicle as a bomb, in the words that modify it
RIGGING_WORDS = frozenset(words("""explosive explosives bomb bombs booby ied ieds tnt"""))

# Words that mark an attacker or its forces as a state's.
STATE_WORDS = frozenset(
    words("""military army forces force troops soldiers soldier navy air marine marines police
    pentagon command centcom idf coalition government regime guard guards ministry
    defence defense officials gendarmerie gendarmes battalion brigade division regiment
    aircraft ac-130 warplanes warplane jets jet gunship helicopter helicopters destroyer
    warship occupiers invaders junta tatmadaw gunner gunners artillerymen paratroopers
    airmen""")
)
NON_STATE_WORDS = frozenset(
    words("""militia militias militant militants group groups rebels rebel insurgents insurgent
    fighters jihadists jihadist gunmen gunman extremists extremist terrorists terrorist
    faction factions resistance bandits attackers assailants bomber bombers hitmen hitman
    gang gangs gangsters cartel cartels kidnappers kidnapper abductors abductor jihadis
    mujahideen separatists separatist militiamen militiaman combatants raiders guerrillas
    guerrilla maoist maoists naxal naxals naxalite naxalites""")
)
# People named by the weapon they attack with, of either side ("an army sniper", "a lone
# shooter"): attackers as subjects of a harm, though neither a state nor a group word.
ARMED_PERSON_WORDS = frozenset(words("""sniper snipers shooter shooters gunman gunmen bomber
    bombers assailant assailants attacker attackers"""))
# Words that describe attackers without saying who they were: "Gunmen", "Armed men",
# "Unidentified assailants" (capitalised where they open a sentence).
DESCRIBING_WORDS = ARMED_PERSON_WORDS | frozenset(words("""armed men man unidentified unknown
    suspected masked a an the some several two three four five six"""))
# Verbs of forcing a way in, an attack when armed men do it ("assailants penetrated the
# enclosure", "gunmen burst into a church", "militants overran an army post"); the
# phrasal ones with their preposition.
FORCED_ENTRY_VERBS = frozenset({"penetrate", "infiltrate", "overrun", "invade"})
FORCED_ENTRY_PHRASAL = frozenset({("break", "into"), ("burst", "into"), ("force", "into"),
                                  ("sweep", "into"), ("storm", "into"), ("barge", "into")})
# What "set off" an attack sets off: "set off a fourth device", "set off his explosive vest"
# (not "set off a chain of events", "set off for the border").
SET_OFF_OBJECTS = frozenset(words("""bomb bombs device devices explosive explosives vest vests
    belt belts charge charges ied ieds grenade grenades mine mines"""))
# Trigger lemmas of a bomb going off ("a blast", "blew up", "went off", "exploded"): a
# blast's kind in clustering, a bombing in coding when no weapon of another kind is named.
BLAST_LEMMAS = frozenset({"bombing", "explosion", "blast", "detonation", "explode",
                          "detonate", "go", "blow"})
# Verbs whose result "dead" makes a killing: "shot dead", "stabbed dead", "beaten dead".
KILLING_BY_DEATH = frozenset({"shoot", "gun", "stab", "beat", "hack", "club", "stone"})
# Heads of armed groups' own names: "The Resistance Front", "the Kashmir Tigers",
# "Jaish-e-Mohammed", "Lashkar-e-Taiba", "Tehreek-e-Taliban".
GROUP_NAME_WORDS = frozenset(words("""front tigers mujahideen jaish lashkar tehreek jamaat
    ansar harakat katibat liwa liberation"""))
# States' forces whose names are built on such a word: "the People's Liberation Army".
STATE_FORCE_NAMES = frozenset({"people's liberation army", "people’s liberation army"})
CIVILIAN_WORDS = frozenset(
    words("""civilian civilians resident residents villager villagers child children women
    woman worshippers passengers students shoppers farmers family families people
    bystanders patients journalists aid workers refugees displaced pedestrians
    girl girls boy boys baby babies infant infants toddler toddlers teenager teenagers
    schoolchildren schoolgirl schoolgirls schoolboy schoolboys pupils kids elderly
    pensioner pensioners worshipers mother mothers grandmother grandmothers beachgoers
    beachgoer holidaymakers holidaymaker tourists tourist visitors diners customers commuters
    travellers travelers pilgrims pilgrim mourners spectators concertgoers picnickers
    swimmers traders vendors herders fishermen miners teachers""")
)
# Places people live, pray, shop or heal in: a target that is one of these is civilian.
CIVILIAN_OBJECTS = frozenset(
    words("""apartment apartments building buildings home homes house houses residential market
    hospital school mosque church hotel flats block neighbourhood neighborhood gathering
    wedding funeral bus shop shops cafe restaurant camp shelter clinic university
    village city town district neighbourhood centre center campus gymnasium stadium theatre
    theater cinema library kindergarten nursery bakery supermarket mall hypermarket store
    beach bar pub nightclub""")
)
# What warns of or shelters from an attack, and is none: "air raid sirens", "a missile
# alert", "an air-raid shelter", "a drone warning".
ALERT_NOUNS = frozenset(words("""siren sirens alert alerts alarm alarms warning warnings shelter
    shelters bunker bunkers drill drills"""))
# Buildings and posts an attack is made on with force, never with words: "the attack on the
# church", "an assault on a checkpoint" (not "an attack on the city's mayor", "on the Church").
ATTACKED_SITES = frozenset(
    words("""church mosque synagogue temple shrine hotel school hospital clinic bus restaurant
    cafe bar nightclub shop bakery supermarket mall checkpoint barracks outpost convoy embassy
    consulate prison jail airport airbase station compound""")
)
# Merchant ships: their crews are civilians (not "a naval vessel", "a navy tanker").
MERCHANT_SHIPS = frozenset(words("""ship vessel tanker freighter carrier bulker containership
    trawler dhow ferry"""))

# Armed groups often named without a kind word; general knowledge, not any one report.
KNOWN_GROUPS: dict[str, tuple[str, str | None]] = {
    "hezbollah": ("Hezbollah", "LB"),
    "kataib hezbollah": ("Kataib Hezbollah", "IQ"),
    "kata'ib hezbollah": ("Kataib Hezbollah", "IQ"),
    "harakat al-nujaba": ("Harakat al-Nujaba", "IQ"),
    "nujaba": ("Harakat al-Nujaba", "IQ"),
    "islamic resistance in iraq": ("Islamic Resistance in Iraq", "IQ"),
    "hamas": ("Hamas", "PS"),
    "qassam brigades": ("Hamas", "PS"),
    "islamic jihad": ("Palestinian Islamic Jihad", "PS"),
    "houthis": ("Houthis", "YE"),
    "houthi": ("Houthis", "YE"),
    "ansar allah": ("Houthis", "YE"),
    "islamic state": ("Islamic State", None),
    "isis": ("Islamic State", None),
    "isil": ("Islamic State", None),
    "daesh": ("Islamic State", None),
    "al-qaeda": ("al-Qaeda", None),
    "al qaeda": ("al-Qaeda", None),
    "al-shabaab": ("al-Shabaab", "SO"),
    "al shabaab": ("al-Shabaab", "SO"),
    "boko haram": ("Boko Haram", "NG"),
    "iswap": ("Islamic State West Africa Province", "NG"),
    "jnim": ("JNIM", "ML"),
    "taliban": ("Taliban", "AF"),
    "pkk": ("PKK", "TR"),
    "hts": ("Hayat Tahrir al-Sham", "SY"),
    "hayat tahrir al-sham": ("Hayat Tahrir al-Sham", "SY"),
    "rsf": ("Rapid Support Forces", "SD"),
    "rapid support forces": ("Rapid Support Forces", "SD"),
    "wagner": ("Wagner Group", "RU"),
    "m23": ("M23", "CD"),
    "anti-balaka": ("Anti-Balaka", "CF"),
}
# Any known group's name in a text, as written ("Al-Shabaab", "Boko Haram").
GROUP_KEYS = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in sorted(KNOWN_GROUPS, key=len, reverse=True))
    + r")(?![\w-])", re.IGNORECASE)

# Nouns for people who can be counted as killed or injured.
PEOPLE_NOUNS = frozenset(
    words("""people person civilians civilian soldiers soldier troops service members member
    servicemembers personnel militants militant fighters fighter insurgents rebels
    policemen police officers officer children child women men residents villagers
    workers passengers students worshippers sailors marines guards crew members others
    individuals attackers gunmen militiamen militia bystanders journalists staff
    contractors americans iraqis syrians israelis palestinians ukrainians russians
    lebanese yemenis protesters protestors demonstrators""")
)
# Singular lemmas for a person, as a noun's lemma gives them ("girls" -> "girl").
PERSON_LEMMAS = frozenset(words("""man woman boy girl child person baby teenager officer
    policeman policewoman soldier guard passer-by passerby bystander worker student driver
    neighbour neighbor wife husband son daughter mother father brother sister friend
    medic paramedic doctor nurse journalist reporter photographer farmer herder shepherd
    fisherman teacher pupil imam priest pilot commander fighter militant gunman civilian
    resident villager trader shopkeeper volunteer firefighter rescuer employee engineer
    official sergeant captain colonel lieutenant major general corporal conscript
    owner chief passenger customer shopper pilgrim worshipper mourner guest"""))
# Officials' words for killing ("the army neutralised 23 terrorists", "eliminated six
# militants", "liquidated a sabotage group"): a killing when armed men are its object.
KILLING_EUPHEMISMS = frozenset({"neutralise", "neutralize", "eliminate", "liquidate"})
KILL_WORDS = frozenset(words("""kill killed dead die died death deaths fatality fatalities slain
    perish perished lose lost life lives"""))
INJURE_WORDS = frozenset(words("""injure injured injury injuries wound wounded hurt casualty
    casualties"""))

# Reporting verbs: their subject is who the report credits ("said_by").
REPORTING_VERBS = frozenset(
    words("""say said confirm confirmed tell told report reported announce announced state stated
    disclose disclosed explain explained add added note noted claim claimed acknowledge
    acknowledged write wrote tweet tweeted post posted describe described emphasize
    emphasise assert asserted insist insisted deny denied accuse accused warn""")
)

# Markers that a mention is about attacks in general or in the past, not a new event.
BACKGROUND_ADVERBS = frozenset({"previously", "repeatedly", "frequently", "often", "regularly",
                                "routinely", "usually", "formerly", "before"})
MODAL_WORDS = frozenset({"could", "would", "might", "may", "should", "must", "will"})
RESPONSE_CUES = frozenset({"response", "retaliation", "retaliatory", "retaliate", "reprisal",
                           "self-defence", "self-defense", "respond", "responding", "avenge",
                           "punish", "revenge", "retribution", "payback", "retaliating"})
# Nouns that are response cues as nouns only: "its answer to the rocket", not "he answered
# a knock at the door".
RESPONSE_NOUNS = frozenset({"answer"})
INTERCEPT_WORDS = frozenset({"intercept", "intercepted", "shot down", "downed", "thwart",
                             "thwarted", "repel", "repelled", "foiled", "destroyed mid-air"})
MISS_WORDS = frozenset({"miss", "missed", "fell short", "landed harmlessly", "open area",
                        "open field", "failed to"})
HIT_WORDS = frozenset({"damage", "damaged", "destroy", "destroyed", "hit", "struck", "impact",
                       "killed", "injured", "wounded", "dead", "fire", "ablaze"})

# A weapon noun is itself the attack when something is done with or to it: "two drones
# were flown at the base", "a rocket landed near", "air defences brought down two drones".
WEAPON_NOUNS = frozenset({"drone", "missile", "rocket", "mortar", "projectile", "uav",
                          "shahed", "katyusha"})
# Nouns for shots fired: "came under fire", "opened fire", "killed by Israeli fire".
FIRE_NOUNS = frozenset({"fire", "gunfire"})
# Trigger lemmas of a fight between armed sides ("a gunfight", "clashes", "an exchange of
# fire"): a clash's kind in clustering and in coding.
CLASH_LEMMAS = frozenset({"clash", "fighting", "fight", "firefight", "gunfight", "shootout",
                          "skirmish", "battle", "gunbattle", "engagement", "exchange"})
# Shooting told without a gun named ("a gunfight", "shots rang out", "bullet holes"): small
# arms, when the sentence names no other weapon.
GUNFIRE_NOUNS = frozenset({"gunfight", "firefight", "shootout", "gunbattle", "shooting", "shot",
                           "gunshot", "bullet", "crossfire"})
# Heads of fire that is shots: "opened fire", "returned fire", "came under fire", "an
# exchange of fire", "traded fire".
GUNFIRE_HEADS = frozenset({"open", "return", "trade", "exchange", "under"})
# Time words the small NER leaves untagged more often than not ("hit a refinery overnight").
BARE_TIME_WORDS = frozenset({"overnight"})
# Weapons thrown or planted by hand: "threw a grenade into a bar", "planted a bomb".
HAND_WEAPONS = frozenset({"grenade", "bomb", "explosive", "firebomb", "molotov", "ied"})
HAND_VERBS = frozenset({"throw", "hurl", "lob", "toss", "plant"})
WEAPON_VERBS = frozenset({"fly", "send", "launch", "fire", "aim", "land", "fall", "strike",
                          "hit", "crash", "intercept", "down", "destroy", "engage", "shoot",
                          "approach", "reach", "bring", "target", "slam", "smash", "explode",
                          "detonate", "direct", "use", "deploy", "head"})


# --- Aggregates and tallies (claims): what makes a figure count over several attacks ---
# Two-word scope cues, matched on lower-cased tokens: "killed so far", "in all".
AGGREGATE_PHRASES = frozenset({"so far", "thus far", "in all", "in total", "to date", "all told"})
# One-word scope cues: "overall", "nationwide", "altogether".
AGGREGATE_WORDS = frozenset(words("""overall altogether cumulative cumulatively nationwide
    countrywide combined together"""))
# Words a "since"/"this year" dates a comparison with, not a sum: "the deadliest since 2019".
COMPARISON_WORDS = frozenset(words("""first worst deadliest largest biggest heaviest bloodiest
    most time"""))
# A war or a campaign as a whole: "killed in the war", "during the conflict".
WAR_NOUNS = frozenset(words("war conflict insurgency hostilities"))
# Nouns for an area named with a proper noun: "the Sumy region", "Borno state".
AREA_NOUNS = frozenset(words("""region province oblast district state county governorate area
    city town territory"""))
# Nouns that introduce a named settlement: "in the village of X", "the community of X".
SETTLEMENT_NOUNS = AREA_NOUNS | frozenset(words("""village villages community locality hamlet
    settlement neighbourhood neighborhood commune municipality"""))
# Heads a munition is named by when its kind is a modifier: "a mortar round", "tank rounds".
MUNITION_HEADS = frozenset({"round", "projectile"})
# A munition told by no kind ("hit by an unidentified projectile", "an unknown munition"):
# a weapon, fired from afar, though not which one.
UNNAMED_MUNITIONS = frozenset({"projectile", "munition", "ordnance"})
# Verbs of a munition arriving: "a shell landed", "rockets fell on", "a bomb went off".
IMPACT_VERBS = frozenset({"land", "fall", "drop", "strike", "hit", "crash", "slam", "smash", "explode",
                          "detonate", "rain", "impact"})
# Verbs of the harm a munition does to what it hits: "a missile destroyed a house", "a
# drone damaged a power line"; with a munition as subject, the attack itself.
DAMAGE_VERBS = frozenset({"destroy", "damage", "wreck", "flatten", "level", "raze", "gut",
                          "demolish"})
# What a munition as subject does when it is the attack: arrives or does damage.
MUNITION_STRIKE_VERBS = IMPACT_VERBS | DAMAGE_VERBS
# What a bomb does when it comes from the air: "bombs fell on", "a bomb dropped on",
# "bombs rained down".
AIR_DROP_VERBS = frozenset({"fall", "drop", "rain"})
# What is brought down in the air: "downed two drones", "shot down a helicopter".
AIRBORNE_WEAPONS = frozenset({"drone", "missile", "rocket", "aircraft", "jet", "helicopter", "uav"})
# Verbs that send a munition, and the prepositions of where it was sent: "fired shells at",
# "lobbed mortar bombs into", "launched rockets towards".
FIRING_VERBS = frozenset({"fire", "launch", "lob", "hurl", "shoot", "rain", "drop", "unleash"})
AIMED_PREPOSITIONS = frozenset({"at", "into", "on", "onto", "toward", "towards", "against"})
# Munitions counted in a salvo or an interception tally: "launched 40 drones".
MUNITION_NOUNS = WEAPON_NOUNS | frozenset({"bomb", "shell", "munition", "warhead", "kamikaze"})
# What is done with munitions that are counted as launched: "fired", "shot down 20 of 24".
MUNITION_USE_VERBS = WEAPON_VERBS | frozenset(words("""launch fire shoot down intercept destroy
    bring strike hit attack fall land rain aim target use neutralise neutralize repel engage
    detect track direct send lob drop unleash jam"""))
# Where a salvo went, when it is no single site: "at the city", "across the north".
SALVO_AREAS = frozenset(words("""city cities town towns village villages region regions country
    capital area areas territory suburbs outskirts district districts province provinces north
    south east west northeast northwest southeast southwest border front coast positions targets
    sites"""))
# Parts of a day a preposition can name ("on the morning of"): a time, never a site.
TIME_NOUNS = frozenset(words("morning afternoon evening night day dawn dusk midnight noon hour"))
# Attack nouns a figure counts: "more than 100 attacks", "1,200 airstrikes", "the 5th raid".
COUNTED_ATTACK_NOUNS = frozenset(words("""attack strike airstrike assault incident bombing raid
    ambush bombardment sortie"""))
# What a strike is counted by when not by its own noun: "struck 400 targets", "hit 120 sites".
STRUCK_NOUNS = frozenset(words("target site position location facility launcher"))
# Words that make a plural of attacks several distinct ones: "in two separate attacks", "a
# series of strikes".
SEVERAL_WORDS = frozenset(words("""separate multiple several various numerous distinct
    different"""))
RUN_NOUNS = frozenset(words("series wave string spate spree run flurry campaign"))
# Verbs of a monitor's count: "the UN has documented 1,500 deaths", "recorded 60 attacks".
TALLY_VERBS = frozenset(words("record document tally register count verify log"))
