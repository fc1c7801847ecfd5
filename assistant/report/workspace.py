"""Reports and the editor's workspace: the report a workspace holds, and its decisions
carried onto a fresh run.

``factcheck report --workspace FILE`` uses ``report_from_workspace`` when no PATH is
given (the claims, findings and checklists the workspace stored, as the TUI's export
writes them) and ``carry_decisions`` when PATHs are given (a fresh run, with the
editor's work attached to the claims it was made on).

A decision is attached only to a claim with the same id, the same quote and the same
article text as the claim the editor decided on: a verdict never moves to a different
figure. The others are returned so the caller can say which were not carried.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from assistant.model import Claim, Comparison, Finding, RuleId
from assistant.report.decisions import decisions_of
from assistant.report.model import EditorDecision, Report
from assistant.store import Workspace

# Workspaces analysed before AGREE and ADDS_UP existed store passed checks as CONFLICT or
# ARITHMETIC with ok=True: read under the ids the report now uses.
_RENAMED = {RuleId.CONFLICT: RuleId.AGREE, RuleId.ARITHMETIC: RuleId.ADDS_UP}


def _current(finding: Finding) -> Finding:
    if finding.ok and finding.rule in _RENAMED:
        return finding.model_copy(update={"rule": _RENAMED[finding.rule]})
    return finding


def _comparison(workspace: Workspace) -> Comparison:
    stored = workspace.comparison()
    return Comparison(clusters=stored.clusters, findings=[_current(f) for f in stored.findings])


def report_from_workspace(workspace: Workspace) -> Report:
    """The report of what ``workspace`` holds, with every decision in it."""
    from assistant import pipeline  # the pipeline pulls in every stage: only when asked
    from assistant.ingest import IngestBatch

    batch = IngestBatch(inputs=workspace.inputs(), articles=workspace.articles())
    results = workspace.extractions()
    claims = workspace.claims()
    checklists = workspace.checklists()
    analysis = pipeline.Analysis(
        claims=claims,
        comparison=_comparison(workspace),
        checklists=[item for claim in claims for item in checklists.get(claim.id, [])],
    )
    extractor = ", ".join(sorted({r.extractor for r in results})) or "none"
    return pipeline.build_report(
        batch, results, analysis, extractor=extractor, decisions=decisions_of(workspace)
    )


def _identity(claim: Claim, hashes: dict[str, str]) -> tuple[str, str, str | None]:
    return claim.id, claim.quote, hashes.get(claim.article_id)


class DecisionCarrier:
    """The workspace's decisions, read once, to carry onto the claims of a fresh run:
    onto a whole report, or onto each story's report of a batch written story by story
    (``pipeline.story_reports``' ``decide``)."""

    def __init__(self, workspace: Workspace) -> None:
        self.decisions = decisions_of(workspace)
        decided = {d.claim_id for d in self.decisions}
        hashes = {a.id: a.content_hash for a in workspace.articles()}
        # Only the decided claims' identities are kept: a big workspace has many more.
        self._stored = {c.id: _identity(c, hashes) for c in workspace.claims() if c.id in decided}

    def carry(self, report: Report) -> list[EditorDecision]:
        """The decisions whose claim is in ``report`` with the same quote and article
        text as when decided, in the workspace's order."""
        hashes = {e.article.id: e.article.content_hash for e in report.inputs if e.article}
        current = {c.id: _identity(c, hashes) for e in report.inputs for c in e.claims}
        return [
            d
            for d in self.decisions
            if d.claim_id in current and current[d.claim_id] == self._stored.get(d.claim_id)
        ]

    def dropped(self, carried: Collection[str]) -> list[EditorDecision]:
        """The decisions not carried, given the claim ids of those that were."""
        return [d for d in self.decisions if d.claim_id not in carried]


def carry_decisions(report: Report, workspace: Workspace) -> tuple[Report, list[EditorDecision]]:
    """``report`` with the workspace's decisions on the same claims, and the decisions
    that were not carried (their claim is not in this run, or its text changed)."""
    carrier = DecisionCarrier(workspace)
    carried = carrier.carry(report)
    dropped = carrier.dropped({d.claim_id for d in carried})
    return report.model_copy(update={"decisions": carried}), dropped


def describe_dropped(dropped: Sequence[EditorDecision]) -> str:
    """One line for stderr naming the decisions a fresh run could not carry."""
    ids = ", ".join(d.claim_id for d in dropped[:5]) + (", …" if len(dropped) > 5 else "")
    n = len(dropped)
    return (
        f"{n} editor decision{'' if n == 1 else 's'} not carried into this report: "
        f"the claim is not in this run or its text changed ({ids}); "
        "run 'factcheck report --workspace FILE' without PATHs for the workspace's own report"
    )
