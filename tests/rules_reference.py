"""The rule layer's pairwise searches as they were before issue 11, kept as the reference
the fast versions must match exactly (``test_rules_equivalence.py``).

Each is a verbatim copy of the old code, quadratic or worse on a big story: CONFLICT's
every-pair clash search, STALE's totals x figures, ARITHMETIC's running totals filtered
per total and every kind against every class figure, CORROBORATED's and CIRCULAR's
every-pair identity check. Only what was
replaced is copied; the rest comes from the live modules.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from itertools import combinations

from assistant.compare.blocks import Block
from assistant.compare.evidence import describe, finding, period_words, values
from assistant.compare.facts import Facts
from assistant.compare.identity import different_places, same_thing
from assistant.compare.intervals import common
from assistant.compare.package import Package
from assistant.compare.rules.arithmetic import parts, percent
from assistant.compare.rules.arithmetic.running import is_step
from assistant.compare.rules.conflict import _comparable
from assistant.compare.rules.stale import _Dated, _repeats
from assistant.model import Finding, RuleId, Severity
from assistant.normalize import Vocabulary


def clashes(block: Block) -> list[tuple[Facts, Facts]]:
    """CONFLICT: pairs of claims from different articles (of one day, if unstated) that
    share no value."""
    return [
        (a, b)
        for a, b in combinations(block.members, 2)
        if _comparable(a, b, block.period)
        and a.interval is not None
        and b.interval is not None
        and a.interval.intersect(b.interval) is None
        and not different_places(a, b)  # "3 died in Arlen", "5 died in Brisk": two counts
    ]


def stale(package: Package) -> Iterator[Finding]:
    """STALE's ``check``."""
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
            if not _repeats(c.facts, a.facts):
                continue
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
    newer = [
        b
        for b in totals
        if b.facts.article_id != c.facts.article_id
        and b.as_of <= c.as_of
        and c.values.below(b.values)
        and not different_places(b.facts, c.facts)
    ]
    for b in reversed(newer):
        for a in figures:
            if (
                a.as_of < b.as_of
                and a.facts is not c.facts
                and a.values.intersect(c.values) is not None
                and not different_places(a.facts, c.facts)
            ):
                return a, b
    return None


def running(package: Package) -> Iterator[Finding]:
    """ARITHMETIC's running-total ``check``."""
    for blocks in package.series.values():
        totals = [f for b in blocks if b.period.running_total for f in b.members]
        steps = [
            f for b in blocks if b.period.resolved and not b.period.running_total for f in b.members
        ]
        if not steps:
            continue
        for latest in totals:
            here = [f for f in totals if not different_places(f, latest)]
            added = [f for f in steps if not different_places(f, latest)]
            if (found := _check(latest, here, added)) is not None:
                yield found


def arithmetic(package: Package) -> Iterator[Finding]:
    """ARITHMETIC's ``check`` with the reference ``running``."""
    yield from parts.check(package)
    yield from running(package)
    yield from percent.check(package)
    yield from kinds(package)


def _check(latest: Facts, totals: Sequence[Facts], steps: Sequence[Facts]) -> Finding | None:
    day = latest.period.as_of
    if day is None or latest.interval is None:
        return None
    previous = _previous(latest, day, totals, steps)
    since = previous[0].period.as_of if previous else None
    if since is None:
        return None
    added = [
        s
        for s in steps
        if s.article_id == latest.article_id
        and is_step(s)
        and s.period.start is not None
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


def all_same_thing(members: Sequence[Facts], vocabulary: Vocabulary) -> bool:
    """CORROBORATED, CIRCULAR: every two claims of ``members`` from different articles
    measure one thing."""
    return all(
        same_thing(a, b, vocabulary)
        for a, b in combinations(members, 2)
        if a.article_id != b.article_id
    )


def kinds(package: Package) -> Iterator[Finding]:
    """ARITHMETIC's kind-against-class ``check``."""
    for block in package.blocks:
        broader = package.vocabulary.kind_of(block.metric)
        if broader is None or not block.period.resolved:
            continue
        whole = package.block_of.get((block.subject, broader, block.unit, block.period.key))
        if whole is None:
            continue
        when = period_words(block.period)
        pairs = [
            (kind, of)
            for kind in block.members
            for of in whole.members
            if kind.article_id != of.article_id and kind.interval and of.interval
        ]
        if not pairs:
            continue
        over = [
            (k, w) for k, w in pairs if w.interval and k.interval and w.interval.below(k.interval)
        ]
        shown = over or pairs[:1]
        detail = "; ".join(f"{describe(k)} vs {describe(w)}" for k, w in shown)
        verdict = (
            f"a kind cannot outnumber its class: {detail}"
            if over
            else f"consistent, the kind does not exceed its class: {detail}"
        )
        yield finding(
            RuleId.ADDS_UP if not over else RuleId.ARITHMETIC,
            Severity.medium if over else Severity.info,
            [f for pair in (over or pairs) for f in pair],
            f"{block.metric} is a kind of {broader}, {when} (related figures, not "
            f"the same count): {verdict}",
            ok=not over,
        )


__all__ = ["all_same_thing", "arithmetic", "clashes", "kinds", "running", "stale"]
