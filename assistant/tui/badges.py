"""Badges and highlight styles: the app's visual vocabulary, in one place.

Styles carry both a foreground and a background so they read on light and dark themes.
"""

from __future__ import annotations

from rich.text import Text

from assistant.model import CheckStatus, HedgeKind, RuleId, Severity, Verdict
from assistant.store import ClaimDecision
from assistant.tui.package import ClaimEntry

REOPENED_STYLE = "bold #000000 on #ef6c00"

VERDICT_STYLE: dict[Verdict, str] = {
    Verdict.accurate: "bold #ffffff on #2e7d32",
    Verdict.inaccurate: "bold #ffffff on #c62828",
    Verdict.misleading: "bold #000000 on #ef6c00",
    Verdict.unverifiable: "bold #ffffff on #616161",
    Verdict.needs_context: "bold #000000 on #fbc02d",
}

SEVERITY_STYLE: dict[Severity, str] = {
    Severity.high: "bold #ffffff on #c62828",
    Severity.medium: "bold #000000 on #ef6c00",
    Severity.low: "#000000 on #fbc02d",
    Severity.info: "#ffffff on #546e7a",
}

RULE_LABEL: dict[RuleId, str] = {
    RuleId.CONFLICT: "CONFLICT",
    RuleId.AGREE: "AGREE",
    RuleId.CORROBORATED: "CORROBORATED",
    RuleId.CIRCULAR: "CIRCULAR",
    RuleId.SINGLE_SOURCE: "1-SOURCE",
    RuleId.UNATTRIBUTED: "NO-SOURCE",
    RuleId.UNVERIFIED: "UNVERIFIED",
    RuleId.ARITHMETIC: "ARITHMETIC",
    RuleId.ADDS_UP: "ADDS-UP",
    RuleId.SUPERLATIVE: "SUPERLATIVE",
    RuleId.DIFFERENT_PERIOD: "PERIOD",
    RuleId.STALE: "STALE",
    RuleId.PRECISION: "PRECISION",
}

CHECK_STYLE: dict[CheckStatus, str] = {
    CheckStatus.passed: "bold #2e7d32",
    CheckStatus.failed: "bold #c62828",
    CheckStatus.open: "bold #ef6c00",
    CheckStatus.na: "dim",
}

CHECK_MARK: dict[CheckStatus, str] = {
    CheckStatus.passed: "✔ pass",
    CheckStatus.failed: "✘ fail",
    CheckStatus.open: "● open",
    CheckStatus.na: "– n.a.",
}

# Article view highlights: the claim spans, and one style per family of hedge cue.
CLAIM_STYLE = "underline"
CURRENT_CLAIM_STYLE = "bold reverse"
HEDGE_STYLE: dict[HedgeKind, str] = {
    HedgeKind.verification_disclaimer: "bold #ffffff on #c62828",
    HedgeKind.epistemic_modal: "italic #000000 on #fbc02d",
    HedgeKind.evidential: "italic #000000 on #fbc02d",
    HedgeKind.approximator: "#000000 on #4fc3f7",
    HedgeKind.attribution_only: "#ffffff on #2e7d32",
}
HEDGE_LEGEND: tuple[tuple[str, str], ...] = (
    ("claim", CLAIM_STYLE),
    ("verification disclaimer", HEDGE_STYLE[HedgeKind.verification_disclaimer]),
    ("modal hedge", HEDGE_STYLE[HedgeKind.epistemic_modal]),
    ("approximator", HEDGE_STYLE[HedgeKind.approximator]),
    ("attribution", HEDGE_STYLE[HedgeKind.attribution_only]),
)


def verdict_badge(verdict: Verdict | None) -> Text:
    if verdict is None:
        return Text("unchecked", style="dim", end="")
    return Text(f" {verdict.value.replace('_', ' ')} ", style=VERDICT_STYLE[verdict], end="")


def decision_badge(decision: ClaimDecision) -> Text:
    """The verdict; "reopened" when a re-run found the text changed under it."""
    if decision.reopened and decision.verdict is None:
        return Text(" reopened ", style=REOPENED_STYLE, end="")
    return verdict_badge(decision.verdict)


def rule_badges(entry: ClaimEntry, separator: str = " ") -> Text:
    """The fired rules as short labels, coloured by their worst severity.

    A newline for ``separator`` stacks them, for a column with room for one badge across.
    """
    worst: dict[RuleId, Severity] = {}
    for finding in entry.findings:  # already worst first
        worst.setdefault(finding.rule, finding.severity)
    badges = Text(end="")
    for rule, severity in worst.items():
        if badges:
            badges.append(separator)
        badges.append(f" {RULE_LABEL[rule]} ", style=SEVERITY_STYLE[severity])
    return badges


def check_badge(status: CheckStatus | None) -> Text:
    if status is None:
        return Text("—", style="dim", end="")
    return Text(CHECK_MARK[status], style=CHECK_STYLE[status], end="")


def severity_counts(counts: dict[Severity, int]) -> Text:
    text = Text(end="")
    for severity in Severity:
        if counts.get(severity):
            if text:
                text.append(" ")
            text.append(f" {counts[severity]} {severity.value} ", style=SEVERITY_STYLE[severity])
    return text or Text("none", style="dim", end="")
