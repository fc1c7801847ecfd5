"""The workspace at newsroom scale: the article picker, claims loading in the background
behind a visible "loading", and throttled progress that still ends on the final state
(issue 11; the indexes are in test_store_indexes.py).

Real SQLite files and the real app driven by Textual's pilot; the large-package paths
are forced on small packages (``BACKGROUND_ABOVE``) so the tests stay fast.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import factories
import pytest
from textual.widgets import DataTable, Input, OptionList
from tui_loading import gate_loads
from tui_package import story_workspace
from tui_screen import screen_text, settle

from assistant.model import ExtractionStatus, Verdict
from assistant.store import Workspace
from assistant.tui import app as app_module
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.dialogs import ArticlePicker
from assistant.tui.messages import ArticleExtracted, RunFinished, RunIngested
from assistant.tui.screens.claims import ClaimsScreen
from assistant.tui.screens.overview import OverviewScreen

SIZE = (120, 36)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(story_workspace(tmp_path / "floods.sqlite"), actor="tester") as ws:
        yield ws


def claim_rows(app: FactcheckApp) -> list[str]:
    table = app.screen.query_one("#claims", DataTable)
    return [str(key.value) for key in table.rows]


# ---------------------------------------------------------------- the article picker


async def test_a_picks_an_article_from_a_list_narrowed_by_typing(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert "a Article" in screen_text(app).splitlines()[-1]  # shown in the footer
        await pilot.press("a")
        assert isinstance(app.screen, ArticlePicker)
        picks = app.screen.query_one("#picks", OptionList)
        assert picks.option_count == 5  # All articles, then the four
        await pilot.press(*"star")
        assert picks.option_count == 1
        shown = screen_text(app)
        assert "Evening Star" in shown and "1 of 4 articles" in shown
        await pilot.press("enter")
        assert isinstance(app.screen, ClaimsScreen)
        assert claim_rows(app) == ["star#1", "star#2"]
        assert "article: Evening Star" in screen_text(app)

        # Back to every article: the first choice, with the box empty.
        await pilot.press("a")
        assert isinstance(app.screen, ArticlePicker)
        assert app.screen.query_one("#filter", Input).value == ""
        picks = app.screen.query_one("#picks", OptionList)
        assert picks.highlighted == 3  # on the article shown: All, planet, metro, star
        await pilot.press("up", "up", "up", "enter")
        assert len(claim_rows(app)) == len(app.session.package.entries)
        assert "article:" not in screen_text(app)


async def test_the_picker_moves_with_the_arrows_and_escape_changes_nothing(
    workspace: Workspace,
) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "a", "down", "down", "enter")  # All, planet, metro
        assert {row.split("#")[0] for row in claim_rows(app)} == {"metro"}
        await pilot.press("a", *"harb", "escape")
        assert isinstance(app.screen, ClaimsScreen)
        assert {row.split("#")[0] for row in claim_rows(app)} == {"metro"}


async def test_the_picker_lists_a_screenful_of_thousands_and_says_how_many_match(
    tmp_path: Path,
) -> None:
    articles = [
        factories.article(
            f"n{i:04d}",
            f"Officials said {i} people were evacuated on Monday.",
            outlet=f"Outlet {i % 7}",
            title=f"Flood report {i}",
            published=date(2026, 3, 2),
        )
        for i in range(1500)
    ]
    with Workspace.open(tmp_path / "many.sqlite") as workspace:
        workspace.save_articles(articles)
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("c", "a")
            picks = app.screen.query_one("#picks", OptionList)
            assert picks.option_count <= 101
            assert "1500 of 1500 articles (the first 100: type to narrow)" in screen_text(app)
            await pilot.press(*"report 1499")
            assert picks.option_count == 1
            await pilot.press("enter")
            assert app.session.query.article_id == "n1499"


# ---------------------------------------------------------------- loading in the background


@pytest.fixture
def gated(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    yield from gate_loads(monkeypatch)


async def test_a_large_package_shows_loading_then_its_claims(
    workspace: Workspace, gated: threading.Event
) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        # The outline is on screen at once: the articles, and the counts once read.
        assert isinstance(app.screen, OverviewScreen)
        await settle(pilot, lambda: app.session.package.totals is not None)
        shown = screen_text(app)
        assert "Evening Star" in shown
        assert "Loading the claims" in shown
        assert "4 articles · 7 claims" in shown

        await pilot.press("c")
        table = app.screen.query_one("#claims", DataTable)
        assert table.loading and table.row_count == 0
        assert "Loading the claims…" in screen_text(app)
        await pilot.press("u")  # no claim to open yet: said, not a wrong "none left"
        assert isinstance(app.screen, ClaimsScreen)

        gated.set()
        await settle(pilot, lambda: not app.session.loading)
        assert not table.loading
        assert len(claim_rows(app)) == 7
        assert "7 of 7 claims" in screen_text(app)


async def test_a_decision_written_while_the_package_reloads_is_not_lost(
    workspace: Workspace, gated: threading.Event
) -> None:
    gated.set()
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: not app.session.loading)
        gated.clear()
        app._reload()  # as a run ending does
        assert app.session.loading
        entry = app.session.package.by_id["star#1"]
        assert app.session.set_verdict("star#1", Verdict.inaccurate)
        gated.set()
        await settle(pilot, lambda: not app.session.loading)
        assert app.session.package.by_id["star#1"] is not entry  # the new package
        assert app.session.package.by_id["star#1"].decision.verdict is Verdict.inaccurate


# ---------------------------------------------------------------- throttled progress


async def test_throttled_progress_ends_on_every_article_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = 150
    articles = [
        factories.article(f"n{i:03d}", f"Officials said {i} people left.", outlet=f"Outlet {i}")
        for i in range(count)
    ]

    def fake_run(*_args: object, **kw: Any) -> None:
        # As tui/runner.py posts them, as fast as they come: each article partial, then ok.
        post = kw["post"]
        post(RunIngested(total=count, skipped=0))
        done = 0
        for status in (ExtractionStatus.partial, ExtractionStatus.ok):
            for article in articles:
                done += status is ExtractionStatus.ok
                post(ArticleExtracted(article.id, status, None, 3, done, count))
        post(RunFinished(cancelled=False))

    drawn = 0
    show_progress = OverviewScreen.show_progress

    def counted(screen: OverviewScreen) -> None:
        nonlocal drawn
        drawn += 1
        show_progress(screen)

    monkeypatch.setattr(app_module, "run_package", fake_run)
    monkeypatch.setattr(OverviewScreen, "show_progress", counted)
    with Workspace.open(tmp_path / "ws.sqlite") as workspace:
        workspace.save_articles(articles)
        app = make_app(workspace, paths=[tmp_path])
        async with app.run_test(size=(120, 200)) as pilot:
            await settle(pilot, lambda: not app.progress.running)
            table = app.screen.query_one("#articles", DataTable)
            await settle(pilot, lambda: table.row_count == count)
            await pilot.pause(0.3)  # a throttled update still due would come by now
            assert app.progress.done == count
            column = [str(table.get_cell(key, "extraction")) for key in table.rows]
            assert column == ["✔ ok"] * count
            assert "Extracting" not in screen_text(app)
        # 300 messages: drawn a few times, not once each.
        assert drawn < 20


async def test_verdicts_a_run_reopened_are_told_once_the_large_package_is_in(
    workspace: Workspace, gated: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace.set_verdict("star#1", Verdict.inaccurate)
    path = workspace.path

    def fake_run(*_args: object, **kw: Any) -> None:
        # What a re-run finding star's text changed leaves behind (see _follow_text).
        with closing(sqlite3.connect(path)) as db, db:
            db.execute(
                "UPDATE decisions SET verdict = NULL, reopened_at = '2026-03-05T09:00:00+00:00',"
                " reopened_why = 'text changed since the verdict', old_verdict = 'inaccurate'"
                " WHERE claim_id = 'star#1'"
            )
        kw["post"](RunFinished(cancelled=False))

    told: list[str] = []
    monkeypatch.setattr(app_module, "run_package", fake_run)
    gated.set()
    app = make_app(workspace, paths=[path])
    monkeypatch.setattr(app, "notify", lambda message, **_kw: told.append(str(message)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: not app.progress.running and not app.session.loading)
        await pilot.pause()
    assert any(text.startswith("1 verdict(s) reopened") for text in told), told


# ---------------------------------------------------------------- long lists, a page at a time


async def test_a_long_claims_list_shows_a_page_and_end_still_reaches_the_last_claim(
    tmp_path: Path,
) -> None:
    from tui_package import write_package

    sentences = [f"Officials said {100 + n} people were evacuated in ward {n}." for n in range(150)]
    articles = [
        factories.article(f"n{a}", " ".join(sentences), outlet=f"Outlet {a}") for a in (1, 2)
    ]
    claims = [
        factories.quoted(article, sentence, n + 1)
        for article in articles
        for n, sentence in enumerate(sentences)
    ]
    with Workspace.open(tmp_path / "long.sqlite") as workspace:
        write_package(workspace, articles, claims)
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("c")
            table = app.screen.query_one("#claims", DataTable)
            assert 30 < table.row_count < 300  # a page, more than the screen shows
            assert "300 of 300 claims" in screen_text(app)
            await pilot.press("pagedown", "pagedown", "pagedown")
            assert table.cursor_row > 60 and table.row_count > table.cursor_row
            await pilot.press("end")
            await settle(pilot, lambda: table.row_count == 300 and table.cursor_row == 299)
            assert claim_rows(app)[-1] == "n2#150"
            await pilot.press("home")
            assert table.cursor_row == 0
