"""Triage: what needs an editor now, ranked, drawn once for every report format.

A pure function of the ``Report``. The rule findings split in two:

- the **triage** list, in this order (by severity, then report order, within a section):
  1. conflicts, one item per cluster, with each outlet's sentence side by side;
  2. arithmetic that does not add up (ARITHMETIC);
  3. stale figures (STALE);
  4. unverified and single-source claims *that matter* (UNVERIFIED, CIRCULAR,
     SINGLE_SOURCE, UNATTRIBUTED; see ``matters``);
  5. superlatives and records (SUPERLATIVE);
  6. inputs that were rejected or failed extraction (files that are not an article
     format are listed at the end of the report, not here);
- **per-claim observations**: everything else (single-source and unattributed claims
  that do not matter, evidential hedges on minor figures, and the checks that passed or
  only inform: AGREE, ADDS_UP, CORROBORATED, DIFFERENT_PERIOD, PRECISION). They stay
  with each claim, in its checklist section.

Check-worthiness (``matters``), deterministic: a claim that is grounded and not an
opinion matters when either

- it states a figure on one of the package's **main metrics**: a metric the rule layer
  compares (a normalised metric key, not just the noun after a number) that two or more
  articles give figures for (deaths, people evacuated...: what the story is about), or
- the article itself says it could not be verified (UNVERIFIED at medium or high
  severity: a verification disclaimer, not just "reportedly"), figure or not.

A claim that another triage item already names (a conflict, a stale figure, a
superlative, a disclaimer...) is not listed again as single-source or unattributed: its
checklist says so. The sourcing section lists at most ``SOURCING_SHOWN`` items, the
disclaimers first, then circular reporting, then by severity and by how many articles
give the metric; real coverage of 14 outlets yields sixty such notes, and a triage that
long buries the conflicts it exists to show. The rest are counted (``sourcing_more``)
and stay with their claims.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

from assistant.model import (
    Claim,
    ClaimKind,
    Cluster,
    ExtractionStatus,
    Finding,
    Grounding,
    RuleId,
    Severity,
    SourceRole,
)
from assistant.report.model import (
    ArticleInfo,
    Report,
    Side,
    Triage,
    TriageItem,
    TriageSection,
)
from assistant.text import one_line, shorten

SECTION_TITLES: dict[TriageSection, str] = {
    TriageSection.conflict: "Conflicts",
    TriageSection.arithmetic: "Arithmetic that does not add up",
    TriageSection.stale: "Stale figures",
    TriageSection.sourcing: "Unverified or single-source, on figures that matter",
    TriageSection.superlative: "Superlatives and records",
    TriageSection.inputs: "Inputs rejected or not extracted",
}

_SECTION_OF: dict[RuleId, TriageSection] = {
    RuleId.CONFLICT: TriageSection.conflict,
    RuleId.ARITHMETIC: TriageSection.arithmetic,
    RuleId.STALE: TriageSection.stale,
    RuleId.UNVERIFIED: TriageSection.sourcing,
    RuleId.CIRCULAR: TriageSection.sourcing,
    RuleId.SINGLE_SOURCE: TriageSection.sourcing,
    RuleId.UNATTRIBUTED: TriageSection.sourcing,
    RuleId.SUPERLATIVE: TriageSection.superlative,
}
# Only a claim that matters is raised from these into the triage.
_SOURCING = frozenset(
    {RuleId.UNVERIFIED, RuleId.CIRCULAR, RuleId.SINGLE_SOURCE, RuleId.UNATTRIBUTED}
)
# Not listed for a claim another triage item already names.
_SOURCE_NOTES = frozenset({RuleId.SINGLE_SOURCE, RuleId.UNATTRIBUTED})
_SEVERITY_RANK = {s: n for n, s in enumerate(Severity)}
SOURCING_SHOWN = 10


def main_metrics(claims: Iterable[Claim]) -> list[str]:
    """Metrics that two or more articles give a grounded figure for, sorted."""
    return sorted(m for m, n in _reach(claims).items() if n >= 2)


def _reach(claims: Iterable[Claim]) -> dict[str, int]:
    """How many articles give a grounded figure on each compared metric."""
    articles: dict[str, set[str]] = {}
    for claim in claims:
        metric = claim.metric_key
        if metric and claim.quantity is not None and claim.grounding is not Grounding.ungrounded:
            articles.setdefault(metric, set()).add(claim.article_id)
    return {m: len(ids) for m, ids in articles.items()}


def matters(claim: Claim, finding: Finding, main: Collection[str]) -> bool:
    """Check-worthiness: see the module docstring."""
    if claim.kind is ClaimKind.opinion or claim.grounding is Grounding.ungrounded:
        return False
    if finding.rule is RuleId.UNVERIFIED and finding.severity in (Severity.high, Severity.medium):
        return True  # the article itself says it could not be verified
    return claim.quantity is not None and claim.metric_key in main


class _Index(NamedTuple):
    """The report's claims, articles and clusters by id: looked up once, not per item."""

    claims: dict[str, Claim]
    articles: dict[str, ArticleInfo]
    clusters: dict[str, Cluster]

    @classmethod
    def of(cls, report: Report) -> _Index:
        return cls(
            claims={c.id: c for e in report.inputs for c in e.claims},
            articles={e.article.id: e.article for e in report.inputs if e.article is not None},
            clusters={c.id: c for c in report.clusters},
        )


