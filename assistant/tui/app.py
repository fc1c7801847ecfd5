"""The editor's workspace app: one story package, every claim, its checklist and verdict.

``make_app`` is the one way to build it (the CLI, ``factcheck serve`` and the tests use
it). The app owns the session and the background work; screens show the session and
write decisions through it; workers only post messages (see ``messages.py``).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.signal import Signal
from textual.worker import Worker, WorkerState, get_current_worker

from assistant.config import Settings
from assistant.errors import FactcheckError
from assistant.store import StaleDecisionError, Workspace
from assistant.tui.crash import PlainTracebackApp
from assistant.tui.dialogs import (
    ConfirmDialog,
    ErrorDialog,
    ExportDialog,
    ExportRequest,
    HelpScreen,
    NameDialog,
)
from assistant.tui.export import render_report, write_report
from assistant.tui.identity import BrowserSession
from assistant.tui.messages import (
    ArticleExtracted,
    DecisionSaved,
    OpenArticle,
    OpenClaim,
    OpenConflict,
    ReportExported,
    RunFinished,
    RunIngested,
)
from assistant.tui.package import Jump
from assistant.tui.progress import RunProgress
from assistant.tui.runner import run_package
from assistant.tui.safe import clean
from assistant.tui.screens.article import ArticleScreen
from assistant.tui.screens.claims import ClaimsScreen
from assistant.tui.screens.conflict import ConflictScreen
from assistant.tui.screens.detail import ClaimDetailScreen
from assistant.tui.screens.overview import OverviewScreen
from assistant.tui.session import Session

PIPELINE = "pipeline"
EXPORT = "export"


class FactcheckApp(PlainTracebackApp):
    """The workspace TUI. Build it with ``make_app``."""

    CSS_PATH = "app.tcss"
    TITLE = "factcheck"
    MODES: ClassVar = {"overview": OverviewScreen, "claims": ClaimsScreen}
    DEFAULT_MODE = "overview"
    # ? and q first: the footer keeps them in view however narrow the terminal; the
    # keys it has no room for are in help (?) and the palette (ctrl+p).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
        Binding("o", "go('overview')", "Overview"),
        Binding("c", "go('claims')", "Claims"),
        Binding("u", "jump('unchecked')", "Next unchecked", show=False),
        Binding("h", "jump('high-severity')", "Next high", show=False),
        Binding("e", "export", "Export"),
        Binding("x", "cancel_run", "Cancel run"),
        Binding("t", "toggle_dark", "Theme", show=False),
    ]

    def __init__(
        self,
        session: Session,
        *,
        paths: Sequence[Path],
        settings: Settings,
        run_pipeline: bool,
        browser: BrowserSession | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.browser = browser
        self.paths = list(paths)
        self.settings = settings
        self.progress = RunProgress()
        self._run_on_mount = run_pipeline and bool(self.paths)
        self._reopened_before_run = 0
        # Screens subscribe: "package" after a reload, "progress" while the pipeline runs.
        self.session_changed: Signal[str] = Signal(self, "session_changed")

    def on_mount(self) -> None:
        self._show_identity()
        if self.browser is not None:
            # A browser session starts by asking who is deciding (see identity.py).
            self.push_screen(
                NameDialog(self.browser.name or "", session=self.browser.label),
                self._name_chosen,
            )
        if self._run_on_mount:
            self.start_run()

    def _show_identity(self) -> None:
        name = clean(self.session.workspace.path.name)
        if self.browser is not None:  # each tab says whose it is
            name = f"{name} · {clean(self.session.workspace.actor)}"
        self.sub_title = name

    # ------------------------------------------------------------------ pipeline

    def start_run(self) -> None:
        # Counted before the run: its reloads may already show what it reopened.
        self._reopened_before_run = self.session.package.reopened()
        self.progress = RunProgress(running=True)
        self.session_changed.publish("progress")
        self.refresh_bindings()
        self.run_pipeline()

    @work(thread=True, exclusive=True, exit_on_error=False, group=PIPELINE)
    def run_pipeline(self) -> None:
        worker = get_current_worker()
        run_package(
            self.session.workspace.path,
            self.paths,
            self.settings,
            actor=self.session.workspace.actor,
            session=self.session.workspace.session,
            post=self.post_message,
            cancelled=lambda: worker.is_cancelled,
        )

    def on_run_ingested(self, message: RunIngested) -> None:
        self.progress.total = message.total
        self._reload()

    def on_article_extracted(self, message: ArticleExtracted) -> None:
        self.progress.record(message)
        self.session_changed.publish("progress")

    def on_run_finished(self, message: RunFinished) -> None:
        self.progress.running = False
        self.progress.cancelled = message.cancelled
        self.refresh_bindings()
        self._reload()
        self.notify("Extraction cancelled" if message.cancelled else "Analysis saved")
        reopened = self.session.package.reopened() - self._reopened_before_run
        if reopened > 0:
            # Said out loud: a verdict never changes quietly under the editor.
            self.notify(
                f"{reopened} verdict(s) reopened: the text changed since the verdict. "
                "Filter the claims list by 'reopened' (f) to see them.",
                title="Text changed",
                severity="warning",
                timeout=10,
            )

    def action_cancel_run(self) -> None:
        self.push_screen(
            ConfirmDialog(
                "Cancel the running extraction?",
                "The articles extracted so far are kept; the rest wait for the next run.",
                yes="Cancel the run",
            ),
            self._cancel_confirmed,
        )

    def _cancel_confirmed(self, yes: bool | None) -> None:
        if yes and self.progress.running:
            self.workers.cancel_group(self, PIPELINE)
            self.notify("Cancelling…")

    def _reload(self) -> None:
        self.session.reload()
        self.session_changed.publish("package")

    # ------------------------------------------------------------------ export

    def action_export(self) -> None:
        self.push_screen(ExportDialog(self.session.workspace.path), self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        if request is not None:
            self.export_report(request)

    @work(thread=True, exclusive=True, exit_on_error=False, group=EXPORT)
    def export_report(self, request: ExportRequest) -> None:
        if self.is_web:
            # In a browser (``factcheck serve``) the editor wants the file, not a file on
            # the server's disk: it is offered as a download under the name chosen.
            text = render_report(self.session.workspace.path, request.fmt)
            self.call_from_thread(
                self.deliver_text, io.StringIO(text), save_filename=request.path.name
            )
            self.post_message(ReportExported(request.path, request.fmt, downloaded=True))
            return
        write_report(self.session.workspace.path, request.fmt, request.path)
        self.post_message(ReportExported(request.path, request.fmt))

    def on_report_exported(self, message: ReportExported) -> None:
        if message.downloaded:
            self.notify(f"Report downloaded: {clean(message.path.name)}", markup=False)
        else:
            self.notify(f"Report written: {clean(str(message.path))}", markup=False)

    # ------------------------------------------------------------------ errors, one place

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == PIPELINE and event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            # The thread may still be finishing its last save; RunFinished reloads after it.
            self.progress.running = False
            self.progress.cancelled = event.state is WorkerState.CANCELLED
            self.refresh_bindings()
            self.session_changed.publish("progress")
        if event.state is WorkerState.ERROR and worker.error is not None:
            self.show_error(worker.group, worker.error)

    def stale_write(self, error: StaleDecisionError) -> None:
        """Another session changed the claim first: say so, and show what it holds now."""
        self._reload()
        self.show_error("save", error)

    def show_error(self, during: str, error: BaseException) -> None:
        """Tell the editor what failed, in words; the app keeps running."""
        if isinstance(error, FactcheckError):
            text = str(error)
        else:
            text = f"{type(error).__name__}: {error}"
        self.push_screen(ErrorDialog(f"The {during} failed", text))

    # ------------------------------------------------------------------ navigation, decisions

    def on_open_claim(self, message: OpenClaim) -> None:
        self.push_screen(ClaimDetailScreen(message.claim_id))

    async def action_go(self, mode: str) -> None:
        """The overview or the claims list itself, from any screen: what was opened on
        top of it is closed (a note being typed is saved first)."""
        if isinstance(self.screen, ModalScreen):
            return  # a dialog waits for its answer
        self._flush_note()
        if self.current_mode != mode:
            await self.switch_mode(mode)
        while len(self.screen_stack) > 1:
            await self.pop_screen()

    def action_jump(self, jump: str) -> None:
        """Open the next claim still to decide, or the next with a high-severity finding."""
        if isinstance(self.screen, ModalScreen):
            return
        kind = Jump(jump)
        screen = self.screen
        after = screen.claim_id if isinstance(screen, ClaimDetailScreen) else None
        if isinstance(screen, ClaimsScreen):
            after = screen.cursor_claim()
        target = self.session.jump(after or self.session.current, kind)
        if target is None:
            self.notify(f"No {kind.value} claim left", timeout=2)
        elif isinstance(screen, ClaimDetailScreen):
            screen.go_to(target.id)
        else:
            self.push_screen(ClaimDetailScreen(target.id))

    def _flush_note(self) -> None:
        flush = getattr(self.screen, "flush", None)
        if callable(flush):
            flush()

    def on_open_conflict(self, message: OpenConflict) -> None:
        self.push_screen(ConflictScreen(message.claim_id))

    def on_open_article(self, message: OpenArticle) -> None:
        self.push_screen(ArticleScreen(message.article_id, message.claim_id))

    def on_decision_saved(self, message: DecisionSaved) -> None:
        self.notify(message.what, title="Saved", markup=False, timeout=2)

    # ------------------------------------------------------------------ chrome

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_run":
            return self.progress.running
        return True

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        # A note being typed is saved before leaving, like every other decision.
        self._flush_note()
        self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Overview", "Articles, extraction progress, rejected inputs", self._overview
        )
        yield SystemCommand("Claims", "Every claim with its badges; filter and sort", self._claims)
        yield SystemCommand(
            "Export report", "Write the report (Markdown, JSON, ...)", self.action_export
        )
        yield SystemCommand(
            "Toggle light/dark theme", "Switch between light and dark", self.action_toggle_dark
        )
        yield SystemCommand("Help", "Keys and what the badges mean", self.action_help)
        yield SystemCommand(
            "Next unchecked claim (u)", "Open the next claim without a verdict", self._unchecked
        )
        yield SystemCommand(
            "Next high-severity claim (h)",
            "Open the next claim with a high-severity finding",
            self._high,
        )
        yield SystemCommand(
            "Editor name",
            # Not the name itself: palette help text is markup, and a name is free text.
            "Your name, as the audit trail and exports record it",
            self.action_editor_name,
        )
        if self.paths:
            yield SystemCommand(
                "Re-run pipeline", "Ingest, extract what changed, compare", self.start_run
            )
        if self.progress.running:
            yield SystemCommand(
                "Cancel extraction", "Stop the running extraction", self.action_cancel_run
            )
        if isinstance(screen, (ClaimsScreen, ClaimDetailScreen)):
            yield from screen.commands()

    def _unchecked(self) -> None:
        self.action_jump(Jump.unchecked.value)

    def _high(self) -> None:
        self.action_jump(Jump.high.value)

    def action_editor_name(self) -> None:
        self.push_screen(NameDialog(self.session.workspace.actor), self._name_chosen)

    def _name_chosen(self, name: str | None) -> None:
        if name is not None and name != self.session.workspace.actor:
            # For this session; --editor or the config file make it stick.
            self.session.workspace.actor = name
            self._show_identity()
            self.session_changed.publish("package")
            self.notify(f"Decisions are now recorded as {name}", markup=False)

    async def _overview(self) -> None:
        await self.action_go("overview")

    async def _claims(self) -> None:
        await self.action_go("claims")


def make_app(
    workspace: Workspace,
    *,
    paths: Sequence[Path] = (),
    settings: Settings | None = None,
    run_pipeline: bool = True,
    browser: BrowserSession | None = None,
) -> FactcheckApp:
    """Build the app on an open workspace.

    With ``paths`` and ``run_pipeline`` the app ingests, extracts and compares them in the
    background, saving into ``workspace``; otherwise it shows what the workspace holds.
    With ``browser`` (a ``factcheck serve`` session) it opens by asking the editor's name.
    Raises what ``Workspace`` raises when the workspace cannot be read.
    """
    app = FactcheckApp(
        Session(workspace),
        paths=paths,
        settings=settings or Settings(),
        run_pipeline=run_pipeline,
        browser=browser,
    )
    app.session.on_stale = app.stale_write
    return app
