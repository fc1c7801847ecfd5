"""STALE — a later article repeats a running total that had already been superseded.

Running totals are figures "so far", "since the floods began", or with no period at all,
each read as the total at its as-of date (normally the publication date). For one subject
+ metric + unit, fires for a running total C when:

- an earlier figure A (a total, or the figure for a closed period such as the first
  night, dated before B) agrees with C's figure, and
- another article's running total B, dated after A and no later than C, is higher than C —

that is, C reports A's old figure as if it were current. A running total that is lower
than an earlier one but matches no older figure is left alone (it may be a different
count); a later, higher total is the normal course of events. Figures that name two
different places are never each other's A, B or C: one town's count is no update of
another's.

Severity medium. The finding names only C, the stale repeat: A and B are correct figures
for their own dates, so they get no badge and keep their checklist. Evidence: the three
figures with their outlets and dates.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import NamedTuple

from assistant.compare.evidence import describe, finding
from assistant.compare.facts import Facts
from assistant.compare.identity import places_differ
from assistant.compare.intervals import Interval, is_empty, lower, upper
from assistant.compare.package import Package
from assistant.compare.prefix_best import PrefixBest
from assistant.model import Finding, RuleId, Severity


class _Dated(NamedTuple):
    """A figure with the last day it covers."""

    as_of: date
    values: Interval
    facts: Facts


def check(package: Package) -> Iterator[Finding]:
    for blocks in package.series.values():
        figures = sorted(
            (
                _Dated(f.period.as_of, f.interval, f)
                for block in blocks
                if block.period.resolved
                for f in block.members
                # "Hundreds" repeats no one figure and supersedes none.
                if f.period.as_of is not None and f.interval is not None and not f.vague
            ),
            key=lambda t: (t.as_of, t.facts.order),
        )
        at = [n for n, t in enumerate(figures) if t.facts.period.running_total]
        if len(at) < 2:  # C needs a B, another article's total: most small series stop here
            continue
        totals = [figures[n] for n in at]
        newer = _newer_higher(totals)
        if all(j is None for j in newer):
            continue
        older = _first_agreeing(figures, at, newer)
        for n, c in enumerate(totals):
            if (j := newer[n]) is None or (i := older[n]) is None:
                continue
            a, b = figures[i], totals[j]
            if not a.as_of < b.as_of or not _repeats(c.facts, a.facts):
                continue
            yield finding(
                RuleId.STALE,
                Severity.medium,
                [c.facts],
                f"{blocks[0].label}: {describe(c.facts)} as of {c.as_of} repeats the figure of "
                f"{describe(a.facts)} as of {a.as_of}, although {describe(b.facts)} had reported "
                f"a higher total as of {b.as_of}",
            )


# C is stale when the latest B (by date, then claim id) that supersedes it -- a running
# total from another article, dated no later than C, higher than C, naming no other
# place -- is dated after the earliest A that C repeats: a figure other than C, agreeing
# with C and naming no other place. (Trying each B from the latest against every figure
# from the earliest finds this pair first: a figure dated before an earlier B is dated
# before the latest one too.) Both are found by a sweep over a ``PrefixBest`` tree, one
# place at a time against the figures that may meet it, rather than C by C over all.


def _repeats(c: Facts, a: Facts) -> bool:
    """C says A's figure again: a bounded A that C's figure fits ("about 1,200", "1,200"),
    or an open one with C's very number ("at least 1,200", "1,200"). "At least 103" is
    no figure that 133 repeats: 133 fits it, and says something new."""
    if a.interval is None or (math.isfinite(a.interval.lo) and math.isfinite(a.interval.hi)):
        return True
    return (
        a.claim.quantity is not None
        and c.claim.quantity is not None
        and a.claim.quantity.value == c.claim.quantity.value
    )


def _newer_higher(totals: Sequence[_Dated]) -> list[int | None]:
    """For each total C, the index of B in ``totals``, or None.

    Swept by date, so the tree holds the totals dated up to C's, ranked by their lowest
    point from the top: "higher than C" is a prefix, and the latest is the best.
    """
    found: list[int | None] = [None] * len(totals)
    for place, members in _by_place(totals, range(len(totals))).items():
        lows = sorted({lower(totals[j].values) for j in members})
        tree = PrefixBest(len(lows))
        added = 0
        for n in sorted(_asking(totals, place), key=lambda n: totals[n].as_of):
            c = totals[n]
            while added < len(members) and totals[members[added]].as_of <= c.as_of:
                b = totals[members[added]]
                rank = len(lows) - bisect_left(lows, lower(b.values))
                tree.add(rank, -members[added], b.facts.article_id)
                added += 1
            above = len(lows) - bisect_right(lows, upper(c.values))
            best = tree.best(above, c.facts.article_id)
            if best is not None and (found[n] is None or -best > (found[n] or 0)):
                found[n] = -best
    return found


def _first_agreeing(
    figures: Sequence[_Dated], at: Sequence[int], newer: Sequence[int | None]
) -> list[int | None]:
    """For each total C (``figures[at[n]]``) that has a B (``newer[n]``), the index of A in
    ``figures``, or None.

    Swept by C's highest point, so the tree holds the figures starting no higher, ranked
    by their highest point from the top: "ending no lower than C starts" is a prefix, and
    the earliest is the best, skipping C itself.
    """
    found: list[int | None] = [None] * len(at)
    totals = [figures[i] for i in at]
    agreeable = [i for i, f in enumerate(figures) if not is_empty(f.values)]
    for place, members in _by_place(figures, agreeable).items():
        highs = sorted({upper(figures[i].values) for i in members})
        tree = PrefixBest(len(highs))
        starts = sorted(members, key=lambda i: lower(figures[i].values))
        added = 0
        asking = [
            n
            for n in _asking(totals, place)
            if newer[n] is not None and not is_empty(totals[n].values)
        ]
        for n in sorted(asking, key=lambda n: upper(totals[n].values)):
            c = totals[n]
            while added < len(starts) and lower(figures[starts[added]].values) <= upper(c.values):
                a = figures[starts[added]]
                rank = len(highs) - bisect_left(highs, upper(a.values))
                tree.add(rank, starts[added], starts[added])
                added += 1
            reaching = len(highs) - bisect_left(highs, lower(c.values))
            best = tree.best(reaching, at[n])
            if best is not None and (found[n] is None or best < (found[n] or 0)):
                found[n] = best
    return found


def _by_place(figures: Sequence[_Dated], indices: Iterable[int]) -> dict[str, list[int]]:
    """``indices`` by the place their figure names ('' for none), in the given order."""
    index: dict[str, list[int]] = defaultdict(list)
    for n in indices:
        index[figures[n].facts.place].append(n)
    return index


def _asking(totals: Sequence[_Dated], place: str) -> list[int]:
    """The totals that may meet a figure naming ``place`` (see ``places_differ``)."""
    return [n for n, c in enumerate(totals) if not places_differ(c.facts.place, place)]
