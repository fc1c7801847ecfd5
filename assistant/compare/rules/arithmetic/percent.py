"""A percentage against the counts it is a share of, within one article.

Fires for a percentage claim when its sentence holds exactly one count of another metric
(the whole: "40% of the port's 500 dock workers") and the article holds exactly one count
of the percentage's own metric (the part: "150 dock workers were sent home", in that
sentence or another), in one unit. The part must be that percentage of the whole,
allowing for the rounding of the percentage as written ("58%" is 57.5-58.5) and the
bounds of the counts. Severity info (ADDS_UP, ok=True) when it holds, medium when it does not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence

from assistant.compare.evidence import figure, finding, values
from assistant.compare.facts import Facts
from assistant.compare.intervals import Interval
from assistant.compare.package import Package
from assistant.model import Finding, RuleId, Severity

PERCENT = "percent"
_NOT_COUNTS = {PERCENT, "percentage points"}
_DECIMALS = re.compile(r"\d+(?:[.,](\d+))?")


def check(package: Package) -> Iterator[Finding]:
    for members in package.by_article.values():
        shares = [f for f in members if f.unit == PERCENT and f.interval is not None]
        if not shares:
            continue
        counts = [f for f in members if f.unit not in _NOT_COUNTS and _finite(f.interval)]
        for share in shares:
            if (found := _check(share, counts)) is not None:
                yield found


def _check(share: Facts, counts: Sequence[Facts]) -> Finding | None:
    sentence = share.claim.sentence
    wholes = [c for c in counts if c.claim.sentence == sentence and c.metric != share.metric]
    parts = [c for c in counts if c.metric == share.metric]
    if sentence is None or len(wholes) != 1 or len(parts) != 1:
        return None
    (whole,), (part,) = wholes, parts
    if part.unit != whole.unit or share.interval is None:
        return None
    p, w = part.interval, whole.interval
    if p is None or w is None or w.lo <= 0:
        return None
    implied = Interval(p.lo / w.hi, p.hi / w.lo).scaled(100)
    stated = share.interval.widened(_rounding(figure(share)))
    fits = implied.intersect(stated) is not None
    verdict = "consistent" if fits else "the percentage does not match its counts"
    return finding(
        RuleId.ADDS_UP if fits else RuleId.ARITHMETIC,
        Severity.info if fits else Severity.medium,
        [share, part, whole],
        f"{share.outlet}: {figure(part)} of {figure(whole)} is {_percent(implied)}%, "
        f"stated as {figure(share)}: {verdict}",
        ok=fits,
    )


def _finite(interval: Interval | None) -> bool:
    return interval is not None and math.isfinite(interval.lo) and math.isfinite(interval.hi)


def _rounding(written: str) -> float:
    """Half a unit of the last digit written: '58%' may be 57.5-58.5, '57.7%' 57.65-57.75."""
    match = _DECIMALS.search(written)
    decimals = len(match[1]) if match and match[1] else 0
    return 0.5 * 10**-decimals


def _percent(implied: Interval) -> str:
    if round(implied.lo, 1) == round(implied.hi, 1):
        return f"{implied.lo:.1f}"
    return values(Interval(round(implied.lo, 1), round(implied.hi, 1)))
