"""Quantity parsing: what a number phrase states, and what is not a quantity at all."""

from __future__ import annotations

import random
import time

import pytest

from assistant.model import Bound
from assistant.normalize.numbers import (
    BOUND_CUES,
    COUNT_WORDS,
    SCALES,
    TIME_NAMES,
    VAGUE_PLURALS,
    find_quantities,
    match_quantities,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("phrase", "value", "bound", "unit"),
    [
        ("2,417 residents", 2417, Bound.exact, "resident"),
        ("1.5 metres", 1.5, Bound.exact, "metre"),
        ("at least 40 people", 40, Bound.at_least, "people"),
        ("no fewer than 12 buses", 12, Bound.at_least, "bus"),
        ("a minimum of 5 families", 5, Bound.at_least, "family"),
        ("more than 2,000 homes", 2000, Bound.more_than, "home"),
        ("over 300 vehicles", 300, Bound.more_than, "vehicle"),
        ("upwards of 20 boats", 20, Bound.more_than, "boat"),
        ("in excess of 9 deaths", 9, Bound.more_than, "death"),
        ("about 3 villages", 3, Bound.about, "village"),
        ("around 4", 4, Bound.about, None),
        ("roughly 5", 5, Bound.about, None),
        ("some 6", 6, Bound.about, None),
        ("nearly 7", 7, Bound.about, None),
        ("almost 8", 8, Bound.about, None),
        ("approximately 9", 9, Bound.about, None),
        ("an estimated 10,000 people", 10_000, Bound.about, "people"),
        ("close to 11", 11, Bound.about, None),
        ("up to 300 soldiers", 300, Bound.up_to, "soldier"),
        ("as many as 400 people", 400, Bound.up_to, "people"),
        ("fewer than 10 casualties", 10, Bound.fewer_than, "casualty"),
        ("less than 5", 5, Bound.fewer_than, None),
        ("under 6", 6, Bound.fewer_than, None),
        ("below 7", 7, Bound.fewer_than, None),
    ],
)
def test_bounds_from_the_cue_before_the_number(
    phrase: str, value: float, bound: Bound, unit: str | None
) -> None:
    q = parse_quantity(phrase)
    assert q is not None
    assert (q.value, q.bound, q.unit) == (value, bound, unit)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("fifty", 50),
        ("twenty-three", 23),
        ("two hundred", 200),
        ("two hundred and fifty", 250),
        ("a dozen", 12),
        ("hundred", 100),
        ("three thousand five hundred", 3500),
        ("1.2 million", 1_200_000),
        ("3bn", 3_000_000_000),
        ("half a million", 500_000),
    ],
)
def test_number_words_and_scales(phrase: str, value: float) -> None:
    q = parse_quantity(phrase)
    assert q is not None and q.value == value and q.bound is Bound.exact


@pytest.mark.parametrize(
    ("phrase", "value", "unit"),
    [
        ("$4.5 million", 4_500_000, "USD"),
        ("US$5", 5, "USD"),
        ("€3bn", 3_000_000_000, "EUR"),
        ("£20m", 20_000_000, "GBP"),
        ("45 million euros", 45_000_000, "EUR"),
        ("40%", 40, "percent"),
        ("40 percent", 40, "percent"),
        ("40 per cent", 40, "percent"),
        ("3 percentage points", 3, "percentage_points"),
        ("200mm", 200, "mm"),
    ],
)
def test_currencies_percentages_and_units(phrase: str, value: float, unit: str) -> None:
    q = parse_quantity(phrase)
    assert q is not None and (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("He is 5-foot-11, weighing approximately 200 pounds.", "lb"),
        ("The baby weighed 7 pounds at birth.", "lb"),
        ("The haul had a weight of 40 pounds.", "lb"),
        ("He was 5-foot-11 and 215 pounds.", "lb"),
        ("She is 6 feet tall, 150 pounds.", "lb"),
        ("The fine was 200 pounds.", "GBP"),
        ("The 6-foot wall cost 900 pounds, or £900.", "GBP"),
        ("They weighed the offer of 200 pounds sterling.", "GBP"),
        ("It weighed on him that he owed £200.", "GBP"),
    ],
)
def test_pounds_after_weigh_are_a_weight_not_sterling(sentence: str, unit: str) -> None:
    units = {q.quantity.unit for q in match_quantities(sentence) if q.quantity.value >= 7}
    assert units == {unit}


