"""The values a stated figure allows, and when two figures can both be true."""

from __future__ import annotations

import math

import pytest

from assistant.compare.intervals import Interval, interval_of, is_rounded, total
from assistant.model import Bound, Quantity


def values(
    value: float, bound: Bound = Bound.exact, upper: float | None = None, text: str | None = None
) -> Interval:
    quantity = Quantity(value=value, upper=upper, bound=bound, text=text or f"{value:g}")
    return interval_of(
        quantity, tolerance=0.05, rounded=is_rounded(quantity, rounded_as_about=True)
    )


@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        (values(2417), Interval(2417, 2417)),
        (values(40_000, Bound.about), Interval(38_000, 42_000)),
        (values(40_000), Interval(38_000, 42_000)),  # a bare round figure of thousands
        (values(300), Interval(300, 300)),  # hundreds are taken as written
        (values(2000, Bound.more_than), Interval(2000, math.inf, lo_open=True, hi_open=True)),
        (values(12, Bound.at_least), Interval(12, math.inf, hi_open=True)),
        (values(300, Bound.up_to), Interval(-math.inf, 300, lo_open=True)),
        (values(10, Bound.fewer_than), Interval(-math.inf, 10, lo_open=True, hi_open=True)),
        (values(300, Bound.range, 400), Interval(300, 400)),
        (values(5.8), Interval(5.75, 5.85, hi_open=True)),  # written to one decimal
        (values(2500, text="2.5 thousand"), Interval(2450, 2550, hi_open=True)),
        # Written to the million: what rounds to it, not a round figure's ±5 %.
        (values(184e6, text="$184 million"), Interval(183.5e6, 184.5e6, hi_open=True)),
        (values(200e6, text="$200 million"), Interval(190e6, 210e6)),  # a round one
        (values(2e6, text="2 million"), Interval(1.5e6, 2.5e6, hi_open=True)),
    ],
)
def test_bounds(interval: Interval, expected: Interval) -> None:
    assert interval == expected


def test_rounded_figures_are_exact_when_configured() -> None:
    quantity = Quantity(value=40_000, text="40,000")

    assert is_rounded(quantity, rounded_as_about=False) is False
    assert interval_of(quantity, tolerance=0.05, rounded=False) == Interval(40_000, 40_000)


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        (values(2000, Bound.more_than), values(2417), True),
        (values(2000, Bound.more_than), values(1950), False),
        (values(12, Bound.at_least), values(12), True),
        (values(10, Bound.fewer_than), values(10), False),  # an open end excludes its value
        (values(300, Bound.up_to), values(300), True),
        (values(40_000, Bound.about), values(39_000), True),
        (values(40_000, Bound.about), values(37_200), False),
    ],
)
def test_compatibility(a: Interval, b: Interval, compatible: bool) -> None:
    assert (a.intersect(b) is not None) is compatible
    assert (b.intersect(a) is not None) is compatible


def test_below_and_sums() -> None:
    assert values(10, Bound.fewer_than).below(values(10))
    assert not values(10, Bound.up_to).below(values(10))
    assert total([values(180), values(132)]) == Interval(312, 312)
    assert total([values(180), values(100, Bound.more_than)]) == Interval(
        280, math.inf, lo_open=True, hi_open=True
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [(6.75, "6-foot-9"), (125.0, "2hr 5 mins"), (4.5, "4½")],
)
def test_a_figure_in_two_parts_stands_for_itself(value: float, written: str) -> None:
    # Its first numeral is no scale of its value: "6-foot-9" is not 6 ± 1.125 feet.
    quantity = Quantity(value=value, bound=Bound.exact, text=written)
    assert interval_of(quantity, tolerance=0.05, rounded=False) == Interval(value, value)
