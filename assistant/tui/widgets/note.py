"""The editor's note: a TextArea whose text never carries control characters."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import TextArea

from assistant.tui.safe import clean


class NoteArea(TextArea):
    """Pasted text is cleaned before it lands, so no escape sequence reaches the terminal.

    Escape ends editing (``Done``): the note is saved and the claim stays open.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "done", "Done writing")]

    class Done(Message):
        """The editor finished writing (escape)."""

    def action_done(self) -> None:
        self.post_message(self.Done())

    def edit_at_end(self) -> None:
        """Focus the note with the cursor after its last character, to add to it."""
        self.focus()
        self.move_cursor(self.document.end)

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
