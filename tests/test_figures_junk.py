"""Numbers that state no quantity stay out: dates, names, addresses, calibres, numbers to
call, the pronoun "one" and labels."""

from __future__ import annotations

import pytest

from assistant.normalize.numbers import match_quantities


@pytest.mark.parametrize(
    "text",
    [
        "Someone called 911 at once.",
        "after a 999 call from a neighbour",
        "a 911 dispatcher said",
        "the update to iOS 7 shipped",
        "a fault on the NOR-LINK 3 cable",
        "the office at 12 Elm Street",
        "in the 400 block of Main",
        "a 9 mm pistol",
        "a .38 Magnum",
        "the 14” model",
        "a 4×4 truck",
        "one witness said she ran",
        "One neighbour, who asked not to be named, told us",
        "There was not one complaint.",
        "At one point the roof fell.",
        "They would one day start farming.",
        "a plan to zero in on the cause",
        "On July 4, 1976, the bell rang.",
        "It was a March 1998 ruling.",
        "the 2012 presidential race",
        "Marlow's 1972 campaign",
        "He was held until Dec. 7, when he fled.",
        "not a single person came",
        "a single mother of three",  # the count is the three
        "a 4G network",
        "the plugs take both 3.0 and 2.0.",  # versions listed
        "The crew stacked crates at one end.",  # "one" as "a", said with weight
        "Investigators insist it was one person.",
        "About 8 or 9 the next morning he left.",  # a time of day
        "a 3D film",
        "The union is the 800-pound gorilla here.",
        "a zero tolerance policy",
        "She was on cloud nine.",
        "a patch for a zero-day flaw",
        "a retired four-star general",
        "the Johnny Two Hats character",
        "a second half without drama",
        "He played in Weeks 11-13.",
        "a low-power Kestrel 3200 or 4200 part",
        "police found 9-mm shell casings",
    ],
)
def test_not_figures(text: str) -> None:
    found = match_quantities(text)
    if text.startswith("a single mother"):
        assert [q.quantity.value for q in found] == [3]
    else:
        assert found == []


def test_a_date_split_from_its_month_by_a_sentence_break_stays_a_date() -> None:
    text = "He was charged on Feb. 26 in court."
    assert match_quantities(text, text.index("26"), len(text)) == []


def test_an_emergency_number_before_a_count_noun_is_a_count() -> None:
    (q,) = match_quantities("The line took 911 messages.")
    assert (q.quantity.value, q.quantity.unit) == (911, "message")


def test_a_name_before_a_duration_does_not_make_it_a_label() -> None:
    (q,) = match_quantities("She came home with Idris 9 weeks ago.")
    assert (q.quantity.value, q.quantity.unit) == (9, "weeks")


def test_a_price_on_its_own_line_is_no_list_marker() -> None:
    (q,) = match_quantities("The price?\n$2199.\n")
    assert q.quantity.value == 2199


@pytest.mark.parametrize(
    "text",
    ["4\n½ months", "4\t½", "4 -1/2", "a -year-old", "in his 0s", "between ages and", "x × 1"],
)
def test_odd_spacing_and_fragments_never_raise(text: str) -> None:
    for q in match_quantities(text):
        assert q.span.start < q.span.end


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("One person was killed in the crash.", ["One"]),
        ("He faces one charge of arson.", ["one"]),
        ("two counts of murder and one count of arson", ["two", "one"]),
    ],
)
def test_one_counts_when_the_sentence_counts(text: str, figures: list[str]) -> None:
    assert [m.quantity.text for m in match_quantities(text)] == figures
