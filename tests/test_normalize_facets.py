"""The metric key refined by the words around the figure: aspects of measures, qualifiers."""

from __future__ import annotations

from datetime import date

import factories
import pytest
from factories import quantity, quoted

from assistant.model import Claim
from assistant.normalize import normalize_claims


def key(text: str, metric: str, figure: str, unit: str | None = None) -> str | None:
    """The metric key normalize gives a claim quoting ``text`` (its own one-line article)."""
    article = factories.article("a", text, published=date(2026, 3, 3))
    claim: Claim = quoted(article, text, metric=metric, quantity=quantity(figure, unit))
    (normalized,) = normalize_claims([article], [claim])
    return normalized.metric_key


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("The river peaked at 5.82 metres on Monday.", "5.82", "river peak"),
        ("The river rose by 3.1 metres on Monday.", "3.1", "river rise"),
        ("The river fell 0.4 metres overnight.", "0.4", "river fall"),
        ("A rise of 3.1 metres was recorded.", "3.1", "river rise"),
        (
            "It stood more than 2 metres above its usual winter level.",
            "more than 2",
            "river above normal",
        ),
        ("It was 30 cm below the seasonal average.", "30", "river below normal"),
        # A plain level, and a level reached by falling ("dropped to"), have no aspect.
        ("The river stood at 4.1 metres.", "4.1", "river"),
        ("The river had dropped to 4.1 metres by Wednesday.", "4.1", "river"),
    ],
)
def test_measures_keep_level_change_peak_and_departure_from_normal_apart(
    text: str, figure: str, expected: str
) -> None:
    assert key(text, "river", figure, unit="metres") == expected


def test_an_aspect_the_metric_already_names_is_not_added_twice() -> None:
    assert (
        key("The river rose by 3.1 metres.", "river level rise", "3.1", "m") == "river level rise"
    )
    assert key("It peaked at 5.82 m.", "river peak level", "5.82", "m") == "river peak level"


def test_a_rise_in_a_count_is_the_count_for_its_period_not_another_metric() -> None:
    # Running totals add daily increments: "deaths rose by 7" must stay "deaths".
    assert key("Deaths rose by 7 on Tuesday.", "deaths", "7") == "deaths"


@pytest.mark.parametrize(
    ("text", "metric", "figure", "expected"),
    [
        (
            "7 people died in road accidents on Monday.",
            "people died",
            "7",
            "deaths in road accident",
        ),
        ("3 people died from smoke inhalation.", "died", "3", "deaths from smoke inhalation"),
        # Near misses: the story's own event, a place, a time, a possessive: same count.
        ("5 people died in the floods on Monday.", "people died", "5", "deaths"),
        ("5 people died in Fenholt on Monday.", "people died", "5", "deaths"),
        ("5 people died in the past 24 hours.", "people died", "5", "deaths"),
        (
            "800 people were evacuated from their homes.",
            "people evacuated",
            "800",
            "people evacuated",
        ),
        (
            "800 people were evacuated from homes near the river.",
            "evacuated",
            "800",
            "people evacuated",
        ),
        ("40 millimetres of rain could fall by Wednesday.", "rain", "40", "rainfall"),
        (
            "57 people were treated in hospital.",
            "people treated in hospital",
            "57",
            "people treated in hospital",
        ),
    ],
)
def test_a_qualifier_that_narrows_the_count_makes_its_own_metric(
    text: str, metric: str, figure: str, expected: str
) -> None:
    assert key(text, metric, figure) == expected


@pytest.mark.parametrize("metric", ["residents", "people", "homes"])
def test_a_bare_count_noun_is_no_metric(metric: str) -> None:
    assert key(f"1,200 {metric} on Monday.", metric, "1,200") is None


def test_a_count_noun_listed_as_a_metric_stays_one() -> None:
    assert key("30 vehicles were damaged.", "vehicles", "30") == "vehicles"
