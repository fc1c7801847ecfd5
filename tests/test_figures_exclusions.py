"""Each rule that keeps a look-alike out (a time of day, a number to call, an address, a
version) next to the ordinary counts of the same shape that it must leave alone."""

from __future__ import annotations

import pytest

from assistant.normalize.numbers import match_quantities


def _values(text: str) -> list[float]:
    return [q.quantity.value for q in match_quantities(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The ferry docked at 7 that evening.",
        "He left at seven that evening.",
        "They turned up about 8 or 9 the next morning.",
        "She got home around 11 at night.",
        "The bar stayed open until 10 in the evening.",
        "The hearing ran from 9 to 11 that night.",
        "The vote closed at 6.30 that evening.",
    ],
)
def test_an_hour_after_a_time_word_is_a_time_of_day(text: str) -> None:
    assert match_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The flood killed 40 on Monday night.", [40]),
        ("The flood killed 9 on Monday night.", [9]),
        ("Crews evacuated 2,000 in the evening.", [2000]),
        ("Medics treated 6 that morning.", [6]),
        ("The tally rose to 11 that evening.", [11]),
        ("By 8 that night, 30 calls had come in.", [30]),
    ],
)
def test_a_count_before_a_part_of_the_day_stays(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    "text",
    [
        "Her son called 911 at once.",
        "Dial 112 from any phone.",
        "He dialled 999 and waited.",
        "She phoned 911 from the car.",
        "Ring 999 if you smell gas.",
        "Calls to 911 doubled overnight.",
        "after a 999 call from a neighbour",
        "a 911 dispatcher said",
        "the 112 operator answered",
    ],
)
def test_an_emergency_number_said_as_one_is_no_figure(text: str) -> None:
    assert match_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The death toll rose to 112.", [112]),
        ("At least 112 died.", [112]),
        ("The tally reached 911 by Friday.", [911]),
        ("Some 999 homes lost power.", [999]),
        ("The defence called 112 witnesses.", [112]),
        ("The hotline logged 911 messages.", [911]),
        ("The fine was $999.", [999]),
    ],
)
def test_an_emergency_number_that_counts_stays(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    "text",
    [
        "the office at 12 Elm Street",
        "A fire gutted 40 N. Oak Ave. on Monday.",
        "The bank moved to 300 Cedar Avenue in 2010.",
        "in the 400 block of Main",
        "near the 12000 block of Birch Road",
        "The shop at 7 Mill Lane, which closed, reopened.",
    ],
)
def test_a_house_number_is_no_figure(text: str) -> None:
    assert match_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("All 9 Harbour Board members agreed.", 9, "member"),
        ("The 9 Harbour Board members agreed.", 9, "member"),
        ("About 5,000 Liberty Square marchers sang.", 5000, "marcher"),
        ("Some 300 Bay Street brokers left.", 300, "broker"),
        ("More than 300 Bay Street brokers left.", 300, "broker"),
        ("Nearly 40 Queen Street shops closed.", 40, "shop"),
        ("Only 12 Elm Street residents voted.", 12, "resident"),
    ],
)
def test_a_count_before_a_street_or_place_name_stays(text: str, value: float, unit: str) -> None:
    assert [(q.quantity.value, q.quantity.unit) for q in match_quantities(text)] == [(value, unit)]


@pytest.mark.parametrize(
    "text",
    [
        "The dock has Qlink 3.0 and 2.0 ports.",
        "It accepts version 2.0 or 3.0 files.",
        "The plugs take both 3.0 and 2.0, the maker said.",
        "It has Bluetooth 5.0 or 4.0 radios.",
    ],
)
def test_listed_versions_are_no_figures(text: str) -> None:
    assert match_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The quake measured 6.0 or 7.0", [6]),
        ("Forecasters expect a 6.0 or 7.0 magnitude quake.", [6]),
        ("The plugs take both 3.0 and 2.0 percent more load.", [3, 2]),
        ("The chips run at 2.0 or 3.0 GHz.", [2]),
        ("Judges gave 9.0 and 8.0.", [9, 8]),
        ("The firmware shipped. Judges gave 9.0 and 8.0.", [9, 8]),
    ],
)
def test_listed_whole_decimals_without_a_version_word_are_figures(
    text: str, values: list[float]
) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Her plan was paying off in round two.", []),  # which round, not how many
        ("They levelled the series in game seven.", []),
        ("He led after hole 4 of the final round.", []),
        ("The bout lasted three rounds.", [3]),  # a count of rounds stays
        ("Two games later the streak was over.", [2]),
    ],
)
def test_a_number_after_round_or_game_names_which_one(text: str, values: list[float]) -> None:
    assert _values(text) == values
