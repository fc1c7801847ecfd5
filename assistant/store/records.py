"""What the workspace adds to the domain model: the editor's decisions and the audit trail."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from assistant.model import CheckKey, CheckStatus, Severity, Verdict


class ClaimDecision(BaseModel):
    """The editor's state for one claim; an untouched claim has every field empty."""

    model_config = ConfigDict(extra="forbid")

    claim_id: str
    verdict: Verdict | None = None
    note: str = ""
    items: dict[CheckKey, CheckStatus] = Field(
        default_factory=dict,
        description="The editor's own status per checklist item; absent = not touched.",
    )
    updated_at: datetime | None = None
    updated_by: str | None = Field(
        default=None,
        description="The editor whose change (verdict, note or tick) last set this decision.",
    )
    quote: str | None = Field(
        default=None, description="The claim's quote when the editor last changed this."
    )
    content_hash: str | None = Field(
        default=None, description="The article text's hash when the editor last changed this."
    )
    reopened_at: datetime | None = Field(
        default=None,
        description="When a re-run found the text changed and reopened the verdict; "
        "None once the editor decides again.",
    )
    reopened_why: str | None = None
    old_verdict: Verdict | None = Field(
        default=None, description="The verdict the re-run reopened, for the editor to see."
    )
    old_quote: str | None = Field(default=None, description="The quote that verdict was given on.")
    version: int = Field(
        default=0,
        description="Goes up by one at every change; 0 for a claim never touched. A write "
        "based on an older version is refused (two sessions on one workspace).",
    )

    @property
    def reopened(self) -> bool:
        """A re-run found the text changed under this decision and the editor has not
        decided again."""
        return self.reopened_at is not None


class AuditEntry(BaseModel):
    """One row of the append-only audit trail: who changed what, when, from what to what."""

    model_config = ConfigDict(extra="forbid")

    id: int
    at: datetime
    actor: str
    action: str = Field(
        description='"item" | "verdict" | "note" | "extract" | "import" | "reopen" | "move"'
    )
    claim_id: str | None = None
    key: str | None = Field(
        default=None, description="Checklist key, or article id for extract/import."
    )
    old: str | None = None
    new: str | None = None
    session: str | None = Field(
        default=None,
        description='The session the change came from ("browser session 2, 127.0.0.1" '
        "under factcheck serve); None for a terminal session.",
    )


@dataclass(frozen=True, slots=True)
class ClaimBrief:
    """A claim as a list shows it, read without validating the whole claim.

    ``data`` is the claim's stored JSON: ``Claim.model_validate_json(data)`` gives the
    claim when a screen needs all of it. Validating 45,000 claims up front took longer
    than any editor should wait for a list (about 10 s on two busy cores).
    """

    id: str
    article_id: str
    statement: str
    quote: str
    check_worthiness: float
    data: str = field(repr=False)


@dataclass
class PackageTotals:
    """What the overview counts, read with a few aggregate queries (no claim is read)."""

    claims: Counter[str] = field(default_factory=Counter)  # per article id
    # Per article: the problems (findings not ``ok``) on its claims, by severity; a
    # finding on two of its claims counts twice, as the overview's rows always did.
    article_findings: dict[str, Counter[Severity]] = field(default_factory=dict)
    findings: Counter[Severity] = field(default_factory=Counter)  # each finding once
    decided: int = 0  # current claims with a verdict
    reopened: int = 0  # decisions a re-run reopened, their claim gone or not