@pytest.mark.parametrize(
    ("sentence", "feet", "text"),
    [
        ("He was 5-foot-11 and 215 pounds.", 5 + 11 / 12, "5-foot-11"),
        ("He is 5 feet 11 inches tall.", 5 + 11 / 12, "5 feet 11 inches"),
        ("The suspect stood 6 ft 2 in.", 6 + 2 / 12, "6 ft 2 in"),
        ("The 6-foot-2 guard scored 20 points.", 6 + 2 / 12, "6-foot-2"),
        ("He is 5'11\" and slim.", 5 + 11 / 12, "5'11\""),
    ],
)
def test_a_height_in_feet_and_inches_is_one_figure(sentence: str, feet: float, text: str) -> None:
    heights = [q for q in match_quantities(sentence) if q.role == "height"]
    assert [(round(q.quantity.value, 4), q.quantity.unit, q.quantity.text) for q in heights] == [
        (round(feet, 4), "foot", text)
    ]
    assert not any(q.quantity.unit == "inch" for q in match_quantities(sentence))


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "text"),
    [
        ("He was sentenced to 5 years and 10 months.", 70, "months", "5 years and 10 months"),
        ("He served five years and six months.", 66, "months", "five years and six months"),
        ("She won in 2hr 5 mins.", 125, "minutes", "2hr 5 mins"),
        ("The flight lasted 3 hours, 20 minutes.", 200, "minutes", "3 hours, 20 minutes"),
    ],
)
def test_a_duration_in_two_units_is_one_figure(
    sentence: str, value: float, unit: str, text: str
) -> None:
    (q,) = match_quantities(sentence)
    assert (q.quantity.value, q.quantity.unit, q.quantity.text) == (value, unit, text)


def test_a_modifier_before_the_noun_does_not_hide_it() -> None:
    found = match_quantities("1,520 homes and 210 other structures had been destroyed.")
    assert [(q.quantity.value, q.quantity.unit) for q in found] == [
        (1520, "home"),
        (210, "structure"),
    ]


def test_a_year_then_to_is_a_date_and_a_figure_not_a_range() -> None:
    (q,) = match_quantities("Ferrer was sentenced in 2024 to 7 years.")
    assert (q.quantity.value, q.quantity.unit, q.quantity.bound) == (7, "years", Bound.exact)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("a third of homes", 1 / 3),
        ("half the town", 0.5),
        ("two-thirds of residents", 2 / 3),
        ("a quarter of the vehicles", 0.25),
        ("one in five adults", 0.2),
        ("about half had been reconnected", 0.5),
        ("three-fourths the way down", 0.75),  # American usage
        ("a fourth of the vote", 0.25),
    ],
)
def test_shares_are_fractions(phrase: str, value: float) -> None:
    q = parse_quantity(phrase)
    assert q is not None and q.unit == "fraction"
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("phrase", ["for the fourth time", "the fourth of July"])
def test_an_ordinal_fourth_is_no_fraction(phrase: str) -> None:
    assert parse_quantity(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "value", "upper", "bound"),
    [
        ("several hundred", 200, 900, Bound.range),
        ("a few thousand", 2000, 5000, Bound.range),
        ("hundreds", 200, None, Bound.at_least),
        ("thousands", 2000, None, Bound.at_least),
        ("dozens", 24, None, Bound.at_least),
        ("tens of thousands", 20_000, None, Bound.at_least),
        ("hundreds of thousands", 200_000, None, Bound.at_least),
        ("between 300 and 400", 300, 400, Bound.range),
        ("300-400", 300, 400, Bound.range),
        ("300 to 400", 300, 400, Bound.range),
        ("between 1.2 and 1.5 million", 1_200_000, 1_500_000, Bound.range),
        ("$3-4 million", 3_000_000, 4_000_000, Bound.range),
    ],
)
def test_vague_amounts_and_ranges(
    phrase: str, value: float, upper: float | None, bound: Bound
) -> None:
    q = parse_quantity(phrase)
    assert q is not None
    assert (q.value, q.upper, q.bound) == (value, upper, bound)


