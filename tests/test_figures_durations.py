"""Durations are figures of their own, unless they only say when something happened or
set the period of another figure."""

from __future__ import annotations

import pytest

from assistant.model import Bound
from assistant.normalize.numbers import match_quantities


@pytest.mark.parametrize(
    ("text", "value", "unit", "bound"),
    [
        ("She served 2½ years in jail.", 2.5, "years", Bound.exact),
        ("He served three and a half months.", 3.5, "months", Bound.exact),
        ("He had worked there for 18 years.", 18, "years", Bound.exact),
        ("She came back 20 minutes later.", 20, "minutes", Bound.exact),
        ("They moved in six weeks ago.", 6, "weeks", Bound.exact),
        ("It stays open for the next 50 years.", 50, "years", Bound.exact),
        ("for the past nine years", 9, "years", Bound.exact),
        ("It ran for two decades.", 20, "years", Bound.exact),
        ("It will take about a week.", 1, "weeks", Bound.about),
        ("Repairs could take a month.", 1, "months", Bound.exact),
        ("the third fire in two months", 2, "months", Bound.exact),
        ("after a quarter-century of work", 25, "years", Bound.exact),
        ("They talked for about half an hour.", 0.5, "hours", Bound.about),
        ("a weeklong search", 1, "weeks", Bound.about),
        ("within the next decade", 10, "years", Bound.exact),
        ("The outage lasted 2hr 15 mins.", 135, "minutes", Bound.exact),
    ],
)
def test_durations_are_figures(text: str, value: float, unit: str, bound: Bound) -> None:
    (q,) = match_quantities(text)
    assert (q.quantity.value, q.quantity.unit, q.quantity.bound) == (value, unit, bound)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Help came within a minute or two.", 1, 2),
        ("over the next hour or two", 1, 2),
        ("He owned it for six or seven years.", 6, 7),
    ],
)
def test_durations_or_ranges(text: str, low: float, high: float) -> None:
    (q,) = match_quantities(text)
    assert (q.quantity.value, q.quantity.upper, q.quantity.bound) == (low, high, Bound.range)


@pytest.mark.parametrize(
    "text",
    [
        "It improved in the past 48 hours.",
        "over the last two weeks",
        "A year later, he moved.",
        "One day earlier, the road closed.",
        "Half an hour later it rained.",
        "ten years from now",
        "open 24 hours a day",
    ],
)
def test_durations_that_say_when_are_no_figures(text: str) -> None:
    assert match_quantities(text) == []


def test_a_duration_that_times_another_figure_of_its_clause_is_its_period() -> None:
    found = match_quantities("120 people were moved in 48 hours.")
    assert [(q.quantity.value, q.quantity.unit) for q in found] == [(120, "people")]


def test_a_duration_in_another_clause_is_a_figure() -> None:
    text = "120 people were moved; the work ended in 48 hours."
    assert [q.quantity.value for q in match_quantities(text)] == [120, 48]


def test_a_duration_rate_is_the_amount_not_a_duration() -> None:
    (q,) = match_quantities("He earns $20 million a year.")
    assert (q.quantity.value, q.quantity.unit) == (20_000_000, "USD")


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("a $90 million deal over seven years", Bound.exact),  # across, after an amount
        ("The city will spend $70 million over six years.", Bound.exact),
        ("the $70 million (over six years) plan", Bound.exact),
        ("raising the age to 67 over 12 years", Bound.exact),
        ("money needed over a 40-year period", Bound.exact),
        ("She worked there for over 30 years.", Bound.more_than),
        ("In 2015 he had served over 10 years.", Bound.more_than),  # a year is no figure
        ("Over 10 years had passed.", Bound.more_than),
    ],
)
def test_over_before_a_duration(text: str, bound: Bound) -> None:
    q = match_quantities(text)[-1]
    assert (q.quantity.unit, q.quantity.bound) == ("years", bound)


def test_over_after_a_count_and_its_verb_is_more_than() -> None:
    text = "The 4 climbers spent over 30 hours stranded."
    assert [(q.quantity.value, q.quantity.bound) for q in match_quantities(text)] == [
        (4, Bound.exact),
        (30, Bound.more_than),
    ]
