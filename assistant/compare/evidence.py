"""Findings and the text an editor reads in them: outlet, figure, period, source."""

from __future__ import annotations

import math
from collections.abc import Iterable

from assistant.compare.facts import STANDING, Facts, by_order
from assistant.compare.intervals import Interval
from assistant.model import Finding, RuleId, Severity
from assistant.normalize import PeriodKey
from assistant.text import one_line


def finding(
    rule: RuleId,
    severity: Severity,
    facts: Iterable[Facts],
    evidence: str,
    *,
    cluster_id: str | None = None,
    ok: bool = False,
) -> Finding:
    """A finding over ``facts`` with its claim ids sorted and de-duplicated."""
    unique = {f.id: f for f in facts}
    ordered = unique.values() if len(unique) == 1 else sorted(unique.values(), key=by_order)
    ids = [f.id for f in ordered]
    return Finding(
        rule=rule, severity=severity, claim_ids=ids, evidence=evidence, cluster_id=cluster_id, ok=ok
    )


def period_words(period: PeriodKey) -> str:
    """A block's period for the evidence: '2026-03-02', 'no period stated', or 'on any
    date' for a standing attribute such as an age."""
    if period == STANDING:
        return "on any date (it does not change while the story runs)"
    return period.key if period.stated else "no period stated"


def describe(f: Facts) -> str:
    """'Daily Post (12, on Monday, source: the health ministry)'."""
    details = [figure(f)] if f.interval is not None else []
    details += [f.when or "no period stated", f"source: {f.sources}"]
    return f"{f.outlet} ({', '.join(details)})"


def figure(f: Facts) -> str:
    """The figure as written, or the claim's own words when it has none."""
    if f.written is not None:
        return f.written
    if f.claim.quantity is not None:
        return number(f.claim.quantity.value)
    return quote(f.claim.quote)


def figures(members: Iterable[Facts]) -> str:
    """'12 (Daily Post), 19 (Evening Star)'."""
    return ", ".join(f"{figure(f)} ({f.outlet})" for f in members)


def quote(text: str, limit: int = 90) -> str:
    """A one-line excerpt in quotation marks, shortened at a word boundary."""
    line = one_line(text)
    if len(line) > limit:
        line = line[:limit].rsplit(" ", 1)[0] + "…"
    return f"“{line}”"


def number(value: float) -> str:
    """2417 -> '2,417'; 0.5 -> '0.5'."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def values(interval: Interval) -> str:
    """What an interval allows, in words: '312', '280–290', 'more than 2,000', or 'any
    value' ("fewer than 12" plus "more than 3" bounds nothing)."""
    if interval.hi == math.inf and interval.lo == -math.inf:
        return "any value"
    if interval.hi == math.inf:
        return f"{'more than' if interval.lo_open else 'at least'} {number(interval.lo)}"
    if interval.lo == -math.inf:
        return f"{'fewer than' if interval.hi_open else 'up to'} {number(interval.hi)}"
    if interval.lo == interval.hi:
        return number(interval.lo)
    return f"{number(interval.lo)}–{number(interval.hi)}"
