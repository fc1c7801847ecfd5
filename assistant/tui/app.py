"""The editor's workspace app: one story package, every claim, its checklist and verdict.

``make_app`` is the one way to build it (the CLI, ``factcheck serve`` and the tests use
it). The app owns the session and the background work; screens show the session and
write decisions through it; workers only post messages (see ``messages.py``).
"""

from __future__ import annotations

import asyncio
import gc
import io
import sys
import threading
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.signal import Signal
from textual.timer import Timer
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
from assistant.tui.giveway import GiveWay
from assistant.tui.identity import BrowserSession
from assistant.tui.messages import (
    ArticleExtracted,
    ArticleWriting,
    DecisionSaved,
    OpenArticle,
    OpenClaim,
    OpenConflict,
    PackageCounted,
    PackageLoaded,
    ReportExported,
    RunFinished,
    RunIngested,
)
from assistant.tui.package import Jump, LoadCancelled, Package
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
LOAD = "load"

# A package of more claims than this is read in the background, behind a "loading"
# line: reading 45,000 claims takes seconds. A smaller one is read at once (5,000 claims
# in a few hundred ms), with no loading line to flash.
BACKGROUND_ABOVE = 5_000
# Progress messages arrive per article, hundreds a second on a fast run; the screens are
# told at most this often, so drawing never falls behind the run.
PROGRESS_EVERY_S = 0.25
SWITCH_INTERVAL_S = 0.0005


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
        self._progress_due: Timer | None = None  # the timer that will publish progress
        self._tell_reopened = False  # a run's reopened verdicts, to count once loaded
        # Screens subscribe: "package" after a reload, "progress" while the pipeline runs.
        self.session_changed: Signal[str] = Signal(self, "session_changed")

    async def on_mount(self) -> None:
        self._screen_loop = asyncio.get_running_loop()  # what background loads give way to
        self._show_identity()
        await self._build_claims_list()
        if self.browser is not None:
            # A browser session starts by asking who is deciding (see identity.py).
            self.push_screen(
                NameDialog(self.browser.name or "", session=self.browser.label),
                self._name_chosen,
            )
        # A background thread busy in Python (loading 45,000 claims) hands the interpreter
        # back to this one only every switch interval, and a key takes dozens of those
        # handovers: 5 ms each (the default) made keys take 150-250 ms while it ran.
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        # What exists once the app is up (the package too, when read at once) lives as
        # long as the app, and holds no cycles worth looking for: kept out of the cyclic
        # collector, whose next full pass over it otherwise took 100-600 ms of the
        # editor's first or second key.
        gc.freeze()
        if self.session.loading:
            # After the first frame: the outline goes on screen before the load competes
            # with it for the interpreter.
            self.call_after_refresh(self.load_package)
        if self._run_on_mount:
            self.start_run()

    async def _build_claims_list(self) -> None:
        """Build the claims list now, unseen, and come back to the overview.

        Built on the first ``c`` instead, it cost that key 0.3-0.5 s at 45,000 claims,
        longer than any other key: Textual composes the screen then, and parses the whole
        stylesheet again for each screen whose styles it has not recorded as current
        (``App.switch_mode``). Here the cost is part of opening the workspace, before any
        key; ``c`` then only shows the screen, which redraws from the session when the
        package changed meanwhile (``SessionScreen._sync``).
        """
        with self.batch_update():  # nothing of this reaches the terminal
            await self.switch_mode("claims")
            # Mounted now: this records its styles as current, so that no later switch
            # parses the stylesheet again for it.
            self.refresh_css(animate=False)
            await self.switch_mode("overview")

    def on_unmount(self) -> None:
        # What ``gc.freeze`` kept out of the collector is never collected: given back to
        # it, and collected, once the app is over (another app may run in this process,
        # as in tests, and would freeze this one's garbage again).
        gc.unfreeze()
        gc.collect()

    def _show_identity(self) -> None:
        name = clean(self.session.workspace.path.name)
        if self.browser is not None:  # each tab says whose it is
            name = f"{name} · {clean(self.session.workspace.actor)}"
        self.sub_title = name

    # ------------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, exit_on_error=False, group=LOAD)
    def load_package(self) -> None:
        """Read the package on a connection of its own (a long read there never holds up
        the screens' reads), posting the overview's counts first when it has none."""
        worker = get_current_worker()
        # The load waits wherever the screen has work: a key never shares the
        # interpreter with it for more than a few milliseconds.
        pause = GiveWay(self._screen_loop)
        with self.session.workspace.reader(pause) as reader:
            if not self.session.package.complete:
                totals, orphans = reader.totals(), reader.orphans()
                if worker.is_cancelled:
                    return
                self.post_message(PackageCounted(totals, orphans))
            try:
                # Cancelled: a newer load replaced this one (exclusive=True).
                package = Package.load(reader, cancelled=lambda: worker.is_cancelled, pause=pause)
            except LoadCancelled:
                return
        if not worker.is_cancelled:
            self.post_message(PackageLoaded(package))

    def on_package_counted(self, message: PackageCounted) -> None:
        if not self.session.package.complete:
            self.session.loaded(self.session.package.counted(message.totals, message.orphans))
            self.session_changed.publish("package")

    def on_package_loaded(self, message: PackageLoaded) -> None:
        old = self.session.package
        self.session.loaded(message.package)
        # The package lives until the next load and holds no reference cycles: kept out
        # of the cyclic collector, whose full passes over its million objects otherwise
        # froze the screen for half a second now and then (reference counting still
        # frees it when the next package replaces it).
        gc.freeze()
        self.session_changed.publish("package")
        # The screens have let go of the package replaced: its million objects are freed
        # in a thread of its own, a slice at a time, giving way to the screen (at once,
        # they held the interpreter, and so every key, for 70-100 ms).
        drop = partial(old.release, GiveWay(self._screen_loop))
        threading.Thread(target=drop, name="drop-package", daemon=True).start()
        if self._tell_reopened:
            self._say_reopened()

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
        if self._progress_due is None:
            self._progress_due = self.set_timer(PROGRESS_EVERY_S, self._publish_progress)

    def on_article_writing(self, message: ArticleWriting) -> None:
        if message.article_id in self.progress.articles:
            return  # its result is in: a late piece changes nothing
        self.progress.writing[message.article_id] = message.pieces
        if self._progress_due is None:
            self._progress_due = self.set_timer(PROGRESS_EVERY_S, self._publish_progress)

    def _publish_progress(self) -> None:
        self._progress_due = None
        self.session_changed.publish("progress")

    def on_run_finished(self, message: RunFinished) -> None:
        self.progress.running = False
        self.progress.cancelled = message.cancelled
        self.refresh_bindings()
        self.session_changed.publish("progress")  # the final state, not a throttled one
        self._reload()
        if message.stopped is not None:
            self._say_stopped(message)
        else:
            self.notify("Extraction cancelled" if message.cancelled else "Analysis saved")
        # A large package is still loading: its count comes with it (on_package_loaded).
        self._tell_reopened = self.session.loading
        if not self.session.loading:
            self._say_reopened()

    def _say_stopped(self, message: RunFinished) -> None:
        """The endpoint refused the run (a bad key, no quota...): said once, in a dialog,
        rather than left to a column of failed rows that each look like a broken article."""
        self.push_screen(
            ErrorDialog(
                "The run stopped",
                f"{message.stopped}\n\n"
                f"{message.not_extracted} of {message.total} articles were not extracted "
                "(each is marked failed in the overview). Once the endpoint takes requests "
                "again, “Re-run pipeline” (ctrl+p) extracts them.",
            )
        )

    def _say_reopened(self) -> None:
        self._tell_reopened = False
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
        """Show what the workspace holds now: at once for a small package, else in the
        background while the screens keep showing the package as it was."""
        if self.session.loading or self.session.workspace.claim_count() > BACKGROUND_ABOVE:
            self.session.begin_load()
            self.session_changed.publish("progress")  # the "loading" line
            self.load_package()
            return
        self.session.reload()
        self.session_changed.publish("package")

    # ------------------------------------------------------------------ export

    def action_export(self) -> None:
        self.push_screen(
            ExportDialog(self.session.workspace.path, download=self.is_web), self._export_chosen
        )

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
        if not self.session.package.complete:
            self.notify("The claims are still loading", timeout=2)
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
        Session(workspace, outline=workspace.claim_count() > BACKGROUND_ABOVE),
        paths=paths,
        settings=settings or Settings(),
        run_pipeline=run_pipeline,
        browser=browser,
    )
    app.session.on_stale = app.stale_write
    return app
