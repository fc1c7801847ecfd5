"""The editor's work on a claim as every report format shows it: one wording, each
format's own escaping and emphasis."""

from __future__ import annotations

from collections.abc import Callable

from assistant.model import CheckStatus
from assistant.report.model import EditorDecision

# How every report format marks a checklist status.
STATUS_MARK = {
    CheckStatus.passed: "✓",
    CheckStatus.failed: "✗",
    CheckStatus.open: "○",
    CheckStatus.na: "–",
}


def decision_lines(
    decision: EditorDecision,
    labels: dict[str, str],
    *,
    esc: Callable[[str], str],
    strong: Callable[[str], str],
) -> list[tuple[str, str]]:
    """The editor's work on one claim as (label, text) lines, the text escaped with the
    format's ``esc`` and its emphasis made with ``strong``: who decided what and when, a
    reopened verdict with the old one and its quote, the ticks, the note."""
    verdict = strong(esc(decision.verdict.value)) if decision.verdict else "no verdict yet"
    who = [f"by {esc(decision.editor)}"] if decision.editor else []
    if decision.decided_at is not None:
        who.append(esc(decision.decided_at.strftime("%Y-%m-%d %H:%M UTC")))
    lines = [("Editor", " · ".join([verdict, *who]))]
    if decision.reopened:
        was = [f"was {strong(esc(decision.old_verdict.value))}"] if decision.old_verdict else []
        if decision.old_quote:
            was.append(f"on “{esc(decision.old_quote)}”")
        detail = f" ({' '.join(was)})" if was else ""
        lines.append(("⚠ Reopened", f"{esc(decision.reopened)}{detail}"))
    if decision.items:
        ticks = " · ".join(
            f"{STATUS_MARK[status]} {esc(labels.get(key.value, key.value))}"
            for key, status in decision.items.items()
        )
        lines.append(("Editor's checks", ticks))
    if decision.note:
        lines.append(("Note", esc(decision.note)))
    return lines
