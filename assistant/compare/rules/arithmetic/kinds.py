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

from collections.abc import Iterator

from assistant.compare.evidence import describe, finding, period_words
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
