"""What the facets make of ages, modifiers, scores and durations: the metric that keeps
them apart, and whom an age belongs to."""

from __future__ import annotations

import pytest

from assistant.extract.offline.facets import metric_for, period_of, subject_of
from assistant.model import Span
from assistant.normalize.numbers import match_quantities


def _metric(text: str, nth: int = 0) -> str | None:
    q = match_quantities(text)[nth]
    return metric_for(text, 0, len(text), q, None, 0).text


def _subject(text: str, nth: int = 0) -> str | None:
    q = match_quantities(text)[nth]
    return subject_of(text, 0, q.span.start)


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Mara Voss, 41, was hurt.", "age"),
        ("A 63-year-old farmer was found.", None),  # whose age, no name tells
        ("Ida Berg died in prison, aged 80.", "age"),
        ("Gus Lind died in 2001 at age 61.", "age"),
        ("They signed a 12-year lease.", "lease length"),
        ("He got a 20-year sentence for fraud.", "prison sentence"),
        ("He got 20 years in prison for fraud.", "prison sentence"),
        ("a 40-member choir sang", "choir members"),
        ("a three-story house burned", "house stories"),
        ("They earned a 7-3 win.", "winning score"),
        ("She served 2½ years in jail.", "years served"),
        ("He had worked at the mill for 18 years.", "years worked"),
    ],
)
def test_metric_of_a_shaped_figure(text: str, metric: str | None) -> None:
    assert _metric(text) == metric


def test_the_two_sides_of_a_score_have_their_own_metric() -> None:
    text = "They earned a 7-3 win."
    assert (_metric(text, 0), _metric(text, 1)) == ("winning score", "losing score")


@pytest.mark.parametrize(
    "text",
    [
        "He died in prison, aged 80.",  # an age of nobody named is not compared
        "He was 77.",
        "After 18 years, the plant closed.",  # a bare duration says nothing it measures
        "a 12-year",  # a modifier with no noun after it
    ],
)
def test_no_metric_when_nothing_is_named(text: str) -> None:
    assert _metric(text) is None


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Mara Voss, 41, was hurt.", "Mara Voss"),
        ("Witnesses say 27-year-old Ana Ruiz was driving.", "Ana Ruiz"),
        ("Police said his cousin, Leo Park, 32, of Hull, called.", "Leo Park"),
        ("The van hit Piet Laan, a 52-year-old baker, at noon.", "Piet Laan"),
        # A common noun is no one in particular: two articles' "63-year-old farmer"
        # and "45-year-old farmer" are not one person whose age they disagree on.
        ("A 63-year-old farmer was found.", None),
    ],
)
def test_an_age_belongs_to_the_person_named_next_to_it(text: str, subject: str | None) -> None:
    assert _subject(text) == subject


def test_two_ages_in_one_sentence_have_two_subjects() -> None:
    text = "Eva Holm, 58, and her son Jon Holm, 23, were found."
    assert (_subject(text, 0), _subject(text, 1)) == ("Eva Holm", "Jon Holm")


def test_an_irregular_past_ends_the_subject() -> None:
    text = "The Democrats won 11-2."
    assert _subject(text) == "the Democrats"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("The tablet starts at $499.", "price"),
        ("The 10-inch model is priced at $599.", "price"),
        ("The painting was valued at about $2.5 million.", "painting value"),
        ("The stolen gems were worth about $53 million.", "gems value"),
        ("The value of the stolen jewels was 103 million euros.", "jewels value"),
        ("They agreed a deal worth $40 million.", "deal value"),
        ("The club made a $90 million offer.", "offer"),
        ("The ministry paid the £3.1 million settlement fee.", "settlement fee"),
        ("Robbers stole R40 million from the depot.", "stole"),
        ("He will earn $12 million per season.", "earn per season"),
        ("Nobody knows where $5 million went.", None),
        ("The firm, which lost $3 billion last year, was sold.", "lost"),
    ],
)
def test_what_an_amount_of_money_is(text: str, metric: str | None) -> None:
    assert _metric(text) == metric


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Robbers stole R40 million from the depot.", 40e6, "ZAR"),
        ("The bloc pledged euro90 billion in aid.", 90e9, "EUR"),
    ],
)
def test_currencies_glued_to_their_amount(text: str, value: float, unit: str) -> None:
    (q,) = match_quantities(text)
    assert (q.quantity.value, q.quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("The quake struck 10 km north of Ashby.", "distance from ashby"),
        ("The epicentre lay 15 km from Colfax.", "distance from colfax"),
        ("She lived half a mile away.", "distance away"),
    ],
)
def test_a_distance_is_measured_from_its_reference_place(text: str, metric: str) -> None:
    assert _metric(text) == metric
    assert match_quantities(text)[0].quantity.unit in ("km", "miles", "mile")


