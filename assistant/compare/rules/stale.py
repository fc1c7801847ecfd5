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

from collections.abc import Iterator, Sequence
from datetime import date
from typing import NamedTuple

from assistant.compare.evidence import describe, finding
from assistant.compare.facts import Facts
from assistant.compare.identity import different_places
from assistant.compare.intervals import Interval
from assistant.compare.package import Package
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
                if f.period.as_of is not None and f.interval is not None
            ),
            key=lambda t: (t.as_of, t.facts.order),
        )
        totals = [t for t in figures if t.facts.period.running_total]
        for c in totals:
            if (pair := _superseded(c, totals, figures)) is None:
                continue
            a, b = pair
            yield finding(
                RuleId.STALE,
                Severity.medium,
                [c.facts],
                f"{blocks[0].label}: {describe(c.facts)} as of {c.as_of} repeats the figure of "
                f"{describe(a.facts)} as of {a.as_of}, although {describe(b.facts)} had reported "
                f"a higher total as of {b.as_of}",
            )


def _superseded(
    c: _Dated, totals: Sequence[_Dated], figures: Sequence[_Dated]
) -> tuple[_Dated, _Dated] | None:
    """(A, B): the older figure C repeats and the newer total that superseded it."""
    newer = [
        b
        for b in totals
        if b.facts.article_id != c.facts.article_id
        and b.as_of <= c.as_of
        and c.values.below(b.values)
        and not different_places(b.facts, c.facts)  # another town's total supersedes nothing
    ]
    for b in reversed(newer):  # the latest superseding total first
        for a in figures:
            if (
                a.as_of < b.as_of
                and a.facts is not c.facts
                and a.values.intersect(c.values) is not None
                and not different_places(a.facts, c.facts)
            ):
                return a, b
    return None
