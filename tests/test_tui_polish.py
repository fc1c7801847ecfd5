"""Small things an editor trying the app hit: clicks that do what they show, hints that
say where to start, and an overview that never says "No articles yet" while reading them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_package import story_workspace
from tui_screen import screen_text

from assistant.config import Settings
from assistant.model import CheckKey, CheckStatus
from assistant.store import Workspace
from assistant.tui import app as app_module
from assistant.tui.app import make_app
from assistant.tui.screens.article import ArticleScreen
from assistant.tui.screens.detail import ClaimDetailScreen

SIZE = (120, 36)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(story_workspace(tmp_path / "floods.sqlite"), actor="t") as ws:
        yield ws


async def test_clicking_a_checklist_row_ticks_it(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "enter")
        # Rows under the header: source, original source, independently verified.
        await pilot.click("#checklist", offset=(5, 3))
        assert workspace.decision("planet#1").items == {
            CheckKey.independently_verified: CheckStatus.passed
        }
        await pilot.click("#checklist", offset=(5, 3))
        assert workspace.decision("planet#1").items == {
            CheckKey.independently_verified: CheckStatus.failed
        }
        assert isinstance(app.screen, ClaimDetailScreen)


async def test_clicking_a_claim_in_the_article_opens_it(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "enter", "r")
        assert isinstance(app.screen, ArticleScreen)
        homes = list(app.screen.query(".paragraph"))[2]  # "About 300 homes were damaged [sic]…"
        await pilot.click(homes, offset=(3, 0))
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.claim_id == "planet#2"


async def test_the_first_run_says_where_to_start(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        assert "Where to start: h opens the first claim" in screen_text(app)
        await pilot.press("h")  # as the hint says
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.claim_id == "metro#1"
        await pilot.press("v", "2", "o")
        assert "Where to start" not in screen_text(app)


async def test_the_overview_never_says_no_articles_while_reading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reading = threading.Event()
    go_on = threading.Event()
    real = app_module.run_package

    def slow_ingest(*args: object, **kwargs: object) -> None:
        reading.set()
        go_on.wait(10)
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app_module, "run_package", slow_ingest)
    article = tmp_path / "a.md"
    article.write_text("The ministry said 12 people died on Monday.\n", encoding="utf-8")
    with Workspace.open(tmp_path / "ws.sqlite", actor="t") as workspace:
        app = make_app(workspace, paths=[article], settings=Settings(llm="offline"))
        async with app.run_test(size=SIZE) as pilot:
            assert reading.wait(10)
            await pilot.pause()
            shown = screen_text(app)
            assert "No articles yet" not in shown
            assert "Reading the articles…" in shown
            go_on.set()
            while app.progress.running:
                await pilot.pause(0.05)
            await pilot.pause()
            assert "1 articles" in screen_text(app)
            assert "No articles yet" not in screen_text(app)


async def test_without_articles_and_no_run_the_overview_says_how_to_add_them(
    tmp_path: Path,
) -> None:
    with Workspace.open(tmp_path / "ws.sqlite", actor="t") as workspace:
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=SIZE):
            assert "No articles yet: start with  factcheck tui ARTICLES…" in screen_text(app)


async def test_checklist_labels_use_the_width_there_is(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "enter", "down", "down", "down")
        assert "Consistent with the other articles" in screen_text(app)  # whole, not "oth…"


async def test_the_article_keeps_the_spacing_of_its_source(tmp_path: Path) -> None:
    from factories import article, quoted
    from tui_package import write_package

    text = "First paragraph, line one.\nLine two.\n\nSecond paragraph: 12 people died."
    story = article("a", text, outlet="Wire")
    with Workspace.open(tmp_path / "w.sqlite", actor="t") as workspace:
        write_package(workspace, [story], [quoted(story, "12 people died", 1)])
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, ArticleScreen)
            lines = [line.strip() for line in screen_text(app).splitlines()]
            first = lines.index("First paragraph, line one.")
            assert lines[first : first + 4] == [
                "First paragraph, line one.",
                "Line two.",
                "",
                "Second paragraph: 12 people died.",
            ]