def _figure_subject(text: str, nth: int = 0) -> str | None:
    q = match_quantities(text)[nth]
    return subject_of(text, 0, q.span.start, q)


@pytest.mark.parametrize(
    ("text", "nth", "subject"),
    [
        # A relative clause holding the figure is about the name it hangs on.
        ("Lena Ward will face Anton Reyes, who improved to 31-2 on Friday.", 0, "Anton Reyes"),
        ("Blyth will play Corran State, which beat Elmore 51-50 on Friday.", 1, "Corran State"),
        # A record in brackets is the name's before it, both of its numbers.
        ("Hart ran for 90 yards for the Falcons (2-13) on Sunday.", 1, "Falcons"),
        ("Hart ran for 90 yards for the Falcons (2-13) on Sunday.", 2, "Falcons"),
        # An age before the agent's name: the name.
        ("The 36-year-old champion Darko Vell improved to 58-3.", 1, "Darko Vell"),
        ("A 36-year-old man improved to 58-3.", 1, None),
        ("The 6-foot-8 forward Dan Vell scored 23.", 1, "Dan Vell"),
        # A height is its holder's.
        ("After the whistle, the 6-foot-9, 260-pound Ivo Marsh turned it up.", 0, "Ivo Marsh"),
        # With no name to hang on, the sentence's agent stays the subject.
        ("The floods, which killed 40 people, hit on Monday.", 0, "the floods"),
    ],
)
def test_a_figure_in_a_relative_clause_is_about_what_the_clause_hangs_on(
    text: str, nth: int, subject: str | None
) -> None:
    assert _figure_subject(text, nth) == subject


def test_a_relative_pronoun_is_never_a_subject() -> None:
    text = "Lena Ward met the jurors, who had 12 questions."
    assert _figure_subject(text) not in ("who", "which")


@pytest.mark.parametrize(
    "text",
    ["In Leeds, 40 people died on Monday.", "By Tuesday lunchtime, 900 homes were reconnected."],
)
def test_a_place_or_a_time_opening_the_sentence_is_no_subject(text: str) -> None:
    assert _subject(text) is None


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Drake shot 35 percent from the field.", "Drake"),  # a past spelled as its present
        ("caught 29 passes for 201 yards", None),  # a verb opens the clause: no agent
        ("How officials tracked 900 calls is unclear.", None),
        ("Overall 40 people died.", None),
        ("Still, the team won in just three seasons.", None),  # a sentence adverb
        ("Jeffs and 11 other men were charged.", None),  # a phrase cut at "and"
        ("Jeffs and Smith paid 11 dollars.", "Jeffs and Smith"),
    ],
)
def test_an_agent_is_a_noun_phrase_not_a_verb_or_an_opener(text: str, subject: str | None) -> None:
    assert _subject(text) == subject


def test_in_all_of_something_is_no_running_total() -> None:
    text = "It was a day to be involved in all of this, with 28 people there."
    period = period_of(text, Span(start=0, end=len(text)), Span(start=0, end=len(text)))
    assert period is None
