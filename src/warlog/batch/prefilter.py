"""The prefilter: which reports, and which of their paragraphs, can hold an attack or a tally.

The full spaCy parse is the cost of reading a report, and most news is not about
attacks. Before it, a test on words alone decides:

1. The text is cut into paragraphs (blank lines; a text without any is cut at line
   breaks; a text without those is one paragraph).
2. Each paragraph's words (lower-cased runs of letters, hyphenated words also by their
   parts) are looked up in three word lists of conflict reporting, every word with its
   inflections (``forms``: "strike" gives strikes, striking, struck, stricken …):

   * **strong** cues name armed violence on their own: airstrike, shelling, missile,
     mortar, gunmen, ambush, casualties, gunfire …
   * **acts** name violence or its toll but have everyday senses too: attack, strike,
     bomb, kill, dead, wound, explosion, rocket, drone, war …
   * **context** words say who fights or is counted, and what an act is done with:
     troops, police, base, civilians, people, a digit, a number word ("two", "dozens"),
     and the everyday verbs the extraction itself reads as an attack only beside an act
     or a weapon (hit, fire, launch, shoot, target, drop …; ``WEAK_VERBS`` in
     ``warlog.extract.lexicon``).

   A paragraph is **hot** when it holds a strong cue, or an act beside a second act, a
   context word or a figure ("a heart attack" is not; "two people were killed" and
   "66 attacks since October" are).
3. A report with no hot paragraph is **skipped**: it is not parsed, and counted.
4. Of a report that is kept, a paragraph is parsed when it holds a strong cue or an act,
   when it lies within ``context`` paragraphs of a hot one (the sentence before "the
   attack" that names the place or the day), or when it is the first (the dateline and
   lede). The other paragraphs are **blanked**: each of their characters but line
   breaks becomes a space, so the text keeps its length and every offset still points
   into the report's own text, while spaCy sees one whitespace token where the
   paragraph was.

Every rule errs one way: a word of the lists in a paragraph keeps it. The lists are
general vocabulary (lemmas and their inflections), never a report's sentences; a test
(tests/golden/test_prefilter_recall.py) checks on every gold set the project reads that
no event or claim matched to gold without the prefilter is lost with it.
bench/prefilter_share.py measures what it skips of general news.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["ACTS", "CONTEXT", "CONTEXT_WORDS", "STRONG", "Screen", "forms", "paragraphs",
           "screen"]

CONTEXT = 1  # paragraphs parsed on either side of a hot one

# Lemmas whose every form names armed violence by itself.
_STRONG_LEMMAS = """
airstrike air-strike bombing bombardment shelling barrage ambush firefight gunfight
shootout skirmish massacre gunbattle assassination assassinate missile mortar artillery
howitzer uav shahed katyusha warhead munition grenade ied explosive detonation detonate
militant insurgent insurgency gunman gunmen hitman hitmen jihadist jihadi militia
militiaman militiamen guerrilla paramilitary terrorist terrorism bomber warplane gunship
slay slain casualty fatality sniper gunfire shrapnel rpg kamikaze interceptor
air-defence air-defense frontline front-line incursion counteroffensive counter-offensive
sortie gunshot crossfire
"""
# Lemmas of acts of violence and their toll that also have everyday senses ("a heart
# attack", "killed the bill"): a cue beside another act or a context word.
_ACT_LEMMAS = """
attack strike bomb shell raid assault explode explosion blast clash fighting gun kill
killing dead die death perish wound injure injury violence weapon rifle bullet siege
invasion invade retaliation retaliate reprisal avenge battle combat war conflict
hostility armed offensive onslaught volley salvo rocket drone projectile helicopter rebel
hostage kidnap abduct behead ceasefire truce genocide atrocity suicide intercept
"""
# Who fights and who is counted, what is done with a weapon, and figures: context for an
# act, nothing alone. The verbs here ("hit", "fire", "launch") make an attack in the
# extraction only beside an attack noun or a weapon, which is an act or a strong cue.
_CONTEXT_LEMMAS = """
hit target fire launch shoot shot pound storm fight blow down slam smash crash tear rain
pummel rake ram plough plow drop throw hurl lob toss plant destroy damage engage hurt
victim toll body corpse violent capture seize overrun responsibility lose life
force troop soldier army military police policeman officer guard marine sailor navy
commando security base convoy checkpoint camp outpost barracks patrol enemy defence
defense defender occupation occupy civilian resident villager child people person man
woman worshipper passenger fighter tally total count record document register verify
overall so-far
"""
# Numbers written out, which a tally may use instead of digits.
_NUMBER_WORDS = """
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred hundreds thousand thousands million dozen dozens several scores
"""
# Past forms and participles the suffix rules below cannot make.
_IRREGULAR = {
    "strike": ("struck", "stricken"), "shoot": ("shot",), "fight": ("fought",),
    "hit": ("hit",), "blow": ("blew", "blown"), "slay": ("slew", "slain"),
    "tear": ("tore", "torn"), "throw": ("threw", "thrown"), "fly": ("flew", "flown"),
    "fall": ("fell", "fallen"), "send": ("sent",), "lose": ("lost",), "die": ("died", "dying"),
    "lie": ("lay", "lain", "lying"), "bring": ("brought",), "seize": ("seized",),
    "man": ("men",), "woman": ("women",), "child": ("children",), "person": ("people",),
    "life": ("lives",), "gunman": ("gunmen",), "hitman": ("hitmen",),
    "militiaman": ("militiamen",), "policeman": ("policemen",), "fireman": ("firemen",),
    "hurt": ("hurt",), "shell": ("shelled", "shelling"), "arm": ("armed",),
    "militia": ("militias",), "wound": ("wounded",), "injure": ("injured",),
}
_VOWELS = set("aeiou")


def forms(lemma: str) -> set[str]:
    """The lemma and its inflections: plural and 3rd person, past, participles.

    Regular English suffixes, with the doubled final consonant ("ship" -> "shipped",
    "bomb" is not doubled since its last two letters are consonants), the silent e
    ("raid"/"raided", "storm", "explode" -> "exploded", "exploding"), the y after a
    consonant ("casualty" -> "casualties"), and the irregular forms. Over-generation
    ("firees") costs nothing: it only adds a word no text holds."""
    w = lemma.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "ing", w + "d"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing", w[:-1] + "ed"}
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if (len(w) >= 3 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS
            and w[-3] not in _VOWELS):
        out |= {w + w[-1] + "ed", w + w[-1] + "ing", w + w[-1] + "er", w + w[-1] + "ers"}
    if w.endswith("er"):
        out.add(w[:-2] + "ing")
    out |= {w + "er", w + "ers"}
    out |= set(_IRREGULAR.get(w, ()))
    return out


def _vocabulary(lemmas: str) -> frozenset[str]:
    """Every form of every lemma; a hyphenated lemma also gives its joined spelling."""
    words: set[str] = set()
    for lemma in lemmas.split():
        for variant in {lemma, lemma.replace("-", "")}:
            words |= forms(variant)
    return frozenset(words)


STRONG = _vocabulary(_STRONG_LEMMAS)
ACTS = _vocabulary(_ACT_LEMMAS) - STRONG
CONTEXT_WORDS = (_vocabulary(_CONTEXT_LEMMAS) | frozenset(_NUMBER_WORDS.split())) - STRONG - ACTS
_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*")
_DIGIT = re.compile(r"\d")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"\n\s*")
_NOT_NEWLINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Screen:
    """The prefilter's verdict on one text."""

    keep: bool                  # any paragraph hot: the report is parsed
    text: str                   # what to parse: the text with unparsed paragraphs blanked
    paragraphs: int             # paragraphs of the text
    parsed: int                 # paragraphs parsed (0 when skipped)
    chars_parsed: int           # characters in the parsed paragraphs

    @property
    def skipped(self) -> bool:
        return not self.keep


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: cut at blank lines, else at line breaks."""
    cut = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE
    spans: list[tuple[int, int]] = []
    at = 0
    for gap in cut.finditer(text):
        if gap.start() > at:
            spans.append((at, gap.start()))
        at = gap.end()
    if at < len(text):
        spans.append((at, len(text)))
    return spans


def _words(piece: str) -> set[str]:
    """The paragraph's words, lower-cased, a hyphenated word also by its parts."""
    found = set(_WORDS.findall(piece.lower()))
    for word in [w for w in found if "-" in w]:
        found.update(word.split("-"))
    return found


