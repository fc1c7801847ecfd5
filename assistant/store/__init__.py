"""The editor's workspace: a SQLite file with the story package, analysis and decisions.

``Workspace.open(path)`` creates or reopens one; see ``workspace.py`` for the durability
guarantees and ``migrations.py`` for how the schema evolves.
"""

from assistant.store.records import AuditEntry, ClaimBrief, ClaimDecision, PackageTotals
from assistant.store.workspace import UNNAMED_EDITOR, StaleDecisionError, Workspace

__all__ = [
    "UNNAMED_EDITOR",
    "AuditEntry",
    "ClaimBrief",
    "ClaimDecision",
    "PackageTotals",
    "StaleDecisionError",
    "Workspace",
]
