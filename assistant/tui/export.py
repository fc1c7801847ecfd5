"""Write the batch report from what the workspace holds, with the editor's decisions."""

from __future__ import annotations

from pathlib import Path

from assistant.report.files import refuse_workspace_target, write_atomically
from assistant.store import Workspace


def write_report(workspace_path: Path, fmt: str, target: Path) -> Path:
    """Render the workspace's report as ``fmt`` into ``target``; returns ``target``.

    Opens its own connection (it runs in a worker thread). The file is written whole or
    not at all (a temporary file beside it, then renamed over it). Raises ``ExportError``
    when ``target`` is the workspace itself (or one of its SQLite files), ``ValueError``
    for an unknown format, ``WorkspaceError`` when the workspace cannot be read and
    ``OSError`` when ``target`` cannot be written.
    """
    refuse_workspace_target(workspace_path, target)
    text = render_report(workspace_path, fmt)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, text)
    return target


def render_report(workspace_path: Path, fmt: str) -> str:
    """The workspace's report as ``fmt`` text (what ``write_report`` writes, and what a
    browser session downloads). Raises ``ValueError`` and ``WorkspaceError`` as it does."""
    # Imported here: the pipeline is only needed once the editor exports, and the first
    # screen should not wait for it.
    from assistant import pipeline
    from assistant.report.workspace import report_from_workspace

    with Workspace.open(workspace_path) as workspace:
        report = report_from_workspace(workspace)
    return pipeline.render(report, fmt)