def test_vague_amount_takes_its_noun_after_of() -> None:
    q = parse_quantity("hundreds of millions of euros")
    assert q is not None
    assert (q.value, q.bound, q.unit, q.text) == (
        200_000_000,
        Bound.at_least,
        "EUR",
        "hundreds of millions",
    )


@pytest.mark.parametrize(
    "text",
    [
        "in 2026",
        "in 1998 the dam failed",
        "the 2026 budget",
        "the 1990s",
        "the 2025-26 season",
        "on March 3",
        "on 3 March",
        "between March 3 and 4",
        "on 2026-03-03",
        "at 10:30",
        "at 5 p.m.",
        "at 5pm",
        "at 0800 GMT",
        "the 3rd",
        "call 555-123-4567",
        "call (555) 123-4567",
        "call +44 20 7946 0000",
        "call 0100 555 0142",
        "COVID-19",
        "an A380",
        "Section 3",
        "a Category 4 hurricane",
        "No. 10",
        "in the past 24 hours",
        "one of the worst",
        "{{ 7*7 }}",
    ],
)
def test_not_quantities(text: str) -> None:
    # Ages, compound modifiers, durations and scores are figures (tests/gold/README.md,
    # "What is a figure"); their shapes are tested in test_figures_*.py.
    assert find_quantities(text) == []


def test_year_followed_by_a_count_noun_is_a_count() -> None:
    q = parse_quantity("2000 people were evacuated")
    assert q is not None and (q.value, q.unit) == (2000, "people")


def test_one_counts_only_with_a_noun() -> None:
    q = parse_quantity("One person died")
    assert q is not None and (q.value, q.unit) == (1, "person")


def test_spans_cover_cue_number_and_unit() -> None:
    text = "More than 1,000 people were evacuated, and 312 homes were damaged, of which 180 fled."
    found = [(text[s.start : s.end], q.text, q.unit) for s, q in find_quantities(text)]
    assert found == [
        ("More than 1,000 people", "More than 1,000", "people"),
        ("312 homes", "312", "home"),
        ("180", "180", None),
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The two neighbours see themselves as rivals.", "neighbour"),
        ("Call 40 volunteers if it rains.", "volunteer"),
        ("It kept 12 guards because of the riot.", "guard"),
    ],
)
def test_unit_stops_at_a_pronoun_verb_or_conjunction(text: str, unit: str) -> None:
    q = parse_quantity(text)
    assert q is not None and q.unit == unit


def test_unit_skips_a_participle_before_the_noun() -> None:
    q = parse_quantity("1,000 displaced people were counted")
    assert q is not None and q.unit == "people"


def test_from_to_is_a_change_not_a_range() -> None:
    found = find_quantities("The toll rose from 12 to 15.")
    assert [(q.value, q.bound) for _, q in found] == [(12, Bound.exact), (15, Bound.exact)]


def test_between_range_span_includes_between() -> None:
    text = "between 300 and 400 people fled"
    ((span, q),) = find_quantities(text)
    assert text[span.start : span.end] == "between 300 and 400 people"
    assert q.unit == "people"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a grant of $4.5\u00a0million", 4_500_000),
        ("a grant of $4.5\tmillion", 4_500_000),
        ("a grant of $4.5\nmillion", 4_500_000),
        ("a loss of 3\u00a0billion", 3_000_000_000),
        ("a loss of 3\tbillion", 3_000_000_000),
        ("a loss of 3\nbillion", 3_000_000_000),
        ("fined 20\u00a0thousand", 20_000),
        ("fined 20\tthousand", 20_000),
        ("fined 20\nthousand", 20_000),
        ("a $5\u2011million fund", 5_000_000),
    ],
)
def test_scale_word_after_any_blank_or_hyphen(text: str, value: float) -> None:
    q = parse_quantity(text)
    assert q is not None and q.value == value


