"""The editor's note: a TextArea whose text never carries control characters."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from assistant.tui.safe import clean


class NoteArea(TextArea):
    """Pasted text is cleaned before it lands, so no escape sequence reaches the terminal."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # instead of TextArea's own paste, which inserts as is
        if self.read_only:
            return
        result = self.replace(clean(event.text), *self.selection)
        self.move_cursor(result.end_location)
        self.focus()

    def show(self, note: str) -> None:
        """Load a saved note (cleaned: notes saved by other tools may hold anything)."""
        text = clean(note)
        if self.text != text:
            self.load_text(text)
