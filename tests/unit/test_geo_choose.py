"""Choosing among the places a name may mean (warlog.geo.choose), on hand-made candidates.

No gazetteer and no parser: each test builds the few places a name could mean and the
context a report would give, so the rule under test is the only thing that decides.
"""

from __future__ import annotations

from collections import Counter

from warlog.geo.choose import Context, choose, is_exact, prior
from warlog.geo.mentions import Mention
from warlog.geo.resolver import _abbreviation_filter
from warlog.geo.tables import Entry, Kind


def place(name: str, kind: Kind, country: str, lat: float, lon: float, *, population: int = 0,
          admin1_code: str | None = None, detail: str = "") -> Entry:
    return Entry(f"test:{name}:{country}:{kind}", name, kind, country, None, admin1_code, lat, lon,
                 population, detail)


def mention(text: str, start: int = 100) -> Mention:
    return Mention(start, start + len(text), text, "entity", 10, 11, None)


NO_CONTEXT = Context(countries=Counter())

MEXICO = place("Mexico", "country", "MX", 23.0, -102.0, population=126_000_000)
MEXICO_CITY = place("Mexico City", "town", "MX", 19.43, -99.13, population=12_000_000, detail="capital")
MEXICO_MO = place("Mexico", "town", "US", 39.17, -91.88, population=11_000)
FLORIDA_STATE = place("Florida", "admin1", "US", 28.75, -82.5, admin1_code="US.FL")
LA_FLORIDA = place("La Florida", "town", "MX", 23.8, -103.07, population=1_101)


def test_a_country_name_means_the_country() -> None:
    chosen = choose((MEXICO_CITY, MEXICO_MO, MEXICO), mention=mention("Mexico"), cue=None,
                    context=NO_CONTEXT)
    assert chosen == MEXICO


def test_a_country_name_is_the_country_even_where_the_report_is_about_another_country() -> None:
    # a US report, with US places all around: "the border with Mexico" is still Mexico
    context = Context(countries=Counter({"US": 3}), country_spans=((0, "US"),), ground_spans=((0, "US"),),
                      profile=((0, "US"), (20, "US"), (40, "US")))
    chosen = choose((MEXICO_MO, MEXICO), mention=mention("Mexico"), cue=None, context=context)
    assert chosen == MEXICO


def test_a_division_outweighs_a_small_town_known_by_an_alternate_name() -> None:
    chosen = choose((LA_FLORIDA, FLORIDA_STATE), mention=mention("Florida"), cue=None, context=NO_CONTEXT)
    assert chosen == FLORIDA_STATE


def test_the_report_s_country_picks_between_same_named_towns() -> None:
    tripoli_ly = place("Tripoli", "town", "LY", 32.89, 13.19, population=1_150_000, detail="capital")
    tripoli_lb = place("Tripoli", "town", "LB", 34.44, 35.85, population=229_000)
    lebanon = Context(countries=Counter({"LB": 1}), country_spans=((120, "LB"),),
                      ground_spans=((120, "LB"),))
    assert choose((tripoli_ly, tripoli_lb), mention=mention("Tripoli"), cue=None,
                  context=lebanon) == tripoli_lb
    assert choose((tripoli_ly, tripoli_lb), mention=mention("Tripoli"), cue=None,
                  context=NO_CONTEXT) == tripoli_ly


def test_a_division_named_after_its_seat_means_the_town_unless_the_words_say_division() -> None:
    oblast = place("Kherson", "admin1", "UA", 46.5, 34.0, admin1_code="UA.08")
    city = place("Kherson", "town", "UA", 46.64, 32.61, population=300_000, admin1_code="UA.08")
    assert choose((oblast, city), mention=mention("Kherson"), cue=None, context=NO_CONTEXT) == city
    assert choose((oblast, city), mention=mention("Kherson"), cue="admin1", context=NO_CONTEXT) == oblast


def test_a_qualifier_after_a_comma_places_the_town_in_it() -> None:
    # "Tacoma, Washington": the state, because Tacoma (before the comma) lies in it
    state = place("Washington", "admin1", "US", 47.5, -120.5, admin1_code="US.WA")
    capital = place("Washington", "town", "US", 38.9, -77.04, population=690_000, detail="capital",
                    admin1_code="US.DC")
    tacoma = place("Tacoma", "town", "US", 47.25, -122.44, population=200_000, admin1_code="US.WA")
    context = Context(countries=Counter(), qualified={100: (tacoma,)})
    assert choose((state, capital), mention=mention("Washington"), cue=None, context=context) == state
    assert choose((state, capital), mention=mention("Washington"), cue=None, context=NO_CONTEXT) == capital


