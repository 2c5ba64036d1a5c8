"""What an attack hit inside the town it struck, and tolls that give the dead and the
wounded side by side; each rule tried on three phrasings written for this file."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-05-20"


def _target_text(report) -> str:  # type: ignore[no-untyped-def]
    assert len(report.events) == 1, report.events
    target = report.events[0].target
    assert target is not None
    return target.name.lower()


@pytest.mark.parametrize(("text", "hit", "not_in"), [
    (("Two missiles struck central Kharkiv on Sunday, one hitting a road and the other "
     "a three-storey residential building."), "residential building", "kharkiv"),
    (("Three drones attacked Odesa overnight, one striking a grain silo and another a fuel "
     "depot, the governor said."), "grain silo", "another"),
    ("Two rockets hit the town on Sunday, one landing on a market and another on a school.",
     "market", "town"),
])
def test_what_one_of_the_weapons_hit_is_the_target(read_text, text, hit, not_in) -> None:  # type: ignore[no-untyped-def]
    name = _target_text(read_text(text, PUBLISHED))
    assert hit in name and not_in not in name


@pytest.mark.parametrize(("text", "hit"), [
    (("The strike on Damascus on Monday, which destroyed the consular annex next to Iran's "
     "embassy, killed seven Guards members."), "consular annex"),
    ("An air raid on Khan Younis that destroyed a school killed 12 people on Sunday.", "school"),
    (("A drone attack on Sumy, which hit a five-storey apartment block, wounded nine people "
     "on Monday."), "apartment block"),
])
def test_a_clause_on_the_attack_or_its_town_names_what_was_hit(read_text, text, hit) -> None:  # type: ignore[no-untyped-def]
    assert hit in _target_text(read_text(text, PUBLISHED))


@pytest.mark.parametrize(("text", "hit"), [
    ("Russian missiles struck Odesa on Monday, damaging the port.", "port"),
    ("Drones attacked Kharkiv overnight, hitting a power substation and two homes.",
     "power substation"),
    ("Rebels shelled the town of Kalehe on Friday, destroying a health centre.", "health centre"),
])
def test_what_a_strike_on_a_town_damaged_is_its_target(read_text, text, hit) -> None:  # type: ignore[no-untyped-def]
    assert hit in _target_text(read_text(text, PUBLISHED))


@pytest.mark.parametrize(("text", "hit"), [
    (("A Russian missile fell on Bilenke, in Ukraine's Donetsk region, on Monday, damaging "
     "private houses, the governor said."), "private houses"),
    (("A rocket fired from Gaza landed in Sderot in southern Israel on Monday, destroying a car, "
     "police said."), "car"),
    (("A Russian drone fell on Kupiansk in eastern Ukraine overnight, destroying a school, "
     "officials said."), "school"),
])
def test_what_a_falling_munition_damaged_is_its_target(read_text, text, hit) -> None:  # type: ignore[no-untyped-def]
    # the munition is the mention, its fall the verb: what the fall damaged was hit
    assert hit in _target_text(read_text(text, PUBLISHED))


@pytest.mark.parametrize(("text", "hit"), [
    (("A missile destroyed a private house in Dnipro, Ukraine, on Monday, killing a woman and "
      "her daughter."), "private house"),
    ("A Russian drone damaged a power line in Sumy, Ukraine, on Monday.", "power line"),
    ("Israeli bombs destroyed a mosque in Deir al-Balah, Gaza, on Monday.", "mosque"),
])
def test_what_a_munition_destroyed_is_its_target(read_text, text, hit) -> None:  # type: ignore[no-untyped-def]
    # a munition that destroyed or damaged something attacked it (not the people it killed
    # there, who are its casualties)
    assert hit in _target_text(read_text(text, PUBLISHED))


@pytest.mark.parametrize("text", [
    "A fire destroyed a private house in Dnipro, Ukraine, on Monday.",
    "The storm damaged a power line in Sumy, Ukraine, on Monday.",
    "A rocket engine failure destroyed the satellite over Florida on Monday.",
])
def test_what_no_munition_destroyed_is_no_attack(read_text, text) -> None:  # type: ignore[no-untyped-def]
    assert not read_text(text, PUBLISHED).events


@pytest.mark.parametrize("text", [
    "Iran launched 300 drones at Israel on Saturday, damaging an air base.",
    "Militants attacked a police station in Bannu on Sunday, damaging its walls.",
])
def test_a_state_or_a_site_named_as_the_target_stays(read_text, text) -> None:  # type: ignore[no-untyped-def]
    name = _target_text(read_text(text, PUBLISHED))
    assert name in ("israel", "police station")


@pytest.mark.parametrize(("text", "killed", "injured"), [
    (("A missile hit a market in Kostiantynivka on Sunday. The final toll was seven dead and "
     "28 wounded."), 7, 28),
    (("Gunmen attacked a village in Plateau state on Monday; the final count was nine dead and "
     "30 injured."), 9, 30),
    (("A bomb exploded at a bus stop in Mogadishu on Friday. The toll stood at four dead and "
     "12 wounded."), 4, 12),
])
def test_the_dead_and_the_wounded_side_by_side_are_not_added(read_text, text, killed, injured) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text, PUBLISHED)
    assert len(report.events) == 1
    event = report.events[0]
    assert [c.best for c in event.killed] == [killed]
    assert [c.best for c in event.injured] == [injured]


@pytest.mark.parametrize(("text", "low", "high"), [
    (("A suicide bomber struck a rally in Bajaur on Sunday. The toll was 54 dead and nearly "
     "200 hurt."), 160, 199),
    ("A car bomb exploded in Mogadishu on Friday; the toll was 12 dead and about 40 hurt.", 30, 50),
    ("Shelling hit a market in Donetsk on Sunday. The toll was six dead and some 20 hurt.", 15, 25),
])
def test_hurt_standing_as_its_noun_counts_the_wounded(read_text, text, low, high) -> None:  # type: ignore[no-untyped-def]
    event = read_text(text, PUBLISHED).events[0]
    assert event.injured and low <= (event.injured[0].low or 0) and (event.injured[0].high or 0) <= high


@pytest.mark.parametrize("text", [
    "A missile struck a bulk carrier in the Red Sea on Tuesday, killing two crew members.",
    "A drone hit a merchant vessel off Hodeidah on Monday; three sailors were wounded.",
    ("An explosion tore through the gymnasium of a college campus in Cotabato on Sunday, "
     "killing five."),
])
def test_a_merchant_ship_or_a_campus_is_civilian(read_text, text) -> None:  # type: ignore[no-untyped-def]
    event = read_text(text, PUBLISHED).events[0]
    assert event.target is not None and event.target.kind == "civilians"
    assert [c.group for c in (*event.killed, *event.injured)] == ["civilians"]


def test_a_navy_ship_is_no_civilian(read_text) -> None:  # type: ignore[no-untyped-def]
    text = "A missile struck a navy destroyer in the Red Sea on Tuesday, killing two sailors."
    event = read_text(text, PUBLISHED).events[0]
    assert event.target is not None and event.target.kind == "state_forces"


@pytest.mark.parametrize(("text", "hit"), [
    (("The number of people killed by a Russian missile strike on a crowded market in "
     "Kostiantynivka on Wednesday has risen to 17."), "market"),
    (("The number of civilians killed by Israeli strikes on a refugee camp in Rafah on Sunday "
     "rose to 45."), "refugee camp"),
    (("Officials said the number of people killed by Russian strikes on an apartment block in "
     "Dnipro on Saturday had risen to 40."), "apartment block"),
])
def test_the_aim_of_the_attack_people_were_killed_by_is_its_target(read_text, text, hit) -> None:  # type: ignore[no-untyped-def]
    assert hit in _target_text(read_text(text, PUBLISHED))


@pytest.mark.parametrize(("text", "injured"), [
    (("A missile hit a market in Kostiantynivka on Wednesday, killing 17 people. Another 32 "
     "people were injured."), 32),
    ("Shelling killed four people in Kherson on Monday; another nine were wounded.", 9),
    ("Gunmen killed six villagers in Zamfara on Tuesday; another 20 were injured.", 20),
])
def test_another_n_counts_n(read_text, text, injured) -> None:  # type: ignore[no-untyped-def]
    event = read_text(text, PUBLISHED).events[0]
    assert [c.best for c in event.injured] == [injured]


@pytest.mark.parametrize(("text", "field", "value"), [
    ("A bomb dropped from a drone killed two soldiers near the front on Monday.", "killed", 2),
    ("A grenade dropped from a drone wounded three soldiers in a trench on Monday.", "injured", 3),
    ("A grenade landed near a checkpoint in the old city on Friday, wounding two policemen.",
     "injured", 2),
])
def test_a_munition_dropped_or_landing_is_an_attack(read_text, text: str, field: str,  # type: ignore[no-untyped-def]
                                                    value: int) -> None:
    (event,) = read_text(text).events
    assert [c.best for c in getattr(event, field)] == [value]


@pytest.mark.parametrize("text", [
    "Oil prices dropped sharply on Monday, traders said.",
    "The grenade launcher's price dropped by a third last year.",
    "The temperature dropped below zero overnight in the valley.",
    "A drone dropped leaflets over the town on Monday.",
])
def test_other_things_that_drop_are_no_attack(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text).events == ()


@pytest.mark.parametrize("text", [
    "Bombs fell on the old quarter of Khartoum on Sunday, residents said.",
    "A bomb dropped on a market in the town on Friday, killing six.",
    "Bombs were dropped on a village near El Fasher on Monday, killing nine.",
])
def test_a_bomb_that_falls_is_dropped_from_the_air(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert (event.sub_type, event.weapon) == ("air_drone_strike", "aircraft")


@pytest.mark.parametrize("text", [
    "A bomb exploded at a market in Kabul on Friday, killing four.",
    "A roadside bomb hit a patrol near Kandahar on Friday.",
    "A bomb planted under a car went off in the city centre on Friday.",
])
def test_a_bomb_that_goes_off_where_it_was_left_is_an_explosive(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert event.weapon == "ied"


@pytest.mark.parametrize("text", [
    "Leaflets were dropped on the town on Monday.",
    "Charges were dropped against the suspect on Monday.",
    "The bomb threat was dropped from the agenda on Monday.",
])
def test_other_things_dropped_are_no_attack(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert read_text(text).events == ()