def _paragraph_cues(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[bool, bool]]:
    """(hot, any act or strong cue) per paragraph: hot when it holds a strong cue, or an
    act beside another act, a context word or a figure."""
    for start, end in spans:
        piece = text[start:end]
        found = _words(piece)
        if found & STRONG:
            yield True, True
            continue
        acts = len(found & ACTS)
        company = acts - 1 + len(found & CONTEXT_WORDS) + (_DIGIT.search(piece) is not None)
        yield acts > 0 and company > 0, acts > 0


def screen(text: str, *, context: int = CONTEXT) -> Screen:
    """Whether the text can hold an attack or a tally, and what of it to parse."""
    spans = paragraphs(text)
    cues = list(_paragraph_cues(text, spans))
    hot = [i for i, (is_hot, _) in enumerate(cues) if is_hot]
    if not hot:
        return Screen(keep=False, text=text, paragraphs=len(spans), parsed=0, chars_parsed=0)
    near = {j for i in hot for j in range(i - context, i + context + 1)}
    keep = [i == 0 or i in near or cues[i][1] for i in range(len(spans))]
    return Screen(keep=True, text=_blanked(text, spans, keep), paragraphs=len(spans),
                  parsed=sum(keep),
                  chars_parsed=sum(e - s for (s, e), k in zip(spans, keep, strict=True) if k))


def _blanked(text: str, spans: list[tuple[int, int]], keep: list[bool]) -> str:
    """The text with each paragraph not kept turned into spaces (line breaks kept)."""
    if all(keep):
        return text
    out: list[str] = []
    at = 0
    for (start, end), kept in zip(spans, keep, strict=True):
        if kept:
            continue
        out.append(text[at:start])
        out.append(_NOT_NEWLINE.sub(lambda m: " " * len(m.group()), text[start:end]))
        at = end
    out.append(text[at:])
    return "".join(out)
