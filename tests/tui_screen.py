"""Read what a running app shows, as text: the characters a terminal would be sent; and
wait for it to get somewhere."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from typing import Any

from rich.console import Console
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot


def screen_text(app: App[Any]) -> str:
    """The current screen (with the screens under a modal) as plain text, one line per row."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False
    )
    # The same render the SVG screenshot uses: the compositor's full frame.
    frame = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(frame)
    return console.export_text(styles=False)


def region_words(app: App[Any], region: Region) -> str:
    """What shows inside ``region`` of the screen, its words joined by single spaces.

    Reads across wrapped lines ("the interior / ministry said" -> "the interior ministry
    said") without picking up a pane beside it.
    """
    rows = screen_text(app).splitlines()[region.y : region.bottom]
    return " ".join(" ".join(row[region.x : region.right] for row in rows).split())


async def settle(pilot: Pilot[Any], done: Callable[[], bool], timeout: float = 30.0) -> None:
    """Let the app run until ``done()`` holds (failing after ``timeout`` seconds), then
    one more pause, so the screen shows what got it there."""
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "the app did not get there in time"
        await pilot.pause(0.02)
    await pilot.pause()
