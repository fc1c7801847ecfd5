"""Snapshots of the main screens on the fixed flood package (pytest-textual-snapshot).

Regenerate after an intended change with ``pytest tests/test_tui_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from tui_package import story_workspace

from assistant.model import Verdict
from assistant.store import Workspace
from assistant.tui.app import FactcheckApp, make_app

SnapCompare = Callable[..., bool]


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FactcheckApp]:
    # A fixed file name: the header shows it.
    with Workspace.open(story_workspace(tmp_path / "floods.sqlite"), actor="tester") as workspace:
        yield make_app(workspace, run_pipeline=False)


def test_overview(snap_compare: SnapCompare, app: FactcheckApp) -> None:
    assert snap_compare(app, terminal_size=(120, 36))


def test_claims_list(snap_compare: SnapCompare, app: FactcheckApp) -> None:
    assert snap_compare(app, press=["c"], terminal_size=(120, 36))


def test_claim_detail_with_its_cluster(snap_compare: SnapCompare, app: FactcheckApp) -> None:
    # The conflicting figure: comparison table and chart of the Monday evacuations.
    assert snap_compare(app, press=["c", "f", "f", "down", "enter"], terminal_size=(120, 36))


def test_claim_detail_in_80_columns(snap_compare: SnapCompare, app: FactcheckApp) -> None:
    assert snap_compare(app, press=["c", "enter"], terminal_size=(80, 24))


def test_article_view_with_hedges(snap_compare: SnapCompare, app: FactcheckApp) -> None:
    assert snap_compare(app, press=["c", "enter", "r"], terminal_size=(120, 36))


def test_conflict_view(snap_compare: SnapCompare, app: FactcheckApp) -> None:
    assert snap_compare(app, press=["c", "f", "f", "down", "enter", "k"], terminal_size=(120, 36))


def test_conflict_view_in_80_columns(snap_compare: SnapCompare, app: FactcheckApp) -> None:
    assert snap_compare(app, press=["c", "f", "f", "down", "enter", "k"], terminal_size=(80, 24))


@pytest.fixture
def reopened(tmp_path: Path) -> Iterator[FactcheckApp]:
    """planet#1's verdict reopened by a re-run that found its article's text changed.

    The columns are set as ``Workspace._follow_text`` sets them (its own tests cover how).
    """
    path = story_workspace(tmp_path / "floods.sqlite")
    with Workspace.open(path, actor="tester") as workspace:
        workspace.set_verdict("planet#1", Verdict.accurate)
        with closing(sqlite3.connect(path)) as db, db:
            db.execute(
                "UPDATE decisions SET verdict = NULL, reopened_at = '2026-03-05T09:00:00+00:00',"
                " reopened_why = 'text changed since the verdict', old_verdict = 'accurate',"
                " old_quote = 'More than 1,800 people were evacuated on Monday [AP].'"
                " WHERE claim_id = 'planet#1'"
            )
        yield make_app(workspace, run_pipeline=False)


def test_claim_detail_reopened_by_changed_text(
    snap_compare: SnapCompare, reopened: FactcheckApp
) -> None:
    assert snap_compare(reopened, press=["c", "enter"], terminal_size=(120, 36))


def test_clearing_a_verdict_asks_first(snap_compare: SnapCompare, app: FactcheckApp) -> None:
    # planet#1 gets a verdict (1: accurate), then 0 asks before clearing it.
    assert snap_compare(app, press=["c", "enter", "v", "1", "v", "0"], terminal_size=(80, 24))


def test_editor_name_dialog(snap_compare: SnapCompare, app: FactcheckApp) -> None:
    async def open_dialog(pilot: object) -> None:
        app.action_editor_name()

    assert snap_compare(app, run_before=open_dialog, terminal_size=(80, 24))
