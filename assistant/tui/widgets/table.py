"""Tables of the app: lists whose Home and End go to the first and last row, and
refilling a small table in place, for screens that redraw it on every claim."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import ClassVar, Self

from rich.text import Text
from textual import events, on
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable

# Rows a paged table adds at a time: more than a screenful. DataTable measures every cell it is
# given (about half a millisecond a row on a busy machine), so a page costs tens of ms.
PAGE = 60


class ListTable(DataTable[Text]):
    """A row-cursor table where Home and End go to the first and last row, as in any list.

    DataTable's own Home and End scroll sideways, which a list of rows never needs.

    ``show_pages`` makes it a window on a long list: rows are added a page at a time as
    the cursor or the view nears the last row added, so 45,000 claims cost what the
    editor looks at, not 45,000 rows up front (nor a background fill competing with
    every key).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._total = 0
        self._add: Callable[[int], None] | None = None

    def clear(self, columns: bool = False) -> Self:
        self._total, self._add = 0, None
        return super().clear(columns)

    def show_pages(self, total: int, add: Callable[[int], None], *, upto: int = 0) -> None:
        """Show ``total`` rows, ``add(i)`` adding the i-th: the first page now (and every
        row up to ``upto``), the rest as they come into view. Clear the table first."""
        self._total, self._add = total, add
        self.extend(max(upto + PAGE // 2, PAGE))

    def stop_paging(self) -> None:
        """Add no more rows: the list they came from is let go (the rows shown stay)."""
        self._total, self._add = self.row_count, None

    @property
    def pending(self) -> int:
        """Rows of the list not added yet."""
        return self._total - self.row_count if self._add is not None else 0

    def extend(self, upto: int) -> None:
        """Add the rows of the list up to ``upto`` (as far as there are)."""
        if self._add is None:
            return
        for index in range(self.row_count, min(upto, self._total)):
            self._add(index)

    def _near_end(self) -> None:
        if self.pending:
            bottom = max(self.cursor_row, round(self.scroll_y) + self.size.height)
            if bottom + PAGE // 2 >= self.row_count:
                self.extend(self.row_count + PAGE)

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        if self.pending:
            self.call_later(self._near_end)

    @on(events.Resize)
    def _taller(self) -> None:
        if self.pending:  # a taller view may show more than the rows added so far
            self.call_later(self._near_end)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.pending:
            self.call_later(self._near_end)

    def action_scroll_bottom(self) -> None:
        """The last row: a page at a time to it (the screen answers keys meanwhile), the
        cursor following, unless the editor moves it elsewhere first."""
        if self.pending:
            self.extend(self.row_count + PAGE)
        super().action_scroll_bottom()
        if self.pending:
            self.call_after_refresh(self._follow_to_end, self.row_count - 1)

    def _follow_to_end(self, row: int) -> None:
        if self.cursor_row == row:  # still where End put it
            self.action_scroll_bottom()


def refill(table: DataTable[Text], rows: Sequence[Sequence[Text]]) -> None:
    """Make ``table`` show ``rows``, changing cells in place where it can.

    ``clear()`` plus ``add_row`` makes the table re-measure itself and the screen re-lay
    out; moving to the next claim (same columns, mostly the same row count) only needs
    new cell contents, which keeps the move well under a frame's budget.
    """
    for index, row in enumerate(rows):
        if index < table.row_count:
            for column, value in enumerate(row):
                table.update_cell_at(Coordinate(index, column), value)
        else:
            table.add_row(*row, key=str(index))
    while table.row_count > len(rows):
        table.remove_row(table.coordinate_to_cell_key(Coordinate(table.row_count - 1, 0)).row_key)


def fit_height(table: DataTable[Text], rows: int) -> None:
    """Size ``table`` to its header plus ``rows``; setting an unchanged height would re-lay out."""
    height = rows + 1
    if table.styles.height is None or table.styles.height.value != height:
        table.styles.height = height


# How long one step of a long fill may hold the screen: a key pressed meanwhile waits at
# most this long (plus the frame), whatever the machine's speed or load.
STEP_S = 0.012


def fill_step(start: int, total: int, least: int, draw: Callable[[int], None]) -> int:
    """Call ``draw`` on ``start``, ``start + 1``... for ``least`` items, then for as many
    more as fit in ``STEP_S``; returns where the next step starts.

    Long lists are drawn a step per refresh (``call_after_refresh``): the first rows at
    once, the rest without ever freezing the screen, however slow a row is to add.
    """
    deadline = time.perf_counter() + STEP_S
    index = start
    while index < total and (index < start + least or time.perf_counter() < deadline):
        draw(index)
        index += 1
    return index
