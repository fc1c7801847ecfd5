"""Ages are figures (unit "years", role "age"), with whom they belong to when it is written."""

from __future__ import annotations

import pytest

from assistant.model import Bound
from assistant.normalize.numbers import QuantityMatch, match_quantities


def _only(text: str) -> QuantityMatch:
    (found,) = match_quantities(text)
    return found


@pytest.mark.parametrize(
    ("text", "value", "written", "head"),
    [
        ("Mara Voss, 41, was hurt in the crash.", 41, "41", "Mara Voss"),
        ("The driver, Tom K. Berg, 19; a passenger", 19, "19", "Tom K. Berg"),
        ("His aunt Ida Lund, 70 and from Hull, spoke.", 70, "70", "Ida Lund"),
        ("A 63-year-old farmer was found.", 63, "63-year-old", "farmer"),
        ("Police named 27-year-old Ana Quell as the driver.", 27, "27-year-old", "Ana Quell"),
        ("the 7-year old boy", 7, "7-year old", "boy"),
        ("They hit Piet Laan, a 52-year-old baker, at noon.", 52, "52-year-old", "Piet Laan"),
        ("the 120-year-old mill burned", 120, "120-year-old", "mill"),
    ],
)
def test_ages_in_apposition_and_as_modifiers(
    text: str, value: float, written: str, head: str
) -> None:
    q = _only(text)
    assert (q.quantity.value, q.quantity.unit, q.quantity.bound) == (value, "years", Bound.exact)
    assert (q.quantity.text, q.role, q.head) == (written, "age", head)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He died in prison, aged 80.", 80),
        ("She retired at age 45 after the merger.", 45),
        ("The boy is 12 years old.", 12),
    ],
)
def test_ages_after_a_lead_word_or_before_old(text: str, value: float) -> None:
    q = _only(text)
    assert (q.quantity.value, q.quantity.unit, q.role) == (value, "years", "age")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The suspect is a man in his 40s.", 40, 49),
        ("a woman in her early 30s", 30, 33),
        ("a man in his late 60's", 66, 69),
    ],
)
def test_an_age_by_its_decade_is_a_vague_range(text: str, low: float, high: float) -> None:
    q = _only(text)
    assert (q.quantity.value, q.quantity.upper, q.quantity.bound) == (low, high, Bound.range)
    assert (q.quantity.unit, q.role, q.vague) == ("years", "age", True)


def test_between_ages_is_a_range_of_ages() -> None:
    q = _only("Between ages 18 and 30, he moved often.")
    assert (q.quantity.value, q.quantity.upper, q.role) == (18, 30, "age")


@pytest.mark.parametrize(
    "text",
    [
        "In Fenby, 40 homes flooded.",  # a place, then a count
        "On Sunday, 12, maybe 13, boats sank.",  # a day is nobody's name
        "Holm, 4.5, was the average.",  # an age is a whole number
        "It runs on Orbit OS, Nova, 7, 8 and 10.",  # a list
    ],
)
def test_a_number_after_a_comma_is_not_always_an_age(text: str) -> None:
    assert all(q.role != "age" for q in match_quantities(text))


def test_two_people_two_ages() -> None:
    text = "Eva Holm, 58, and her son Nils Holm, 23, were found."
    found = [(q.quantity.value, q.head) for q in match_quantities(text)]
    assert found == [(58, "Eva Holm"), (23, "Nils Holm")]


def test_the_holder_does_not_reach_into_the_sentence_before() -> None:
    text = "Police spoke on Friday.\nIda Lund, 70, was hurt. The police said Monday. Al Ek, 9, too."
    assert [q.head for q in match_quantities(text)] == ["Ida Lund", "Al Ek"]
