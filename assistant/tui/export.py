"""Write the batch report from what the workspace holds, with the editor's decisions."""

from __future__ import annotations

from pathlib import Path

from assistant.store import Workspace


def write_report(workspace_path: Path, fmt: str, target: Path) -> Path:
    """Render the workspace's report as ``fmt`` into ``target``; returns ``target``.

    Opens its own connection (it runs in a worker thread). Raises ``ValueError`` for an
    unknown format, ``WorkspaceError`` when the workspace cannot be read and ``OSError``
    when ``target`` cannot be written.
    """
    # Imported here: the pipeline is only needed once the editor exports, and the first
    # screen should not wait for it.
    from assistant import pipeline
    from assistant.report.workspace import report_from_workspace

    with Workspace.open(workspace_path) as workspace:
        report = report_from_workspace(workspace)
    text = pipeline.render(report, fmt)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