@pytest.mark.parametrize(
    "text",
    [
        "3 thou\u017fand",  # a long s, which an IGNORECASE regex reads as "s"
        "about mıllions of them",  # a dotless i
        "a mınute or two",
        "at least twıce",
        "a 300-plu\u017f crowd",
        "a 12min\u017f wait",  # a glued unit
        "a 9hr\u017f shift",
        "$4.5\u00a0\u00a0-\u00a0million",
    ],
)
def test_odd_letters_and_blanks_never_raise(text: str) -> None:
    find_quantities(text)


def test_random_mixes_of_lexicon_words_digits_and_odd_characters_never_raise() -> None:
    words = [*BOUND_CUES, *COUNT_WORDS, *TIME_NAMES, *SCALES, *VAGUE_PLURALS]
    words += ["or", "to", "-", "call", "911", "Street", "block", "USB", "%", "$", "€", "euro", "R"]
    digits = ["1", "9", "12", "112", "2,000", "4.5", ".5", "2016", "3.0", "1/2", "½", "٣", "9hrs"]
    odd = ["ı", "İ", "ſ", "\u212a", "\u00a0", "\t", "\n", "\u2011", "–", ",", ".", "("]
    rng = random.Random(7)
    for _ in range(3000):
        tokens = []
        for _ in range(rng.randint(1, 10)):
            token = rng.choice(rng.choice([words, words, digits, odd]))
            at = rng.randrange(len(token) + 1)
            if rng.random() < 0.2:
                token = token[:at] + rng.choice(odd) + token[at:]
            tokens.append(token.upper() if rng.random() < 0.1 else token)
        find_quantities(rng.choice([" ", "", "-", "\u00a0"]).join(tokens))


def _best_time(text: str) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        find_quantities(text)
        times.append(time.perf_counter() - start)
    return min(times)


def test_a_long_sentence_full_of_dates_and_windows_is_read_in_linear_time() -> None:
    # Four times the text may take about four times as long, not sixteen: each number
    # once looked at every date of its sentence, and each window at every other figure.
    clause = "on May 3, 2021, 40 homes flooded in 24 hours and at 5 p.m. 12 crews came, "
    small = _best_time(clause * 250 + "end.")
    large = _best_time(clause * 1000 + "end.")
    assert large < 7 * small


