"""The Markdown report: what an editor reads first.

Order: the summary, the triage (what needs an editor now, ``triage.py``), the clusters
side by side, then every input with its claims; each claim carries its own findings,
its checklist and the editor's decision.

Article-derived text is untrusted: every piece of it goes through ``esc`` so that markup,
HTML and link syntax in an article stay literal when the Markdown is rendered. So does
the editor's note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.model import (
    ChecklistItem,
    Claim,
    Cluster,
    Finding,
    Quantity,
    StoryBasis,
)
from assistant.report.editor import STATUS_MARK, decision_lines
from assistant.report.model import EditorDecision, InputEntry, Report, StoryInfo, cached_text
from assistant.report.stories import by_story, rejected_inputs
from assistant.report.triage import (
    SECTION_TITLES,
    Triage,
    TriageItem,
    TriageSection,
    build_triage,
    claim_evidence,
    source_chain,
    sourcing_more,
)
from assistant.text import format_number, one_line

# Only what can start markup mid-line: emphasis, code, links/images, HTML, tables,
# strikethrough, entities. Lines never begin with untrusted text, so block syntax
# (#, -, +, >) cannot be triggered and is left readable.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


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
    if s.cached:
        lines.append(f"- **From the results cache:** {cached_text(s.cached, s.articles)}")
    if report.decisions:
        verdicts = sum(1 for d in report.decisions if d.verdict is not None)
        lines.append(
            f"- **Editor's decisions:** {verdicts} verdicts on {len(report.decisions)} claims "
            "worked on"
        )
    if report.compared and s.ungrounded:
        lines.append(
            f"- **Left out of the comparison:** {s.ungrounded} ungrounded claims — their quotes "
            "are not in the article, so no rule relies on them"
        )
    return [*lines, ""]


def _verdicts(claim_ids: Iterable[str], decisions: dict[str, EditorDecision]) -> str:
    done = [
        f"`{i}` {decisions[i].verdict.value}"  # type: ignore[union-attr]
        for i in claim_ids
        if i in decisions and decisions[i].verdict is not None
    ]
    return f" — *editor:* {', '.join(done)}" if done else ""


def _triage_item(item: TriageItem, decisions: dict[str, EditorDecision]) -> list[str]:
    verdicts = _verdicts(item.claim_ids, decisions)
    if item.sides:
        lines = [f"**{esc(item.title)}** ({item.severity.value}){verdicts}", ""]
        lines += [
            "| Outlet | Published | Figure | Period | Source | Sentence | Claim |",
            "|---|---|---|---|---|---|---|",
        ]
        for side in item.sides:
            lines.append(
                f"| {esc(side.outlet)} | {side.published or ''} | {esc(side.figure)} "
                f"| {esc(side.period)} | {esc(side.source)} | {esc(side.sentence)} "
                f"| `{side.claim_id}` |"
            )
        return [*lines, ""]
    rule = f"**{item.rule.value}** ({item.severity.value}) — " if item.rule else ""
    ids = f" ({_ids(item.claim_ids)})" if item.claim_ids else ""
    return [f"- {rule}{esc(item.title)}{ids}{verdicts}"]


def _triage(triage: Triage, decisions: dict[str, EditorDecision]) -> list[str]:
    n = len(triage.items)
    lines = ["## Triage: what needs an editor now", ""]
    if not n:
        lines += ["Nothing to act on first.", ""]
    intro = f"{n} item{'' if n == 1 else 's'}, most urgent first. " if n else ""
    if triage.per_claim:
        intro += (
            f"{triage.per_claim} other findings (single source, no source named, hedges, "
            "checks that passed) are with their claims below."
        )
    if intro:
        lines += [intro, ""]
    for section, title in SECTION_TITLES.items():
        items = [i for i in triage.items if i.section is section]
        if not items:
            continue
        lines += [f"### {title} ({len(items)})", ""]
        for item in items:
            lines += _triage_item(item, decisions)
        if section is TriageSection.sourcing and triage.sourcing_more:
            lines.append(f"- … and {sourcing_more(triage)}")
        if lines[-1]:
            lines.append("")
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
                f"| {esc(source_chain(claim))} | {hedges} | `{claim.id}` |"
            )
        lines.append("")
    return lines


def _checklist_line(items: Iterable[ChecklistItem]) -> str:
    return " · ".join(f"{STATUS_MARK[i.status]} {esc(i.label)}" for i in items)


def _decision(decision: EditorDecision, labels: dict[str, str]) -> list[str]:
    (_, first), *rest = decision_lines(decision, labels, esc=esc, strong=lambda t: f"**{t}**")
    return [f"  - **editor:** {first}"] + [f"  - {label.lower()}: {text}" for label, text in rest]


def _claim(
    claim: Claim,
    checklist: list[ChecklistItem],
    findings: list[Finding],
    decision: EditorDecision | None,
) -> list[str]:
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
    lines.append(f"  - sources: {esc(source_chain(claim))}")
    if claim.hedges:
        hedges = "; ".join(
            f"“{esc(h.cue)}” ({h.kind.value}, {h.scope.value})" for h in claim.hedges
        )
        lines.append(f"  - hedges: {hedges}")
    for found in findings:
        state = "ok" if found.ok else found.severity.value
        lines.append(f"  - **{found.rule.value}** ({state}): {esc(claim_evidence(found))}")
    if checklist:
        lines.append(f"  - checklist: {_checklist_line(checklist)}")
    if decision is not None:
        lines += _decision(decision, {i.key.value: i.label for i in checklist})
    return lines


def _entry(
    n: int,
    entry: InputEntry,
    checklists: dict[str, list[ChecklistItem]],
    findings: dict[str, list[Finding]],
    decisions: dict[str, EditorDecision],
) -> list[str]:
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
        lines += _claim(
            claim,
            checklists.get(claim.id, []),
            findings.get(claim.id, []),
            decisions.get(claim.id),
        )
    return [*lines, ""]


def render_markdown(report: Report) -> str:
    """The whole report as Markdown; a batch of several stories story by story."""
    if len(report.stories) > 1:
        return _render_stories(report)
    return _render(report)


def _story_rows(report: Report) -> list[str]:
    lines = [
        "| Story | How grouped | Articles | Claims | Findings |",
        "|---|---|---|---|---|",
    ]
    for n, story in enumerate(report.stories, start=1):
        found = ", ".join(f"{k} {sev.value}" for sev, k in story.findings.items()) or "none"
        lines.append(
            f"| {n}. {esc(story.label)} | {_BASIS[story.basis]} "
            f"| {len(story.articles)} | {story.claims} | {found} |"
        )
    return [*lines, ""]


_BASIS = {
    StoryBasis.field: "named by its inputs",
    StoryBasis.folder: "its folder",
    StoryBasis.similar: "shared names",
    StoryBasis.batch: "the whole batch",
}


def _render_stories(report: Report) -> str:
    """The batch summary and a table of the stories, then each story as a report of its
    own (headings one level down), then the inputs that made no article."""
    lines = stories_head(report)
    for number, (story, part) in enumerate(by_story(report), start=1):
        lines += story_section(number, story, part)
    lines += stories_tail(report)
    return "\n".join(lines).rstrip() + "\n"


# A report of several stories in three pieces, so that ``stream.py`` can write one
# story at a time: the head (it needs the batch's totals), a section per story, the tail.


def stories_head(report: Report) -> list[str]:
    """The batch summary and the table of its stories."""
    lines = _summary(report)
    lines.insert(
        2, f"- **Stories:** {len(report.stories)} — articles are compared within their story only"
    )
    return [*lines, "## Stories in this batch", "", *_story_rows(report)]


def story_section(number: int, story: StoryInfo, part: Report) -> list[str]:
    """Story ``number`` of the batch, from ``part``, its own report."""
    body = _render(part).splitlines()
    # Drop the part's own title; its summary stays as the story's.
    lines = [f"## Story {number}: {esc(story.label)}"]
    lines += [f"#{line}" if line.startswith("#") else line for line in body[1:]]
    return [*lines, ""]


def stories_tail(report: Report) -> list[str]:
    """The inputs that made no article (``report.inputs``' entries with no story), and
    the files not read."""
    lines = []
    rejected = rejected_inputs(report)
    if rejected:
        lines += ["## Inputs with no article", ""]
        for k, entry in enumerate(rejected, start=1):
            lines += _entry(k, entry, {}, {}, {})
    return lines + _not_read(report)


def _not_read(report: Report) -> list[str]:
    if not report.not_read:
        return []
    files = [f"- {esc(path)}" for path in report.not_read]
    n = len(report.not_read)
    summary = f"Not read, not an article format: {n} file{'' if n == 1 else 's'}"
    return [f"<details><summary>{summary}</summary>", "", *files, "", "</details>", ""]


def _render(report: Report) -> str:
    claims = {c.id: c for e in report.inputs for c in e.claims}
    outlets = {e.article.id: e.article.outlet or e.article.id for e in report.inputs if e.article}
    checklists: dict[str, list[ChecklistItem]] = {}
    for item in report.checklists:
        checklists.setdefault(item.claim_id, []).append(item)
    findings: dict[str, list[Finding]] = {}
    for found in report.findings:
        for claim_id in found.claim_ids:
            findings.setdefault(claim_id, []).append(found)
    decisions = {d.claim_id: d for d in report.decisions}
    lines = _summary(report)
    if report.compared:
        lines += _triage(build_triage(report), decisions)
        lines += _clusters(report.clusters, claims, outlets)
    lines += ["## Articles", ""]
    for n, entry in enumerate(report.inputs, start=1):
        lines += _entry(n, entry, checklists, findings, decisions)
    lines += _not_read(report)
    return "\n".join(lines).rstrip() + "\n"
