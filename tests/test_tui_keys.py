"""Keys that always do the same thing: every key of the "Anywhere" table, from every screen.

Driven with the pilot on the fixed flood package; the screen stack, the cursor and the
database are checked after each key.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable
from tui_package import story_workspace
from tui_screen import screen_text

from assistant.model import Verdict
from assistant.store import Workspace
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.dialogs import VerdictDialog
from assistant.tui.screens.article import ArticleScreen
from assistant.tui.screens.claims import ClaimsScreen
from assistant.tui.screens.detail import ClaimDetailScreen
from assistant.tui.screens.overview import OverviewScreen
from assistant.tui.widgets.checklist import ChecklistTable
from assistant.tui.widgets.note import NoteArea

SIZE = (120, 36)

# How to reach each screen from the start, and which screen it is. planet#1 is the
# claim opened; the article view is the Daily Planet's.
SCREENS: dict[str, tuple[list[str], type]] = {
    "overview": ([], OverviewScreen),
    "claims": (["c"], ClaimsScreen),
    "claim": (["c", "enter"], ClaimDetailScreen),
    "article": (["c", "enter", "r"], ArticleScreen),
    "claim over article": (["c", "enter", "r", "n", "enter"], ClaimDetailScreen),
    "article from overview": (["enter"], ArticleScreen),
}


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(story_workspace(tmp_path / "floods.sqlite"), actor="t") as ws:
        ws.set_verdict("planet#1", Verdict.accurate)  # the first claim is decided
        yield ws


async def reach(app: FactcheckApp, pilot: object, screen: str) -> None:
    keys, kind = SCREENS[screen]
    await pilot.press(*keys)  # type: ignore[attr-defined]
    assert isinstance(app.screen, kind), screen


@pytest.mark.parametrize("screen", list(SCREENS))
async def test_c_and_o_go_to_the_claims_list_and_overview_from_every_screen(
    workspace: Workspace, screen: str
) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await reach(app, pilot, screen)
        await pilot.press("c")
        assert isinstance(app.screen, ClaimsScreen)
        assert len(app.screen_stack) == 1  # the list itself, nothing left on top
        await pilot.press("o")
        assert isinstance(app.screen, OverviewScreen)
        assert len(app.screen_stack) == 1

        await reach(app, pilot, screen)
        await pilot.press("o")
        assert isinstance(app.screen, OverviewScreen)
        assert len(app.screen_stack) == 1
        assert "4 articles · 7 claims · 1 with a verdict" in screen_text(app)


# From planet#1 (decided) or from nowhere, the next unchecked claim is planet#2; the
# high-severity ones are metro#1 and star#1 (the CONFLICT).
@pytest.mark.parametrize("screen", list(SCREENS))
async def test_u_and_h_open_the_next_unchecked_and_high_severity_claims(
    workspace: Workspace, screen: str
) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await reach(app, pilot, screen)
        start = app.session.current
        await pilot.press("u")
        assert isinstance(app.screen, ClaimDetailScreen)
        expected = "planet#3" if start == "planet#2" else "planet#2"
        assert app.screen.claim_id == expected
        await pilot.press("h")
        assert app.screen.claim_id == "metro#1"
        assert "CONFLICT" in screen_text(app)
        await pilot.press("h")
        assert app.screen.claim_id == "star#1"
        await pilot.press("h")  # wraps round
        assert app.screen.claim_id == "metro#1"


async def test_u_says_so_when_every_claim_has_a_verdict(workspace: Workspace) -> None:
    for entry in workspace.claims():
        workspace.set_verdict(entry.id, Verdict.accurate)
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "u")
        assert isinstance(app.screen, ClaimsScreen)
        # The toast itself (screen_text does not always catch it mid-animation).
        assert [n.message for n in app._notifications] == ["No unchecked claim left"]


async def test_keys_wait_while_a_dialog_asks(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "enter", "v", "c", "o", "u", "h")
        assert isinstance(app.screen, VerdictDialog)
        await pilot.press("escape")
        assert isinstance(app.screen, ClaimDetailScreen)


async def test_home_and_end_in_every_list(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        articles = app.screen.query_one("#articles", DataTable)
        await pilot.press("end")
        assert articles.cursor_row == 3
        await pilot.press("home")
        assert articles.cursor_row == 0

        await pilot.press("c", "end")
        claims = app.screen.query_one("#claims", DataTable)
        assert claims.cursor_row == 6
        await pilot.press("home")
        assert claims.cursor_row == 0

        await pilot.press("enter", "end")
        checklist = app.screen.query_one(ChecklistTable)
        assert checklist.cursor_row == checklist.row_count - 1 > 0
        await pilot.press("home")
        assert checklist.cursor_row == 0


async def test_escape_in_the_note_ends_writing_and_keeps_the_claim(
    workspace: Workspace,
) -> None:
    workspace.set_note("planet#1", "Called the ministry")
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "enter", "w")
        note = app.screen.query_one(NoteArea)
        assert note.has_focus
        assert note.cursor_location == note.document.end  # w: after the last word
        await pilot.press(*"; no answer", "escape")
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.claim_id == "planet#1"
        assert app.screen.query_one(ChecklistTable).has_focus
        assert workspace.decision("planet#1").note == "Called the ministry; no answer"
        await pilot.press("escape")  # now escape leaves the claim
        assert isinstance(app.screen, ClaimsScreen)


async def test_x_without_a_run_does_nothing(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "x")
        assert isinstance(app.screen, ClaimsScreen)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_footer_always_shows_help_and_quit(
    workspace: Workspace, size: tuple[int, int]
) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=size) as pilot:
        for screen in SCREENS:
            await pilot.press("o")  # back to the start (o goes there from anywhere)
            await reach(app, pilot, screen)
            footer = screen_text(app).splitlines()[-1]
            assert footer.lstrip().startswith("? Help  q Quit"), (screen, footer)


async def test_the_palette_holds_the_claim_keys_the_footer_has_no_room_for(
    workspace: Workspace,
) -> None:
    from assistant.tui.screens.conflict import ConflictScreen

    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "f", "f", "down", "enter")  # star#1, in the CONFLICT
        assert "k Conflict" not in screen_text(app).splitlines()[-1]  # no room at 80
        await pilot.press("ctrl+p", *"Conflict view")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        assert app.screen.claim_id == "star#1"
