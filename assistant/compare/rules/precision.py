"""PRECISION — a rounded figure next to a more precise one it agrees with (informational).

Fires for each agreement group in a cluster with a resolved period that holds, from
different articles, an exact figure and a coarser one: approximate ("about 40,000", or a
bare round "40,000" when ``rounded_as_about``) or written with fewer decimals ("5.8"
next to "5.82").

Does not fire when the figures disagree (that is a CONFLICT), or when all are written
equally precisely.

Severity info. Evidence: both figures with their outlets; the precise one can replace the
rounded one, or the rounded one keeps its approximator.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.compare.evidence import describe, finding
from assistant.compare.facts import Facts
from assistant.compare.intervals import step
from assistant.compare.package import Package
from assistant.model import Bound, Finding, RuleId, Severity


def check(package: Package) -> Iterator[Finding]:
    for block in package.blocks:
        if not block.period.resolved or len(block.members) < 2:
            continue
        for group in block.groups:
            exact = [f for f in group.members if _exact(f)]
            if not exact or len({f.article_id for f in group.members}) < 2:
                continue
            steps = {f.id: step(f.claim.quantity) for f in group.members if f.claim.quantity}
            finest = min(steps[f.id] for f in exact)
            precise = [f for f in exact if steps[f.id] == finest]
            coarse = [f for f in group.members if f.rounded or steps.get(f.id, 1.0) > finest]
            if not any(c.article_id != p.article_id for c in coarse for p in precise):
                continue
            yield finding(
                RuleId.PRECISION,
                Severity.info,
                [*coarse, *precise],
                f"{block.label}: rounded "
                + "; ".join(describe(f) for f in coarse)
                + " agrees with the more precise "
                + "; ".join(describe(f) for f in precise),
                cluster_id=block.id,
            )


def _exact(f: Facts) -> bool:
    quantity = f.claim.quantity
    return not f.rounded and quantity is not None and quantity.bound is Bound.exact
