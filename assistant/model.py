"""The domain model: plain pydantic classes that do no I/O and import nothing of ours.

Every stage of the pipeline speaks in these types:

    ingest -> Article -> extract -> ExtractionResult(claims) -> ground -> normalize
           -> compare -> Cluster + Finding -> checklist -> ChecklistItem -> Report

The model that the LLM fills in is *not* this one: it is a smaller, lenient schema in
``assistant/llm/schema.py`` that is converted into these classes.
"""

from __future__ import annotations

import hashlib
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, computed_field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, use_enum_values=False)


class Span(_Model):
    """Half-open character range ``[start, end)`` in ``Article.text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


# --------------------------------------------------------------------------- articles


class SegmentTag(StrEnum):
    """What a line of an article is; see NON_ARTICLE_SEGMENTS for the ones that yield no claims."""

    body = "body"
    headline = "headline"
    caption = "caption"  # photo caption: may still carry a claim, kept and tagged
    credit = "credit"  # photo credit / byline furniture
    promo = "promo"  # "CLICK HERE", download-our-app, subscribe
    teaser = "teaser"  # all-caps headline of another story
    translation_banner = "translation_banner"
    footer = "footer"  # newsletter / contact / copyright footer


# Lines that are not part of the story: they never yield claims. Headlines and captions
# do (a caption claim is kept and tagged), since they often state figures of their own.
NON_ARTICLE_SEGMENTS = frozenset(
    {
        SegmentTag.credit,
        SegmentTag.promo,
        SegmentTag.teaser,
        SegmentTag.translation_banner,
        SegmentTag.footer,
    }
)


class Segment(_Model):
    """A line or paragraph of the article text with its tag."""

    span: Span
    tag: SegmentTag


class StoryBasis(StrEnum):
    """How an article's story was decided (``assistant/stories.py``)."""

    field = "field"  # the input named it
    folder = "folder"  # its folder
    similar = "similar"  # automatic grouping by shared names
    batch = "batch"  # one story for the whole batch (one found, or --one-story)


class Article(_Model):
    id: str
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None
    story: str | None = Field(
        default=None,
        description="The story package the input names (JSONL or front matter 'story'): "
        "articles of different stories are never compared.",
    )
    text: str
    source: str = Field(description="Where the article came from: a path, or path#line for JSONL.")
    segments: list[Segment] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def content_hash(self) -> str:
        """sha256 of the text: the identity used by caches and recorded fixtures."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def tag_at(self, offset: int) -> SegmentTag:
        """The tag of the segment containing ``offset`` (body when untagged)."""
        for seg in self.segments:
            if seg.span.start <= offset < seg.span.end:
                return seg.tag
        return SegmentTag.body


# --------------------------------------------------------------------------- claims


class ClaimKind(StrEnum):
    quantity = "quantity"
    event = "event"
    quote = "quote"
    attribution = "attribution"
    prediction = "prediction"
    comparison = "comparison"
    opinion = "opinion"


class Bound(StrEnum):
    """How a stated number relates to the true value."""

    exact = "exact"
    at_least = "at_least"  # "at least 40"
    more_than = "more_than"  # "more than 2,000"
    about = "about"  # "about", "nearly", "some", "roughly"
    up_to = "up_to"  # "up to 300", "as many as"
    fewer_than = "fewer_than"  # "fewer than 10", "under"
    range = "range"  # "between 300 and 400": value..upper


class Quantity(_Model):
    value: float
    upper: float | None = Field(default=None, description="Upper end for bound=range.")
    bound: Bound = Bound.exact
    unit: str | None = Field(
        default=None, description="Canonical unit: people, homes, USD, percent, ..."
    )
    text: str = Field(description="The number as written, e.g. 'more than 2,000'.")
    span: Span | None = Field(
        default=None,
        description="Where ``text`` stands in the article, when the extractor knows: a quote "
        "may state the same number twice ('50m by 50m').",
    )


class Period(_Model):
    """The time a figure refers to, resolved against the article's publication date."""

    text: str | None = Field(default=None, description="As written: 'Monday', 'so far', ...")
    start: date | None = None
    end: date | None = None
    cumulative: bool = Field(default=False, description="A running total ('so far', 'since ...').")
    resolved: bool = False


