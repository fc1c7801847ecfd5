"""Running the ``factcheck`` command line in-process for the benchmarks, timed."""

from __future__ import annotations

import contextlib
import io
import time

from assistant.cli import main


def timed_main(argv: list[str]) -> tuple[float, str]:
    """(wall seconds, what it wrote on stderr) of ``factcheck <argv>`` run in this process.

    Raises ``SystemExit`` with the command's stderr when it exits non-zero: a benchmark
    of a failed run measures nothing."""
    err = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stderr(err):
        code = main(argv)
    wall = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"factcheck exited {code}: {err.getvalue()}")
    return wall, err.getvalue()
