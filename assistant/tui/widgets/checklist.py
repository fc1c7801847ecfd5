"""The claim's checklist: each item's automatic status and the editor's own."""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual import events
from textual.coordinate import Coordinate
from textual.widgets.data_table import ColumnKey

from assistant.model import CheckKey, ChecklistItem
from assistant.text import one_line
from assistant.tui.badges import check_badge
from assistant.tui.safe import plain
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
        self._heights: list[int] = []

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
        # stacked layout gives it the whole line); beside the claim, a label longer than
        # that wraps onto a second line rather than lose its end.
        spare = event.size.width - 2 * STATUS_WIDTH - 3 * 2 - 1  # cell padding, scrollbar
        width = max(MIN_LABEL, min(MAX_LABEL, spare))
        if width != self._label_width:
            self._label_width = width
            self.columns[ColumnKey("label")].width = width
            self.show(self._items)

    def _label(self, text: str) -> Text:
        return plain("\n".join(textwrap.wrap(one_line(text), self._label_width)))

    def show(self, items: list[ChecklistItem]) -> None:
        self._items = items
        self._keys = [item.key for item in items]
        rows = [
            (self._label(i.label), check_badge(i.status), check_badge(i.editor_status))
            for i in items
        ]
        heights = [len(row[0].plain.split("\n")) for row in rows]
        if heights == self._heights:
            refill(self, rows)  # the next claim: same items, new statuses, in place
        else:
            # First fill, or the labels wrap differently after a resize: rows get heights.
            cursor = self.cursor_row
            self.clear()
            for index, (row, height) in enumerate(zip(rows, heights, strict=True)):
                self.add_row(*row, key=str(index), height=height)
            self._heights = heights
            if rows:
                self.move_cursor(row=min(max(cursor, 0), len(rows) - 1))
        fit_height(self, sum(heights))

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
