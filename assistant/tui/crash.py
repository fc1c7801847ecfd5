"""What the terminal shows when the app dies of a bug: frames, never their variables.

Textual prints an unhandled exception as a rich traceback with every frame's local
variables: article text, notes, the settings (and so, once decoded, the API key) all went
to the editor's terminal and into whatever log captured it.
"""

from __future__ import annotations

import sys
import traceback

from rich.text import Text
from textual.app import App

from assistant.redact import redact
from assistant.text import strip_controls


def crash_report(error: BaseException | None) -> Text:
    """The traceback as plain text: file, line and code of each frame, and the error's
    message; control characters stripped, the key redacted. Never local variables."""
    if error is None:
        return Text("factcheck: the app stopped on an unknown error\n")
    lines = traceback.format_exception(error)
    return Text(strip_controls(redact("".join(lines))))


class PlainTracebackApp(App[None]):
    """An ``App`` whose fatal-error output is ``crash_report``."""

    def _fatal_error(self) -> None:  # Textual's hook for an unhandled exception
        self.bell()
        error = sys.exc_info()[1] or self._exception
        self._exit_renderables.append(crash_report(error))
        self._close_messages_no_wait()
