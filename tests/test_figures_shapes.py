"""Figure shapes of specification, sports and money writing, small count words, bounds
written after the number - and the look-alikes that stay out."""

from __future__ import annotations

import pytest

from assistant.model import Bound
from assistant.normalize.numbers import match_quantities


def _read(text: str) -> list[tuple[float, float | None, Bound, str | None]]:
    return [
        (q.quantity.value, q.quantity.upper, q.quantity.bound, q.quantity.unit)
        for q in match_quantities(text)
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("with 16GB of memory", 16, "GB"),
        ("a 3.2GHz chip", 3.2, "GHz"),
        ("256 GB of storage", 256, "GB"),
        ("a 2TB drive", 2, "TB"),
        ("a 1.4 GHz core", 1.4, "GHz"),
        ("2x faster", 2, "times"),
    ],
)
def test_units_of_specification_writing(text: str, value: float, unit: str) -> None:
    assert _read(text) == [(value, None, Bound.exact, unit)]


def test_screen_dimensions_are_two_figures() -> None:
    assert [v for v, *_ in _read("a 1,920 x 1,080 pixels panel")] == [1920, 1080]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("He asked for $40MM.", [(40_000_000, None, Bound.exact, "USD")]),
        ("offers of $20-25MM", [(20_000_000, 25_000_000, Bound.range, "USD")]),
        (
            "The price fell $50 to $950.",
            [(50, None, Bound.exact, "USD"), (950, None, Bound.exact, "USD")],
        ),
        (
            "Sales rose 12% to 88 units.",
            [(12, None, Bound.exact, "percent"), (88, None, Bound.exact, "unit")],
        ),
    ],
)
def test_millions_written_mm_and_changes(text: str, read: list[tuple[object, ...]]) -> None:
    assert _read(text) == read


@pytest.mark.parametrize(
    ("text", "scores"),
    [
        ("They earned a 7-3 win.", [(7, "winning"), (3, "losing")]),
        ("taking a 21-to-20 lead at home", [(21, "winning"), (20, "losing")]),
        ("Fenby beat the Owls 4-1.", [(4, "winning"), (1, "losing")]),
        ("a 2-2 draw", [(2, "tied"), (2, "tied")]),
        ("a late goal put them up 3-0.", [(3, "winning"), (0, "losing")]),
        ("It moved their record to 9-1.", [(9, "record wins"), (1, "record losses")]),
    ],
)
def test_a_score_is_two_figures(text: str, scores: list[tuple[float, str]]) -> None:
    found = match_quantities(text)
    assert [(q.quantity.value, q.head) for q in found] == scores
    assert {q.role for q in found} == {"score"}


@pytest.mark.parametrize(
    ("text", "record"),
    [
        ("The Rovers finished with a 9-7 record.", [9, 7]),
        ("Okafor improved to 31-2 (24 KOs).", [31, 2]),
        ("The challenger fell to 20-4 after the bout.", [20, 4]),
        ("Okafor (31-2, 24 KO) was favoured.", [31, 2]),
        ("The champion Okafor, 31-2 with 24 knockouts, won again.", [31, 2]),
        ("Title fights:\nAda Okafor 14-1\nLena Marsh 9-3\n", [14, 1, 9, 3]),
    ],
)
def test_a_win_loss_record_is_two_figures(text: str, record: list[float]) -> None:
    found = [q for q in match_quantities(text) if q.role == "score"]
    assert [q.quantity.value for q in found] == record


@pytest.mark.parametrize(
    "text",
    ["The fair runs June 10-12, organisers said.", "Aged 10-12, the pupils left early."],
)
def test_a_date_or_an_age_range_is_no_record(text: str) -> None:
    assert not [q for q in match_quantities(text) if q.role == "score"]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("The party won 30-40 seats.", (30, 40, Bound.range, "seat")),
        ("The plant lost 200-300 jobs.", (200, 300, Bound.range, "job")),
        ("She led 30-40 volunteers.", (30, 40, Bound.range, "volunteer")),
        ("They beat 5-to-8 rivals.", (5, 8, Bound.range, "rival")),
    ],
)
def test_a_range_of_a_count_after_a_score_verb_is_no_score(
    text: str, read: tuple[object, ...]
) -> None:
    assert _read(text) == [read]


@pytest.mark.parametrize(
    ("text", "scores"),
    [
        ("The visitors won 3-1.", [(3, "winning"), (1, "losing")]),
        ("They won 4-2 thanks to a late goal.", [(4, "winning"), (2, "losing")]),
        ("They trailed 1-2 at halftime.", [(1, "losing"), (2, "winning")]),
        ("The side lost 1-3 on Sunday.", [(1, "losing"), (3, "winning")]),
        ("a 31-to-30 edge", [(31, "winning"), (30, "losing")]),
        ("a 12-3 victory", [(12, "winning"), (3, "losing")]),
    ],
)
def test_a_pair_with_no_count_noun_after_a_score_verb_stays_a_score(
    text: str, scores: list[tuple[float, str]]
) -> None:
    found = match_quantities(text)
    assert [(q.quantity.value, q.head) for q in found] == scores
    assert {q.role for q in found} == {"score"}


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a .482 average", 0.482, "average"),
        ("a limit of .06 percent", 0.06, "percent"),
        ("the rate fell to .5 percent", 0.5, "percent"),
    ],
)
def test_leading_dot_decimals(text: str, value: float, unit: str) -> None:
    assert _read(text) == [(value, None, Bound.exact, unit)]


