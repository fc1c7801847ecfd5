"""DIFFERENT_PERIOD — one metric reported for different periods: side by side, not a conflict.

Fires once per subject + metric + unit whose figures, in two or more articles, fall into
two or more different period clusters ("on Monday" vs "so far"; a total at Monday's
publication vs one at Tuesday's). The figures may differ legitimately; the editor sees
them next to each other to check that each is reported with its own period.

Does not fire when every figure is for the same period (CONFLICT / CORROBORATED decide
those), when one value fits every figure ("$334 million" today and with no period: the
period changes nothing), or when only one article reports the metric.

Severity info. Evidence: each period with its figures, outlets and the words used.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.compare.evidence import figure, finding
from assistant.compare.intervals import common
from assistant.compare.package import Package
from assistant.model import Finding, RuleId, Severity


def check(package: Package) -> Iterator[Finding]:
    for blocks in package.series.values():
        members = [f for block in blocks for f in block.members]
        if len(blocks) < 2 or len({f.article_id for f in members}) < 2:
            continue
        if common([f.interval for f in members if f.interval is not None]) is not None:
            continue  # one value fits every period: nothing to tell apart
        periods = " | ".join(
            f"{block.period.key}: "
            + ", ".join(
                f"{figure(f)} ({f.outlet}, " + (f"“{f.when}”)" if f.when else "no period stated)")
                for f in block.members
            )
            for block in blocks
        )
        yield finding(
            RuleId.DIFFERENT_PERIOD,
            Severity.info,
            members,
            f"{blocks[0].label} for different periods, not a conflict: {periods}",
        )