def build_triage(report: Report) -> Triage:
    """The triage of ``report``: pure, deterministic, the same for every format."""
    index = _Index.of(report)
    claims = index.claims
    reach = _reach(claims.values())
    main = {m for m, n in reach.items() if n >= 2}
    items: list[TriageItem] = []
    per_claim = 0
    sourcing: list[Finding] = []
    for found in report.findings:
        section = None if found.ok else _SECTION_OF.get(found.rule)
        if section is TriageSection.sourcing:
            if any(matters(claims[i], found, main) for i in found.claim_ids if i in claims):
                sourcing.append(found)
                continue
            section = None
        if section is None:
            per_claim += 1
            continue
        items.append(_item(section, found, index))
    # Unverified and circular first: a single-source note on a claim some item already
    # lists adds nothing to the triage (its checklist still says so).
    sourcing.sort(key=lambda f: _sourcing_rank(f, claims, reach))
    shown = {i for item in items for i in item.claim_ids}
    listed: list[Finding] = []
    for found in sourcing:
        if found.rule in _SOURCE_NOTES and shown.issuperset(found.claim_ids):
            per_claim += 1
            continue
        listed.append(found)
        shown.update(found.claim_ids)
    # Folding one or two lines into "... and 2 more" saves the reader nothing.
    cut = SOURCING_SHOWN if len(listed) > SOURCING_SHOWN + 2 else len(listed)
    more = len(listed) - cut
    items += [_item(TriageSection.sourcing, found, index) for found in listed[:cut]]
    items += _input_items(report)
    order = list(TriageSection)
    items.sort(key=lambda i: (order.index(i.section), _SEVERITY_RANK[i.severity]))
    return Triage(
        items=items,
        per_claim=per_claim + more,
        sourcing_more=more,
        main_metrics=sorted(main),
    )


def sourcing_more(triage: Triage) -> str:
    """The line that says how many sourcing notes the triage leaves to the claims."""
    n = triage.sourcing_more
    return (
        f"{n} more unverified, single-source or unattributed figure{'' if n == 1 else 's'} "
        "on the main metrics: see each claim below"
    )


def _sourcing_rank(
    found: Finding, claims: dict[str, Claim], reach: dict[str, int]
) -> tuple[bool, bool, int, int]:
    """Disclaimers and circular reporting first, then by severity, then the figures on
    the metrics the most articles give (the story's headline numbers)."""
    widest = max(
        (reach.get(claims[i].metric_key or "", 0) for i in found.claim_ids if i in claims),
        default=0,
    )
    return (found.rule in _SOURCE_NOTES, found.rule is not RuleId.UNVERIFIED,
            _SEVERITY_RANK[found.severity], -widest)  # fmt: skip


def _item(section: TriageSection, found: Finding, index: _Index) -> TriageItem:
    title = one_line(found.evidence)
    sides: list[Side] = []
    if section is TriageSection.conflict:
        sides = _sides(found.claim_ids, index)
        cluster = index.clusters.get(found.cluster_id) if found.cluster_id else None
        label = title.split(":", 1)[0]
        if cluster is not None:
            subject = f"{cluster.subject} · " if cluster.subject else ""
            label = f"{subject}{cluster.metric} · {cluster.period}"
        figures = " vs ".join(f"{s.figure} ({s.outlet})" for s in sides)
        doubt = "" if found.severity is Severity.high else "may conflict, cannot tell: "
        title = f"{label}: {doubt}{figures}"
    return TriageItem(
        section=section,
        rule=found.rule,
        severity=found.severity,
        title=title,
        evidence=one_line(found.evidence),
        claim_ids=list(found.claim_ids),
        cluster_id=found.cluster_id,
        sides=sides,
    )


def _sides(claim_ids: Sequence[str], index: _Index) -> list[Side]:
    sides = []
    for claim_id in claim_ids:
        claim = index.claims.get(claim_id)
        if claim is None:
            continue
        article = index.articles.get(claim.article_id)
        sides.append(
            Side(
                claim_id=claim.id,
                outlet=(article.outlet if article else None) or claim.article_id,
                published=article.published if article else None,
                figure=claim.quantity.text if claim.quantity else "",
                period=claim.period.text if claim.period else None,
                source=source_chain(claim),
                sentence=one_line(claim.quote),
            )
        )
    return sides


# A finding over many claims is listed under each of them: its evidence is cut there
# (it is whole in the triage and the JSON), so a report grows with the claims, not
# with their square.
CLAIM_EVIDENCE_LIMIT = 400


def claim_evidence(finding: Finding) -> str:
    """The finding's evidence as shown under one of its claims."""
    if len(finding.claim_ids) <= 1:
        return one_line(finding.evidence)
    return shorten(finding.evidence, CLAIM_EVIDENCE_LIMIT)


def source_chain(claim: Claim) -> str:
    """'Outlet → wire → the ministry', and a note when no original source is named."""
    names = [one_line(link.name) for link in claim.attribution]
    if not any(link.role is SourceRole.original for link in claim.attribution):
        names.append("no original source named")
    return " → ".join(names)


def _input_items(report: Report) -> list[TriageItem]:
    items = []
    for entry in report.inputs:
        failed = entry.extraction is not None and entry.extraction.status is ExtractionStatus.failed
        if entry.article is None or failed:
            reason = one_line(entry.reason or "")
            if entry.article is None:
                reason = f"rejected: {reason}"
            items.append(
                TriageItem(
                    section=TriageSection.inputs,
                    severity=Severity.high,
                    title=f"{one_line(entry.source)}: {reason}",
                )
            )
    return items
