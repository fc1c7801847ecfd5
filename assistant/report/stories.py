"""A report of several stories, story by story.

The rule layer ran per story (``assistant/stories.py``); this cuts the batch report into
one report per story -- its articles, claims, clusters, findings, checklists and the
editor's decisions -- so each renderer draws a story with the code that draws a batch,
and the triage's "main metrics" are each story's own. A report of one story (or none:
``factcheck extract``) is drawn as it always was.
"""

from __future__ import annotations

from assistant.model import ExtractionStatus, Finding, Grounding, Severity
from assistant.report.model import InputEntry, Report, StoryInfo, Summary, Triage
from assistant.report.triage import build_triage

__all__ = [
    "by_story",
    "rejected_inputs",
    "story_label",
    "story_labels",
    "story_part",
    "story_triage",
]


def by_story(report: Report) -> list[tuple[StoryInfo, Report]]:
    """Each story with the report of its own articles, in story order."""
    return [(story, story_part(report, story)) for story in report.stories]


def rejected_inputs(report: Report) -> list[InputEntry]:
    """The inputs that made no article, so belong to no story."""
    return [entry for entry in report.inputs if entry.story is None]


def story_labels(report: Report) -> dict[str, str]:
    """Article id -> 'Story 2: label', for a report of several stories; empty otherwise."""
    if len(report.stories) < 2:
        return {}
    return {
        article: story_label(n, story)
        for n, story in enumerate(report.stories, start=1)
        for article in story.articles
    }


def story_label(number: int, story: StoryInfo) -> str:
    """How the CSV and ClaimReview name story ``number`` of a batch: 'Story 2: label'."""
    return f"Story {number}: {story.label}"


def story_triage(report: Report) -> Triage:
    """The triage of each story, one after the other, each item naming its story."""
    if len(report.stories) < 2:
        triage = build_triage(report)
        if report.stories:
            only = report.stories[0].id
            for item in triage.items:
                item.story = only
        return triage
    merged = Triage()
    for story, part in by_story(report):
        triage = build_triage(part)
        merged.items += [item.model_copy(update={"story": story.id}) for item in triage.items]
        merged.per_claim += triage.per_claim
        merged.sourcing_more += triage.sourcing_more
        merged.main_metrics += [m for m in triage.main_metrics if m not in merged.main_metrics]
    return merged


def story_part(report: Report, story: StoryInfo) -> Report:
    """The report of ``story``'s own articles: its inputs, claims, clusters, findings,
    checklists and decisions, with a summary of its own."""
    entries = [entry for entry in report.inputs if entry.story == story.id]
    claims = {claim.id for entry in entries for claim in entry.claims}
    findings = [f for f in report.findings if f.claim_ids and f.claim_ids[0] in claims]
    grounded = sum(1 for e in entries for c in e.claims if c.grounding is not Grounding.ungrounded)
    summary = Summary(
        inputs=len(entries),
        articles=len(entries),
        rejected=0,
        failed=sum(
            1
            for e in entries
            if e.extraction is not None and e.extraction.status is ExtractionStatus.failed
        ),
        claims=len(claims),
        grounded=grounded,
        ungrounded=len(claims) - grounded,
        findings=_severities(findings),
    )
    return report.model_copy(
        update={
            "summary": summary,
            "stories": [story],
            "inputs": entries,
            "not_read": [],
            "clusters": [c for c in report.clusters if c.claim_ids and c.claim_ids[0] in claims],
            "findings": findings,
            "checklists": [c for c in report.checklists if c.claim_id in claims],
            "decisions": [d for d in report.decisions if d.claim_id in claims],
        }
    )


def _severities(findings: list[Finding]) -> dict[Severity, int]:
    counts = {s: sum(1 for f in findings if f.severity is s and not f.ok) for s in Severity}
    return {s: n for s, n in counts.items() if n}
