"""Pairs of figures that share no value, found by sorting rather than by trying every pair.

A cluster of a big story holds hundreds of figures, most of them agreeing. Trying every
pair to find the few that cannot both be true is quadratic. Sorted by the lowest value
each allows, the figures lying wholly above a given one are a tail of the list, found by
bisection; so the pairs are found in time proportional to the sort plus the pairs
themselves, and a caller that needs only some of them (is there one? is one of them
sure?) stops at the first that answers it.

Ends are compared as points (``intervals.lower``, ``intervals.upper``): two non-empty
intervals share no value exactly when one lies below the other.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, combinations_with_replacement

from assistant.compare.facts import Facts
from assistant.compare.identity import places_differ
from assistant.compare.intervals import Interval, is_empty, lower, upper


def disjoint_pairs(figures: Iterable[Facts]) -> Iterator[tuple[Facts, Facts]]:
    """Every pair of ``figures`` (each with an interval) whose intervals share no value
    (``Interval.intersect`` is None) and whose places do not differ (see
    ``identity.places_differ``), each pair once and lazily, the earlier claim first.

    Figures are split by the place they name: places that differ are never paired, and
    a package names only a few places.
    """
    by_place: dict[str, list[Facts]] = defaultdict(list)
    empty: list[Facts] = []
    for f in figures:
        assert f.interval is not None
        (empty if is_empty(f.interval) else by_place[f.place]).append(f)
    sides = {place: _Side(members) for place, members in sorted(by_place.items())}
    for p, q in combinations_with_replacement(sides, 2):
        if places_differ(p, q):
            continue
        if p == q:
            yield from sides[p].above_each(sides[p].members)
        else:
            yield from sides[q].above_each(sides[p].members)
            yield from sides[p].above_each(sides[q].members)
    # A figure that allows no value clashes with every other (rare: a half-step of 0).
    everyone = [f for members in by_place.values() for f in members]
    for n, e in enumerate(empty):
        for f in (*everyone, *empty[n + 1 :]):
            if not places_differ(e.place, f.place):
                yield _ordered(e, f)


def disjoint_between(
    left: Sequence[Facts], right: Sequence[Facts]
) -> Iterator[tuple[Facts, Facts]]:
    """Every pair of one figure of ``left`` and one of ``right`` (each with a non-empty
    interval) that share no value and whose places do not differ, lazily, the earlier
    claim first: the pairs across two sets, without the pairs within either."""
    lows, highs = _Side(left), _Side(right)
    for a, b in chain(highs.above_each(left), lows.above_each(right)):
        if not places_differ(a.place, b.place):
            yield a, b


class _Side:
    """Non-empty figures sorted by their lowest point."""

    def __init__(self, members: Sequence[Facts]) -> None:
        self.members = members
        self.sorted = sorted(members, key=lambda f: lower(_interval(f)))
        self.lows = [lower(_interval(f)) for f in self.sorted]

    def above_each(self, figures: Iterable[Facts]) -> Iterator[tuple[Facts, Facts]]:
        """(a, b) for every ``a`` of ``figures`` and every ``b`` here wholly above it."""
        for a in figures:
            for n in range(bisect_right(self.lows, upper(_interval(a))), len(self.sorted)):
                yield _ordered(a, self.sorted[n])


def _interval(f: Facts) -> Interval:
    assert f.interval is not None
    return f.interval


def _ordered(a: Facts, b: Facts) -> tuple[Facts, Facts]:
    return (a, b) if a.order <= b.order else (b, a)
