"""The app around the screens: help, themes, export, small terminals, serve."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, Select
from tui_package import story_workspace
from tui_screen import screen_text

from assistant.model import Verdict
from assistant.store import Workspace
from assistant.tui import serve as serve_module
from assistant.tui.app import make_app
from assistant.tui.dialogs import ExportDialog, HelpScreen
from assistant.tui.export import write_report
from assistant.tui.messages import ReportExported
from assistant.tui.screens.article import ArticleScreen
from assistant.tui.screens.claims import ClaimsScreen
from assistant.tui.screens.detail import ClaimDetailScreen
from assistant.tui.screens.overview import OverviewScreen

SEVERITY_COUNT = re.compile(r"(\d+) (high|medium|low|info)")


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(story_workspace(tmp_path / "floods.sqlite")) as ws:
        yield ws


async def test_help_and_theme(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "claims list (closes the claim or article on top of it)" in screen_text(app)
        await pilot.press("pagedown")
        assert "cancel the running extraction" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, OverviewScreen)
        dark = app.theme
        await pilot.press("t")
        assert app.theme != dark
        await pilot.press("t")
        assert app.theme == dark


async def test_export_writes_the_report_with_the_editors_verdicts(
    workspace: Workspace, tmp_path: Path
) -> None:
    workspace.set_verdict("star#1", Verdict.inaccurate)
    target = tmp_path / "out" / "floods.json"
    seen: list[object] = []
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(100, 30), message_hook=seen.append) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#format", Select).value = "json"
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.click("#export")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [(m.path, m.fmt) for m in seen if isinstance(m, ReportExported)] == [
            (target, "json")
        ]
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["summary"]["claims"] == 7
    decided = {d["claim_id"]: d for d in report["decisions"]}
    assert decided["star#1"]["verdict"] == "inaccurate"
    assert decided["star#1"]["note"] == ""
    assert decided["star#1"]["editor"] == workspace.actor  # who, from the audit trail
    assert decided["star#1"]["decided_at"]


async def test_the_overview_counts_each_finding_once_as_the_report_does(
    workspace: Workspace, tmp_path: Path
) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(120, 36)):
        lines = screen_text(app).splitlines()
    header = next(line for line in lines if "findings:" in line)
    shown = {severity: int(n) for n, severity in SEVERITY_COUNT.findall(header)}
    report = json.loads(write_report(workspace.path, "json", tmp_path / "r.json").read_text())
    # The CONFLICT spans Metro Wire and Evening Star: one finding, in both of their rows.
    assert shown == report["summary"]["findings"] == {"high": 1, "medium": 1, "low": 2}
    rows = {line.split("  ")[0].strip(): line for line in lines}
    assert "1 high" in rows["Metro Wire"] and "1 high" in rows["Evening Star"]


async def test_every_screen_works_in_80_by_24(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Daily Planet" in screen_text(app)
        await pilot.press("c")
        assert isinstance(app.screen, ClaimsScreen)
        assert "More than 2,000 people" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, ClaimDetailScreen)
        assert "Checklist" in screen_text(app)
        await pilot.press("r")
        assert isinstance(app.screen, ArticleScreen)
        assert "Floodwaters forced thousands" in screen_text(app)
        await pilot.press("n", "enter")  # the article's next claim opens in the detail
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.claim_id == "planet#2"


async def test_the_mouse_opens_claims(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.click("#claims", offset=(40, 3))  # header row, then claims: the third
        await pilot.click("#claims", offset=(40, 3))  # a second click on the row opens it
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.claim_id == "planet#3"


def test_serve_binds_to_loopback_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[str, str, int, bool]] = []

    def serve(self: serve_module.GuardedServer, debug: bool = False) -> None:
        started.append((self.command, self.host, self.port, self.loopback))

    monkeypatch.setattr(serve_module.GuardedServer, "serve", serve)
    serve_module.serve("factcheck tui --workspace w.sqlite")
    assert started == [("factcheck tui --workspace w.sqlite", "127.0.0.1", 8000, True)]
