"""The pipeline behind the app: progress, failures in place, cancel, errors, re-runs.

Runs the real pipeline in --llm mock mode (the real openai client over a fake transport)
on the bundled river-floods package; no network, no key.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_screen import screen_text

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.model import ExtractionStatus
from assistant.store import Workspace
from assistant.tui import app as app_module
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.dialogs import ConfirmDialog, ErrorDialog
from assistant.tui.messages import ArticleExtracted, RunIngested

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "river-floods"
SIZE = (120, 36)


async def wait_for(pilot: Pilot[None], done: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "timed out waiting for the pipeline"
        await pilot.pause(0.05)
    await pilot.pause()


def finished(app: FactcheckApp) -> Callable[[], bool]:
    return lambda: not app.progress.running


async def test_a_run_extracts_each_article_and_reports_progress(tmp_path: Path) -> None:
    seen: list[object] = []
    with Workspace.open(tmp_path / "ws.sqlite") as workspace:
        app = make_app(workspace, paths=[EXAMPLE], settings=Settings(llm="mock"))
        async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
            await wait_for(pilot, finished(app))
            progress = [m for m in seen if isinstance(m, ArticleExtracted)]
            assert sorted(m.done for m in progress) == [1, 2, 3, 4]
            assert all(m.status is ExtractionStatus.ok and m.claims > 0 for m in progress)
            assert not isinstance(app.screen, ErrorDialog)
            shown = screen_text(app)
            assert "4 articles" in shown
            assert shown.count("✔ ok") == 4
            claims = len(workspace.claims())
            assert claims and f"4 articles · {claims} claims" in shown
        assert {r.status for r in workspace.extractions()} == {ExtractionStatus.ok}
        assert workspace.comparison().findings  # the rule layer ran and was saved


async def test_a_failing_article_shows_its_error_in_place(tmp_path: Path) -> None:
    settings = Settings(llm="mock", mock_faults="server_error=1.0", max_attempts=1)
    with Workspace.open(tmp_path / "ws.sqlite") as workspace:
        app = make_app(workspace, paths=[EXAMPLE], settings=settings)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, finished(app))
            shown = screen_text(app)
            assert shown.count("✘ failed: ") == 4
            assert not isinstance(
                app.screen, ErrorDialog
            )  # one article failing is not an app error
        errors = [r.error for r in workspace.extractions()]
        assert len(errors) == 4 and all(errors)


async def test_cancel_stops_the_run_and_keeps_what_was_saved(tmp_path: Path) -> None:
    settings = Settings(llm="mock", mock_latency="2s", concurrency=1)
    with Workspace.open(tmp_path / "ws.sqlite") as workspace:
        app = make_app(workspace, paths=[EXAMPLE], settings=settings)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: bool(app.session.package.articles))
            started = time.monotonic()
            await pilot.press("x")
            assert isinstance(app.screen, ConfirmDialog)  # cancelling asks first
            await pilot.press("y")
            await wait_for(pilot, finished(app), timeout=10)
            assert time.monotonic() - started < 2.0  # did not wait for the slow extraction
            assert "Extraction cancelled" in screen_text(app)
            assert app.is_running
        assert len(workspace.articles()) == 4
        assert len(workspace.extractions()) < 4


async def test_a_failing_run_is_reported_and_the_app_keeps_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ConfigError("no model for [/] endpoint")

    monkeypatch.setattr(app_module, "run_package", broken)
    with Workspace.open(tmp_path / "ws.sqlite") as workspace:
        app = make_app(workspace, paths=[EXAMPLE], settings=Settings(llm="mock"))
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, ErrorDialog))
            assert "no model for [/] endpoint" in screen_text(app)
            await pilot.press("escape", "c")
            assert app.is_running
            assert not app.progress.running


async def test_a_second_run_keeps_unchanged_extractions_and_decisions(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite"
    with Workspace.open(path) as workspace:
        app = make_app(workspace, paths=[EXAMPLE], settings=Settings(llm="mock"))
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, finished(app))
        claim = workspace.claims()[0].id
        workspace.set_note(claim, "checked with the ministry")

    seen: list[object] = []
    with Workspace.open(path) as workspace:
        app = make_app(workspace, paths=[EXAMPLE], settings=Settings(llm="mock"))
        async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
            await wait_for(pilot, finished(app))
        ingested = [m for m in seen if isinstance(m, RunIngested)]
        assert [(m.total, m.skipped) for m in ingested] == [(0, 4)]
        assert not [m for m in seen if isinstance(m, ArticleExtracted)]
        assert workspace.decision(claim).note == "checked with the ministry"


async def test_two_stories_in_one_workspace_never_meet_in_a_finding(tmp_path: Path) -> None:
    # A night's batch opened in the workspace: a flood and a fire, one folder each. Both
    # report deaths on Monday; as one package, 30 and 4 would be a CONFLICT.
    night = tmp_path / "night"
    stories = {
        "flood": "30 people died in the floods on Monday, the interior ministry said.",
        "fire": "4 people died in the warehouse fire on Monday, firefighters said.",
    }
    for story, sentence in stories.items():
        for outlet in ("Daily Post", "Evening Star"):
            folder = night / story
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{outlet.split()[0].lower()}.md").write_text(
                f"---\noutlet: {outlet}\npublished: 2026-03-03\n---\n{sentence}\n"
            )
    with Workspace.open(tmp_path / "ws.sqlite") as workspace:
        app = make_app(workspace, paths=[night], settings=Settings(llm="offline"))
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, finished(app))
        comparison = workspace.comparison()
        folder_of = {a.id: Path(a.source).parent.name for a in workspace.articles()}
        story_of = {c.id: folder_of[c.article_id] for c in workspace.claims()}
    assert set(folder_of.values()) == {"flood", "fire"} and len(folder_of) == 4
    assert not [f for f in comparison.findings if f.rule.value == "CONFLICT"]
    deaths = [c for c in comparison.clusters if c.metric == "deaths"]
    assert len(deaths) == 2  # one per story, each with its two outlets' agreeing figures
    for cluster in comparison.clusters:
        assert len({story_of[i] for i in cluster.claim_ids}) == 1, cluster
