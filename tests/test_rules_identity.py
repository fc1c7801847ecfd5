"""Who a figure is about, across outlets: standing attributes (ages, how many children
someone has) compared across days, one person's full name and surname read as one
subject (a name with and without its middle name or initial too), and a score that a
player's name does not tie to one match.

Each fixture is a short story written for the class it pins, in the spirit of real
coverage where one outlet writes "a mother of 12" and another "mother of 13".
"""

from __future__ import annotations

import pytest
from test_rules_catalogue import Story, fired, problems

from assistant.model import RuleId, Severity


def test_an_age_dated_by_its_sentence_still_meets_the_same_age_on_another_day() -> None:
    # "was killed on Monday" dates the killing, not Ivo Marsh's age.
    story = Story()
    story.says("a", "Ivo Marsh, 59, was killed on Monday.", day=3, metric="age",
               figure="59", unit="years", period="on Monday", subject="Ivo Marsh")  # fmt: skip
    story.says("b", "Ivo Marsh, 62, died at the scene.", day=4, metric="age",
               figure="62", unit="years", subject="Ivo Marsh")  # fmt: skip

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.high
    assert "59" in conflict.evidence and "62" in conflict.evidence
    assert "on any date" in conflict.evidence


def test_ages_a_year_apart_on_different_days_may_straddle_a_birthday() -> None:
    story = Story()
    story.says("a", "Ivo Marsh, 59, was charged.", day=3, metric="age", figure="59",
               unit="years", subject="Ivo Marsh")  # fmt: skip
    story.says("b", "Ivo Marsh, 60, appeared in court.", day=20, metric="age", figure="60",
               unit="years", subject="Ivo Marsh")  # fmt: skip

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.low
    assert "a birthday may fall between" in conflict.evidence


def test_a_later_younger_age_is_no_birthday() -> None:
    story = Story()
    story.says("a", "Ivo Marsh, 60, was charged.", day=3, metric="age", figure="60",
               unit="years", subject="Ivo Marsh")  # fmt: skip
    story.says("b", "Ivo Marsh, 59, appeared in court.", day=20, metric="age", figure="59",
               unit="years", subject="Ivo Marsh")  # fmt: skip

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.high


def test_an_age_at_the_crime_and_at_a_trial_months_later_are_not_compared() -> None:
    story = Story()
    story.says("a", "Ivo Marsh, 26, was arrested.", day=1, metric="age", figure="26",
               unit="years", subject="Ivo Marsh")  # fmt: skip
    trial = story.article("b", "Ivo Marsh, 28, was convicted.")
    trial.published = trial.published.replace(year=2028)
    story.claim(trial, "Ivo Marsh, 28, was convicted.", metric="age", figure="28",
                unit="years", subject="Ivo Marsh")  # fmt: skip

    assert problems(story.compare(), RuleId.CONFLICT) == []


def test_a_surname_is_the_full_name_the_package_gives() -> None:
    story = Story()
    story.says("a", "Ana Ruiz, a mother of 12, was shot.", metric="number of children",
               figure="12", subject="Ana Ruiz")  # fmt: skip
    story.says("b", "Ms. Ruiz was the mother of 13.", day=5, metric="number of children",
               figure="13", subject="Ms. Ruiz")  # fmt: skip

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.high
    assert conflict.claim_ids == ["a#1", "b#1"]


def test_a_surname_shared_by_two_full_names_stays_apart() -> None:
    story = Story()
    story.says("a", "Ana Ruiz has 12 children.", metric="number of children", figure="12",
               subject="Ana Ruiz")  # fmt: skip
    story.says("b", "Carlos Ruiz has 3 children.", metric="number of children", figure="3",
               subject="Carlos Ruiz")  # fmt: skip
    story.says("c", "Ruiz has 4 children.", metric="number of children", figure="4",
               subject="Ruiz")  # fmt: skip

    assert all(f.severity is not Severity.high for f in problems(story.compare(), RuleId.CONFLICT))


def test_a_players_name_does_not_tie_two_scores_to_one_match() -> None:
    # A career record and a title-fight record both "belong" to the champion.
    story = Story()
    story.says("a", "Kovac improved to 58-3.", metric="winning score", figure="58",
               subject="Kovac")  # fmt: skip
    story.says("b", "Title fights: Kovac 19-2.", metric="winning score", figure="19",
               subject="Kovac")  # fmt: skip

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.low
    assert fired(story.compare(), RuleId.CORROBORATED) == []