class SourceRole(StrEnum):
    outlet = "outlet"  # the publication carrying the article
    intermediary = "intermediary"  # a wire service or another outlet it cites
    original = "original"  # whoever first made the statement


class SourceLink(_Model):
    name: str = Field(description="As written: 'the interior ministry', 'Reuters'.")
    role: SourceRole
    canonical: str | None = Field(
        default=None, description="Canonical origin id, set by normalize."
    )


class HedgeKind(StrEnum):
    epistemic_modal = "epistemic_modal"  # may, might, likely, possibly
    evidential = "evidential"  # reportedly, supposedly, allegedly
    verification_disclaimer = "verification_disclaimer"  # could not be independently verified
    conditional = "conditional"  # if, unless, whether: not asserted as having happened
    approximator = "approximator"  # about, more than, nearly
    attribution_only = "attribution_only"  # "X said": the claim rests on X alone


class HedgeScope(StrEnum):
    clause = "clause"  # the claim the cue sits in
    sentence = "sentence"  # the whole sentence
    preceding = "preceding"  # refers back: "these figures could not be verified"
    paragraph = "paragraph"


class Hedge(_Model):
    cue: str = Field(description="The cue exactly as in the text.")
    span: Span | None = None
    kind: HedgeKind
    scope: HedgeScope = HedgeScope.clause


class Cue(_Model):
    """An uncertainty cue found anywhere in an article, whether or not a claim carries it:
    so uncertainty can be read (and scored) on any text, not only around figures."""

    cue: str = Field(description="The cue exactly as in the text.")
    span: Span
    kind: HedgeKind
    scope: HedgeScope
    sentence: str = Field(description="The sentence the cue sits in, as written.")


class Certainty(StrEnum):
    asserted = "asserted"  # stated as fact
    attributed = "attributed"  # stated as someone's claim
    hedged = "hedged"  # modal or approximate
    unverified = "unverified"  # under a verification disclaimer or evidential


class Grounding(StrEnum):
    exact = "exact"  # quote found byte for byte
    normalized = "normalized"  # found after whitespace / curly-quote normalisation
    ungrounded = "ungrounded"  # not in the article: kept, never trusted


class Claim(_Model):
    id: str = Field(description="Stable id: '<article id>#<n>'.")
    article_id: str
    quote: str = Field(description="Verbatim text from the article.")
    span: Span | None = None
    statement: str = Field(description="Self-contained restatement of the claim.")
    kind: ClaimKind
    subject: str | None = None
    metric: str | None = Field(default=None, description="What is counted: 'people evacuated'.")
    metric_key: str | None = Field(
        default=None,
        description="Canonical metric set by normalize: 'deaths' for 'dead', 'killed'.",
    )
    quantity: Quantity | None = None
    period: Period | None = None
    location: str | None = None
    attribution: list[SourceLink] = Field(default_factory=list)
    hedges: list[Hedge] = Field(default_factory=list)
    certainty: Certainty = Certainty.asserted
    check_worthiness: float = Field(default=0.5, ge=0.0, le=1.0)
    grounding: Grounding = Grounding.exact
    segment: SegmentTag = SegmentTag.body
    sentence: int | None = Field(default=None, description="Index of the sentence in the article.")
    paragraph: int | None = Field(
        default=None, description="Index of the paragraph in the article."
    )


# --------------------------------------------------------------------------- extraction


class Usage(_Model):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0  # HTTP requests, re-asks and transport retries included
    retries: int = 0  # transport retries + validation re-asks
    duration_s: float = 0.0

    def add(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            calls=self.calls + other.calls,
            retries=self.retries + other.retries,
            duration_s=self.duration_s + other.duration_s,
        )


class ExtractionStatus(StrEnum):
    ok = "ok"
    partial = "partial"  # some chunks failed; claims from the others kept
    failed = "failed"