def test_a_small_shared_town_without_support_is_not_guessed() -> None:
    a = place("Souaneh", "town", "SY", 35.0, 36.0, population=1_200)
    b = place("Souaneh", "town", "EG", 30.0, 31.0, population=1_500)
    assert choose((a, b), mention=mention("Souaneh"), cue=None, context=NO_CONTEXT) is None


def test_a_town_off_the_report_s_map_is_not_guessed_under_an_alternate_name() -> None:
    # a report about Syria: an alternate name of a US city is no answer for a Syrian village
    louisville = place("Louisville", "town", "US", 38.25, -85.76, population=600_000)
    syria = Context(countries=Counter({"SY": 2}), country_spans=((0, "SY"), (50, "SY")),
                    ground_spans=((0, "SY"), (50, "SY")), profile=((0, "SY"), (50, "SY")))
    assert choose((louisville,), mention=mention("al-Izba"), cue=None, context=syria) is None


def test_a_loose_match_needs_the_report_s_support() -> None:
    gyor = place("Győr", "town", "HU", 47.68, 17.63, population=130_000)
    assert choose((gyor,), mention=mention("Deir"), cue=None, context=NO_CONTEXT, loose=True) is None
    hungary = Context(countries=Counter({"HU": 1}), country_spans=((0, "HU"),), ground_spans=((0, "HU"),))
    assert choose((gyor,), mention=mention("Gyr"), cue=None, context=hungary, loose=True) == gyor


def test_priors_order_kinds_and_sizes() -> None:
    big = place("A", "town", "XX", 0, 0, population=5_000_000)
    small = place("B", "town", "XX", 0, 0, population=2_000)
    assert prior(MEXICO, exact=True) > prior(FLORIDA_STATE, exact=True) > prior(small, exact=True)
    assert prior(big, exact=True) > prior(big, exact=False) > prior(small, exact=True)


def test_a_city_suffix_is_still_the_town_s_own_name() -> None:
    assert is_exact(MEXICO_CITY, "mexico")
    assert not is_exact(LA_FLORIDA, "florida")


def test_abbreviations_match_declared_short_forms_not_town_alternates() -> None:
    salvador = place("Salvador", "town", "BR", -12.97, -38.5, population=2_700_000)  # "SA" is an alternate
    south_africa = place("South Africa", "country", "ZA", -29.0, 24.0)
    assert _abbreviation_filter("SA", (salvador, south_africa)) == (south_africa,)
    assert _abbreviation_filter("Salvador", (salvador,)) == (salvador,)


def test_an_abbreviation_is_no_town_whose_name_only_sounds_alike() -> None:
    # "ETA" (the Basque group) and "Etah" share a lookup key (a final -h is a spelling choice)
    etah = place("Etah", "town", "IN", 27.56, 78.66, population=118_000)
    assert _abbreviation_filter("ETA", (etah,)) == ()
    assert _abbreviation_filter("Etah", (etah,)) == (etah,)


def test_an_abbreviation_that_is_also_a_town_s_own_name_goes_to_the_region() -> None:
    eu_town = place("Eu", "town", "FR", 50.05, 1.42, population=7_000)
    union = place("European Union", "region", "", 48.7, 9.1)
    kept = _abbreviation_filter("EU", (eu_town, union))
    assert choose(kept, mention=mention("EU"), cue=None, context=NO_CONTEXT) == union


def test_a_name_of_a_few_letters_needs_the_town_s_own_name() -> None:
    # "Pa" of "A Nang Pa": an alternate name of Chongqing, in a report naming China
    chongqing = place("Chongqing", "town", "CN", 29.56, 106.55, population=7_457_600)
    china = Context(countries=Counter({"CN": 1}), country_spans=((120, "CN"),),
                    ground_spans=((120, "CN"),))
    for short in ("Pa", "Yu", "Ba"):
        assert choose((chongqing,), mention=mention(short), cue=None, context=china) is None
    owo = place("Owo", "town", "NG", 7.2, 5.59, population=222_000)
    nigeria = Context(countries=Counter({"NG": 1}), country_spans=((120, "NG"),),
                      ground_spans=((120, "NG"),))
    assert choose((owo,), mention=mention("Owo"), cue=None, context=nigeria) == owo
