"""Compound modifiers are figures: "a 12-year lease" states 12 years, "a 40-member choir"
40 members; the noun they qualify is kept as the head."""

from __future__ import annotations

import pytest

from assistant.model import Bound
from assistant.normalize.numbers import match_quantities


@pytest.mark.parametrize(
    ("text", "value", "unit", "written", "head"),
    [
        ("They signed a 12-year lease.", 12, "years", "12-year", "lease"),
        ("He got a 20-year sentence.", 20, "years", "20-year", "sentence"),
        ("the two-day hearing ended", 2, "days", "two-day", "hearing"),
        ("a fifteen-year employee", 15, "years", "fifteen-year", "employee"),
        ("a two-decade career", 20, "years", "two-decade", "career"),
        ("a 40-member choir sang", 40, "member", "40-member", "choir"),
        ("the 6-acre farm was sold", 6, "acre", "6-acre", "farm"),
        ("a three-story house", 3, "story", "three-story", "house"),
        ("a three-time Silver Cup champion", 3, "time", "three-time", "Silver Cup champion"),
        ("a 5-man crew", 5, "man", "5-man", "crew"),
        ("a 3-1/2-month term", 3.5, "months", "3-1/2-month", "term"),
    ],
)
def test_a_modifier_states_its_value_and_unit(
    text: str, value: float, unit: str, written: str, head: str
) -> None:
    (q,) = match_quantities(text)
    assert (q.quantity.value, q.quantity.unit, q.quantity.bound) == (value, unit, Bound.exact)
    assert (q.quantity.text, q.role, q.head) == (written, "modifier", head)


def test_a_modifier_and_an_amount_before_one_noun_are_two_figures() -> None:
    found = match_quantities("Rivals made a seven-year, $90 million offer.")
    assert [(q.quantity.value, q.quantity.unit, q.role) for q in found] == [
        (7, "years", "modifier"),
        (90_000_000, "USD", None),
    ]
    assert found[0].head == "offer"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a $3-million fund", 3_000_000),
        ("the 12 million-member union", 12_000_000),
    ],
)
def test_a_scale_word_may_be_hyphened(text: str, value: float) -> None:
    (q,) = match_quantities(text)
    assert q.quantity.value == value


def test_multimillion_dollar_is_vague_money() -> None:
    (q,) = match_quantities("They won multimillion-dollar deals.")
    assert (q.quantity.value, q.quantity.bound, q.quantity.unit, q.vague) == (
        2_000_000,
        Bound.at_least,
        "USD",
        True,
    )


def test_plus_and_odd_loosen_the_figure() -> None:
    found = match_quantities("a 250-plus-pound lineman and 40-odd years")
    assert [(q.quantity.value, q.quantity.bound, q.quantity.unit) for q in found] == [
        (250, Bound.more_than, "pound"),
        (40, Bound.about, "years"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a one-sided match",
        "a two-way street",
        "a 3-D film",
        "the 14-inch model",  # a product class, not a measure
        "She bought the 14-inch Zenbook.",
        "the 14-inch has a dimmer screen",
        "the three-month anniversary of the fire",
        "a 20-gauge shotgun",
    ],
)
def test_hyphened_words_that_name_no_measure(text: str) -> None:
    assert match_quantities(text) == []


def test_a_spec_modifier_is_a_figure_before_a_name() -> None:
    (q,) = match_quantities("fitted with 800-MHz DDR2 memory")
    assert (q.quantity.value, q.quantity.unit) == (800, "MHz")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("drove around the 12-acre Tarn Valley estate", 12),
        ("the entire six-member Elm Park council", 6),
    ],
)
def test_a_measure_before_a_name_and_its_noun_is_a_figure(text: str, value: float) -> None:
    (q,) = match_quantities(text)
    assert (q.quantity.value, q.role) == (value, "modifier")