@pytest.mark.parametrize(
    ("text", "value", "bound", "unit"),
    [
        ("He had surgery twice.", 2, Bound.exact, "times"),
        ("It has a pair of ports.", 2, Bound.exact, "port"),
        ("a single shot to the leg", 1, Bound.exact, "shot"),
        ("She lived half a mile away.", 0.5, Bound.exact, "mile"),
        ("about a mile and a half north", 1.5, Bound.about, "mile"),
        ("It takes a couple of weeks.", 2, Bound.about, "weeks"),
        ("at least a half-dozen rivals", 6, Bound.at_least, "rival"),
        ("a quarter-inch wider", 0.25, Bound.exact, "inch"),
        ("one-third of the cost", 1 / 3, Bound.exact, "fraction"),
    ],
)
def test_small_counts_in_words(text: str, value: float, bound: Bound, unit: str) -> None:
    (q,) = match_quantities(text)
    assert (q.quantity.value, q.quantity.bound, q.quantity.unit) == (value, bound, unit)


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("workers 60 and older", Bound.at_least),
        ("ten years or more", Bound.at_least),
        ("as high as $50", Bound.up_to),
        ("more than the $20 asked", Bound.more_than),
        ("less than the $80 asked", Bound.fewer_than),
        # "up to" after bringing or taking names the level reached, not a ceiling
        ("a new line, bringing the ferry up to 80% of its capacity", Bound.exact),
        ("the grant takes the fund up to $40 million", Bound.exact),
        ("up to 300 homes may flood", Bound.up_to),
    ],
)
def test_bounds_written_around_the_number(text: str, bound: Bound) -> None:
    (q,) = match_quantities(text)
    assert q.quantity.bound is bound


def test_or_between_whole_numbers_is_a_range_and_between_decimals_a_choice() -> None:
    assert _read("30 or 40 guests") == [(30, 40, Bound.range, "guest")]
    assert [v for v, *_ in _read("either 2.4 or 2.8 GHz")] == [2.4, 2.8]


def test_a_number_word_or_an_age_difference_ends_the_count_noun() -> None:
    assert _read("to win 10 games one year later") == [(10, None, Bound.exact, "game")]
    assert _read("He is four years older.") == [(4, None, Bound.exact, "years")]


def test_a_range_after_a_change_verb_is_a_range() -> None:
    assert _read("Prices rose 5-10%.") == [(5, 10, Bound.range, "percent")]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Exports rose 5 to 7 percent.", (5, 7, Bound.range, "percent")),
        ("The council cut 10 to 15 percent.", (10, 15, Bound.range, "percent")),
        ("Fares are up 3 to 4 percent.", (3, 4, Bound.range, "percent")),
        ("The firm cut 10 to 15 jobs.", (10, 15, Bound.range, "job")),
        ("Output rose 5 to 7 million tonnes.", (5e6, 7e6, Bound.range, "tonne")),
    ],
)
def test_a_unit_written_once_after_a_change_verb_makes_a_range(
    text: str, read: tuple[object, ...]
) -> None:
    assert _read(text) == [read]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Sales rose 20% to 312.", [(20, "percent"), (312, None)]),
        ("The fare dropped $90 to $1,150.", [(90, "USD"), (1150, "USD")]),
        ("Profit fell 6% to $21 million.", [(6, "percent"), (21e6, "USD")]),
        ("The tally rose from 12 to 15.", [(12, None), (15, None)]),
        ("The tally rose by 12 to 150.", [(12, None), (150, None)]),
    ],
)
def test_a_first_number_with_its_own_unit_or_after_from_is_a_change(
    text: str, read: list[tuple[float, str | None]]
) -> None:
    assert [(v, unit) for v, _, bound, unit in _read(text)] == read
    assert {bound for _, _, bound, _ in _read(text)} == {Bound.exact}


def test_an_irregular_past_tense_is_no_count_noun() -> None:
    assert _read("Nine crews fought the fire.") == [(9, None, Bound.exact, "crew")]
    assert _read("Two men stood by.") == [(2, None, Bound.exact, "man")]


def test_a_cue_may_stand_before_an_article() -> None:
    assert _read("chips running at up to a 2.9GHz clock") == [(2.9, None, Bound.up_to, "GHz")]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("a euro90 billion rescue", [(90e9, None, Bound.exact, "EUR")]),
        ("a euro4.5m fine", [(4.5e6, None, Bound.exact, "EUR")]),
        ("a R40 million deal", [(40e6, None, Bound.exact, "ZAR")]),
        ("He starred at Euro2016 in the summer.", []),
        ("Tickets for Euro2028 sold out.", []),
        ("They drove the R2 road.", []),
    ],
)
def test_a_glued_currency_word_needs_a_scale_after_the_amount(
    text: str, read: list[tuple[object, ...]]
) -> None:
    assert _read(text) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("It sent 40 Harbour Guard medics.", [(40, None, Bound.exact, "medic")]),
        ("Some 300 Tarn Valley farmers came.", [(300, None, Bound.about, "farmer")]),
        ("a loss of 12 Canadian dollars", [(12, None, Bound.exact, None)]),  # not USD
        ("the 2012 Summer Games results", []),  # a year before a name
        ("They counted 15\nHe uses cards.", [(15, None, Bound.exact, None)]),  # a pronoun
    ],
)
def test_a_name_may_qualify_the_count_noun_after_it(
    text: str, read: list[tuple[object, ...]]
) -> None:
    assert _read(text) == read


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("five days prior to the loss", "days"),
        ("two weeks apart", "weeks"),
        ("He had two prior convictions.", "conviction"),
        ("The death toll of 28 includes the gunman.", None),  # a verb, not what is counted
    ],
)
def test_a_word_after_a_figure_that_is_no_noun_is_not_its_unit(text: str, unit: str | None) -> None:
    assert [u for *_, u in _read(text)] == [unit]
