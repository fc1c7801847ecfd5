"""What the workspace adds to the domain model: the editor's decisions and the audit trail."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from assistant.model import CheckKey, CheckStatus, Verdict


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


class AuditEntry(BaseModel):
    """One row of the append-only audit trail: who changed what, when, from what to what."""

    model_config = ConfigDict(extra="forbid")

    id: int
    at: datetime
    actor: str
    action: str = Field(description='"item" | "verdict" | "note" | "extract" | "import"')
    claim_id: str | None = None
    key: str | None = Field(
        default=None, description="Checklist key, or article id for extract/import."
    )
    old: str | None = None
    new: str | None = None
