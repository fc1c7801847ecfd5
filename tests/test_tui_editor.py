"""The editor's name and work travel: named by config or --editor, recorded in the audit
trail, and carried by the TUI's export (verdict, note, ticks, who and when)."""

from __future__ import annotations

import csv
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_package import story_workspace
from tui_screen import screen_text

from assistant.cli import _settings, build_parser, serve_command
from assistant.config import load_settings
from assistant.store import UNNAMED_EDITOR, Workspace
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.dialogs import ConfirmDialog, ExportDialog, NameDialog
from assistant.tui.messages import ReportExported

SIZE = (120, 36)
NOTE = "Ministry bulletin says 2,417 [sic]."


def test_the_editor_comes_from_the_flag_then_env_then_config_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('editor = "Config Name"\n', encoding="utf-8")
    assert load_settings(config_file=config, env={}).editor == "Config Name"
    env = {"FACTCHECK_EDITOR": "Env Name"}
    assert load_settings(config_file=config, env=env).editor == "Env Name"
    flags = {"editor": "  Ana\nDesk\x07 "}  # one line, no control characters
    assert load_settings(flags, config_file=config, env=env).editor == "Ana Desk"
    assert load_settings(config_file=tmp_path / "none.toml", env={}).editor is None


def test_tui_and_serve_take_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    args = build_parser().parse_args(["tui", "--editor", "Ana Desk"])
    assert _settings(args).editor == "Ana Desk"
    served = build_parser().parse_args(["serve", "--editor", "Ana Desk"])
    assert "--editor 'Ana Desk'" in serve_command(served)


def test_without_a_name_the_audit_trail_does_not_use_the_os_login(tmp_path: Path) -> None:
    import getpass

    with Workspace.open(story_workspace(tmp_path / "w.sqlite")) as ws:
        ws.set_note("star#1", "x")
        assert [e.actor for e in ws.audit("star#1")] == [UNNAMED_EDITOR]
        assert getpass.getuser() != UNNAMED_EDITOR


async def export(pilot: Pilot[None], app: FactcheckApp, target: Path) -> None:
    """Export through the dialog with keys: e, tab to the path, type it, enter."""
    await pilot.press("e")
    assert isinstance(app.screen, ExportDialog)
    await pilot.press("tab", "ctrl+u", *str(target), "enter")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_editor_flow_ends_in_exports_carrying_the_editors_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # short paths to type
    path = story_workspace(tmp_path / "floods.sqlite")
    settings = load_settings({"editor": "Ana Desk"}, env={}, config_file=tmp_path / "none")
    seen: list[object] = []
    with Workspace.open(path, actor=settings.editor) as workspace:
        app = make_app(workspace, settings=settings, run_pipeline=False)
        async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
            await pilot.press("c", "f", "f", "down", "enter")  # conflicts: star#1
            await pilot.press("down", "down", "space")  # independently verified: pass
            await pilot.press("down", "space", "space")  # consistent: fail
            await pilot.press("v", "2")  # inaccurate
            await pilot.press("w", *NOTE, "escape")
            await pilot.press("escape")  # back to the list
            md, js = Path("out/floods.md"), Path("out/floods.json")
            html, csv_file = Path("out/floods.html"), Path("out/floods.csv")
            review = Path("out/floods.claimreview.json")
            for target in (md, js, html, csv_file, review):
                await export(pilot, app, target)
            assert [(m.path, m.fmt) for m in seen if isinstance(m, ReportExported)] == [
                (md, "md"),
                (js, "json"),
                (html, "html"),
                (csv_file, "csv"),
                (review, "claimreview"),
            ]
            # Exporting over a file asks first; "no" leaves it as it was.
            before = js.read_text(encoding="utf-8")
            await pilot.press("e", "tab", "ctrl+u", *str(js), "enter")
            assert isinstance(app.screen, ConfirmDialog)
            assert "Overwrite the existing file?" in screen_text(app)
            await pilot.press("n")
            assert isinstance(app.screen, ExportDialog)
            await pilot.press("escape")
            assert js.read_text(encoding="utf-8") == before
            await pilot.press("q")

    report = json.loads(js.read_text(encoding="utf-8"))
    decided = {d["claim_id"]: d for d in report["decisions"]}
    assert set(decided) == {"star#1"}
    star = decided["star#1"]
    assert star["verdict"] == "inaccurate"
    assert star["note"] == NOTE
    assert star["items"] == {
        "independently_verified": "pass",
        "consistent_across_articles": "fail",
    }
    assert star["editor"] == "Ana Desk"
    with closing(sqlite3.connect(path)) as db:
        (updated,) = db.execute(
            "SELECT updated_at FROM decisions WHERE claim_id = 'star#1'"
        ).fetchone()
        actors = {a for (a,) in db.execute("SELECT actor FROM audit WHERE claim_id = 'star#1'")}
    assert star["decided_at"].replace("Z", "+00:00") == updated
    assert actors == {"Ana Desk"}
    text = md.read_text(encoding="utf-8")
    assert "**`star#1`** 4,000 people were evacuated on Monday" in text
    # Every format carries the verdict, the note, the ticks and who.
    for written in (md, html):
        page = written.read_text(encoding="utf-8")
        assert "inaccurate" in page and "Ana Desk" in page, written
        assert "Ministry bulletin says 2,417" in page, written
        assert "Independently verified" in page, written
    rows = csv.DictReader(csv_file.open(encoding="utf-8"))
    (row,) = [r for r in rows if r["claim_id"] == "star#1"]
    assert (row["verdict"], row["note"], row["editor"]) == ("inaccurate", NOTE, "Ana Desk")
    assert "independently_verified: pass" in row["editor_checks"]
    reviews = json.loads(review.read_text(encoding="utf-8"))
    reviews = reviews if isinstance(reviews, list) else reviews.get("@graph", [reviews])
    assert any("4,000 people" in r["claimReviewed"] for r in reviews)


def test_the_markdown_export_carries_verdict_note_and_ticks(tmp_path: Path) -> None:
    # The export the TUI runs (write_report), on decisions made as the pilot test makes them.
    from assistant.model import CheckKey, CheckStatus, Verdict
    from assistant.tui.export import write_report

    path = story_workspace(tmp_path / "floods.sqlite")
    with Workspace.open(path, actor="Ana Desk") as workspace:
        workspace.set_verdict("star#1", Verdict.inaccurate)
        workspace.set_note("star#1", NOTE)
        workspace.set_item_status("star#1", CheckKey.independently_verified, CheckStatus.passed)
    text = write_report(path, "md", tmp_path / "floods.md").read_text(encoding="utf-8")
    assert "inaccurate" in text and "Ministry bulletin says 2,417" in text and "Ana Desk" in text


async def test_the_palette_sets_the_editor_name_for_the_session(tmp_path: Path) -> None:
    with Workspace.open(story_workspace(tmp_path / "w.sqlite")) as workspace:
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=SIZE) as pilot:
            assert f"recorded as “{UNNAMED_EDITOR}”" in screen_text(app)
            app.action_editor_name()
            await pilot.pause()
            assert isinstance(app.screen, NameDialog)
            await pilot.press("ctrl+u", *"Ana Desk", "enter")
            assert workspace.actor == "Ana Desk"
            assert UNNAMED_EDITOR not in screen_text(app)
            await pilot.press("c", "enter", "v", "1")
        assert {e.actor for e in workspace.audit("planet#1")} == {"Ana Desk"}
