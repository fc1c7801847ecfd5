"""The verification checklist of each claim, generated from the rule layer's findings.

Every claim gets one item per ``CheckKey``, each with an automatic status (pass / fail /
open / n.a.) and the evidence behind it, citing the rule ids of the findings used. The
editor's own status and note stay empty here: the workspace fills them in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import NamedTuple

from assistant.model import (
    CheckKey,
    ChecklistItem,
    CheckStatus,
    Claim,
    ClaimKind,
    Comparison,
    Finding,
    Grounding,
    RuleId,
    SourceRole,
)
from assistant.perf import gc_paused

LABELS: dict[CheckKey, str] = {
    CheckKey.source_identified: "Source identified",
    CheckKey.original_source_located: "Original source located",
    CheckKey.independently_verified: "Independently verified",
    CheckKey.consistent_across_articles: "Consistent with the other articles",
    CheckKey.numbers_add_up: "Numbers add up",
    CheckKey.period_explicit: "Period explicit",
    CheckKey.superlative_baseline: "Superlative baseline checked",
    CheckKey.quote_verbatim: "Quote verbatim",
    CheckKey.hedging_carried: "Hedging carried into our copy",
}


class _Claim(NamedTuple):
    """A claim with the findings that name it, by rule."""

    claim: Claim
    findings: dict[RuleId, list[Finding]]

    def get(self, *rules: RuleId, ok: bool | None = None) -> list[Finding]:
        if not self.findings:
            return []
        return [
            f for rule in rules for f in self.findings.get(rule, []) if ok is None or f.ok is ok
        ]


_Verdict = tuple[CheckStatus, str, list[Finding]]
_RULE_ORDER = {rule: n for n, rule in enumerate(RuleId)}


@gc_paused()
def build_checklists(claims: Sequence[Claim], comparison: Comparison) -> list[ChecklistItem]:
    """One item per ``CheckKey`` for every claim, claims in the given order. Never raises."""
    by_claim: dict[str, dict[RuleId, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for found in comparison.findings:
        for claim_id in found.claim_ids:
            by_claim[claim_id][found.rule].append(found)
    items: list[ChecklistItem] = []
    for claim in claims:
        view = _Claim(claim, by_claim.get(claim.id, {}))
        for key, check in _CHECKS.items():
            status, evidence, used = check(view)
            rules = _rules(used)
            if rules:
                evidence = f"{evidence} (findings: {', '.join(rule.value for rule in rules)})"
            # Plain validation, not model_construct: with pydantic-core it is the faster
            # of the two (benchmarks/compare_scale.py builds about a million items).
            items.append(
                ChecklistItem(
                    claim_id=claim.id,
                    key=key,
                    label=LABELS[key],
                    status=status,
                    evidence=evidence,
                    finding_rules=rules,
                )
            )
    return items


def _rules(used: list[Finding]) -> list[RuleId]:
    """The rule ids the evidence cites, in catalogue order."""
    return sorted({f.rule for f in used}, key=_RULE_ORDER.__getitem__) if used else []


def _is_opinion(claim: Claim) -> bool:
    return claim.kind is ClaimKind.opinion


def _source_identified(c: _Claim) -> _Verdict:
    if _is_opinion(c.claim):
        return CheckStatus.na, "an opinion needs no source", []
    names = [link.name for link in c.claim.attribution if link.role is not SourceRole.outlet]
    if not names:
        return CheckStatus.failed, "no source is named", c.get(RuleId.UNATTRIBUTED)
    return CheckStatus.passed, "named: " + "; ".join(names), []


def _original_located(c: _Claim) -> _Verdict:
    if _is_opinion(c.claim):
        return CheckStatus.na, "an opinion needs no source", []
    links = c.claim.attribution
    originals = [link for link in links if link.role is SourceRole.original]
    if originals:
        names = "; ".join(f"{link.name} ({link.canonical or link.name})" for link in originals)
        return CheckStatus.passed, f"original source: {names}", []
    via = [link.name for link in links if link.role is SourceRole.intermediary]
    if via:
        return CheckStatus.open, f"only an intermediary is named ({'; '.join(via)})", []
    return CheckStatus.failed, "no source to trace", c.get(RuleId.UNATTRIBUTED)


def _independently_verified(c: _Claim) -> _Verdict:
    if _is_opinion(c.claim):
        return CheckStatus.na, "an opinion is not verified", []
    if disclaimed := c.get(RuleId.UNVERIFIED):
        return CheckStatus.failed, "the article says it could not be verified", disclaimed
    if confirmed := c.get(RuleId.CORROBORATED):
        repeated = c.get(RuleId.CIRCULAR)
        return CheckStatus.passed, "confirmed by independent origins", confirmed + repeated
    if repeated := c.get(RuleId.CIRCULAR):
        return CheckStatus.failed, "other articles only repeat the same origin", repeated
    single = c.get(RuleId.SINGLE_SOURCE, RuleId.UNATTRIBUTED)
    return CheckStatus.open, "no independent confirmation in the package", single


def _consistent(c: _Claim) -> _Verdict:
    if against := c.get(RuleId.CONFLICT):
        return CheckStatus.failed, "other articles report an incompatible figure", against
    if stale := c.get(RuleId.STALE):
        return CheckStatus.failed, "repeats a figure other articles had already updated", stale
    side_by_side = c.get(RuleId.DIFFERENT_PERIOD)
    if agree := c.get(RuleId.AGREE):
        return CheckStatus.passed, "compatible with the other articles", agree + side_by_side
    if side_by_side:
        return (
            CheckStatus.na,
            "other articles give this figure only for other periods",
            side_by_side,
        )
    return CheckStatus.na, "no other article reports it", []


def _numbers_add_up(c: _Claim) -> _Verdict:
    if failing := c.get(RuleId.ARITHMETIC):
        return CheckStatus.failed, "an arithmetic check fails", failing
    if passing := c.get(RuleId.ADDS_UP):
        return CheckStatus.passed, "the related figures add up", passing
    return CheckStatus.na, "no related figures to add up", []


def _period_explicit(c: _Claim) -> _Verdict:
    period = c.claim.period
    if period is not None and period.text:
        if not period.resolved:
            return CheckStatus.open, f"“{period.text}” could not be resolved to dates", []
        if period.start is None:
            days = f"the total up to {period.end}"
        elif period.start == period.end:
            days = str(period.start)
        else:
            days = f"{period.start} to {period.end}"
        return CheckStatus.passed, f"“{period.text}” = {days}", []
    if c.claim.quantity is not None:
        return CheckStatus.open, "no period stated: read as the total at publication", []
    return CheckStatus.na, "no figure and no period", []


def _superlative(c: _Claim) -> _Verdict:
    if found := c.get(RuleId.SUPERLATIVE):
        return CheckStatus.open, "check the baseline of the superlative", found
    return CheckStatus.na, "no superlative", []


def _quote_verbatim(c: _Claim) -> _Verdict:
    match c.claim.grounding:
        case Grounding.exact:
            return CheckStatus.passed, "quote found verbatim in the article", []
        case Grounding.normalized:
            return CheckStatus.passed, "found after normalising spaces and quotation marks", []
        case _:
            return CheckStatus.failed, "the quote is not in the article", []


def _hedging_carried(c: _Claim) -> _Verdict:
    covering = c.get(RuleId.UNVERIFIED)
    cues = sorted({h.cue for h in c.claim.hedges})
    if not cues and not covering:
        return CheckStatus.na, "the original carries no hedge", []
    listed = ", ".join(f"“{cue}”" for cue in cues) or "the disclaimer that covers it"
    return CheckStatus.open, f"keep the original's hedging in our copy: {listed}", covering


_CHECKS: dict[CheckKey, Callable[[_Claim], _Verdict]] = {
    CheckKey.source_identified: _source_identified,
    CheckKey.original_source_located: _original_located,
    CheckKey.independently_verified: _independently_verified,
    CheckKey.consistent_across_articles: _consistent,
    CheckKey.numbers_add_up: _numbers_add_up,
    CheckKey.period_explicit: _period_explicit,
    CheckKey.superlative_baseline: _superlative,
    CheckKey.quote_verbatim: _quote_verbatim,
    CheckKey.hedging_carried: _hedging_carried,
}
