"""A running total against the previous total plus the increment, across articles.

For one subject + metric + unit, fires for a running total T ("so far", "the total", or
no period, as of its article's date) when:

- a previous total P exists: the latest running total dated before T (when several
  articles give one for that date they must agree); failing that, the first figure
  reported, by an article published earlier, for a closed period ("350 evacuated
  overnight" is everyone evacuated so far), and
- T's own article states an increment for a period starting no earlier than P's date and
  ending by T's, and writes it as one ("a further 800 on Tuesday", "300 more"; a dated
  figure alone may be the total as of that day); several increment claims must be for one
  period and agree.

Then P + increment must agree with T. Severity info (ADDS_UP, ok=True) when it does, medium when
it does not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date

from assistant.compare.evidence import describe, finding, values
from assistant.compare.facts import Facts, is_increment
from assistant.compare.identity import different_places
from assistant.compare.intervals import common
from assistant.compare.package import Package
from assistant.model import Finding, RuleId, Severity


def check(package: Package) -> Iterator[Finding]:
    for blocks in package.series.values():
        # "Hundreds" fits any sum: only figures written with a number take part.
        totals = [f for b in blocks if b.period.running_total for f in b.members if not f.vague]
        steps = [
            f
            for b in blocks
            if b.period.resolved and not b.period.running_total
            for f in b.members
            if not f.vague
        ]
        if not steps:
            continue
        near: dict[str, _Near] = {}
        for latest in totals:
            # One town's total and another town's increment make no sum.
            if (here := near.get(latest.place)) is None:
                here = near[latest.place] = _Near(
                    [f for f in totals if not different_places(f, latest)],
                    [f for f in steps if not different_places(f, latest)],
                )
            if (found := _check(latest, here)) is not None:
                yield found


class _Near:
    """The totals and increments a total naming one place may be checked against, indexed:
    a big story's series holds thousands of totals, each checked against the others."""

    def __init__(self, totals: Sequence[Facts], steps: Sequence[Facts]) -> None:
        self.totals = totals
        self.steps = steps
        self.by_article: dict[str, list[Facts]] = defaultdict(list)
        for s in steps:
            if is_step(s):
                self.by_article[s.article_id].append(s)
        self._previous: dict[tuple[date, date | None], list[Facts]] = {}

    def previous(self, latest: Facts, day: date) -> list[Facts]:
        """``_previous``, which depends on ``latest`` only through its publication date."""
        key = (day, latest.published)
        if (found := self._previous.get(key)) is None:
            found = self._previous[key] = _previous(latest, day, self.totals, self.steps)
        return found


def is_step(f: Facts) -> bool:
    """Whether the claim writes its figure as one added to a total ("a further 420",
    "Seven more died"): a dated figure alone may as well be the total as of that day ("on
    Monday the department had reported 1,200 homes destroyed")."""
    quantity = f.claim.quantity
    return quantity is not None and is_increment(f.claim.quote, quantity.text)


def _check(latest: Facts, near: _Near) -> Finding | None:
    day = latest.period.as_of
    if day is None or latest.interval is None:
        return None
    previous = near.previous(latest, day)
    since = previous[0].period.as_of if previous else None
    if since is None:
        return None
    added = [
        s
        for s in near.by_article.get(latest.article_id, ())
        if s.period.start is not None
        and s.period.as_of is not None
        and since <= s.period.start
        and s.period.as_of <= day
    ]
    if not added or len({s.period.key for s in added}) != 1:
        return None
    base = common([t.interval for t in previous if t.interval])
    step = common([s.interval for s in added if s.interval])
    if base is None or step is None:
        return None
    expected = base.plus(step)
    fits = expected.intersect(latest.interval) is not None
    verdict = "the running total adds up" if fits else "the running total does not add up"
    return finding(
        RuleId.ADDS_UP if fits else RuleId.ARITHMETIC,
        Severity.info if fits else Severity.medium,
        [*previous, *added, latest],
        f"previous total {describe(previous[0])} as of {since} + increment {describe(added[0])} "
        f"= {values(expected)}; {describe(latest)} as of {day}: {verdict}",
        ok=fits,
    )


def _previous(
    latest: Facts, day: date, totals: Sequence[Facts], steps: Sequence[Facts]
) -> list[Facts]:
    """The total before ``latest``: see the module docstring. Empty when there is none."""
    dates = [t.period.as_of for t in totals if t.period.as_of is not None and t.period.as_of < day]
    if dates:
        since = max(dates)
        return [t for t in totals if t.period.as_of == since]
    published = latest.published
    first = [
        s
        for s in steps
        if s.published is not None and published is not None and s.published < published
    ]
    if not first:
        return []
    key = min(first, key=lambda s: (s.period.as_of, s.order)).period.key
    return [s for s in first if s.period.key == key]
