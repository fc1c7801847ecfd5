"""The Markdown report: what an editor reads first.

Article-derived text is untrusted: every piece of it goes through ``esc`` so that markup,
HTML and link syntax in an article stay literal when the Markdown is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.model import (
    ChecklistItem,
    CheckStatus,
    Claim,
    Cluster,
    Finding,
    Quantity,
    Severity,
    SourceRole,
)
from assistant.report.model import InputEntry, Report
from assistant.text import format_number, one_line

# Only what can start markup mid-line: emphasis, code, links/images, HTML, tables,
# strikethrough, entities. Lines never begin with untrusted text, so block syntax
# (#, -, +, >) cannot be triggered and is left readable.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_STATUS_MARK = {
    CheckStatus.passed: "✓",
    CheckStatus.failed: "✗",
    CheckStatus.open: "○",
    CheckStatus.na: "–",
}


_FOLDED = (Severity.low, Severity.info)


def _ids(claim_ids: Iterable[str]) -> str:
    return ", ".join(f"`{c}`" for c in claim_ids)


def esc(text: str | None) -> str:
    """Untrusted text as inert, single-line Markdown."""
    if not text:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text))


def quantity_text(quantity: Quantity | None) -> str:
    if quantity is None:
        return ""
    value = format_number(quantity.value)
    if quantity.upper is not None:
        value += f"–{format_number(quantity.upper)}"
    unit = f" {quantity.unit}" if quantity.unit else ""
    return f"{value}{unit} ({quantity.bound.value.replace('_', ' ')})"


def source_chain(claim: Claim) -> str:
    names = [esc(link.name) for link in claim.attribution]
    if not any(link.role is SourceRole.original for link in claim.attribution):
        names.append("*no original source named*")
    return " → ".join(names)


def _summary(report: Report) -> list[str]:
    s = report.summary
    severities = ", ".join(f"{n} {sev.value}" for sev, n in s.findings.items()) or "none"
    if not report.compared:
        severities = "not compared across articles (run `factcheck report` for that)"
    lines = [
        "# Fact-check report" if report.compared else "# Extracted claims",
        "",
        f"- **Inputs:** {s.inputs} ({s.articles} articles, {s.rejected} rejected, "
        f"{s.failed} failed extraction)",
        f"- **Claims:** {s.claims} ({s.grounded} grounded, {s.ungrounded} ungrounded)",
        f"- **Findings:** {severities}",
        f"- **Extractor:** {esc(report.extractor)} · factcheck {esc(report.tool_version)}",
    ]
    if report.compared and s.ungrounded:
        lines.append(
            f"- **Left out of the comparison:** {s.ungrounded} ungrounded claims — their quotes "
            "are not in the article, so no rule relies on them"
        )
    return [*lines, ""]


def _findings(findings: list[Finding]) -> list[str]:
    lines = ["## Findings", ""]
    problems = [f for f in findings if not f.ok]
    if not problems:
        lines += ["No cross-article problems found.", ""]
    for severity in Severity:
        group = [f for f in problems if f.severity is severity]
        if not group:
            continue
        title = f"{severity.value.capitalize()} ({len(group)})"
        items = [f"- **{f.rule.value}** — {esc(f.evidence)} ({_ids(f.claim_ids)})" for f in group]
        if severity in _FOLDED:
            # Low and info findings are many and routine (one per single-source claim):
            # folded, so the conflicts and unverified claims stay on the first screen.
            lines += [f"<details><summary>{title}</summary>", "", *items, "", "</details>", ""]
        else:
            lines += [f"### {title}", "", *items, ""]
    passed = [f for f in findings if f.ok]
    if passed:
        items = [f"- **{f.rule.value}** — {esc(f.evidence)}" for f in passed]
        lines += [
            f"<details><summary>Checked and consistent ({len(passed)})</summary>",
            "",
            *items,
            "",
            "</details>",
            "",
        ]
    return lines


def _clusters(
    clusters: list[Cluster], claims: dict[str, Claim], outlets: dict[str, str]
) -> list[str]:
    shown = [
        c for c in clusters if len({claims[i].article_id for i in c.claim_ids if i in claims}) > 1
    ]
    if not shown:
        return []
    lines = ["## Across the articles", ""]
    for cluster in shown:
        subject = f"{esc(cluster.subject)} · " if cluster.subject else ""
        lines += [f"### {subject}{esc(cluster.metric)} · {esc(cluster.period)}", ""]
        lines += [
            "| Outlet | Value | Period | Source | Hedges | Claim |",
            "|---|---|---|---|---|---|",
        ]
        for claim_id in cluster.claim_ids:
            claim = claims.get(claim_id)
            if claim is None:
                continue
            period = esc(claim.period.text) if claim.period else ""
            hedges = ", ".join(esc(h.cue) for h in claim.hedges)
            lines.append(
                f"| {esc(outlets.get(claim.article_id, claim.article_id))} "
                f"| {esc(claim.quantity.text if claim.quantity else '')} | {period} "
                f"| {source_chain(claim)} | {hedges} | `{claim.id}` |"
            )
        lines.append("")
    return lines


def _checklist_line(items: Iterable[ChecklistItem]) -> str:
    return " · ".join(f"{_STATUS_MARK[i.status]} {esc(i.label)}" for i in items)


def _claim(claim: Claim, checklist: list[ChecklistItem]) -> list[str]:
    lines = [f"- **`{claim.id}`** {esc(claim.statement)}", f"  > {esc(claim.quote)}"]
    details = [f"kind: {claim.kind.value}", f"grounding: {claim.grounding.value}"]
    if claim.segment.value != "body":
        details.append(f"from a {claim.segment.value}")
    if claim.quantity:
        details.append(f"quantity: {esc(quantity_text(claim.quantity))}")
    if claim.metric:
        details.append(f"metric: {esc(claim.metric)}")
    if claim.period and claim.period.text:
        details.append(f"period: {esc(claim.period.text)}")
    details.append(f"certainty: {claim.certainty.value}")
    lines.append("  - " + " · ".join(details))
    lines.append(f"  - sources: {source_chain(claim)}")
    if claim.hedges:
        hedges = "; ".join(
            f"“{esc(h.cue)}” ({h.kind.value}, {h.scope.value})" for h in claim.hedges
        )
        lines.append(f"  - hedges: {hedges}")
    if checklist:
        lines.append(f"  - checklist: {_checklist_line(checklist)}")
    return lines


def _entry(n: int, entry: InputEntry, checklists: dict[str, list[ChecklistItem]]) -> list[str]:
    article = entry.article
    if article is None:
        return [f"### {n}. {esc(entry.source)} — rejected", "", f"{esc(entry.reason)}", ""]
    title = esc(article.title) or esc(article.id)
    meta = " · ".join(
        x for x in (esc(article.outlet), str(article.published or ""), esc(entry.source)) if x
    )
    lines = [f"### {n}. {title}", "", meta, ""]
    if entry.notes:
        lines += [f"*Input notes:* {'; '.join(esc(note) for note in entry.notes)}", ""]
    if entry.extraction and entry.extraction.warnings:
        lines += [f"*Warnings:* {'; '.join(esc(w) for w in entry.extraction.warnings)}", ""]
    if not entry.claims:
        return [*lines, f"*No claims:* {esc(entry.reason)}", ""]
    for claim in entry.claims:
        lines += _claim(claim, checklists.get(claim.id, []))
    return [*lines, ""]


def render_markdown(report: Report) -> str:
    """The whole report as Markdown."""
    claims = {c.id: c for e in report.inputs for c in e.claims}
    outlets = {e.article.id: e.article.outlet or e.article.id for e in report.inputs if e.article}
    checklists: dict[str, list[ChecklistItem]] = {}
    for item in report.checklists:
        checklists.setdefault(item.claim_id, []).append(item)
    lines = _summary(report)
    if report.compared:
        lines += _findings(report.findings)
        lines += _clusters(report.clusters, claims, outlets)
    lines += ["## Articles", ""]
    for n, entry in enumerate(report.inputs, start=1):
        lines += _entry(n, entry, checklists)
    if report.not_read:
        files = [f"- {esc(path)}" for path in report.not_read]
        n = len(report.not_read)
        summary = f"Not read, not an article format: {n} file{'' if n == 1 else 's'}"
        lines += [f"<details><summary>{summary}</summary>", "", *files, "", "</details>", ""]
    return "\n".join(lines).rstrip() + "\n"
