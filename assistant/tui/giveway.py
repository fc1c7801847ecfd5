"""Background work that gives way to the screen: no Textual in here.

Python runs one thread at a time. A thread busy in Python (loading 45,000 claims) takes
every other turn from the thread that draws the screen, so while it runs each key the
editor presses takes about twice as long: 100-300 ms instead of 50-150 on two cores.
Called between the small steps of such work, ``GiveWay`` waits until the screen's event
loop is idle, so the work runs in the time the screen does not need, never against a key.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time

# How long the work may run between two looks at the loop: what a key pressed meanwhile
# may have to share the interpreter with, at most.
SLICE_S = 0.004
# An idle loop (waiting for input or a timer) runs a callback of ours as soon as this
# machine can switch threads: within this, or within a few times the fastest answer it
# ever gave on a machine too busy for that. A busy loop answers later, and is asked again.
IDLE_ANSWER_S = 0.002
# However busy the screen, the work goes on after waiting this long, so that it ends.
LONGEST_WAIT_S = 0.25


class GiveWay:
    """A callable for another thread's long work: each call returns at once within a
    slice of ``SLICE_S``, else when ``loop`` is idle (or ``LONGEST_WAIT_S`` passed).

    Never raises. A loop that no longer runs (the app is over) lets the work go on.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._slice_started = time.monotonic()
        self._fastest = math.inf  # the quickest answer the loop gave, in seconds

    def __call__(self) -> None:
        if time.monotonic() - self._slice_started < SLICE_S or not self._loop.is_running():
            return
        deadline = time.monotonic() + LONGEST_WAIT_S
        while not self._answers_at_once(deadline) and time.monotonic() < deadline:
            pass
        self._slice_started = time.monotonic()

    def _answers_at_once(self, deadline: float) -> bool:
        """Whether the loop ran a callback of ours as soon as an idle loop does (waiting
        until it runs it, or until ``deadline``)."""
        answered = threading.Event()
        asked = time.monotonic()
        try:
            self._loop.call_soon_threadsafe(answered.set)
        except RuntimeError:  # the loop is closed
            return True
        if not answered.wait(max(0.0, deadline - asked)):
            return False
        took = time.monotonic() - asked
        self._fastest = min(self._fastest, took)
        return took <= max(IDLE_ANSWER_S, 4 * self._fastest)