class ExtractionResult(_Model):
    article_id: str
    extractor: str = Field(description="llm | offline | mock")
    model: str | None = None
    prompt_version: str | None = None
    status: ExtractionStatus = ExtractionStatus.ok
    error: str | None = None
    warnings: list[str] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    hedges: list[Cue] = Field(
        default_factory=list,
        description="Every uncertainty cue in the article (approximators included, plain "
        "reporting verbs not), in text order.",
    )
    usage: Usage = Field(default_factory=Usage)
    cached: bool = Field(
        default=False,
        description="Taken from the results cache, made by an earlier run: this run made no "
        "model call for it, and its usage is zero.",
    )


# --------------------------------------------------------------------------- inputs


class InputStatus(StrEnum):
    ok = "ok"
    rejected = "rejected"  # ingest refused it: empty, binary, too large, unreadable


class InputRecord(_Model):
    """One input as the user gave it, whether or not it became an article."""

    source: str
    status: InputStatus
    reason: str | None = None
    article_id: str | None = None
    also_as: list[str] = Field(
        default_factory=list,
        description="Other names the same input was given under (a repeat, a copy, an "
        "identical JSONL line); it was read once, as ``source``.",
    )


# --------------------------------------------------------------------------- comparison


class Severity(StrEnum):
    high = "high"
    medium = "medium"
    low = "low"
    info = "info"


class RuleId(StrEnum):
    CONFLICT = "CONFLICT"
    AGREE = "AGREE"  # the consistency check of a cluster that CONFLICT did not fire on
    CORROBORATED = "CORROBORATED"
    CIRCULAR = "CIRCULAR"
    SINGLE_SOURCE = "SINGLE_SOURCE"
    UNATTRIBUTED = "UNATTRIBUTED"
    UNVERIFIED = "UNVERIFIED"
    ARITHMETIC = "ARITHMETIC"
    ADDS_UP = "ADDS_UP"  # an arithmetic check that holds
    SUPERLATIVE = "SUPERLATIVE"
    DIFFERENT_PERIOD = "DIFFERENT_PERIOD"
    STALE = "STALE"
    PRECISION = "PRECISION"


class Finding(_Model):
    rule: RuleId
    severity: Severity
    claim_ids: list[str]
    evidence: str = Field(description="Why the rule fired, in words an editor can check.")
    cluster_id: str | None = None
    ok: bool = Field(
        default=False,
        description="True for the rules that record a check passing (AGREE, ADDS_UP, "
        "CORROBORATED); every other rule reports something for the editor to look at.",
    )


class Cluster(_Model):
    """Claims about the same subject + metric + period."""

    id: str
    subject: str | None
    metric: str
    period: str = Field(
        description="Canonical period key, e.g. '2026-03-03..2026-03-04' or 'cumulative'."
    )
    claim_ids: list[str]


class Comparison(_Model):
    """What the rule layer found across a package: its clusters and their findings."""

    clusters: list[Cluster] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)


class CheckStatus(StrEnum):
    passed = "pass"
    failed = "fail"
    open = "open"
    na = "n.a."


class CheckKey(StrEnum):
    source_identified = "source_identified"
    original_source_located = "original_source_located"
    independently_verified = "independently_verified"
    consistent_across_articles = "consistent_across_articles"
    numbers_add_up = "numbers_add_up"
    period_explicit = "period_explicit"
    superlative_baseline = "superlative_baseline"
    quote_verbatim = "quote_verbatim"
    hedging_carried = "hedging_carried"


class Verdict(StrEnum):
    accurate = "accurate"
    inaccurate = "inaccurate"
    misleading = "misleading"
    unverifiable = "unverifiable"
    needs_context = "needs_context"


class ChecklistItem(_Model):
    claim_id: str
    key: CheckKey
    label: str
    status: CheckStatus
    evidence: str = ""
    finding_rules: list[RuleId] = Field(default_factory=list)
    # The editor's own state (persisted by the workspace; empty in batch reports).
    editor_status: CheckStatus | None = None
    editor_note: str | None = None
