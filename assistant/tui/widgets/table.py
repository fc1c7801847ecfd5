"""Tables of the app: lists whose Home and End go to the first and last row, and
refilling a small table in place, for screens that redraw it on every claim."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable


class ListTable(DataTable[Text]):
    """A row-cursor table where Home and End go to the first and last row, as in any list.

    DataTable's own Home and End scroll sideways, which a list of rows never needs.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]


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
