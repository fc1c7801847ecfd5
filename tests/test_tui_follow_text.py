"""Verdicts follow the text, in the app: the editor decides, the article is corrected, the
re-run reopens the verdict and the claim says so, with the quote the verdict was given on.

The real pipeline (offline extractor) runs twice on files in a temp folder; the editor is
driven with the pilot; the database rows are read with plain SQL.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from textual.widgets import DataTable
from tui_screen import screen_text, settle

from assistant.config import Settings
from assistant.model import Verdict
from assistant.store import Workspace
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.screens.detail import ClaimDetailScreen

SIZE = (120, 36)
FRONT = "---\ntitle: Floods\noutlet: Daily Planet\npublished: 2026-03-03\n---\n\n"
BODY = (
    "More than 2,000 people were evacuated on Monday, the interior ministry said.\n\n"
    "About 300 homes were damaged [sic], according to local officials.\n"
)
# The correction: the evacuation figure changes; the homes sentence stays as it was.
CORRECTED = BODY.replace("More than 2,000", "More than 2,600")


def run_app(workspace: Workspace, article: Path) -> FactcheckApp:
    return make_app(workspace, paths=[article], settings=Settings(llm="offline"))


def cursor_to(app: FactcheckApp, claim_id: str) -> None:
    table = app.screen.query_one("#claims", DataTable)
    table.move_cursor(row=table.get_row_index(claim_id))


async def test_a_corrected_article_reopens_the_verdict_on_screen(tmp_path: Path) -> None:
    article = tmp_path / "planet.md"
    article.write_text(FRONT + BODY, encoding="utf-8")
    path = tmp_path / "desk.factcheck"

    with Workspace.open(path, actor="Ana Desk") as workspace:
        app = run_app(workspace, article)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot, lambda: not app.progress.running and app.session.package.entries)
            evacuated = next(e.id for e in app.session.package.entries if "2,000" in e.claim.quote)
            homes = next(e.id for e in app.session.package.entries if "300" in e.claim.quote)
            await pilot.press("c")
            cursor_to(app, evacuated)
            await pilot.press("enter", "space", "v", "1")  # tick the first item; accurate
            await pilot.press("escape")
            cursor_to(app, homes)
            await pilot.press("enter", "v", "4", "escape")  # unverifiable
            await pilot.press("q")

    # The outlet corrects the figure; the editor runs the package again.
    article.write_text(FRONT + CORRECTED, encoding="utf-8")
    with Workspace.open(path, actor="Ana Desk") as workspace:
        app = run_app(workspace, article)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot, lambda: not app.progress.running and app.session.generation > 1)
            # Said out loud when the run ends (the toast itself: it may be mid-animation).
            assert any(
                "2 verdict(s) reopened: the text changed" in n.message for n in app._notifications
            )
            await pilot.press("c")
            shown = screen_text(app)
            assert shown.count(" reopened ") == 2  # both rows: the article's text changed
            assert " accurate " not in shown
            await pilot.press(*"fffff")  # the last filter: reopened
            assert "filter: reopened" in screen_text(app)
            assert app.session.query.filter.value == "reopened"
            assert {e.id for e in app.session.visible} == {evacuated, homes}
            await pilot.press("escape")  # clear the filter

            cursor_to(app, evacuated)
            await pilot.press("enter")
            assert isinstance(app.screen, ClaimDetailScreen)
            shown = screen_text(app)
            assert "⚠ Text changed since the verdict" in shown
            assert "The verdict was  accurate  on:" in shown
            assert "“More than 2,000 people were evacuated on Monday" in shown  # the old quote
            assert "More than 2,600 people were evacuated" in shown  # the text it is on now

            await pilot.press("v", "2")  # decided again on the new text: inaccurate
            shown = screen_text(app)
            assert "Text changed since the verdict" not in shown
            assert " inaccurate " in shown
            await pilot.press("q")

    with closing(sqlite3.connect(path)) as db:
        assert db.execute(
            "SELECT verdict, reopened_why, old_verdict, old_quote IS NULL, quote"
            " FROM decisions WHERE claim_id = ?",
            (evacuated,),
        ).fetchone() == (
            "inaccurate",
            None,
            None,
            1,
            db.execute(
                "SELECT json_extract(data, '$.quote') FROM claims WHERE id = ? LIMIT 1",
                (evacuated,),
            ).fetchone()[0],
        )
        assert db.execute(
            "SELECT verdict, reopened_why, old_verdict, old_quote FROM decisions"
            " WHERE claim_id = ?",
            (homes,),
        ).fetchone() == (
            None,
            "text changed since the verdict",
            "unverifiable",
            "About 300 homes were damaged [sic], according to local officials.",
        )
        audit = db.execute(
            "SELECT actor, action, old, new FROM audit WHERE claim_id = ? ORDER BY id",
            (evacuated,),
        ).fetchall()
        assert [(a, action) for a, action, _, _ in audit] == [
            ("Ana Desk", "item"),
            ("Ana Desk", "verdict"),
            ("Ana Desk", "item"),  # the tick was on the figure that changed
            ("Ana Desk", "reopen"),
            ("Ana Desk", "verdict"),
        ]
        assert audit[3][2:] == ("accurate", None)


def test_a_changed_text_whose_run_was_cancelled_is_extracted_next_time(tmp_path: Path) -> None:
    """Run 2 saves the corrected text and is cancelled before extracting it; run 3 must
    still see the text as changed since its extraction, and reopen the verdict."""
    from assistant.tui.runner import run_package

    article = tmp_path / "planet.md"
    article.write_text(FRONT + BODY, encoding="utf-8")
    path = tmp_path / "desk.factcheck"
    settings = Settings(llm="offline")

    def run(cancelled: bool) -> list[object]:
        seen: list[object] = []
        run_package(
            path,
            [article],
            settings,
            actor="Ana Desk",
            post=seen.append,
            cancelled=lambda: cancelled,
        )
        return seen

    run(cancelled=False)
    with Workspace.open(path, actor="Ana Desk") as ws:
        claim = next(c.id for c in ws.claims() if "2,000" in c.quote)
        ws.set_verdict(claim, Verdict.accurate)
    article.write_text(FRONT + CORRECTED, encoding="utf-8")
    run(cancelled=True)
    with Workspace.open(path) as ws:
        assert ws.decision(claim).verdict is Verdict.accurate  # not extracted yet
    run(cancelled=False)
    with Workspace.open(path) as ws:
        decision = ws.decision(claim)
        assert decision.verdict is None and decision.old_verdict is Verdict.accurate
        assert any("2,600" in c.quote for c in ws.claims())


async def test_a_reopened_decision_whose_claim_is_gone_shows_in_the_overview(
    tmp_path: Path,
) -> None:
    from factories import article as make_article
    from factories import quoted
    from tui_package import write_package

    first = make_article("a", "Officials said 2,000 people were evacuated.", outlet="Wire")
    path = tmp_path / "desk.factcheck"
    with Workspace.open(path, actor="Ana Desk") as ws:
        write_package(ws, [first], [quoted(first, "2,000 people were evacuated", 1)])
        ws.set_verdict("a#1", Verdict.accurate)
        # The corrected article has no figure left: the claim is gone.
        write_package(ws, [make_article("a", "Officials gave no figure [yet].", outlet="Wire")], [])
        app = make_app(ws, run_pipeline=False)
        async with app.run_test(size=SIZE):
            shown = screen_text(app)
            assert "⚠ 1 reopened decision(s) lost their claim when the text changed" in shown
            assert "“2,000 people were evacuated”" in shown
