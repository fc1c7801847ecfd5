"""The claim's checklist: each item's automatic status and the editor's own."""

from __future__ import annotations

from textual import events
from textual.coordinate import Coordinate

from assistant.model import CheckKey, ChecklistItem
from assistant.tui.badges import check_badge
from assistant.tui.safe import cell
from assistant.tui.widgets.table import ListTable, fit_height, refill


class ChecklistTable(ListTable):
    """One row per item; the cursor picks the item to tick; a click ticks it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: list[CheckKey] = []

    async def _on_click(self, event: events.Click) -> None:
        # DataTable selects a row only on a second click; a checklist row is ticked by
        # the first, as the editor expects of a checkbox. Textual runs DataTable's own
        # handler after this one (it moves the cursor), so the selection comes after it.
        row = event.style.meta.get("row")
        if isinstance(row, int) and row >= 0 and row != self.cursor_row:
            self.call_later(self.action_select_cursor)

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_column("Check", key="label", width=24)
        self.add_column("Auto", key="auto", width=6)
        self.add_column("Editor", key="editor", width=6)

    def show(self, items: list[ChecklistItem]) -> None:
        self._keys = [item.key for item in items]
        fit_height(self, len(items))
        refill(
            self,
            [
                (cell(i.label, 24), check_badge(i.status), check_badge(i.editor_status))
                for i in items
            ],
        )

    def update_item(self, item: ChecklistItem) -> None:
        if item.key in self._keys:
            row = self._keys.index(item.key)
            self.update_cell_at(Coordinate(row, 2), check_badge(item.editor_status))

    @property
    def selected(self) -> CheckKey | None:
        """The item under the cursor."""
        if not 0 <= self.cursor_row < len(self._keys):
            return None
        return self._keys[self.cursor_row]
