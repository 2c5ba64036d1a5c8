"""The geoparser: every place a report names, resolved with the whole report as context.

``geoparse(doc, gazetteer=…)`` finds the mentions (mentions.py), picks for each the place it
most likely means (choose.py: kind, population, countries the report names, places already
resolved near it, words such as "province" or "base"), gives it a role (roles.py) and
returns contract PLACEs. A mention it cannot place keeps its text, and the country where
one is known, with null coordinates: no wrong guess dressed as precise.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from warlog.geo import names
from warlog.geo.choose import Context, choose, cue_of, document_context, part_of_whole
from warlog.geo.gazetteer import Gazetteer
from warlog.geo.local import is_site, town_for
from warlog.geo.mentions import (
    Mention,
    context_mentions,
    find_mentions,
    opens_line,
    repeated_mentions,
)
from warlog.geo.roles import role_of
from warlog.geo.tables import Entry, Kind
from warlog.model import Place, Precision, Role, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PRECISION: dict[str, Precision] = {
    "facility": "facility", "town": "town", "admin1": "admin1", "country": "country", "region": "region",
}


def country_of(text: str, *, gazetteer: Gazetteer) -> str | None:
    """ISO2 of a country name, demonym or adjective: "Iranian" → "IR", "U.S." → "US"."""
    entry = gazetteer.demonym(text)
    if entry is None:
        countries = [e for e in gazetteer.lookup(text) if e.kind == "country"]
        entry = countries[0] if countries else None
    return entry.country if entry is not None else None


def geoparse(doc: Doc, *, gazetteer: Gazetteer, capitals: bool = False) -> tuple[Place, ...]:
    """Every place the report names, sorted by span start (see the module docstring).

    With ``capitals``, a country named for its capital ("Mali's capital", "the Somali
    capital") is that city: where an attack there happened. The toponym itself names the
    country, which is what the geoparser alone (`warlog places`) reports."""
    mentions = find_mentions(doc, gazetteer=gazetteer)
    context = document_context(mentions, gazetteer=gazetteer, doc=doc)
    extra = context_mentions(doc, mentions, countries=frozenset(context.countries), gazetteer=gazetteer)
    mentions = sorted(mentions + extra, key=lambda m: (m.start, m.end))
    if extra:
        context = replace(context, name_keys=tuple((m.start, names.name_key(m.text))
                                                   for m in mentions))
    chosen = _resolve_all(doc, mentions, context=context, gazetteer=gazetteer)
    roles = [_role(doc, m) for m in mentions]
    # one sense per discourse: a town the report has placed is that town where it is
    # written again without a cue the recogniser needs
    towns = [m._replace(hint=e) for m, e, r in zip(mentions, chosen, roles, strict=True)
             if e is not None and e.kind in ("town", "facility") and r == "literal"]
    again = repeated_mentions(doc, towns, taken=mentions)
    if again:
        order = sorted(range(len(mentions) + len(again)),
                       key=lambda k: ((mentions + again)[k].start, (mentions + again)[k].end))
        every = mentions + again
        chosen_all = chosen + [m.hint for m in again]
        mentions = [every[k] for k in order]
        chosen = [chosen_all[k] for k in order]
        roles = [_role(doc, m) for m in mentions]
    literal = [role == "literal" for role in roles]
    buildings = _building_starts(doc) | _site_starts(doc, mentions)
    text = doc.text  # joined once: Doc.text walks every token
    places = []
    main = _main_country(chosen, literal)
    placed = list(chosen)
    # right to left, so that a chain ("Pazigyi village in Kanbalu township, Sagaing
    # Region") puts each unplaced name where the one after it was put
    for i in range(len(mentions) - 1, -1, -1):
        if placed[i] is None and mentions[i].source != "local":
            placed[i] = container_of(mentions, placed, i, text=text)
    for i in range(len(mentions)):
        if placed[i] is None and chosen[i] is None and mentions[i].source != "local":
            placed[i] = _beside_in_sentence(doc, mentions, chosen, i, literal=literal)
    # one sense per discourse: "Pazigyi" written again is where "Pazigyi village" was put
    put = {_bare_key(m.text): placed[i] for i, m in enumerate(mentions)
           if chosen[i] is None and placed[i] is not None}
    for i, m in enumerate(mentions):
        if placed[i] is None and chosen[i] is None and m.source != "local":
            placed[i] = put.get(_bare_key(m.text))
    for i, (m, entry) in enumerate(zip(mentions, chosen, strict=True)):
        place = _place(m, entry, role=roles[i], context=context)
        if entry is None and (m.source == "local" or m.start in buildings):
            town = town_for(mentions, chosen, i, text=text, literal=literal)
            if town is not None:
                place = _in_town(place, town)
            elif placed[i] is not None:
                place = _in_container(place, placed[i])  # type: ignore[arg-type]
        elif entry is None and placed[i] is not None:
            place = _in_container(place, placed[i])  # type: ignore[arg-type]
        elif entry is None and place.country is None:
            place = replace(place, country=main)
        capital = _capital_named(doc, m, entry, gazetteer=gazetteer) if capitals else None
        if capital is not None:
            place = capital
        places.append(place)
    return tuple(sorted(places, key=lambda p: (p.span.start, p.span.end)))


def _capital_named(doc: Doc, mention: Mention, entry: Entry | None, *,
                   gazetteer: Gazetteer) -> Place | None:
    """"Mali's capital", "the capital of Somalia", "the Lebanese capital": the country's
    capital city, written where the phrase is (not "capital punishment")."""
    if entry is None or entry.kind != "country" or entry.country is None:
        return None
    start, end = mention.tok_start, mention.tok_end
    word: Token | None = None
    if end + 1 < len(doc) and doc[end].text in ("'s", "’s") and doc[end + 1].lower_ == "capital":
        word = doc[end + 1]                     # "Mali's capital"
    elif end < len(doc) and mention.source == "demonym" and doc[end].lower_ == "capital":
        word = doc[end]                         # "the Malian capital"
    elif start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ == "capital":
        word = doc[start - 2]                   # "the capital of Mali"
    if word is None or word.dep_ in ("amod", "compound"):
        return None
    city = gazetteer.capital(entry.country)
    if city is None or city.lat is None or city.lon is None:
        return None
    first, last = min(word.i, start), max(word.i + 1, end)
    chars = Span(start=doc[first].idx, end=doc[last - 1].idx + len(doc[last - 1].text))
    return Place(text=doc.text[chars.start:chars.end], name=city.name, admin1=city.admin1,
                 country=city.country, lat=city.lat, lon=city.lon, precision="town",
                 gazetteer_id=city.id, role="literal", span=chars)


def _main_country(chosen: list[Entry | None], literal: list[bool]) -> str | None:
    """The country that holds most of the report's literal places (at least half of them,
    and two): where a name the gazetteer lacks most likely lies, when nothing nearer says."""
    counts = Counter(e.country for e, lit in zip(chosen, literal, strict=True)
                     if lit and e is not None and e.country)
    if not counts:
        return None
    iso, n = counts.most_common(1)[0]
    return iso if n >= 2 and n * 2 >= sum(counts.values()) else None


# Words that may stand between a name the gazetteer lacks and the place that holds it:
# "X in Y", "X, Y", "the X area of Y", "X village near Y", "X on the outskirts of Y".
_CONTAINING_LINKS = frozenset({",", "in", "of", "near", "outside"})
_FILLER_WORDS = """the a area district region province
    state township county village town city outskirts suburb suburbs on part municipality
    governorate department commune locality community neighbourhood neighborhood capital
    north south east west northern southern eastern western central north-east north-west
    south-east south-west northeastern northwestern southeastern southwestern"""
_CONTAINING_FILLERS = frozenset(_FILLER_WORDS.split())
_CONTAINING_WORDS = 6


def container_of(mentions: list[Mention], placed: list[Entry | None], index: int, *,
                 text: str) -> Entry | None:
    """The place that holds a name the gazetteer lacks, as the text puts it: the place right
    after it joined by "in", "of", "near" or a comma ("Lido beach in Mogadishu", "the Mir Ali
    area of North Waziristan"), or the place that owns it ("Mogadishu's Lido beach")."""
    m = mentions[index]
    if index > 0:
        before = mentions[index - 1]
        if text[before.end:m.start].strip() in ("'s", "\u2019s") and _holds(placed[index - 1]):
            return placed[index - 1]
    if index + 1 < len(mentions):
        after = mentions[index + 1]
        between = text[m.end:after.start]
        if "\n" not in between and _links(between) and _holds(placed[index + 1]):
            return placed[index + 1]
    return None


def _bare_key(text: str) -> str:
    bare = names.strip_descriptor(text)
    return bare.name if bare is not None else names.name_key(text)


def _beside_in_sentence(doc: Doc, mentions: list[Mention], chosen: list[Entry | None],
                        index: int, *, literal: list[bool]) -> Entry | None:
    """A name the gazetteer lacks and nothing holds, put at the nearest town or division its
    sentence names ("bombed a crowd in Pazigyi village on Tuesday … at the site in Kanbalu
    township"), else at the country its sentence names: what the writer gave to find it."""
    m = mentions[index]
    sent = doc[m.tok_start].sent
    inside = [k for k, other in enumerate(mentions) if k != index
              and sent.start <= other.tok_start < sent.end and other.source != "demonym"
              and chosen[k] is not None and chosen[k].lat is not None]  # type: ignore[union-attr]
    for kinds in (("town", "admin1"), ("country",)):
        near = [k for k in inside if chosen[k].kind in kinds  # type: ignore[union-attr]
                and (kinds != ("country",) or literal[k])]
        if near:
            return chosen[min(near, key=lambda k: abs(mentions[k].start - m.start))]
    return None


def _links(between: str) -> bool:
    tokens = between.lower().replace(",", " , ").split()
    return (0 < len(tokens) <= _CONTAINING_WORDS and bool(set(tokens) & _CONTAINING_LINKS)
            and all(t in _CONTAINING_LINKS or t in _CONTAINING_FILLERS for t in tokens))


def _holds(entry: Entry | None) -> bool:
    return entry is not None and entry.kind in ("town", "admin1", "country") and entry.lat is not None


def _in_container(place: Place, entry: Entry) -> Place:
    """A name the gazetteer lacks, put at the place that holds it, at that place's
    precision: the text as written, the point and country of what is known."""
    assert entry.lat is not None and entry.lon is not None
    return replace(place, name=entry.name, admin1=entry.admin1, country=entry.country,
                   lat=round(entry.lat, 5), lon=round(entry.lon, 5),
                   precision=_PRECISION[entry.kind], gazetteer_id=entry.id)


def _building_starts(doc: Doc) -> set[int]:
    """Where spaCy's FAC entities start: named buildings, bridges, airports."""
    return {ent.start_char for ent in doc.ents if ent.label_ == "FAC"}


def _site_starts(doc: Doc, mentions: list[Mention]) -> set[int]:
    """Where names of sites inside a town start: "Lido beach", or "Shifa" of "Shifa hospital"."""
    out = set()
    for m in mentions:
        after = doc[m.tok_end] if m.tok_end < len(doc) else None
        if is_site(m.text) or (after is not None and is_site(after.text)):
            out.add(m.start)
    return out


def _in_town(place: Place, town: Entry) -> Place:
    """A street or building the gazetteer lacks, put at the town it lies in."""
    assert town.lat is not None and town.lon is not None
    return replace(place, name=town.name, admin1=town.admin1, country=town.country,
                   lat=round(town.lat, 5), lon=round(town.lon, 5), precision="town",
                   gazetteer_id=town.id)


def _resolve_all(doc: Doc, mentions: list[Mention], *, context: Context,
                 gazetteer: Gazetteer) -> list[Entry | None]:
    # Two passes: the second sees where the first put the report's other places, so an
    # ambiguous town is read near its neighbours ("Hit" near Ramadi, not Hit elsewhere),
    # in the countries the report is about, beside the place that qualifies it.
    found = [_lookup(doc, m, gazetteer=gazetteer) for m in mentions]
    first = [_resolve(m, f, context=context) for m, f in zip(mentions, found, strict=True)]
    context = context.with_first_pass((m.start, e) for m, e in zip(mentions, first, strict=True) if e)
    context = replace(context, **_neighbours(doc.text, mentions, first, found))
    return [_resolve(m, f, context=context) for m, f in zip(mentions, found, strict=True)]


class _Found(NamedTuple):
    candidates: tuple[Entry, ...]
    cue: Kind | None
    loose: bool
    part: bool


def _neighbours(text: str, mentions: list[Mention], first: list[Entry | None],
                found: list[_Found]) -> dict[str, Any]:
    """What each mention's neighbours say: "Hit, Iraq" / "Ramadi in Anbar" (qualifier),
    "Tacoma, Washington" (qualified), "California or Washington" (listed together)."""
    qualifiers: dict[int, Entry] = {}
    qualified: dict[int, tuple[Entry, ...]] = {}
    links: list[bool] = []
    for i in range(len(mentions) - 1):
        m, n = mentions[i], mentions[i + 1]
        between = text[m.end:n.start].strip().lower()
        outer = first[i + 1]
        if between in (",", "in", ", in") and outer is not None and outer.kind in ("country", "admin1"):
            qualifiers[m.start] = outer
        if between == "," and found[i].candidates:
            qualified[n.start] = found[i].candidates
        links.append(between in _LIST_SEPARATORS)
    siblings: dict[int, frozenset[str]] = {}
    i = 0
    while i < len(mentions):
        j = i
        while j < len(links) and links[j]:
            j += 1
        group = range(i, j + 1)
        joined = any(text[mentions[k].end:mentions[k + 1].start].strip().lower() not in (",", "/")
                     for k in range(i, j))
        if len(group) >= 3 or (len(group) == 2 and joined):
            for k in group:
                kinds = {e.kind for o in group if o != k and (e := first[o]) is not None}
                if kinds:
                    siblings[mentions[k].start] = frozenset(kinds)
        i = j + 1
    return {"qualifiers": qualifiers, "qualified": qualified, "siblings": siblings}


_LIST_SEPARATORS = frozenset({",", "and", "or", ", and", ", or", "/", "&"})


def _candidates(text: str, *, gazetteer: Gazetteer) -> tuple[tuple[Entry, ...], bool]:
    """Places named by ``text``, and whether they matched only on the loose key."""
    found = gazetteer.lookup(text)
    if not found and names.strip_facility_words(text):
        found = gazetteer.lookup_facility(text)
    if found:
        return _abbreviation_filter(text, found), False
    if names.strip_facility_words(text):
        return (), False  # "Fort Moore", "Camp X": a facility we lack is no town that sounds alike
    return _abbreviation_filter(text, gazetteer.lookup_loose(text)), True


def _abbreviation_filter(text: str, found: tuple[Entry, ...]) -> tuple[Entry, ...]:
    # "EU", "SA", "WA", "BC": an abbreviation names a country, division or region by one of
    # its declared short forms; GeoNames' alternate names of towns are full of codes.
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 4 or not any(c.isupper() for c in letters[1:]):
        return found
    # Spelled as the town's own name, letter for letter: the lookup keys forgive spelling
    # variants ("Etah" is "Eta" to them), which an abbreviation ("ETA") does not have.
    written = " ".join(names.words(text))
    return tuple(e for e in found if e.kind != "town" or " ".join(names.words(e.name)) == written)


def _lookup(doc: Doc, mention: Mention, *, gazetteer: Gazetteer) -> _Found:
    cue = cue_of(doc, mention)
    part = part_of_whole(doc, mention)
    if mention.hint is not None:
        return _Found((mention.hint,), cue, False, part)
    if mention.source == "local":
        return _Found((), cue, False, part)  # streets are below the gazetteer: see local.py
    candidates, loose = _candidates(mention.text, gazetteer=gazetteer)
    if not candidates:
        # "Orange County", "Oaxaca State", "eastern Ukraine": the name inside a descriptor.
        bare = names.strip_descriptor(mention.text)
        if bare is not None:
            candidates, loose = _candidates(bare.name, gazetteer=gazetteer)
            cue = bare.kind or cue
            part = part or bare.part
    if part and _city_centre(doc, mention, candidates):
        part = False
    return _Found(candidates, cue, loose, part)


# A city at least this large, named after "central", is its centre ("central Kharkiv",
# "central Beirut"), not the middle of the province that shares its name.
_CENTRE_CITY_POPULATION = 500_000


def _city_centre(doc: Doc, mention: Mention, candidates: tuple[Entry, ...]) -> bool:
    if mention.tok_start < 1 or doc[mention.tok_start - 1].lower_ != "central":
        return False
    return any(e.kind == "town" and e.population >= _CENTRE_CITY_POPULATION for e in candidates)


def _resolve(mention: Mention, found: _Found, *, context: Context) -> Entry | None:
    if mention.hint is not None:
        return mention.hint
    if not found.candidates:
        return None
    entry = choose(found.candidates, mention=mention, cue=found.cue, context=context,
                   loose=found.loose, part=found.part)
    # a proper noun outside any entity ("Lac" of "the Lac Vert site") that would be a
    # division or region of a country the report never names is a word of another name
    if entry is not None and mention.source == "proper_noun" and entry.kind in ("admin1", "region") \
            and entry.country and context.countries and entry.country not in context.countries:
        return None
    return entry


def _role(doc: Doc, mention: Mention) -> Role:
    span = doc[mention.tok_start:mention.tok_end]
    if _is_label(doc, mention):
        return "literal"  # "Poltava: a missile struck…", "Kryvyi Rih. The mayor says…"
    role = role_of(span, demonym=mention.source == "demonym" or (
        mention.source == "embedded" and mention.hint is not None))
    # "the Oxford Street bus station", "Oxford Street, Belfast": a street before a noun
    # says where that thing is, not whose it is ("Downing Street said" stays a metonym)
    return "literal" if mention.source == "local" and role == "modifier" else role


def _is_label(doc: Doc, mention: Mention) -> bool:
    """The name opens a line and a colon or a full stop closes it: the line's label, which
    says where what follows happened (the tagger may read it as the clause's subject)."""
    start, end = mention.tok_start, mention.tok_end
    return opens_line(doc, start) and end < len(doc) and doc[end].text in (":", ".") and doc[end].whitespace_ != ""


def _place(mention: Mention, entry: Entry | None, *, role: Role, context: Context) -> Place:
    if entry is None or entry.lat is None or entry.lon is None:
        return Place(text=mention.text, name=entry.name if entry else mention.text,
                     admin1=entry.admin1 if entry else None,
                     country=entry.country if entry else context.sentence_country(mention),
                     lat=None, lon=None, precision=_PRECISION[entry.kind] if entry else None,
                     gazetteer_id=entry.id if entry else None, role=role,
                     span=Span(start=mention.start, end=mention.end))
    return Place(text=mention.text, name=entry.name, admin1=entry.admin1, country=entry.country,
                 lat=round(entry.lat, 5), lon=round(entry.lon, 5), precision=_PRECISION[entry.kind],
                 gazetteer_id=entry.id, role=role, span=Span(start=mention.start, end=mention.end))
