"""Who is deciding in a ``factcheck serve`` browser session. No Textual in here.

Every browser tab on one ``factcheck serve`` runs its own ``factcheck tui`` process. The
server numbers the sessions and tells each process, in its environment, which one it is
("browser session 2, 127.0.0.1") and the name this browser remembers (``?editor=NAME``
once in the URL; a cookie keeps it). The app then asks the editor's name, pre-filled; the
name goes on every decision and audit row of that session, and the session label on
every audit row, so two tabs never write as one person unseen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assistant.text import one_line

SESSION_ENV = "FACTCHECK_SESSION"  # set by the server for each session's process
SESSION_EDITOR_ENV = "FACTCHECK_SESSION_EDITOR"  # the name the browser remembers
NAME_LIMIT = 100  # as the editor setting and the name dialog


def clean_name(text: str | None, limit: int = NAME_LIMIT) -> str:
    """A name or label as the audit trail stores it: one line, no control characters."""
    return one_line(text or "")[:limit].strip()


@dataclass(frozen=True)
class BrowserSession:
    """One ``factcheck serve`` session: its label, and the name to offer the editor."""

    label: str
    name: str | None = None

    @classmethod
    def from_environment(
        cls, environ: Mapping[str, str], default_name: str | None
    ) -> BrowserSession | None:
        """The session the server started this process for; None outside ``serve``.

        The name offered is the one this browser remembers, else ``default_name`` (the
        ``--editor`` or config name ``serve`` was given, the same for every tab).
        """
        label = clean_name(environ.get(SESSION_ENV))
        if not label:
            return None
        name = clean_name(environ.get(SESSION_EDITOR_ENV)) or clean_name(default_name)
        return cls(label=label, name=name or None)
