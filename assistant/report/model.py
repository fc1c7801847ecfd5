"""The batch report: what every renderer (Markdown, JSON, ...) draws from.

Every input the user gave appears in ``inputs``, in order: with its claims, or with the
reason it has none (rejected at ingest, extraction failed, or simply no checkable claim).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from assistant.model import (
    CheckKey,
    ChecklistItem,
    CheckStatus,
    Claim,
    Cluster,
    Cue,
    ExtractionStatus,
    Finding,
    InputStatus,
    RuleId,
    Severity,
    StoryBasis,
    Usage,
    Verdict,
)

REPORT_FORMAT = "factcheck-report/1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleInfo(_Model):
    id: str
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None
    content_hash: str
    characters: int


class ExtractionInfo(_Model):
    extractor: str
    model: str | None = None
    prompt_version: str | None = None
    status: ExtractionStatus
    error: str | None = None
    warnings: list[str] = Field(default_factory=list)
    usage: Usage
    cached: bool = Field(
        default=False,
        description="Taken from the results cache (an earlier run's extraction); no model "
        "call was made for it in this run, so usage is zero.",
    )


class InputEntry(_Model):
    """One input file (or JSONL line) and what became of it."""

    source: str
    status: InputStatus
    reason: str | None = Field(
        default=None, description="Why there are no claims, when there are none."
    )
    notes: list[str] = Field(default_factory=list, description="What ingest changed or ignored.")
    also_as: list[str] = Field(
        default_factory=list,
        description="Other names the same input was given under (a repeat, a copy, an "
        "identical JSONL line); it was read once, as source.",
    )
    story: str | None = Field(
        default=None,
        description="The id of the article's story (see 'stories'); None for an input that "
        "made no article, and in 'factcheck extract'.",
    )
    article: ArticleInfo | None = None
    extraction: ExtractionInfo | None = None
    claims: list[Claim] = Field(default_factory=list)
    hedges: list[Cue] = Field(
        default_factory=list,
        description="Every uncertainty cue in the article, claimed or not, in text order.",
    )


class EditorDecision(_Model):
    """The editor's work on one claim, as the workspace holds it."""

    claim_id: str
    verdict: Verdict | None = None
    note: str = ""
    items: dict[CheckKey, CheckStatus] = Field(
        default_factory=dict,
        description="The editor's own status per checklist item (the ticks); absent = untouched.",
    )
    editor: str | None = Field(
        default=None, description="Who made the last change, as the audit trail names them."
    )
    decided_at: datetime | None = Field(default=None, description="When it last changed (UTC).")
    reopened: str | None = Field(
        default=None,
        description="Why a re-run reopened the verdict ('text changed since the verdict'); "
        "None when it stands.",
    )
    old_verdict: Verdict | None = Field(
        default=None, description="The verdict that was reopened, as the editor gave it."
    )
    old_quote: str | None = Field(default=None, description="The quote that verdict was given on.")


class TriageSection(StrEnum):
    conflict = "conflict"
    arithmetic = "arithmetic"
    stale = "stale"
    sourcing = "sourcing"
    superlative = "superlative"
    inputs = "inputs"


class Side(_Model):
    """One outlet's side of a conflict: its figure and the sentence it stands in."""

    claim_id: str
    outlet: str
    published: date | None = None
    figure: str = Field(description="The figure as written.")
    period: str | None = Field(default=None, description="The period as written.")
    source: str = Field(description="The source chain, outlet first: 'A → the ministry'.")
    sentence: str = Field(description="The claim's verbatim quote, on one line.")


class TriageItem(_Model):
    section: TriageSection
    rule: RuleId | None = Field(default=None, description="None for an input problem.")
    severity: Severity
    title: str = Field(description="One line: what the item is about.")
    evidence: str = Field(default="", description="Why the rule fired, in full.")
    claim_ids: list[str] = Field(default_factory=list)
    cluster_id: str | None = None
    story: str | None = Field(default=None, description="The id of the story it belongs to.")
    sides: list[Side] = Field(
        default_factory=list, description="For a conflict: every claim of the cluster."
    )


class Triage(_Model):
    items: list[TriageItem] = Field(default_factory=list)
    per_claim: int = Field(
        default=0,
        description="Findings left to the claims' own checklists (not problems the desk "
        "must act on first, or checks that passed).",
    )
    main_metrics: list[str] = Field(
        default_factory=list,
        description="Metrics two or more articles give figures for: what the story is about.",
    )
    sourcing_more: int = Field(
        default=0,
        description="Unverified or single-source notes on main figures beyond the ones "
        "listed (counted in per_claim too): they stay with their claims.",
    )


class StoryInfo(_Model):
    """One story of the batch: the articles compared with each other, and only them."""

    id: str = Field(description="'story-1', 'story-2'... in order of their first article.")
    label: str = Field(
        description="The story's name: as the inputs name it, its folder, or the most "
        "distinctive names its articles share."
    )
    basis: StoryBasis
    articles: list[str] = Field(description="Its articles' ids, in batch order.")
    claims: int = 0
    clusters: list[str] = Field(default_factory=list, description="Its clusters' ids.")
    findings: dict[Severity, int] = Field(
        default_factory=dict, description="Its findings that need an editor, by severity."
    )


class Summary(_Model):
    inputs: int
    articles: int
    rejected: int
    failed: int
    claims: int
    grounded: int
    ungrounded: int
    cached: int = Field(
        default=0, description="Articles whose extraction came from the results cache."
    )
    findings: dict[Severity, int] = Field(default_factory=dict)


def cached_text(cached: int, articles: int) -> str:
    """The summary's words for articles taken from the results cache."""
    return (
        f"{cached} of {articles} articles, extracted by an earlier run; "
        "no model call was made for them"
    )


class Report(_Model):
    format: str = REPORT_FORMAT
    tool_version: str
    extractor: str
    compared: bool = Field(
        default=True,
        description="False for 'factcheck extract': claims only, no cross-article comparison.",
    )
    summary: Summary
    triage: Triage | None = Field(
        default=None,
        description="What needs an editor now, ranked (assistant/report/triage.py). A "
        "function of the rest of the report: filled in by the JSON renderer.",
    )
    stories: list[StoryInfo] = Field(
        default_factory=list,
        description="The stories of the batch; the rules compare articles within a story "
        "only. Empty for 'factcheck extract'.",
    )
    inputs: list[InputEntry]
    not_read: list[str] = Field(
        default_factory=list,
        description="Files in the given folders that are not an article format (.odt, .json...).",
    )
    clusters: list[Cluster] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    checklists: list[ChecklistItem] = Field(default_factory=list)
    decisions: list[EditorDecision] = Field(default_factory=list)


# What a report of several stories is written from, one story at a time (``stream.py``).


@dataclass(frozen=True)
class StoryReport:
    """One story of a batch of several, analysed and reported on its own.

    ``report`` is ``pipeline.build_report`` over the story's articles alone: its summary
    counts what the batch summary sums, its clusters, findings and checklists are the
    story's share of the batch report's lists. ``part`` is what ``stories.by_story``
    cuts from the batch report for it. ``number`` is 1 for the batch's first story.
    """

    number: int
    info: StoryInfo
    report: Report
    part: Report


@dataclass(frozen=True)
class BatchHead:
    """What a report of several stories says around its stories (``stream.py``).

    ``report`` holds the batch's summary and stories, the files not read, the editor's
    decisions, and as ``inputs`` only those that made no article (they are in no
    story); no claim. ``order`` is every input in batch order: the id of the article it
    made, or None for one that made none (the next of ``report.inputs``).
    """

    report: Report
    order: tuple[str | None, ...]
