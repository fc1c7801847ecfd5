"""The editor's whole flow, driven by the Textual pilot, checked on screen and in SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.widgets import DataTable, TextArea
from tui_package import story_workspace
from tui_screen import screen_text

from assistant.model import CheckKey, CheckStatus, Verdict
from assistant.store import Workspace
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.screens.claims import ClaimsScreen
from assistant.tui.screens.detail import ClaimDetailScreen

SIZE = (120, 36)
NOTE = "Ministry gave 2,417 [sic]; Star's 4,000 unsourced."


def row_keys(app: FactcheckApp) -> list[str | None]:
    table = app.screen.query_one("#claims", DataTable)
    return [row.key.value for row in table.ordered_rows]


async def test_open_filter_tick_verdict_note_quit_reopen(tmp_path: Path) -> None:
    path = story_workspace(tmp_path / "floods.sqlite")

    with Workspace.open(path, actor="desk-editor") as workspace:
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=SIZE) as pilot:
            assert "4 articles · 7 claims · 0 with a verdict" in screen_text(app)

            await pilot.press("c", "f", "f")  # claims list, filter: all -> unchecked -> conflicts
            assert isinstance(app.screen, ClaimsScreen)
            assert row_keys(app) == ["metro#1", "star#1"]
            assert "2 of 7 claims" in screen_text(app) and "filter: conflicts" in screen_text(app)

            await pilot.press("down", "enter")
            assert isinstance(app.screen, ClaimDetailScreen)
            assert app.screen.claim_id == "star#1"
            shown = screen_text(app)
            assert "4,000 people were evacuated on Monday [Reuters]." in shown
            assert "CONFLICT  4,000 (Evening Star) is incompatible" in shown
            assert "Claim — 2 of 2" in shown  # its place in the filtered list

            # Checklist rows: source, original source, independently verified, consistent, …
            await pilot.press("down", "down", "space")  # independently verified -> pass
            await pilot.press("down", "space", "space")  # consistent -> pass -> fail
            await pilot.press("v", "2")  # verdict: inaccurate
            await pilot.press("w", *NOTE, "ctrl+s")
            shown = screen_text(app)
            assert " inaccurate " in shown
            assert "Ministry gave 2,417 [sic]; Star's" in shown  # the note, literally
            assert shown.count("✘ fail") == 2  # automatic and the editor's

            await pilot.press("escape")  # ends writing the note; the claim stays open
            assert isinstance(app.screen, ClaimDetailScreen)
            await pilot.press("escape")  # back to the list: the row carries the verdict
            assert isinstance(app.screen, ClaimsScreen)
            assert "inaccurate" in screen_text(app)
            await pilot.press("q")
        assert app.return_code == 0

    # What the file holds, read by plain SQL: the decisions are rows, with an audit trail.
    with sqlite3.connect(path) as db:
        assert db.execute(
            "SELECT verdict, note FROM decisions WHERE claim_id = 'star#1'"
        ).fetchall() == [("inaccurate", NOTE)]
        items = dict(
            db.execute(
                "SELECT key, status FROM decision_items WHERE claim_id = 'star#1'"
            ).fetchall()
        )
        assert items == {"independently_verified": "pass", "consistent_across_articles": "fail"}
        actions = [
            a
            for (a,) in db.execute("SELECT action FROM audit WHERE claim_id = 'star#1' ORDER BY id")
        ]
        assert actions == ["item", "item", "item", "verdict", "note"]
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    # A new app on the same file shows every decision again.
    with Workspace.open(path, actor="desk-editor") as workspace:
        decision = workspace.decision("star#1")
        assert decision.verdict is Verdict.inaccurate
        assert decision.items == {
            CheckKey.independently_verified: CheckStatus.passed,
            CheckKey.consistent_across_articles: CheckStatus.failed,
        }
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=SIZE) as pilot:
            assert "1 with a verdict" in screen_text(app)
            await pilot.press("c", "f", "f", "down", "enter")
            assert isinstance(app.screen, ClaimDetailScreen)
            assert app.screen.query_one("#note", TextArea).text == NOTE
            shown = screen_text(app)
            assert " inaccurate " in shown
            assert "✔ pass" in shown and "✘ fail" in shown


async def test_moving_to_the_next_claim_saves_the_note_and_follows_the_list(tmp_path: Path) -> None:
    path = story_workspace(tmp_path / "floods.sqlite")
    with Workspace.open(path) as workspace:
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("c", "enter")
            assert isinstance(app.screen, ClaimDetailScreen)
            assert app.screen.claim_id == "planet#1"
            await pilot.press("w", *"checked", "tab")  # leaving the note saves it
            await pilot.press("n")
            assert app.screen.claim_id == "planet#2"
            await pilot.press("p", "p")  # already at the first claim: stays, says so
            assert app.screen.claim_id == "planet#1"
            assert app.screen.query_one("#note", TextArea).text == "checked"
            await pilot.press("escape")
            assert (
                row_keys(app)[app.screen.query_one("#claims", DataTable).cursor_row] == "planet#1"
            )
        assert workspace.decision("planet#1").note == "checked"


async def test_clearing_a_verdict_and_resetting_an_item(tmp_path: Path) -> None:
    path = story_workspace(tmp_path / "floods.sqlite")
    with Workspace.open(path) as workspace:
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("c", "enter", "v", "1", "space")
            assert workspace.decision("planet#1").verdict is Verdict.accurate
            assert workspace.decision("planet#1").items == {
                CheckKey.source_identified: CheckStatus.passed
            }
            await pilot.press("v", "escape")  # cancelled: nothing changes
            assert workspace.decision("planet#1").verdict is Verdict.accurate
            await pilot.press("v", "0")  # clearing asks first
            assert "Clear the verdict “accurate”?" in screen_text(app)
            await pilot.press("n")
            assert workspace.decision("planet#1").verdict is Verdict.accurate
            await pilot.press("v", "0", "y", "backspace")
            assert workspace.decision("planet#1").verdict is None
            assert workspace.decision("planet#1").items == {}
            assert "unchecked" in screen_text(app)