def test_an_age_gets_no_sourcing_finding_but_is_still_compared() -> None:
    # Every outlet has a suspect's age from the police: that is no finding to act on.
    story = Story()
    for article in ("a", "b", "c"):
        story.says(article, "Ivo Marsh, 59, was charged, police said.", metric="age",
                   figure="59", unit="years", subject="Ivo Marsh", source="police")  # fmt: skip
    comparison = story.compare()

    sourcing = (RuleId.CORROBORATED, RuleId.CIRCULAR, RuleId.SINGLE_SOURCE)
    assert [f for f in comparison.findings if f.rule in sourcing] == []
    (agree,) = fired(comparison, RuleId.AGREE)
    assert agree.claim_ids == ["a#1", "b#1", "c#1"]


@pytest.mark.parametrize(
    "added",
    [
        "A further 800 people were evacuated.",
        "Another 800 people were evacuated.",
        "Officials said 800 more people were evacuated.",
        "An additional 800 people were evacuated.",
    ],
)
def test_an_increment_with_no_period_is_no_total_to_conflict_with(added: str) -> None:
    story = Story()
    story.says("a", "2,000 people have been evacuated.", metric="evacuated", figure="2,000")
    story.says("b", added, metric="evacuated", figure="800")

    assert problems(story.compare(), RuleId.CONFLICT) == []


@pytest.mark.parametrize(
    ("written", "figure"),
    [
        ("Some 800 people were evacuated, more than on Monday.", "Some 800"),
        ("About 800 people were evacuated as further rain fell.", "About 800"),
    ],
)
def test_a_total_near_words_of_increase_is_still_a_total(written: str, figure: str) -> None:
    story = Story()
    story.says("a", "2,000 people have been evacuated.", metric="evacuated", figure="2,000")
    story.says("b", written, metric="evacuated", figure=figure)

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)
    assert conflict.severity is Severity.high


def test_a_running_total_whose_sum_bounds_nothing_is_said_in_words() -> None:
    # "fewer than 12" plus "more than 3" allows any value: the evidence says so, and the
    # rule layer does not fail on it.
    story = Story()
    story.says("a", "Fewer than 12 people have been evacuated so far.", day=2,
               metric="evacuated", figure="Fewer than 12", period="so far")  # fmt: skip
    article = story.article("b", "More than 3 were evacuated on Tuesday, bringing the total to 20.")
    story.claim(article, "More than 3 were evacuated on Tuesday", metric="evacuated",
                figure="More than 3", period="on Tuesday")  # fmt: skip
    story.claim(article, "bringing the total to 20", metric="evacuated", figure="20",
                period="the total")  # fmt: skip

    comparison = story.compare()

    assert all("inf" not in f.evidence for f in comparison.findings)


def test_a_name_without_its_middle_initial_is_the_same_person() -> None:
    story = Story()
    story.says("a", "Raj Chohan, 59, was struck by a car.", metric="age", figure="59",
               unit="years", subject="Raj Chohan")  # fmt: skip
    story.says("b", "Raj K. Chohan, 61, died at the scene.", metric="age", figure="61",
               unit="years", subject="Raj K. Chohan")  # fmt: skip

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.high
    assert conflict.claim_ids == ["a#1", "b#1"]


def test_a_name_two_fuller_names_could_complete_stays_apart() -> None:
    story = Story()
    story.says("a", "Ana Maria Ruiz, 40, was charged.", metric="age", figure="40",
               unit="years", subject="Ana Maria Ruiz")  # fmt: skip
    story.says("b", "Ana Lucia Ruiz, 19, was released.", metric="age", figure="19",
               unit="years", subject="Ana Lucia Ruiz")  # fmt: skip
    story.says("c", "Ana Ruiz, 25, spoke to reporters.", metric="age", figure="25",
               unit="years", subject="Ana Ruiz")  # fmt: skip

    assert all(f.severity is not Severity.high for f in problems(story.compare(), RuleId.CONFLICT))


