"""Snapshots of the main screens on the fixed flood package (pytest-textual-snapshot).

Regenerate after an intended change with ``pytest tests/test_tui_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tui_package import story_workspace

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
