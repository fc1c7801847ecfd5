"""The editor's decisions as every report format carries them, read from a workspace."""

from __future__ import annotations

from assistant.report.model import EditorDecision
from assistant.store import Workspace


def decisions_of(workspace: Workspace) -> list[EditorDecision]:
    """Every claim the editor touched (a verdict, a note or a tick) or whose verdict a
    re-run reopened, in claim-id order, with who made the last change (from the audit
    trail) and when."""
    last_actor: dict[str, str] = {}
    for entry in workspace.audit():  # oldest first: the last row per claim wins
        if entry.claim_id is not None:
            last_actor[entry.claim_id] = entry.actor
    return [
        EditorDecision(
            claim_id=d.claim_id,
            verdict=d.verdict,
            note=d.note,
            items=dict(d.items),
            editor=last_actor.get(d.claim_id),
            decided_at=d.updated_at,
            reopened=d.reopened_why if d.reopened_at is not None else None,
            old_verdict=d.old_verdict if d.reopened_at is not None else None,
            old_quote=d.old_quote if d.reopened_at is not None else None,
        )
        for d in workspace.decisions().values()
        if d.verdict is not None or d.note or d.items or d.reopened_at is not None
    ]