def test_a_short_first_name_and_a_middle_initial_are_the_fuller_name() -> None:
    story = Story()
    story.says("a", "Fred LaRue, 75, died on Monday.", metric="age", figure="75",
               unit="years", subject="Fred LaRue")  # fmt: skip
    story.says("b", "Frederick C. LaRue, 76, died on Monday.", metric="age", figure="76",
               unit="years", subject="Frederick C. LaRue")  # fmt: skip
    story.says("c", "Frederick Cheney LaRue, 75, died.", metric="age", figure="75",
               unit="years", subject="Frederick Cheney LaRue")  # fmt: skip

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.high
    assert conflict.claim_ids == ["a#1", "b#1", "c#1"]


def test_a_surname_is_the_full_name_written_with_its_generation() -> None:
    story = Story()
    story.says("a", "Arlo James Pike Jr., 49, ran away.", metric="age", figure="49",
               unit="years", subject="Arlo James Pike Jr.")  # fmt: skip
    story.says("b", "Pike, 47, was serving a life sentence.", metric="age", figure="47",
               unit="years", subject="Pike")  # fmt: skip

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.high
    assert conflict.claim_ids == ["a#1", "b#1"]


def test_a_father_and_son_of_one_name_stay_apart() -> None:
    story = Story()
    story.says("a", "Arlo Pike Jr., 49, ran away.", metric="age", figure="49",
               unit="years", subject="Arlo Pike Jr.")  # fmt: skip
    story.says("b", "Arlo Pike Sr., 71, spoke.", metric="age", figure="71",
               unit="years", subject="Arlo Pike Sr.")  # fmt: skip
    story.says("c", "Pike, 47, was serving a life sentence.", metric="age", figure="47",
               unit="years", subject="Pike")  # fmt: skip

    assert all(f.severity is not Severity.high for f in problems(story.compare(), RuleId.CONFLICT))


def test_a_nickname_is_the_given_name_it_stands_for() -> None:
    story = Story()
    story.says("a", "Katie Brand, 20, was found dead.", metric="age", figure="20",
               unit="years", subject="Katie Brand")  # fmt: skip
    story.says("b", "Kathryn Brand, 21, was found dead.", metric="age", figure="21",
               unit="years", subject="Kathryn Brand")  # fmt: skip

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.high
    assert conflict.claim_ids == ["a#1", "b#1"]


def test_a_surname_is_one_person_however_fully_the_others_write_him() -> None:
    story = Story()
    story.says("a", "Fred Varley, 75, died on Monday.", metric="age", figure="75",
               unit="years", subject="Fred Varley")  # fmt: skip
    story.says("b", "Frederick Cole Varley, 75, died.", metric="age", figure="75",
               unit="years", subject="Frederick Cole Varley")  # fmt: skip
    story.says("c", "Varley, 76, had been ill.", metric="age", figure="76",
               unit="years", subject="Varley")  # fmt: skip

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.high
    assert conflict.claim_ids == ["a#1", "b#1", "c#1"]


def test_a_toll_meets_the_others_whatever_each_outlet_calls_the_event() -> None:
    story = Story()
    story.says("a", "Floods in the north have killed 133 people.", metric="killed",
               figure="133", subject="Floods in the north")  # fmt: skip
    story.says("b", "The disaster killed 141 people.", metric="killed", figure="141",
               subject="the disaster")  # fmt: skip

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.high
    assert conflict.claim_ids == ["a#1", "b#1"]


def test_a_named_agent_still_keeps_its_toll_apart() -> None:
    story = Story()
    story.says("a", "Storm Ida killed 40 people.", metric="killed", figure="40",
               subject="Storm Ida")  # fmt: skip
    story.says("b", "Storm Jon killed 12 people.", metric="killed", figure="12",
               subject="Storm Jon")  # fmt: skip

    assert problems(story.compare(), RuleId.CONFLICT) == []


def test_every_short_form_of_a_name_reaches_the_one_full_name() -> None:
    # "Arlo James Pike Jr." is "Arlo James Pike", so "Pike" has one full name: on every
    # run, whatever order the names are met in (it once hung on the hash seed).
    story = Story()
    for n, name in enumerate(["Arlo James Pike Jr.", "Mr. Pike", "Pike", "Arlo James Pike"]):
        story.says(chr(ord("a") + n), f"{name}, 49, ran away.", metric="age", figure="49",
                   unit="years", subject=name)  # fmt: skip

    (agree,) = fired(story.compare(), RuleId.AGREE)

    assert agree.claim_ids == ["a#1", "b#1", "c#1", "d#1"]
