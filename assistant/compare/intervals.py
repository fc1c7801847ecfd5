"""The set of true values a stated figure allows, and arithmetic on those sets."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from assistant.model import Bound, Quantity


class Interval(NamedTuple):
    """``lo..hi`` with open or closed ends; infinite ends are open."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def intersect(self, other: Interval) -> Interval | None:
        """The values both allow, or None when they cannot both be true."""
        # At equal ends the open one is the stricter: tuples make max/min pick it.
        lo, lo_open = max((self.lo, self.lo_open), (other.lo, other.lo_open))
        hi, hi_closed = min((self.hi, not self.hi_open), (other.hi, not other.hi_open))
        hi_open = not hi_closed
        if lo < hi or (lo == hi and not lo_open and not hi_open):
            return Interval(lo, hi, lo_open, hi_open)
        return None

    def below(self, other: Interval) -> bool:
        """Every value allowed here is smaller than every value allowed by ``other``."""
        return self.hi < other.lo or (self.hi == other.lo and (self.hi_open or other.lo_open))

    def plus(self, other: Interval) -> Interval:
        """The values the sum of a value from each allows."""
        return Interval(
            self.lo + other.lo,
            self.hi + other.hi,
            self.lo_open or other.lo_open,
            self.hi_open or other.hi_open,
        )

    def scaled(self, factor: float) -> Interval:
        """Every value multiplied by a positive ``factor``."""
        return Interval(self.lo * factor, self.hi * factor, self.lo_open, self.hi_open)

    def widened(self, margin: float) -> Interval:
        return Interval(self.lo - margin, self.hi + margin, self.lo_open, self.hi_open)


# Ends as points on the line, an open end just inside its value: a lower end is (lo, 1)
# if open else (lo, 0), an upper end (hi, -1) if open else (hi, 0). Then ``a.below(b)`` is
# exactly ``upper(a) < lower(b)``, ``a.intersect(b)`` is None exactly when one is empty or
# lies below the other, and sorting figures by an end is sorting them along the line.
Point = tuple[float, int]


def lower(interval: Interval) -> Point:
    """The interval's lowest point: an open end lies just above its value."""
    return (interval.lo, 1 if interval.lo_open else 0)


def upper(interval: Interval) -> Point:
    """The interval's highest point: an open end lies just below its value."""
    return (interval.hi, -1 if interval.hi_open else 0)


def is_empty(interval: Interval) -> bool:
    """No value at all (such as ``[5, 5)``): it shares none with any figure."""
    return lower(interval) > upper(interval)


_NUMERAL = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def step(quantity: Quantity) -> float:
    """The value of one unit of the last digit written.

    0.01 for "5.82 metres", 1 for "2,417" or "twelve", 100,000 for "1.2 million".
    """
    return _step(quantity.text, quantity.value)


@lru_cache(maxsize=65536)
def _step(text: str, value: float) -> float:
    """``step`` of a figure written ``text``; cached, as packages repeat their figures."""
    match = _NUMERAL.search(text)
    if match is None:
        return 1.0
    numeral = float(match[0].replace(",", ""))
    scale = value / numeral if numeral else 1.0
    if scale <= 0 or abs(math.log10(scale) - round(math.log10(scale))) > 1e-9:
        # A figure in two parts ("6-foot-9" is 6.75 feet, "2hr 5 mins" 125 minutes, "4½"):
        # its first numeral is no scale of the value, so it stands for itself.
        scale = 1.0
    return 10.0 ** -len(match[1] or "") * scale


def is_rounded(quantity: Quantity, *, rounded_as_about: bool) -> bool:
    """An approximate figure: 'about 40,000', or (if configured) a bare '40,000' or
    '$200 million'. Not '$184 million': whoever wrote its last digit 4 was exact to the
    million, so it stands for what rounds to it (see ``interval_of``), not for ±5 %."""
    if quantity.bound is Bound.about:
        return True
    value = quantity.value
    return (
        rounded_as_about
        and quantity.bound is Bound.exact
        and value >= 1000
        and value.is_integer()
        and value % 1000 == 0
        and _last_digit(quantity.text) in ("0", None)
    )


def _last_digit(text: str) -> str | None:
    """The last digit of the first numeral written in ``text`` ('4' in '$184 million')."""
    match = _NUMERAL.search(text)
    return match[0].rstrip(",")[-1] if match else None


def interval_of(quantity: Quantity, *, tolerance: float, rounded: bool) -> Interval:
    """The values ``quantity`` allows: its bound respected, ``rounded`` within ``tolerance``.

    ``rounded`` is ``is_rounded(quantity)``: the caller usually needs it too.
    """
    v = quantity.value
    match quantity.bound:
        case Bound.at_least:
            return Interval(v, math.inf, hi_open=True)
        case Bound.more_than:
            return Interval(v, math.inf, lo_open=True, hi_open=True)
        case Bound.up_to:
            return Interval(-math.inf, v, lo_open=True)
        case Bound.fewer_than:
            return Interval(-math.inf, v, lo_open=True, hi_open=True)
        case Bound.range:
            upper = quantity.upper if quantity.upper is not None else v
            return Interval(min(v, upper), max(v, upper))
        case _ if rounded:
            margin = abs(v) * tolerance
            return Interval(v - margin, v + margin)
        case _ if "." in quantity.text or step(quantity) > 1:
            # A figure stands for everything that rounds to what is written: "5.8" is 5.75
            # up to (not including) 5.85, so it agrees with "5.82"; "$184 million" is
            # 183.5 to 184.5 million.
            half = step(quantity) / 2
            return Interval(v - half, v + half, hi_open=True)
        case _:
            return Interval(v, v)


def common(intervals: list[Interval]) -> Interval | None:
    """The values every interval allows, or None."""
    if not intervals:
        return None
    shared: Interval | None = intervals[0]
    for interval in intervals[1:]:
        if shared is None:
            return None
        shared = shared.intersect(interval)
    return shared


def total(intervals: list[Interval]) -> Interval:
    """The values the sum of the figures allows."""
    result = Interval(0.0, 0.0)
    for interval in intervals:
        result = result.plus(interval)
    return result


def pinned(members: Sequence[Interval], shared: Interval, reach: float = 0.25) -> bool:
    """Whether figures sharing ``shared`` say one value, rather than only allow it: an
    open bound counts when its number is within ``reach`` of the shared values ("more
    than 2,000" with 2,417: a wire's round figure), not when it is far below them ("more
    than 1,380" allows 3,037 but says nothing of it)."""
    for m in members:
        if math.isinf(m.hi) and not math.isinf(m.lo) and m.lo < shared.lo * (1 - reach):
            return False
        if math.isinf(m.lo) and not math.isinf(m.hi) and m.hi > shared.hi * (1 + reach):
            return False
    return True
