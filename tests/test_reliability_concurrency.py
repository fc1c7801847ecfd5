"""Two sessions on one workspace (two browser tabs, two terminals) never overwrite each
other silently: a decision write carries the version it was based on, and a stale one is
refused with the current value, in the store, the session and the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_package import story_workspace

from assistant.model import CheckKey, CheckStatus, Verdict
from assistant.store import StaleDecisionError, Workspace
from assistant.tui.app import make_app
from assistant.tui.dialogs import ErrorDialog
from assistant.tui.session import Session

pytestmark = pytest.mark.reliability

CLAIM = "star#1"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return story_workspace(tmp_path / "floods.sqlite")


def test_a_write_based_on_a_stale_version_is_refused_with_the_current_value(path: Path) -> None:
    with (
        Workspace.open(path, actor="Ana Desk") as ana,
        Workspace.open(path, actor="Ben Desk") as ben,
    ):
        seen_by_ana = ana.decision(CLAIM).version
        seen_by_ben = ben.decision(CLAIM).version
        assert seen_by_ana == seen_by_ben == 0

        ana.set_verdict(CLAIM, Verdict.inaccurate, based_on=seen_by_ana)
        with pytest.raises(StaleDecisionError) as refused:
            ben.set_verdict(CLAIM, Verdict.accurate, based_on=seen_by_ben)

        assert refused.value.current.verdict is Verdict.inaccurate
        assert refused.value.current.version == 1
        assert refused.value.by == "Ana Desk"
        assert "changed by Ana Desk in another session" in str(refused.value)
        assert "not saved" in str(refused.value) and "inaccurate" in str(refused.value)
        assert ben.decision(CLAIM).verdict is Verdict.inaccurate
        assert ben.decision(CLAIM).updated_by == "Ana Desk"
        assert [(e.actor, e.new) for e in ben.audit(CLAIM)] == [("Ana Desk", "inaccurate")]

        # Ben, shown the current decision, decides again: that is not stale.
        ben.set_verdict(CLAIM, Verdict.accurate, based_on=refused.value.current.version)
        assert ana.decision(CLAIM).verdict is Verdict.accurate


@pytest.mark.parametrize("write", ["note", "item"])
def test_notes_and_checklist_ticks_are_guarded_alike(path: Path, write: str) -> None:
    with Workspace.open(path, actor="Ana") as ana, Workspace.open(path, actor="Ben") as ben:
        ana.set_note(CLAIM, "Ana's note", based_on=0)
        with pytest.raises(StaleDecisionError):
            if write == "note":
                ben.set_note(CLAIM, "Ben's note", based_on=0)
            else:
                key = CheckKey.consistent_across_articles
                ben.set_item_status(CLAIM, key, CheckStatus.failed, based_on=0)
        current = ana.decision(CLAIM)
        assert current.note == "Ana's note" and current.items == {}


def test_every_change_counts_once_and_a_write_without_a_base_is_unguarded(path: Path) -> None:
    with Workspace.open(path, actor="Ana") as ana:
        ana.set_verdict(CLAIM, Verdict.accurate)
        ana.set_verdict(CLAIM, Verdict.accurate)  # no change: no new version
        ana.set_note(CLAIM, "n")
        ana.set_item_status(CLAIM, CheckKey.consistent_across_articles, CheckStatus.passed)
        assert ana.decision(CLAIM).version == 3
    with Workspace.open(path) as again:
        assert again.decision(CLAIM).version == 3  # stored, not counted in memory


def test_a_session_told_its_write_was_stale_shows_the_current_decision(path: Path) -> None:
    told: list[StaleDecisionError] = []
    with Workspace.open(path, actor="Ana") as ana_ws, Workspace.open(path, actor="Ben") as ben_ws:
        ana, ben = Session(ana_ws), Session(ben_ws, on_stale=told.append)

        assert ana.set_verdict(CLAIM, Verdict.inaccurate) is True
        assert ben.set_verdict(CLAIM, Verdict.accurate) is False

        assert [e.current.verdict for e in told] == [Verdict.inaccurate]
        assert ben.package.by_id[CLAIM].decision.verdict is Verdict.inaccurate
        assert ben.set_verdict(CLAIM, Verdict.accurate) is True  # now based on what it shows
        assert ana_ws.decision(CLAIM).verdict is Verdict.accurate


def test_without_a_handler_the_session_raises(path: Path) -> None:
    with Workspace.open(path) as one, Workspace.open(path) as two:
        first, second = Session(one), Session(two)
        first.set_note(CLAIM, "first")
        with pytest.raises(StaleDecisionError):
            second.set_note(CLAIM, "second")


async def test_the_app_tells_the_editor_and_keeps_the_other_sessions_verdict(path: Path) -> None:
    with Workspace.open(path, actor="Ben") as ben_ws:
        app = make_app(ben_ws, run_pipeline=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("c", "f", "f", "down", "enter")  # conflicts: star#1
            assert app.session.current == CLAIM
            # Meanwhile, in another tab:
            with Workspace.open(path, actor="Ana") as ana:
                ana.set_verdict(CLAIM, Verdict.inaccurate, based_on=0)

            await pilot.press("v", "1")  # Ben picks a verdict on what he sees
            await pilot.pause()

            assert isinstance(app.screen, ErrorDialog)
            assert app.session.package.by_id[CLAIM].decision.verdict is Verdict.inaccurate
            await pilot.press("escape")
        assert ben_ws.decision(CLAIM).verdict is Verdict.inaccurate
        assert [e.actor for e in ben_ws.audit(CLAIM)] == ["Ana"]
