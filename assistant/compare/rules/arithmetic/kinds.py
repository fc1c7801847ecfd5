"""A kind against its class across articles: related figures, never a conflict.

Fires for each cluster whose metric the vocabulary declares a kind of another ("homes
destroyed" is a kind of "homes damaged", "trucks" of "vehicles") when a cluster of the
broader metric exists for the same subject, unit and resolved period, and the two hold
claims from different articles. The kind may be smaller than its class, never larger.

Severity info (ADDS_UP, ok=True) when no figure of the kind exceeds a figure of the class from
another article, medium when one does. Figures of one article are left to the parts
check.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence

from assistant.compare.evidence import describe, finding, period_words
from assistant.compare.facts import Facts
from assistant.compare.intervals import Interval, lower, upper
from assistant.compare.package import Package
from assistant.model import Finding, RuleId, Severity


def check(package: Package) -> Iterator[Finding]:
    for block in package.blocks:
        broader = package.vocabulary.kind_of(block.metric)
        if broader is None or not block.period.resolved:
            continue
        whole = package.block_of.get((block.subject, broader, block.unit, block.period.key))
        if whole is None:
            continue
        when = period_words(block.period)
        kinds = [k for k in block.members if k.interval]
        wholes = [w for w in whole.members if w.interval]
        paired = _paired(kinds, wholes)
        if not paired:
            continue
        over = list(_over(kinds, wholes))
        shown = over or paired[:1]
        detail = "; ".join(f"{describe(k)} vs {describe(w)}" for k, w in shown)
        verdict = (
            f"a kind cannot outnumber its class: {detail}"
            if over
            else f"consistent, the kind does not exceed its class: {detail}"
        )
        yield finding(
            RuleId.ADDS_UP if not over else RuleId.ARITHMETIC,
            Severity.medium if over else Severity.info,
            [f for pair in (over or paired) for f in pair],
            f"{block.metric} is a kind of {broader}, {when} (related figures, not "
            f"the same count): {verdict}",
            ok=not over,
        )


# A big story's clusters hold hundreds of figures each: the pairs of a kind's and its
# class's figures are not all listed, only those the finding names.


def _paired(kinds: Sequence[Facts], wholes: Sequence[Facts]) -> list[tuple[Facts, Facts]]:
    """The first pair (kind, class figure) from different articles, in claim order, and
    one pair for every other figure that has a partner from another article: the
    figures the pairs name are those of all such pairs."""
    wholes_in = Counter(f.article_id for f in wholes)
    kinds_in = Counter(f.article_id for f in kinds)
    pairs = [
        (k, next(w for w in wholes if w.article_id != k.article_id))
        for k in kinds
        if wholes_in[k.article_id] < len(wholes)
    ]
    pairs += [
        (next(k for k in kinds if k.article_id != w.article_id), w)
        for w in wholes
        if kinds_in[w.article_id] < len(kinds)
    ]
    return pairs


def _over(kinds: Sequence[Facts], wholes: Sequence[Facts]) -> Iterator[tuple[Facts, Facts]]:
    """Every (kind, class figure) from different articles where the class figure is
    wholly below the kind, kinds in claim order and each kind's in claim order."""
    ranked = sorted(range(len(wholes)), key=lambda n: upper(_values(wholes[n])))
    highs = [upper(_values(wholes[n])) for n in ranked]
    for k in kinds:
        below = sorted(ranked[: bisect_left(highs, lower(_values(k)))])
        for n in below:
            if wholes[n].article_id != k.article_id:
                yield k, wholes[n]


def _values(f: Facts) -> Interval:
    assert f.interval is not None
    return f.interval
