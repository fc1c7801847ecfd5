"""Builders of domain objects for the tests: name what a test is about, default the rest.

Each builder returns a real, validated model object. Spans are located in the text, never
counted by hand, so a builder raises ``ValueError`` when a quote or cue is not there.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from assistant.model import (
    Article,
    Bound,
    Claim,
    ClaimKind,
    Cluster,
    Finding,
    Hedge,
    HedgeKind,
    HedgeScope,
    Period,
    Quantity,
    RuleId,
    Severity,
    SourceLink,
    SourceRole,
    Span,
)


def span_of(text: str, needle: str) -> Span:
    """Where ``needle`` first stands in ``text``; raises ``ValueError`` when it is absent."""
    start = text.index(needle)
    return Span(start=start, end=start + len(needle))


def article(id: str = "a", text: str = "12 people died on Monday.", **fields: Any) -> Article:
    """An article whose source is ``<id>.txt`` unless ``fields`` say otherwise."""
    return Article.model_validate({"id": id, "text": text, "source": f"{id}.txt"} | fields)


def claim(id: str = "a#1", quote: str = "12 people died on Monday", **fields: Any) -> Claim:
    """A quantity claim of article ``<id up to '#'>`` whose statement is its quote; no span."""
    defaults: dict[str, Any] = {
        "id": id,
        "article_id": id.split("#")[0],
        "quote": quote,
        "statement": quote,
        "kind": ClaimKind.quantity,
    }
    return Claim.model_validate(defaults | fields)


def quoted(article: Article, quote: str, n: int | None = None, **fields: Any) -> Claim:
    """A ``claim`` quoting ``article``, its span located in the text.

    Its id is ``<article id>#<n>``, ``n`` defaulting to the quote's offset in the text.
    Raises ``ValueError`` when ``quote`` is not in the article.
    """
    span = span_of(article.text, quote)
    return claim(f"{article.id}#{span.start if n is None else n}", quote, span=span, **fields)


def hedge(
    article: Article, cue: str, kind: HedgeKind, scope: HedgeScope = HedgeScope.clause
) -> Hedge:
    """The hedge ``cue`` located in ``article``; raises ``ValueError`` when it is absent."""
    return Hedge(cue=cue, span=span_of(article.text, cue), kind=kind, scope=scope)


_BOUND_CUES = {
    "more than": Bound.more_than,
    "at least": Bound.at_least,
    "about": Bound.about,
    "some": Bound.about,
    "up to": Bound.up_to,
    "fewer than": Bound.fewer_than,
}


def quantity(text: str, unit: str | None = None) -> Quantity:
    """The figure as written: 'more than 2,000' is 2000 more_than, 'between 300 and 400' a range.

    Only digits are read ('2 million' is 2): build any other ``Quantity`` by hand.
    """
    numbers = [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]
    lowered = text.lower()
    if lowered.startswith("between"):
        return Quantity(value=numbers[0], upper=numbers[1], bound=Bound.range, unit=unit, text=text)
    bound = next(
        (b for cue, b in _BOUND_CUES.items() if lowered.startswith(cue + " ")), Bound.exact
    )
    return Quantity(value=numbers[0], bound=bound, unit=unit, text=text)


def source(
    name: str, role: SourceRole = SourceRole.original, canonical: str | None = None
) -> SourceLink:
    """A link of a claim's attribution chain, by default its original source."""
    return SourceLink(name=name, role=role, canonical=canonical)


def day(text: str, on: date) -> Period:
    """A period written as ``text`` and resolved to the single day ``on``."""
    return Period(text=text, start=on, end=on, resolved=True)


def finding(
    rule: RuleId,
    *claim_ids: str,
    severity: Severity = Severity.medium,
    evidence: str = "...",
    cluster_id: str | None = None,
    ok: bool = False,
) -> Finding:
    """A finding of ``rule`` on ``claim_ids``: a problem unless ``ok``."""
    return Finding(
        rule=rule,
        severity=severity,
        claim_ids=list(claim_ids),
        evidence=evidence,
        cluster_id=cluster_id,
        ok=ok,
    )


def cluster(
    *claim_ids: str, metric: str, period: str, id: str = "c1", subject: str | None = None
) -> Cluster:
    """A cluster of ``claim_ids`` about one metric and period key."""
    return Cluster(id=id, subject=subject, metric=metric, period=period, claim_ids=list(claim_ids))
