"""What every screen of the app shares: the session, and redrawing when it changes."""

from __future__ import annotations

from typing import ClassVar, Protocol, cast

from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.signal import Signal

from assistant.tui.progress import RunProgress
from assistant.tui.session import Session


class AppState(Protocol):
    """What screens read from the app, typed without importing the app module."""

    session: Session
    progress: RunProgress
    session_changed: Signal[str]


class SessionScreen(Screen[None]):
    """A screen that shows the session and redraws when the app says it changed.

    A screen that is not on top only notes that it is stale, and redraws when it
    comes back: a pipeline run never rebuilds a 5,000-row table nobody is looking at.

    Help and Quit are bound here, ahead of each screen's own keys, so the footer shows
    them first however narrow the terminal (the app's bindings come after the screen's).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._seen_generation = -1

    @property
    def state(self) -> AppState:
        return cast(AppState, self.app)

    @property
    def session(self) -> Session:
        return self.state.session

    def on_mount(self) -> None:
        self.state.session_changed.subscribe(self, self._session_changed)
        self._sync()

    def on_screen_resume(self) -> None:
        self._sync()

    def _session_changed(self, what: str) -> None:
        if self.is_current:
            self._sync(progress_only=what == "progress")
        elif what == "package":
            self.let_go()

    def _sync(self, progress_only: bool = False) -> None:
        if progress_only:
            self.show_progress()
            return
        if self._seen_generation != self.session.generation:
            self._seen_generation = self.session.generation
            self.show_package()
        else:
            self.show_changes()
        self.show_progress()

    def show_package(self) -> None:
        """Draw everything from ``self.session.package`` (after load or reload)."""

    def let_go(self) -> None:
        """Drop what this screen holds of the package just replaced; it redraws from the
        new one when it comes back. The app frees the old package a slice at a time in the
        background, which only works if nothing here still holds it: the last holder
        frees a 45,000-claim package at once, holding the interpreter for 70-100 ms."""

    def show_changes(self) -> None:
        """Redraw what the editor changed elsewhere (decisions) since this screen was on top."""

    def show_progress(self) -> None:
        """Redraw the pipeline run's progress."""
