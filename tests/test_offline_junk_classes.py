"""Numbers that are not quantities, seen on real coverage, each pinned with a sentence of
our own: the offline parser must not read them as figures."""

from __future__ import annotations

import pytest

from assistant.normalize.numbers import match_quantities


def _figures(text: str) -> list[str]:
    return [text[q.span.start : q.span.end] for q in match_quantities(text, 0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "He ran with a crew called 9 Court.",
        "a reputed 9 Court gang member was held",
        "They feuded for years with the 9 Court crew he joined.",
        "linked to a set known as '9 Court,' officers say",
        "She was put on the agency's 12 Most Sought list.",
        "The crash closed the 210 Freeway for hours.",
        "She taught at P.S. 41, a school in the Bronx.",
        "Trucks crowd the U.S. 59 corridor at night.",
    ],
)
def test_a_number_that_opens_a_name_is_no_figure(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("He won 3 Emmy awards.", "3 Emmy awards"),
        ("Gunfire from 2 Apache helicopters hit the road.", "2 Apache helicopters"),
        ("So far, 11 Dunmore plant workers have been fired.", "11"),
        ("Troops killed 5 Palestinians on Monday.", "5"),
        ("The team has 16 GB of data.", "16 GB"),
        ("She is a mother of 9 Tara Quell said.", "9"),
        ("He improved to 40-2 (31 KO).", "31"),
        ("Sales fell in the U.S. 40 stores closed.", "40 stores"),
    ],
)
def test_a_count_of_named_things_is_still_a_figure(text: str, figure: str) -> None:
    assert any(f.startswith(figure) for f in _figures(text))


@pytest.mark.parametrize(
    "text",
    [
        "Three years ago, a teacher at the school won the same award.",
        "The mill shut. Ten days ago, its owners sold the land.",
        "The verdict came exactly one year ago on a cold morning.",
    ],
)
def test_a_time_ago_that_only_dates_the_sentence_is_no_figure(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("She moved back to the town 9 weeks ago with her son.", "9 weeks"),
        ("Three years later, the firm was sold.", "Three years"),
    ],
)
def test_a_time_ago_that_is_the_storys_own_quantity_stays(text: str, figure: str) -> None:
    assert figure in _figures(text)


@pytest.mark.parametrize(
    "text",
    [
        # a year after a cue and an article, as after any "a"
        "The regulator fined the bank over a 2017 breach.",
        "Workers were hired under a 2023 agreement.",
        # a number to dial
        "Call the hotline on 1800 227 228 for information.",
        "Call the council on (02) 9555 0140.",
        # the window of a market move names the move, it is no figure
        "It was the biggest one-day fall since 2008.",
        "The yen hit a two-year high.",
    ],
)
def test_years_numbers_to_dial_and_windows_of_a_move_are_no_figures(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The bank, whose 1990 failure cost millions, closed.",
        "The club's 2027 payroll will grow.",
    ],
)
def test_a_year_after_a_possessive_is_a_year(text: str) -> None:
    assert not any(figure[:2] in ("19", "20") for figure in _figures(text))
