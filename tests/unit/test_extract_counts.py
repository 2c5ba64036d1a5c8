"""Casualty figures read from sentences written for these tests (published 2024-03-06)."""

from __future__ import annotations

import pytest


def _counts(report, field: str) -> list[tuple[str, int | None, int | None, int | None]]:  # type: ignore[no-untyped-def]
    assert len(report.events) == 1, report.events
    return [(c.group, c.low, c.best, c.high) for c in getattr(report.events[0], field)]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Russian missiles struck the city of Sumy on Tuesday, killing 18 people and injuring 78.",
         [("civilians", 18, 18, 18)], [("civilians", 78, 78, 78)]),
        (("Three soldiers were killed and 25 others wounded when a drone struck an army post "
         "near Kirkuk on Sunday."), [("target_side", 3, 3, 3)], [("target_side", 25, 25, 25)]),
        (("An air strike on a house in the village of Kfar Kila on Monday killed a woman and her "
         "two sons."), [("civilians", 3, 3, 3)], []),
        (("Several soldiers were wounded when militants fired mortars at a checkpoint in Mosul "
         "on Monday."), [], [("target_side", 3, None, 9)]),
        ("An Israeli air strike killed at least 12 civilians in the town of Rafah on Monday.",
         [("civilians", 12, None, None)], []),
    ],
)
def test_figures_and_groups(read_text, text: str, killed, injured) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    assert _counts(report, "killed") == killed
    assert _counts(report, "injured") == injured


@pytest.mark.parametrize(
    "text",
    [
        ("Shrapnel from a rocket that struck a village near Kiryat Shmona on Friday wounded a "
        "ten-year-old boy, paramedics said."),
        ("A drone hit a farmhouse outside Kherson on Thursday, injuring two teenagers and their "
        "grandmother, the regional governor said."),
        ("Two schoolgirls were hurt when a mortar round landed near a checkpoint in Quetta on "
        "Sunday, police said."),
    ],
)
def test_children_and_the_old_are_civilians(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    injured = _counts(read_text(text), "injured")
    assert injured and all(c[0] == "civilians" for c in injured), injured


def test_death_toll_raised_and_subset_not_double_counted(read_text) -> None:  # type: ignore[no-untyped-def]
    report = read_text(
        "A drone strike hit an apartment block in Odesa on Saturday. Rescuers pulled more "
        "bodies from the ruins on Monday, raising the death toll to 10, among them three "
        "children."
    )
    killed = _counts(report, "killed")
    assert [k[2] for k in killed] == [10]


def test_reported_zero_is_an_exact_zero(read_text) -> None:  # type: ignore[no-untyped-def]
    report = read_text(
        "Two rockets landed near the Ain al-Asad air base on Monday, causing no injuries, "
        "a coalition official said."
    )
    assert _counts(report, "injured") == [("unknown", 0, 0, 0)] or \
        [c[1:] for c in _counts(report, "injured")] == [(0, 0, 0)]


def test_no_figure_gives_an_empty_list(read_text) -> None:  # type: ignore[no-untyped-def]
    report = read_text("Militants attacked a police station in Baqubah on Monday, officials said.")
    assert _counts(report, "killed") == [] and _counts(report, "injured") == []


@pytest.mark.parametrize(
    ("update", "field", "value"),
    [
        ("On Tuesday, officials said the number of wounded had risen to 34.", "injured", 34),
        ("The death toll later climbed to 5, the ministry said.", "killed", 5),
        ("By evening the injury toll reached 40.", "injured", 40),
    ],
)
def test_a_later_running_total_updates_the_event(read_text, update: str, field: str, value: int) -> None:  # type: ignore[no-untyped-def]
    report = read_text("A drone struck an army outpost near Rutba on Monday, killing three soldiers "
                       f"and wounding 25, the ministry said. {update}")
    counts = _counts(report, field)
    assert max(c[1] or 0 for c in counts) == value


def test_a_number_of_attacks_is_no_casualty_total(read_text) -> None:  # type: ignore[no-untyped-def]
    report = read_text("A drone struck an army outpost near Rutba on Monday, wounding 25 soldiers. "
                       "The number of attacks on the outpost has risen to 12 this year.")
    assert _counts(report, "killed") == []


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "lost their lives", and "a total of" counting the people
        (("A total of nine soldiers lost their lives on Monday when militants attacked a post "
         "near Kidal."), [9], []),
        ("Four guards lost their lives when gunmen stormed a mine in Kamituga on Monday.", [4], []),
        # a state the victims are in or came to: "are dead", "resulted wounded"
        (("Gunmen attacked a bus near Reasi on Monday. Three people are dead and five are "
         "wounded."), [3], [5]),
        ("Gunmen ambushed a patrol near Uruapan on Monday. Two more officers resulted wounded.",
         [], [2]),
        # one person, told with "a"
        ("Militants fired on a checkpoint in Doda on Monday and a policeman was wounded.", [], [1]),
        # zeros: "nobody was hurt", "no casualties" (no one killed, no one hurt)
        ("A rocket hit an empty field near Sderot on Monday; nobody was hurt.", [], [0]),
        ("A drone struck a warehouse in Odesa on Monday, causing no casualties.", [0], [0]),
        # a bare figure stands for its people: "dozens more", "several", "scores more"
        (("An air strike hit a village in Sagaing on Tuesday, killing 50 people. Dozens more "
         "were wounded."), [50], [24]),
        (("A car bomb went off outside a hotel in Mogadishu on Friday. Several were killed and "
         "scores more were hurt."), [3], [40]),
        # "resulted wounded" parsed as a complement clause
        (("Two officers were killed when gunmen ambushed a convoy near Acapulco on Monday. Two "
         "more uniformed officers resulted wounded and were transferred to a hospital."), [2], [2]),
        # the dead counted as martyrs: a verb, a noun with its figure, a toll, "embraced"
        ("Militants raided a checkpost in Bannu on Monday; seven soldiers were martyred.", [7], []),
        (("A suicide bomber struck a mosque in Quetta on Friday. The number of martyrs has risen "
          "to 52, police said."), [52], []),
        (("Two policemen embraced martyrdom when gunmen opened fire on a polio team in Kohat on "
          "Tuesday."), [2], []),
    ],
)
def test_more_ways_to_tell_a_toll(read_text, text: str, killed, injured) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    assert [c.low for c in report.events[0].killed] == killed
    assert [c.low for c in report.events[0].injured] == injured


