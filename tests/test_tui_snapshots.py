"""Snapshots of every screen and dialog on the fixed flood package (pytest-textual-snapshot).

Each state is taken in both of the app's themes (``t`` toggles textual-dark, the default,
and textual-light) at 80x24 and 120x36. Regenerate after an intended change with
``pytest tests/test_tui_snapshots.py --snapshot-update`` and read the SVGs before
committing them.

Nothing in a snapshot may depend on the machine or the clock: the workspace is opened by
a relative name in a temp dir (the header and the export dialog show it), and no state
is reached through a step that raises a toast (toasts time out).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from tui_package import story_workspace

from assistant.errors import WorkspaceError
from assistant.model import Verdict
from assistant.store import Workspace
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.dialogs import NameDialog

SnapCompare = Callable[..., bool]

WORKSPACE = Path("floods.sqlite")
REPORT = Path("floods-report.md")  # the export dialog's default for WORKSPACE

THEMES = ("textual-dark", "textual-light")
SIZES = {"80x24": (80, 24), "120x36": (120, 36)}

# The conflicting figure: filter "conflicts" (f twice), the second of them (Evening Star).
CONFLICT_CLAIM = ("c", "f", "f", "down", "enter")
FIRST_CLAIM = ("c", "enter")  # planet#1, unverified, in the cluster
# harbour#1, in no cluster: the dialogs of the claim detail over its lightest screen.
LAST_CLAIM = ("c", "end", "enter")


def reopen_planet_1(path: Path) -> None:
    """planet#1's verdict reopened by a re-run that found its article's text changed.

    The columns are set as ``Workspace._follow_text`` sets them (its own tests cover how).
    """
    with Workspace.open(path) as workspace:
        workspace.set_verdict("planet#1", Verdict.accurate)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "UPDATE decisions SET verdict = NULL, reopened_at = '2026-03-05T09:00:00+00:00',"
            " reopened_why = 'text changed since the verdict', old_verdict = 'accurate',"
            " old_quote = 'More than 1,800 people were evacuated on Monday [AP].'"
            " WHERE claim_id = 'planet#1'"
        )


def verdict_given(path: Path) -> None:
    with Workspace.open(path) as workspace:
        workspace.set_verdict("harbour#1", Verdict.accurate)


def cancel_run(app: FactcheckApp) -> None:
    # x is bound only while a run is going; the dialog is the same either way.
    app.action_cancel_run()


def claim_pane_to_end(app: FactcheckApp) -> None:
    # The comparison table and the chart, below the fold of the claim pane.
    app.screen.query_one("#claim-pane", VerticalScroll).scroll_end(animate=False, immediate=True)


def editor_name(app: FactcheckApp) -> None:
    app.action_editor_name()


def browser_session_name(app: FactcheckApp) -> None:
    # What a `factcheck serve` session opens with (make_app(browser=...) pushes it).
    app.push_screen(NameDialog("Ana Ruiz", session="browser session 2, 127.0.0.1"))


def export_failed(app: FactcheckApp) -> None:
    app.show_error("export", WorkspaceError("cannot write floods-report.md: disk full"))


@dataclass(frozen=True)
class State:
    """How to reach one screen state from the start: keys, then an action, on a workspace
    that ``prepare`` may change first."""

    press: tuple[str, ...] = ()
    then: Callable[[FactcheckApp], None] | None = None
    prepare: Callable[[Path], None] | None = None


STATES = {
    "overview": State(),
    "claims": State(press=("c",)),
    "detail-cluster": State(press=CONFLICT_CLAIM),
    "detail-cluster-chart": State(press=CONFLICT_CLAIM, then=claim_pane_to_end),
    "detail-reopened": State(press=FIRST_CLAIM, prepare=reopen_planet_1),
    "article": State(press=(*FIRST_CLAIM, "r")),
    "conflict": State(press=(*CONFLICT_CLAIM, "k")),
    # The picker over the claims list, narrowed to the outlets with an "e" in their name.
    "article-picker": State(press=("c", "a", "e")),
    "help": State(press=("question_mark",)),
    "export": State(press=("e",)),
    # The path field holds the default name, which exists: enter there asks first.
    "confirm-overwrite": State(press=("e", "tab", "enter"), prepare=lambda _: REPORT.touch()),
    "verdict": State(press=(*LAST_CLAIM, "v")),
    # The verdict is in the workspace already (given with keys, its "Saved" toast would
    # stay painted on the screen under the dialog); 0 asks before clearing it.
    "confirm-clear-verdict": State(press=(*LAST_CLAIM, "v", "0"), prepare=verdict_given),
    "confirm-cancel-run": State(then=cancel_run),
    "editor-name": State(then=editor_name),
    "editor-name-browser": State(then=browser_session_name),
    "error": State(then=export_failed),
}


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme.removeprefix("textual-"))
@pytest.mark.parametrize("state", STATES)
def test_screen(snap_compare: SnapCompare, in_tmp: Path, state: str, theme: str, size: str) -> None:
    shot = STATES[state]
    story_workspace(WORKSPACE)
    if shot.prepare is not None:
        shot.prepare(WORKSPACE)
    with Workspace.open(WORKSPACE, actor="tester") as workspace:
        app = make_app(workspace, run_pipeline=False)
        assert snap_compare(app, run_before=drive(shot, theme), terminal_size=SIZES[size])


def drive(shot: State, theme: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, FactcheckApp)
        app.theme = theme
        await pilot.press(*shot.press)
        if shot.then is not None:
            shot.then(app)
        await pilot.pause()

    return run_before