def _read(text: str) -> list[tuple[str, float, str | None, str | None]]:
    return [
        (text[m.span.start : m.span.end], m.quantity.value, m.quantity.unit, m.head)
        for m in match_quantities(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A win-loss-draw record after a name or a record verb: three figures, one a side.
        (
            "Marco Vale 15-2-1, Joe Brant 26-1",
            [("15", 15, None, "wins"), ("2", 2, None, "losses"), ("1", 1, None, "draws"),
             ("26", 26, None, "winning"), ("1", 1, None, "losing")],
        ),
        ("The champion improved to 31-4-2 with the win.", [("31", 31, None, "wins"),
         ("4", 4, None, "losses"), ("2", 2, None, "draws")]),
        # Three numbers that name no record are no figure: a code, a date.
        ("Call 555-12-34 for tickets.", []),
        ("It was filed on 12-3-2020.", []),
    ],
)  # fmt: skip
def test_a_three_part_record_is_three_scores(
    text: str, expected: list[tuple[str, float, str | None, str | None]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The referee waved it off at 1:47 of the third round.", [("1:47", 107, "seconds", None)]),
        ("In the sixth round Dario Lenz stopped it at 2:56.", [("2:56", 176, "seconds", None)]),
        ("He was knocked out 0:48 into the bout.", [("0:48", 48, "seconds", None)]),
        ("Ana Pires won the marathon in 2:21:07.", [("2:21:07", 8467, "seconds", None)]),
        # A time of day is no figure, whatever the sentence is about.
        ("The fight starts at 9:30 p.m. ET.", []),
        ("The race starts at 10:30 on Sunday.", []),
        ("The fire began at 2:56 and burned all night.", []),
        ("Kick-off is at 3:00 for the cup quarter-final.", []),
    ],
)  # fmt: skip
def test_a_clock_reading_is_an_elapsed_time_only_in_a_bout_or_a_race(
    text: str, expected: list[tuple[str, float, str | None, str | None]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("The firm employs 50,000 people worldwide.", [(50_000, "people")]),
        ("It carried 88 nationals, 21 Britons and 14 Germans.",
         [(88, "national"), (21, "briton"), (14, "german")]),
        ("Brooks scored 24, including four 3-pointers.", [(24, None), (4, "3-pointer")]),
        # A group named by its age is no figure: only the share is.
        ("An exit poll found 61% of voters under 30 backed Harlan.", [(61, "percent")]),
        ("Children under 5 were hardest hit.", []),
        # A speed, not a distance.
        ("Winds reached 225 km/h.", [(225, "km/h")]),
    ],
)  # fmt: skip
def test_who_a_count_counts(sentence: str, figures: list[tuple[float, str | None]]) -> None:
    assert [(q.quantity.value, q.quantity.unit) for q in match_quantities(sentence)] == figures


@pytest.mark.parametrize(
    ("sentence", "heads"),
    [
        ("Jalen Brooks scored 24 for Harbor City (15-7).", ["record wins", "record losses"]),
        ("Klitschko improved to 58-3.", ["record wins", "record losses"]),
        ("The Democrats won 11-2.", ["winning", "losing"]),
    ],
)
def test_a_win_loss_record_is_no_score(sentence: str, heads: list[str]) -> None:
    assert [q.head for q in match_quantities(sentence) if q.role == "score"] == heads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It reached 44.1 degrees Celsius.", [("44.1 degrees Celsius", 44.1, "°C")]),
        ("It reached 111.4 degrees Fahrenheit.", [("111.4 degrees Fahrenheit", 111.4, "°F")]),
        ("It hit 47C on Sunday.", [("47C", 47, "°C")]),
        ("It hit 46°C, or 115 °F.", [("46°C", 46, "°C"), ("115 °F", 115, "°F")]),
        ("A high of 104F.", [("104F", 104, "°F")]),
        ("It was 30 degrees.", [("30 degrees", 30, "degree")]),
        # A capital letter after a model number is a name, not a scale.
        ("Apple sold the 5C and the 737C.", []),
    ],
)
def test_a_temperature_is_read_in_its_scale(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert [(found, value, unit) for found, value, unit, _ in _read(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was 15 nautical miles off the coast.", [("15 nautical miles", 15, "nautical miles")]),
        ("The rate was cut by 25 basis points.", [("25 basis points", 25, "basis points")]),
        # a change in percent, then the level it came to: two figures, never a range
        ("It cut its forecast by 25 percent to 90 billion yen.",
         [("25 percent", 25, "percent"), ("90 billion yen", 90e9, "yen")]),
        ("Prices rose 5 to 7 percent.", [("5 to 7 percent", 5, "percent")]),
    ],
)  # fmt: skip
def test_units_in_two_words_and_a_change_before_a_level(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert [(found, value, unit) for found, value, unit, _ in _read(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Hornets went 71-93 last season.",
        "The coach had a 71-93 record.",
        "Ruiz had a record of 121-165 with the team.",
    ],
)
def test_a_win_loss_record_is_wins_then_losses(text: str) -> None:
    assert [head for _, _, _, head in _read(text)] == ["record wins", "record losses"]
