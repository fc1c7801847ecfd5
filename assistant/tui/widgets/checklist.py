"""The claim's checklist: each item's automatic status and the editor's own."""

from __future__ import annotations

from textual import events
from textual.coordinate import Coordinate
from textual.widgets.data_table import ColumnKey

from assistant.model import CheckKey, ChecklistItem
from assistant.tui.badges import check_badge
from assistant.tui.safe import cell
from assistant.tui.widgets.table import ListTable, fit_height, refill

MIN_LABEL, MAX_LABEL = 24, 48
STATUS_WIDTH = 6


class ChecklistTable(ListTable):
    """One row per item; the cursor picks the item to tick; a click ticks it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: list[CheckKey] = []
        self._items: list[ChecklistItem] = []
        self._label_width = MIN_LABEL

    async def _on_click(self, event: events.Click) -> None:
        # DataTable selects a row only on a second click; a checklist row is ticked by
        # the first, as the editor expects of a checkbox. Textual runs DataTable's own
        # handler after this one (it moves the cursor), so the selection comes after it.
        row = event.style.meta.get("row")
        if isinstance(row, int) and row >= 0 and row != self.cursor_row:
            self.call_later(self.action_select_cursor)

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_column("Check", key="label", width=self._label_width)
        self.add_column("Auto", key="auto", width=STATUS_WIDTH)
        self.add_column("Editor", key="editor", width=STATUS_WIDTH)

    def on_resize(self, event: events.Resize) -> None:
        # The label takes the width the two status columns leave (in 80 columns the
        # stacked layout gives it the whole line): "Consistent with the other articles?"
        # reads whole wherever there is room for it.
        spare = event.size.width - 2 * STATUS_WIDTH - 3 * 2 - 1  # cell padding, scrollbar
        width = max(MIN_LABEL, min(MAX_LABEL, spare))
        if width != self._label_width:
            self._label_width = width
            self.columns[ColumnKey("label")].width = width
            self.show(self._items)

    def show(self, items: list[ChecklistItem]) -> None:
        self._items = items
        self._keys = [item.key for item in items]
        fit_height(self, len(items))
        refill(
            self,
            [
                (
                    cell(i.label, self._label_width),
                    check_badge(i.status),
                    check_badge(i.editor_status),
                )
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