def test_vague_figure_holding_wounded_people(read_text) -> None:  # type: ignore[no-untyped-def]
    report = read_text("Gunmen attacked a market in Bunia on Monday. Witnesses said dozens of "
                       "wounded people were taken to hospital.")
    assert [(c.low, c.best) for c in report.events[0].injured] == [(24, None)]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # no clause names whom the attack was aimed at: those it killed, else those it hurt
        (("Thirteen members of the municipal police lost their lives on Monday in an ambush by "
          "gunmen near Coyuca de Benitez."), "members of the municipal police"),
        ("A suicide bomber blew himself up in Peshawar on Monday, killing 84 worshippers.",
         "worshippers"),
        ("A blast tore through central Mogadishu on Friday, wounding nine shopkeepers.",
         "shopkeepers"),
    ],
)
def test_the_victims_stand_for_an_unnamed_target(read_text, text: str, target: str) -> None:  # type: ignore[no-untyped-def]
    event = read_text(text).events[0]
    assert event.target is not None and event.target.name.endswith(target), event.target


@pytest.mark.parametrize(
    "text",
    [
        # a bare count or the attackers' own dead names no target
        "A car bomb exploded in Kirkuk on Sunday, killing nine people.",
        "A roadside bomb went off in Jalalabad on Monday, wounding several people.",
        "An attack on Monday near Gao left four of the assailants dead.",
        # the dead of a later sentence are tied to the attack by nothing it says
        "A bomb went off in Mogadishu on Friday. Nine shopkeepers were wounded.",
    ],
)
def test_counts_and_attackers_are_no_target(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    event = read_text(text).events[0]
    assert event.target is None, event.target


@pytest.mark.parametrize(
    "text",
    [
        # a figure whose own phrase spans a country sums several attacks
        ("Drone strike hits Odesa port, dozens killed across Ukraine. The strike on the port on "
         "Monday killed three dockers."),
        ("Missiles hit Kharkiv overnight, scores wounded nationwide. The strike on a Kharkiv "
         "printing house on Thursday killed three workers."),
        ("Shelling hits Donetsk market, hundreds hurt across the region. The shelling of the "
         "market on Sunday killed three traders."),
    ],
)
def test_a_figure_told_across_a_country_is_no_events(read_text, text: str) -> None:  # type: ignore[no-untyped-def]
    report = read_text(text)
    figures = [c.low for e in report.events for c in e.killed + e.injured]
    assert figures == [3], report.events
    assert [c.value for c in report.claims] in ([24], [40], [200]), report.claims


@pytest.mark.parametrize(("text", "killed"), [
    # a killing by the verb's own hand, told "to death", is an attack and its dead
    ("Suspected rebels hacked 14 villagers to death in Beni territory overnight.", 14),
    ("Militants beat two guards to death at a checkpoint near Bunia on Monday.", 2),
    ("Bandits hacked a farmer to death in Zamfara on Friday.", 1),
])
def test_put_to_death_is_a_killing(read_text, text: str, killed: int) -> None:  # type: ignore[no-untyped-def]
    (event,) = read_text(text).events
    assert [c.low for c in event.killed] == [killed], event


def test_bored_to_death_is_no_attack(read_text) -> None:  # type: ignore[no-untyped-def]
    assert read_text("The film bored the critics to death, the reviewer said.").events == ()


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("Shelling hit the town of Kiwanja on Friday, leaving 70 dead and 19 wounded.", 70, 19),
    (("A drone struck a market in Goma on Friday. Officials put the toll at 12 dead and 30 "
     "injured."), 12, 30),
    ("Rockets hit Kharkiv on Monday, leaving 4 dead.", 4, None),
])
def test_a_figure_on_dead_or_wounded_standing_as_a_noun_counts(read_text, text: str,
                                                              killed: int,
                                                              injured: int | None) -> None:
    event = read_text(text).events[0]
    assert [k.best for k in event.killed] == [killed]
    assert [k.best for k in event.injured] == ([injured] if injured else [])
