"""The rule layer: compare the claims of a story package, deterministically and explainably.

No model, no I/O: claims are filed under subject + metric + unit + period (a dict index,
never all pairs), and each rule in ``assistant/compare/rules/`` reads the package and
emits findings with the evidence that fired them. Same input, byte-identical output,
whatever the order of the claims.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.compare.config import RuleConfig
from assistant.compare.package import Package
from assistant.compare.rules import RULES
from assistant.model import Article, Claim, Comparison, Finding, RuleId
from assistant.perf import gc_paused

__all__ = ["Comparison", "RuleConfig", "compare"]

_RULE_ORDER = {rule: n for n, rule in enumerate(RuleId)}


@gc_paused()
def compare(
    articles: Sequence[Article], claims: Sequence[Claim], config: RuleConfig | None = None
) -> Comparison:
    """Cluster normalised ``claims`` and run every rule over them.

    ``claims`` must come from ``normalize_claims`` (canonical metrics, resolved periods,
    canonical sources). Clusters with two or more claims are returned, ordered by key;
    findings are ordered by rule, then claim ids. Raises ``ConfigError`` when the
    configured vocabulary is ambiguous.
    """
    config = config or RuleConfig()
    package = Package.build(articles, claims, config)
    findings = sorted((found for rule in RULES for found in rule(package)), key=_order)
    clusters = [block.cluster() for block in package.blocks if len(block.members) > 1]
    return Comparison(clusters=clusters, findings=findings)


def _order(found: Finding) -> tuple[int, list[str], str]:
    return _RULE_ORDER[found.rule], found.claim_ids, found.evidence
