"""The workspace file is never lost to an export, a damaged file is refused in words with
its own exit code, and a crash shows no local variables."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_screen import screen_text

from assistant.cli import EXIT_USAGE, EXIT_WORKSPACE, main
from assistant.errors import ExportError, WorkspaceCorruptError, WorkspaceError
from assistant.report import files
from assistant.store import Workspace
from assistant.tui import export
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.crash import crash_report
from assistant.tui.dialogs import ConfirmDialog, ExportDialog
from tests.test_store import TEXT_A, make_article, make_claim, make_result

pytestmark = pytest.mark.reliability


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "floods.factcheck"
    with Workspace.open(path) as ws:
        ws.save_articles([make_article("a", TEXT_A)])
        ws.save_extraction(
            make_result("a", [make_claim("a", n, value=n) for n in range(300)]), run_started=1.0
        )
    return path


def _claims(path: Path) -> int:
    with Workspace.open(path) as ws:
        return len(ws.claims())


# ---------------------------------------------------------------- export


@pytest.mark.parametrize("spelling", ["same", "relative", "symlink", "wal"])
def test_export_onto_the_open_workspace_is_refused(
    workspace: Path, spelling: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace.parent)
    target = {
        "same": workspace,
        "relative": Path("sub/../floods.factcheck"),
        "symlink": workspace.parent / "report.md",
        "wal": Path(f"{workspace}-wal"),
    }[spelling]
    (workspace.parent / "sub").mkdir()
    if spelling == "symlink":
        target.symlink_to(workspace)
    before = workspace.read_bytes()

    with pytest.raises(ExportError, match=r"is the open workspace.*Choose another file"):
        export.write_report(workspace, "md", target)

    assert workspace.read_bytes() == before
    assert _claims(workspace) == 300


def test_export_replaces_a_report_whole_or_not_at_all(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = workspace.parent / "report.md"
    target.write_text("the previous report\n")
    os.chmod(target, 0o640)

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(files.os, "replace", fail)
        with pytest.raises(OSError, match="No space"):
            export.write_report(workspace, "md", target)
    assert target.read_text() == "the previous report\n"
    assert sorted(p.name for p in workspace.parent.iterdir() if p.name.startswith(".")) == []

    export.write_report(workspace, "md", target)
    assert target.read_text().startswith("#")
    assert target.stat().st_mode & 0o777 == 0o640  # the old file's permissions are kept
    umask = os.umask(0o022)
    os.umask(umask)
    fresh = export.write_report(workspace, "json", workspace.parent / "new.json")
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # as open() makes it, not 0600


@pytest.mark.parametrize(
    ("spelling", "paths"),
    [("same", False), ("symlink", False), ("wal", False), ("same", True)],
    ids=["workspace-report", "symlink", "wal", "with-articles"],
)
def test_report_onto_its_own_workspace_is_refused_before_any_work(
    workspace: Path, capsys: pytest.CaptureFixture[str], spelling: str, paths: bool
) -> None:
    # "factcheck report --workspace W -o W --format md" replaced the workspace with
    # Markdown, as the TUI's export once did.
    target = {
        "same": workspace,
        "symlink": workspace.parent / "desk.md",
        "wal": Path(f"{workspace}-wal"),
    }[spelling]
    if spelling == "symlink":
        target.symlink_to(workspace)
    articles = workspace.parent / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("More than 1,000 people were evacuated on Monday.\n")
    before = workspace.read_bytes()

    code = main([
        "report", *([str(articles)] if paths else []), "--workspace", str(workspace),
        "--llm", "offline", "--format", "md", "-o", str(target),
    ])  # fmt: skip

    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert err.count("\n") == 1, err
    assert f"-o {target}: {target} is the open workspace" in err
    assert "Choose another file." in err
    assert workspace.read_bytes() == before
    assert _claims(workspace) == 300


def test_report_to_another_file_replaces_it_whole_and_keeps_its_mode(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = workspace.parent / "desk.md"
    target.write_text("yesterday's report\n")
    os.chmod(target, 0o640)

    main(["report", "--workspace", str(workspace), "-o", str(target), "-q"])

    assert capsys.readouterr().err == ""
    assert target.read_text().startswith("# Fact-check report")
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in workspace.parent.iterdir() if p.name.startswith(".")] == []


# ---------------------------------------------------------------- export in the app (pilot)


async def _export_to(pilot: Pilot[None], app: FactcheckApp, target: Path) -> None:
    await pilot.press("e")
    assert isinstance(app.screen, ExportDialog)
    await pilot.press("tab", "ctrl+u", *str(target), "enter")
    await pilot.pause()


def _toasts(app: FactcheckApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_the_app_asks_before_overwriting_another_file(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace.parent)  # short paths to type
    desk = Path("desk.md")
    desk.write_text("yesterday's report\n")
    with Workspace.open(workspace) as ws:
        app = make_app(ws, run_pipeline=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await _export_to(pilot, app, desk)
            assert isinstance(app.screen, ConfirmDialog)
            shown = screen_text(app)
            assert "Overwrite the existing file?" in shown and "desk.md" in shown
            await pilot.press("n")  # no: back to the choice, the file as it was
            assert isinstance(app.screen, ExportDialog)
            await pilot.press("escape")
            await app.workers.wait_for_complete()
            assert desk.read_text() == "yesterday's report\n"

            await _export_to(pilot, app, desk)
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press("y")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "Report written: desk.md" in _toasts(app)

            await _export_to(pilot, app, Path("new.md"))  # a new file: nothing to ask
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmDialog)
    assert desk.read_text().startswith("# Fact-check report")
    assert Path("new.md").read_text() == desk.read_text()


@pytest.mark.parametrize("spelling", ["same", "symlink", "wal"])
async def test_the_app_never_exports_onto_the_open_workspace(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    monkeypatch.chdir(workspace.parent)  # short names to type, a key at a time
    name = workspace.name
    target = {"same": Path(name), "symlink": Path("desk.md"), "wal": Path(f"{name}-wal")}[spelling]
    if spelling == "symlink":
        target.symlink_to(workspace)
    with Workspace.open(workspace) as ws:
        ws.set_note(ws.claims()[0].id, "checked with the ministry")
        before = workspace.read_bytes()
        app = make_app(ws, run_pipeline=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await _export_to(pilot, app, target)
            # Refused at once, with no "overwrite?" whose only answer could be no; the
            # dialog stays open for another name.
            assert isinstance(app.screen, ExportDialog)
            assert "is the open workspace" in _toasts(app)
            assert "Choose another file." in _toasts(app)
            await pilot.press("escape")
            await app.workers.wait_for_complete()
        assert ws.decision(ws.claims()[0].id).note == "checked with the ministry"
    assert workspace.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
    assert _claims(workspace) == 300


# ---------------------------------------------------------------- opening a damaged file


def _damage_last_page(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size - 4096)
        handle.write(b"\xa5" * 4096)


def test_a_corrupt_last_page_is_refused_on_open(workspace: Path) -> None:
    _damage_last_page(workspace)

    with pytest.raises(WorkspaceCorruptError, match=r"damaged.*restore it from a backup"):
        Workspace.open(workspace)


def test_tui_on_a_corrupt_workspace_is_one_line_and_exit_5(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _damage_last_page(workspace)

    code = main(["tui", "--workspace", str(workspace)])

    err = capsys.readouterr().err
    assert code == EXIT_WORKSPACE == 5
    assert err.count("\n") == 1 and "is damaged" in err and "Traceback" not in err


def test_a_file_that_is_not_sqlite_and_a_newer_schema_get_exit_5(
    tmp_path: Path, workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 300)
    with sqlite3.connect(workspace) as db:
        db.execute("INSERT INTO _migrations VALUES ('m999_from_the_future', '2030-01-01')")

    assert main(["tui", "--workspace", str(notes)]) == EXIT_WORKSPACE
    assert "not an SQLite database" in capsys.readouterr().err
    assert main(["tui", "--workspace", str(workspace)]) == EXIT_WORKSPACE
    assert "newer version of factcheck" in capsys.readouterr().err
    assert notes.read_text() == "not a database\n" * 300


def test_a_workspace_error_is_still_a_workspace_error(workspace: Path) -> None:
    _damage_last_page(workspace)
    with pytest.raises(WorkspaceError):
        Workspace.open(workspace)


# ---------------------------------------------------------------- tracebacks


def test_a_crash_report_names_frames_but_no_local_variable() -> None:
    def extract(article_text: str) -> None:
        editor_note = "NOTE-" + article_text  # noqa: F841 -- a local that must not show
        raise RuntimeError("extractor bug")

    article = "-".join(["UNPUBLISHED", "ARTICLE"])  # so no source line shows it
    try:
        extract(article + "\x1b]0;HACKED\x07")
    except RuntimeError as exc:
        text = crash_report(exc).plain

    assert "RuntimeError: extractor bug" in text and "in extract" in text
    assert "UNPUBLISHED-ARTICLE" not in text and "NOTE-UNP" not in text
    assert "\x1b" not in text


def test_the_app_dying_of_a_bug_prints_no_locals(tmp_path: Path) -> None:
    script = (
        "from assistant.tui.crash import PlainTracebackApp\n"
        "class Boom(PlainTracebackApp):\n"
        "    def on_mount(self) -> None:\n"
        "        article_text = 'UNPUBLISHED-ARTICLE-TEXT'\n"
        "        raise RuntimeError('bug on ' + str(len(article_text)))\n"
        "Boom().run(headless=True)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    output = run.stdout + run.stderr
    assert "RuntimeError: bug on 24" in output
    assert "UNPUBLISHED-ARTICLE-TEXT" not in output
    assert "locals" not in output.lower()
